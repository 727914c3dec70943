import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// The abuse limits (`AbuseLimits`, `Throttle`): a clear 429 with the wait, nothing stored, one person's
/// allowance never spent by another.
@Suite struct ThrottleTests {
    func publicUsulan(_ app: Application) async throws -> Usulan {
        try #require(try await Usulan.query(on: app.db).filter(\.$status == UsulanStatus.diajukan.rawValue).sort(\.$title).first())
    }

    func comment(_ browser: inout TestBrowser, on usulan: Usulan, _ body: String) async throws -> TestingHTTPResponse {
        try await browser.post(SiteRoute.usulanComment(usulan.id!.uuidString).path, ["body": body])
    }

    @Test func theCommentOverTheLimitIsRefusedWithTheWaitAndNothingStored() async throws {
        try await withRembuk { app in
            // given a citizen who has commented as often as allowed
            let usulan = try await publicUsulan(app)
            var citizen = TestBrowser(app)
            try await citizen.signIn("mitra@rembuk.test")
            for n in 1...AbuseLimits.comment.limit {
                #expect(try await comment(&citizen, on: usulan, "Komentar ke-\(n) tentang jalan ini.").status == .seeOther)
            }
            let comments = try await Comment.query(on: app.db).count()
            let audit = try await AuditRecord.query(on: app.db).count()
            // when
            let refused = try await comment(&citizen, on: usulan, "Satu lagi.")
            var other = TestBrowser(app)
            try await other.signIn("opd@rembuk.test")
            let someoneElse = try await comment(&other, on: usulan, "Komentar orang lain tetap bisa.")
            // then
            #expect(refused.status == .tooManyRequests)
            #expect(refused.text.contains("Anda mengirim komentar terlalu cepat. Coba lagi dalam 10 menit."))
            #expect(refused.headers.first(name: .retryAfter).flatMap(Int.init).map { $0 > 0 && $0 <= 600 } == true)
            #expect(someoneElse.status == .seeOther)
            #expect(try await Comment.query(on: app.db).count() == comments + 1)
            #expect(try await AuditRecord.query(on: app.db).count() == audit + 1)
        }
    }

    @Test func registrationsFromOneAddressAreLimitedAndTheAddressIsNotKept() async throws {
        try await withRembuk { app in
            // given as many new accounts from this address as allowed (the demo's own registration came from elsewhere)
            let demo = Set(try await ThrottleEvent.query(on: app.db).all(\.$key))
            for n in 1...AbuseLimits.registration.limit {
                var browser = TestBrowser(app)
                let response = try await browser.post(SiteRoute.register.path, [
                    "name": "Warga \(n)", "email": "warga\(n)@contoh.id", "password": "kopi-tubruk-2026", "password_confirmation": "kopi-tubruk-2026", "consent": "ya",
                ])
                #expect(response.status == .seeOther)
            }
            let accounts = try await Account.query(on: app.db).count()
            // when
            var browser = TestBrowser(app)
            let refused = try await browser.post(SiteRoute.register.path, [
                "name": "Warga Lagi", "email": "lagi@contoh.id", "password": "kopi-tubruk-2026", "password_confirmation": "kopi-tubruk-2026", "consent": "ya",
            ])
            // then
            #expect(refused.status == .tooManyRequests)
            #expect(refused.text.contains("Terlalu banyak akun baru dibuat dari jaringan ini."))
            #expect(try await Account.query(on: app.db).count() == accounts)
            let keys = try await ThrottleEvent.query(on: app.db).all(\.$key).filter { !demo.contains($0) }
            #expect(keys.count == AbuseLimits.registration.limit)
            #expect(Set(keys).count == 1)
            #expect(keys.allSatisfy { $0.hasPrefix("register:address:") && !$0.contains("127.0.0.1") && !$0.contains("unknown") })
        }
    }

    @Test func supportsAndWithdrawalsShareOneAllowanceAndTheCountStaysExact() async throws {
        try await withRembuk { app in
            // given a new citizen (no role) who supported and withdrew as often as allowed
            let usulan = try await publicUsulan(app)
            var citizen = TestBrowser(app)
            _ = try await citizen.post(SiteRoute.register.path, [
                "name": "Ujang Supriatna", "email": "ujang@contoh.id", "password": "kopi-tubruk-2026", "password_confirmation": "kopi-tubruk-2026", "consent": "ya",
            ])
            let path = SiteRoute.usulanSupport(usulan.id!.uuidString).path
            let withdraw = SiteRoute.usulanUnsupport(usulan.id!.uuidString).path
            for n in 0..<AbuseLimits.support.limit {
                #expect(try await citizen.post(n % 2 == 0 ? path : withdraw, [:]).status == .seeOther)
            }
            let count = try #require(try await Usulan.find(usulan.id, on: app.db)).supportCount
            // when
            let refused = try await citizen.post(path, [:])
            // then
            #expect(refused.status == .tooManyRequests)
            #expect(refused.text.contains("Anda memberi atau menarik dukungan terlalu cepat."))
            #expect(try #require(try await Usulan.find(usulan.id, on: app.db)).supportCount == count)
            #expect(try await UsulanSupport.query(on: app.db).filter(\.$usulan.$id == usulan.id!).count() == count)
        }
    }

    @Test func staffAreNotLimitedAndTheLimitsCanBeTurnedOffForBenchmarks() async throws {
        // given
        let staff = Actor(accountID: "x", grants: [try Grant.make(role: .operatorDesa, scope: .region(RegionCode("32.14.01.2001")!)).get()])
        // then
        #expect(Throttle.applies(to: Actor(accountID: "x", grants: [])))
        #expect(!Throttle.applies(to: staff))
        try await withRembuk(settings: { $0.abuseLimits = false }) { app in
            // when a citizen comments more often than allowed with the limits off
            let counted = try await ThrottleEvent.query(on: app.db).count()
            let usulan = try await publicUsulan(app)
            var citizen = TestBrowser(app)
            try await citizen.signIn("mitra@rembuk.test")
            for n in 0...AbuseLimits.comment.limit {
                #expect(try await comment(&citizen, on: usulan, "Komentar \(n).").status == .seeOther)
            }
            // then nothing was counted
            #expect(try await ThrottleEvent.query(on: app.db).count() == counted)
        }
    }

    @Test func timesNoRuleLooksBackToAreDeletedWhenTheNextIsCounted() async throws {
        try await withRembuk { app in
            // given an old and a recent time for one key, and an old one for another key
            let now = Date()
            let key = Throttle.key(.comment, account: UUID())
            let other = Throttle.key(.comment, account: UUID())
            try await ThrottleEvent(key: key, at: now.addingTimeInterval(-AbuseLimits.comment.window - 5)).create(on: app.db)
            try await ThrottleEvent(key: key, at: now.addingTimeInterval(-30)).create(on: app.db)
            try await ThrottleEvent(key: other, at: now.addingTimeInterval(-AbuseLimits.comment.window - 5)).create(on: app.db)
            // when
            try await Throttle.record([key], .comment, on: app.db, now: now)
            // then the key's old time is gone, its others and the other key's stay
            #expect(try await ThrottleEvent.query(on: app.db).filter(\.$key == key).count() == 2)
            #expect(try await ThrottleEvent.query(on: app.db).filter(\.$key == other).count() == 1)
        }
    }

    @Test(arguments: [(1, "dalam 1 detik", "in 1 second"), (45, "dalam 45 detik", "in 45 seconds"), (60, "dalam 1 menit", "in 1 minute"),
                      (61, "dalam 2 menit", "in 2 minutes"), (3_600, "dalam 1 jam", "in 1 hour"), (5_000, "dalam 2 jam", "in 2 hours")])
    func waitsReadNaturally(seconds: Int, id: String, en: String) {
        #expect(Throttle.waiting(seconds, .id) == id)
        #expect(Throttle.waiting(seconds, .en) == en)
    }
}
