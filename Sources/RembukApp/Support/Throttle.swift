import Fluent
import Foundation
import RembukCore
import SQLKit

/// When someone did something that `AbuseLimits` bounds, kept for as long as a rule looks back.
final class ThrottleEvent: Model, @unchecked Sendable {
    static let schema = "throttle_events"

    @ID(key: .id) var id: UUID?
    /// What and who: "comment:account:<id>", "register:address:<ip>".
    @Field(key: "key") var key: String
    @Field(key: "at") var at: Date

    init() {}

    init(key: String, at: Date) {
        self.id = UUID()
        self.key = key
        self.at = at
    }
}

/// The abuse limits of `AbuseLimits`, counted in the database so that every instance behind the balancer counts
/// the same. A command asks `check` before it writes and calls `record` in its own transaction, so a refused or
/// failed attempt does not count against anyone.
enum Throttle {
    enum Action: String, Sendable {
        case register, submit, comment, support, complaint, upload

        var rule: RateRule {
            switch self {
            case .register: AbuseLimits.registration
            case .submit: AbuseLimits.submission
            case .comment: AbuseLimits.comment
            case .support: AbuseLimits.support
            case .complaint: AbuseLimits.complaint
            case .upload: AbuseLimits.upload
            }
        }

        var refusal: (String, String) {
            switch self {
            case .register: ("Terlalu banyak akun baru dibuat dari jaringan ini.", "Too many new accounts were made from this network.")
            case .submit: ("Anda sudah mengirim banyak usulan hari ini.", "You have sent many proposals today.")
            case .comment: ("Anda mengirim komentar terlalu cepat.", "You are commenting too fast.")
            case .support: ("Anda memberi atau menarik dukungan terlalu cepat.", "You are supporting or withdrawing support too fast.")
            case .complaint: ("Anda sudah mengirim banyak pengaduan hari ini.", "You have filed many complaints today.")
            case .upload: ("Anda sudah mengunggah banyak berkas dalam satu jam terakhir.", "You have uploaded many files in the last hour.")
            }
        }
    }

    /// Limits bind citizens; staff act under their name and role, granted by Bappeda, and enter many usulan and
    /// supports for others at a forum or the office.
    static func applies(to actor: Actor) -> Bool { actor.grants.allSatisfy { $0.role == .warga } }

    static func key(_ action: Action, account: UUID) -> String { "\(action.rawValue):account:\(account.uuidString)" }
    /// Addresses are kept as a keyed digest, like the phone sign-in's (personal data minimised).
    static func key(_ action: Action, address: String, secret: String) -> String {
        "\(action.rawValue):address:" + KeyedDigest.hex("ip:" + address, key: secret)
    }

    /// Refuses with 429 and how long to wait when `key` has used up its action's allowance.
    static func check(_ action: Action, key: String, in ctx: Invocation) async throws {
        guard ctx.settings.abuseLimits else { return }
        let rule = action.rule
        let times = try await ThrottleEvent.query(on: ctx.db).filter(\.$key == key).filter(\.$at > rule.horizon(now: ctx.now)).all(\.$at)
        if let seconds = rule.wait(after: times, now: ctx.now) {
            let (id, en) = action.refusal
            throw UserFacingError(.tooManyRequests, Phrase("\(id) Coba lagi \(waiting(seconds, .id)).", "\(en) Try again \(waiting(seconds, .en))."),
                                  retryAfter: seconds)
        }
    }

    /// Counts one more, in the transaction of the write it allowed; times no rule looks back to any more go.
    static func record(_ action: Action, key: String, on db: any Database, in ctx: Invocation) async throws {
        guard ctx.settings.abuseLimits else { return }
        try await record([key], action, on: db, now: ctx.now)
    }

    static func record(_ keys: [String], _ action: Action, on db: any Database, now: Date) async throws {
        guard !keys.isEmpty else { return }
        try await keys.map { ThrottleEvent(key: $0, at: now) }.create(on: db)
        try await ThrottleEvent.query(on: db).filter(\.$key ~~ Array(Set(keys))).filter(\.$at <= action.rule.horizon(now: now)).delete()
    }

    /// "dalam 40 detik", "dalam 3 menit", "dalam 2 jam".
    static func waiting(_ seconds: Int, _ language: Language) -> String {
        let (unit, id, en) = seconds < 60 ? (1, "detik", "second") : seconds < 3_600 ? (60, "menit", "minute") : (3_600, "jam", "hour")
        let amount = (seconds + unit - 1) / unit   // rounded up
        return language == .id ? "dalam \(amount) \(id)" : "in \(amount) \(en)\(amount == 1 ? "" : "s")"
    }
}

/// `throttle_events` (issue 10: abuse limits), with the index its one query reads.
struct M038_CreateThrottleEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ThrottleEvent.schema)
            .id()
            .field("key", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).raw("CREATE INDEX throttle_events_by_key ON throttle_events (key, at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ThrottleEvent.schema).delete()
    }
}
