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
        var pools: [String: SimilarUsulan.Pool] = [:]
        for (kecamatan, group) in Dictionary(grouping: items, by: \.kecamatanCode) {
            pools[kecamatan] = try await SimilarUsulan.Pool.load(kecamatan: kecamatan, terms: group.reduce(into: Set<String>()) { $0.formUnion($1.storedTerms) }, on: db)
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
            let query = Similarity.Document(id: id.uuidString, terms: usulan.storedTerms, point: usulan.point)
            hints.similar = pools[usulan.kecamatanCode]?.match(query, excluding: id, limit: 3, minimum: 0.3) ?? []
            result[id] = hints
        }
        return result
    }
}
