import Fluent
import SQLKit
import Vapor

/// Every multi-step write goes through here: one transaction, and on SQLite one writer at a time.
/// SQLite allows a single writer; two deferred transactions that both read and then write would fail
/// with SQLITE_BUSY, so this process queues them. PostgreSQL needs no queue (several instances share it;
/// the audit chain takes its own advisory lock).
public struct Writes: Sendable {
    let database: @Sendable () -> any Database
    let gate: WriteGate?

    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let gate else { return try await database().transaction(body) }
        await gate.acquire()
        do {
            let result = try await database().transaction(body)
            await gate.release()
            return result
        } catch {
            await gate.release()
            throw error
        }
    }
}

/// A first-come-first-served async lock.
actor WriteGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy { busy = true; return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }
}

extension Application {
    struct WriteGateKey: StorageKey { typealias Value = WriteGate }

    /// The write path of this application (the gate is made once, in `configure`, for SQLite only).
    public var writes: Writes {
        let app = self
        return Writes(database: { app.db }, gate: storage[WriteGateKey.self])
    }
}

extension Request {
    public var writes: Writes { application.writes }
}

extension Database {
    var sql: any SQLDatabase { self as! any SQLDatabase }
    var isPostgres: Bool { sql.dialect.name == "postgresql" }

    /// Inside a transaction: locks one row until it ends (PostgreSQL; SQLite already has one writer at a time),
    /// so a status check and the change after it cannot interleave with another instance's.
    func lockRow(_ table: String, id: UUID) async throws {
        guard isPostgres else { return }
        try await sql.raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id) FOR UPDATE").run()
    }
}
