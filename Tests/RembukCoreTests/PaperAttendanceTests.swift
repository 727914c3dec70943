import RembukCore
import Testing

@Suite struct PaperAttendanceCoreTests {
    let good = PaperAttendance(women: 18, men: 22, byAge: [.pemuda: 12, .dewasa: 20, .lansia: 8], withDisability: 2,
                               byUnsur: [.pkk: 10, .warga: 30])

    @Test func consistentTotalsGiveTheForumsFigures() {
        // given good totals; when turned into figures
        let figures = InclusionFigures(good, womenTargetBasisPoints: 3_000)
        // then
        #expect(good.problems().isEmpty)
        #expect(figures.total == 40 && figures.women == 18 && figures.youth == 12 && figures.withDisability == 2)
        #expect(figures.womenPercent == 45 && figures.meetsWomenTarget)
    }

    @Test func totalsThatDisagreeAreNamed() {
        // given
        var ages = good
        ages.byAge[.anak] = 1
        var unsur = good
        unsur.byUnsur[.bpd] = 3
        var disability = good
        disability.withDisability = 41
        // then
        #expect(ages.problems() == [.ageTotal(ages: 41, total: 40)])
        #expect(unsur.problems() == [.unsurTotal(unsur: 43, total: 40)])
        #expect(disability.problems() == [.disabilityAboveTotal])
        #expect(PaperAttendance(women: 0, men: 0, byAge: [:], withDisability: 0, byUnsur: [:]).problems() == [.empty])
        #expect(PaperAttendance(women: 10_000, men: 0, byAge: [.dewasa: 10_000], withDisability: 0, byUnsur: [.warga: 10_000]).problems() == [.tooMany])
    }

    @Test func sumAddsForumsTogether() {
        // given a named forum and a paper one
        let named = InclusionFigures([Attendee(gender: .perempuan, ageGroup: .pemuda, hasDisability: false)], womenTargetBasisPoints: 3_000)
        // when
        let sum = InclusionFigures.sum([named, InclusionFigures(good)], womenTargetBasisPoints: 3_000)
        // then
        #expect(sum.total == 41 && sum.women == 19 && sum.youth == 13 && sum.withDisability == 2)
    }
}
