import Fluent
import Foundation
import RembukCore

/// A public holiday or cuti bersama entered by Bappeda: the working-day clocks (complaints) skip it.
/// Keyed by the ISO date, so a day is entered once.
public final class Holiday: Model, @unchecked Sendable {
    public static let schema = "holidays"

    @ID(custom: "day", generatedBy: .user) public var id: String?
    @Field(key: "name") public var name: String

    public init() {}

    init(day: LocalDate, name: String) {
        self.id = day.iso
        self.name = name
    }

    var day: LocalDate? { id.flatMap(LocalDate.init(iso:)) }
}

/// The working-day calendar in force: the holidays in the database and those configured with `REMBUK_HOLIDAYS`.
enum WorkingDays {
    static func calendar(on db: any Database, settings: Settings) async throws -> WorkingDayCalendar {
        let stored = try await Holiday.query(on: db).all().compactMap(\.day)
        return WorkingDayCalendar(holidays: settings.holidays.union(stored))
    }

    static func calendar(_ ctx: Invocation) async throws -> WorkingDayCalendar {
        try await calendar(on: ctx.db, settings: ctx.settings)
    }
}
