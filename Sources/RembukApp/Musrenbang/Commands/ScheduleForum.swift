import Fluent
import Foundation
import RembukCore

/// An operator (of the desa or kecamatan) or Bappeda schedules a forum. The date must fall in the phase of
/// that kind of forum in a planning cycle (forums already held may be entered afterwards); one forum of a
/// kind per region (and agency) per cycle.
struct ScheduleForum {
    struct Input: Codable, Sendable {
        var level: String?
        var region_code: String?
        var agency: String?
        var held_on: String?
        var starts_at: String?
        var place: String?
        var agenda: String?
        var facilitator: String?
    }

    enum Outcome {
        case scheduled(Forum)
        case invalid(FormErrors)
    }

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard let account = ctx.principal.accountID else { throw UserFacingError.signInRequired }
        // Someone who may schedule no forum at all is refused before the form is read.
        guard !ForumLevel.schedulable(by: ctx.actor).isEmpty else { throw UserFacingError.forbidden }
        var errors = FormErrors()
        let level = ForumLevel(rawValue: input.level ?? "")
        if level == nil { errors.add("level", Phrase("Pilih jenis forum.", "Choose the kind of forum.")) }
        var region: Region?
        let code = RegionCode(input.region_code ?? "")
        if let level, let code, code.level == level.regionLevel, ctx.settings.kabupaten.contains(code) {
            region = try await Region.find(code.value, on: ctx.db)
        }
        if let level, region == nil {
            errors.add("region_code", Phrase("Pilih \(level.regionLevel == .desa ? "desa/kelurahan" : level.regionLevel == .kecamatan ? "kecamatan" : "kabupaten") tempat forum ini.",
                                             "Choose the region of this forum."))
        }
        if let level, let region, !level.canSchedule(ctx.actor, in: region.code) { throw UserFacingError.forbidden }
        var agency = ""
        if level == .forumOPD {
            agency = input.agency ?? ""
            if try await Agency.find(agency, on: ctx.db) == nil { errors.add("agency", Phrase("Pilih perangkat daerah penyelenggara.", "Choose the agency.")) }
        }
        let day = LocalDate(iso: (input.held_on ?? "").trimmingCharacters(in: .whitespaces))
        var cycle: PlanningCycle?
        if day == nil { errors.add("held_on", Phrase("Isi tanggal forum.", "Enter the date.")) }
        if let day, let level {
            let cycles = try await PlanningCycle.query(on: ctx.db).with(\.$phases).sort(\.$year).all()
            cycle = cycles.first { candidate in level.phases.contains { candidate.schedule?.isOpen($0, on: day) == true } }
            if cycle == nil {
                let ranges = cycles.compactMap { candidate -> String? in
                    guard let schedule = candidate.schedule else { return nil }
                    let spans = level.phases.compactMap { schedule.phases[$0] }
                    guard let first = spans.map(\.start).min(), let last = spans.map(\.end).max() else { return nil }
                    return "\(DateText.long(first)) – \(DateText.long(last)) (TA \(candidate.year))"
                }
                errors.add("held_on", Phrase("Tanggal harus dalam tahap \(level.label(.id)) di jadwal perencanaan" + (ranges.isEmpty ? "." : ": " + ranges.joined(separator: "; ") + "."),
                                             "The date must fall in the \(level.label(.en)) phase of the planning calendar."))
            }
        }
        let time = (input.starts_at ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ":", with: ".")
        if time.range(of: #"^([01]?[0-9]|2[0-3])\.[0-5][0-9]$"#, options: .regularExpression) == nil {
            errors.add("starts_at", Phrase("Jam mulai seperti 09.00.", "Start time like 09.00."))
        }
        let place = TextInput.clean(input.place ?? "")
        if !(3...150).contains(place.count) { errors.add("place", Phrase("Tulis tempatnya, mis. Balai Desa Citalang.", "Enter the place.")) }
        let agenda = TextInput.clean(input.agenda ?? "")
        if agenda.count > 2000 { errors.add("agenda", Phrase("Agenda paling panjang 2.000 huruf.", "The agenda has at most 2,000 characters.")) }
        let facilitator = CleanText.line(input.facilitator ?? "")
        if facilitator.count > 100 { errors.add("facilitator", Phrase("Nama fasilitator paling panjang 100 huruf.", "At most 100 characters.")) }
        guard errors.isEmpty, let level, let region, let cycle, let day, let cycleID = cycle.id else { return .invalid(errors) }
        if try await Forum.query(on: ctx.db).filter(\.$cycle.$id == cycleID).filter(\.$level == level.rawValue)
            .filter(\.$regionCode == region.code.value).filter(\.$agency == agency).first() != nil {
            errors.add("level", Phrase("\(level.name(in: region.name, at: region.code)) untuk tahun anggaran \(cycle.year) sudah dijadwalkan.",
                                       "This forum is already scheduled for budget year \(cycle.year)."))
            return .invalid(errors)
        }
        let forum = Forum()
        forum.$cycle.id = cycleID
        forum.level = level.rawValue
        forum.regionCode = region.code.value
        forum.agency = agency
        let agencyName = agency.isEmpty ? nil : try await Agency.find(agency, on: ctx.db)?.name
        forum.title = "\(level.name(in: region.name, at: region.code))\(agencyName.map { " · \($0)" } ?? "") TA \(cycle.year)"
        forum.heldOn = day.iso
        forum.startsAt = time
        forum.place = place
        forum.agenda = agenda
        forum.facilitator = facilitator
        forum.status = ForumStatus.dijadwalkan.rawValue
        forum.createdBy = account
        let identity = ctx.identity
        let now = ctx.now
        do {
            try await ctx.writes.transaction { db in
                try await forum.create(on: db)
                try await AuditLog.append(AuditDraft(actor: identity, action: "forum.scheduled", subjectType: "forum", subjectID: try forum.requireID().uuidString,
                                                     regionCode: region.code.value, summary: "\(forum.title), \(day.iso) \(time), \(place)"), on: db, now: now)
                // Whoever follows the region hears of its forum (the invitation itself is issue 31's).
                try await Notifier.notifyFollowers(subjectType: "region", subjectID: region.code.value, Notice(
                    title: Phrase("Musrenbang dijadwalkan: \(forum.title)", "Forum scheduled: \(forum.title)"),
                    body: Phrase("\(DateText.long(day)) pukul \(time) WIB, \(place).", "\(DateText.long(day, .en)) at \(time) WIB, \(place)."),
                    link: SiteRoute.forum(try forum.requireID().uuidString).path), except: ctx.principal.accountID, in: ctx, on: db)
            }
        } catch where error.isConstraintFailure {
            errors.add("level", Phrase("Forum ini sudah dijadwalkan.", "This forum is already scheduled."))
            return .invalid(errors)
        }
        return .scheduled(forum)
    }
}
