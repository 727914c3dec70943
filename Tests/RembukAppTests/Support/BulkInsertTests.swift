import Fluent
import Foundation
import RembukCore
import SQLKit
import Testing
@testable import RembukApp

@Suite struct BulkInsertTests {
    static func usulan(_ proposer: UUID, now: Date, rt: Int?) -> Usulan {
        let usulan = Usulan()
        usulan.id = UUID()
        usulan.year = 2027
        usulan.title = "Sumur bor “air bersih” RT 03"
        usulan.problem = "Warga mengambil air dari sungai; kemarau panjang."
        usulan.proposal = "Sumur bor kedalaman 60 m."
        usulan.bidang = Bidang.infrastruktur.rawValue
        usulan.desaCode = "32.14.01.2010"
        usulan.kecamatanCode = "32.14.01"
        usulan.address = "Kampung Babakan"
        usulan.rt = rt
        usulan.volume = 1.5
        usulan.satuan = "unit"
        usulan.cost = 35_000_000
        usulan.beneficiaries = 120
        usulan.proposerID = proposer
        usulan.proposerGroup = "PKK"
        usulan.targetAgency = "dinas-pupr"
        usulan.status = UsulanStatus.diajukan.rawValue
        usulan.supportCount = 0
        usulan.searchTerms = Usulan.terms(title: usulan.title, problem: usulan.problem, proposal: "")
        usulan.submittedAt = now
        usulan.createdAt = now
        usulan.updatedAt = now
        return usulan
    }

    @Test func rowsWrittenInBulkReadBackAsFluentWritesThem() async throws {
        try await withRembuk { app in
            // given: the same usulan twice, one with optional fields unset
            let proposer = try #require(try await Account.query(on: app.db).first()?.id)
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let byFluent = Self.usulan(proposer, now: now, rt: 3)
            let inBulk = [Self.usulan(proposer, now: now, rt: 3), Self.usulan(proposer, now: now, rt: nil)]
            // when
            try await byFluent.create(on: app.db)
            try await BulkInsert.insert(inBulk, on: app.db)
            // then: every column the same but the id, the optional one left unset and the creation time (Fluent stamps its own)
            struct Columns: Decodable, Equatable {
                let title: String, problem: String, volume: Double, cost: Int64, rt: Int?, latitude: Double?
                let proposer_id: UUID, search_terms: String, submitted_at: Date?, source_ref: String?
            }
            func read(_ id: UUID?) async throws -> Columns? {
                try await (app.db as! any SQLDatabase).select().column("*").from(Usulan.schema).where("id", .equal, id).first(decoding: Columns.self)
            }
            let expected = try #require(try await read(byFluent.id))
            #expect(try await read(inBulk[0].id) == expected)
            let second = try #require(try await read(inBulk[1].id))
            #expect(second.rt == nil && second.title == expected.title && second.submitted_at == expected.submitted_at)
            #expect(inBulk.allSatisfy { $0._$idExists })
            #expect(try await Usulan.find(inBulk[1].id, on: app.db)?.createdAt == now)
        }
    }
}
