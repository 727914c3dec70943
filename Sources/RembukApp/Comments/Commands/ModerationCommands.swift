import Fluent
import Foundation
import RembukCore

/// What can be reported and moderated: a comment, an usulan or a discussion, with the region it belongs to
/// (moderators act within their region), the page that shows it and its author.
struct ModerationSubject: Sendable {
    enum Kind: String, Sendable { case comment, usulan, thread }
    let kind: Kind
    let id: UUID
    let regionCode: String
    let link: String
    /// `Usulan U-2026-00012`, `Komentar pada diskusi “…”`: the moderation pages' headings.
    let heading: Phrase
    /// What the author is told was hidden: “Usulan Anda …”, “Komentar Anda pada …”.
    let yours: Phrase
    let excerpt: String
    let authorID: UUID
    let isHidden: Bool
    var usulan: Usulan?
    var comment: Comment?
    var thread: DiscussionThread?

    /// `usulan U-2026-00012`: the heading within a sentence, as the audit trail writes it.
    var label: String { heading.id.prefix(1).lowercased() + heading.id.dropFirst() }

    static func load(kind raw: String, id rawID: String, on db: any Database) async throws -> ModerationSubject {
        let missing = UserFacingError(.notFound, Phrase("Yang dilaporkan tidak ada.", "The reported item does not exist."))
        guard let kind = Kind(rawValue: raw), let id = UUID(uuidString: rawID) else { throw missing }
        switch kind {
        case .usulan:
            guard let usulan = try await Usulan.find(id, on: db), usulan.workflowStatus != .draft else { throw missing }
            return ModerationSubject(kind: kind, id: id, regionCode: usulan.desaCode, link: SiteRoute.usulan(id.uuidString).path,
                                     heading: Phrase("Usulan \(usulan.number)", "Proposal \(usulan.number)"), yours: Phrase("Usulan Anda \(usulan.number)", "Your proposal \(usulan.number)"),
                                     excerpt: usulan.title, authorID: usulan.proposerID, isHidden: usulan.isHidden, usulan: usulan)
        case .thread:
            guard let thread = try await DiscussionThread.find(id, on: db) else { throw missing }
            let target = CommentTarget.thread(thread)
            return ModerationSubject(kind: kind, id: id, regionCode: thread.regionCode, link: target.link,
                                     heading: Phrase("Diskusi “\(thread.title)”", "Discussion “\(thread.title)”"),
                                     yours: Phrase("Diskusi Anda “\(thread.title)”", "Your discussion “\(thread.title)”"),
                                     excerpt: thread.title + " — " + String(thread.body.prefix(240)), authorID: thread.authorID,
                                     isHidden: thread.isHidden, thread: thread)
        case .comment:
            guard let comment = try await Comment.find(id, on: db), let target = try await CommentTarget.of(comment, on: db) else { throw missing }
            return ModerationSubject(kind: kind, id: id, regionCode: target.regionCode, link: target.link + "#komentar-" + id.uuidString,
                                     heading: Phrase("Komentar pada \(target.name.id)", "Comment on \(target.name.en)"),
                                     yours: Phrase("Komentar Anda pada \(target.name.id)", "Your comment on \(target.name.en)"),
                                     excerpt: String(comment.body.prefix(300)), authorID: comment.authorID, isHidden: comment.isHidden, comment: comment)
        }
    }
}

/// A citizen reports a comment, an usulan or a discussion. One report per person per item, held by a unique constraint.
struct ReportAbuse {
    struct Input: Codable, Sendable {
        var reason: String?
        var note: String?
    }

    enum Outcome { case reported, alreadyReported, invalid(FormErrors) }

    func run(_ subject: ModerationSubject, _ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard let reporter = ctx.principal.accountID else { throw UserFacingError.signInRequired }
        var errors = FormErrors()
        let reason = AbuseReason(rawValue: input.reason ?? "")
        if reason == nil { errors.add("reason", Phrase("Pilih alasan laporan.", "Choose why you report this.")) }
        let note = TextInput.clean(input.note ?? "")
        if note.count > 500 { errors.add("note", Phrase("Keterangan paling panjang 500 huruf.", "The note has at most 500 characters.")) }
        if reason == .lainnya && note.isEmpty { errors.add("note", Phrase("Untuk alasan “Lainnya”, tulis keterangannya.", "For “Other”, describe the problem.")) }
        guard errors.isEmpty, let reason else { return .invalid(errors) }
        let existing = try await AbuseReport.query(on: ctx.db).filter(\.$subjectType == subject.kind.rawValue)
            .filter(\.$subjectID == subject.id.uuidString).filter(\.$reporterID == reporter).first()
        guard existing == nil else { return .alreadyReported }
        let report = AbuseReport()
        report.subjectType = subject.kind.rawValue
        report.subjectID = subject.id.uuidString
        report.regionCode = subject.regionCode
        report.reporterID = reporter
        report.reason = reason.rawValue
        report.note = note
        let identity = ctx.identity
        let now = ctx.now
        do {
            try await ctx.writes.transaction { db in
                try await report.create(on: db)
                // Citizens appear in the trail by pseudonym (Principal.Identity), as in every other record.
                try await AuditLog.append(AuditDraft(actor: identity, action: "abuse.reported", subjectType: subject.kind.rawValue,
                                                     subjectID: subject.id.uuidString, regionCode: subject.regionCode,
                                                     summary: "laporan pada \(subject.label)", reason: reason.label(.id)), on: db, now: now)
            }
        } catch where error.isConstraintFailure {
            return .alreadyReported
        }
        return .reported
    }
}

/// A reason everyone reads, given when hiding, restoring, closing or reopening: 10–300 characters.
struct PublicReason: Codable, Sendable {
    var reason: String?

    /// The cleaned reason, or the error to show beside the field.
    func checked() -> (text: String, errors: FormErrors) {
        let text = TextInput.clean(reason ?? "")
        var errors = FormErrors()
        if !(10...300).contains(text.count) {
            errors.add("reason", Phrase("Tulis alasan yang dibaca publik, 10–300 huruf.", "Write the public reason, 10–300 characters."))
        }
        return (text, errors)
    }
}

/// A moderator hides a comment, an usulan or a discussion, with a reason everyone can read; open reports on it close.
/// Restoring undoes it, also with a reason. Both are audited and the author is told.
struct HideContent {
    typealias Input = PublicReason

    var hide: Bool

    enum Outcome { case done, invalid(FormErrors) }

    func run(_ subject: ModerationSubject, _ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard let region = RegionCode(subject.regionCode), ctx.actor.can(.moderate(region)) else { throw UserFacingError.forbidden }
        guard subject.isHidden != hide else {
            throw UserFacingError(.conflict, hide ? Phrase("Sudah disembunyikan.", "Already hidden.") : Phrase("Tidak sedang disembunyikan.", "Not hidden."))
        }
        let (reason, errors) = input.checked()
        guard errors.isEmpty else { return .invalid(errors) }
        let identity = ctx.identity
        let now = ctx.now
        let hide = self.hide
        try await ctx.writes.transaction { db in
            if let comment = subject.comment {
                comment.hiddenAt = hide ? now : nil
                comment.hiddenReason = hide ? reason : nil
                try await comment.update(on: db)
            } else if let thread = subject.thread {
                thread.hiddenAt = hide ? now : nil
                thread.hiddenReason = hide ? reason : nil
                try await thread.update(on: db)
            } else if let usulan = subject.usulan {
                usulan.hiddenAt = hide ? now : nil
                usulan.hiddenReason = hide ? reason : nil
                try await usulan.update(on: db)
            }
            if hide {
                try await AbuseReport.query(on: db).filter(\.$subjectType == subject.kind.rawValue).filter(\.$subjectID == subject.id.uuidString)
                    .filter(\.$resolvedAt == nil).set(\.$resolvedAt, to: now).set(\.$resolution, to: "disembunyikan").update()
            }
            try await AuditLog.append(AuditDraft(actor: identity, action: "\(subject.kind.rawValue).\(hide ? "hidden" : "restored")",
                                                 subjectType: subject.kind.rawValue, subjectID: subject.id.uuidString,
                                                 regionCode: subject.regionCode, summary: subject.label, reason: reason), on: db, now: now)
            if let author = try await Account.find(subject.authorID, on: db), !author.isDisabled {
                let what = subject.yours
                try await Notifier.send(to: author, Notice(
                    title: hide ? Phrase("\(what.id) disembunyikan moderator", "\(what.en) was hidden by a moderator")
                        : Phrase("\(what.id) ditampilkan kembali", "\(what.en) is shown again"),
                    body: Phrase("Alasan: \(reason)", "Reason: \(reason)"), link: subject.link), in: ctx, on: db)
            }
        }
        return .done
    }
}

/// A moderator closes the open reports on an item that breaks no rule.
struct DismissReports {
    func run(_ subject: ModerationSubject, in ctx: Invocation) async throws {
        guard let region = RegionCode(subject.regionCode), ctx.actor.can(.moderate(region)) else { throw UserFacingError.forbidden }
        let identity = ctx.identity
        let now = ctx.now
        try await ctx.writes.transaction { db in
            let open = try await AbuseReport.query(on: db).filter(\.$subjectType == subject.kind.rawValue)
                .filter(\.$subjectID == subject.id.uuidString).filter(\.$resolvedAt == nil).all()
            guard !open.isEmpty else { return }
            for report in open {
                report.resolvedAt = now
                report.resolution = "ditolak"
                try await report.update(on: db)
            }
            try await AuditLog.append(AuditDraft(actor: identity, action: "abuse.dismissed", subjectType: subject.kind.rawValue,
                                                 subjectID: subject.id.uuidString, regionCode: subject.regionCode,
                                                 summary: "\(open.count) laporan pada \(subject.label) ditutup tanpa tindakan"), on: db, now: now)
        }
    }
}
