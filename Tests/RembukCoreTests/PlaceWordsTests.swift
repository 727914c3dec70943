import RembukCore
import Testing

@Suite struct PlaceWordsTests {
    @Test func aKotaOfKelurahanSpeaksOfKelurahan() {
        // given Kota Bitung's kinds, Purwakarta's, a kabupaten of desa only
        let kota = PlaceWords.of([.kota, .kecamatan, .kelurahan])
        let mixed = PlaceWords.of([.kabupaten, .desa, .kelurahan])
        let rural = PlaceWords.of([.kabupaten, .desa])
        // when / then
        #expect(kota.village(.id) == "kelurahan" && kota.Village(.id) == "Kelurahan" && kota.regency(.id) == "Kota")
        #expect(kota.forum(.desa, .id) == "Musrenbang Kelurahan" && kota.forum(.kabupaten, .id) == "Musrenbang Kota")
        #expect(kota.phase(.desa, .id) == "Musrenbang Kelurahan" && kota.phase(.kecamatan, .id) == "Musrenbang Kecamatan")
        #expect(kota.forum(.desa, .en) == "Urban village forum" && kota.forum(.kabupaten, .en) == "City forum")
        #expect(mixed.village(.id) == "desa/kelurahan" && mixed.forum(.desa, .id) == "Musrenbang Desa/Kelurahan" && mixed.forum(.kabupaten, .id) == "Musrenbang Kabupaten")
        #expect(rural.Village(.id) == "Desa" && rural.forum(.desa, .id) == "Musrenbang Desa")
        #expect(PlaceWords.of([]) == .general || PlaceWords.of([]).villages == .both)
    }

    @Test func oneForumIsNamedForItsOwnPlace() {
        // given a kelurahan and a desa of Purwakarta (kelurahan are numbered 1…, desa 2…)
        let kelurahan = RegionCode("32.14.01.1001")!, desa = RegionCode("32.14.01.2010")!
        // when / then
        #expect(ForumLevel.desa.name(in: "Nagri Kaler", at: kelurahan) == "Musrenbang Kelurahan Nagri Kaler")
        #expect(ForumLevel.desa.name(in: "Citalang", at: desa) == "Musrenbang Desa Citalang")
        #expect(ForumLevel.desa.name(in: "Citalang") == "Musrenbang Desa/Kelurahan Citalang")
        #expect(ForumLevel.kabupaten.name(in: "Kota Bitung", at: RegionCode("71.72")!) == "Musrenbang Kota Bitung")
    }
}
