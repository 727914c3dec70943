import Fluent
import Foundation
import SQLKit

/// `rembuk secret rotate`: a new installation secret, for when the old one may have leaked (a key file or a
/// `REMBUK_SECRET` copied, or a backup from before the secret left the database). What the old secret keyed goes with
/// it: NIK digests (the whole NIK is never kept, so they cannot be made again; each account keeps its masked NIK, and a
/// NIK registered again is no longer recognised as taken), forms open in browsers (reload), known-device cookies (each
/// browser is "new" once more) and abuse-limit counts kept by address. Sessions stay signed in.
public struct RotateSecret {
    public struct Outcome: Sendable {
        public var secret: String
        public var nikDigestsDropped: Int
    }

    public init() {}

    /// Clears what the old secret keyed and records the rotation, in one transaction. The caller puts `secret` in place
    /// (the key file, or `REMBUK_SECRET` on every instance) before starting Rembuk again.
    public func run(in ctx: Invocation) async throws -> Outcome {
        let secret = InstallationSecret.fresh()
        let dropped = try await ctx.writes.transaction { db in
            let count = try await Account.query(on: db).filter(\.$nikDigest != nil).count()
            try await db.sql.raw("UPDATE accounts SET nik_digest = NULL WHERE nik_digest IS NOT NULL").run()
            try await ThrottleEvent.query(on: db).filter(\.$key ~~ ":address:").delete()
            try await InstallationValue.query(on: db).filter(\.$id == "secret").delete()
            try await AuditLog.append(AuditDraft(actor: .system, action: "installation.secret_rotated", subjectType: "installation",
                                                 subjectID: "secret", regionCode: ctx.settings.kabupaten.value,
                                                 summary: "kunci instalasi diganti; sidik NIK \(count) akun dilepas",
                                                 reason: "kunci lama mungkin bocor"), on: db, now: ctx.now)
            return count
        }
        return Outcome(secret: secret, nikDigestsDropped: dropped)
    }

    /// Replaces the key file with `secret` (written beside it, then renamed over it, so it is never half-written).
    public static func replaceKeyFile(_ file: String, with secret: String) throws {
        let temporary = file + ".ganti"
        try? FileManager.default.removeItem(atPath: temporary)
        try InstallationSecret.write(secret, to: temporary)
        guard rename(temporary, file) == 0 else {
            throw Settings.Problem(description: "cannot replace the key file \(file): \(String(cString: strerror(errno)))")
        }
    }
}
