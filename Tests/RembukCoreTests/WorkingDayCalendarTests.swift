import Testing
@testable import RembukCore

@Suite struct WorkingDayCalendarTests {
    let calendar = WorkingDayCalendar(holidays: [LocalDate(iso: "2026-12-25")!, LocalDate(iso: "2026-12-24")!])

    @Test func fridayPlusThreeWorkingDaysIsWednesday() {
        // given: Friday 20 November 2026
        let friday = LocalDate(iso: "2026-11-20")!
        // when
        let due = calendar.adding(workingDays: 3, to: friday)
        // then
        #expect(due == LocalDate(iso: "2026-11-25"))
    }

    @Test func holidaysAreSkipped() {
        // given: Wednesday 23 December 2026, with 24 and 25 December off
        let start = LocalDate(iso: "2026-12-23")!
        // when
        let due = calendar.adding(workingDays: 1, to: start)
        // then: Thursday and Friday are holidays, Saturday/Sunday weekend → Monday 28
        #expect(due == LocalDate(iso: "2026-12-28"))
    }

    @Test func zeroWorkingDaysIsTheSameDay() {
        let sunday = LocalDate(iso: "2026-11-22")!
        #expect(calendar.adding(workingDays: 0, to: sunday) == sunday)
    }

    @Test func countsWorkingDaysBetweenAndIsAntisymmetric() {
        // given
        let from = LocalDate(iso: "2026-12-21")!
        let to = LocalDate(iso: "2026-12-31")!
        // when
        let forward = calendar.workingDays(from: from, to: to)
        let backward = calendar.workingDays(from: to, to: from)
        // then: 22, 23, 28, 29, 30, 31
        #expect(forward == 6)
        #expect(backward == -6)
        #expect(calendar.workingDays(from: from, to: from) == 0)
    }

    @Test func addingThenCountingAgrees() {
        // given
        let start = LocalDate(iso: "2026-01-01")!
        for n in 0..<60 {
            // when
            let due = calendar.adding(workingDays: n, to: start)
            // then
            #expect(calendar.workingDays(from: start, to: due) == n)
        }
    }

    @Test func parsesHolidayConfiguration() throws {
        // given
        let text = "2026-08-17 Hari Kemerdekaan\n# cuti bersama\n2026-12-24, 2026-12-25\n"
        // when
        let holidays = try WorkingDayCalendar.parseHolidays(text)
        // then
        #expect(holidays.count == 3)
        #expect(holidays.contains(LocalDate(iso: "2026-08-17")!))
    }

    @Test func rejectsBadHolidayEntry() {
        #expect(throws: HolidayParseError.self) { try WorkingDayCalendar.parseHolidays("2026-02-30") }
    }
}
