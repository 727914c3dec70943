import Fluent
import RembukCore
import Vapor

/// The forum calendar (public), scheduling (operators and Bappeda) and each forum's page.
struct ForumController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.forums, use: index)
        routes.get(.forumNew, use: newForm)
        routes.post(.forumNew, use: create)
        routes.get(.forumFunnel, use: funnel)
    }

    func index(_ req: Request) async throws -> Response {
        let forums = try await Forum.query(on: req.db).sort(\.$heldOn).sort(\.$startsAt).all()
        let names = try await RegionNames.load(forums.map(\.regionCode), on: req.db)
        return ForumCalendarPage(forums: forums, regionNames: names, canSchedule: !ForumLevel.schedulable(by: req.principal.actor).isEmpty)
            .render(await req.viewContext()).response()
    }

    func newForm(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        guard !ForumLevel.schedulable(by: req.principal.actor).isEmpty else { throw UserFacingError.forbidden }
        return try await form(req, ScheduleForum.Input(), errors: FormErrors(), status: .ok)
    }

    func create(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        let input = try req.content.decode(ScheduleForum.Input.self)
        switch try await ScheduleForum().run(input, in: req.invocation) {
        case let .scheduled(forum): return req.redirect(to: SiteRoute.forum(try forum.requireID().uuidString).path)
        case let .invalid(errors): return try await form(req, input, errors: errors, status: .unprocessableEntity)
        }
    }

    func form(_ req: Request, _ input: ScheduleForum.Input, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let actor = req.principal.actor
        let choices = try await ScopeChoices.load(req)
        // Only the regions this person may schedule for are offered.
        let regions = ([try await Region.find(req.settings.kabupaten.value, on: req.db)].compactMap { $0 } + choices.kecamatan + choices.desa)
            .filter { region in ForumLevel.allCases.contains { $0.canSchedule(actor, in: region.code) } }
        return ForumFormPage(input: input, levels: ForumLevel.schedulable(by: req.principal.actor), regions: regions, agencies: choices.agencies, errors: errors)
            .render(await req.viewContext()).response(status: status)
    }

    func funnel(_ req: Request) async throws -> Response {
        let years = try await PlanningCycle.query(on: req.db).sort(\.$year, .descending).all().map(\.year)
        let asked = req.query[Int.self, at: "tahun"]
        guard let year = asked ?? years.first, years.contains(year) || asked == nil else {
            throw UserFacingError(.notFound, Phrase("Belum ada siklus perencanaan untuk tahun itu.", "There is no planning cycle for that year."))
        }
        let funnel = try await PlanningFunnel.load(year: year, settings: .standard, on: req.db)
        return FunnelPage(funnel: funnel, years: years).render(await req.viewContext()).response()
    }
}
