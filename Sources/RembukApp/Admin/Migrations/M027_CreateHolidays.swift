import Fluent

struct M027_CreateHolidays: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Holiday.schema)
            .field("day", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Holiday.schema).delete()
    }
}
