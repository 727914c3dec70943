import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
@testable import RembukApp

/// Partners, agreements and contributions: who may do what, bad input, totals, and what a partner's users may do in a programme.
@Suite struct PartnerTests {
    static let yayasan = "yayasan-citarum-lestari"

    static func agreement(agency: String = "dlh", programs: [String] = [], start: LocalDate = LocalDate(Date()).adding(days: -30),
                          days: Int = 365) -> [String: String] {
        ["agency": agency, "document_number": "027/PKS/UJI/2026", "scope": "Pendampingan pelatihan dan penyediaan relawan.",
         "starts_on": start.iso, "ends_on": start.adding(days: days).iso]
    }

    /// A session that began a minute ago (attendance is taken from the session's day), written straight to the database.
    static func startedSession(_ app: Application, _ program: Program) async throws -> ProgramSession {
        let session = ProgramSession()
        session.$program.id = try program.requireID()
        session.title = "Sesi yang sedang berlangsung"
        session.startsMillis = Date().millis - 60_000
        session.endsMillis = Date().millis + 3_600_000
        session.place = "Balai Desa Citalang"
        session.capacity = 5
        session.confirmed = 0
        try await session.create(on: app.db)
        return session
    }

    @Test func bappedaRegistersPartnersAndTheirUsersKeepTheProfile() async throws {
        try await withRembuk { app in
            // given
            var admin = TestBrowser(app), partnerUser = TestBrowser(app), agency = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            try await partnerUser.signIn("mitra@rembuk.test")
            try await agency.signIn("opd@rembuk.test")
            // when
            let created = try await admin.post(SiteRoute.partnerNew.path, ["name": "Universitas Uji Purwakarta", "kind": "universitas",
                                                                          "description": "Kuliah kerja nyata tematik UMKM.", "website": "https://uji.ac.id"])
            let byAgency = try await agency.post(SiteRoute.partnerNew.path, ["name": "Komunitas Lain", "kind": "komunitas"])
            let own = try await partnerUser.post(SiteRoute.partnerEdit(Self.yayasan).path, ["name": "Yayasan Citarum Lestari", "kind": "lsm",
                                                                                          "description": "Profil baru dari mitra sendiri.", "website": ""])
            let other = try await partnerUser.post(SiteRoute.partnerEdit("universitas-uji-purwakarta").path, ["name": "Diambil alih", "kind": "lsm"])
            // then
            #expect(created.status == .seeOther && created.location == SiteRoute.partner("universitas-uji-purwakarta").path)
            #expect(byAgency.status == .forbidden && own.status == .seeOther && other.status == .forbidden)
            #expect(try await Partner.find(Self.yayasan, on: app.db)?.description == "Profil baru dari mitra sendiri.")
            #expect(try await Partner.find("universitas-uji-purwakarta", on: app.db)?.name == "Universitas Uji Purwakarta")
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "partner.updated").count() == 1)
        }
    }

    @Test func badPartnerInputChangesNothing() async throws {
        try await withRembuk { app in
            // given
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let before = try await Partner.query(on: app.db).count()
            // when
            let duplicate = try await admin.post(SiteRoute.partnerNew.path, ["name": "Yayasan Citarum Lestari", "kind": "lsm"])
            let noKind = try await admin.post(SiteRoute.partnerNew.path, ["name": "Mitra Tanpa Jenis", "kind": "rahasia"])
            let badSite = try await admin.post(SiteRoute.partnerNew.path, ["name": "Mitra Situs Aneh", "kind": "lsm", "website": "javascript:alert(1)"])
            // then
            #expect(duplicate.status == .unprocessableEntity && duplicate.text.contains("sudah terdaftar sebagai mitra"))
            #expect(noKind.status == .unprocessableEntity && noKind.text.contains("Pilih jenis mitra."))
            #expect(badSite.status == .unprocessableEntity && badSite.text.contains("Alamat situs diawali https://"))
            #expect(try await Partner.query(on: app.db).count() == before)
        }
    }

    /// Finding 4 of the security probe: a partner user's website was written raw into an `href`.
    @Test func aPartnersWebsiteCannotCarryMarkupAndIsStoredNormalised() async throws {
        try await withRembuk { app in
            // given the partner's own user, and an address kept from before the fix with a quote in it
            var partnerUser = TestBrowser(app)
            try await partnerUser.signIn("mitra@rembuk.test")
            let profile = ["name": "Yayasan Citarum Lestari", "kind": "lsm", "description": "Profil."]
            let auditBefore = try await auditCount(app)
            // when they save attribute-breaking and other hostile addresses, then a plain one in capitals
            var refused: [UInt] = []
            for site in [#"https://citarum.or.id/"><meta http-equiv="refresh" content="0;url=//evil.example">"#, "https://citarum.or.id/'onmouseover='x",
                         "https://user:pw@citarum.or.id/", "https://citarum.or.id\\@evil.example", "https://citarum .or.id", "https://citarum.or.id/\u{202E}x",
                         "data:text/html,hi", "//evil.example", "https://localhost"] {
                var form = profile
                form["website"] = site
                refused.append(try await partnerUser.post(SiteRoute.partnerEdit(Self.yayasan).path, form).status.code)
            }
            #expect(refused.allSatisfy { $0 == 422 }, "\(refused)")
            #expect(try await auditCount(app) == auditBefore)
            var form = profile
            form["website"] = "HTTPS://Citarum.OR.id"
            #expect(try await partnerUser.post(SiteRoute.partnerEdit(Self.yayasan).path, form).status == .seeOther)
            // then the address is stored normalised and linked
            #expect(try await Partner.find(Self.yayasan, on: app.db)?.website == "https://citarum.or.id/")
            var visitor = TestBrowser(app)
            #expect(try await visitor.get(SiteRoute.partner(Self.yayasan).path).text.contains(#"href="https://citarum.or.id/""#))
            // and one stored before the fix is shown without a link, never as markup
            let old = try #require(try await Partner.find(Self.yayasan, on: app.db))
            old.website = #"https://citarum.or.id/"><meta http-equiv="refresh" content="0">"#
            try await old.save(on: app.db)
            let page = try await visitor.get(SiteRoute.partner(Self.yayasan).path).text
            #expect(!page.contains("<meta http-equiv"))
        }
    }

    @Test func agenciesRecordAgreementsOnlyForThemselvesAndTheirOwnProgrammes() async throws {
        try await withRembuk { app in
            // given a DLH programme; the PUPR's staff and a citizen try too
            let (program, _) = try await ProgramTests.open(app, agency: "dlh")
            var admin = TestBrowser(app), pupr = TestBrowser(app), citizen = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            try await pupr.signIn("opd@rembuk.test")
            try await citizen.signIn("warga@rembuk.test")
            let before = try await Agreement.query(on: app.db).count()
            let path = SiteRoute.partnerAgreementNew("pt-sinar-purwakarta-sejahtera").path
            let programField = [("programs[]", program.id!.uuidString)]
            // when
            let forOther = try await pupr.post(path, Self.agreement(agency: "dlh"), repeated: programField)
            let wrongProgramme = try await pupr.post(path, Self.agreement(agency: "dinas-pupr"), repeated: programField)
            let backwards = try await admin.post(path, Self.agreement(days: -1))
            let tooLong = try await admin.post(path, Self.agreement(days: 6 * 366))
            let byCitizen = try await citizen.post(path, Self.agreement())
            let good = try await admin.post(path, Self.agreement(agency: "dlh"), repeated: programField)
            // then
            #expect(forOther.status == .forbidden && byCitizen.status == .forbidden)
            #expect(wrongProgramme.status == .unprocessableEntity && wrongProgramme.text.contains("Pilih program milik perangkat daerah yang menandatangani."))
            #expect(backwards.text.contains("Tanggal berakhir tidak boleh sebelum tanggal mulai.") && tooLong.text.contains("paling lama lima tahun"))
            #expect(good.status == .seeOther)
            #expect(try await Agreement.query(on: app.db).count() == before + 1)
            #expect(try await AgreementLink.query(on: app.db).filter(\.$subjectID == program.id!).count() == 1)
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.program(program.id!.uuidString).path).text
            #expect(page.contains("Bersama mitra") && page.contains("PT Sinar Purwakarta Sejahtera"))
            // and a project covered by the demo DLH agreement names its partner
            let covered = try #require(try await AgreementLink.query(on: app.db).filter(\.$subjectType == "project").first())
            let projectPage = try await visitor.get(SiteRoute.project(covered.subjectID.uuidString).path).text
            #expect(projectPage.contains("<dt>Mitra</dt>") && projectPage.contains("Yayasan Citarum Lestari"))
        }
    }

    @Test func contributionsAreCheckedAndAddUpOnThePartnersPage() async throws {
        try await withRembuk { app in
            // given the demo agreement between DLH and the yayasan (Rp12.000.000 in kind so far)
            let agreement = try #require(try await Agreement.query(on: app.db).filter(\.$partnerCode == Self.yayasan).first())
            let path = SiteRoute.agreementContribution(agreement.id!.uuidString).path
            var admin = TestBrowser(app), partnerUser = TestBrowser(app), pupr = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            try await partnerUser.signIn("mitra@rembuk.test")
            try await pupr.signIn("opd@rembuk.test")
            let today = LocalDate(Date())
            let before = try await Contribution.query(on: app.db).count()
            // when
            let negative = try await admin.post(path, ["kind": "uang", "description": "Dana relawan", "value": "-500.000", "given_on": today.iso])
            let future = try await admin.post(path, ["kind": "uang", "description": "Dana relawan", "value": "500.000", "given_on": today.adding(days: 3).iso])
            let beforeStart = try await admin.post(path, ["kind": "barang", "description": "Bibit", "value": "500.000", "given_on": agreement.startsOn.isEmpty ? "" : LocalDate(iso: agreement.startsOn)!.adding(days: -1).iso])
            let byPartner = try await partnerUser.post(path, ["kind": "uang", "description": "Dana relawan", "value": "500.000", "given_on": today.iso])
            let byOtherAgency = try await pupr.post(path, ["kind": "uang", "description": "Dana relawan", "value": "500.000", "given_on": today.iso])
            let good = try await admin.post(path, ["kind": "uang", "description": "Dana konsumsi relawan", "value": "1.500.000", "given_on": today.iso])
            // then
            #expect(negative.text.contains("lebih dari 0") && future.text.contains("tidak boleh di masa depan") && beforeStart.text.contains("dalam masa perjanjian"))
            #expect(byPartner.status == .forbidden && byOtherAgency.status == .forbidden && good.status == .seeOther)
            #expect(try await Contribution.query(on: app.db).count() == before + 1)
            var visitor = TestBrowser(app)
            let list = try await visitor.get(SiteRoute.partners.path).text
            #expect(list.contains("Rp1.500.000") && list.contains("Rp13.500.000") && list.contains("Rp38.500.000"))
            let audit = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "partner.contribution").sort(\.$id, .descending).first())
            #expect(audit.summary.contains("Rp1.500.000"))
        }
    }

    @Test func partnerUsersHelpRunCoveredProgrammesButDoNotManageThem() async throws {
        try await withRembuk { app in
            // given a DLH programme whose session is today, first not covered, then covered by the yayasan's agreement
            let (program, _) = try await ProgramTests.open(app, agency: "dlh")
            let today = try await Self.startedSession(app, program)
            let id = program.id!.uuidString
            var partnerUser = TestBrowser(app), admin = TestBrowser(app)
            try await partnerUser.signIn("mitra@rembuk.test")
            try await admin.signIn("admin@rembuk.test")
            let attendance = SiteRoute.sessionAttendance(today.id!.uuidString).path
            // when not covered
            let refused = try await partnerUser.get(attendance)
            // when covered
            let agreement = try await admin.post(SiteRoute.partnerAgreementNew(Self.yayasan).path, Self.agreement(), repeated: [("programs[]", id)])
            let allowed = try await partnerUser.get(attendance)
            let status = try await partnerUser.post(SiteRoute.programStatus(id).path, ["status": "berjalan"])
            let edit = try await partnerUser.get(SiteRoute.programEdit(id).path)
            let certificates = try await partnerUser.post(SiteRoute.programCertificates(id).path, [:])
            // then
            #expect(refused.status == .forbidden)
            #expect(agreement.status == .seeOther && allowed.status == .ok)
            #expect(status.status == .forbidden && edit.status == .forbidden && certificates.status == .forbidden)
            #expect(try await Program.find(program.id, on: app.db)?.status == ProgramStatus.pendaftaran.rawValue)
        }
    }

    @Test func anEndedAgreementNoLongerLetsPartnerUsersIn() async throws {
        try await withRembuk { app in
            // given an agreement that ended yesterday
            let (program, _) = try await ProgramTests.open(app, agency: "dlh")
            let today = try await Self.startedSession(app, program)
            var partnerUser = TestBrowser(app), admin = TestBrowser(app)
            try await partnerUser.signIn("mitra@rembuk.test")
            try await admin.signIn("admin@rembuk.test")
            let ended = try await admin.post(SiteRoute.partnerAgreementNew(Self.yayasan).path,
                                             Self.agreement(start: LocalDate(Date()).adding(days: -100), days: 99), repeated: [("programs[]", program.id!.uuidString)])
            // when
            let response = try await partnerUser.get(SiteRoute.sessionAttendance(today.id!.uuidString).path)
            // then
            #expect(ended.status == .seeOther && response.status == .forbidden)
        }
    }
}
