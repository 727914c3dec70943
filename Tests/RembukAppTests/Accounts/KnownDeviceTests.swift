import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// Failed sign-ins cannot lock an account's owner out of the browser they signed in with before.
@Suite struct KnownDeviceTests {
    func attempt(_ browser: inout TestBrowser, _ identifier: String, _ password: String) async throws -> TestingHTTPResponse {
        try await browser.post(SiteRoute.login.path, ["identifier": identifier, "password": password])
    }

    @Test func someoneGuessingLocksStrangersOutButNotTheOwnersOwnBrowser() async throws {
        try await withRembuk { app in
            // given the owner signed in once on their phone and signed out
            var phone = TestBrowser(app)
            try await phone.signIn("warga@rembuk.test")
            #expect(phone.cookies[KnownDevice.cookieName] != nil)
            _ = try await phone.post(SiteRoute.logout.path, [:])
            // and someone else then guesses the password more often than allowed
            var guesser = TestBrowser(app)
            for _ in 0...LogIn.perAccountLimit { _ = try await attempt(&guesser, "warga@rembuk.test", "tebakan-salah") }
            // when
            var stranger = TestBrowser(app)
            let fromElsewhere = try await attempt(&stranger, "warga@rembuk.test", LoadDemoData.password)
            let fromThePhone = try await attempt(&phone, "warga@rembuk.test", LoadDemoData.password)
            // then
            #expect(fromElsewhere.status == .tooManyRequests)
            #expect(fromThePhone.status == .seeOther)
        }
    }

    @Test func aKnownBrowserHasItsOwnAllowance() async throws {
        try await withRembuk { app in
            // given a browser that signed in before
            var phone = TestBrowser(app)
            try await phone.signIn("warga@rembuk.test")
            _ = try await phone.post(SiteRoute.logout.path, [:])
            // when it guesses wrong as often as allowed
            for _ in 0..<LogIn.perAccountLimit { _ = try await attempt(&phone, "warga@rembuk.test", "tebakan-salah") }
            let locked = try await attempt(&phone, "warga@rembuk.test", LoadDemoData.password)
            var laptop = TestBrowser(app)
            let elsewhere = try await attempt(&laptop, "warga@rembuk.test", LoadDemoData.password)
            // then that browser waits, and its failures did not lock the account for others
            #expect(locked.status == .tooManyRequests)
            #expect(elsewhere.status == .seeOther)
        }
    }

    @Test func theCookieNamesNoAccountAndServesOnlyTheOneItWasGivenFor() async throws {
        // given
        let secret = "a-secret-that-is-long-enough-for-the-test-0123456789"
        let owner = UUID(), other = UUID()
        let name = KnownDevice.newName()
        let cookie = KnownDevice.value(name: name, account: owner, secret: secret)
        // then
        #expect(!cookie.contains(owner.uuidString))
        #expect(KnownDevice.name(in: cookie, account: owner, secret: secret) == name)
        #expect(KnownDevice.name(in: cookie, account: other, secret: secret) == nil)
        #expect(KnownDevice.name(in: cookie, account: owner, secret: secret + "x") == nil)
        let tampered = String(cookie.dropLast()) + (cookie.hasSuffix("0") ? "1" : "0")
        #expect(KnownDevice.name(in: tampered, account: owner, secret: secret) == nil)
        #expect(KnownDevice.name(in: "tanpa-titik", account: owner, secret: secret) == nil)
        #expect(KnownDevice.name(in: nil, account: owner, secret: secret) == nil)
    }
}
