/// Working days for service-level clocks (a complaint must be verified within 3 working days):
/// Saturdays, Sundays and the configured public holidays and cuti bersama do not count.
public struct WorkingDayCalendar: Sendable, Hashable {
    public var holidays: Set<LocalDate>
    /// ISO weekdays that are not worked: 6 = Saturday, 7 = Sunday.
    public var weekend: Set<Int>

    public init(holidays: Set<LocalDate> = [], weekend: Set<Int> = [6, 7]) {
        self.holidays = holidays
        self.weekend = weekend
    }

    /// Reads holidays as written in configuration: one date per line or comma-separated,
    /// each `YYYY-MM-DD` optionally followed by a name (`2026-08-17 Hari Kemerdekaan`).
    public static func parseHolidays(_ text: String) throws(HolidayParseError) -> Set<LocalDate> {
        var result: Set<LocalDate> = []
        let entries = text.split(whereSeparator: { $0 == "\n" || $0 == "," })
        for (index, entry) in entries.enumerated() {
            let trimmed = entry.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let first = trimmed.split(separator: " ", maxSplits: 1).first.map(String.init) ?? trimmed
            guard let date = LocalDate(iso: first) else { throw HolidayParseError(entry: index + 1, text: trimmed) }
            result.insert(date)
        }
        return result
    }

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        !weekend.contains(date.weekday) && !holidays.contains(date)
    }

    /// The date `count` working days after `start` (the start day itself never counts).
    /// A complaint received on Friday with a 3-working-day clock is due on Wednesday.
    public func adding(workingDays count: Int, to start: LocalDate) -> LocalDate {
        precondition(count >= 0, "working days must not be negative")
        guard weekend.count < 7 else { return start }
        var date = start
        var remaining = count
        while remaining > 0 {
            date = date.adding(days: 1)
            if isWorkingDay(date) { remaining -= 1 }
        }
        return date
    }

    /// Working days in the half-open range (`from`, `to`]; negative when `to` is before `from`.
    public func workingDays(from: LocalDate, to: LocalDate) -> Int {
        if to < from { return -workingDays(from: to, to: from) }
        var count = 0
        var date = from
        while date < to {
            date = date.adding(days: 1)
            if isWorkingDay(date) { count += 1 }
        }
        return count
    }
}

public struct HolidayParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let entry: Int
    public let text: String
    public var description: String { "holiday entry \(entry) is not a YYYY-MM-DD date: \(text)" }
}
