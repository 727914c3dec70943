import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// Known secrets are seeded, then a visitor walks every page, feed, export and API answer they can reach (following
/// every link, and searching for the secrets' own words): none of the secrets appears anywhere.
@Suite struct PrivacySweepTests {
    static let nik = "3214016308910007"
    static let phone = "081377775151"
    static let email = "euis.sukmawati@contoh.id"
    static let revenue = "7.654.321"

    /// What must never reach a visitor, in every form it could take.
    static let secrets = [
        nik, "3214 0163 0891 0007", "321401630891",
        phone, "+62" + phone.dropFirst(), "62" + phone.dropFirst(), "0813-7777-5151", "7777-5151", "77775151",
        email, "euis.sukmawati",
        "Pemerasan oleh oknum", "setoran mingguan", "Blok Sawah belakang pasar", "Inspektorat menindak oknum",
        revenue, "7654321",
    ]

    @Test func noSeededSecretReachesAVisitorAnywhere() async throws {
        try await withRembuk { app in
            // given a citizen with a NIK, a phone and an e-mail
            var citizen = TestBrowser(app)
            let registered = try await citizen.post(SiteRoute.register.path, [
                "name": "Euis Komariah", "email": Self.email, "phone": "0813-7777-5151", "nik": Self.nik,
                "password": "kopi-tubruk-2026", "password_confirmation": "kopi-tubruk-2026", "consent": "ya",
            ])
            #expect(registered.status == .seeOther)
            // and an answered confidential complaint
            let confidential = try await ComplaintPrivacyTests.answered(
                app, privacy: .rahasia, title: "Pemerasan oleh oknum petugas pasar",
                text: "Pedagang dipaksa membayar setoran mingguan di Blok Sawah belakang pasar.", answer: "Inspektorat menindak oknum tersebut.")
            // and an UMKM participant's revenue
            let (program, session) = try await ProgramTests.open(app, type: .pelatihanUMKM, capacity: 10)
            let person = try #require(try await ProgramTests.citizens(app, 1).first)
            #expect(try await ProgramTests.register(session, program, person,
                                                    business: BusinessFollowUpTests.business(Self.revenue, ["offline"], "desa")) == .seated)

            // when a visitor walks everything reachable, and searches for the secrets' words
            var visitor = TestBrowser(app)
            var seeds = [SiteRoute.home.path, SiteRoute.openData.path, SiteRoute.program(program.id!.uuidString).path,
                         SiteRoute.complaint(confidential).path, SiteRoute.apiComplaint(confidential).path,
                         SiteRoute.usulan(Self.nik).path, SiteRoute.apiUsulan("bukan-id").path, "/tidak-ada",
                         SiteRoute.apiAudit.path + "?batas=1000", SiteRoute.audit.path + "?jenis=complaint&id=\(confidential)"]
            seeds += try await Self.apiPaths(&visitor)
            for word in ["Pemerasan", "setoran", "Euis", "Komariah", "oknum", "7654321"] {
                seeds += [SiteRoute.usulanIndex.path, SiteRoute.complaints.path, SiteRoute.apiUsulanList.path, SiteRoute.apiComplaintList.path,
                          SiteRoute.complaintFeed.path, SiteRoute.complaintsCSV.path, SiteRoute.usulanExportCSV.path, SiteRoute.programs.path,
                          SiteRoute.apiUsulanSimilar.path].map { $0 + "?q=" + word }
            }
            let pages = try await Self.walk(from: seeds, as: &visitor, limit: 900)

            // then
            #expect(pages.count > 300, "the walk reached only \(pages.count) answers")
            print("privacy sweep: \(pages.count) answers read, \(Self.secrets.count) secrets looked for")
            for (path, text) in pages {
                // (what the visitor typed, in a search box or an address, is theirs to see again)
                for secret in Self.secrets where !path.removingPercentEncoding!.contains(secret) {
                    #expect(!text.contains(secret), "\(path) shows \(secret)")
                }
            }
        }
    }

    /// The API's operations that take no parameter in the path, from the served OpenAPI document.
    static func apiPaths(_ visitor: inout TestBrowser) async throws -> [String] {
        let document = try await visitor.get(SiteRoute.openAPI.path)
        let json = try JSONSerialization.jsonObject(with: Data(document.body.readableBytesView)) as? [String: Any]
        let paths = (json?["paths"] as? [String: Any]) ?? [:]
        return paths.compactMap { path, operations in
            guard !path.contains("{"), (operations as? [String: Any])?["get"] != nil else { return nil }
            return path
        }
    }

    /// Breadth-first over every same-site link (href and src) of every answer, a few variants of each path at most.
    static func walk(from seeds: [String], as visitor: inout TestBrowser, limit: Int) async throws -> [String: String] {
        var queue = seeds
        var seen = Set(seeds)
        var variants: [String: Int] = [:]
        var pages: [String: String] = [:]
        let link = try Regex(##"(?:href|src)="(/[^"#]*)""##)
        while !queue.isEmpty, pages.count < limit {
            let path = queue.removeFirst()
            let text = try await visitor.get(path).text
            pages[path] = text
            for match in text.matches(of: link) {
                guard let found = match.output[1].substring.map(String.init) else { continue }
                let target = found.replacingOccurrences(of: "&amp;", with: "&")
                let bare = String(target.split(separator: "?", maxSplits: 1).first ?? "")
                guard !seen.contains(target), variants[bare, default: 0] < 4, target != SiteRoute.logout.path else { continue }
                seen.insert(target)
                variants[bare, default: 0] += 1
                queue.append(target)
            }
        }
        return pages
    }
}
