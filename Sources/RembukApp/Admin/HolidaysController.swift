import Fluent
import Foundation
import RembukCore
import Vapor

/// `/jadwal/hari-libur`: the holidays the working-day clocks skip; Bappeda adds and removes them.
struct HolidaysController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.holidays) { try await page($0, input: .init(), errors: FormErrors(), status: .ok) }
        routes.post(.holidays, use: add)
        routes.post(.holidayRemove(":day"), use: remove)
    }

    func page(_ req: Request, input: AddHoliday.Input, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let thisYear = req.invocation.today.year
        let stored = try await Holiday.query(on: req.db).filter(\.$id >= "\(thisYear)-01-01").all()
        var entries = stored.compactMap { holiday in holiday.day.map { HolidaysPage.Entry(day: $0, name: holiday.name, configured: false) } }
        for day in req.settings.holidays where day.year >= thisYear && !entries.contains(where: { $0.day == day }) {
            entries.append(.init(day: day, name: "", configured: true))
        }
        return HolidaysPage(entries: entries.sorted { $0.day < $1.day }, input: input, errors: errors,
                            canEdit: req.principal.actor.can(.managePlanning(kabupaten: req.settings.kabupaten)), notice: req.queryValue("tersimpan"))
            .render(await req.viewContext()).response(status: status)
    }

    func add(_ req: Request) async throws -> Response {
        let input = try req.content.decode(AddHoliday.Input.self)
        switch try await AddHoliday().run(input, in: req.invocation) {
        case let .added(day): return req.redirect(to: SiteRoute.holidays.path + "?tersimpan=\(day.iso)")
        case let .invalid(errors): return try await page(req, input: input, errors: errors, status: .unprocessableEntity)
        }
    }

    func remove(_ req: Request) async throws -> Response {
        try await RemoveHoliday().run(day: req.parameters.get("day") ?? "", in: req.invocation)
        return req.redirect(to: SiteRoute.holidays.path)
    }
}
