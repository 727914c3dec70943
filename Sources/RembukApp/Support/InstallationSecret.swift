import Fluent
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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

/// The secret that keys CSRF tokens, NIK digests, known-device cookies and address digests when `REMBUK_SECRET` is not
/// given. It is kept in a key file outside the database (`REMBUK_SECRET_FILE`, by default `rembuk.key` beside the
/// SQLite file), never in it: a copy of the database or a `rembuk backup` then holds NIK digests that cannot be tested
/// against guesses. Installations from before kept it in the `installation` table; the first start moves it out.
public enum InstallationSecret {
    /// The secret from `file`: read it, or move the one an older installation kept in the database there, or make one.
    public static func obtain(keyFile file: String, on db: any Database) async throws -> String {
        if let existing = try read(file) {
            try await InstallationValue.query(on: db).filter(\.$id == "secret").delete()
            return existing
        }
        let legacy = try await InstallationValue.find("secret", on: db)?.value
        let secret = legacy ?? [UInt8].random(count: 48).base64
        try write(secret, to: file)
        // Another instance (or process) may have written its own first: theirs wins, as with the database before.
        guard let kept = try read(file) else { throw Settings.Problem(description: "the key file \(file) could not be written") }
        try await InstallationValue.query(on: db).filter(\.$id == "secret").delete()
        return kept
    }

    /// Whether an older installation still keeps its secret in the database.
    public static func isInDatabase(on db: any Database) async throws -> Bool {
        try await InstallationValue.find("secret", on: db) != nil
    }

    static func read(_ file: String) throws -> String? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count >= 32 else { throw Settings.Problem(description: "the key file \(file) holds fewer than 32 characters") }
        return text
    }

    /// Writes the key file only if there is none (mode 0600). It is written whole under a name of its own and then
    /// linked into place, which fails if the file exists: two processes cannot both win, and no reader sees it half-made.
    static func write(_ secret: String, to file: String) throws {
        let draft = file + ".\(UUID().uuidString).baru"
        let descriptor = Glibc.open(draft, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw Settings.Problem(description: "cannot create the key file \(file): \(String(cString: strerror(errno)))")
        }
        defer { unlink(draft) }
        let bytes = Array((secret + "\n").utf8)
        let written = Glibc.write(descriptor, bytes, bytes.count) == bytes.count && fsync(descriptor) == 0
        Glibc.close(descriptor)
        guard written else { throw Settings.Problem(description: "cannot write the key file \(file)") }
        guard link(draft, file) == 0 || errno == EEXIST else {
            throw Settings.Problem(description: "cannot create the key file \(file): \(String(cString: strerror(errno)))")
        }
    }

    /// A fresh secret for `rembuk secret rotate`.
    public static func fresh() -> String { [UInt8].random(count: 48).base64 }
}
