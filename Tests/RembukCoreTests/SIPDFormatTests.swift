import Testing
@testable import RembukCore

@Suite struct SIPDFormatTests {
    @Test func headersAreFoundInAnyCaseAndOrder() {
        // given
        let header = ["no", "id usulan", "TGL USUL", "Usulan", "Urusan", "Kec", "Kel", "Volume", "Satuan", "Anggaran"]
        // when
        let (map, missing) = SIPDFormat.columns(of: header)
        // then
        #expect(missing.isEmpty)
        #expect(map[.id] == 1 && map[.budget] == 9)
        #expect(SIPDFormat.columns(of: ["ID Usulan", "Usulan"]).missing.contains(.budget))
    }

    @Test func urusanRoundTripsToBidang() {
        for bidang in Bidang.allCases {
            #expect(SIPDFormat.bidang(urusan: SIPDFormat.urusan(bidang)) == bidang)
            #expect(SIPDFormat.bidang(urusan: bidang.rawValue) == bidang)
        }
        #expect(SIPDFormat.bidang(urusan: "1.03 Pekerjaan Umum dan Penataan Ruang") == .infrastruktur)
        #expect(SIPDFormat.bidang(urusan: "Pariwisata") == nil)
    }

    @Test func datesNumbersAndPlacesAreReadAsSIPDWritesThem() {
        #expect(SIPDFormat.date("23/11/2026") == LocalDate(year: 2026, month: 11, day: 23))
        #expect(SIPDFormat.date("2026-11-23 10:15:00") == LocalDate(year: 2026, month: 11, day: 23))
        #expect(SIPDFormat.date("31/02/2026") == nil)
        #expect(SIPDFormat.volume("2,5") == 2.5)
        #expect(SIPDFormat.volume("1.250") == 1250)
        #expect(SIPDFormat.volume("2.5") == 2.5)
        #expect(SIPDFormat.volume("abc") == nil)
        #expect(SIPDFormat.amount("Rp 135.000.000,00") == 135_000_000)
        #expect(SIPDFormat.amount("135000000.00") == 135_000_000)
        #expect(SIPDFormat.amount("135.00.000") == nil)
        #expect(SIPDFormat.placeKey("KECAMATAN  Purwakarta") == "purwakarta")
        #expect(SIPDFormat.placeKey("Desa Citalang") == SIPDFormat.placeKey("CITALANG"))
        #expect(SIPDFormat.placeKey("Kab. Purwakarta") == "purwakarta")
        #expect(SIPDFormat.placeKey("Kota") == "kota")
    }
}
