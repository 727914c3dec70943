import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// A confidential complaint never shows on any public surface; an anonymous one shows without its reporter.
@Suite struct ComplaintPrivacyTests {
    /// Files a complaint with `privacy`, and has it verified, passed to the PUPR and answered.
    static func answered(_ app: Application, privacy: ComplaintPrivacy, title: String, text: String, answer: String) async throws -> String {
        var citizen = TestBrowser(app)
        try await citizen.signIn("warga@rembuk.test")
        var fields = ComplaintTests.form
        fields["privacy"] = privacy.rawValue
        fields["title"] = title
        fields["text"] = text
        let id = ComplaintTests.id(try await ComplaintTests.file(&citizen, fields))
        var admin = TestBrowser(app)
        try await admin.signIn("admin@rembuk.test")
        #expect(try await ComplaintTests.act(&admin, id, .verify).status == .seeOther)
        #expect(try await ComplaintTests.act(&admin, id, .dispose, agency: "dinas-pupr").status == .seeOther)
        var opd = TestBrowser(app)
        try await opd.signIn("opd@rembuk.test")
        #expect(try await ComplaintTests.act(&opd, id, .respond, note: answer).status == .seeOther)
        return id
    }

    /// Every public page, feed, export, API and search that could carry a complaint.
    static func surfaces(search word: String, confidential: String) -> [String] {
        [SiteRoute.home.path, SiteRoute.complaints.path, SiteRoute.complaints.path + "?q=\(word)", SiteRoute.complaints.path + "?status=ditindaklanjuti",
         SiteRoute.complaintStatistics.path, SiteRoute.complaint(confidential).path,
         SiteRoute.complaintFeed.path, SiteRoute.complaintFeed.path + "?q=\(word)", SiteRoute.informationFeed.path, SiteRoute.projectFeed("32.14.01").path,
         SiteRoute.complaintsCSV.path, SiteRoute.complaintsJSON.path, SiteRoute.complaintsCSV.path + "?q=\(word)", SiteRoute.usulanExportCSV.path,
         SiteRoute.apiComplaintList.path + "?per=100", SiteRoute.apiComplaintList.path + "?q=\(word)", SiteRoute.apiComplaint(confidential).path,
         SiteRoute.apiAudit.path + "?batas=1000", SiteRoute.audit.path, SiteRoute.audit.path + "?jenis=complaint&id=\(confidential)",
         SiteRoute.openData.path, SiteRoute.openDataset("pengaduan").path, SiteRoute.usulanIndex.path + "?q=\(word)",
         SiteRoute.apiUsulanList.path + "?q=\(word)", SiteRoute.discussions.path, SiteRoute.projects.path]
    }

    @Test func aConfidentialComplaintIsOnNoPublicSurfaceAndAnAnonymousOneIsWithoutItsReporter() async throws {
        try await withRembuk { app in
            // given one confidential and one anonymous complaint, both answered, about the same street
            let confidential = try await Self.answered(app, privacy: .rahasia, title: "Pungutan liar juru parkir Gang Melati",
                                                       text: "Juru parkir meminta uang tambahan dengan kuitansi palsu setiap malam.",
                                                       answer: "Inspektorat memeriksa kuitansi palsu itu.")
            let anonymous = try await Self.answered(app, privacy: .anonim, title: "Lampu jalan padam di Gang Melati",
                                                    text: "Tiga lampu jalan padam sejak minggu lalu, gang gelap gulita.",
                                                    answer: "Teknisi mengganti tiga lampu pada hari Kamis.")
            let reporter = try #require(try await Account.query(on: app.db).filter(\.$email == "warga@rembuk.test").first())
            let pseudonym = Principal.citizenLabel(reporter.id!)
            let number = "L-" + confidential.prefix(8).uppercased()
            var visitor = TestBrowser(app)
            // when a visitor looks everywhere, searching for words of both
            var seen: [String: String] = [:]
            for word in ["pungutan", "kuitansi", "melati", "lampu"] {
                for path in Self.surfaces(search: word, confidential: confidential) where seen[path] == nil {
                    seen[path] = try await visitor.get(path).text
                }
            }
            // then nothing of the confidential one is anywhere, and nobody is named for the anonymous one
            for (path, text) in seen {
                // (the trail names the citizen by pseudonym for their other, public actions: demo usulan and complaints)
                let isTrail = path.hasPrefix(SiteRoute.audit.path) || path.hasPrefix(SiteRoute.apiAudit.path)
                for secret in ["Pungutan liar", "kuitansi palsu", "Inspektorat memeriksa", "Gang Melati, dekat mushola", number, reporter.name]
                    + (isTrail ? [] : [pseudonym]) {
                    #expect(!text.contains(secret), "\(path) shows \(secret)")
                }
            }
            let trail = try await AuditRecord.query(on: app.db).filter(\.$subjectID ~~ [confidential, anonymous]).all()
            // (the confidential one's records name no subject at all: ComplaintAuditTests)
            #expect(trail.count >= 4 && trail.allSatisfy { $0.subjectID == anonymous && !$0.actorLabel.contains(pseudonym) && !$0.summary.contains("Pungutan") })
            // and the anonymous one is listed, searchable, exported, in the API and the feed, with its answer
            for path in [SiteRoute.complaints.path + "?q=lampu", SiteRoute.complaintFeed.path + "?q=lampu", SiteRoute.complaintsCSV.path + "?q=lampu",
                         SiteRoute.apiComplaintList.path + "?q=lampu"] {
                #expect(seen[path]?.contains("Lampu jalan padam di Gang Melati") == true, "\(path)")
            }
            #expect(seen[SiteRoute.complaintFeed.path + "?q=lampu"]?.contains("Teknisi mengganti tiga lampu") == true)
            #expect(try await visitor.get(SiteRoute.apiComplaint(anonymous).path).status == .ok)
            #expect(try await visitor.get(SiteRoute.apiComplaint(confidential).path).status == .notFound)
            #expect(try await visitor.get(SiteRoute.complaint(confidential).path).status == .notFound)
            let page = try await visitor.get(SiteRoute.complaint(anonymous).path)
            #expect(page.status == .ok && !page.text.contains(pseudonym) && !page.text.contains(reporter.name))
        }
    }

    @Test func aComplaintMadeConfidentialLaterLeavesEveryPublicSurface() async throws {
        try await withRembuk { app in
            // given a public complaint that is listed and exported
            let id = try await Self.answered(app, privacy: .publik, title: "Nama saksi tertulis di pengaduan Gang Melati",
                                             text: "Saksi kejadian adalah tetangga saya di RT 02.", answer: "Sudah ditindaklanjuti Satpol PP.")
            var visitor = TestBrowser(app)
            #expect(try await visitor.get(SiteRoute.complaintsCSV.path).text.contains("Nama saksi tertulis"))
            // when the admin makes it confidential
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let made = try await admin.post(SiteRoute.complaintConfidential(id).path, ["privacy_reason": "Memuat nama saksi yang perlu dilindungi."])
            // then it is gone from the list, its page, the exports, the API and the feed
            #expect(made.status == .seeOther)
            for path in [SiteRoute.complaints.path, SiteRoute.complaints.path + "?q=saksi", SiteRoute.complaintsCSV.path, SiteRoute.complaintsJSON.path,
                         SiteRoute.apiComplaintList.path, SiteRoute.complaintFeed.path] {
                #expect(!(try await visitor.get(path).text.contains("Nama saksi tertulis")), "\(path)")
            }
            #expect(try await visitor.get(SiteRoute.apiComplaint(id).path).status == .notFound)
            #expect(try await visitor.get(SiteRoute.complaint(id).path).status == .notFound)
        }
    }
}
