import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// An e-mail or phone carries notifications only once its owner proved it reaches them; the owner changes name,
/// e-mail and phone, and a new contact is used only once proven. On a kota set up from nothing and on the demo.
@Suite struct ContactVerificationTests {
    func withChannels(_ installation: TestInstallation, _ body: (Application, CodeGateway) async throws -> Void) async throws {
        try await withRembuk(installation, settings: { $0.webhookURL = "http://127.0.0.1:9/gateway"; $0.sendmailCommand = "/bin/true" }) { app in
            let gateway = CodeGateway()
            app.codeTransport = gateway
            try await body(app, gateway)
        }
    }

    func link(in gateway: CodeGateway, to recipient: String) -> String? {
        guard let body = gateway.sent.withLockedValue({ $0 }).last(where: { $0.recipient == recipient })?.body,
              let range = body.range(of: #"/akun/verifikasi-email/[A-Za-z0-9._-]+"#, options: .regularExpression) else { return nil }
        return String(body[range])
    }

    /// Sends a notice to the account and returns the recipients the outbox got for it.
    func notify(_ app: Application, email: String) async throws -> [String] {
        let account = try #require(try await Account.query(on: app.db).filter(\.$email == email).first())
        let notice = Notice(title: Phrase("Uji", "Test"), body: Phrase("Isi", "Body"), link: "/akun")
        try await Notifier.send(to: account, notice, in: .system(app), on: app.db)
        return try await OutboxMessage.query(on: app.db).filter(\.$accountID == account.requireID()).filter(\.$subject == "Uji").all().map(\.recipient)
    }

    static let citizen = ["name": "Johanis Rumengan", "email": "johanis@contoh.id", "phone": "0813-4040-5151",
                          "password": "Selat-Lembeh-2027", "password_confirmation": "Selat-Lembeh-2027", "consent": "ya"]

    @Test func aRegisteredEmailCarriesNoNotificationUntilItsLinkIsPressed() async throws {
        try await withChannels(.bitung) { app, gateway in
            // given a citizen of Kota Bitung who just registered with an e-mail and a phone
            var browser = TestBrowser(app)
            let registered = try await browser.post(SiteRoute.register.path, Self.citizen)
            #expect(registered.status == .seeOther)
            let before = try await notify(app, email: "johanis@contoh.id")
            let page = try await browser.get(SiteRoute.account.path)
            let path = try #require(link(in: gateway, to: "johanis@contoh.id"))
            // when the link is opened (as a mail scanner would) and then pressed, in another browser
            var mailApp = TestBrowser(app)
            let opened = try await mailApp.get(path)
            let stillUnproven = try await Account.query(on: app.db).filter(\.$email == "johanis@contoh.id").first()?.emailVerifiedAt
            let pressed = try await mailApp.post(path, [:])
            let again = try await mailApp.post(path, [:])
            let after = try await notify(app, email: "johanis@contoh.id")
            // then
            #expect(before.isEmpty, "an unproven address gets no mail")
            #expect(page.text.contains("tautan sudah dikirim, berlaku 24 jam") && page.text.contains("Kirim kode verifikasi"))
            #expect(opened.status == .ok && opened.text.contains("Ya, ini e-mail saya") && stillUnproven == nil)
            #expect(pressed.status == .ok && pressed.text.contains("sudah terverifikasi"))
            #expect(again.status == .gone, "a link works once")
            #expect(after == ["johanis@contoh.id"])
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "account.email_verified").count() == 1)
            let account = try await browser.get(SiteRoute.account.path)
            #expect(account.text.contains("Terverifikasi") && account.text.contains("Kirim kode verifikasi"), "the phone still waits for its code")
        }
    }

    @Test func theFirstAdminProvesTheAddressSetupWasGiven() async throws {
        try await withChannels(.bitung) { app, gateway in
            // given the admin `rembuk setup` made, whose address nobody has proven
            var admin = TestBrowser(app)
            try await admin.signIn(TestInstallation.bitungAdmin.email, TestInstallation.bitungAdmin.password)
            // when she asks for a link from her account page and presses it
            let asked = try await admin.post(SiteRoute.proveContact.path, ["kontak": "email"])
            let path = try #require(link(in: gateway, to: TestInstallation.bitungAdmin.email))
            _ = try await admin.post(path, [:])
            let twice = try await admin.post(SiteRoute.proveContact.path, ["kontak": "email"])
            let unknown = try await admin.post(SiteRoute.proveContact.path, ["kontak": "fax"])
            // then
            #expect(asked.location == SiteRoute.account.path + "?pesan=tautan")
            let stored = try #require(try await Account.query(on: app.db).filter(\.$email == TestInstallation.bitungAdmin.email).first())
            #expect(stored.emailVerifiedAt != nil)
            #expect(twice.status == .unprocessableEntity && twice.text.contains("Tidak ada e-mail yang perlu diverifikasi"))
            #expect(unknown.status == .badRequest)
            let record = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "account.email_verified").first())
            #expect(record.actorLabel.contains("Meiske"), "staff are named in the trail by their account")
        }
    }

    @Test func aNewEmailIsUsedOnlyOnceProvenAndTheOldOneWorksUntilThen() async throws {
        try await withChannels(.demo) { app, gateway in
            // given the demo citizen, whose address is proven
            var browser = TestBrowser(app)
            try await browser.signIn("warga@rembuk.test")
            // when she changes her name and her e-mail
            let saved = try await browser.post(SiteRoute.accountDetails.path, ["name": "Siti Aminah Rahayu", "email": "siti.baru@contoh.id"])
            let page = try await browser.get(SiteRoute.account.path + "?pesan=tautan")
            var old = TestBrowser(app)
            try await old.signIn("warga@rembuk.test")
            let meanwhile = try await notify(app, email: "warga@rembuk.test")
            let path = try #require(link(in: gateway, to: "siti.baru@contoh.id"))
            var mailApp = TestBrowser(app)
            _ = try await mailApp.post(path, [:])
            // then
            #expect(saved.location == SiteRoute.account.path + "?pesan=tautan")
            #expect(page.text.contains("Siti Aminah Rahayu") && page.text.contains("Menunggu verifikasi: siti.baru@contoh.id"))
            #expect(meanwhile == ["warga@rembuk.test"], "until the new one is proven, the old one carries notices")
            let stored = try #require(try await Account.query(on: app.db).filter(\.$email == "siti.baru@contoh.id").first())
            #expect(stored.name == "Siti Aminah Rahayu" && stored.emailVerifiedAt != nil)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "warga@rembuk.test").filter(\.$subject == "E-mail akun Rembuk diganti").count() == 1)
            var fresh = TestBrowser(app)
            try await fresh.signIn("siti.baru@contoh.id")
            let summary = try await AuditRecord.query(on: app.db).filter(\.$action == "account.details_changed").all().map(\.summary)
            #expect(summary == ["nama diganti"])
        }
    }

    @Test func anAddressAnotherAccountHoldsIsNotTakenAndNothingTellsBeforeProof() async throws {
        try await withChannels(.demo) { app, gateway in
            // given the demo citizen
            var browser = TestBrowser(app)
            try await browser.signIn("warga@rembuk.test")
            // when she asks to move to the operator's address, and someone with that mailbox presses the link
            let saved = try await browser.post(SiteRoute.accountDetails.path, ["name": "Siti Aminah", "email": "operator.desa@rembuk.test"])
            let path = try #require(link(in: gateway, to: "operator.desa@rembuk.test"))
            var mailApp = TestBrowser(app)
            let pressed = try await mailApp.post(path, [:])
            // then the form said what it says for any address, and the press changed nothing
            #expect(saved.location == SiteRoute.account.path + "?pesan=tautan")
            #expect(pressed.status == .gone && pressed.text.contains("sudah dipakai akun lain"))
            #expect(try await Account.query(on: app.db).filter(\.$email == "warga@rembuk.test").count() == 1)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "account.email_verified").count() == 0)
        }
    }

    @Test func aNewPhoneNeedsTheCodeSentToItTypedInTheSameBrowser() async throws {
        try await withChannels(.bitung) { app, gateway in
            // given a registered citizen of Bitung
            var browser = TestBrowser(app)
            _ = try await browser.post(SiteRoute.register.path, Self.citizen)
            // when she changes her number, someone else tries the code, she types a wrong one, then the right one
            let asked = try await browser.post(SiteRoute.accountDetails.path, ["name": "Johanis Rumengan", "email": "johanis@contoh.id", "phone": "0852-9090-3131"])
            let challenge = try #require(asked.location.flatMap { URLComponents(string: $0)?.queryItems?.first { $0.name == "c" }?.value })
            let code = try #require(gateway.code(for: "+6285290903131"))
            let form = try await browser.get(asked.location ?? "")
            var stranger = TestBrowser(app)
            let stolen = try await stranger.post(SiteRoute.phoneCode.path, ["challenge": challenge, "code": code])
            let wrong = try await browser.post(SiteRoute.phoneCode.path, ["challenge": challenge, "code": code == "000000" ? "111111" : "000000"])
            let before = try #require(try await Account.query(on: app.db).filter(\.$email == "johanis@contoh.id").first())
            let right = try await browser.post(SiteRoute.phoneCode.path, ["challenge": challenge, "code": code])
            let stillSignedIn = try await browser.get(right.location ?? "")
            // then
            #expect(form.text.contains("Verifikasi nomor"))
            #expect(stolen.status == .unprocessableEntity, "a code is bound to the browser that asked")
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("Kode salah"))
            #expect(before.phone == "+6281340405151", "the old number stays until the new one is proven")
            #expect(right.location == SiteRoute.account.path + "?pesan=hp")
            #expect(stillSignedIn.status == .ok && stillSignedIn.text.contains("Nomor HP terverifikasi"))
            let after = try #require(try await Account.find(before.id, on: app.db))
            #expect(after.phone == "+6285290903131" && after.phoneVerifiedAt != nil)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "account.phone_verified").first()?.summary == "nomor HP baru diverifikasi dan dipakai")
        }
    }

    @Test(arguments: [
        (["name": "", "email": "warga@rembuk.test"], "name", "Tulis nama Anda"),
        (["name": "Siti", "email": "bukan-email"], "email", "Alamat e-mail tidak valid"),
        (["name": "Siti", "email": "", "remove_phone": "ya"], "", "Akun perlu e-mail atau nomor HP"),
        (["name": "Siti", "email": "warga@rembuk.test", "phone": "022-2034567"], "phone", "gunakan nomor HP"),
    ])
    func badDetailsAreExplainedAndChangeNothing(fields: [String: String], field: String, message: String) async throws {
        try await withChannels(.demo) { app, gateway in
            // given the demo citizen
            var browser = TestBrowser(app)
            try await browser.signIn("warga@rembuk.test")
            let audits = try await AuditRecord.query(on: app.db).count()
            // when
            let response = try await browser.post(SiteRoute.accountDetails.path, fields)
            // then
            #expect(response.status == .unprocessableEntity && response.text.contains(message), "\(field)")
            let stored = try #require(try await Account.query(on: app.db).filter(\.$email == "warga@rembuk.test").first())
            #expect(stored.name == "Siti Aminah" && stored.phone == "+6281211112222")
            #expect(try await AuditRecord.query(on: app.db).count() == audits)
            #expect(gateway.sent.withLockedValue { $0 }.isEmpty)
        }
    }

    @Test func anOperatorServingACitizenCannotChangeTheirContacts() async throws {
        try await withChannels(.demo) { app, _ in
            // given an operator serving an assisted citizen
            var desk = TestBrowser(app)
            try await desk.signIn("operator.desa@rembuk.test")
            let (registered, _) = try await AssistedCitizenTests.register(&desk)
            let citizen = try #require(registered)
            _ = try await desk.post(SiteRoute.assistStart(citizen.id!.uuidString).path, [:])
            // when
            let form = try await desk.get(SiteRoute.accountDetails.path)
            let change = try await desk.post(SiteRoute.accountDetails.path, ["name": "Nama Lain", "email": "lain@contoh.id"])
            // then
            #expect(form.status == .forbidden && change.status == .forbidden)
            #expect(try await Account.find(citizen.id, on: app.db)?.name == citizen.name)
        }
    }
}
