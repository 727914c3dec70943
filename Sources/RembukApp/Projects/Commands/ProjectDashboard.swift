import Fluent
import Foundation
import RembukCore
import SQLKit

/// The numbers behind the public dashboard, for one budget year or all of them: money per agency, kecamatan
/// and bidang; projects per status; how far usulan got, up to finished projects; who takes part.
struct ProjectDashboard {
    /// One row of a money chart: pagu against what has been realised.
    struct MoneyRow: Sendable {
        var key: String
        var label: String
        var pagu: Int64
        var realised: Int64
        var projects: Int
    }

    struct CountRow: Sendable {
        var key: String
        var label: String
        var count: Int64
    }

    struct KecamatanParticipation: Sendable {
        var code: String
        var name: String
        var usulan: Int
        var population: Int?
        /// Usulan per 1 000 residents, to one decimal; nil without a population figure.
        var perThousand: Double? { population.flatMap { $0 > 0 ? (Double(usulan) * 10_000 / Double($0)).rounded() / 10 : nil } }
    }

    var year: Int?
    var byAgency: [MoneyRow]
    var byKecamatan: [MoneyRow]
    var byBidang: [MoneyRow]
    var statuses: [CountRow]
    var pipeline: [CountRow]
    var citizens: Int
    var kecamatan: [KecamatanParticipation]
    var attendees: Int
    var women: Int

    static func load(year: Int?, kabupaten: String, on db: any Database) async throws -> ProjectDashboard {
        let sql = db as! any SQLDatabase
        // Money and statuses: one pass over the projects, grouped in the database.
        struct ProjectGroup: Decodable { let agency: String, kecamatan_code: String, bidang: String, status: String, pagu: Int64, realised: Int64, projects: Int }
        let projectQuery = sql.select().column("agency").column("kecamatan_code").column("bidang").column("status")
            .column(SQLRaw("CAST(SUM(pagu) AS BIGINT)"), as: "pagu").column(SQLRaw("CAST(SUM(realised) AS BIGINT)"), as: "realised")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "projects")
            .from(Project.schema).groupBy("agency").groupBy("kecamatan_code").groupBy("bidang").groupBy("status")
        if let year { projectQuery.where("year", .equal, year) }
        let projects = try await projectQuery.all(decoding: ProjectGroup.self)
        let regions = try await Region.query(on: db).within(kabupaten).filter(\.$depth == 2).sort(\.$name).all()
        let agencies = try await AgencyNames.load(on: db)

        func money(_ key: (ProjectGroup) -> String, _ label: (String) -> String) -> [MoneyRow] {
            Dictionary(grouping: projects, by: key).map { key, items in
                MoneyRow(key: key, label: label(key), pagu: items.reduce(0) { $0 + $1.pagu }, realised: items.reduce(0) { $0 + $1.realised },
                         projects: items.reduce(0) { $0 + $1.projects })
            }.sorted { ($0.pagu, $1.label) > ($1.pagu, $0.label) }
        }
        let regionNames = Dictionary(regions.map { ($0.id ?? "", $0.name) }, uniquingKeysWith: { a, _ in a })
        let statusCounts = Dictionary(grouping: projects, by: \.status).mapValues { $0.reduce(0) { $0 + $1.projects } }

        // How far usulan got, and where they came from: counted per status and kecamatan in the database.
        struct UsulanGroup: Decodable { let status: String, kecamatan_code: String, count: Int }
        let usulanQuery = sql.select().column("status").column("kecamatan_code").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count")
            .from(Usulan.schema).where("status", .notEqual, UsulanStatus.draft.rawValue).where("hidden_at", .is, SQLLiteral.null)
            .groupBy("status").groupBy("kecamatan_code")
        if let year { usulanQuery.where("year", .equal, year) }
        let usulan = try await usulanQuery.all(decoding: UsulanGroup.self)
        let stages: [UsulanStatus] = [.diajukan, .diverifikasi, .disepakatiDesa, .disepakatiKecamatan, .diterimaOPD, .dianggarkan, .dilaksanakan, .selesai]
        let submitted = usulan.reduce(0) { $0 + $1.count }
        let pipeline = stages.map { stage in
            // Every submitted usulan counts as submitted, even one turned down later; the rest count where they are now.
            CountRow(key: stage.rawValue, label: stage.label(.id),
                     count: Int64(stage == .diajukan ? submitted : usulan.filter { (UsulanStatus(rawValue: $0.status) ?? .draft).isAtOrAfter(stage) }
                        .reduce(0) { $0 + $1.count }))
        }
        let perKecamatan = Dictionary(grouping: usulan, by: \.kecamatan_code).mapValues { $0.reduce(0) { $0 + $1.count } }
        let citizens = try await Participants.count(year: year, on: db)

        let forums = try await Forum.query(on: db).filter(\.$status == ForumStatus.selesai.rawValue).field(\.$id).field(\.$cycle.$id).with(\.$cycle).all()
            .filter { year == nil || $0.cycle.year == year }
        let forumIDs = forums.compactMap(\.id)
        // Paper forums count by their totals, the others by their named attendees.
        let paper = forumIDs.isEmpty ? [] : try await PaperAttendanceRecord.query(on: db).filter(\.$forumID ~~ forumIDs).all()
        let onPaper = Set(paper.map(\.forumID))
        let attendees = forumIDs.isEmpty ? [] : try await ForumAttendee.query(on: db).filter(\.$forum.$id ~~ forumIDs)
            .field(\.$forum.$id).field(\.$gender).all().filter { !onPaper.contains($0.$forum.id) }

        return ProjectDashboard(
            year: year,
            byAgency: money(\.agency) { agencies[$0] ?? $0 },
            byKecamatan: money(\.kecamatan_code) { regionNames[$0] ?? $0 },
            byBidang: money(\.bidang) { Bidang(rawValue: $0)?.label(.id) ?? $0 },
            statuses: ProjectStatus.allCases.map { CountRow(key: $0.rawValue, label: $0.label(.id), count: Int64(statusCounts[$0.rawValue] ?? 0)) },
            pipeline: pipeline, citizens: citizens,
            kecamatan: regions.map { KecamatanParticipation(code: $0.id ?? "", name: $0.name, usulan: perKecamatan[$0.id ?? ""] ?? 0, population: $0.population) },
            attendees: attendees.count + paper.map { $0.women + $0.men }.reduce(0, +),
            women: attendees.filter { $0.gender == Attendee.Gender.perempuan.rawValue }.count + paper.map(\.women).reduce(0, +))
    }
}
