import Fluent
import Foundation
import SQLKit

/// Who took part in a budget year's planning: everyone who submitted or supported an usulan of that year, once
/// (`participants`, unique on year and account). Written in the same transaction as the submission or support, so the
/// dashboard counts people with one indexed count instead of joining every support with every usulan.
/// Taking part stays counted when a support is withdrawn or an usulan is later hidden: it happened.
enum Participants {
    static let table = "participants"

    static func record(_ pairs: [(year: Int, account: UUID)], on db: any Database) async throws {
        guard !pairs.isEmpty else { return }
        let sql = db as! any SQLDatabase
        for start in stride(from: 0, to: pairs.count, by: 5000) {
            let rows = pairs[start..<min(start + 5000, pairs.count)].map { [SQLBind($0.year), SQLBind($0.account)] as [any SQLExpression] }
            try await sql.insert(into: table).columns("year", "account_id").rows(rows).ignoringConflicts(with: ["year", "account_id"]).run()
        }
    }

    static func record(year: Int, account: UUID, on db: any Database) async throws {
        try await record([(year, account)], on: db)
    }

    /// People who took part in `year`, or in any year when nil.
    static func count(year: Int?, on db: any Database) async throws -> Int {
        struct Row: Decodable { let count: Int }
        let sql = db as! any SQLDatabase
        let query: SQLQueryString = year.map { "SELECT COUNT(*) AS count FROM participants WHERE year = \(bind: $0)" }
            ?? "SELECT COUNT(DISTINCT account_id) AS count FROM participants"
        return try await sql.raw(query).first(decoding: Row.self)?.count ?? 0
    }
}
