import Fluent
@testable import RembukCore
import SQLKit
import Testing
import Vapor
@testable import RembukApp

@Suite struct AuditTrailTests {
    @Test func aThousandConcurrentWritesMakeOneUnbrokenChain() async throws {
        try await withRembuk { app in
            // given
            let before = try await auditCount(app)
            let identity = Principal.Identity(id: "tester", label: "Penguji")
            // when: 1 000 audited writes from 50 concurrent tasks
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<50 {
                    group.addTask {
                        for n in 0..<20 {
                            try await app.writes.transaction { db in
                                try await AuditLog.append(AuditDraft(actor: identity, action: "test.write", subjectType: "test",
                                                                     subjectID: "\(worker)-\(n)"), on: db)
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            // then
            let verification = try await AuditLog.verify(on: app.db, pageSize: 137)
            guard case let .intact(count, head) = verification else { Issue.record("chain broken: \(verification)"); return }
            #expect(count == Int64(before + 1000))
            #expect(head == (try await AuditLog.head(on: app.db))?.hash)
        }
    }

    @Test func tamperingIsFoundAndNamed() async throws {
        try await withRembuk { app in
            // given: someone edits record 5 directly in the database
            try await app.db.sql.raw("UPDATE audit_records SET reason = 'disunting diam-diam' WHERE sequence = 5").run()
            // when
            let verification = try await AuditLog.verify(on: app.db)
            // then
            #expect(verification == .broken(AuditChainVerifier.Break(sequence: 5, kind: .contentChanged)))
        }
    }

    @Test func deletedRecordIsAGap() async throws {
        try await withRembuk { app in
            try await app.db.sql.raw("DELETE FROM audit_records WHERE sequence = 7").run()
            #expect(try await AuditLog.verify(on: app.db) == .broken(AuditChainVerifier.Break(sequence: 7, kind: .gap)))
        }
    }

    @Test func aFailedCommandLeavesNoRecord() async throws {
        try await withRembuk { app in
            let before = try await auditCount(app)
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await app.writes.transaction { db in
                    try await AuditLog.append(AuditDraft(actor: .system, action: "test.rollback", subjectType: "test", subjectID: "1"), on: db)
                    throw Boom()
                }
            }
            #expect(try await auditCount(app) == before)
        }
    }

    @Test func publicPageAndAPIShowTheHead() async throws {
        try await withRembuk { app in
            var browser = TestBrowser(app)
            let head = try #require(try await AuditLog.head(on: app.db))
            let page = try await browser.get(SiteRoute.audit.path)
            let api = try await browser.get(SiteRoute.apiAuditHead.path)
            let list = try await browser.get(SiteRoute.apiAudit.path + "?setelah=0&batas=5")
            #expect(page.text.contains(head.hash))
            #expect(api.text.contains(head.hash))
            #expect(list.text.contains("\"next\""))
            let bad = try await browser.get(SiteRoute.apiAudit.path + "?setelah=-4")
            #expect(bad.status == .badRequest)
        }
    }
}
