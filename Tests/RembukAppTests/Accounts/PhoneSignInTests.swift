import Fluent
import Foundation
import NIOConcurrencyHelpers
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// The gateway as a test sees it: keeps what was sent, or fails like a gateway that is down.
final class CodeGateway: DeliveryTransport, @unchecked Sendable {
    let sent = NIOLockedValueBox<[Delivery]>([])
    let down = NIOLockedValueBox(false)

    func deliver(_ delivery: Delivery) async throws {
        if down.withLockedValue({ $0 }) { throw LiveTransport.Failure(description: "gateway answered HTTP 502") }
        sent.withLockedValue { $0.append(delivery) }
    }

    /// The six digits of the last message to `recipient`.
    func code(for recipient: String) -> String? {
        guard let body = sent.withLockedValue({ $0 }).last(where: { $0.recipient == recipient })?.body,
              let range = body.range(of: #"\d{6}"#, options: .regularExpression) else { return nil }
        return String(body[range])
    }
}

/// Runs `body` with a gateway configured and captured.
func withGateway(_ body: (Application, CodeGateway) async throws -> Void) async throws {
    try await withRembuk(settings: { $0.webhookURL = "http://127.0.0.1:9/gateway" }) { app in
        let gateway = CodeGateway()
        app.codeTransport = gateway
        try await body(app, gateway)
    }
}

extension TestBrowser {
    /// Asks for a code for `phone` and returns the challenge id from the redirect.
    mutating func askCode(_ phone: String) async throws -> (TestingHTTPResponse, String?) {
        let response = try await post(SiteRoute.phoneSignIn.path, ["phone": phone])
        let challenge = response.location.flatMap { URLComponents(string: $0)?.queryItems?.first { $0.name == "c" }?.value }
        return (response, challenge)
    }
}

@Suite struct PhoneSignInTests {
    let phone = "0857-1234-9876"
    let e164 = "+6285712349876"

    @Test func newNumberSignsUpWithCodeAndNoPassword() async throws {
        try await withGateway { app, gateway in
            // given
            var browser = TestBrowser(app)
            // when
            let (asked, challenge) = try await browser.askCode(phone)
            let page = try await browser.get(asked.location ?? "")
            let code = try #require(gateway.code(for: e164))
            let verified = try await browser.post(SiteRoute.phoneCode.path, ["challenge": challenge ?? "", "code": code, "name": "Euis Sumarni", "consent": "ya"])
            let account = try await browser.get(SiteRoute.account.path)
            // then
            #expect(asked.status == .seeOther)
            #expect(page.text.contains("+62857••••9876") && page.text.contains("Nama lengkap"))
            #expect(verified.status == .seeOther)
            #expect(account.text.contains("Euis Sumarni") && account.text.contains("Buat kata sandi"))
            let stored = try #require(try await Account.query(on: app.db).filter(\.$phone == e164).first())
            #expect(stored.passwordHash.isEmpty && stored.notifyWhatsApp)
            let record = try #require(try await OneTimeCodeRecord.query(on: app.db).filter(\.$phone == e164).first())
            #expect(record.usedAt != nil && !record.codeDigest.contains(code))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "account.registered").filter(\.$subjectID == stored.id!.uuidString).count() == 1)
        }
    }

    @Test func existingCitizenSignsInByCodeAndTheCodeWorksOnce() async throws {
        try await withGateway { app, gateway in
            // given Siti, the demo citizen, with phone 0812-1111-2222
            var browser = TestBrowser(app)
            let (_, challenge) = try await browser.askCode("0812 1111 2222")
            let code = try #require(gateway.code(for: "+6281211112222"))
            // when
            let first = try await browser.post(SiteRoute.phoneCode.path, ["challenge": challenge ?? "", "code": code])
            let page = try await browser.get(SiteRoute.account.path)
            _ = try await browser.post(SiteRoute.logout.path, [:])
            let again = try await browser.post(SiteRoute.phoneCode.path, ["challenge": challenge ?? "", "code": code])
            // then
            #expect(first.status == .seeOther)
            #expect(page.text.contains("Siti Aminah"))
            #expect(again.status == .unprocessableEntity)
            #expect(again.text.contains("tidak berlaku lagi di peramban ini") || again.text.contains("sudah dipakai"))
        }
    }

    @Test func codeIsBoundToTheBrowserThatAskedForIt() async throws {
        try await withGateway { app, gateway in
            // given
            var asker = TestBrowser(app)
            var stranger = TestBrowser(app)
            let (_, challenge) = try await asker.askCode("0812 1111 2222")
            let code = try #require(gateway.code(for: "+6281211112222"))
            // when
            let stolen = try await stranger.post(SiteRoute.phoneCode.path, ["challenge": challenge ?? "", "code": code])
            // then
            #expect(stolen.status == .unprocessableEntity)
            #expect(try await stranger.get(SiteRoute.account.path).status != .ok)
            #expect(try await OneTimeCodeRecord.query(on: app.db).first()?.usedAt == nil)
        }
    }

    @Test func expiredCodeIsRefused() async throws {
        try await withGateway { app, gateway in
            // given a code asked eleven minutes ago
            var browser = TestBrowser(app)
            let (_, challenge) = try await browser.askCode(phone)
            let code = try #require(gateway.code(for: e164))
            try await OneTimeCodeRecord.query(on: app.db).set(\.$expiresAt, to: Date().addingTimeInterval(-60)).update()
            // when
            let response = try await browser.post(SiteRoute.phoneCode.path, ["challenge": challenge ?? "", "code": code, "name": "Euis", "consent": "ya"])
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("kedaluwarsa"))
            #expect(try await Account.query(on: app.db).filter(\.$phone == e164).count() == 0)
        }
    }

    @Test func wrongCodesLockTheCodeAfterFiveTries() async throws {
        try await withGateway { app, gateway in
            // given
            var browser = TestBrowser(app)
            let (_, challenge) = try await browser.askCode("0812 1111 2222")
            let code = try #require(gateway.code(for: "+6281211112222"))
            let wrong = code == "000000" ? "111111" : "000000"
            // when
            var answers: [TestingHTTPResponse] = []
            for _ in 0..<5 { answers.append(try await browser.post(SiteRoute.phoneCode.path, ["challenge": challenge ?? "", "code": wrong])) }
            let right = try await browser.post(SiteRoute.phoneCode.path, ["challenge": challenge ?? "", "code": code])
            // then
            #expect(answers[0].text.contains("Kode salah. Sisa 4 kali percobaan."))
            #expect(answers[3].text.contains("Sisa 1 kali"))
            #expect(answers[4].text.contains("Terlalu banyak kode salah"))
            #expect(right.status == .unprocessableEntity && right.text.contains("Terlalu banyak kode salah"))
            #expect(try await browser.get(SiteRoute.account.path).status != .ok)
        }
    }

    @Test func malformedCodeIsExplainedWithoutUsingATry() async throws {
        try await withGateway { app, _ in
            // given
            var browser = TestBrowser(app)
            let (_, challenge) = try await browser.askCode("0812 1111 2222")
            // when
            let response = try await browser.post(SiteRoute.phoneCode.path, ["challenge": challenge ?? "", "code": "12ab"])
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("Kode terdiri dari 6 angka."))
            #expect(try await OneTimeCodeRecord.query(on: app.db).first()?.attempts == 0)
        }
    }

    @Test func codesAreRateLimitedPerNumberAndPerAddress() async throws {
        try await withGateway { app, gateway in
            // given one code just sent
            var browser = TestBrowser(app)
            _ = try await browser.askCode(phone)
            // when a second is asked at once
            let (soon, _) = try await browser.askCode(phone)
            // then
            #expect(soon.status == .tooManyRequests)
            #expect(soon.text.contains("Coba lagi dalam"))
            #expect(soon.headers.first(name: .retryAfter) != nil)
            #expect(gateway.sent.withLockedValue { $0.count } == 1)

            // given twenty codes from this address within the hour, to other numbers
            try await OneTimeCodeRecord.query(on: app.db).set(\.$createdAt, to: Date().addingTimeInterval(-1800)).update()
            for n in 0..<19 {
                let (answer, _) = try await browser.askCode("0857-0000-\(String(format: "%04d", n))")
                #expect(answer.status == .seeOther)
            }
            // when
            let (blocked, _) = try await browser.askCode("0857-9999-0000")
            // then
            #expect(blocked.status == .tooManyRequests)
            #expect(gateway.sent.withLockedValue { $0.count } == 20)
        }
    }

    @Test func gatewayDownIsSaidPlainlyAndNoCodeStaysUsable() async throws {
        try await withGateway { app, gateway in
            // given
            gateway.down.withLockedValue { $0 = true }
            var browser = TestBrowser(app)
            // when
            let (response, _) = try await browser.askCode(phone)
            // then
            #expect(response.status == .serviceUnavailable)
            #expect(response.text.contains("layanan SMS/WhatsApp sedang gangguan"))
            #expect(response.text.contains("masuk dengan kata sandi"))
            #expect(try await OneTimeCodeRecord.query(on: app.db).filter(\.$usedAt == nil).count() == 0)
        }
    }

    @Test func withoutAGatewayThePageOffersTheOtherWaysIn() async throws {
        try await withRembuk { app in
            // given no REMBUK_WEBHOOK_URL and no mail command
            var browser = TestBrowser(app)
            // when
            let page = try await browser.get(SiteRoute.phoneSignIn.path)
            let posted = try await browser.post(SiteRoute.phoneSignIn.path, ["phone": phone])
            // then
            #expect(page.status == .ok)
            #expect(page.text.contains("belum diaktifkan"))
            #expect(page.text.contains(SiteRoute.login.path))
            #expect(posted.status == .serviceUnavailable && posted.text.contains("belum diaktifkan"))
            #expect(try await OneTimeCodeRecord.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: [("0812", "terlalu pendek"), ("+1 415 555 0100", "nomor Indonesia"), ("021-555-1234", "bukan telepon rumah"),
                      ("", "Tulis nomor HP"), ("0812-abcd-1234", "hanya boleh berisi angka")])
    func malformedPhoneIsExplainedAndSendsNothing(raw: String, message: String) async throws {
        try await withGateway { app, gateway in
            // given
            var browser = TestBrowser(app)
            // when
            let (response, _) = try await browser.askCode(raw)
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(message))
            #expect(gateway.sent.withLockedValue { $0.isEmpty })
            #expect(try await OneTimeCodeRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func staffMustUseTheirPassword() async throws {
        try await withGateway { app, gateway in
            // given the operator desa has a phone number
            try await Account.query(on: app.db).filter(\.$email == "operator.desa@rembuk.test").set(\.$phone, to: "+6281399990000").update()
            var browser = TestBrowser(app)
            // when
            let (response, _) = try await browser.askCode("0813-9999-0000")
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("Akun petugas masuk dengan kata sandi"))
            #expect(gateway.sent.withLockedValue { $0.isEmpty })
        }
    }

    @Test func aPasswordlessAccountCannotBeEnteredWithAnEmptyPassword() async throws {
        try await withGateway { app, gateway in
            // given a citizen who signed up by code
            var browser = TestBrowser(app)
            let (_, challenge) = try await browser.askCode(phone)
            _ = try await browser.post(SiteRoute.phoneCode.path, ["challenge": challenge ?? "", "code": gateway.code(for: e164) ?? "", "name": "Euis", "consent": "ya"])
            var other = TestBrowser(app)
            // when
            let response = try await other.post(SiteRoute.login.path, ["identifier": phone, "password": ""])
            let guessed = try await other.post(SiteRoute.login.path, ["identifier": phone, "password": "apa-saja-2026"])
            // then
            #expect(response.status == .unauthorized)
            #expect(guessed.status == .unauthorized)
            // and the first password needs no current one
            let set = try await browser.post(SiteRoute.changePassword.path, ["new_password": "sawah-hijau-2026", "new_password_confirmation": "sawah-hijau-2026"])
            #expect(set.status == .seeOther)
            try await other.signIn(phone, "sawah-hijau-2026")
        }
    }
}
