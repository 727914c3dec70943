import Fluent
import Foundation
import RembukCore

/// What can be reported and moderated: a comment or an usulan, with the desa it belongs to
/// (moderators act within their region) and the page that shows it.
struct ModerationSubject: Sendable {
    enum Kind: String, Sendable { case comment, usulan }
    let kind: Kind
    let id: UUID
    let usulan: Usulan
    let comment: Comment?

    var regionCode: String { usulan.desaCode }
    var link: String {
        SiteRoute.usulan(usulan.id?.uuidString ?? "").path + (comment.map { "#komentar-" + ($0.id?.uuidString ?? "") } ?? "")
    }
    var isHidden: Bool { comment?.isHidden ?? usulan.isHidden }
    var authorID: UUID { comment?.authorID ?? usulan.proposerID }
    var label: String { comment == nil ? "usulan \(usulan.number)" : "komentar pada \(usulan.number)" }

    static func load(kind raw: String, id rawID: String, on db: any Database) async throws -> ModerationSubject {
        let missing = UserFacingError(.notFound, Phrase("Yang dilaporkan tidak ada.", "The reported item does not exist."))
        guard let kind = Kind(rawValue: raw), let id = UUID(uuidString: rawID) else { throw missing }
        switch kind {
        case .usulan:
            guard let usulan = try await Usulan.find(id, on: db), usulan.workflowStatus != .draft else { throw missing }
            return ModerationSubject(kind: kind, id: id, usulan: usulan, comment: nil)
        case .comment:
            guard let comment = try await Comment.find(id, on: db), comment.subjectType == "usulan",
                  let usulanID = UUID(uuidString: comment.subjectID), let usulan = try await Usulan.find(usulanID, on: db) else { throw missing }
            return ModerationSubject(kind: kind, id: id, usulan: usulan, comment: comment)
        }
    }
}

/// A citizen reports a comment or an usulan. One report per person per item, held by a unique constraint.
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

/// A moderator hides a comment or an usulan, with a reason everyone can read; open reports on it close.
/// Restoring undoes it, also with a reason. Both are audited and the author is told.
struct HideContent {
    struct Input: Codable, Sendable {
        var reason: String?
    }

    var hide: Bool

    enum Outcome { case done, invalid(FormErrors) }

    func run(_ subject: ModerationSubject, _ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard let region = RegionCode(subject.regionCode), ctx.actor.can(.moderate(region)) else { throw UserFacingError.forbidden }
        guard subject.isHidden != hide else {
            throw UserFacingError(.conflict, hide ? Phrase("Sudah disembunyikan.", "Already hidden.") : Phrase("Tidak sedang disembunyikan.", "Not hidden."))
        }
        let reason = TextInput.clean(input.reason ?? "")
        var errors = FormErrors()
        if !(10...300).contains(reason.count) {
            errors.add("reason", Phrase("Tulis alasan yang dibaca publik, 10–300 huruf.", "Write the public reason, 10–300 characters."))
        }
        guard errors.isEmpty else { return .invalid(errors) }
        let identity = ctx.identity
        let now = ctx.now
        let hide = self.hide
        try await ctx.writes.transaction { db in
            if let comment = subject.comment {
                comment.hiddenAt = hide ? now : nil
                comment.hiddenReason = hide ? reason : nil
                try await comment.update(on: db)
            } else {
                subject.usulan.hiddenAt = hide ? now : nil
                subject.usulan.hiddenReason = hide ? reason : nil
                try await subject.usulan.update(on: db)
            }
            if hide {
                try await AbuseReport.query(on: db).filter(\.$subjectType == subject.kind.rawValue).filter(\.$subjectID == subject.id.uuidString)
                    .filter(\.$resolvedAt == nil).set(\.$resolvedAt, to: now).set(\.$resolution, to: "disembunyikan").update()
            }
            try await AuditLog.append(AuditDraft(actor: identity, action: "\(subject.kind.rawValue).\(hide ? "hidden" : "restored")",
                                                 subjectType: subject.kind.rawValue, subjectID: subject.id.uuidString,
                                                 regionCode: subject.regionCode, summary: subject.label, reason: reason), on: db, now: now)
            if let author = try await Account.find(subject.authorID, on: db), !author.isDisabled {
                let what = subject.comment == nil ? Phrase("Usulan Anda \(subject.usulan.number)", "Your proposal \(subject.usulan.number)")
                    : Phrase("Komentar Anda pada \(subject.usulan.number)", "Your comment on \(subject.usulan.number)")
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
