import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

@Suite struct SetUpInstallationTests {
    static let bitung = SetUpInstallation.Input(kabupaten: "71.72", agencyName: "Bappeda Kota Bitung", adminName: "Meiske Lumentut",
                                                adminEmail: "perencanaan@bitungkota.go.id", adminPhone: nil, adminPassword: "Selat-Lembeh-2027")

    @Test func aFreshDatabaseBecomesOneKotaWithItsFirstAdmin() async throws {
        try await withRembuk(.empty) { app in
            // given: a migrated database with nothing in it; serve would refuse it
            #expect(await ServeReadiness.refusal(app)?.contains("rembuk setup") == true)
            // when
            let outcome = try await SetUpInstallation().run(Self.bitung, in: .system(app))
            // then: its kecamatan and kelurahan, its Bappeda, an admin who signs in, all in the trail
            guard case let .installed(done) = outcome else { Issue.record("not installed: \(outcome)"); return }
            #expect(done.region == "Kota Bitung" && done.kecamatan == 8 && done.kelurahan == 69 && done.desa == 0)
            #expect(app.settings.kabupaten.value == "71.72" && app.settings.planningAgencyName == "Bappeda")
            #expect(try await Region.query(on: app.db).within("71.72").filter(\.$kind == "kelurahan").count() == 69)
            #expect(try await Agency.query(on: app.db).all().map(\.id) == ["bappeda"])
            #expect(try await Installation.origin(on: app.db) == .setup)
            #expect(await ServeReadiness.refusal(app) == nil)
            var admin = TestBrowser(app)
            try await admin.signIn("perencanaan@bitungkota.go.id", "Selat-Lembeh-2027")
            #expect(try await admin.get(SiteRoute.adminAgencies.path).status == .ok)
            let actions = try await AuditRecord.query(on: app.db).all().map(\.action)
            #expect(Set(actions).isSuperset(of: ["installation.set_up", "regions.imported", "agency.created", "account.created_by_admin", "role.granted"]))
            guard case .intact = try await AuditLog.verify(on: app.db) else { Issue.record("the trail does not verify"); return }
        }
    }

    @Test func anInstalledDatabaseIsRefusedAndKeptAsItWas() async throws {
        for installation in [TestInstallation.demo, .bitung] {
            try await withRembuk(installation) { app in
                // given
                let accounts = try await Account.query(on: app.db).count()
                let records = try await AuditRecord.query(on: app.db).count()
                // when
                let outcome = try await SetUpInstallation().run(Self.bitung, in: .system(app))
                // then
                guard case .alreadyInstalled = outcome else { Issue.record("\(installation): \(outcome)"); return }
                #expect(try await Account.query(on: app.db).count() == accounts)
                #expect(try await AuditRecord.query(on: app.db).count() == records)
            }
        }
    }

    @Test func wrongAnswersAreAllNamedAndNothingIsWritten() async throws {
        try await withRembuk(.empty) { app in
            // given: an unknown region, no agency name, a password that is the admin's own name, no contact
            var input = Self.bitung
            input.kabupaten = "71.99"
            input.agencyName = "B"
            input.adminEmail = nil
            input.adminPassword = "meiskelumentut"
            // when
            let outcome = try await SetUpInstallation().run(input, in: .system(app))
            // then
            guard case let .invalid(problems) = outcome else { Issue.record("\(outcome)"); return }
            let text = problems.map(\.id).joined(separator: "\n")
            #expect(text.contains("71.99 tidak ada dalam daftar wilayah"))
            #expect(text.contains("--agency-name"))
            #expect(text.contains("--admin-email"))
            #expect(text.contains("--admin-password-file"))
            #expect(try await Region.query(on: app.db).count() == 0)
            #expect(try await Account.query(on: app.db).count() == 0)
            #expect(try await AuditRecord.query(on: app.db).count() == 0)
            #expect(try await Installation.isInstalled(on: app.db) == false)
        }
    }

    @Test func theDemoIsNeverLoadedIntoARealInstallation() async throws {
        try await withRembuk(.bitung) { app in
            // given a Kota Bitung installation
            let accounts = try await Account.query(on: app.db).count()
            // when / then
            await #expect(throws: UserFacingError.self) { try await LoadDemoData().run(in: .system(app)) }
            #expect(try await Account.query(on: app.db).count() == accounts)
            #expect(try await Account.query(on: app.db).filter(\.$email == "warga@rembuk.test").count() == 0)
        }
    }

    @Test func serveRefusesThePublishedDemoPasswordOnHTTPS() async throws {
        try await withRembuk(settings: { $0.baseURL = "https://rembuk.contoh.go.id" }) { app in
            // given: the demo, opened to the public
            // when
            let refusal = await ServeReadiness.refusal(app)
            // then
            #expect(refusal?.contains("admin@rembuk.test") == true)
            // when every demo account gets its own password
            let demoEmails = LoadDemoData.staff.map(\.email) + [LoadDemoData.citizenEmail]
            for account in try await Account.query(on: app.db).filter(\.$email ~~ demoEmails).all() {
                account.passwordHash = try await Invocation.system(app).hashPassword("ganti-\(UUID().uuidString)")
                try await account.update(on: app.db)
            }
            // then it may serve
            #expect(await ServeReadiness.refusal(app) == nil)
        }
        try await withRembuk { app in
            // given the demo on plain http (a laptop, a training room): it serves
            #expect(await ServeReadiness.refusal(app) == nil)
        }
    }

    @Test func theEnvironmentCannotPointAnInstallationAtAnotherRegion() async throws {
        try await withRembuk(.bitung) { app in
            // given an installation set up for 71.72, started with REMBUK_KABUPATEN=32.14
            var settings = app.settings
            settings.kabupaten = RegionCode("32.14")!
            settings.kabupatenGiven = true
            // when / then
            await #expect(throws: Settings.Problem.self) { try await Installation.adopt(into: &settings, on: app.db) }
            settings.kabupatenGiven = false
            try await Installation.adopt(into: &settings, on: app.db)
            #expect(settings.kabupaten.value == "71.72")
        }
    }
}

@Suite struct KelurahanWordingTests {
    @Test func aKotaOfKelurahanSaysKelurahanOnItsPages() async throws {
        try await withRembuk(.bitung) { app in
            // given Kota Bitung: 69 kelurahan, no desa; its admin sets the calendar and schedules a forum in one
            var admin = TestBrowser(app)
            try await admin.signIn(TestInstallation.bitungAdmin.email, TestInstallation.bitungAdmin.password)
            let today = LocalDate(Date())
            _ = try await admin.post(SiteRoute.schedule.path, ScheduleTests.form(year: today.year + 1, aspirasi: ("\(today.year)-01-01", "\(today.year)-12-31")))
            let kelurahan = try #require(try await Region.query(on: app.db).within("71.72").filter(\.$depth == 3).sort(\.$id).first())
            // when
            let schedule = try await admin.get(SiteRoute.schedule.path)
            let form = try await admin.get(SiteRoute.usulanNew.path)
            let forumForm = try await admin.get(SiteRoute.forumNew.path)
            // then
            #expect(app.settings.places.villages == .kelurahan && app.settings.places.isKota)
            #expect(schedule.text.contains("Musrenbang Kelurahan") && schedule.text.contains("Musrenbang Kota"))
            #expect(!schedule.text.contains("Musrenbang Desa"))
            #expect(form.text.contains("operator kelurahan lalu dibahas di Musrenbang Kelurahan") && form.text.contains("— pilih kelurahan —"))
            #expect(forumForm.text.contains(">Musrenbang Kelurahan<") && !forumForm.text.contains("Musrenbang Desa"))
            #expect(ForumLevel.desa.name(in: kelurahan.name, at: kelurahan.code) == "Musrenbang Kelurahan \(kelurahan.name)")
        }
    }
}
