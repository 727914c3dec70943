import Fluent
import Foundation
import NIOConcurrencyHelpers
import RembukCore
import SQLKit
import Vapor

/// What leaves the outbox: a copy of a message, detached from the database row.
public struct Delivery: Sendable {
    public let id: UUID
    public let channel: OutboxMessage.Channel
    public let recipient: String
    public let subject: String
    public let body: String
    public let attempt: Int
}

public protocol DeliveryTransport: Sendable {
    func deliver(_ delivery: Delivery) async throws
}

/// Drains the outbox. Any number of workers (on any number of instances) may run: a batch is claimed with
/// one conditional UPDATE that only succeeds on rows still due, so each message goes to one worker.
/// A worker that dies mid-batch loses its claim after `claimSeconds`, and the messages become due again.
public struct OutboxWorker: Sendable {
    let app: Application
    let transport: any DeliveryTransport
    let schedule: RetrySchedule
    let batchSize: Int
    let claimSeconds: Int64

    public init(app: Application, transport: (any DeliveryTransport)? = nil, schedule: RetrySchedule = RetrySchedule(),
                batchSize: Int = 20, claimSeconds: Int64 = 120) {
        self.app = app
        self.transport = transport ?? LiveTransport(app: app)
        self.schedule = schedule
        self.batchSize = batchSize
        self.claimSeconds = claimSeconds
    }

    /// Claims one batch of due messages and tries each once. Returns how many were claimed.
    @discardableResult
    public func drainOnce(now: Date = Date()) async throws -> Int {
        let token = UUID().uuidString
        let nowMs = now.millis
        let until = nowMs + claimSeconds * 1000
        let batch = batchSize
        try await app.writes.transaction { db in
            let skipLocked: SQLQueryString = db.isPostgres ? " FOR UPDATE SKIP LOCKED" : ""
            let due: SQLQueryString = "((status = 'pending' AND next_attempt_ms <= \(bind: nowMs)) OR (status = 'sending' AND claimed_until_ms < \(bind: nowMs)))"
            try await db.sql.raw("""
                UPDATE outbox SET status = 'sending', claim_token = \(bind: token), claimed_until_ms = \(bind: until), attempts = attempts + 1
                WHERE id IN (SELECT id FROM outbox WHERE \(due) ORDER BY next_attempt_ms LIMIT \(bind: batch)\(skipLocked)) AND \(due)
                """).run()
        }
        let claimed = try await OutboxMessage.query(on: app.db).filter(\.$claimToken == token).filter(\.$status == "sending").all()
        for message in claimed {
            guard let id = message.id, let channel = OutboxMessage.Channel(rawValue: message.channel) else { continue }
            let delivery = Delivery(id: id, channel: channel, recipient: message.recipient, subject: message.subject,
                                    body: message.body, attempt: message.attempts)
            do {
                try await transport.deliver(delivery)
                try await finish(id, token: token) {
                    $0.set(\.$status, to: OutboxMessage.Status.sent.rawValue).set(\.$sentMillis, to: Date().millis)
                        .set(\.$lastError, to: nil)
                }
            } catch {
                let reason = String(describing: error).prefix(300)
                let delay = schedule.delay(afterAttempts: message.attempts)
                try await finish(id, token: token) { query in
                    query.set(\.$lastError, to: String(reason))
                    if let delay {
                        query.set(\.$status, to: OutboxMessage.Status.pending.rawValue)
                            .set(\.$nextAttemptMillis, to: Date().millis + Int64(delay) * 1000)
                    } else {
                        query.set(\.$status, to: OutboxMessage.Status.failed.rawValue)
                    }
                }
                app.logger.warning("delivery failed", metadata: ["outbox-id": "\(id)", "channel": "\(channel.rawValue)",
                                                                 "attempt": "\(message.attempts)", "gives-up": "\(delay == nil)"])
            }
        }
        return claimed.count
    }

    /// Drains until nothing is due (for `rembuk outbox drain` and tests).
    public func drainAll(now: @escaping @Sendable () -> Date = Date.init) async throws -> Int {
        var total = 0
        while true {
            let count = try await drainOnce(now: now())
            total += count
            if count == 0 { return total }
        }
    }

    private func finish(_ id: UUID, token: String, _ change: @escaping @Sendable (QueryBuilder<OutboxMessage>) -> Void) async throws {
        try await app.writes.transaction { db in
            let query = OutboxMessage.query(on: db).filter(\.$id == id).filter(\.$claimToken == token)
            change(query)
            try await query.set(\.$claimToken, to: nil).update()
        }
    }
}

/// Runs a worker loop beside the web server, and stops it cleanly on shutdown.
final class OutboxWorkerService: LifecycleHandler, @unchecked Sendable {
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    func didBootAsync(_ application: Application) async throws {
        let worker = OutboxWorker(app: application)
        let interval = application.settings.workerIntervalSeconds
        let logger = application.logger
        task.withLockedValue {
            $0 = Task {
                // The first poll waits one interval, so `serve --demo` has migrated before the worker looks.
                var lastPrune = Date.distantPast
                var lastDigestCheck = Date.distantPast
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(interval))
                    guard !Task.isCancelled else { break }
                    // Session reminders, daily digests and UMKM follow-up prompts are looked for once a minute; they join the outbox like any message.
                    if Date().timeIntervalSince(lastDigestCheck) > 60 {
                        lastDigestCheck = Date()
                        do { try await SendSessionReminders().run(in: .system(application)) } catch { logger.error("session reminders: \(type(of: error))") }
                        do { try await SendDailyDigests().run(in: .system(application)) } catch { logger.error("daily digests: \(type(of: error))") }
                        do { try await SendFollowUpPrompts().run(in: .system(application)) } catch { logger.error("follow-up prompts: \(type(of: error))") }
                    }
                    do { try await worker.drainOnce() } catch { logger.error("outbox worker: \(type(of: error))") }
                    // Housekeeping rides on the same loop: unsaved uploads go after six hours.
                    if Date().timeIntervalSince(lastPrune) > PruneUploads.interval {
                        lastPrune = Date()
                        do { try await PruneUploads().run(in: .system(application)) } catch { logger.error("upload pruning: \(type(of: error))") }
                    }
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        let running = task.withLockedValue { $0 }
        running?.cancel()
        await running?.value
    }
}
