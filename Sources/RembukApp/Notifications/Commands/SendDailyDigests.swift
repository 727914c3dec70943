import Fluent
import Foundation
import RembukCore

/// Once a day (at `REMBUK_DIGEST_HOUR`, 07.00 WIB by default) everyone who chose the daily digest gets one message per
/// channel listing the notices since their last digest that they have not yet read in the inbox.
/// Safe with several instances: each person is handled in a transaction that locks their row and checks again.
public struct SendDailyDigests {
    public init() {}

    /// Returns how many people were sent a digest.
    @discardableResult
    public func run(in ctx: Invocation) async throws -> Int {
        let schedule = DigestSchedule(hour: ctx.settings.digestHour)
        let moment = schedule.latestSending(atOrBefore: ctx.now)
        let due = try await Account.query(on: ctx.db).filter(\.$notifyDigest == true).filter(\.$disabledAt == nil)
            .group(.or) { $0.filter(\.$digestCutoff == nil).filter(\.$digestCutoff < moment) }
            .all(\.$id)
        var sent = 0
        for id in due where try await send(to: id, schedule, in: ctx) { sent += 1 }
        return sent
    }

    private func send(to id: UUID, _ schedule: DigestSchedule, in ctx: Invocation) async throws -> Bool {
        let now = ctx.now
        let settings = ctx.settings
        return try await ctx.writes.transaction { db in
            try await db.lockRow(Account.schema, id: id)
            guard let account = try await Account.find(id, on: db), account.notifyDigest, !account.isDisabled,
                  schedule.isDue(lastCutoff: account.digestCutoff, now: now) else { return false }
            var unread = InboxItem.query(on: db).filter(\.$account.$id == id).filter(\.$readAt == nil).filter(\.$createdAt <= now)
            if let cutoff = account.digestCutoff { unread = unread.filter(\.$createdAt > cutoff) }
            let items = try await unread.sort(\.$createdAt).all().map {
                DailyDigest.Item(title: $0.titleID, body: $0.bodyID, link: $0.link, at: $0.createdAt ?? now)
            }
            account.digestCutoff = now
            try await account.update(on: db)
            var messages: [OutboxMessage] = []
            if let email = account.notifiedEmail, settings.sendmailCommand != nil,
               let digest = DailyDigest.compose(items, date: LocalDate(now), baseURL: settings.baseURL,
                                                inboxPath: SiteRoute.inbox.path, settingsPath: SiteRoute.account.path) {
                messages.append(OutboxMessage(accountID: id, channel: .email, recipient: email, subject: digest.subject, body: digest.body, now: now))
            }
            if let phone = account.notifiedPhone, settings.webhookURL != nil,
               let text = DailyDigest.composeShort(items, baseURL: settings.baseURL, inboxPath: SiteRoute.inbox.path) {
                messages.append(OutboxMessage(accountID: id, channel: .webhook, recipient: phone, subject: "Ringkasan Rembuk", body: text, now: now))
            }
            for message in messages { try await message.create(on: db) }
            return !messages.isEmpty
        }
    }
}
