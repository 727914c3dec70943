import Testing
@testable import RembukCore

@Suite struct PlanningScheduleTests {
    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
    static func range(_ a: String, _ b: String) -> DayRange { DayRange(start: day(a), end: day(b))! }

    /// Purwakarta's usual calendar for the 2027 budget.
    static let phases: [PlanningPhase: DayRange] = [
        .aspirasi: range("2026-01-02", "2026-01-31"),
        .desa: range("2026-01-15", "2026-02-10"),
        .kecamatan: range("2026-02-11", "2026-02-28"),
        .forumOPD: range("2026-03-02", "2026-03-13"),
        .kabupaten: range("2026-03-24", "2026-03-26"),
        .rkpd: range("2026-05-04", "2026-06-30"),
    ]

    @Test func aCompleteOrderedScheduleIsAccepted() throws {
        // given / when
        let schedule = try PlanningSchedule.make(year: 2027, phases: Self.phases).get()
        // then
        #expect(schedule.isOpen(.aspirasi, on: Self.day("2026-01-02")))
        #expect(schedule.isOpen(.aspirasi, on: Self.day("2026-01-31")))
        #expect(!schedule.isOpen(.aspirasi, on: Self.day("2026-02-01")))
        #expect(schedule.current(on: Self.day("2026-01-20")) == [.aspirasi, .desa])
        #expect(schedule.current(on: Self.day("2026-12-01")) == [])
    }

    @Test func problemsAreNamed() {
        var missing = Self.phases
        missing[.rkpd] = nil
        #expect(PlanningSchedule.make(year: 2027, phases: missing) == .failure(.missing(.rkpd)))
        var early = Self.phases
        early[.kecamatan] = Self.range("2026-01-10", "2026-01-12")
        #expect(PlanningSchedule.make(year: 2027, phases: early) == .failure(.outOfOrder(.kecamatan, after: .desa)))
        #expect(PlanningSchedule.make(year: 2028, phases: Self.phases) == .failure(.outsidePlanningYear(.aspirasi)))
        var earlyAspirations = Self.phases
        earlyAspirations[.aspirasi] = Self.range("2025-10-01", "2026-01-31")
        #expect((try? PlanningSchedule.make(year: 2027, phases: earlyAspirations).get()) != nil)
        var earlyForum = Self.phases
        earlyForum[.desa] = Self.range("2025-12-01", "2026-02-10")
        #expect(PlanningSchedule.make(year: 2027, phases: earlyForum) == .failure(.outsidePlanningYear(.desa)))
        #expect(DayRange(start: Self.day("2026-02-02"), end: Self.day("2026-02-01")) == nil)
    }
}
