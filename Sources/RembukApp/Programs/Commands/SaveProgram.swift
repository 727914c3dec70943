import Fluent
import Foundation
import RembukCore

/// Agency staff (or Bappeda) describe a programme: what, for whom, who may register, the budget line and
/// how many sessions earn a certificate. It starts as planned; registration opens with a status change.
struct SaveProgram {
    struct Input: Codable, Sendable {
        var title: String?
        var type: String?
        var description: String?
        var target_group: String?
        var eligible_kecamatan: [String]?
        var umkm_only: String?
        var agency: String?
        var year: String?
        var sub_kegiatan: String?
        var budget: String?
        var minimum_sessions: String?
    }

    enum Outcome {
        case saved(Program)
        case invalid(FormErrors)
    }

    var existing: Program?

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard ctx.principal.accountID != nil || ctx.identity == .system else { throw UserFacingError.signInRequired }
        if let existing { try ProgramGuard.requireManager(existing, ctx) }
        var errors = FormErrors()
        let title = CleanText.line(input.title ?? "")
        if !(10...150).contains(title.count) { errors.add("title", Phrase("Nama program 10–150 huruf.", "The programme's name has 10–150 characters.")) }
        let type = ProgramType(rawValue: input.type ?? "")
        if type == nil { errors.add("type", Phrase("Pilih jenis program.", "Choose the kind of programme.")) }
        let description = TextInput.clean(input.description ?? "")
        if !(30...5000).contains(description.count) {
            errors.add("description", Phrase("Uraikan programnya, 30–5.000 huruf.", "Describe the programme in 30–5,000 characters."))
        }
        let target = CleanText.line(input.target_group ?? "")
        if !(3...200).contains(target.count) {
            errors.add("target_group", Phrase("Sebutkan sasaran peserta, misalnya “pelaku UMKM makanan olahan”.", "Name the target group."))
        }
        let kecamatan = Set((input.eligible_kecamatan ?? []).filter { !$0.isEmpty })
        for code in kecamatan {
            guard let region = RegionCode(code), region.level == .kecamatan, ctx.settings.kabupaten.contains(region) else {
                errors.add("eligible_kecamatan", Phrase("Kecamatan yang dipilih tidak dikenal.", "Unknown district chosen."))
                break
            }
        }
        let agency = existing?.agency ?? (input.agency ?? "")
        if existing == nil {
            if try await Agency.find(agency, on: ctx.db) == nil {
                errors.add("agency", Phrase("Pilih perangkat daerah penyelenggara.", "Choose the agency running it."))
            } else if !ctx.actor.can(.actForAgency(agency)) {
                throw UserFacingError(.forbidden, Phrase("Anda hanya bisa membuat program untuk perangkat daerah Anda sendiri.", "You can only create programmes for your own agency."))
            }
        }
        let year = Int((input.year ?? "").trimmingCharacters(in: .whitespaces))
        if year == nil || !(2020...2100).contains(year!) { errors.add("year", Phrase("Tahun anggaran berupa tahun, misalnya 2027.", "The budget year, e.g. 2027.")) }
        let subKegiatanText = (input.sub_kegiatan ?? "").trimmingCharacters(in: .whitespaces)
        let code = SubKegiatanCode(subKegiatanText)
        if !subKegiatanText.isEmpty && code == nil {
            errors.add("sub_kegiatan", Phrase("Kode sub-kegiatan seperti 3.26.03.2.01.0002, atau kosongkan bila dibiayai mitra.",
                                              "A sub-activity code like 3.26.03.2.01.0002, or empty when a partner pays."))
        }
        let budget = Rupiah.parse(input.budget ?? "")
        if budget == nil || budget!.amount < 0 || budget!.amount > SaveProject.maximumPagu {
            errors.add("budget", Phrase("Anggaran dalam rupiah utuh, 0 atau lebih, misalnya 75.000.000.", "The budget in whole rupiah, 0 or more."))
        }
        let minimum = Int((input.minimum_sessions ?? "").trimmingCharacters(in: .whitespaces))
        if minimum == nil || !(1...100).contains(minimum!) {
            errors.add("minimum_sessions", Phrase("Jumlah sesi minimal untuk sertifikat: 1 sampai 100.", "Sessions needed for a certificate: 1 to 100."))
        }
        guard errors.isEmpty, let type, let year, let budget, let minimum else { return .invalid(errors) }

        let program = existing ?? Program()
        let isNew = existing == nil
        program.title = title
        program.type = type.rawValue
        program.description = description
        program.targetGroup = target
        program.eligibleKecamatan = kecamatan.sorted().joined(separator: " ")
        program.umkmOnly = type.isUMKM && input.umkm_only == "on"
        program.agency = agency
        program.year = year
        program.subKegiatan = code?.value ?? ""
        program.budget = budget.amount
        program.minimumSessions = minimum
        if isNew {
            program.status = ProgramStatus.direncanakan.rawValue
            program.createdMillis = ctx.now.millis
        }
        let summary = "\(type.label(.id)), anggaran \(Rupiah(budget.amount).formatted)"
        try await ctx.writes.transaction { db in
            try await program.save(on: db)
            try await ProgramGuard.audit(program, isNew ? "program.created" : "program.updated", summary, ctx: ctx, on: db)
        }
        return .saved(program)
    }
}

/// Staff move a programme along: open registration, start, finish, or cancel it (with a reason everyone reads;
/// everyone registered is told).
struct ChangeProgramStatus {
    struct Input: Codable, Sendable {
        var status: String?
        var reason: String?
    }

    func run(_ program: Program, _ input: Input, in ctx: Invocation) async throws -> FormErrors? {
        try ProgramGuard.requireManager(program, ctx)
        var errors = FormErrors()
        guard let next = ProgramStatus(rawValue: input.status ?? ""), program.programStatus.canMove(to: next) else {
            throw UserFacingError(.conflict, Phrase("Status program tidak bisa diubah ke sana dari “\(program.programStatus.label(.id))”.",
                                                    "The programme cannot move there from “\(program.programStatus.label(.en))”."))
        }
        let reason = CleanText.line(input.reason ?? "")
        if next == .dibatalkan && !(10...300).contains(reason.count) {
            errors.add("reason", Phrase("Tulis alasan pembatalan yang dibaca peserta, 10–300 huruf.", "Give the reason participants will read, 10–300 characters."))
        }
        guard errors.isEmpty else { return errors }
        let id = try program.requireID()
        let from = program.programStatus
        try await ctx.writes.transaction { db in
            try await db.lockRow(Program.schema, id: id)
            guard let current = try await Program.find(id, on: db), current.programStatus == from else {
                throw UserFacingError(.conflict, Phrase("Program ini baru saja diubah orang lain.", "Someone else just changed this programme."))
            }
            current.status = next.rawValue
            try await current.update(on: db)
            try await ProgramGuard.audit(current, "program.status", "\(from.label(.id)) → \(next.label(.id))", reason: reason, ctx: ctx, on: db)
            guard next == .dibatalkan else { return }
            let registrations = try await Registration.query(on: db).filter(\.$programID == id).filter(\.$status != Registration.Status.batal.rawValue).all()
            for accountID in Set(registrations.map(\.accountID)) {
                guard let person = try await Account.find(accountID, on: db), !person.isDisabled else { continue }
                try await Notifier.send(to: person, Notice(
                    title: Phrase("Program dibatalkan: \(current.title)", "Programme cancelled: \(current.title)"),
                    body: Phrase("Alasan: \(reason)", "Reason: \(reason)"), link: SiteRoute.program(id.uuidString).path), in: ctx, on: db)
            }
        }
        return nil
    }
}
