import Fluent
import Foundation
import RembukCore

/// Anyone signed in opens a discussion on a development topic, for the kabupaten or one kecamatan.
/// Staff open it in their role (marked official: “Bappeda”, “Dinas PUPR”, “Kecamatan Purwakarta”).
struct OpenDiscussion {
    struct Input: Codable, Sendable {
        var title: String?
        var body: String?
        var topic: String?
        var region: String?
    }

    enum Outcome {
        case opened(DiscussionThread)
        case invalid(FormErrors)
    }

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard ctx.actor.can(.useOwnAccount), let account = ctx.principal.account, let accountID = account.id else {
            throw UserFacingError.signInRequired
        }
        var errors = FormErrors()
        let title = CleanText.line(input.title ?? "")
        if !(10...150).contains(title.count) { errors.add("title", Phrase("Judul 10–150 huruf (sekarang \(title.count)).", "Titles have 10–150 characters (now \(title.count)).")) }
        let body = TextInput.clean(input.body ?? "")
        if !(20...5000).contains(body.count) {
            errors.add("body", Phrase("Tulis pokok bahasannya, 20–5.000 huruf (sekarang \(body.count)).", "Describe the topic in 20–5,000 characters (now \(body.count))."))
        }
        let topic = DiscussionTopic(rawValue: input.topic ?? "")
        if topic == nil { errors.add("topic", Phrase("Pilih topik dari daftar.", "Choose a topic from the list.")) }
        let region = try await Self.region(input.region, in: ctx)
        if region == nil { errors.add("region", Phrase("Pilih kabupaten atau salah satu kecamatannya.", "Choose the kabupaten or one of its districts.")) }
        guard errors.isEmpty, let topic, let region else { return .invalid(errors) }

        let thread = DiscussionThread()
        thread.title = title
        thread.body = body
        thread.topic = topic.rawValue
        thread.regionCode = region
        thread.authorID = accountID
        thread.officialLabel = try await Self.officialLabel(ctx)
        thread.authorName = thread.isOfficial ? account.name : PublicName.short(account.name)
        thread.lastActivityAt = ctx.now
        thread.createdAt = ctx.now
        let identity = ctx.identity
        let now = ctx.now
        try await ctx.writes.transaction { db in
            try await thread.create(on: db)
            try await AuditLog.append(AuditDraft(actor: identity, action: "discussion.opened", subjectType: "thread",
                                                 subjectID: try thread.requireID().uuidString, regionCode: region,
                                                 summary: "diskusi dibuka: \(title)"), on: db, now: now)
        }
        return .opened(thread)
    }

    /// The kabupaten itself or one of its kecamatan.
    static func region(_ raw: String?, in ctx: Invocation) async throws -> String? {
        if RegionCode(raw ?? "") == ctx.settings.kabupaten { return ctx.settings.kabupaten.value }
        return try await ctx.region(raw, at: .kecamatan)?.value
    }

    /// How a staff author is shown: their agency or office, not their personal role name. Empty for citizens.
    static func officialLabel(_ ctx: Invocation) async throws -> String {
        let actor = ctx.actor
        if actor.has(.bappeda) { return ctx.settings.planningAgencyName }
        if let agency = actor.agencies(for: .opd).first { return try await Agency.find(agency, on: ctx.db)?.name ?? agency }
        for (role, prefix) in [(Role.operatorKecamatan, "Kecamatan"), (.operatorDesa, "Desa/Kelurahan")] {
            if let code = actor.regions(for: role).first {
                return "\(prefix) " + (try await Region.find(code.value, on: ctx.db)?.name ?? code.value)
            }
        }
        if actor.has(.moderator) { return "Moderator" }
        return ""
    }
}

/// A moderator (or Bappeda) closes a discussion to new comments, or opens it again, with a reason everyone reads.
/// The opener is told; the comments stay readable.
struct CloseDiscussion {
    typealias Input = PublicReason

    var close: Bool

    enum Outcome { case done, invalid(FormErrors) }

    func run(_ thread: DiscussionThread, _ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard let region = RegionCode(thread.regionCode), ctx.actor.can(.moderate(region)) else { throw UserFacingError.forbidden }
        guard thread.isClosed != close else {
            throw UserFacingError(.conflict, close ? Phrase("Diskusi ini sudah ditutup.", "This discussion is already closed.")
                                                   : Phrase("Diskusi ini masih terbuka.", "This discussion is still open."))
        }
        let (reason, errors) = input.checked()
        guard errors.isEmpty else { return .invalid(errors) }
        let id = try thread.requireID()
        let close = self.close
        let identity = ctx.identity
        let now = ctx.now
        try await ctx.writes.transaction { db in
            try await db.lockRow(DiscussionThread.schema, id: id)
            guard let current = try await DiscussionThread.find(id, on: db), current.isClosed != close else {
                throw UserFacingError(.conflict, Phrase("Diskusi ini baru saja diubah orang lain.", "Someone else just changed this discussion."))
            }
            current.closedAt = close ? now : nil
            current.closedReason = close ? reason : nil
            current.lastActivityAt = now
            try await current.update(on: db)
            try await AuditLog.append(AuditDraft(actor: identity, action: close ? "discussion.closed" : "discussion.reopened",
                                                 subjectType: "thread", subjectID: id.uuidString, regionCode: current.regionCode,
                                                 summary: "diskusi \(close ? "ditutup" : "dibuka kembali"): \(current.title)", reason: reason), on: db, now: now)
            if current.authorID.uuidString != identity.id, let author = try await Account.find(current.authorID, on: db), !author.isDisabled {
                try await Notifier.send(to: author, Notice(
                    title: close ? Phrase("Diskusi Anda ditutup", "Your discussion was closed") : Phrase("Diskusi Anda dibuka kembali", "Your discussion was reopened"),
                    body: Phrase("“\(current.title)”. Alasan: \(reason)", "“\(current.title)”. Reason: \(reason)"),
                    link: SiteRoute.discussion(id.uuidString).path), in: ctx, on: db)
            }
        }
        return .done
    }
}
