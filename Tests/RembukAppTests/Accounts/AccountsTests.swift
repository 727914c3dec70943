import Fluent
import RembukCore
import Testing
import Vapor
@testable import RembukApp

@Suite struct AccountsTests {
    let good = ["name": "Nur Aisyah", "email": "nur@contoh.id", "phone": "0813-2222-3333", "password": "kopi-tubruk-2026",
                "password_confirmation": "kopi-tubruk-2026", "nik": "3214014508900003", "consent": "ya"]

    @Test func registeringSignsInAndNeverShowsTheWholeNIK() async throws {
        try await withRembuk { app in
            // given
            var browser = TestBrowser(app)
            // when
            let response = try await browser.post(SiteRoute.register.path, good)
            let page = try await browser.get(SiteRoute.account.path)
            // then
            #expect(response.status == .seeOther)
            #expect(page.status == .ok)
            #expect(page.text.contains("••••••••••••0003"))
            #expect(!page.text.contains("3214014508900003"))
            #expect(page.text.contains("+62813••••3333"))
            let stored = try #require(try await Account.query(on: app.db).filter(\.$email == "nur@contoh.id").first())
            #expect(stored.phone == "+6281322223333")
            #expect(stored.nikMasked == "••••••••••••0003")
            #expect(stored.nikDigest?.contains("3214014508900003") == false)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "account.registered").count() == 2)
        }
    }

    @Test(arguments: [
        ("nik", "3214013208850001", "Tanggal lahir di dalam NIK"),
        ("nik", "9914011708850001", "kode kecamatan"),
        ("nik", "12345", "NIK harus 16 angka"),
        ("phone", "+1 415 555 0100", "nomor Indonesia"),
        ("phone", "08-12", "terlalu pendek"),
        ("email", "bukan-email", "e-mail tidak valid"),
        ("password_confirmation", "lain-sekali-2026", "tidak sama"),
        ("name", "", "Tulis nama"),
        ("password", "12345678", "mudah ditebak"),
    ])
    func badInputIsExplainedAndStoresNothing(field: String, value: String, message: String) async throws {
        try await withRembuk { app in
            // given
            var browser = TestBrowser(app)
            var form = good
            form[field] = value
            let before = try await accountCount(app)
            // when
            let response = try await browser.post(SiteRoute.register.path, form)
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(message))
            #expect(response.text.contains("Nur Aisyah") || field == "name")
            #expect(try await accountCount(app) == before)
        }
    }

    /// Security finding 8: the form said which e-mail, phone or NIK was registered, as often as asked.
    @Test func aTakenContactIsToldToItsOwnerNotOnThePage() async throws {
        try await withRembuk { app in
            // given a registered citizen
            var first = TestBrowser(app)
            _ = try await first.post(SiteRoute.register.path, good)
            let owner = try #require(try await Account.query(on: app.db).filter(\.$email == "nur@contoh.id").first())
            let before = try await accountCount(app)
            // when someone else registers with the same e-mail and phone
            var second = TestBrowser(app)
            let response = try await second.post(SiteRoute.register.path, good.merging(["nik": ""]) { $1 })
            // then the page says a message went out, no account is made, and the owner gets that message
            #expect(response.status == .ok && response.text.contains("Periksa pesan Anda"))
            for telling in ["E-mail ini sudah terdaftar", "Nomor HP ini sudah terdaftar", "NIK ini sudah dipakai"] { #expect(!response.text.contains(telling)) }
            #expect(try await accountCount(app) == before)
            #expect(second.cookies[SessionMiddleware.cookieName].map { _ in true } ?? false)
            #expect(try await second.get(SiteRoute.account.path).status != .ok)
            let told = try await InboxItem.query(on: app.db).filter(\.$account.$id == owner.id!).all()
            #expect(told.contains { $0.titleID.contains("mendaftar dengan kontak Anda") })
        }
    }

    @Test func aTakenNIKIsNotRecordedTwiceAndNotSaidOnThePage() async throws {
        try await withRembuk { app in
            // given a citizen registered with a NIK
            var first = TestBrowser(app)
            _ = try await first.post(SiteRoute.register.path, good)
            let holder = try #require(try await Account.query(on: app.db).filter(\.$email == "nur@contoh.id").first())
            // when someone registers other contacts with the same NIK
            var second = TestBrowser(app)
            let response = try await second.post(SiteRoute.register.path, good.merging(["email": "lain@contoh.id", "phone": ""]) { $1 })
            // then they have an account without that NIK, the form did not say so, and both are told privately
            #expect(response.status == .seeOther)
            let newcomer = try #require(try await Account.query(on: app.db).filter(\.$email == "lain@contoh.id").first())
            #expect(newcomer.nikDigest == nil && newcomer.nikMasked == nil)
            #expect(try await InboxItem.query(on: app.db).filter(\.$account.$id == holder.id!).all().contains { $0.titleID.contains("NIK Anda dipakai") })
            #expect(try await InboxItem.query(on: app.db).filter(\.$account.$id == newcomer.id!).all().contains { $0.titleID.contains("NIK belum dicatat") })
        }
    }

    @Test func probingWhoIsRegisteredIsThrottledLikeRegistering() async throws {
        try await withRembuk { app in
            // given a registered citizen
            var first = TestBrowser(app)
            _ = try await first.post(SiteRoute.register.path, good)
            // when one address probes their e-mail again and again
            var prober = TestBrowser(app)
            var statuses: [UInt] = []
            for _ in 1...(AbuseLimits.registration.limit + 1) {
                statuses.append(try await prober.post(SiteRoute.register.path, good.merging(["nik": "", "phone": ""]) { $1 }).status.code)
            }
            // then the first registration and the probes share the hour's allowance, and then every probe waits
            #expect(statuses.filter { $0 == 200 }.count == AbuseLimits.registration.limit - 1, "\(statuses)")
            #expect(statuses.last == 429)
        }
    }

    /// Security finding 9: `password123` and one's own e-mail were accepted, and bcrypt ignored what came after 72 bytes.
    @Test func weakPersonalAndOverlongPasswordsAreRefusedAtRegistration() async throws {
        try await withRembuk { app in
            // given
            var browser = TestBrowser(app)
            let before = try await accountCount(app)
            // when
            var answers: [String: String] = [:]
            for password in ["password123", "nur@contoh.id", "aisyah-2026", "kopi-tubruk-" + String(repeating: "x", count: 61)] {
                answers[password] = try await browser.post(SiteRoute.register.path,
                                                           good.merging(["password": password, "password_confirmation": password]) { $1 }).text
            }
            // then each is refused with its reason, and no account is made
            #expect(answers["password123"]?.contains("terlalu mudah ditebak") == true)
            #expect(answers["nur@contoh.id"]?.contains("jangan memuat nama, e-mail, atau nomor HP") == true)
            #expect(answers["aisyah-2026"]?.contains("jangan memuat nama, e-mail, atau nomor HP") == true)
            #expect(answers.values.filter { $0.contains("paling panjang 72") }.count == 1)
            #expect(try await accountCount(app) == before)
        }
    }

    /// Security finding 9: failures were counted per typed identifier, so an account's e-mail and phone gave twice the guesses.
    @Test func wrongPasswordsCountPerAccountWhicheverIdentifierIsTyped() async throws {
        try await withRembuk { app in
            // given the demo citizen, who has an e-mail and a phone
            var browser = TestBrowser(app)
            // when three wrong guesses come by e-mail and two by phone
            for identifier in ["warga@rembuk.test", "warga@rembuk.test", "warga@rembuk.test", "0812-1111-2222", "0812-1111-2222"] {
                _ = try await browser.post(SiteRoute.login.path, ["identifier": identifier, "password": "tebakan-salah"])
            }
            // then the right password waits too, by either
            let byPhone = try await browser.post(SiteRoute.login.path, ["identifier": "0812-1111-2222", "password": LoadDemoData.password])
            #expect(byPhone.status == .tooManyRequests)
        }
    }

    @Test func signInWithPhoneNumberInAnyFormat() async throws {
        try await withRembuk { app in
            // given: the demo citizen registered 0812-1111-2222
            var browser = TestBrowser(app)
            // when
            let response = try await browser.post(SiteRoute.login.path, ["identifier": "+62 812 1111 2222", "password": LoadDemoData.password])
            let page = try await browser.get(SiteRoute.account.path)
            // then
            #expect(response.status == .seeOther)
            #expect(page.text.contains("Siti Aminah"))
        }
    }

    @Test func wrongPasswordSaysSoWithoutTellingWhichPart() async throws {
        try await withRembuk { app in
            var browser = TestBrowser(app)
            let response = try await browser.post(SiteRoute.login.path, ["identifier": "warga@rembuk.test", "password": "salah-sekali"])
            #expect(response.status == .unauthorized)
            #expect(response.text.contains("E-mail/nomor HP atau kata sandi salah"))
        }
    }

    @Test func throttlingStopsGuessingEvenWithTheRightPassword() async throws {
        try await withRembuk { app in
            // given: five wrong guesses
            var browser = TestBrowser(app)
            for _ in 0..<LogIn.perAccountLimit {
                _ = try await browser.post(SiteRoute.login.path, ["identifier": "warga@rembuk.test", "password": "tebakan-salah"])
            }
            // when
            let response = try await browser.post(SiteRoute.login.path, ["identifier": "warga@rembuk.test", "password": LoadDemoData.password])
            // then
            #expect(response.status == .tooManyRequests)
            #expect(response.text.contains("Terlalu banyak percobaan masuk"))
            #expect(response.headers.first(name: .retryAfter) != nil)
            // and another account from elsewhere is not locked by it
            var other = TestBrowser(app)
            let fine = try await other.post(SiteRoute.login.path, ["identifier": "admin@rembuk.test", "password": LoadDemoData.password])
            #expect(fine.status == .seeOther)
        }
    }

    @Test func signOutEndsTheSessionInTheDatabase() async throws {
        try await withRembuk { app in
            var browser = TestBrowser(app)
            try await browser.signIn("warga@rembuk.test")
            let stolen = browser.cookies
            #expect(try await AccountSession.query(on: app.db).count() == 1)
            _ = try await browser.post(SiteRoute.logout.path, [:])
            #expect(try await AccountSession.query(on: app.db).count() == 0)
            var thief = TestBrowser(app)
            thief.cookies = stolen
            let page = try await thief.get(SiteRoute.account.path)
            #expect(page.status == .seeOther)
            #expect(page.location?.hasPrefix(SiteRoute.login.path) == true)
        }
    }

    @Test func changingThePasswordEndsOtherSessions() async throws {
        try await withRembuk { app in
            // given: signed in on two devices
            var phone = TestBrowser(app)
            var laptop = TestBrowser(app)
            try await phone.signIn("warga@rembuk.test")
            try await laptop.signIn("warga@rembuk.test")
            // when
            let response = try await laptop.post(SiteRoute.changePassword.path, [
                "current_password": LoadDemoData.password, "new_password": "teh-manis-hangat-7", "new_password_confirmation": "teh-manis-hangat-7"])
            // then
            #expect(response.status == .seeOther)
            #expect(try await phone.get(SiteRoute.account.path).status == .seeOther)
            #expect(try await laptop.get(SiteRoute.account.path).status == .ok)
            var fresh = TestBrowser(app)
            try await fresh.signIn("warga@rembuk.test", "teh-manis-hangat-7")
            #expect(try await InboxItem.query(on: app.db).filter(\.$titleID == "Kata sandi Anda diganti").count() == 1)
        }
    }

    @Test func disabledAccountsCannotSignIn() async throws {
        try await withRembuk { app in
            // given
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let warga = try #require(try await Account.query(on: app.db).filter(\.$email == "warga@rembuk.test").first())
            // when
            let response = try await admin.post(SiteRoute.adminAccountStatus(warga.id!.uuidString).path, ["action": "disable", "reason": "akun ganda"])
            var browser = TestBrowser(app)
            let login = try await browser.post(SiteRoute.login.path, ["identifier": "warga@rembuk.test", "password": LoadDemoData.password])
            // then
            #expect(response.status == .seeOther)
            #expect(login.status == .unauthorized)
            #expect(login.text.contains("dinonaktifkan"))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "account.disabled").first()?.reason == "akun ganda")
        }
    }
}
