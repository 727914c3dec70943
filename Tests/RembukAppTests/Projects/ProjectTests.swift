import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// Projects over HTTP: creating from accepted usulan, progress reports, status and pagu, permissions.
@Suite struct ProjectTests {
    static var nextYear: Int { LocalDate(Date()).year + 1 }

    static func fields(usulan: [Usulan] = [], agency: String = "dinas-pupr", pagu: String = "135.000.000") -> [String: String] {
        ["title": "Perbaikan jalan lingkungan Gang Mawar 300 m", "agency": agency, "bidang": "infrastruktur", "year": String(nextYear),
         "sub_kegiatan": "1.03.10.2.01.0036", "nomenclature": Nomenclature.current.rawValue, "funding_source": "apbd", "pagu": pagu,
         "contractor": "CV Karya Mandiri", "desa_code": "32.14.01.2010", "latitude": "-6,5569", "longitude": "107.4431",
         "planned_start": "\(nextYear)-02-01", "planned_end": "\(nextYear)-06-30"]
    }

    /// Creates a project as `browser`'s person and returns its id.
    static func create(_ browser: inout TestBrowser, usulan: [Usulan] = [], pagu: String = "135.000.000") async throws -> String {
        let response = try await browser.post(SiteRoute.projectNew.path, fields(pagu: pagu), repeated: usulan.map { ("usulan[]", $0.id!.uuidString) })
        #expect(response.status == .seeOther, "creating failed: \(response.text.prefix(400))")
        return String(response.location?.split(separator: "/").last ?? "")
    }

    static func report(_ browser: inout TestBrowser, _ project: String, progress: String, realised: String, reason: String = "",
                       files: [(field: String, filename: String, bytes: [UInt8])] = []) async throws -> TestingHTTPResponse {
        try await browser.postMultipart(SiteRoute.projectReport(project).path,
                                        ["reported_on": LocalDate(Date()).iso, "progress": progress, "realised": realised,
                                         "notes": "Pekerjaan galian dan pondasi berjalan.", "problems": "", "reason": reason], files: files)
    }

    /// A staff account of another agency (the demo has one OPD account, of the PUPR).
    static func otherAgencyStaff(_ app: Application, agency: String = "dlh") async throws -> String {
        let email = "staf.\(agency)@rembuk.test"
        let input = CreateStaffAccount.Input(name: "Staf \(agency)", email: email, phone: nil, password: LoadDemoData.password,
                                             password_confirmation: LoadDemoData.password, role: Role.opd.rawValue, region_code: nil,
                                             agency_id: agency, organisation: nil)
        guard case .created = try await CreateStaffAccount().run(input, in: .system(app)) else { Issue.record("staff not created"); return email }
        return email
    }

    @Test func anAgencyMakesAnAcceptedUsulanAProjectAndTheUsulanFollowsItToTheEnd() async throws {
        try await withRembuk { app in
            // given an usulan the PUPR accepted
            let usulan = try await ForumProceedingsTests.seed(app, title: "Rabat beton gang Mawar", status: .diterimaOPD, cost: 135_000_000)
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            // when the OPD creates the project from it
            let form = try await opd.get(SiteRoute.projectNew.path + "?usulan[]=\(usulan.id!.uuidString)")
            #expect(form.text.contains("Rabat beton gang Mawar") && form.text.contains("135.000.000"))
            let id = try await Self.create(&opd, usulan: [usulan])
            // then it is budgeted, on its timeline, with the proposer told
            var stored = try #require(try await Usulan.find(usulan.id, on: app.db))
            #expect(stored.workflowStatus == .dianggarkan)
            let events = try await UsulanEvent.query(on: app.db).filter(\.$usulan.$id == usulan.id!).all()
            #expect(events.contains { $0.step == UsulanStep.budget.rawValue && $0.note.contains("Proyek P-") })
            let project = try #require(try await Project.find(UUID(uuidString: id), on: app.db))
            #expect(project.pagu == 135_000_000 && project.projectStatus == .perencanaan && project.kecamatanCode == "32.14.01")
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "project.created").filter(\.$subjectID == id).count() == 1)
            // when it is procured, carried out to 100 % and finished
            for status in ["pengadaan", "pelaksanaan"] {
                #expect(try await opd.post(SiteRoute.projectStatus(id).path, ["status": status]).status == .seeOther)
            }
            stored = try #require(try await Usulan.find(usulan.id, on: app.db))
            #expect(stored.workflowStatus == .dilaksanakan)
            let early = try await opd.post(SiteRoute.projectStatus(id).path, ["status": "selesai"])
            #expect(early.status == .unprocessableEntity && early.text.contains("100 %"))
            #expect(try await Self.report(&opd, id, progress: "100", realised: "131.500.000").status == .seeOther)
            #expect(try await opd.post(SiteRoute.projectStatus(id).path, ["status": "selesai"]).status == .seeOther)
            // then the usulan is done, and the page says so to anyone
            stored = try #require(try await Usulan.find(usulan.id, on: app.db))
            #expect(stored.workflowStatus == .selesai)
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.project(id).path)
            #expect(page.text.contains("Papan informasi kegiatan") && page.text.contains("Rp135.000.000") && page.text.contains("Selesai"))
            let usulanPage = try await visitor.get(SiteRoute.usulan(usulan.id!.uuidString).path)
            #expect(usulanPage.text.contains("Dikerjakan dalam proyek"))
            // and a finished project takes no more reports
            #expect(try await Self.report(&opd, id, progress: "100", realised: "131.500.000").status == .conflict)
        }
    }

    @Test func usulanThatAreNotAcceptedOrBelongToAnotherAgencyCannotBecomeAProject() async throws {
        try await withRembuk { app in
            // given
            let early = try await ForumProceedingsTests.seed(app, title: "Usulan yang baru diajukan", status: .diajukan, cost: 10_000_000)
            let elsewhere = try await ForumProceedingsTests.seed(app, title: "Bank sampah RW 03", status: .diterimaOPD, cost: 65_000_000, agency: "dlh")
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            let before = (try await Project.query(on: app.db).count(), try await auditCount(app))
            // when
            let response = try await opd.post(SiteRoute.projectNew.path, Self.fields(), repeated: [("usulan[]", early.id!.uuidString), ("usulan[]", elsewhere.id!.uuidString)])
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("berstatus Diajukan") && response.text.contains("ditangani perangkat daerah lain"))
            #expect((try await Project.query(on: app.db).count(), try await auditCount(app)) == before)
            #expect(try await Usulan.find(early.id, on: app.db)?.workflowStatus == .diajukan)
        }
    }

    @Test func badProjectFormsSayWhatIsWrongAndStoreNothing() async throws {
        try await withRembuk { app in
            // given
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            let before = try await Project.query(on: app.db).count()
            var bad = Self.fields(pagu: "-5")
            bad["sub_kegiatan"] = "1.3.10.2.01.36"
            bad["planned_end"] = "\(Self.nextYear)-01-01"
            bad["latitude"] = "48.85"
            // when
            let response = try await opd.post(SiteRoute.projectNew.path, bad)
            // then
            #expect(response.status == .unprocessableEntity)
            for message in ["Pagu dalam rupiah", "Kode sub-kegiatan seperti", "Rencana selesai tidak boleh sebelum", "Koordinat harus di Indonesia"] {
                #expect(response.text.contains(message), "\(message)")
            }
            #expect(try await Project.query(on: app.db).count() == before)
        }
    }

    @Test func progressReportsKeepToTheRulesAndChangeNothingWhenRefused() async throws {
        try await withRembuk { app in
            // given a project with one report at 40 %
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            let id = try await Self.create(&opd)
            #expect(try await Self.report(&opd, id, progress: "40", realised: "50.000.000", files: [("berkas", "galian.jpg", AttachmentTests.jpeg)]).status == .seeOther)
            let before = (try await ProjectReport.query(on: app.db).count(), try await auditCount(app), try await Attachment.query(on: app.db).count())
            // when each bad report is sent
            let cases: [(String, String, String, [(field: String, filename: String, bytes: [UInt8])], String)] = [
                ("120", "60.000.000", "", [], "Kemajuan fisik harus antara 0 dan 100 %"),
                ("-1", "60.000.000", "", [], "Kemajuan fisik harus antara 0 dan 100 %"),
                ("empat puluh", "60.000.000", "", [], "Kemajuan fisik berupa persen"),
                ("50", "140.000.000", "", [], "Realisasi melebihi pagu Rp135.000.000"),
                ("30", "60.000.000", "", [], "Kemajuan turun dari 40 %"),
                ("50", "60.000.000", "", [("berkas", "rab.pdf", AttachmentTests.pdf)], "Laporan kemajuan hanya menerima foto"),
                ("50", "60.000.000", "", [("berkas", "foto.jpg", Array("bukan gambar".utf8))], "bukan foto"),
            ]
            for (progress, realised, reason, files, message) in cases {
                let response = try await Self.report(&opd, id, progress: progress, realised: realised, reason: reason, files: files)
                // then it is refused with the reason and nothing is kept
                #expect(response.status == .unprocessableEntity, "\(progress) \(realised)")
                #expect(response.text.contains(message), "\(message)")
            }
            #expect((try await ProjectReport.query(on: app.db).count(), try await auditCount(app), try await Attachment.query(on: app.db).count()) == before)
            let project = try #require(try await Project.find(UUID(uuidString: id), on: app.db))
            #expect(project.progress == 4_000 && project.realised == 50_000_000)
            // when progress goes down with a reason, it is kept with the reason
            #expect(try await Self.report(&opd, id, progress: "35", realised: "50.000.000", reason: "Hitung ulang setelah opname bersama").status == .seeOther)
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.project(id).path)
            #expect(page.text.contains("Alasan koreksi:") && page.text.contains("Hitung ulang setelah opname bersama"))
        }
    }

    @Test func moneyAboveThePaguNeedsARecordedBudgetChangeFirst() async throws {
        try await withRembuk { app in
            // given a project with Rp50.000.000 realised
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            let id = try await Self.create(&opd)
            #expect(try await Self.report(&opd, id, progress: "40", realised: "50.000.000").status == .seeOther)
            // when the pagu is cut below what was spent, or changed without a reason
            let below = try await opd.post(SiteRoute.projectPagu(id).path, ["pagu": "40.000.000", "pagu_reason": "APBD Perubahan"])
            let reasonless = try await opd.post(SiteRoute.projectPagu(id).path, ["pagu": "150.000.000", "pagu_reason": ""])
            // then both are refused
            #expect(below.status == .unprocessableEntity && below.text.contains("di bawah realisasi Rp50.000.000"))
            #expect(reasonless.status == .unprocessableEntity && reasonless.text.contains("Tulis dasar perubahannya"))
            // when it is raised with its basis, the higher realisation is accepted
            #expect(try await opd.post(SiteRoute.projectPagu(id).path, ["pagu": "150.000.000", "pagu_reason": "APBD Perubahan 2027"]).status == .seeOther)
            #expect(try await Self.report(&opd, id, progress: "90", realised: "140.000.000").status == .seeOther)
            let change = try #require(try await ProjectEvent.query(on: app.db).filter(\.$kind == "pagu").filter(\.$project.$id == UUID(uuidString: id)!).first())
            #expect(change.fromValue == "135000000" && change.toValue == "150000000" && change.note == "APBD Perubahan 2027")
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "project.pagu_changed").filter(\.$subjectID == id).first()?.reason == "APBD Perubahan 2027")
        }
    }

    @Test func aHeldUpProjectSaysWhyAndResumesWhereItWas() async throws {
        try await withRembuk { app in
            // given a project under way
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            let id = try await Self.create(&opd)
            for status in ["pengadaan", "pelaksanaan"] { _ = try await opd.post(SiteRoute.projectStatus(id).path, ["status": status]) }
            // when it is held up without a reason, then with one
            let silent = try await opd.post(SiteRoute.projectStatus(id).path, ["status": "terhambat", "reason": ""])
            #expect(silent.status == .unprocessableEntity && silent.text.contains("Tulis apa yang menghambat"))
            #expect(try await opd.post(SiteRoute.projectStatus(id).path, ["status": "terhambat", "reason": "Lahan belum dibebaskan"]).status == .seeOther)
            // then the page says why; it may resume only to where it was
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.project(id).path)
            #expect(page.text.contains("Pekerjaan terhambat:") && page.text.contains("Lahan belum dibebaskan"))
            #expect(try await opd.post(SiteRoute.projectStatus(id).path, ["status": "pengadaan"]).status == .unprocessableEntity)
            #expect(try await opd.post(SiteRoute.projectStatus(id).path, ["status": "pelaksanaan"]).status == .seeOther)
            #expect(try await Project.find(UUID(uuidString: id), on: app.db)?.projectStatus == .pelaksanaan)
        }
    }

    @Test func onlyTheProjectsOwnAgencyOrBappedaChangeIt() async throws {
        try await withRembuk { app in
            // given a PUPR project
            var pupr = TestBrowser(app)
            try await pupr.signIn("opd@rembuk.test")
            let id = try await Self.create(&pupr)
            let dlh = try await Self.otherAgencyStaff(app)
            let before = (try await ProjectReport.query(on: app.db).count(), try await auditCount(app))
            // when every other role tries
            for email in [dlh, "warga@rembuk.test", "operator.desa@rembuk.test", "operator.kecamatan@rembuk.test", "moderator@rembuk.test", "mitra@rembuk.test"] {
                var browser = TestBrowser(app)
                try await browser.signIn(email)
                // then each is refused, and none may create a PUPR project either
                #expect(try await Self.report(&browser, id, progress: "50", realised: "1").status == .forbidden, "\(email) reported")
                #expect(try await browser.post(SiteRoute.projectStatus(id).path, ["status": "pengadaan"]).status == .forbidden, "\(email) moved")
                #expect(try await browser.post(SiteRoute.projectPagu(id).path, ["pagu": "1.000.000.000", "pagu_reason": "tambahan"]).status == .forbidden)
                #expect(try await browser.post(SiteRoute.projectEdit(id).path, Self.fields()).status == .forbidden, "\(email) edited")
                #expect(try await browser.post(SiteRoute.projectNew.path, Self.fields()).status == .forbidden, "\(email) created")
                #expect(try await browser.get(SiteRoute.projectReport(id).path).status == .forbidden)
            }
            var visitor = TestBrowser(app)
            #expect(try await visitor.post(SiteRoute.projectStatus(id).path, ["status": "pengadaan"]).status != .seeOther)
            #expect((try await ProjectReport.query(on: app.db).count(), try await auditCount(app)) == before)
            // when Bappeda acts for the agency, it may
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            #expect(try await admin.post(SiteRoute.projectStatus(id).path, ["status": "pengadaan"]).status == .seeOther)
            // and the DLH may create its own
            var own = TestBrowser(app)
            try await own.signIn(dlh)
            var fields = Self.fields(agency: "dlh")
            fields["bidang"] = "lingkungan"
            #expect(try await own.post(SiteRoute.projectNew.path, fields).status == .seeOther)
        }
    }

    @Test func followersAndProposersHearOfEachReport() async throws {
        try await withRembuk { app in
            // given a project from the citizen's usulan, followed by another citizen
            let usulan = try await ForumProceedingsTests.seed(app, title: "Rabat beton gang Melati", status: .masukRKPD, cost: 90_000_000)
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            let id = try await Self.create(&opd, usulan: [usulan], pagu: "90.000.000")
            var follower = TestBrowser(app)
            #expect(try await follower.post(SiteRoute.register.path, ["name": "Rina Marlina", "email": "rina@contoh.id", "password": "kata-sandi-rina-2026",
                                                                      "password_confirmation": "kata-sandi-rina-2026", "consent": "ya"]).status == .seeOther)
            #expect(try await follower.post(SiteRoute.follow.path, ["subject_type": "project", "subject_id": id]).status == .seeOther)
            // when a report is posted
            #expect(try await Self.report(&opd, id, progress: "25", realised: "20.000.000").status == .seeOther)
            // then both hear of it, once each
            for email in ["rina@contoh.id", "warga@rembuk.test"] {
                let account = try #require(try await Account.query(on: app.db).filter(\.$email == email).first())
                let items = try await InboxItem.query(on: app.db).filter(\.$account.$id == account.id!).all().filter { $0.titleID.contains("kemajuan 25 %") }
                #expect(items.count == 1, "\(email)")
            }
            let page = try await follower.get(SiteRoute.project(id).path)
            #expect(page.text.contains("Berhenti mengikuti"))
        }
    }
}

@Suite struct ProjectFeedTests {
    @Test func aKecamatanFeedCarriesItsProjectsReportsEscaped() async throws {
        try await withRembuk { app in
            // given a report whose notes hold markup
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            let id = try await ProjectTests.create(&opd)
            _ = try await opd.postMultipart(SiteRoute.projectReport(id).path,
                                            ["reported_on": LocalDate(Date()).iso, "progress": "20", "realised": "10.000.000",
                                             "notes": "Galian <b>selesai</b> & pondasi mulai.", "problems": "", "reason": ""], files: [])
            // when
            var visitor = TestBrowser(app)
            let feed = try await visitor.get(SiteRoute.projectFeed("32.14.01").path)
            // then
            #expect(feed.status == .ok)
            #expect(feed.headers.first(name: .contentType)?.hasPrefix("application/atom+xml") == true)
            #expect(feed.text.contains("<title>Kabar proyek Kecamatan Purwakarta</title>"))
            #expect(feed.text.contains("kemajuan 20 %"))
            #expect(feed.text.contains("Galian &lt;b&gt;selesai&lt;/b&gt; &amp; pondasi mulai.") && !feed.text.contains("<b>"))
            #expect(try await visitor.get(SiteRoute.projectFeed("32.14.99").path).status == .notFound)
            #expect(try await visitor.get(SiteRoute.projectFeed("32.15.01").path).status == .notFound)
        }
    }
}
