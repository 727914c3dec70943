import Fluent
import RembukCore
import Vapor

/// A cycle's scoring criteria, women's target and pagu per kecamatan: public to read, set by Bappeda.
struct CycleSettingsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.cycleSettings(":year"), use: show)
        routes.post(.cycleSettings(":year"), use: saveSettings)
        routes.post(.cyclePagu(":year"), use: savePagu)
        routes.get(.cycleAgencyCeilings(":year", ":kecamatan"), use: agencyCeilings)
        routes.post(.cycleAgencyCeilings(":year", ":kecamatan"), use: saveAgencyCeilings)
    }

    func cycle(_ req: Request) async throws -> PlanningCycle {
        guard let year = req.parameters.get("year").flatMap(Int.init),
              let cycle = try await PlanningCycle.query(on: req.db).filter(\.$year == year).first() else { throw UserFacingError.notFound }
        return cycle
    }

    func show(_ req: Request) async throws -> Response {
        let cycle = try await cycle(req)
        return try await page(req, cycle, settings: .from(cycle.cycleSettings), pagu: nil, errors: FormErrors(), status: .ok)
    }

    func saveSettings(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        let cycle = try await cycle(req)
        let input = SaveCycleSettings.Input(fields: try req.content.decode([String: String].self))
        switch try await SaveCycleSettings().run(year: cycle.year, input, in: req.invocation) {
        case .saved: return req.redirect(to: SiteRoute.cycleSettings(String(cycle.year)).path)
        case let .invalid(errors): return try await page(req, cycle, settings: input, pagu: nil, errors: errors, status: .unprocessableEntity)
        }
    }

    func savePagu(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        let cycle = try await cycle(req)
        let amounts = try req.content.decode([String: String].self)
        switch try await SavePagu().run(year: cycle.year, amounts: amounts, in: req.invocation) {
        case .saved: return req.redirect(to: SiteRoute.cycleSettings(String(cycle.year)).path + "#pagu")
        case let .invalid(errors):
            return try await page(req, cycle, settings: .from(cycle.cycleSettings), pagu: amounts, errors: errors, status: .unprocessableEntity)
        }
    }

    func page(_ req: Request, _ cycle: PlanningCycle, settings: SaveCycleSettings.Input, pagu typed: [String: String]?,
              errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let kecamatan = try await Region.query(on: req.db).filter(\.$parentCode == req.settings.kabupaten.value).sort(\.$name).all()
        let stored = try await PaguIndikatif.query(on: req.db).filter(\.$cycle.$id == cycle.requireID()).all()
        var pagu: [String: String] = [:]
        for row in stored { pagu["pagu_" + row.kecamatanCode] = Rupiah(row.amount).formatted }
        let page = CycleSettingsPage(year: cycle.year, settings: cycle.cycleSettings, form: settings, kecamatan: kecamatan,
                                     pagu: typed ?? pagu, paguTotal: stored.reduce(0) { $0 + $1.amount },
                                     canManage: req.principal.actor.can(.managePlanning(kabupaten: req.settings.kabupaten)), errors: errors)
        return page.render(await req.viewContext()).response(status: status)
    }

    func agencyCeilings(_ req: Request) async throws -> Response {
        try await agencyPage(req, typed: nil, errors: FormErrors(), status: .ok)
    }

    func saveAgencyCeilings(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        let cycle = try await cycle(req)
        let code = req.parameters.get("kecamatan") ?? ""
        let amounts = try req.content.decode([String: String].self)
        switch try await SaveAgencyCeilings().run(year: cycle.year, kecamatan: code, amounts: amounts, in: req.invocation) {
        case .saved: return req.redirect(to: SiteRoute.cycleAgencyCeilings(String(cycle.year), code).path)
        case let .invalid(errors): return try await agencyPage(req, typed: amounts, errors: errors, status: .unprocessableEntity)
        }
    }

    func agencyPage(_ req: Request, typed: [String: String]?, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let cycle = try await cycle(req)
        guard let kecamatan = try await Region.find(req.parameters.get("kecamatan") ?? "", on: req.db), kecamatan.depth == 2 else {
            throw UserFacingError.notFound
        }
        let row = try await PaguIndikatif.query(on: req.db).filter(\.$cycle.$id == cycle.requireID()).filter(\.$kecamatanCode == kecamatan.id ?? "").first()
        var values: [String: String] = [:]
        for (agency, amount) in row?.perAgency ?? [:] { values["opd_" + agency] = Rupiah(amount).formatted }
        return AgencyCeilingsPage(year: cycle.year, kecamatan: kecamatan, total: row?.amount, agencies: try await Agency.query(on: req.db).filter(\.$active == true).sort(\.$name).all(),
                                  values: typed ?? values, canManage: req.principal.actor.can(.managePlanning(kabupaten: req.settings.kabupaten)), errors: errors)
            .render(await req.viewContext()).response(status: status)
    }
}
