import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// Pengaduan over HTTP: the LAPOR! flow, privacy on every public surface, clocks, permissions, bad input.
@Suite struct ComplaintTests {
    static let form = ["category": "jalan-jembatan", "title": "Jalan berlubang di Gang Melati RT 02",
                       "text": "Lubang besar di tengah jalan, dua motor jatuh minggu ini. Mohon segera ditangani.",
                       "desa_code": "32.14.01.2010", "place": "Gang Melati, dekat mushola", "privacy": "publik"]

    static func file(_ browser: inout TestBrowser, _ fields: [String: String] = form,
                     files: [(field: String, filename: String, bytes: [UInt8])] = []) async throws -> TestingHTTPResponse {
        try await browser.postMultipart(SiteRoute.complaintNew.path, fields, files: files)
    }

    static func id(_ response: TestingHTTPResponse) -> String { String(response.location?.split(separator: "/").last ?? "") }

    /// Files the standard complaint as the demo citizen and has the admin verify it and pass it to the PUPR.
    static func passedToPUPR(_ app: Application) async throws -> (id: String, citizen: TestBrowser, admin: TestBrowser) {
        var citizen = TestBrowser(app)
        try await citizen.signIn("warga@rembuk.test")
        let id = Self.id(try await Self.file(&citizen))
        var admin = TestBrowser(app)
        try await admin.signIn("admin@rembuk.test")
        #expect(try await Self.act(&admin, id, .verify).status == .seeOther)
        #expect(try await Self.act(&admin, id, .dispose, agency: "dinas-pupr").status == .seeOther)
        return (id, citizen, admin)
    }

    static func act(_ browser: inout TestBrowser, _ id: String, _ action: ComplaintAction, note: String = "", agency: String = "") async throws -> TestingHTTPResponse {
        try await browser.post(SiteRoute.complaintAction(id).path, ["action": action.rawValue, "note": note, "agency": agency])
    }

    @Test func aConfidentialComplaintGoesThroughTheFlowAndIsNeverPublic() async throws {
        try await withRembuk { app in
            // given a citizen's confidential complaint with a photo
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            var confidential = Self.form
            confidential["privacy"] = "rahasia"
            confidential["title"] = "Pungutan liar di proyek drainase Citalang"
            let filed = try await Self.file(&citizen, confidential, files: [("berkas", "bukti.jpg", AttachmentTests.jpeg)])
            #expect(filed.status == .seeOther)
            let id = Self.id(filed)
            // when the admin verifies and passes it to the PUPR, which answers, and the admin finishes it
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            #expect(try await Self.act(&admin, id, .verify).status == .seeOther)
            #expect(try await Self.act(&admin, id, .dispose, agency: "dinas-pupr").status == .seeOther)
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            #expect(try await opd.get(SiteRoute.complaint(id).path).status == .ok)
            #expect(try await Self.act(&opd, id, .respond, note: "Petugas lapangan sudah diperiksa inspektorat; pungutan dihentikan.").status == .seeOther)
            #expect(try await Self.act(&admin, id, .finish).status == .seeOther)
            // then the reporter reads the answer in the inbox and rates it, once
            let reporter = try #require(try await Account.query(on: app.db).filter(\.$email == "warga@rembuk.test").first())
            let inbox = try await InboxItem.query(on: app.db).filter(\.$account.$id == reporter.id!).all()
            #expect(inbox.contains { $0.bodyID.contains("pungutan dihentikan") })
            #expect(try await citizen.post(SiteRoute.complaintRate(id).path, ["rating": "4", "rating_comment": "Cepat ditangani"]).status == .seeOther)
            #expect(try await citizen.post(SiteRoute.complaintRate(id).path, ["rating": "5"]).status == .conflict)
            // and nowhere public shows it
            let complaint = try #require(try await Complaint.find(UUID(uuidString: id), on: app.db))
            #expect(complaint.complaintStatus == .selesai && complaint.rating == 4)
            var visitor = TestBrowser(app)
            #expect(try await visitor.get(SiteRoute.complaint(id).path).status == .notFound)
            let photo = try #require(try await Attachment.query(on: app.db).filter(\.$subjectType == "complaint").filter(\.$subjectID == id).first())
            #expect(try await visitor.get(SiteRoute.attachment(photo.id!.uuidString).path).status == .notFound)
            let seenByAdmin = try await admin.get(SiteRoute.attachment(photo.id!.uuidString).path)
            #expect(seenByAdmin.status == .ok && seenByAdmin.headers.first(name: .cacheControl) == "private, no-cache")
            #expect(try await opd.get(SiteRoute.attachment(photo.id!.uuidString).path).status == .ok)
            for path in [SiteRoute.complaints.path, SiteRoute.audit.path, SiteRoute.apiAudit.path + "?batas=1000", SiteRoute.home.path,
                         SiteRoute.audit.path + "?jenis=complaint&id=\(id)", SiteRoute.usulanIndex.path + "?q=pungutan"] {
                let text = try await visitor.get(path).text
                #expect(!text.contains("Pungutan liar") && !text.contains("Gang Melati") && !text.contains("inspektorat"), "\(path)")
            }
            // and the reporter is not named in the trail, whose records of it do not even name the complaint
            let records = try await AuditRecord.query(on: app.db).filter(\.$subjectType == "complaint").filter(\.$summary ~~ "Pengaduan rahasia").all()
            #expect(!records.isEmpty && records.allSatisfy { !$0.actorLabel.contains(String(reporter.id!.uuidString.prefix(8)).lowercased()) })
            #expect(try await AuditRecord.query(on: app.db).filter(\.$subjectID == id).count() == 0)
        }
    }

    @Test func anAnonymousComplaintIsPublicOnceVerifiedWithoutItsReporter() async throws {
        try await withRembuk { app in
            // given
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            var anonymous = Self.form
            anonymous["privacy"] = "anonim"
            let id = Self.id(try await Self.file(&citizen, anonymous))
            var visitor = TestBrowser(app)
            // when it is not yet verified, then verified
            #expect(try await visitor.get(SiteRoute.complaint(id).path).status == .notFound)
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            _ = try await Self.act(&admin, id, .verify)
            // then the public sees it without the reporter; the admin sees the pseudonym
            let page = try await visitor.get(SiteRoute.complaint(id).path)
            let reporter = try #require(try await Account.query(on: app.db).filter(\.$email == "warga@rembuk.test").first())
            let pseudonym = Principal.citizenLabel(reporter.id!, secret: testSecret, on: "complaint:" + id)
            #expect(page.status == .ok && page.text.contains("<dt>Pelapor</dt><dd>Dirahasiakan</dd>") && !page.text.contains(pseudonym))
            #expect(try await admin.get(SiteRoute.complaint(id).path).text.contains(pseudonym))
            #expect(try await visitor.get(SiteRoute.complaints.path).text.contains("Jalan berlubang di Gang Melati"))
        }
    }

    @Test func onlyTheOwnerOfEachStepMayTakeIt() async throws {
        try await withRembuk { app in
            // given a complaint passed to the PUPR
            let passed = try await Self.passedToPUPR(app)
            let id = passed.id
            var citizen = passed.citizen
            let dlh = try await ProjectTests.otherAgencyStaff(app)
            let before = try await auditCount(app)
            // when others try to answer or to handle it
            var other = TestBrowser(app)
            try await other.signIn(dlh)
            #expect(try await Self.act(&other, id, .respond, note: "Bukan urusan kami tetapi kami jawab.").status == .forbidden)
            #expect(try await Self.act(&citizen, id, .respond, note: "Saya jawab sendiri saja.").status == .forbidden)
            var desa = TestBrowser(app)
            try await desa.signIn("operator.desa@rembuk.test")
            #expect(try await Self.act(&desa, id, .dispose, agency: "dlh").status == .forbidden)
            // then nothing changed
            #expect(try await auditCount(app) == before)
            #expect(try await Complaint.find(UUID(uuidString: id), on: app.db)?.complaintStatus == .didisposisikan)
        }
    }

    @Test func aFinishedComplaintIsReopenedOnceAndRestartsTheAgencysClock() async throws {
        try await withRembuk { app in
            // given a finished complaint
            let passed = try await Self.passedToPUPR(app)
            let id = passed.id
            var citizen = passed.citizen
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            _ = try await Self.act(&opd, id, .respond, note: "Sudah ditambal.")
            _ = try await Self.act(&opd, id, .finish)
            // when the reporter reopens it without a reason, then with one, then again
            let silent = try await Self.act(&citizen, id, .reopen)
            #expect(silent.status == .unprocessableEntity && silent.text.contains("Tulis alasannya"))
            #expect(try await Self.act(&citizen, id, .reopen, note: "Tambalannya lepas lagi setelah hujan.").status == .seeOther)
            _ = try await Self.act(&opd, id, .respond, note: "Ditambal ulang dengan aspal panas.")
            _ = try await Self.act(&opd, id, .finish)
            let again = try await Self.act(&citizen, id, .reopen, note: "Masih berlubang di sisi lain.")
            // then the second reopening is refused and the closed complaint takes no answer
            #expect(again.status == .unprocessableEntity && again.text.contains("satu kali"))
            #expect(try await Self.act(&opd, id, .respond, note: "Tambahan jawaban.").status == .conflict)
        }
    }

    @Test func overdueComplaintsAreFlaggedOnTheBoard() async throws {
        try await withRembuk { app in
            // given one complaint received ten days ago and one today
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let old = Self.id(try await Self.file(&citizen))
            var fresh = Self.form
            fresh["title"] = "Saluran tersumbat di RT 04 Citalang"
            _ = try await Self.file(&citizen, fresh)
            let complaint = try #require(try await Complaint.find(UUID(uuidString: old), on: app.db))
            complaint.clockSince = LocalDate(Date()).adding(days: -10).iso
            complaint.receivedOn = complaint.clockSince
            try await complaint.update(on: app.db)
            // when the admin opens the board
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let board = try await admin.get(SiteRoute.complaintBoard.path)
            // then the old one is flagged and the count says so
            #expect(board.status == .ok)
            let row = try #require(board.text.components(separatedBy: "<tr>").first { $0.contains("Jalan berlubang di Gang Melati") })
            #expect(row.contains("lewat tenggat"))
            let freshRow = try #require(board.text.components(separatedBy: "<tr>").first { $0.contains("Saluran tersumbat") })
            #expect(!freshRow.contains("lewat tenggat"))
            #expect(try await citizen.get(SiteRoute.complaintBoard.path).status == .forbidden)
        }
    }

    @Test func badComplaintsSayWhatIsWrongAndStoreNothing() async throws {
        try await withRembuk { app in
            // given
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let before = (try await Complaint.query(on: app.db).count(), try await auditCount(app),
                          try await Attachment.query(on: app.db).filter(\.$subjectType == "complaint").count())
            var bad = Self.form
            bad["category"] = "tidak-ada"
            bad["text"] = ""
            // when
            let empty = try await Self.file(&citizen, bad)
            let huge = try await Self.file(&citizen, Self.form, files: [("berkas", "kamera.jpg", [UInt8](repeating: 0xFF, count: 20 * 1024 * 1024))])
            let pdf = try await Self.file(&citizen, Self.form, files: [("berkas", "surat.pdf", AttachmentTests.pdf)])
            var visitor = TestBrowser(app)
            let anonymous = try await Self.file(&visitor)
            // then
            #expect(empty.status == .unprocessableEntity && empty.text.contains("Pilih kategori dari daftar") && empty.text.contains("Ceritakan apa yang terjadi"))
            #expect(huge.status == .unprocessableEntity && huge.text.contains("kamera.jpg terlalu besar"))
            #expect(pdf.status == .unprocessableEntity && pdf.text.contains("hanya menerima foto"))
            #expect(anonymous.status != .seeOther || anonymous.location?.hasPrefix(SiteRoute.login.path) == true)
            #expect((try await Complaint.query(on: app.db).count(), try await auditCount(app),
                     try await Attachment.query(on: app.db).filter(\.$subjectType == "complaint").count()) == before)
        }
    }
}

@Suite struct ComplaintStatisticsTests {
    @Test func theMedianResponseTimePerAgencyAndTheOverdueAreCounted() async throws {
        try await withRembuk { app in
            // given the demo's complaints: one answered by the PUPR, one passed to the Dishub ten days ago and unanswered
            var visitor = TestBrowser(app)
            // when
            let page = try await visitor.get(SiteRoute.complaintStatistics.path)
            // then
            #expect(page.status == .ok)
            let dishub = try #require(page.text.components(separatedBy: "<tr>").first { $0.contains("Dinas Perhubungan") })
            #expect(dishub.contains("badge status-ditolak"))
            let pupr = try #require(page.text.components(separatedBy: "<tr>").first { $0.contains("Dinas Pekerjaan Umum") })
            #expect(!pupr.contains("badge status-ditolak") && !pupr.contains("–"))
        }
    }
}

@Suite struct ComplaintCategoryTests {
    @Test func bappedaEditsTheRoutingAndAddsCategories() async throws {
        try await withRembuk { app in
            // given
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let before = try await auditCount(app)
            // when a citizen tries, and the admin routes to an unknown agency
            #expect(try await citizen.post(SiteRoute.complaintCategories.path, ["new_name": "Kebisingan pabrik"]).status == .forbidden)
            let bad = try await admin.post(SiteRoute.complaintCategories.path, ["agency[lainnya]": "dinas-rahasia"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("Perangkat daerah itu tidak dikenal"))
            #expect(try await auditCount(app) == before)
            // when the admin reroutes one category and adds another
            let saved = try await admin.post(SiteRoute.complaintCategories.path, ["agency[lainnya]": "diskominfo", "new_name": "Kebisingan dan polusi udara",
                                                                                  "new_agency": "dlh"])
            // then both are stored and audited, and citizens can choose the new one
            #expect(saved.status == .seeOther)
            #expect(try await ComplaintCategory.find("lainnya", on: app.db)?.agency == "diskominfo")
            #expect(try await ComplaintCategory.find("kebisingan-dan-polusi-udara", on: app.db)?.agency == "dlh")
            #expect(try await auditCount(app) == before + 2)
            #expect(try await citizen.get(SiteRoute.complaintNew.path).text.contains("Kebisingan dan polusi udara"))
        }
    }
}
