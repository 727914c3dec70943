import Fluent
import Foundation
import RembukCore
import Testing
@testable import RembukApp

@Suite struct SupportBatchTests {
    @Test func aBatchCountsAsIfOneAfterAnother() async throws {
        try await withRembuk { app in
            // given: two open usulan; p2 already supports the first
            let open = try await Usulan.publicQuery(on: app.db).filter(\.$status == UsulanStatus.diajukan.rawValue).limit(2).all()
            let (a, b) = (try #require(open.first), try #require(open.last))
            var people: [UUID] = []
            for n in 1...2 {
                let account = Account(name: "Warga \(n)", email: "batch\(n)@contoh.id", phone: nil, passwordHash: "x")
                try await account.create(on: app.db)
                people.append(try account.requireID())
            }
            try await UsulanSupport(usulanID: a.id!, accountID: people[1]).create(on: app.db)
            try await SupportCounts.refresh([a.id!], on: app.db)
            let countA = try #require(try await Usulan.find(a.id, on: app.db)).supportCount
            let countB = b.supportCount
            let records = try await auditCount(app)
            func item(_ usulan: Usulan, _ person: Int, _ support: Bool) -> SupportBatch.Item {
                .init(usulanID: usulan.id!, year: usulan.year, desaCode: usulan.desaCode, accountID: people[person], support: support,
                      actor: .init(id: people[person].uuidString, label: "Warga"), now: Date())
            }
            // when: p1 supports A twice, p2 withdraws and supports A again, p1 supports and withdraws B
            let items = [item(a, 0, true), item(a, 0, true), item(a, 1, false), item(a, 1, true), item(b, 0, true), item(b, 0, false)]
            try await app.writes.transaction { db in try await SupportBatch.apply(items, on: db) }
            // then
            let rowsA = try await UsulanSupport.query(on: app.db).filter(\.$usulan.$id == a.id!).filter(\.$accountID ~~ people).count()
            let rowsB = try await UsulanSupport.query(on: app.db).filter(\.$usulan.$id == b.id!).filter(\.$accountID ~~ people).count()
            #expect(rowsA == 2 && rowsB == 0)
            #expect(try await Usulan.find(a.id, on: app.db)?.supportCount == countA + 1)
            #expect(try await Usulan.find(b.id, on: app.db)?.supportCount == countB)
            #expect(try await auditCount(app) == records + 5)   // every change but the repeated press
            guard case .intact = try await AuditLog.verify(on: app.db) else { Issue.record("the chain broke"); return }
        }
    }
}
