import Fluent
import Foundation
import RembukCore

/// The demo's holidays: the national holidays that fall on a fixed date, this year and next, entered by the
/// Bappeda admin (holidays of the Hijri and lunar calendars move and are entered each year from the SKB).
enum DemoHolidays {
    static func load(in ctx: Invocation) async throws {
        guard try await Holiday.query(on: ctx.db).count() == 0 else { return }
        let admin = Invocation(app: ctx.app, principal: try await DemoProjects.principal(for: nil, in: ctx), now: ctx.now)
        let fixed = [(1, 1, "Tahun Baru Masehi"), (5, 1, "Hari Buruh Internasional"), (6, 1, "Hari Lahir Pancasila"),
                     (8, 17, "Hari Kemerdekaan Republik Indonesia"), (12, 25, "Hari Raya Natal")]
        for year in [ctx.today.year, ctx.today.year + 1] {
            for (month, day, name) in fixed {
                guard let date = LocalDate(year: year, month: month, day: day), ![6, 7].contains(date.weekday) else { continue }
                guard case .added = try await AddHoliday().run(.init(day: date.iso, name: name), in: admin) else {
                    throw LoadDemoData.DemoProblem(description: "demo holiday \(date.iso)")
                }
            }
        }
    }
}
