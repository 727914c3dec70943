import Fluent
import Foundation
import NIOConcurrencyHelpers
import RembukCore
import Testing
import Vapor
@testable import RembukApp

/// Records deliveries; can fail the first attempts of every message.
final class RecordingTransport: DeliveryTransport, @unchecked Sendable {
    let deliveries = NIOLockedValueBox<[UUID]>([])
    let failFirst: Int

    init(failFirst: Int = 0) { self.failFirst = failFirst }

    func deliver(_ delivery: Delivery) async throws {
        if delivery.attempt <= failFirst { throw LiveTransport.Failure(description: "gateway down") }
        try await Task.sleep(for: .milliseconds(1))
        deliveries.withLockedValue { $0.append(delivery.id) }
    }
}

@Suite struct OutboxTests {
    func enqueue(_ count: Int, on app: Application) async throws {
        try await app.writes.transaction { db in
            for n in 0..<count {
                try await OutboxMessage(accountID: nil, channel: .webhook, recipient: "+6281200000\(String(format: "%03d", n))",
                                        subject: "Uji", body: "Pesan \(n)", now: Date()).create(on: db)
            }
        }
    }

    @Test func twoWorkersDeliverEachMessageExactlyOnce() async throws {
        try await withRembuk { app in
            // given
            try await enqueue(200, on: app)
            let transport = RecordingTransport()
            let first = OutboxWorker(app: app, transport: transport, batchSize: 7)
            let second = OutboxWorker(app: app, transport: transport, batchSize: 7)
            // when
            async let a = first.drainAll()
            async let b = second.drainAll()
            let handled = try await a + b
            // then
            let delivered = transport.deliveries.withLockedValue { $0 }
            #expect(handled == 200)
            #expect(delivered.count == 200)
            #expect(Set(delivered).count == 200)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$status == "sent").count() == 200)
        }
    }

    @Test func failingDeliveriesAreRetriedWithBackoffThenGivenUp() async throws {
        try await withRembuk { app in
            // given: a gateway that fails the first two attempts
            try await enqueue(3, on: app)
            let transport = RecordingTransport(failFirst: 2)
            let worker = OutboxWorker(app: app, transport: transport, schedule: RetrySchedule(baseSeconds: 30, capSeconds: 3600, maximumAttempts: 5))
            // when: tried now, then 31 s later, then 62 s later
            let start = Date()
            _ = try await worker.drainOnce(now: start)
            let notYet = try await worker.drainOnce(now: start.addingTimeInterval(10))
            _ = try await worker.drainOnce(now: start.addingTimeInterval(31))
            _ = try await worker.drainOnce(now: start.addingTimeInterval(100))
            // then
            #expect(notYet == 0)
            #expect(transport.deliveries.withLockedValue { $0.count } == 3)
            let rows = try await OutboxMessage.query(on: app.db).all()
            #expect(rows.allSatisfy { $0.status == "sent" && $0.attempts == 3 })
            // and a message that always fails ends as failed after the last attempt
            try await enqueue(1, on: app)
            let hopeless = OutboxWorker(app: app, transport: RecordingTransport(failFirst: 99),
                                        schedule: RetrySchedule(baseSeconds: 1, capSeconds: 1, maximumAttempts: 3))
            for step in 0..<5 { _ = try await hopeless.drainOnce(now: start.addingTimeInterval(Double(200 + step * 5))) }
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$status == "failed").count() == 1)
        }
    }

    @Test func webhookIsSignedAndRetriedOverRealHTTP() async throws {
        // given: a gateway on loopback that fails its first request
        let gateway = try await Application.make(.testing)
        let received = NIOLockedValueBox<[(String, [UInt8])]>([])
        gateway.post("kirim") { req async -> HTTPStatus in
            let body = req.body.data.map { Array($0.readableBytesView) } ?? []
            let count = received.withLockedValue { $0.append((req.headers.first(name: WebhookSignature.headerName) ?? "", body)); return $0.count }
            return count == 1 ? .serviceUnavailable : .ok
        }
        gateway.http.server.configuration.hostname = "127.0.0.1"
        gateway.http.server.configuration.port = 0
        try await gateway.server.start()
        let port = try #require(gateway.http.server.shared.localAddress?.port)
        do {
            try await withRembuk(settings: {
                $0.webhookURL = "http://127.0.0.1:\(port)/kirim"
                $0.webhookSecret = "rahasia-gateway"
            }) { app in
                // given: the citizen wants WhatsApp notifications and gets one
                let warga = try #require(try await Account.query(on: app.db).filter(\.$email == "warga@rembuk.test").first())
                warga.notifyWhatsApp = true
                try await warga.save(on: app.db)
                let ctx = Invocation.system(app)
                try await app.writes.transaction { db in
                    try await Notifier.send(to: warga, Notice(title: Phrase("Usulan Anda diverifikasi", "Verified"),
                                                              body: Phrase("Selamat", "Congratulations"), link: "/akun"), in: ctx, on: db)
                }
                let worker = OutboxWorker(app: app, schedule: RetrySchedule(baseSeconds: 1, capSeconds: 1, maximumAttempts: 4))
                // when
                _ = try await worker.drainOnce()
                _ = try await worker.drainOnce(now: Date().addingTimeInterval(5))
                // then
                let calls = received.withLockedValue { $0 }
                #expect(calls.count == 2)
                let (header, body) = try #require(calls.last)
                #expect(WebhookSignature.verify(header: header, body: body, secret: "rahasia-gateway", now: Int64(Date().timeIntervalSince1970)))
                #expect(!WebhookSignature.verify(header: header, body: body, secret: "salah", now: Int64(Date().timeIntervalSince1970)))
                #expect(String(decoding: body, as: UTF8.self).contains("+6281211112222"))
                #expect(try await OutboxMessage.query(on: app.db).filter(\.$status == "sent").count() == 1)
            }
        } catch {
            await gateway.server.shutdown()
            try await gateway.asyncShutdown()
            throw error
        }
        await gateway.server.shutdown()
        try await gateway.asyncShutdown()
    }

    @Test func emailGoesThroughTheSendmailCommand() async throws {
        let capture = NSTemporaryDirectory() + "rembuk-mail-\(UUID().uuidString).eml"
        try await withRembuk(settings: { $0.sendmailCommand = "cat >> '\(capture)'" }) { app in
            // given
            let admin = try #require(try await Account.query(on: app.db).filter(\.$email == "admin@rembuk.test").first())
            try await app.writes.transaction { db in
                try await Notifier.send(to: admin, Notice(title: Phrase("Peran baru", "New role"), body: Phrase("Isi pesan", "Body"),
                                                          link: "/akun"), in: .system(app), on: db)
            }
            // when
            let count = try await OutboxWorker(app: app).drainAll()
            // then
            let mail = try String(contentsOfFile: capture, encoding: .utf8)
            #expect(count >= 1)   // the demo staff accounts were told of their roles too
            #expect(mail.contains("To: admin@rembuk.test"))
            #expect(mail.contains("Subject: =?UTF-8?B?"))
            #expect(mail.contains("Isi pesan"))
        }
        try? FileManager.default.removeItem(atPath: capture)
    }

    @Test func followersAreNotified() async throws {
        try await withRembuk { app in
            // given
            var browser = TestBrowser(app)
            try await browser.signIn("warga@rembuk.test")
            let followed = try await browser.post(SiteRoute.follow.path, ["subject_type": "region", "subject_id": "32.14.01.2010"])
            let again = try await browser.post(SiteRoute.follow.path, ["subject_type": "region", "subject_id": "32.14.01.2010"])
            // when the desa's operator schedules its Musrenbang
            var operatorDesa = TestBrowser(app)
            try await operatorDesa.signIn("operator.desa@rembuk.test")
            let scheduled = try await operatorDesa.post(SiteRoute.forumNew.path, ForumTests().form())
            // then the follower hears of it, once, and the operator who scheduled it is not told their own news
            #expect(followed.status == .seeOther && again.status == .seeOther && scheduled.status == .seeOther)
            #expect(try await Follow.query(on: app.db).count() == 1)
            let inbox = try await browser.get(SiteRoute.inbox.path)
            #expect(inbox.text.contains("Musrenbang dijadwalkan") && inbox.text.contains("Balai Desa Citalang"))
            #expect(try await operatorDesa.get(SiteRoute.inbox.path).text.contains("Musrenbang dijadwalkan") == false)
            let unknown = try await browser.post(SiteRoute.follow.path, ["subject_type": "region", "subject_id": "99.99.99.9999"])
            #expect(unknown.status == .notFound)
            _ = try await browser.post(SiteRoute.unfollow.path, ["subject_type": "region", "subject_id": "32.14.01.2010"])
            #expect(try await Follow.query(on: app.db).count() == 0)
        }
    }
}
