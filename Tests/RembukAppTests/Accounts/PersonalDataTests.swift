import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// UU PDP: consent at registration, one's own data as JSON, deleting one's account with the trail intact.
@Suite struct PersonalDataTests {
    @Test func registeringAsksForConsentAndRecordsIt() async throws {
        try await withRembuk { app in
            // given
            var browser = TestBrowser(app)
            var form = AccountsTests().good
            form["consent"] = nil
            // when
            let refused = try await browser.post(SiteRoute.register.path, form)
            let page = try await browser.get(SiteRoute.register.path)
            let registered = try await browser.post(SiteRoute.register.path, AccountsTests().good)
            // then
            #expect(refused.status == .unprocessableEntity && refused.text.contains("Centang persetujuan pemrosesan data pribadi"))
            #expect(page.text.contains("href=\"/privasi\"") && page.text.contains("name=\"consent\""))
            #expect(registered.status == .seeOther)
            let account = try #require(try await Account.query(on: app.db).filter(\.$email == "nur@contoh.id").first())
            #expect(account.consentedAt != nil && account.consentVersion == PrivacyNotice.version)
            #expect(try await browser.get(SiteRoute.privacy.path).text.contains("Undang-Undang Nomor 27 Tahun 2022"))
        }
    }

    @Test func aCitizenDownloadsAllHerDataAndOnlyHers() async throws {
        try await withRembuk { app in
            // given the demo citizen, with her usulan
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            var visitor = TestBrowser(app)
            // when
            let download = try await citizen.get(SiteRoute.myData.path)
            let refused = try await visitor.get(SiteRoute.myData.path)
            // then
            #expect(download.status == .ok && download.headers.first(name: .contentDisposition)?.contains("data-saya-rembuk.json") == true)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(download.text.utf8)) as? [String: Any])
            let profile = try #require(json["akun"] as? [String: Any])
            #expect(profile["nama"] as? String == "Siti Aminah" && profile["hp"] as? String == "+6281211112222")
            let own = try await Usulan.query(on: app.db).join(Account.self, on: \Usulan.$proposerID == \Account.$id)
                .filter(Account.self, \.$email == "warga@rembuk.test").count()
            #expect((json["usulan"] as? [Any])?.count == own && own > 0)
            #expect(!download.text.contains("admin@rembuk.test") && !download.text.contains("password"))
            #expect(refused.status == .unauthorized || refused.status == .seeOther)
        }
    }

    @Test func deletingErasesThePersonAndKeepsThePublicRecordAndTheTrail() async throws {
        try await withRembuk { app in
            // given the demo citizen, who commented on an usulan, signed in on two devices
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            var other = TestBrowser(app)
            try await other.signIn("warga@rembuk.test")
            let account = try #require(try await Account.query(on: app.db).filter(\.$email == "warga@rembuk.test").first())
            let usulan = try #require(try await Usulan.query(on: app.db).filter(\.$proposerID == account.id!).first())
            _ = try await CommentTests().commentOn(usulan, &citizen, "Jalan ini memang perlu segera diperbaiki sebelum musim hujan.")
            let proposals = try await Usulan.query(on: app.db).filter(\.$proposerID == account.id!).count()
            // when: a wrong password, then the right one
            let wrong = try await citizen.post(SiteRoute.deleteAccount.path, ["password": "salah-sekali-99", "confirm": "HAPUS"])
            let deleted = try await citizen.post(SiteRoute.deleteAccount.path, ["password": LoadDemoData.password, "confirm": "hapus"])
            // then
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("Kata sandi salah"))
            #expect(deleted.status == .seeOther)
            let erased = try #require(try await Account.find(account.id!, on: app.db))
            #expect(erased.name == DeleteMyAccount.deletedName && erased.email == nil && erased.phone == nil && erased.nikMasked == nil)
            #expect(!erased.hasPassword && erased.isDisabled && erased.deletedAt != nil)
            #expect(try await AccountSession.query(on: app.db).filter(\.$account.$id == account.id!).count() == 0)
            #expect(try await other.get(SiteRoute.account.path).status != .ok)
            #expect(try await Usulan.query(on: app.db).filter(\.$proposerID == account.id!).count() == proposals, "public decisions stay")
            #expect(try await Comment.query(on: app.db).filter(\.$authorID == account.id!).all().allSatisfy { $0.authorName == DeleteMyAccount.deletedName })
            var reader = TestBrowser(app)
            let page = try await reader.get(SiteRoute.usulan(usulan.id!.uuidString).path)
            #expect(!page.text.contains("Siti Aminah"))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "account.deleted").count() == 1)
            guard case .intact = try await AuditLog.verify(on: app.db) else { Issue.record("the trail does not verify"); return }
            var again = TestBrowser(app)
            let signIn = try await again.post(SiteRoute.login.path, ["identifier": "warga@rembuk.test", "password": LoadDemoData.password])
            #expect(signIn.status != .seeOther)
        }
    }

    @Test func staffHandOverTheirRoleBeforeDeleting() async throws {
        try await withRembuk { app in
            // given
            var staff = TestBrowser(app)
            try await staff.signIn("operator.desa@rembuk.test")
            // when
            let refused = try await staff.post(SiteRoute.deleteAccount.path, ["password": LoadDemoData.password, "confirm": "HAPUS"])
            // then
            #expect(refused.status == .unprocessableEntity && refused.text.contains("memegang peran petugas"))
            #expect(try await Account.query(on: app.db).filter(\.$email == "operator.desa@rembuk.test").first()?.deletedAt == nil)
        }
    }
}
