import Fluent
import Foundation
import RembukCore

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
        let projectQuery = Project.query(on: db)
        if let year { projectQuery.filter(\.$year == year) }
        let projects = try await projectQuery.field(\.$id).field(\.$agency).field(\.$kecamatanCode).field(\.$bidang).field(\.$pagu)
            .field(\.$realised).field(\.$status).all()
        let regions = try await Region.query(on: db).filter(\.$id =~ (kabupaten + ".")).filter(\.$depth == 2).sort(\.$name).all()
        let agencies = try await AgencyNames.load(on: db)

        func money(_ key: (Project) -> String, _ label: (String) -> String) -> [MoneyRow] {
            Dictionary(grouping: projects, by: key).map { key, items in
                MoneyRow(key: key, label: label(key), pagu: items.reduce(0) { $0 + $1.pagu }, realised: items.reduce(0) { $0 + $1.realised }, projects: items.count)
            }.sorted { ($0.pagu, $1.label) > ($1.pagu, $0.label) }
        }
        let regionNames = Dictionary(regions.map { ($0.id ?? "", $0.name) }, uniquingKeysWith: { a, _ in a })
        let statusCounts = Dictionary(grouping: projects, by: \.status).mapValues(\.count)

        let usulanQuery = Usulan.publicQuery(on: db)
        if let year { usulanQuery.filter(\.$year == year) }
        let usulan = try await usulanQuery.field(\.$id).field(\.$status).field(\.$kecamatanCode).field(\.$proposerID).all()
        let stages: [UsulanStatus] = [.diajukan, .diverifikasi, .disepakatiDesa, .disepakatiKecamatan, .diterimaOPD, .dianggarkan, .dilaksanakan, .selesai]
        let pipeline = stages.map { stage in
            // Every submitted usulan counts as submitted, even one turned down later; the rest count where they are now.
            CountRow(key: stage.rawValue, label: stage.label(.id),
                     count: Int64(stage == .diajukan ? usulan.count : usulan.filter { $0.workflowStatus.isAtOrAfter(stage) }.count))
        }
        let ids = usulan.compactMap(\.id)
        let supporters = ids.isEmpty ? [] : try await UsulanSupport.query(on: db).filter(\.$usulan.$id ~~ ids).field(\.$accountID).all().map(\.accountID)
        let citizens = Set(usulan.map(\.proposerID) + supporters).count
        let perKecamatan = Dictionary(grouping: usulan, by: \.kecamatanCode).mapValues(\.count)

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
            byKecamatan: money(\.kecamatanCode) { regionNames[$0] ?? $0 },
            byBidang: money(\.bidang) { Bidang(rawValue: $0)?.label(.id) ?? $0 },
            statuses: ProjectStatus.allCases.map { CountRow(key: $0.rawValue, label: $0.label(.id), count: Int64(statusCounts[$0.rawValue] ?? 0)) },
            pipeline: pipeline, citizens: citizens,
            kecamatan: regions.map { KecamatanParticipation(code: $0.id ?? "", name: $0.name, usulan: perKecamatan[$0.id ?? ""] ?? 0, population: $0.population) },
            attendees: attendees.count + paper.map { $0.women + $0.men }.reduce(0, +),
            women: attendees.filter { $0.gender == Attendee.Gender.perempuan.rawValue }.count + paper.map(\.women).reduce(0, +))
    }
}
