import Fluent

struct M016_CreateForums: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Forum.schema)
            .id()
            .field("cycle_id", .uuid, .required, .references(PlanningCycle.schema, .id))
            .field("level", .string, .required)
            .field("region_code", .string, .required)
            .field("agency", .string, .required)
            .field("title", .string, .required)
            .field("held_on", .string, .required)
            .field("starts_at", .string, .required)
            .field("place", .string, .required)
            .field("agenda", .string, .required)
            .field("facilitator", .string, .required)
            .field("status", .string, .required)
            .field("created_by", .uuid, .required, .references(Account.schema, .id))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "cycle_id", "level", "region_code", "agency")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Forum.schema).delete()
    }
}
