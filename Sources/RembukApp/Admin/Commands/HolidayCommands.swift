import Fluent
import Foundation
import RembukCore

/// Bappeda adds a public holiday or cuti bersama; from then on the working-day clocks skip it.
struct AddHoliday {
    struct Input: Codable, Sendable {
        var day: String?
        var name: String?
    }

    enum Outcome {
        case added(LocalDate)
        case invalid(FormErrors)
    }

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard ctx.principal.accountID != nil else { throw UserFacingError.signInRequired }
        guard ctx.actor.can(.managePlanning(kabupaten: ctx.settings.kabupaten)) else { throw UserFacingError.forbidden }
        var errors = FormErrors()
        let day = LocalDate(iso: (input.day ?? "").trimmingCharacters(in: .whitespaces))
        let name = CleanText.line(input.name ?? "")
        var recorded: Holiday?
        if let day { recorded = try await Holiday.find(day.iso, on: ctx.db) }
        if let day {
            if !(ctx.today.year - 1 ... ctx.today.year + 2).contains(day.year) {
                errors.add("day", Phrase("Isi tanggal antara tahun \(ctx.today.year - 1) dan \(ctx.today.year + 2).",
                                         "Enter a date between \(ctx.today.year - 1) and \(ctx.today.year + 2)."))
            } else if [6, 7].contains(day.weekday) {
                errors.add("day", Phrase("\(DateText.long(day)) sudah hari libur akhir pekan.", "\(DateText.long(day, .en)) is a weekend already."))
            } else if ctx.settings.holidays.contains(day) || recorded != nil {
                errors.add("day", Phrase("\(DateText.long(day)) sudah tercatat sebagai hari libur.", "\(DateText.long(day, .en)) is a holiday already."))
            }
        } else {
            errors.add("day", Phrase("Isi tanggal, misalnya 2026-12-25.", "Enter a date, e.g. 2026-12-25."))
        }
        if !(3...100).contains(name.count) { errors.add("name", Phrase("Tulis nama hari liburnya, 3–100 huruf.", "Name the holiday, 3–100 characters.")) }
        guard errors.isEmpty, let day else { return .invalid(errors) }
        let identity = ctx.identity
        let now = ctx.now
        do {
            try await ctx.writes.transaction { db in
                try await Holiday(day: day, name: name).create(on: db)
                try await AuditLog.append(AuditDraft(actor: identity, action: "holiday.added", subjectType: "holiday", subjectID: day.iso,
                                                     regionCode: ctx.settings.kabupaten.value, summary: "hari libur \(DateText.long(day)): \(name)"),
                                          on: db, now: now)
            }
        } catch where error.isConstraintFailure {
            errors.add("day", Phrase("\(DateText.long(day)) sudah tercatat sebagai hari libur.", "\(DateText.long(day, .en)) is a holiday already."))
            return .invalid(errors)
        }
        return .added(day)
    }
}

/// Bappeda removes a holiday entered by mistake (not one from the server's configuration).
struct RemoveHoliday {
    func run(day raw: String, in ctx: Invocation) async throws {
        guard ctx.principal.accountID != nil else { throw UserFacingError.signInRequired }
        guard ctx.actor.can(.managePlanning(kabupaten: ctx.settings.kabupaten)) else { throw UserFacingError.forbidden }
        guard let day = LocalDate(iso: raw), let holiday = try await Holiday.find(day.iso, on: ctx.db) else {
            throw UserFacingError(.notFound, Phrase("Hari libur itu tidak tercatat.", "That holiday is not recorded."))
        }
        let identity = ctx.identity
        let now = ctx.now
        let name = holiday.name
        try await ctx.writes.transaction { db in
            try await Holiday.query(on: db).filter(\.$id == day.iso).delete()
            try await AuditLog.append(AuditDraft(actor: identity, action: "holiday.removed", subjectType: "holiday", subjectID: day.iso,
                                                 regionCode: ctx.settings.kabupaten.value, summary: "hari libur \(DateText.long(day)) dihapus: \(name)"),
                                      on: db, now: now)
        }
    }
}
