import Fluent
import Foundation
import RembukCore
import SQLKit
import Testing
import Vapor
@testable import RembukApp

/// The benchmark data generator at a toy scale: exact counts, a chain that verifies, the same data from the same seed.
@Suite struct BenchDataTests {
    /// A fingerprint of what was generated: titles, places and counts in id order.
    static func fingerprint(_ app: Application) async throws -> String {
        let generated = try await Account.query(on: app.db).filter(\.$phone =~ "+62857").all().compactMap(\.id)
        let usulan = try await Usulan.query(on: app.db).filter(\.$proposerID ~~ generated).sort(\.$id).all()
        return usulan.map { "\($0.id!.uuidString) \($0.title) \($0.desaCode) \($0.supportCount)" }.joined(separator: "\n")
    }

    @Test func aTinyInstallationIsExactAndItsChainVerifies() async throws {
        var first = ""
        try await withRembuk { app in
            // given the demo installation
            let before = (usulan: try await Usulan.query(on: app.db).count(), audit: try await AuditRecord.query(on: app.db).count())
            // when
            let summary = try await BenchData(scale: .tiny, seed: 7).run(on: app)
            // then
            #expect(summary.usulan == 400 && summary.accounts == 150 && summary.projects == 30 && summary.auditRecords == 800)
            #expect(summary.supports > 1_500 && summary.supports <= 2_000)
            #expect(try await Usulan.query(on: app.db).count() == before.usulan + 400)
            #expect(try await UsulanSupport.query(on: app.db).count() >= summary.supports)
            // every usulan's stored count is its number of support rows
            let rows = try await app.db.sql.raw("""
                SELECT COUNT(*) AS wrong FROM usulan u
                WHERE u.support_count <> (SELECT COUNT(*) FROM usulan_supports s WHERE s.usulan_id = u.id)
                """).first()
            #expect(try rows?.decode(column: "wrong", as: Int.self) == 0)
            #expect(try await AuditRecord.query(on: app.db).count() == before.audit + 800)
            guard case .intact = try await AuditLog.verify(on: app.db) else { Issue.record("the audit chain does not verify"); return }
            #expect(try await Attachment.query(on: app.db).filter(\.$subjectType == "usulan").count() >= 8)
            // a generated citizen can sign in with the benchmark password
            let citizen = try #require(try await Account.query(on: app.db).filter(\.$phone =~ "+62857").first())
            var browser = TestBrowser(app)
            try await browser.signIn(citizen.phone!, BenchScale.password)
            first = try await Self.fingerprint(app)
        }
        // the same seed on a fresh installation makes the same data
        try await withRembuk { app in
            _ = try await BenchData(scale: .tiny, seed: 7).run(on: app)
            #expect(try await Self.fingerprint(app) == first)
        }
    }
}
