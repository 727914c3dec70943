import Fluent
import Foundation
import RembukCore

/// A step on a complaint by whoever owns it: the admin verifies, holds, declines, archives, rejects or passes
/// it to an agency; the agency answers; the admin or the agency finishes it; the reporter reopens it once.
/// Each step is on the timeline, audited, and told to the reporter (and to the agency when it is passed on).
struct ActOnComplaint {
    struct Input: Codable, Sendable {
        var action: String?
        var note: String?
        var agency: String?
        var expecting: String?
    }

    enum Outcome {
        case done(ComplaintStatus)
        case invalid(FormErrors)
    }

    /// Steps that must say why.
    static let needsNote: Set<ComplaintAction> = [.hold, .notCompetent, .archive, .reject, .respond, .reopen]

    func run(_ input: Input, complaint: Complaint, in ctx: Invocation) async throws -> Outcome {
        guard ctx.principal.accountID != nil else { throw UserFacingError.signInRequired }
        let kabupaten = ctx.settings.kabupaten
        // Only the people a complaint involves get as far as having their request read.
        guard ComplaintAccess.isAdmin(ctx.actor, kabupaten: kabupaten) || ComplaintAccess.isAgency(ctx.actor, of: complaint)
            || ComplaintAccess.isReporter(ctx.principal, of: complaint) else { throw UserFacingError.forbidden }
        guard let action = ComplaintAction(rawValue: input.action ?? "") else {
            throw UserFacingError(.badRequest, Phrase("Tindakan itu tidak dikenal.", "Unknown action."))
        }
        let allowed: Bool = switch action.owner {
        case .admin: ComplaintAccess.isAdmin(ctx.actor, kabupaten: kabupaten)
        case .agency: ComplaintAccess.isAgency(ctx.actor, of: complaint)
        case .adminOrAgency: ComplaintAccess.isAdmin(ctx.actor, kabupaten: kabupaten) || ComplaintAccess.isAgency(ctx.actor, of: complaint)
        case .reporter: ComplaintAccess.isReporter(ctx.principal, of: complaint)
        }
        guard allowed else { throw UserFacingError.forbidden }
        let current = complaint.complaintStatus
        var errors = FormErrors()
        var target = current
        switch ComplaintWorkflow.next(action, from: current, reopened: complaint.reopened) {
        case let .success(status): target = status
        case .failure(.alreadyReopened):
            errors.add("action", Phrase("Pengaduan hanya bisa dibuka kembali satu kali.", "A complaint can be reopened once only."))
        case .failure(.notFromStatus):
            throw UserFacingError(.conflict, Phrase("Pengaduan berstatus \(current.label(.id)) tidak bisa \(action.label(.id).lowercased()).",
                                                    "A complaint that is \(current.label(.en)) cannot be handled that way."))
        }
        let note = TextInput.clean(input.note ?? "")
        if Self.needsNote.contains(action), !(5...3000).contains(note.count) {
            errors.add("note", action == .respond
                ? Phrase("Tulis tindak lanjutnya untuk pelapor (5–3.000 huruf).", "Write the follow-up for the reporter (5–3,000 characters).")
                : Phrase("Tulis alasannya untuk pelapor (5–3.000 huruf).", "Give the reason for the reporter (5–3,000 characters)."))
        }
        if note.count > 3000 { errors.add("note", Phrase("Catatan paling panjang 3.000 huruf.", "At most 3,000 characters.")) }
        var chosenAgency = complaint.agency
        if action == .dispose {
            let chosen = input.agency ?? ""
            let known = chosen.isEmpty ? nil : try await Agency.find(chosen, on: ctx.db)
            if known == nil {
                errors.add("agency", Phrase("Pilih perangkat daerah yang menindaklanjuti.", "Choose the agency that follows it up."))
            }
            chosenAgency = chosen
        }
        guard errors.isEmpty else { return .invalid(errors) }
        let id = try complaint.requireID()
        let next = target, agency = chosenAgency
        let today = ctx.today.iso
        try await ctx.writes.transaction { db in
            try await db.lockRow(Complaint.schema, id: id)
            guard let fresh = try await Complaint.find(id, on: db), fresh.status == current.rawValue,
                  input.expecting == nil || input.expecting == current.rawValue else {
                throw UserFacingError(.conflict, Phrase("Pengaduan ini baru saja diubah; muat ulang halamannya.", "This complaint has just changed; reload the page."))
            }
            complaint.status = next.rawValue
            complaint.agency = agency
            switch action {
            case .dispose:
                complaint.clockSince = today
                complaint.disposedOn = today
            case .respond where complaint.firstResponseOn == nil:
                complaint.firstResponseOn = today
            case .reopen:
                complaint.reopened = true
                complaint.clockSince = today
                complaint.firstResponseOn = nil
                complaint.disposedOn = today
            default: break
            }
            try await complaint.update(on: db)
            try await ComplaintTimeline.record(complaint, action: action.rawValue, from: current, to: next, note: note,
                                               agency: [.dispose, .respond].contains(action) ? agency : "", ctx: ctx, on: db)
            let agencyName = agency.isEmpty ? "" : (try await Agency.find(agency, on: db)?.name ?? agency)
            try await ComplaintAccess.audit(complaint, "complaint.\(action.rawValue)", "\(current.rawValue) → \(next.rawValue)",
                                            agency: action == .dispose ? agencyName : "", noted: action != .respond && !note.isEmpty, ctx: ctx, on: db)
            try await notify(complaint, action: action, next: next, note: note, agencyName: agencyName, ctx: ctx, on: db)
        }
        return .done(next)
    }

    func notify(_ complaint: Complaint, action: ComplaintAction, next: ComplaintStatus, note: String, agencyName: String,
                ctx: Invocation, on db: any Database) async throws {
        let link = SiteRoute.complaint(try complaint.requireID().uuidString).path
        let notice = Notice(
            title: Phrase("Pengaduan \(complaint.number): \(next.label(.id))", "Complaint \(complaint.number): \(next.label(.en))"),
            body: Phrase("“\(complaint.title)” sekarang \(next.label(.id).lowercased())\(agencyName.isEmpty ? "" : " (\(agencyName))").\(note.isEmpty ? "" : " \(note)")",
                         "“\(complaint.title)” is now \(next.label(.en).lowercased()).\(note.isEmpty ? "" : " \(note)")"),
            link: link)
        if complaint.reporterID != ctx.principal.accountID, let reporter = try await Account.find(complaint.reporterID, on: db), !reporter.isDisabled {
            try await Notifier.send(to: reporter, notice, in: ctx, on: db)
        }
        // The agency hears when a complaint is passed to it or reopened.
        guard [.dispose, .reopen].contains(action), !complaint.agency.isEmpty else { return }
        let staff = try await RoleGrant.query(on: db).filter(\.$role == Role.opd.rawValue).filter(\.$agencyID == complaint.agency)
            .filter(\.$revokedAt == nil).with(\.$account).all()
        let due = try await WorkingDays.calendar(on: db, settings: ctx.settings).adding(workingDays: ComplaintClock.respondWithin, to: ctx.today)
        for grant in staff where !grant.account.isDisabled && grant.account.id != ctx.principal.accountID {
            try await Notifier.send(to: grant.account, Notice(
                title: Phrase("Pengaduan \(complaint.number) untuk ditindaklanjuti", "Complaint \(complaint.number) to follow up"),
                body: Phrase("“\(complaint.title)”: tindak lanjuti paling lambat \(DateText.long(due)).", "“\(complaint.title)”: follow up by \(DateText.long(due, .en))."),
                link: link), in: ctx, on: db)
        }
    }
}

/// The reporter rates a finished complaint once (1–5, with an optional comment).
struct RateComplaint {
    func run(rating raw: String?, comment rawComment: String?, complaint: Complaint, in ctx: Invocation) async throws -> FormErrors? {
        guard ctx.principal.accountID != nil else { throw UserFacingError.signInRequired }
        guard ComplaintAccess.isReporter(ctx.principal, of: complaint) else { throw UserFacingError.forbidden }
        guard complaint.complaintStatus == .selesai, complaint.rating == nil else {
            throw UserFacingError(.conflict, Phrase("Penilaian diberikan sekali, setelah pengaduan selesai.", "A complaint is rated once, after it is done."))
        }
        var errors = FormErrors()
        let rating = Int(raw ?? "")
        if rating == nil || !(1...5).contains(rating!) { errors.add("rating", Phrase("Pilih nilai 1 sampai 5.", "Choose a rating from 1 to 5.")) }
        let comment = TextInput.clean(rawComment ?? "")
        if comment.count > 1000 { errors.add("rating_comment", Phrase("Komentar paling panjang 1.000 huruf.", "At most 1,000 characters.")) }
        guard errors.isEmpty, let rating else { return errors }
        try await ctx.writes.transaction { db in
            complaint.rating = rating
            complaint.ratingComment = comment.isEmpty ? nil : comment
            try await complaint.update(on: db)
            try await ComplaintAccess.audit(complaint, "complaint.rated", "nilai \(rating)/5", ctx: ctx, on: db)
        }
        return nil
    }
}

/// An admin makes a complaint rahasia (never public), e.g. when it names a person; it cannot be made public again.
struct MakeComplaintConfidential {
    func run(reason raw: String?, complaint: Complaint, in ctx: Invocation) async throws -> FormErrors? {
        guard ctx.principal.accountID != nil else { throw UserFacingError.signInRequired }
        guard ComplaintAccess.isAdmin(ctx.actor, kabupaten: ctx.settings.kabupaten) else { throw UserFacingError.forbidden }
        let reason = CleanText.line(raw ?? "")
        var errors = FormErrors()
        if !(5...300).contains(reason.count) { errors.add("privacy_reason", Phrase("Tulis alasannya (5–300 huruf).", "Give the reason (5–300 characters).")) }
        guard errors.isEmpty else { return errors }
        guard complaint.complaintPrivacy != .rahasia else { return nil }   // already: nothing to change
        try await ctx.writes.transaction { db in
            complaint.privacy = ComplaintPrivacy.rahasia.rawValue
            try await complaint.update(on: db)
            try await ComplaintTimeline.record(complaint, action: "confidential", from: complaint.complaintStatus, to: complaint.complaintStatus,
                                               note: reason, ctx: ctx, on: db)
            // Recorded as a confidential complaint from now on: the reason is kept on its own timeline, not in the public trail.
            try await ComplaintAccess.audit(complaint, "complaint.made_confidential", "dijadikan rahasia", ctx: ctx, on: db)
        }
        return nil
    }
}
