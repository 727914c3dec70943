import Fluent
import Foundation
import RembukCore
import SQLKit
import Vapor

/// Group commit for dukungan: supports that arrive while one transaction is being written wait and then go
/// in together, in one transaction (one BEGIN, one COMMIT and fsync, one read of the audit head) with an
/// audit record each. Every request is answered after the commit that holds its change. Supporting is the
/// busiest write, and on SQLite writes take turns, so this is where turns cost most (docs/PERFORMANCE.md).
actor SupportBatch {
    struct Item: Sendable {
        let usulanID: UUID
        let year: Int
        let desaCode: String
        let accountID: UUID
        let support: Bool
        let actor: Principal.Identity
        let now: Date
        /// Counted against the supporter's allowance when it changes something (`Throttle`), nil for staff.
        var throttleKey: String?
    }

    private var waiting: [(item: Item, writes: Writes, done: CheckedContinuation<Void, any Error>)] = []
    /// Keeps the statements' value lists far under SQLite's limit whatever the load.
    static let largest = 500
    private var writing = false

    /// Returns once the change is committed (or was already so: one support per person).
    func run(_ item: Item, writes: Writes) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            waiting.append((item, writes, done))
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(Self.largest))
            waiting.removeFirst(batch.count)
            let items = batch.map(\.item)
            do {
                try await batch[0].writes.transaction { db in try await Self.apply(items, on: db) }
                for entry in batch { entry.done.resume() }
            } catch {
                // One item's failure (another instance's identical support, say) must not fail the rest: each again alone.
                for entry in batch {
                    do {
                        try await entry.writes.transaction { db in try await Self.apply([entry.item], on: db) }
                        entry.done.resume()
                    } catch where error.isConstraintFailure {
                        entry.done.resume()   // the same person's other request got there first: one support, as wanted
                    } catch {
                        entry.done.resume(throwing: error)
                    }
                }
            }
        }
        writing = false
    }

    struct Pair: Hashable { let usulan: UUID; let account: UUID }

    /// The items in order, as if one after another: a support then a withdrawal by the same person cancel out.
    static func apply(_ items: [Item], on db: any Database) async throws {
        let usulanIDs = Array(Set(items.map(\.usulanID)))
        try await SupportCounts.lock(usulanIDs, on: db)
        let before = Set(try await UsulanSupport.query(on: db)
            .filter(\.$usulan.$id ~~ usulanIDs).filter(\.$accountID ~~ Array(Set(items.map(\.accountID)))).all()
            .map { Pair(usulan: $0.$usulan.id, account: $0.accountID) })
        var present = before
        var change: [UUID: Int] = [:]
        var drafts: [AuditDraft] = []
        var taking: [(year: Int, account: UUID)] = []
        var counted: [String] = []
        for item in items {
            let pair = Pair(usulan: item.usulanID, account: item.accountID)
            if item.support {
                guard present.insert(pair).inserted else { continue }
                taking.append((item.year, item.accountID))
            } else {
                guard present.remove(pair) != nil else { continue }
            }
            change[item.usulanID, default: 0] += item.support ? 1 : -1
            if let key = item.throttleKey { counted.append(key) }
            drafts.append(AuditDraft(actor: item.actor, action: item.support ? "usulan.supported" : "usulan.support_withdrawn",
                                     subjectType: "usulan", subjectID: item.usulanID.uuidString, regionCode: item.desaCode))
        }
        guard !drafts.isEmpty else { return }
        let now = items.map(\.now).max() ?? Date()
        let added: [UsulanSupport] = present.subtracting(before).map { pair in
            let row = UsulanSupport(usulanID: pair.usulan, accountID: pair.account)
            row.id = UUID()
            row.createdAt = now
            return row
        }
        try await BulkInsert.insert(added, on: db)
        for pair in before.subtracting(present) {
            try await UsulanSupport.query(on: db).filter(\.$usulan.$id == pair.usulan).filter(\.$accountID == pair.account).delete()
        }
        try await Participants.record(taking, on: db)
        try await Throttle.record(counted, .support, on: db, now: now)
        for (id, moved) in change where moved != 0 { try await SupportCounts.move(id, by: moved, on: db) }
        try await AuditLog.append(contentsOf: drafts, on: db, now: now)
    }
}

extension Application {
    struct SupportBatchKey: StorageKey { typealias Value = SupportBatch }

    /// Made once, in `configure`.
    var supportBatch: SupportBatch { storage[SupportBatchKey.self]! }
}
