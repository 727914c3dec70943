import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// The public trail carries no word a person wrote in a complaint, and nothing that would place a confidential one.
@Suite struct ComplaintAuditTests {
    static func publicTrail(_ app: Application) async throws -> String {
        var visitor = TestBrowser(app)
        return try await visitor.get(SiteRoute.apiAudit.path + "?batas=1000").text + visitor.get(SiteRoute.audit.path).text
    }

    static func newRecords(_ app: Application, after sequence: Int64) async throws -> [AuditRecord] {
        try await AuditRecord.query(on: app.db).filter(\.$id > sequence).sort(\.$id).all()
    }

    static func lastSequence(_ app: Application) async throws -> Int64 { try await AuditLog.head(on: app.db)?.id ?? 0 }

    @Test func aComplaintWaitingForVerificationLeavesNoWordOfItsTextInTheTrail() async throws {
        try await withRembuk { app in
            // given a citizen who files a public complaint that names a person, not yet verified
            let before = try await Self.lastSequence(app)
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            var fields = ComplaintTests.form
            fields["title"] = "Pak Darmo menimbun pasir di Gang Kenanga"
            fields["place"] = "Depan rumah Pak Darmo"
            let id = ComplaintTests.id(try await ComplaintTests.file(&citizen, fields))
            // when Bappeda sends it back with a written reason
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            _ = try await ComplaintTests.act(&admin, id, .reject, note: "Laporan tentang Pak Darmo bukan wewenang pemda")
            // then the trail has records of both steps, with the number and the change of status only
            let records = try await Self.newRecords(app, after: before).filter { $0.subjectType == "complaint" }
            #expect(records.count == 2)
            let trail = try await Self.publicTrail(app)
            for secret in ["Darmo", "Kenanga", "menimbun", "wewenang"] {
                #expect(!trail.contains(secret), "the public trail shows “\(secret)”")
                #expect(records.allSatisfy { !$0.summary.contains(secret) && !$0.reason.contains(secret) })
            }
            #expect(records.first?.summary.hasPrefix("L-" + id.prefix(8).uppercased()) == true)
        }
    }

    @Test func aConfidentialComplaintLeavesNoNumberThreadAgencyOrNameInTheTrail() async throws {
        try await withRembuk { app in
            // given a confidential complaint, verified, passed to the PUPR and answered by its staff
            let before = try await Self.lastSequence(app)
            let id = try await ComplaintPrivacyTests.answered(app, privacy: .rahasia, title: "Pungutan liar di loket perizinan",
                                                              text: "Petugas loket meminta uang tambahan.", answer: "Sudah kami periksa.")
            let staff = try #require(try await Account.query(on: app.db).filter(\.$email == "opd@rembuk.test").first())
            // when anyone reads the public trail
            let trail = try await Self.publicTrail(app)
            let records = try await Self.newRecords(app, after: before).filter { $0.subjectType == "complaint" }
            // then its four steps are there, none naming it, linking to it, placing it or naming who handled it
            #expect(records.count == 4)
            for secret in [id, "L-" + id.prefix(8).uppercased(), "Pungutan"] {
                #expect(!trail.contains(secret), "the public trail shows “\(secret)”")
            }
            for secret in ["Pekerjaan Umum", "PUPR", "dinas-pupr", staff.name, "32.14", id] {
                #expect(records.allSatisfy { !"\($0.actorID) \($0.actorLabel) \($0.subjectID) \($0.regionCode) \($0.summary) \($0.reason)".contains(secret) }, "\(secret)")
            }
            #expect(records.allSatisfy { $0.subjectID.isEmpty && $0.regionCode.isEmpty && $0.reason.isEmpty && $0.summary.hasPrefix("Pengaduan rahasia: ") })
            #expect(records.allSatisfy { ["Pelapor (dirahasiakan)", "Petugas (dirahasiakan)"].contains($0.actorLabel) })
            // and the complaint's own timeline, which its reporter and handlers see, still names the staff who answered
            let events = try await ComplaintEvent.query(on: app.db).filter(\.$complaint.$id == UUID(uuidString: id)!).all()
            #expect(events.contains { $0.actorLabel.contains(staff.name) })
        }
    }

    @Test func aComplaintMadeConfidentialLaterIsNoLongerDescribedOnTheTrailPage() async throws {
        try await withRembuk { app in
            // given a public complaint, verified, whose number is in the trail
            let before = try await Self.lastSequence(app)
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let id = ComplaintTests.id(try await ComplaintTests.file(&citizen))
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            _ = try await ComplaintTests.act(&admin, id, .verify)
            let number = "L-" + id.prefix(8).uppercased()
            #expect(try await Self.publicTrail(app).contains(number))
            // when Bappeda makes it confidential
            let made = try await admin.post(SiteRoute.complaintConfidential(id).path, ["privacy_reason": "Menyebut nama orang"])
            #expect(made.status == .seeOther)
            // then the trail page no longer repeats its records, and the new record neither names nor links it
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.audit.path).text
            #expect(!page.contains(number))
            #expect(page.contains("pengaduan ini kini rahasia"))
            let last = try #require(try await Self.newRecords(app, after: before).last)
            #expect(last.action == "complaint.made_confidential" && last.subjectID.isEmpty && !last.summary.contains("Menyebut"))
        }
    }
}
