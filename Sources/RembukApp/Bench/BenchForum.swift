import Fluent
import Foundation
import RembukCore
import SQLKit
import Vapor

extension BenchData {
    /// A desa forum in session for the benchmark's scoring scenario: held for the installation's desa with the most
    /// verified usulan of the planning year (its agenda), run by the demo's Bappeda admin, who may run any forum of the
    /// kabupaten (at the national scale most desa are elsewhere). Nil without a cycle.
    func makeScoringForum(_ app: Application, year: Int, runner: UUID, now: Date) async throws -> UUID? {
        guard let cycle = try await PlanningCycle.query(on: app.db).filter(\.$year == year).first() else { return nil }
        struct Row: Decodable { let desa_code: String }
        let busiest = try await (app.db as! any SQLDatabase).select().column("desa_code").from(Usulan.schema)
            .where("status", .equal, UsulanStatus.diverifikasi.rawValue).where("year", .equal, year)
            .where("desa_code", .like, app.settings.kabupaten.value + ".%")
            .groupBy("desa_code").orderBy(SQLOrderBy(expression: SQLFunction("COUNT", args: SQLLiteral.all), direction: SQLDirection.descending))
            .orderBy("desa_code").limit(1).first(decoding: Row.self)
        guard let desa = busiest?.desa_code, let region = try await Region.find(desa, on: app.db) else { return nil }
        let forum = Forum()
        forum.$cycle.id = try cycle.requireID()
        forum.level = ForumLevel.desa.rawValue
        forum.regionCode = desa
        forum.agency = ""
        forum.title = "\(ForumLevel.desa.name(in: region.name, at: region.code)) TA \(year)"
        forum.heldOn = LocalDate(now).iso
        forum.startsAt = "09.00"
        forum.place = "Balai Desa \(region.name)"
        forum.agenda = "Penilaian dan pemeringkatan usulan desa."
        forum.facilitator = "Pendamping Desa"
        forum.status = ForumStatus.berlangsung.rawValue
        forum.createdBy = runner
        try await forum.create(on: app.db)
        return forum.id
    }
}
