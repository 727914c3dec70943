import Testing
@testable import RembukCore

@Suite struct RegionCodeTests {
    @Test(arguments: [
        ("32", RegionCode.Level.provinsi), ("32.14", .kabupaten), ("32.14.01", .kecamatan), ("32.14.01.2001", .desa),
    ])
    func levelsFromTheShape(text: String, level: RegionCode.Level) throws {
        // given / when
        let code = try #require(RegionCode(text))
        // then
        #expect(code.level == level)
    }

    @Test(arguments: ["", "3", "32.1", "32.14.1", "32.14.01.201", "32.14.01.2001.1", "32-14", "32.14.01.20a1", "00.14", "32.00", "32..01", " "])
    func rejectsMalformedCodes(text: String) {
        #expect(RegionCode(text) == nil)
    }

    @Test func parentsAncestorsAndContainment() throws {
        // given
        let desa = try #require(RegionCode("32.14.01.1001"))
        let kecamatan = try #require(RegionCode("32.14.01"))
        // when / then
        #expect(desa.parent == kecamatan)
        #expect(desa.ancestor(at: .kabupaten) == RegionCode("32.14"))
        #expect(desa.isKelurahan)
        #expect(RegionCode("32.14.01.2001")?.isKelurahan == false)
        #expect(kecamatan.contains(desa))
        #expect(!desa.contains(kecamatan))
        #expect(RegionCode("32.1")  == nil)
        #expect(!RegionCode("32.14")!.contains(RegionCode("32.140")  ?? RegionCode("32.15")!))
        #expect(RegionCode("32")!.parent == nil)
        #expect(kecamatan.ancestor(at: .desa) == nil)
    }
}

@Suite struct RegionCatalogTests {
    @Test func purwakartaHasSeventeenKecamatanAndOneNinetyTwoDesa() throws {
        // given / when
        let records = try RegionCatalog.kabupaten("32.14")
        // then
        #expect(records.filter { $0.kind == .kecamatan }.count == 17)
        #expect(records.filter { $0.kind == .desa || $0.kind == .kelurahan }.count == 192)
        #expect(records.first { $0.code.value == "32" }?.name == "Jawa Barat")
    }

    @Test(arguments: [("33.02", "Kabupaten Banyumas"), ("18.02", "Kabupaten Lampung Tengah"), ("71.72", "Kota Bitung")])
    func anyKabupatenOrKota(code: String, name: String) throws {
        // given / when
        let records = try RegionCatalog.kabupaten(code)
        // then
        let head = try #require(records.first { $0.code.value == code })
        #expect(head.name == name)
        #expect(records.contains { $0.kind == .kecamatan })
    }

    @Test func kotaIsTold() throws {
        let records = try RegionCatalog.kabupaten("71.72")
        #expect(records.first { $0.code.value == "71.72" }?.kind == .kota)
    }

    @Test(arguments: ["99.99", "32", "32.14.01", "nonsense"])
    func rejectsWhatIsNotAKnownKabupaten(code: String) {
        #expect(throws: RegionCatalog.Problem.self) { try RegionCatalog.kabupaten(code) }
    }

    @Test func quotedNamesWithCommasSurvive() throws {
        let all = try RegionCatalog.national()
        #expect(all.contains { $0.name == "Lubuk Pakam I,II" })
        #expect(all.count == 91_599)
    }

    @Test func populationOfPurwakarta() throws {
        let population = try RegionCatalog.population()
        let purwakarta = try #require(population[RegionCode("32.14")!])
        #expect(purwakarta.total > 900_000)
    }
}
