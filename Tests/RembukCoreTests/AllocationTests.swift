import Testing
@testable import RembukCore

@Suite struct ScoringTests {
    @Test func theDefaultSchemesWeighToOneHundredPercent() {
        #expect(ScoringScheme.physical.criteria.map(\.weightBasisPoints) == [4_000, 3_000, 2_000, 1_000])
        #expect(ScoringScheme.nonPhysical.criteria.reduce(0) { $0 + $1.weightBasisPoints } == 10_000)
    }

    @Test func badSchemesAreNamed() {
        let a = ScoringCriterion(key: "a", name: "A", weightBasisPoints: 6_000)
        #expect(ScoringScheme.make([]) == .failure(.empty))
        #expect(ScoringScheme.make([a, ScoringCriterion(key: "b", name: "B", weightBasisPoints: 3_000)]) == .failure(.weightsDoNotSumToOne(basisPoints: 9_000)))
        #expect(ScoringScheme.make([a, ScoringCriterion(key: "a", name: "A2", weightBasisPoints: 4_000)]) == .failure(.duplicateKey("a")))
        #expect(ScoringScheme.make([a, ScoringCriterion(key: "b", name: "B", weightBasisPoints: 0),
                                    ScoringCriterion(key: "c", name: "C", weightBasisPoints: 4_000)]) == .failure(.nonPositiveWeight("b")))
    }

    @Test func aSheetIsWeighedAndCheckedEdgeByEdge() {
        let scheme = ScoringScheme.physical
        #expect(scheme.weigh(["urgensi": 5, "jangkauan": 4, "kerusakan": 3, "biaya": 1]) == .success(4_000 * 5 + 3_000 * 4 + 2_000 * 3 + 1_000))
        #expect(scheme.weigh(["urgensi": 1, "jangkauan": 1, "kerusakan": 1, "biaya": 1]) == .success(10_000))
        #expect(scheme.weigh(["urgensi": 5, "jangkauan": 5, "kerusakan": 5, "biaya": 5]) == .success(50_000))
        #expect(scheme.weigh(["urgensi": 6, "jangkauan": 4, "kerusakan": 3, "biaya": 1]) == .failure(.outOfRange("urgensi", 6)))
        #expect(scheme.weigh(["urgensi": 0, "jangkauan": 4, "kerusakan": 3, "biaya": 1]) == .failure(.outOfRange("urgensi", 0)))
        #expect(scheme.weigh(["urgensi": 5, "jangkauan": 4, "kerusakan": 3]) == .failure(.missing("biaya")))
        #expect(scheme.weigh(["urgensi": 5, "jangkauan": 4, "kerusakan": 3, "biaya": 1, "warna": 2]) == .failure(.unknown("warna")))
    }

    @Test func forumScoresCompareExactlyAsMeans() {
        // given: 3.5 from two scorers, 3.5 from four, and 10/3 ≈ 3.333 from three
        let twoScorers = ForumScore.of([30_000, 40_000])
        let fourScorers = ForumScore.of([30_000, 40_000, 30_000, 40_000])
        let third = ForumScore.of([30_000, 30_000, 40_000])
        // then
        #expect(twoScorers == fourScorers && twoScorers.hashValue == fourScorers.hashValue)
        #expect(third < twoScorers)
        #expect(ForumScore.none < ForumScore.of([10_000]))
        #expect(abs(third.mean - 3.3333) < 0.001)
    }
}

@Suite struct AllocationTests {
    static func item(_ id: String, score: [Int], supports: Int = 0, at: Int64 = 0, cost: Int64, agency: String = "dinas-pupr") -> RankedItem {
        RankedItem(id: id, score: .of(score), supports: supports, submittedAt: at, cost: cost, agency: agency)
    }

    @Test func tiesGoToMoreSupportsThenEarlierSubmissionThenTheId() {
        // given: four usulan with the same score
        let items = [Self.item("d", score: [30_000], supports: 5, at: 200, cost: 1),
                     Self.item("c", score: [30_000], supports: 5, at: 100, cost: 1),
                     Self.item("b", score: [30_000], supports: 9, at: 900, cost: 1),
                     Self.item("a", score: [30_000], supports: 5, at: 100, cost: 1),
                     Self.item("e", score: [40_000], supports: 0, at: 999, cost: 1)]
        // when / then
        #expect(Ranking.rank(items).map(\.id) == ["e", "b", "a", "c", "d"])
    }

    @Test func whatDoesNotFitIsSkippedAndCheaperOnesBelowStillEnter() throws {
        // given: pagu Rp1 M; the second-ranked usulan is too big
        let pagu = try Pagu.make(total: 1_000_000_000).get()
        let items = [Self.item("jalan", score: [45_000], cost: 600_000_000), Self.item("jembatan", score: [44_000], cost: 500_000_000),
                     Self.item("drainase", score: [30_000], cost: 350_000_000), Self.item("pju", score: [20_000], cost: 100_000_000)]
        // when
        let outcome = Allocation.allocate(items, within: pagu)
        // then
        #expect(outcome.agreed.map(\.id) == ["jalan", "drainase"])
        #expect(outcome.notAgreed.map(\.item.id) == ["jembatan", "pju"])
        #expect(outcome.notAgreed[0].reason == .exceedsPagu(remaining: 400_000_000))
        #expect(outcome.remaining == 50_000_000 && outcome.allocated == 950_000_000)
    }

    @Test func agencyCeilingsHoldInsideThePagu() throws {
        let pagu = try Pagu.make(total: 1_000, perAgency: ["dinkes": 300]).get()
        let items = [Self.item("a", score: [50_000], cost: 200, agency: "dinkes"), Self.item("b", score: [40_000], cost: 200, agency: "dinkes"),
                     Self.item("c", score: [30_000], cost: 700, agency: "dinas-pupr")]
        let outcome = Allocation.allocate(items, within: pagu)
        #expect(outcome.agreed.map(\.id) == ["a", "c"])
        #expect(outcome.notAgreed.first?.reason == .exceedsAgencyCeiling(agency: "dinkes", remaining: 100))
        #expect(outcome.remainingPerAgency["dinkes"] == 100 && outcome.remaining == 100)
    }

    @Test func badPaguIsNamed() {
        #expect(Pagu.make(total: -1) == .failure(.negative))
        #expect(Pagu.make(total: 10, perAgency: ["x": -1]) == .failure(.agencyNegative("x")))
        #expect(Pagu.make(total: 10, perAgency: ["x": 6, "y": 5]) == .failure(.agenciesExceedTotal(sum: 11)))
    }

    /// 500 random forums: never over a ceiling, nothing lost, the same result however the input is ordered,
    /// and everything left out really did not fit when its turn came.
    @Test func randomForumsKeepEveryRule() throws {
        var random = SplitMix64(state: 20_260_123)
        let agencies = ["dinas-pupr", "dinkes", "disdik", "dlh"]
        for _ in 0..<500 {
            let count = Int.random(in: 0...60, using: &random)
            let items = (0..<count).map { index in
                RankedItem(id: "u\(index)", score: .of((0..<Int.random(in: 0...3, using: &random)).map { _ in Int.random(in: 10_000...50_000, using: &random) / 500 * 500 }),
                           supports: Int.random(in: 0...5, using: &random), submittedAt: Int64.random(in: 0...20, using: &random),
                           cost: Int64.random(in: 0...500, using: &random) * 1_000_000, agency: agencies.randomElement(using: &random)!)
            }
            let total = Int64.random(in: 0...8_000, using: &random) * 1_000_000
            let ceilings = Bool.random(using: &random) ? ["dinkes": total / 4, "disdik": total / 4] : [:]
            let pagu = try Pagu.make(total: total, perAgency: ceilings).get()

            let outcome = Allocation.allocate(items, within: pagu)
            let shuffled = Allocation.allocate(items.shuffled(using: &random), within: pagu)

            #expect(outcome.allocated <= total && outcome.remaining == total - outcome.allocated)
            for (agency, ceiling) in ceilings {
                #expect(outcome.agreed.filter { $0.agency == agency }.reduce(0) { $0 + $1.cost } <= ceiling)
            }
            #expect(Set(outcome.agreed.map(\.id)).union(outcome.notAgreed.map(\.item.id)) == Set(items.map(\.id)))
            #expect(outcome.agreed.count + outcome.notAgreed.count == items.count)
            #expect(shuffled.agreed.map(\.id) == outcome.agreed.map(\.id) && shuffled.notAgreed.map(\.item.id) == outcome.notAgreed.map(\.item.id))
            for (item, reason) in outcome.notAgreed {
                switch reason {
                case let .exceedsPagu(remaining): #expect(item.cost > remaining && item.cost > outcome.remaining)
                case let .exceedsAgencyCeiling(agency, remaining): #expect(item.cost > remaining && agency == item.agency)
                }
            }
            let ranked = Ranking.rank(items)
            #expect(zip(ranked, ranked.dropFirst()).allSatisfy { !Ranking.precedes($1, $0) })
        }
    }
}
