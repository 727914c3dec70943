import Foundation
import Testing
@testable import RembukCore

@Suite struct DateTextTests {
    @Test func longIndonesianDate() {
        // given
        let date = LocalDate(year: 2024, month: 3, day: 28)!
        // when
        let text = DateText.long(date)
        // then
        #expect(text == "Kamis, 28 Maret 2024")
        #expect(DateText.long(date, .en) == "Thursday, 28 March 2024")
    }

    @Test(arguments: [
        ("1970-01-01", 4), ("2024-02-29", 4), ("2026-11-23", 1), ("2000-01-01", 6), ("1945-08-17", 5), ("2026-11-22", 7),
    ])
    func weekdays(iso: String, weekday: Int) {
        // given
        let date = LocalDate(iso: iso)!
        // when / then
        #expect(date.weekday == weekday)
    }

    @Test func daysRoundTripAcrossCenturies() {
        // given
        let days = Array(stride(from: -800_000, through: 800_000, by: 997))
        // when
        let roundTripped = days.map { LocalDate(daysSinceEpoch: $0).daysSinceEpoch }
        // then
        #expect(roundTripped == days)
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-03-28", "2024-3-28", ""])
    func rejectsImpossibleDates(iso: String) {
        #expect(LocalDate(iso: iso) == nil)
    }

    @Test func momentInJakartaAfterUTCMidnightShift() {
        // given: 2024-03-27 20:30 UTC is 03:30 on the 28th in WIB
        let moment = Date(timeIntervalSince1970: 1_711_571_400)
        // when
        let local = LocalDate(moment)
        let text = DateText.dateTime(moment)
        // then
        #expect(local == LocalDate(year: 2024, month: 3, day: 28))
        #expect(text == "Kamis, 28 Maret 2024 pukul 03.30 WIB")
    }
}
