import Testing
@testable import RembukCore

@Suite struct InclusionTests {
    static func people(women: Int, men: Int, youth: Int = 0, disability: Int = 0) -> [Attendee] {
        (0..<(women + men)).map { index in
            Attendee(gender: index < women ? .perempuan : .lakiLaki, ageGroup: index < youth ? .pemuda : .dewasa, hasDisability: index < disability)
        }
    }

    @Test func theWomenTargetIsComparedExactly() {
        // 7 of 24 is 29.17 %: shown as 29 %, short of 30 % by one more woman (8 of 25 = 32 %)
        let short = InclusionFigures(Self.people(women: 7, men: 17))
        #expect(short.womenPercent == 29 && !short.meetsWomenTarget && short.womenShort == 1)
        // 9 of 30 is exactly 30 %
        let exact = InclusionFigures(Self.people(women: 9, men: 21))
        #expect(exact.meetsWomenTarget && exact.womenShort == 0 && exact.womenPercent == 30)
        // nobody came: nothing is met, nothing divides by zero
        let empty = InclusionFigures([])
        #expect(!empty.meetsWomenTarget && empty.womenPercent == 0)
        // a cycle may set its own target
        #expect(InclusionFigures(Self.people(women: 9, men: 21), womenTargetBasisPoints: 3_500).womenShort == 3)
    }

    @Test func youthAndDisabilityAreCounted() {
        let figures = InclusionFigures(Self.people(women: 10, men: 30, youth: 12, disability: 3))
        #expect(figures.youth == 12 && figures.youthPercent == 30)
        #expect(figures.withDisability == 3 && figures.disabilityPercent == 8)   // 7.5 % rounds half up
    }

    @Test func delegatesAreThreeToFiveWithAtLeastOneWoman() {
        let man = Attendee.Gender.lakiLaki
        let woman = Attendee.Gender.perempuan
        #expect(DelegateRule.check([("a", man), ("b", man), ("c", woman)]) == nil)
        #expect(DelegateRule.check([("a", man), ("b", man), ("c", man)]) == .noWoman)
        #expect(DelegateRule.check([("a", woman), ("b", man)]) == .count(2))
        #expect(DelegateRule.check((0..<6).map { ("p\($0)", woman) }) == .count(6))
        #expect(DelegateRule.check([("a", woman), ("a", man), ("c", man)]) == .duplicate)
    }
}

@Suite struct PercentTests {
    @Test func percentagesAreReadAsPlannersTypeThem() {
        #expect(Percent.basisPoints("40") == 4_000)
        #expect(Percent.basisPoints("40 %") == 4_000)
        #expect(Percent.basisPoints("12,5") == 1_250)
        #expect(Percent.basisPoints("12.75") == 1_275)
        #expect(Percent.basisPoints("100") == 10_000)
        for bad in ["", "-5", "101", "abc", "12,345", "1e2", "40%%"] { #expect(Percent.basisPoints(bad) == nil, "\(bad)") }
        #expect(Percent.text(4_000) == "40" && Percent.text(1_250) == "12,5" && Percent.text(1_205) == "12,05")
    }

    @Test func theStandardSettingsAreValidSchemes() {
        #expect(CycleSettings.standard.physicalScheme != nil && CycleSettings.standard.nonPhysicalScheme != nil)
        #expect(CycleSettings.standard.womenTargetBasisPoints == 3_000)
    }
}
