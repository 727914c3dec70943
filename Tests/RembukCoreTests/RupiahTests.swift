import Testing
@testable import RembukCore

@Suite struct RupiahTests {
    @Test(arguments: [
        (Int64(0), "Rp0"), (500, "Rp500"), (1_500_000, "Rp1.500.000"), (-25_000, "-Rp25.000"),
        (1_000, "Rp1.000"), (999_999, "Rp999.999"), (Int64.max, "Rp9.223.372.036.854.775.807"),
        (Int64.min, "-Rp9.223.372.036.854.775.808"),
    ])
    func formatsWithDotGroups(amount: Int64, expected: String) {
        // given
        let money = Rupiah(amount)
        // when
        let text = money.formatted
        // then
        #expect(text == expected)
    }

    @Test(arguments: [
        (Int64(1_500_000_000), "Rp1,5 M"), (250_000_000, "Rp250 jt"), (1_250_000, "Rp1,3 jt"),
        (999_960_000, "Rp1 M"), (12_000, "Rp12 rb"), (750, "Rp750"), (2_400_000_000_000, "Rp2,4 T"),
        (-3_000_000, "-Rp3 jt"), (1_000_000, "Rp1 jt"),
    ])
    func shortFormIndonesian(amount: Int64, expected: String) {
        // given
        let money = Rupiah(amount)
        // when
        let text = money.short()
        // then
        #expect(text == expected)
    }

    @Test func shortFormEnglish() {
        // given
        let money = Rupiah(1_500_000_000)
        // when
        let text = money.short(.en)
        // then
        #expect(text == "Rp1.5 bn")
    }

    @Test(arguments: [
        ("1500000", Int64(1_500_000)), ("1.500.000", 1_500_000), ("Rp 1.500.000", 1_500_000),
        ("Rp1.500.000,00", 1_500_000), (" rp250.000 ", 250_000), ("-Rp5.000", -5_000), ("0", 0),
    ])
    func parsesWhatPeopleType(text: String, expected: Int64) {
        // given / when
        let parsed = Rupiah.parse(text)
        // then
        #expect(parsed == Rupiah(expected))
    }

    @Test(arguments: ["", "Rp", "1.50.000", "1,5", "abc", "1.500.000,50", "12.3456", ".500", "99999999999999999999", "1 500"])
    func rejectsWhatIsNotWholeRupiah(text: String) {
        // given / when
        let parsed = Rupiah.parse(text)
        // then
        #expect(parsed == nil)
    }
}
