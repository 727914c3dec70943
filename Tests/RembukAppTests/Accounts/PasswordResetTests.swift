import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// "Lupa kata sandi" by phone code and by e-mail link, and a reset Bappeda starts for a staff member.
@Suite struct PasswordResetTests {
    /// A gateway and a mail command configured, both captured.
    func withChannels(_ body: (Application, CodeGateway) async throws -> Void) async throws {
        try await withRembuk(settings: { $0.webhookURL = "http://127.0.0.1:9/gateway"; $0.sendmailCommand = "/bin/true" }) { app in
            let gateway = CodeGateway()
            app.codeTransport = gateway
            try await body(app, gateway)
        }
    }

    func link(in gateway: CodeGateway, to recipient: String) -> String? {
        guard let body = gateway.sent.withLockedValue({ $0 }).last(where: { $0.recipient == recipient })?.body,
              let range = body.range(of: #"/lupa-sandi/tautan/[A-Za-z0-9._-]+"#, options: .regularExpression) else { return nil }
        return String(body[range])
    }

    @Test func aCitizenResetsByPhoneCodeAndEverySessionEnds() async throws {
        try await withChannels { app, gateway in
            // given: the demo citizen signed in on another device too
            var other = TestBrowser(app)
            try await other.signIn("warga@rembuk.test")
            var browser = TestBrowser(app)
            // when: she asks for a code, types a wrong one, then the right one with a new password
            let asked = try await browser.post(SiteRoute.passwordReset.path, ["identifier": "0812-1111-2222"])
            let challenge = try #require(asked.location.flatMap { URLComponents(string: $0)?.queryItems?.first { $0.name == "c" }?.value })
            let page = try await browser.get(asked.location ?? "")
            let code = try #require(gateway.code(for: "+6281211112222"))
            let wrong = try await browser.post(SiteRoute.passwordResetCode.path, ["challenge": challenge, "code": code == "000000" ? "111111" : "000000",
                                                                                  "password": "Gunung-Burangrang-9", "password_confirmation": "Gunung-Burangrang-9"])
            let weak = try await browser.post(SiteRoute.passwordResetCode.path, ["challenge": challenge, "code": code,
                                                                                 "password": "12345678", "password_confirmation": "12345678"])
            let done = try await browser.post(SiteRoute.passwordResetCode.path, ["challenge": challenge, "code": code,
                                                                                 "password": "Gunung-Burangrang-9", "password_confirmation": "Gunung-Burangrang-9"])
            let again = try await browser.post(SiteRoute.passwordResetCode.path, ["challenge": challenge, "code": code,
                                                                                  "password": "Gunung-Burangrang-10", "password_confirmation": "Gunung-Burangrang-10"])
            // then
            #expect(page.text.contains("Bila ••••") || page.text.contains("Bila +62") || page.text.contains("terdaftar, kode 6 angka"))
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("Kode salah"))
            #expect(weak.status == .unprocessableEntity && weak.text.contains("terlalu mudah ditebak"))
            #expect(done.status == .seeOther && done.location == SiteRoute.login.path + "?pesan=sandi-baru")
            #expect(again.status == .unprocessableEntity, "a code works once")
            #expect(try await other.get(SiteRoute.account.path).status != .ok, "the other device is signed out")
            var fresh = TestBrowser(app)
            try await fresh.signIn("warga@rembuk.test", "Gunung-Burangrang-9")
            let record = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "account.password_reset").first())
            #expect(record.summary.contains("dengan kode HP") && !record.actorLabel.contains("Siti"))
        }
    }

    @Test func anEmailLinkWorksOnceAndNothingTellsWhetherAnAccountExists() async throws {
        try await withChannels { app, gateway in
            // given
            var browser = TestBrowser(app)
            // when: an address with an account, and one without
            let known = try await browser.post(SiteRoute.passwordReset.path, ["identifier": "opd@rembuk.test"])
            let unknown = try await browser.post(SiteRoute.passwordReset.path, ["identifier": "tidak.ada@rembuk.test"])
            let unknownPhone = try await browser.post(SiteRoute.passwordReset.path, ["identifier": "0857-9999-0000"])
            // then: the same answer, and a message only to the real one
            #expect(known.status == .ok && unknown.status == .ok)
            #expect(known.text.replacingOccurrences(of: "opd@rembuk.test", with: "X").replacingOccurrences(of: #"value="[^"]*""#, with: "", options: .regularExpression)
                    == unknown.text.replacingOccurrences(of: "tidak.ada@rembuk.test", with: "X").replacingOccurrences(of: #"value="[^"]*""#, with: "", options: .regularExpression))
            #expect(unknownPhone.status == .seeOther, "an unknown number gets the same code page")
            #expect(gateway.sent.withLockedValue { $0 }.map(\.recipient) == ["opd@rembuk.test"])
            let path = try #require(link(in: gateway, to: "opd@rembuk.test"))

            // when: the link is opened in another browser (a mail app) and used
            var mailApp = TestBrowser(app)
            let form = try await mailApp.get(path)
            let set = try await mailApp.post(path, ["password": "Sungai-Citarum-2027", "password_confirmation": "Sungai-Citarum-2027"])
            let reused = try await mailApp.post(path, ["password": "Sungai-Citarum-2028", "password_confirmation": "Sungai-Citarum-2028"])
            let forged = try await mailApp.get(String(path.dropLast(3)) + "abc")
            // then
            #expect(form.status == .ok && form.text.contains("Buat kata sandi baru"))
            #expect(set.status == .seeOther)
            #expect(reused.status == .gone && forged.status == .gone)
            try await mailApp.signIn("opd@rembuk.test", "Sungai-Citarum-2027")
        }
    }

    @Test func requestsAreLimitedAndALinkExpires() async throws {
        try await withChannels { app, gateway in
            // given
            var browser = TestBrowser(app)
            // when: six asks for one address within the hour
            var statuses: [HTTPResponseStatus] = []
            for _ in 0..<6 {
                statuses.append(try await browser.post(SiteRoute.passwordReset.path, ["identifier": "moderator@rembuk.test"]).status)
                // the one-minute resend wait is not what this test is about
                try await OneTimeCodeRecord.query(on: app.db).set(\.$createdAt, to: Date().addingTimeInterval(-120)).update()
            }
            // then
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 1)
            // when: a link older than an hour is opened
            let path = try #require(link(in: gateway, to: "moderator@rembuk.test"))
            try await OneTimeCodeRecord.query(on: app.db).set(\.$expiresAt, to: Date().addingTimeInterval(-1)).update()
            // then
            #expect(try await browser.get(path).status == .gone)
        }
    }

    @Test func bappedaSendsAStaffMemberALinkWithoutSeeingThePassword() async throws {
        try await withChannels { app, gateway in
            // given
            let staff = try #require(try await Account.query(on: app.db).filter(\.$email == "operator.desa@rembuk.test").first())
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            // when
            let refused = try await citizen.post(SiteRoute.adminPasswordReset(staff.id!.uuidString).path, [:])
            let sent = try await admin.post(SiteRoute.adminPasswordReset(staff.id!.uuidString).path, [:])
            // then
            #expect(refused.status == .forbidden)
            #expect(sent.status == .seeOther && sent.location?.hasSuffix("pesan=tautan-sandi") == true)
            #expect(link(in: gateway, to: "operator.desa@rembuk.test") != nil)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "account.password_reset_started").count() == 1)
            #expect(!(try await admin.get(SiteRoute.adminAccount(staff.id!.uuidString).path).text.contains("/lupa-sandi/tautan/")))
        }
    }
}
