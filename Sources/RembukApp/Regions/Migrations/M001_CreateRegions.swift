import Fluent

struct M001_CreateRegions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Region.schema)
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("parent_code", .string)
            .field("depth", .int, .required)
            .field("population", .int)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Region.schema).delete()
    }
}

struct M002_CreateAgencies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Agency.schema)
            .field("slug", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("short_name", .string, .required)
            .field("kabupaten_code", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Agency.schema).delete()
    }
}
