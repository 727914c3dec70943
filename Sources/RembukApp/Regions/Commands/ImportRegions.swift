import Fluent
import Foundation
import RembukCore

/// Loads a kabupaten/kota (with its province, kecamatan and desa/kelurahan) from the national list shipped
/// with Rembuk. Running it again updates names and population and creates nothing twice.
public struct ImportRegions {
    public struct Outcome: Sendable {
        public let name: String
        public let kecamatan: Int
        public let desa: Int
        public let created: Int
        public let updated: Int
    }

    public init() {}

    public func run(kabupaten code: String, in ctx: Invocation) async throws -> Outcome {
        let records = try Self.records(code)
        guard let kabupatenCode = RegionCode(code), ctx.actor.can(.manageAccounts(kabupaten: kabupatenCode)) || ctx.identity == .system else {
            throw UserFacingError.forbidden
        }
        let population = try RegionCatalog.population()
        let identity = ctx.identity
        let now = ctx.now
        return try await ctx.writes.transaction { db in
            try await Self.apply(records, population: population, kabupaten: kabupatenCode, identity: identity, now: now, on: db)
        }
    }

    /// The kabupaten/kota `code` from the shipped list, or why there is none, told to a person.
    static func records(_ code: String) throws -> [RegionRecord] {
        do { return try RegionCatalog.kabupaten(code) } catch {
            switch error {
            case .notAKabupaten: throw UserFacingError(.badRequest, Phrase(
                "\(code) bukan kode kabupaten/kota (bentuknya PP.KK, misalnya 32.14).",
                "\(code) is not a kabupaten/kota code (its form is PP.KK, e.g. 32.14)."))
            case .unknownKabupaten: throw UserFacingError(.notFound, Phrase(
                "Kode \(code) tidak ada dalam daftar wilayah Kemendagri.", "Code \(code) is not in the national region list."))
            default: throw error
            }
        }
    }

    /// Writes the regions inside the caller's transaction (`rembuk setup` installs them with the rest at once).
    static func apply(_ records: [RegionRecord], population: [RegionCode: Population], kabupaten kabupatenCode: RegionCode,
                      identity: Principal.Identity, now: Date, on db: any Database) async throws -> Outcome {
        let code = kabupatenCode.value
        let province = kabupatenCode.parent!.value
        let existing = try await Region.query(on: db).group(.or) {
            $0.filter(\.$id == province).filter(\.$id == code).filter(\.$id =~ (code + "."))
        }.all()
        let byCode = Dictionary(existing.map { ($0.id ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        var created = 0
        var updated = 0
        for record in records {
            let people = population[record.code]?.total
            if let region = byCode[record.code.value] {
                guard region.name != record.name || region.kind != record.kind.rawValue || region.population != people else { continue }
                region.name = record.name
                region.kind = record.kind.rawValue
                region.population = people
                try await region.update(on: db)
                updated += 1
            } else {
                try await Region(record: record, population: people).create(on: db)
                created += 1
            }
        }
        let head = records.first { $0.code == kabupatenCode }!
        let kecamatan = records.filter { $0.kind == .kecamatan }.count
        let desa = records.filter { $0.kind == .desa || $0.kind == .kelurahan }.count
        guard created + updated > 0 else {   // nothing changed: nothing to record
            return Outcome(name: head.name, kecamatan: kecamatan, desa: desa, created: 0, updated: 0)
        }
        try await AuditLog.append(AuditDraft(
            actor: identity, action: "regions.imported", subjectType: "region", subjectID: code, regionCode: code,
            summary: "\(head.name): \(kecamatan) kecamatan, \(desa) desa/kelurahan; \(created) baru, \(updated) diperbarui",
            reason: "daftar wilayah Kepmendagri 300.2.2-2138/2025"), on: db, now: now)
        return Outcome(name: head.name, kecamatan: kecamatan, desa: desa, created: created, updated: updated)
    }
}
