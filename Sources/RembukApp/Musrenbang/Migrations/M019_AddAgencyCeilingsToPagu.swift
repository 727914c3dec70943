import Fluent

/// Optional ceilings per perangkat daerah inside a kecamatan's pagu indikatif, as a JSON object agency → rupiah.
struct M019_AddAgencyCeilingsToPagu: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PaguIndikatif.schema).field("per_agency", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PaguIndikatif.schema).deleteField("per_agency").update()
    }
}
