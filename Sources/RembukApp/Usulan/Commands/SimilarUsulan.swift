import Fluent
import Foundation
import RembukCore

/// Existing usulan like the one being written, so people support instead of duplicating.
struct SimilarUsulan: Sendable {
    let id: UUID
    let number: String
    let title: String
    let status: UsulanStatus
    let supportCount: Int
    let score: Double

    /// Same kecamatan, not drafts, merged or hidden ones; ranked in RembukCore.
    static func find(for fields: UsulanFields, excluding: UUID?, on db: any Database, limit: Int = 5) async throws -> [SimilarUsulan] {
        try await find(text: "\(fields.title) \(fields.problem) \(fields.proposal)", desa: fields.desa, point: fields.point,
                       excluding: excluding, on: db, limit: limit)
    }

    /// For any text about a place in a desa (the form while it is being written, or `GET /api/v1/usulan/serupa`).
    /// The term index ranks the kecamatan's usulan by shared words (`UsulanTermIndex.closest`); the best `shortlist`
    /// are read and scored in RembukCore, where a pin close by adds to the words. Without a pin the order is the
    /// index's own; with one, an usulan outside the shortlist could only win by place, with almost no words shared.
    static func find(text: String, desa: RegionCode, point: GeoPoint?, excluding: UUID?, on db: any Database, limit: Int = 5) async throws -> [SimilarUsulan] {
        let kecamatan = desa.ancestor(at: .kecamatan)?.value ?? desa.value
        let query = Similarity.Document(id: "baru", text: text, point: point)
        let ids = try await UsulanTermIndex.closest(query.terms, kecamatan: kecamatan, limit: shortlist, on: db).map(\.id)
        return try await Pool.load(ids: ids, on: db).match(query, excluding: excluding, limit: limit, minimum: 0.2)
    }

    static let shortlist = 50

    /// The usulan of one kecamatan an usulan may duplicate, turned into documents once and matched many times.
    /// Only usulan sharing a term can score above zero, so the pool holds those (found through the term index),
    /// the `candidates` sharing the most terms, read without their long texts.
    struct Pool {
        static let candidates = 500
        let documents: [(id: UUID, document: Similarity.Document)]
        let byID: [String: Usulan]

        static func load(kecamatan: String, terms: Set<String>, on db: any Database) async throws -> Pool {
            try await load(ids: try await UsulanTermIndex.sharing(terms, kecamatan: kecamatan, limit: candidates, on: db), on: db)
        }

        static func load(ids: [UUID], on db: any Database) async throws -> Pool {
            let candidates = ids.isEmpty ? [] : try await Usulan.publicQuery(on: db).filter(\.$id ~~ ids)
                .filter(\.$status != UsulanStatus.digabung.rawValue)
                .field(\.$id).field(\.$title).field(\.$status).field(\.$supportCount).field(\.$searchTerms)
                .field(\.$latitude).field(\.$longitude).all()
            var byID: [String: Usulan] = [:]
            let documents = candidates.compactMap { usulan -> (id: UUID, document: Similarity.Document)? in
                guard let id = usulan.id else { return nil }
                byID[id.uuidString] = usulan
                return (id, Similarity.Document(id: id.uuidString, terms: usulan.storedTerms, point: usulan.point))
            }
            return Pool(documents: documents, byID: byID)
        }

        func match(_ query: Similarity.Document, excluding: UUID?, limit: Int, minimum: Double) -> [SimilarUsulan] {
            let candidates = documents.filter { $0.id != excluding }.map(\.document)
            return Similarity.mostSimilar(to: query, in: candidates, limit: limit, minimum: minimum).compactMap { match in
                guard let usulan = byID[match.id], let id = usulan.id else { return nil }
                return SimilarUsulan(id: id, number: usulan.number, title: usulan.title, status: usulan.workflowStatus,
                                     supportCount: usulan.supportCount, score: match.score)
            }
        }
    }
}
