import Foundation
import Testing
@testable import RembukCore

@Suite struct ProgramRulesTests {
    @Test func eligibilityByKecamatanAndBusiness() {
        // given
        let local = Eligibility(kecamatan: ["32.14.01", "32.14.02"], umkmOwnersOnly: true)
        let open = Eligibility()
        // when / then
        #expect(local.refusal(residence: RegionCode("32.14.01.2010"), ownsBusiness: true) == nil)
        #expect(local.refusal(residence: RegionCode("32.14.02"), ownsBusiness: true) == nil)
        #expect(local.refusal(residence: RegionCode("32.14.03.2001"), ownsBusiness: true) == .outsideArea)
        #expect(local.refusal(residence: nil, ownsBusiness: true) == .outsideArea)
        #expect(local.refusal(residence: RegionCode("32.14"), ownsBusiness: true) == .outsideArea)
        #expect(local.refusal(residence: RegionCode("32.14.01.2010"), ownsBusiness: false) == .notUMKMOwner)
        #expect(open.refusal(residence: nil, ownsBusiness: false) == nil)
    }

    @Test func seatsAndPromotions() {
        // given / when / then
        #expect(SeatRule.seatFree(confirmed: 19, capacity: 20) && !SeatRule.seatFree(confirmed: 20, capacity: 20))
        #expect(SeatRule.promotions(confirmed: 19, capacity: 20, waiting: 3) == 1)
        #expect(SeatRule.promotions(confirmed: 15, capacity: 20, waiting: 3) == 3)
        #expect(SeatRule.promotions(confirmed: 20, capacity: 20, waiting: 3) == 0)
        #expect(SeatRule.promotions(confirmed: 22, capacity: 20, waiting: 3) == 0)   // capacity lowered below the seats taken
        #expect(SeatRule.promotions(confirmed: 10, capacity: 20, waiting: 0) == 0)
    }

    @Test func aCertificateNeedsTheMinimumAttendance() {
        #expect(CertificateRule(minimumSessions: 3).earned(attended: 3))
        #expect(!CertificateRule(minimumSessions: 3).earned(attended: 2))
        #expect(CertificateRule(minimumSessions: 0).minimumSessions == 1 && !CertificateRule(minimumSessions: 0).earned(attended: 0))
    }

    @Test func certificateCodesAreRandomGroupedAndForgiving() throws {
        // given
        var generator = SystemRandomNumberGenerator()
        let codes = (0..<2000).map { _ in CertificateCode.make(using: &generator) }
        // then
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.count == 14 && $0.split(separator: "-").count == 3 && !$0.contains("I") && !$0.contains("O") && !$0.contains("U") })
        let code = try #require(codes.first)
        #expect(CertificateCode.normalise(code.lowercased().replacingOccurrences(of: "-", with: " ")) == code)
        #expect(CertificateCode.normalise("o1l1-ABCD-EFGH") == "0111-ABCD-EFGH")
        #expect(CertificateCode.normalise("ABCD-EFGH") == nil && CertificateCode.normalise("ABCD-EFGH-UUUU") == nil)
    }

    @Test func statusMovesForwardOrIsCancelled() {
        #expect(ProgramStatus.direncanakan.canMove(to: .pendaftaran) && ProgramStatus.berjalan.canMove(to: .selesai))
        #expect(!ProgramStatus.selesai.canMove(to: .berjalan) && !ProgramStatus.dibatalkan.canMove(to: .pendaftaran))
        #expect(!ProgramStatus.selesai.canMove(to: .dibatalkan) && ProgramStatus.berjalan.canMove(to: .dibatalkan))
        #expect(ProgramStatus.pendaftaran.takesRegistrations && !ProgramStatus.direncanakan.takesRegistrations)
    }

    @Test func businessOutcomesUseTheMedianOnKnownData() throws {
        // given five participants, one of them a large business that would swamp a mean
        func figures(_ revenue: Int64, _ channels: Set<SalesChannel>, _ reach: MarketReach) -> BusinessFigures {
            BusinessFigures(employees: 1, monthlyRevenue: revenue, channels: channels, reach: reach)
        }
        let pairs: [(baseline: BusinessFigures, latest: BusinessFigures)] = [
            (figures(2_000_000, [.offline], .desa), figures(2_500_000, [.offline, .mediaSosial], .kabupaten)),
            (figures(3_000_000, [.offline], .desa), figures(3_000_000, [.offline], .desa)),
            (figures(1_000_000, [.mediaSosial], .desa), figures(1_600_000, [.marketplace], .provinsi)),
            (figures(0, [.offline], .desa), figures(800_000, [.offline], .desa)),
            (figures(90_000_000, [.offline, .marketplace], .nasional), figures(150_000_000, [.marketplace], .nasional)),
        ]
        // when
        let outcome = BusinessOutcome.measure(pairs)
        // then
        #expect(outcome.measured == 5)
        #expect(outcome.medianRevenueBefore == 2_000_000 && outcome.medianRevenueAfter == 2_500_000)
        #expect(outcome.medianRevenueChange == 600_000)
        // percent changes of those with revenue before: 25, 0, 60, 66.7 → median (25 + 60) / 2
        #expect(outcome.medianRevenueChangePercent == 42.5)
        #expect(outcome.sellingOnlineBefore == 2 && outcome.sellingOnlineAfter == 3)
        #expect(outcome.reachWidened == 2)
        #expect(BusinessOutcome.measure([]).medianRevenueChange == nil)
    }
}
