import Fluent
import RembukCore
import Vapor

/// The planning calendar: public for everyone, set by Bappeda.
struct ScheduleController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.schedule, use: index)
        routes.post(.schedule, use: save)
        routes.get(.scheduleEdit(":year"), use: edit)
    }

    func index(_ req: Request) async throws -> Response {
        try await page(req, form: nil, errors: FormErrors(), status: .ok)
    }

    func edit(_ req: Request) async throws -> Response {
        guard req.principal.actor.can(.managePlanning(kabupaten: req.settings.kabupaten)) else { throw UserFacingError.forbidden }
        guard let year = req.parameters.get("year").flatMap(Int.init),
              let cycle = try await PlanningCycle.query(on: req.db).filter(\.$year == year).with(\.$phases).first() else {
            throw UserFacingError.notFound
        }
        var phases: [String: String] = [:]
        for phase in cycle.phases {
            phases["\(phase.phase)_start"] = phase.startsOn
            phases["\(phase.phase)_end"] = phase.endsOn
        }
        return try await page(req, form: .init(year: String(year), phases: phases), errors: FormErrors(), status: .ok)
    }

    func save(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        let input = SavePlanningCycle.Input(form: try await SubmittedForm.read(req))
        switch try await SavePlanningCycle().run(input, in: req.invocation) {
        case .saved: return req.redirect(to: SiteRoute.schedule.path)
        case let .invalid(errors): return try await page(req, form: input, errors: errors, status: .unprocessableEntity)
        }
    }

    func page(_ req: Request, form: SavePlanningCycle.Input?, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let cycles = try await PlanningCycle.query(on: req.db).with(\.$phases).sort(\.$year, .descending).all()
        let canManage = req.principal.actor.can(.managePlanning(kabupaten: req.settings.kabupaten))
        let ctx = await req.viewContext()
        return SchedulePage(cycles: cycles, canManage: canManage, form: form, errors: errors, today: LocalDate(Date()))
            .render(ctx).response(status: status)
    }
}
