import Fluent
import SQLKit

/// Sector → agency routing moves from code into the agencies table: each agency lists the sectors it takes by
/// default, can be made inactive, and can be merged into another after a reorganisation. Installations made before
/// keep the routing they had: the agencies that the code used to name get their sectors here.
struct M040_AddAgencyRouting: AsyncMigration {
    /// The routing as the code held it until this migration (the demo's perangkat daerah), frozen here.
    static let formerRouting: [(agency: String, sector: String)] = [
        ("dinas-pupr", "infrastruktur"), ("disperkim", "perumahan"), ("disdik", "pendidikan"), ("dinkes", "kesehatan"),
        ("dinas-koperasi-ukm", "ekonomi"), ("distan", "pertanian"), ("dlh", "lingkungan"), ("dinsos", "sosial"),
        ("dishub", "perhubungan"), ("dpmd", "pemberdayaan"),
    ]

    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        try await database.schema(Agency.schema).field("sectors", .string, .required, .sql(.default(""))).update()
        try await database.schema(Agency.schema).field("active", .bool, .required, .sql(.default(true))).update()
        try await database.schema(Agency.schema).field("merged_into", .string).update()
        for (agency, sector) in Self.formerRouting {
            try await database.sql.update(Agency.schema).set("sectors", to: sector).where("slug", .equal, agency).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Agency.schema).deleteField("merged_into").update()
        try await database.schema(Agency.schema).deleteField("active").update()
        try await database.schema(Agency.schema).deleteField("sectors").update()
    }
}
