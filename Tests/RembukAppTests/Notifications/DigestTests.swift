import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
@testable import RembukApp

@Suite struct DigestTests {
    static func notify(_ app: Application, _ email: String, _ title: String) async throws {
        let account = try #require(try await Account.query(on: app.db).filter(\.$email == email).first())
        try await app.writes.transaction { db in
            try await Notifier.send(to: account, Notice(title: Phrase(title, title), body: Phrase("Isi: \(title)", "Body: \(title)"),
                                                        link: "/usulan/\(title.count)"), in: .system(app), on: db)
        }
    }

    static func outbox(_ app: Application, to recipient: String) async throws -> [OutboxMessage] {
        try await OutboxMessage.query(on: app.db).filter(\.$recipient == recipient).sort(\.$createdMillis).all()
    }

    /// The first sending moment after now, plus five minutes.
    static var tomorrowMorning: Date { DigestSchedule().latestSending(atOrBefore: Date()).addingTimeInterval(86_400 + 300) }

    @Test func aDigestGathersTheUnreadNoticesSinceItWasChosenIntoOneMessage() async throws {
        try await withRembuk(settings: { $0.sendmailCommand = "cat > /dev/null" }) { app in
            // given a notice sent one by one, then the citizen switches to the daily digest
            try await Self.notify(app, "warga@rembuk.test", "Sebelum ringkasan")
            let before = try await Self.outbox(app, to: "warga@rembuk.test").count
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let saved = try await citizen.post(SiteRoute.notificationSettings.path, ["notify_email": "on", "delivery": "harian"])
            #expect(saved.status == .seeOther)
            #expect(try await citizen.get(SiteRoute.account.path).text.contains(#"id="d-harian" name="delivery" value="harian" checked"#))
            // when three notices arrive, one of which is read in the inbox, and the digest runs next morning
            for title in ["Usulan diverifikasi", "Komentar baru", "Forum dijadwalkan"] { try await Self.notify(app, "warga@rembuk.test", title) }
            let read = try #require(try await InboxItem.query(on: app.db).filter(\.$titleID == "Komentar baru").first())
            #expect(try await citizen.post(SiteRoute.inboxRead(read.id!.uuidString).path, [:]).status == .seeOther)
            #expect(try await Self.outbox(app, to: "warga@rembuk.test").count == before)
            let sent = try await SendDailyDigests().run(in: .system(app, now: Self.tomorrowMorning))
            // then one e-mail lists the two unread ones, not the read one nor the one from before
            let digest = try #require(try await Self.outbox(app, to: "warga@rembuk.test").last)
            #expect(sent == 1)
            #expect(try await Self.outbox(app, to: "warga@rembuk.test").count == before + 1)
            #expect(digest.channel == "email" && digest.subject.hasSuffix(": 2 pemberitahuan"))
            #expect(digest.body.contains("1. Usulan diverifikasi") && digest.body.contains("2. Forum dijadwalkan"))
            #expect(digest.body.contains("Isi: Forum dijadwalkan") && digest.body.contains(app.settings.baseURL + "/usulan/\("Forum dijadwalkan".count)"))
            #expect(!digest.body.contains("Komentar baru") && !digest.body.contains("Sebelum ringkasan"))
            // and the same morning sends nothing more; the next morning with nothing new sends nothing
            #expect(try await SendDailyDigests().run(in: .system(app, now: Self.tomorrowMorning.addingTimeInterval(3600))) == 0)
            #expect(try await SendDailyDigests().run(in: .system(app, now: Self.tomorrowMorning.addingTimeInterval(86_400))) == 0)
            #expect(try await Self.outbox(app, to: "warga@rembuk.test").count == before + 1)
            // and the inbox still holds every notice one by one
            let account = try #require(try await Account.query(on: app.db).filter(\.$email == "warga@rembuk.test").first())
            #expect(try await InboxItem.query(on: app.db).filter(\.$account.$id == account.id!).count() >= 4)
        }
    }

    @Test func othersStillGetEachNoticeAtOnceAndTheShortFormGoesToWhatsApp() async throws {
        try await withRembuk(settings: { $0.sendmailCommand = "cat > /dev/null"; $0.webhookURL = "http://127.0.0.1:9/kirim" }) { app in
            // given the citizen takes WhatsApp only, as a digest; the admin keeps e-mail one by one
            let citizen = try #require(try await Account.query(on: app.db).filter(\.$email == "warga@rembuk.test").first())
            citizen.phone = "+6281234567890"
            try await citizen.save(on: app.db)
            var browser = TestBrowser(app)
            try await browser.signIn("warga@rembuk.test")
            _ = try await browser.post(SiteRoute.notificationSettings.path, ["notify_whatsapp": "on", "delivery": "harian"])
            // when
            try await Self.notify(app, "warga@rembuk.test", "Proyek dimulai")
            try await Self.notify(app, "admin@rembuk.test", "Pengaduan baru")
            _ = try await SendDailyDigests().run(in: .system(app, now: Self.tomorrowMorning))
            // then
            let whatsapp = try await Self.outbox(app, to: "+6281234567890")
            #expect(whatsapp.count == 1 && whatsapp[0].channel == "webhook")
            #expect(whatsapp[0].body.hasPrefix("Ringkasan Rembuk: 1 pemberitahuan\n• Proyek dimulai\nBaca: "))
            #expect(try await Self.outbox(app, to: "warga@rembuk.test").isEmpty)
            #expect(try await Self.outbox(app, to: "admin@rembuk.test").contains { $0.subject == "Pengaduan baru" })
        }
    }

    @Test func anUnknownDeliveryChoiceChangesNothing() async throws {
        try await withRembuk { app in
            // given
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let records = try await auditCount(app)
            // when
            let response = try await citizen.post(SiteRoute.notificationSettings.path, ["notify_email": "on", "delivery": "mingguan"])
            // then
            let account = try #require(try await Account.query(on: app.db).filter(\.$email == "warga@rembuk.test").first())
            #expect(response.status == .badRequest && response.text.contains("Pilihan pengiriman tidak dikenal"))
            #expect(!account.notifyDigest && account.digestCutoff == nil)
            #expect(try await auditCount(app) == records)
        }
    }
}
