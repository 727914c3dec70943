import Fluent
import Foundation
import RembukCore
import Vapor

/// A forum's usulan with everything the ranking needs: the scorers' sheets, the decisions, the pagu and the
/// cycle's criteria. While the forum is open the agenda is live (the usulan now at the forum's stage);
/// once it is closed it is what the closing froze. One loader for the forum page, closing and the berita acara.
struct ForumAgenda {
    let forum: Forum
    let cycle: PlanningCycle
    let usulan: [Usulan]
    let sheets: [UUID: [ForumScoreSheet]]
    let decisions: [UUID: ForumDecisionRecord]
    let results: [ForumResult]
    let physical: Set<UUID>
    let pagu: Pagu?
    /// `usulan` by id, for the per-line lookups of closing and the result table.
    let byID: [String: Usulan]

    var settings: CycleSettings { cycle.cycleSettings }
    var isClosed: Bool { forum.forumStatus == .selesai }

    func scheme(for usulan: Usulan) -> ScoringScheme {
        let id = usulan.id ?? UUID()
        return (physical.contains(id) ? settings.physicalScheme : settings.nonPhysicalScheme)
            ?? (physical.contains(id) ? .physical : .nonPhysical)
    }

    func score(of id: UUID) -> ForumScore { ForumScore.of((sheets[id] ?? []).map(\.total)) }

    /// Every scorer who has entered a sheet, in the order they first appear.
    var scorers: [String] {
        var seen: [String] = []
        for sheet in sheets.values.flatMap({ $0 }).sorted(by: { ($0.updatedAt ?? .distantPast) < ($1.updatedAt ?? .distantPast) })
        where !seen.contains(sheet.scorer) { seen.append(sheet.scorer) }
        return seen
    }

    var items: [RankedItem] {
        usulan.compactMap { usulan in
            guard let id = usulan.id else { return nil }
            return RankedItem(id: id.uuidString, score: score(of: id), supports: usulan.supportCount,
                              submittedAt: Int64((usulan.submittedAt ?? usulan.createdAt ?? .distantPast).timeIntervalSince1970),
                              cost: usulan.cost, agency: usulan.targetAgency)
        }
    }

    /// The result as it would be if the forum closed now (for an open forum), computed in Core.
    var preview: [ForumResultLine] {
        ForumClosing.results(level: forum.forumLevel, items: items, pagu: pagu,
                             decisions: decisions.reduce(into: [:]) { result, entry in
                                 if let decision = entry.value.forumDecision { result[entry.key.uuidString] = decision }
                             })
    }

    func usulan(_ id: String) -> Usulan? { byID[id] }

    /// `only`: just these usulan of a live agenda (a scorer's sheet names a few of a long list), where present on it.
    static func load(_ forum: Forum, only: [UUID]? = nil, on db: any Database) async throws -> ForumAgenda {
        let forumID = try forum.requireID()
        guard let cycle = try await PlanningCycle.find(forum.$cycle.id, on: db) else { throw Abort(.internalServerError) }
        let results = try await ForumResult.query(on: db).filter(\.$forum.$id == forumID).sort(\.$position).all()
        var usulan: [Usulan]
        if forum.forumStatus == .selesai {
            let byID = try await Usulan.query(on: db).filter(\.$id ~~ results.map(\.$usulan.id)).all()
                .reduce(into: [UUID: Usulan]()) { $0[$1.id!] = $1 }
            usulan = results.compactMap { byID[$0.$usulan.id] }
        } else if let status = forum.forumLevel.agendaStatus {
            var query = Usulan.query(on: db).filter(\.$status == status.rawValue).filter(\.$year == cycle.year).filter(\.$hiddenAt == nil)
            switch forum.forumLevel.work {
            case .ranking: query = query.filter(\.$desaCode == forum.regionCode)
            case .allocation: query = query.filter(\.$kecamatanCode == forum.regionCode)
            case .agencyDecisions: query = query.filter(\.$targetAgency == forum.agency)
            case .finalList, .attendanceOnly: break
            }
            if let only { query = query.filter(\.$id ~~ only) }
            usulan = try await query.sort(\.$submittedAt).all()
        } else {
            usulan = []
        }
        let ids = usulan.compactMap(\.id)
        let sheets = ids.isEmpty ? [] : try await ForumScoreSheet.query(on: db).filter(\.$forum.$id == forumID).filter(\.$usulanID ~~ ids).all()
        let decisions = ids.isEmpty ? [] : try await ForumDecisionRecord.query(on: db).filter(\.$forum.$id == forumID).filter(\.$usulanID ~~ ids).all()
        let kamusIDs = Set(usulan.compactMap(\.kamusID))
        let kamus = kamusIDs.isEmpty ? [] : try await KamusItem.query(on: db).filter(\.$id ~~ Array(kamusIDs)).all()
        let physicalKamus = Set(kamus.filter(\.fisik).compactMap(\.id))
        let knownKamus = Set(kamus.compactMap(\.id))
        let physical = Set(usulan.filter { usulan in
            if let kamus = usulan.kamusID, knownKamus.contains(kamus) { return physicalKamus.contains(kamus) }
            return usulan.sector?.isPhysicalByDefault ?? true
        }.compactMap(\.id))
        var pagu: Pagu?
        if forum.forumStatus == .selesai, let total = forum.closingPagu {
            pagu = try? Pagu.make(total: total).get()
        } else if forum.forumLevel.work == .allocation,
           let row = try await PaguIndikatif.query(on: db).filter(\.$cycle.$id == cycle.requireID()).filter(\.$kecamatanCode == forum.regionCode).first() {
            pagu = row.pagu
        }
        return ForumAgenda(forum: forum, cycle: cycle, usulan: usulan, sheets: Dictionary(grouping: sheets, by: \.usulanID),
                           decisions: decisions.reduce(into: [:]) { $0[$1.usulanID] = $1 }, results: results, physical: physical, pagu: pagu,
                           byID: Dictionary(usulan.map { ($0.id?.uuidString ?? "", $0) }, uniquingKeysWith: { a, _ in a }))
    }
}
