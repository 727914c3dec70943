import Testing
@testable import RembukCore

@Suite struct ForumClosingTests {
    func item(_ id: String, score: [Int], cost: Int64, supports: Int = 0, at: Int64 = 0) -> RankedItem {
        RankedItem(id: id, score: .of(score), supports: supports, submittedAt: at, cost: cost, agency: "pupr")
    }

    @Test func aDesaAgreesEveryScoredUsulanInRankOrderAndListsTheUnscored() {
        // given
        let items = [item("a", score: [30_000], cost: 10), item("b", score: [45_000, 35_000], cost: 10), item("c", score: [], cost: 10)]
        // when
        let lines = ForumClosing.results(level: .desa, items: items, pagu: nil, decisions: [:])
        // then
        #expect(lines.map(\.id) == ["b", "a", "c"])
        #expect(lines.map(\.priority) == [1, 2, nil])
        #expect(lines.map(\.outcome) == [.disepakati, .disepakati, .tidakDibahas])
        #expect(ForumOutcome.disepakati.steps(at: .desa) == [.agreeAtDesa, .forward])
        #expect(ForumOutcome.disepakati.steps(at: .kecamatan) == [.agreeAtKecamatan])
    }

    @Test func theKecamatanSkipsWhatDoesNotFitAndSaysHowMuchWasLeft() {
        // given: pagu 1 000; 600 (best), 500, 300
        let items = [item("a", score: [50_000], cost: 600), item("b", score: [40_000], cost: 500), item("c", score: [30_000], cost: 300)]
        // when
        let lines = ForumClosing.results(level: .kecamatan, items: items, pagu: Pagu(total: 1_000, perAgency: [:]), decisions: [:])
        // then
        #expect(lines.map(\.id) == ["a", "c", "b"])
        #expect(lines.map(\.outcome) == [.disepakati, .disepakati, .belumDisepakati])
        #expect(lines[2].reason == .exceedsPagu(remaining: 400))
        #expect(ForumOutcome.belumDisepakati.steps(at: .kecamatan) == [.postpone])
    }

    @Test func decisionForumsTakeEachDecisionAndNumberOnlyTheAgreed() {
        // given
        let items = [item("a", score: [], cost: 1, supports: 9), item("b", score: [], cost: 1, supports: 5), item("c", score: [], cost: 1, supports: 1)]
        // when
        let lines = ForumClosing.results(level: .forumOPD, items: items, pagu: nil, decisions: ["a": .tolak, "b": .terimaDenganPerubahan])
        // then
        #expect(lines.map(\.outcome) == [.ditolak, .diterimaDenganPerubahan, .tidakDibahas])
        #expect(lines.map(\.priority) == [nil, 1, nil])
        #expect(ForumDecision.choices(for: .agencyDecisions).count == 4 && ForumDecision.choices(for: .finalList) == [.masukRKPD, .tunda])
        #expect(ForumDecision.choices(for: .ranking).isEmpty)
    }

    @Test func aForumClosesOnlyInSessionWithAttendanceDelegatesAndEveryDecision() {
        let woman = (id: "1", gender: Attendee.Gender.perempuan)
        let men = [(id: "2", gender: Attendee.Gender.lakiLaki), (id: "3", gender: Attendee.Gender.lakiLaki), (id: "4", gender: Attendee.Gender.lakiLaki)]
        #expect(ForumClosing.problem(level: .desa, status: .dijadwalkan, attendance: 9, delegates: [woman] + men, undecided: 0) == .notInSession)
        #expect(ForumClosing.problem(level: .desa, status: .berlangsung, attendance: 0, delegates: [], undecided: 0) == .noAttendance)
        #expect(ForumClosing.problem(level: .desa, status: .berlangsung, attendance: 9, delegates: men, undecided: 0) == .delegates(.noWoman))
        #expect(ForumClosing.problem(level: .kecamatan, status: .berlangsung, attendance: 9, delegates: [woman], undecided: 0) == .delegates(.count(1)))
        #expect(ForumClosing.problem(level: .desa, status: .berlangsung, attendance: 9, delegates: [woman] + men, undecided: 0) == nil)
        #expect(ForumClosing.problem(level: .forumOPD, status: .berlangsung, attendance: 2, delegates: [], undecided: 3) == .undecided(3))
        #expect(ForumClosing.problem(level: .kabupaten, status: .berlangsung, attendance: 2, delegates: [], undecided: 0) == nil)
        #expect(ForumClosing.problem(level: .kecamatan, status: .berlangsung, attendance: 9, delegates: [woman] + men, undecided: 0, missingPagu: true) == .noPagu)
    }

    @Test func aForumOPDIsRunByBappedaOrItsOwnAgencyOnly() throws {
        let kabupaten = try #require(RegionCode("32.14"))
        let pupr = Actor(accountID: "o", grants: [try Grant.make(role: .opd, scope: .agency("dinas-pupr")).get()])
        #expect(ForumLevel.forumOPD.canRun(pupr, in: kabupaten, agency: "dinas-pupr"))
        #expect(!ForumLevel.forumOPD.canRun(pupr, in: kabupaten, agency: "dinkes"))
        #expect(!ForumLevel.kabupaten.canRun(pupr, in: kabupaten, agency: ""))
    }

    @Test func scoresReadWithADecimalComma() {
        #expect(ForumScore.of([43_000, 40_000]).text == "4,15")
        #expect(ForumScore.of([30_000, 30_000, 31_000]).text == "3,03")
        #expect(ForumScore.of([50_000]).text == "5,00")
        #expect(ForumScore.none.text == "–")
    }

    @Test func startingWaitsForTheForumsDay() throws {
        let day = try #require(LocalDate(iso: "2026-01-20"))
        #expect(!ForumStatus.dijadwalkan.canStart(on: try #require(LocalDate(iso: "2026-01-19")), heldOn: day))
        #expect(ForumStatus.dijadwalkan.canStart(on: day, heldOn: day))
        #expect(!ForumStatus.selesai.canStart(on: day, heldOn: day))
    }
}

@Suite struct FunnelTests {
    @Test func anUsulanKeepsTheFurthestStageItReachedUnlessAForumWasReopened() {
        // given
        let forwarded: [(to: UsulanStatus, undo: Bool)] = [(.diajukan, false), (.diverifikasi, false), (.disepakatiDesa, false), (.diteruskan, false)]
        // when / then
        #expect(Funnel.furthest(forwarded) == .diteruskan)
        #expect(Funnel.furthest(forwarded + [(.ditunda, false)]) == .diteruskan)
        #expect(Funnel.furthest(forwarded + [(.diverifikasi, true)]) == .diverifikasi)
        #expect(Funnel.furthest(forwarded + [(.diverifikasi, true), (.disepakatiDesa, false)]) == .disepakatiDesa)
        #expect(Funnel.furthest([]) == nil)
    }

    @Test func countsAreCumulativeDownThePipeline() {
        let counts = Funnel.counts([.diajukan, .diverifikasi, .masukRKPD, .diteruskan])
        #expect(counts.map(\.count) == [4, 3, 2, 1, 1, 1])
        #expect(counts.map(\.stage).first == .diajukan)
    }
}

@Suite struct ForumNameTests {
    @Test func aForumIsNamedWithItsRegionWithoutSayingKabupatenTwice() {
        #expect(ForumLevel.desa.name(in: "Citalang") == "Musrenbang Desa/Kelurahan Citalang")
        #expect(ForumLevel.kabupaten.name(in: "Kabupaten Purwakarta") == "Musrenbang Kabupaten Purwakarta")
        #expect(ForumLevel.kabupaten.name(in: "Kota Bandung") == "Musrenbang Kota Bandung")
        #expect(ForumLevel.forumOPD.name(in: "Kabupaten Purwakarta") == "Forum Perangkat Daerah Kabupaten Purwakarta")
    }
}
