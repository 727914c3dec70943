import Fluent

struct M013_CreatePlanningCyclesAndKamus: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PlanningCycle.schema)
            .id()
            .field("year", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "year")
            .create()
        try await database.schema(CyclePhase.schema)
            .id()
            .field("cycle_id", .uuid, .required, .references(PlanningCycle.schema, .id, onDelete: .cascade))
            .field("phase", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .unique(on: "cycle_id", "phase")
            .create()
        try await database.schema(KamusItem.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("satuan", .string, .required)
            .field("unit_price", .int64, .required)
            .field("agency", .string, .required)
            .field("bidang", .string, .required)
            .field("fisik", .bool, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        try await database.schema(Usulan.schema).field("kamus_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Usulan.schema).deleteField("kamus_id").update()
        try await database.schema(KamusItem.schema).delete()
        try await database.schema(CyclePhase.schema).delete()
        try await database.schema(PlanningCycle.schema).delete()
    }
}
