import Fluent

struct M015_CreateCycleSettingsAndPagu: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // The criteria and the women's target as one JSON document (`CycleSettings`); empty means the standard.
        try await database.schema(PlanningCycle.schema).field("settings", .string).update()
        try await database.schema(PaguIndikatif.schema)
            .id()
            .field("cycle_id", .uuid, .required, .references(PlanningCycle.schema, .id, onDelete: .cascade))
            .field("kecamatan_code", .string, .required)
            .field("amount", .int64, .required)
            .unique(on: "cycle_id", "kecamatan_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PaguIndikatif.schema).delete()
        try await database.schema(PlanningCycle.schema).deleteField("settings").update()
    }
}
