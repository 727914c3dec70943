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

@Suite struct ProjectProgressTextTests {
    @Test func percentagesAreReadAsTypedIntoBasisPoints() {
        // given / when / then
        #expect(ProgressRule.basisPoints("45") == 4_500)
        #expect(ProgressRule.basisPoints("45,5") == 4_550)
        #expect(ProgressRule.basisPoints("45.25") == 4_525)
        #expect(ProgressRule.basisPoints(" 100 % ") == 10_000)
        #expect(ProgressRule.basisPoints("0,05") == 5)
        #expect(ProgressRule.basisPoints("-5") == -500)
        #expect(ProgressRule.basisPoints("120") == 12_000)
        for bad in ["", "abc", "45,555", "45,", ",5", "1.2.3", "45 %%", "٤٥", "999999"] {
            #expect(ProgressRule.basisPoints(bad) == nil, "\(bad)")
        }
    }

    @Test func percentagesAreWrittenTheIndonesianWay() {
        #expect(ProgressRule.percentText(4_500) == "45 %")
        #expect(ProgressRule.percentText(4_550) == "45,5 %")
        #expect(ProgressRule.percentText(4_525) == "45,25 %")
        #expect(ProgressRule.percentText(5) == "0,05 %")
        #expect(ProgressRule.percentText(10_000) == "100 %")
    }

    @Test func linkedUsulanTakeTheStepsThatBringThemToTheProjectsStatus() {
        // given an usulan in the RKPD and one accepted by the agency outside it
        // when the project is planned, started and finished
        // then each takes exactly the steps between
        #expect(ProjectStatus.perencanaan.usulanSteps(from: .masukRKPD) == [.budget])
        #expect(ProjectStatus.perencanaan.usulanSteps(from: .diterimaOPD) == [.budget])
        #expect(ProjectStatus.pengadaan.usulanSteps(from: .dianggarkan) == [])
        #expect(ProjectStatus.pelaksanaan.usulanSteps(from: .dianggarkan) == [.start])
        #expect(ProjectStatus.selesai.usulanSteps(from: .dilaksanakan) == [.finish])
        #expect(ProjectStatus.selesai.usulanSteps(from: .dianggarkan) == [.start, .finish])
        #expect(ProjectStatus.terhambat.usulanSteps(from: .dilaksanakan) == [])
        #expect(ProjectStatus.perencanaan.usulanSteps(from: .ditolak) == [])
        #expect(ProjectStatus.linkableUsulan == [.diterimaOPD, .masukRKPD])
    }

    @Test func aProjectIsDoneOnlyAtFullProgress() {
        #expect(ProjectStatus.canFinish(physicalBasisPoints: 10_000))
        #expect(!ProjectStatus.canFinish(physicalBasisPoints: 9_999))
    }
}

@Suite struct TypedCoordinatesTests {
    @Test func coordinatesAreBothOrNeitherAndInIndonesia() {
        #expect(GeoPoint.typed(latitude: " ", longitude: "") == .empty)
        #expect(GeoPoint.typed(latitude: "-6,5569", longitude: "107.4431") == .point(GeoPoint(latitude: -6.5569, longitude: 107.4431)!))
        #expect(GeoPoint.typed(latitude: "-6.5569", longitude: "") == .invalid)
        #expect(GeoPoint.typed(latitude: "48.85", longitude: "2.35") == .invalid)
        #expect(GeoPoint.typed(latitude: "utara", longitude: "107") == .invalid)
    }
}

@Suite struct ChartScaleTests {
    @Test func axesEndOnRoundNumbers() {
        #expect(ChartScale.niceMax(0) == 1)
        #expect(ChartScale.niceMax(1) == 1)
        #expect(ChartScale.niceMax(7) == 10)
        #expect(ChartScale.niceMax(10) == 10)
        #expect(ChartScale.niceMax(11) == 20)
        #expect(ChartScale.niceMax(420_000_000) == 500_000_000)
        #expect(ChartScale.niceMax(1_595_275_000) == 2_000_000_000)
        #expect(ChartScale.niceMax(2_000_000_001) == 5_000_000_000)
    }

    @Test func barsAreProportionalAndNeverVanish() {
        #expect(ChartScale.length(250, axis: 1_000, width: 400) == 100)
        #expect(ChartScale.length(1, axis: 1_000_000, width: 400) == 1)
        #expect(ChartScale.length(0, axis: 1_000, width: 400) == 0)
        #expect(ChartScale.length(2_000, axis: 1_000, width: 400) == 400)
        #expect(ChartScale.percent(1, of: 3) == 33)
        #expect(ChartScale.percent(5, of: 0) == 0)
    }
}
