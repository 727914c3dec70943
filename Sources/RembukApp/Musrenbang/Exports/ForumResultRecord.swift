import Fluent
import Foundation
import RembukCore
import Vapor

/// One usulan's result at one closed forum, as open data: the frozen line of the berita acara with the
/// forum it came from. Only closed forums have results; hidden usulan are left out.
struct ForumResultRecord: Content {
    var forumID: String
    var forum: String
    var level: String
    var levelLabel: String
    var region: UsulanRecord.Place
    var agency: String
    var heldOn: String
    var budgetYear: Int
    var usulan: String
    var title: String
    var position: Int
    var priority: Int?
    /// The forum's mean score (1–5) with two decimals; nil when no one scored.
    var score: Double?
    var scorers: Int
    var volume: Double
    var cost: Int64
    var outcome: String
    var outcomeLabel: String
    var reason: String
    var url: String

    static func load(year: Int?, baseURL: String, on db: any Database) async throws -> [ForumResultRecord] {
        let cycles = try await PlanningCycle.query(on: db).all()
        let years = Dictionary(cycles.compactMap { c in c.id.map { ($0, c.year) } }, uniquingKeysWith: { a, _ in a })
        let forums = try await Forum.query(on: db).filter(\.$status == ForumStatus.selesai.rawValue).sort(\.$heldOn).sort(\.$id).all()
            .filter { year == nil || years[$0.$cycle.id] == year }
        let ids = forums.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let results = try await ForumResult.query(on: db).filter(\.$forum.$id ~~ ids).with(\.$usulan).sort(\.$position).all()
            .filter { !$0.usulan.isHidden }
        let byForum = Dictionary(grouping: results, by: { $0.$forum.id })
        let names = try await RegionNames.load(forums.map(\.regionCode), on: db)
        return forums.flatMap { forum in
            (byForum[forum.id!] ?? []).map { line in
                let score = ForumScore(sum: line.scoreSum, scorers: line.scorers)
                let outcome = ForumOutcome(rawValue: line.outcome)
                return ForumResultRecord(
                    forumID: forum.id!.uuidString, forum: forum.title, level: forum.level, levelLabel: forum.forumLevel.label(.id),
                    region: .init(code: forum.regionCode, name: names[forum.regionCode] ?? ""), agency: forum.agency, heldOn: forum.heldOn,
                    budgetYear: years[forum.$cycle.id] ?? 0, usulan: line.usulan.number, title: line.usulan.title, position: line.position,
                    priority: line.priority, score: line.scorers > 0 ? (score.mean * 100).rounded() / 100 : nil, scorers: line.scorers,
                    volume: line.volume, cost: line.cost, outcome: line.outcome, outcomeLabel: outcome?.label(.id) ?? line.outcome,
                    reason: line.reason, url: baseURL + SiteRoute.forum(forum.id!.uuidString).path)
            }
        }
    }

    static let header = ["Forum", "Jenis forum", "Kode wilayah", "Wilayah", "Perangkat daerah", "Tanggal", "Tahun anggaran", "Nomor usulan",
                         "Judul usulan", "Urutan", "Prioritas", "Nilai rata-rata", "Jumlah penilai", "Volume", "Biaya (Rp)", "Hasil", "Alasan",
                         "Alamat halaman forum"]

    static func csv(_ records: [ForumResultRecord]) -> String {
        UsulanSpreadsheet.document(header: header, rows: records.map { r in
            [r.forum, r.levelLabel, r.region.code, r.region.name, r.agency, r.heldOn, String(r.budgetYear), r.usulan, r.title,
                                    String(r.position), r.priority.map(String.init) ?? "", UsulanSpreadsheet.decimal(r.score), String(r.scorers),
                                    UsulanSpreadsheet.decimal(r.volume), String(r.cost), r.outcomeLabel, r.reason, r.url]
        })
    }
}

/// The pagu indikatif of every kecamatan per budget year, with its ceilings per perangkat daerah.
struct PaguRecord: Content {
    var budgetYear: Int
    var kecamatan: UsulanRecord.Place
    var pagu: Int64
    var perAgency: [String: Int64]

    static func load(year: Int?, on db: any Database) async throws -> [PaguRecord] {
        let cycles = try await PlanningCycle.query(on: db).all()
        let years = Dictionary(cycles.compactMap { c in c.id.map { ($0, c.year) } }, uniquingKeysWith: { a, _ in a })
        let rows = try await PaguIndikatif.query(on: db).sort(\.$kecamatanCode).all().filter { year == nil || years[$0.$cycle.id] == year }
        let names = try await RegionNames.load(rows.map(\.kecamatanCode), on: db)
        return rows.map { row in
            PaguRecord(budgetYear: years[row.$cycle.id] ?? 0, kecamatan: .init(code: row.kecamatanCode, name: names[row.kecamatanCode] ?? ""),
                       pagu: row.amount, perAgency: row.perAgency)
        }.sorted { ($0.budgetYear, $0.kecamatan.code) < ($1.budgetYear, $1.kecamatan.code) }
    }

    static func csv(_ records: [PaguRecord]) -> String {
        let header = ["Tahun anggaran", "Kode kecamatan", "Kecamatan", "Pagu indikatif (Rp)", "Pagu per perangkat daerah"]
        return UsulanSpreadsheet.document(header: header, rows: records.map { r in
            [String(r.budgetYear), r.kecamatan.code, r.kecamatan.name, String(r.pagu),
             r.perAgency.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")]
        })
    }
}
