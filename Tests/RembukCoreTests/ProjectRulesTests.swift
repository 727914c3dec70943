import Testing
@testable import RembukCore

@Suite struct ProjectRulesTests {
    @Test func aProjectMovesForwardOneStepAtATimeAndResumesWhereItWasHeldUp() {
        #expect(ProjectStatus.perencanaan.canMove(to: .pengadaan))
        #expect(!ProjectStatus.perencanaan.canMove(to: .pelaksanaan))
        #expect(!ProjectStatus.pelaksanaan.canMove(to: .pengadaan))
        #expect(ProjectStatus.pelaksanaan.canMove(to: .selesai))
        #expect(ProjectStatus.pengadaan.canMove(to: .terhambat))
        #expect(ProjectStatus.terhambat.canMove(to: .pengadaan, resumeTo: .pengadaan))
        #expect(!ProjectStatus.terhambat.canMove(to: .selesai, resumeTo: .pengadaan))
        #expect(!ProjectStatus.terhambat.canMove(to: .terhambat, resumeTo: .pengadaan))
        for next in ProjectStatus.allCases { #expect(!ProjectStatus.selesai.canMove(to: next, resumeTo: .pelaksanaan)) }
    }

    @Test func linkedUsulanFollowTheProject() {
        #expect(ProjectStatus.perencanaan.usulanStatus == .dianggarkan)
        #expect(ProjectStatus.pelaksanaan.usulanStatus == .dilaksanakan)
        #expect(ProjectStatus.selesai.usulanStatus == .selesai)
        #expect(ProjectStatus.terhambat.usulanStatus == nil)
    }

    @Test func subKegiatanCodesFollowTheNomenclature() {
        #expect(SubKegiatanCode("1.03.02.2.01.0001")?.value == "1.03.02.2.01.0001")
        #expect(SubKegiatanCode(" 1.03.02.2.01.0001 ") != nil)
        for bad in ["1.03.02.2.01", "1.3.02.2.01.0001", "1.03.02.2.01.001", "1.03.02.2.01.000A", "", "1.03.02.2.01.0001.1"] {
            #expect(SubKegiatanCode(bad) == nil, "\(bad)")
        }
    }

    @Test func progressNeedsAReasonToGoBackAndMoneyStaysWithinThePagu() {
        let before = ProgressRule.Report(physicalBasisPoints: 4_000, realised: 300_000_000)
        let ahead = ProgressRule.Report(physicalBasisPoints: 6_500, realised: 450_000_000)
        let back = ProgressRule.Report(physicalBasisPoints: 3_500, realised: 250_000_000)
        #expect(ProgressRule.check(ahead, previous: before, pagu: 500_000_000, hasReason: false).isEmpty)
        #expect(ProgressRule.check(back, previous: before, pagu: 500_000_000, hasReason: false)
                == [.progressBackwardsWithoutReason(previous: 4_000), .realisedBackwardsWithoutReason(previous: 300_000_000)])
        #expect(ProgressRule.check(back, previous: before, pagu: 500_000_000, hasReason: true).isEmpty)
        #expect(ProgressRule.check(ahead, previous: before, pagu: 400_000_000, hasReason: true) == [.exceedsPagu(pagu: 400_000_000)])
        #expect(ProgressRule.check(.init(physicalBasisPoints: 10_001, realised: -1), previous: nil, pagu: 1, hasReason: false)
                == [.progressOutOfRange, .realisedNegative])
        #expect(ProgressRule.check(.init(physicalBasisPoints: 10_000, realised: 500_000_000), previous: nil, pagu: 500_000_000, hasReason: false).isEmpty)
    }

    @Test func everyFundingSourceHasBothLabels() {
        for source in FundingSource.allCases {
            #expect(!source.label(.id).isEmpty && source.label(.id) != source.label(.en))
        }
    }
}
