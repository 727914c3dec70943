import Fluent
import Foundation

/// A notification in both languages, with the page it is about.
public struct Notice: Sendable {
    public var title: Phrase
    public var body: Phrase
    public var link: String
    /// Goes out at once even to those who chose the daily digest (a session tomorrow, a changed password).
    public var urgent = false
}

/// Puts notifications in the inbox and, by each person's choice, in the delivery outbox at once or in a daily digest.
/// Always called inside the command's transaction: the notice exists exactly when the change does.
public enum Notifier {
    public static func send(to account: Account, _ notice: Notice, in ctx: Invocation, on db: any Database) async throws {
        let id = try account.requireID()
        try await InboxItem(accountID: id, notice: notice).create(on: db)
        // Those who chose the daily digest hear of it in the next one (SendDailyDigests), unless it cannot wait.
        guard !account.notifyDigest || notice.urgent else { return }
        let text = notice.body.id + "\n\n" + ctx.settings.baseURL + notice.link
        if let email = account.notifiedEmail, ctx.settings.sendmailCommand != nil {
            try await OutboxMessage(accountID: id, channel: .email, recipient: email, subject: notice.title.id,
                                    body: text, now: ctx.now).create(on: db)
        }
        if let phone = account.notifiedPhone, ctx.settings.webhookURL != nil {
            try await OutboxMessage(accountID: id, channel: .webhook, recipient: phone, subject: notice.title.id,
                                    body: notice.title.id + ": " + text, now: ctx.now).create(on: db)
        }
    }

    /// Notifies everyone who follows a subject (except the person who caused the change).
    public static func notifyFollowers(subjectType: String, subjectID: String, _ notice: Notice, except: UUID? = nil,
                                       in ctx: Invocation, on db: any Database) async throws {
        let follows = try await Follow.query(on: db).filter(\.$subjectType == subjectType).filter(\.$subjectID == subjectID)
            .with(\.$account).all()
        for follow in follows where follow.account.id != except && !follow.account.isDisabled {
            try await send(to: follow.account, notice, in: ctx, on: db)
        }
    }
}
