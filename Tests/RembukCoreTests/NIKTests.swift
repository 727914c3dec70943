import Testing
@testable import RembukCore

@Suite struct NIKTests {
    let today = LocalDate(iso: "2026-11-23")!
    let known: (RegionCode) -> Bool = { RegionCatalog.kecamatanCodes.contains($0) }

    @Test func parsesAManFromPurwakarta() throws {
        // given: kecamatan 32.14.01, born 17-08-1985, serial 0001
        let raw = "3214011708850001"
        // when
        let nik = try NIK.parse(raw, today: today, isKnownKecamatan: known).get()
        // then
        #expect(nik.kecamatan == RegionCode("32.14.01"))
        #expect(nik.birthDate == LocalDate(iso: "1985-08-17"))
        #expect(!nik.isFemale)
        #expect(nik.masked == "••••••••••••0001")
    }

    @Test func womenHaveFortyAddedToTheDay() throws {
        // given: born 5 March 2001, female → day 45
        let raw = "3214024503010002"
        // when
        let nik = try NIK.parse(raw, today: today, isKnownKecamatan: known).get()
        // then
        #expect(nik.isFemale)
        #expect(nik.birthDate == LocalDate(iso: "2001-03-05"))
    }

    @Test(arguments: [
        ("321401170885000", NIK.Problem.notSixteenDigits), ("32140117088500011", .notSixteenDigits),
        ("32140117O8850001", .notSixteenDigits), ("9914011708850001", .unknownRegion), ("3214991708850001", .unknownRegion),
        ("3214013208850001", .invalidBirthDate), ("3214017208850001", .invalidBirthDate), ("3214012902010001", .invalidBirthDate),
        ("3214011713850001", .invalidBirthDate), ("3214011708850000", .zeroSerial), ("3214010008850001", .invalidBirthDate),
    ])
    func rejectsWithAReason(raw: String, problem: NIK.Problem) {
        // given / when
        let result = NIK.parse(raw, today: today, isKnownKecamatan: known)
        // then
        #expect(throws: problem) { try result.get() }
    }

    @Test func leapDayOnlyInLeapYears() {
        // given
        let leap = "3214012902000001"      // 29 Feb 2000
        let notLeap = "3214012902990001"   // 29 Feb 1999
        // when / then
        #expect((try? NIK.parse(leap, today: today, isKnownKecamatan: known).get()) != nil)
        #expect(throws: NIK.Problem.invalidBirthDate) { try NIK.parse(notLeap, today: today, isKnownKecamatan: known).get() }
    }

    @Test func twoDigitYearAfterTodayIsLastCentury() throws {
        // given: year 30 is after 2026, so 1930
        let nik = try NIK.parse("3214010101300001", today: today, isKnownKecamatan: known).get()
        // then
        #expect(nik.birthDate.year == 1930)
    }
}
