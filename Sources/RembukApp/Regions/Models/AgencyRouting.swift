import Fluent
import RembukCore

/// Which perangkat daerah an usulan of a sector goes to: the installation's own table (`/admin/opd`), never code.
enum AgencyRouting {
    /// Sector → agency key, for the active agencies of this kabupaten/kota that take a sector by default.
    static func table(kabupaten: String, on db: any Database) async throws -> [Bidang: String] {
        var table: [Bidang: String] = [:]
        for agency in try await Agency.query(on: db).filter(\.$kabupatenCode == kabupaten).filter(\.$active == true).sort(\.$id).all() {
            for sector in agency.sectors where table[sector] == nil { table[sector] = agency.id }
        }
        return table
    }

    static func agency(for bidang: Bidang, kabupaten: String, on db: any Database) async throws -> String? {
        try await table(kabupaten: kabupaten, on: db)[bidang]
    }
}
