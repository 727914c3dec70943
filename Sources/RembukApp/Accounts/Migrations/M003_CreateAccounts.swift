import Fluent

struct M003_CreateAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Account.schema)
            .id()
            .field("name", .string, .required)
            .field("email", .string)
            .field("phone", .string)
            .field("password_hash", .string, .required)
            .field("nik_digest", .string)
            .field("nik_masked", .string)
            .field("notify_email", .bool, .required)
            .field("notify_whatsapp", .bool, .required)
            .field("disabled_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "email")
            .unique(on: "phone")
            .unique(on: "nik_digest")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Account.schema).delete()
    }
}

struct M004_CreateRoleGrants: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RoleGrant.schema)
            .id()
            .field("account_id", .uuid, .required, .references(Account.schema, .id, onDelete: .cascade))
            .field("role", .string, .required)
            .field("region_code", .string)
            .field("agency_id", .string)
            .field("organisation", .string)
            .field("granted_by", .uuid)
            .field("created_at", .datetime)
            .field("revoked_at", .datetime)
            .field("revoked_by", .uuid)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RoleGrant.schema).delete()
    }
}

struct M005_CreateSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AccountSession.schema)
            .field("token_hash", .string, .identifier(auto: false))
            .field("account_id", .uuid, .required, .references(Account.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
        try await database.schema(LoginFailure.schema)
            .id()
            .field("key", .string, .required)
            .field("at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LoginFailure.schema).delete()
        try await database.schema(AccountSession.schema).delete()
    }
}
