import Fluent
import Foundation
import RembukCore

/// How far a budget year's usulan got, for the whole kabupaten and per kecamatan, and the inclusion of the
/// forums closed so far. Public: only submitted, unhidden usulan count.
struct PlanningFunnel {
    struct KecamatanLine {
        var code: String
        var name: String
        var counts: [Int]
    }

    let year: Int
    let total: [(stage: UsulanStatus, count: Int)]
    let kecamatan: [KecamatanLine]
    let forumsClosed: [(level: ForumLevel, count: Int)]
    let attendance: InclusionFigures

    static func load(year: Int, settings: CycleSettings, on db: any Database) async throws -> PlanningFunnel {
        let usulan = try await Usulan.publicQuery(on: db).filter(\.$year == year).field(\.$id).field(\.$kecamatanCode).all()
        let ids = usulan.compactMap(\.id)
        var moves: [UUID: [(to: UsulanStatus, undo: Bool)]] = [:]
        if !ids.isEmpty {
            let events = try await UsulanEvent.query(on: db).filter(\.$usulan.$id ~~ ids)
                .field(\.$usulan.$id).field(\.$toStatus).field(\.$step).field(\.$at).sort(\.$at).all()
            for event in events {
                guard let status = UsulanStatus(rawValue: event.toStatus) else { continue }
                moves[event.$usulan.id, default: []].append((status, event.step == UsulanStep.reopenForum.rawValue))
            }
        }
        let furthest = usulan.map { ($0.kecamatanCode, Funnel.furthest(moves[$0.id!] ?? []) ?? .diajukan) }
        let names = try await RegionNames.load(furthest.map(\.0), on: db)
        let lines = Dictionary(grouping: furthest, by: \.0).map { code, entries in
            KecamatanLine(code: code, name: names[code] ?? code, counts: Funnel.counts(entries.map(\.1)).map(\.count))
        }.sorted { $0.name < $1.name }
        let cycle = try await PlanningCycle.query(on: db).filter(\.$year == year).first()
        var closed: [Forum] = []
        var attendees: [ForumAttendee] = []
        var paper: [PaperAttendanceRecord] = []
        if let cycleID = cycle?.id {
            closed = try await Forum.query(on: db).filter(\.$cycle.$id == cycleID).filter(\.$status == ForumStatus.selesai.rawValue).all()
            let forumIDs = closed.compactMap(\.id)
            if !forumIDs.isEmpty {
                attendees = try await ForumAttendee.query(on: db).filter(\.$forum.$id ~~ forumIDs).all()
                paper = try await PaperAttendanceRecord.query(on: db).filter(\.$forumID ~~ forumIDs).all()
            }
        }
        // Paper forums count by their totals; the others by their names.
        let target = (cycle?.cycleSettings ?? settings).womenTargetBasisPoints
        let onPaper = Set(paper.map(\.forumID))
        let named = InclusionFigures(attendees.filter { !onPaper.contains($0.$forum.id) }.map(\.attendee), womenTargetBasisPoints: target)
        return PlanningFunnel(
            year: year, total: Funnel.counts(furthest.map(\.1)), kecamatan: lines,
            forumsClosed: ForumLevel.allCases.map { level in (level, closed.filter { $0.forumLevel == level }.count) }.filter { $0.count > 0 },
            attendance: InclusionFigures.sum([named] + paper.map { InclusionFigures($0.totals, womenTargetBasisPoints: target) }, womenTargetBasisPoints: target))
    }
}
