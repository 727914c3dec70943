import Fluent
import Foundation
import RembukCore

/// What the verification queue points out for each usulan, so the operator sees where to look:
/// data still missing, whether it came from the kamus, and usulan that look like duplicates.
struct VerificationHints: Sendable {
    var missing: [Phrase] = []
    var kamusCode: String?
    var similar: [SimilarUsulan] = []

    static func load(for items: [Usulan], on db: any Database) async throws -> [UUID: VerificationHints] {
        let ids = items.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let withFiles = Set(try await Attachment.query(on: db).filter(\.$subjectType == "usulan")
            .filter(\.$subjectID ~~ ids.map(\.uuidString)).all().compactMap(\.subjectID))
        let kamusIDs = Array(Set(items.compactMap(\.kamusID)))
        let kamus = kamusIDs.isEmpty ? [:] : Dictionary(try await KamusItem.query(on: db).filter(\.$id ~~ kamusIDs).all().map { ($0.id!, $0.code) },
                                                        uniquingKeysWith: { a, _ in a })
        var candidatesByKecamatan: [String: [Usulan]] = [:]
        for kecamatan in Set(items.map(\.kecamatanCode)) {
            candidatesByKecamatan[kecamatan] = try await Usulan.query(on: db).filter(\.$kecamatanCode == kecamatan)
                .filter(\.$status != UsulanStatus.draft.rawValue).filter(\.$status != UsulanStatus.digabung.rawValue)
                .filter(\.$hiddenAt == nil).limit(2000).all()
        }
        var result: [UUID: VerificationHints] = [:]
        for usulan in items {
            guard let id = usulan.id else { continue }
            var hints = VerificationHints()
            if !withFiles.contains(id.uuidString) { hints.missing.append(Phrase("foto atau dokumen", "a photo or document")) }
            if usulan.point == nil { hints.missing.append(Phrase("koordinat", "coordinates")) }
            if usulan.rt == nil { hints.missing.append(Phrase("RT/RW", "RT/RW")) }
            if usulan.beneficiaries == 0 { hints.missing.append(Phrase("jumlah penerima manfaat", "number of beneficiaries")) }
            hints.kamusCode = usulan.kamusID.flatMap { kamus[$0] }
            let others = (candidatesByKecamatan[usulan.kecamatanCode] ?? []).filter { $0.id != id }
            let byID = Dictionary(others.compactMap { other in other.id.map { ($0.uuidString, other) } }, uniquingKeysWith: { a, _ in a })
            let query = Similarity.Document(id: id.uuidString, terms: usulan.storedTerms, point: usulan.point)
            let documents = others.compactMap { other in other.id.map { Similarity.Document(id: $0.uuidString, terms: other.storedTerms, point: other.point) } }
            hints.similar = Similarity.mostSimilar(to: query, in: documents, limit: 3, minimum: 0.3).compactMap { match in
                guard let other = byID[match.id], let otherID = other.id else { return nil }
                return SimilarUsulan(id: otherID, number: other.number, title: other.title, status: other.workflowStatus,
                                     supportCount: other.supportCount, score: match.score)
            }
            result[id] = hints
        }
        return result
    }
}
