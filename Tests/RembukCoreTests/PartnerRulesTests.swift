import Foundation
import Testing
@testable import RembukCore

@Suite struct PartnerRulesTests {
    @Test func codesAreMadeFromNames() {
        // given / when / then
        #expect(PartnerCode.make("Yayasan Citarum Lestari") == "yayasan-citarum-lestari")
        #expect(PartnerCode.make("  PT. Indofood (CSR) — Purwakarta ") == "pt-indofood-csr-purwakarta")
        #expect(PartnerCode.make("Komunitas Café Hijau") == "komunitas-cafe-hijau")
        #expect(PartnerCode.make("!!!") == "")
        #expect(PartnerCode.make(String(repeating: "abc ", count: 40)).count <= 60)
        #expect(!PartnerCode.make(String(repeating: "abc ", count: 40)).hasSuffix("-"))
    }

    @Test func kindsAreGuessedFromOldNames() {
        // given / when / then
        #expect(PartnerKind.guess(from: "Yayasan Citarum Lestari") == .lsm)
        #expect(PartnerKind.guess(from: "PT Bank Jabar Banten Tbk") == .csr)
        #expect(PartnerKind.guess(from: "Universitas Pendidikan Indonesia") == .universitas)
        #expect(PartnerKind.guess(from: "Pemuda Peduli Sungai") == .komunitas)
        #expect(PartnerKind.guess(from: "Ptolemy Hijau") == .komunitas)
    }

    @Test func agreementPeriods() throws {
        // given
        let start = try #require(LocalDate(iso: "2026-01-01"))
        // when / then
        #expect(AgreementPeriod.make(start: start, end: try #require(LocalDate(iso: "2025-12-31"))) == .failure(.endsBeforeStart))
        #expect(AgreementPeriod.make(start: start, end: try #require(LocalDate(iso: "2031-01-02"))) == .failure(.longerThanFiveYears))
        let period = try AgreementPeriod.make(start: start, end: try #require(LocalDate(iso: "2031-01-01"))).get()
        #expect(period.isActive(on: start))
        #expect(period.isActive(on: try #require(LocalDate(iso: "2031-01-01"))))
        #expect(!period.isActive(on: try #require(LocalDate(iso: "2031-01-02"))))
        #expect(!period.isActive(on: try #require(LocalDate(iso: "2025-12-31"))))
        let oneDay = try AgreementPeriod.make(start: start, end: start).get()
        #expect(oneDay.isActive(on: start))
    }

    @Test func contributionTotalsKeepMoneyAndInKindApart() {
        // given
        var totals = ContributionTotals([(.uang, 25_000_000), (.barang, 4_500_000), (.uang, 1_000_000)])
        // when
        totals.add(ContributionTotals([(.barang, 500_000)]))
        totals.add(.uang, 0, count: 2)
        // then
        #expect(totals.money == 26_000_000)
        #expect(totals.inKind == 5_000_000)
        #expect(totals.total == 31_000_000)
        #expect(totals.count == 6)
        #expect(ContributionTotals().total == 0)
    }
}
