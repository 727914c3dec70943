import Fluent
import Foundation

/// Settings that belong to the installation rather than to one process, shared by every instance.
public final class InstallationValue: Model, @unchecked Sendable {
    public static let schema = "installation"

    @ID(custom: "key", generatedBy: .user) public var id: String?
    @Field(key: "value") public var value: String

    public init() {}

    init(key: String, value: String) {
        self.id = key
        self.value = value
    }
}

struct M009_CreateInstallation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(InstallationValue.schema)
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InstallationValue.schema).delete()
    }
}

/// The secret that keys CSRF tokens and NIK digests when `REMBUK_SECRET` is not given: made once, by
/// whichever instance comes first, and kept in the database so every instance uses the same one.
public enum InstallationSecret {
    public static func obtain(on db: any Database) async throws -> String {
        if let existing = try await InstallationValue.find("secret", on: db) { return existing.value }
        do {
            try await InstallationValue(key: "secret", value: [UInt8].random(count: 48).base64).create(on: db)
        } catch where error.isConstraintFailure {
            // Another instance made it first; use theirs.
        }
        guard let stored = try await InstallationValue.find("secret", on: db) else {
            throw Settings.Problem(description: "the installation secret could not be stored")
        }
        return stored.value
    }
}
