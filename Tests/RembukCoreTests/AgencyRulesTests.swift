import RembukCore
import Testing

@Suite struct AgencyRulesTests {
    @Test func keysAreMadeFromWhatPeopleCallTheAgency() {
        // given / when / then
        #expect(AgencyRules.key(from: "Dinas PUPR") == "dinas-pupr")
        #expect(AgencyRules.key(from: "  BAPPEDA  ") == "bappeda")
        #expect(AgencyRules.key(from: "Dinas Koperasi & UKM (Kota)") == "dinas-koperasi-ukm-kota")
        #expect(AgencyRules.key(from: "DP3A-KB") == "dp3a-kb")
        #expect(AgencyRules.key(from: "Dinas Pendidikan dan Kebudayaan Kota Bitung Provinsi Sulawesi Utara") == "dinas-pendidikan-dan-kebudayaan-kota-bitung-provinsi-sulawes")
        #expect(AgencyRules.key(from: "— ·") == nil)
        #expect(AgencyRules.key(from: "X") == nil)
        #expect(AgencyRules.key(from: "Baru") == nil, "a key that hides /admin/opd/baru")
        #expect(AgencyRules.key(from: "Impor") == nil)
        #expect(AgencyRules.isKey("dinas-pupr") && !AgencyRules.isKey("Dinas PUPR") && !AgencyRules.isKey("dinas--pupr") && !AgencyRules.isKey("-dlh"))
    }

    @Test func sectorsAreReadByCodeOrByTheStartOfTheirName() {
        // given / when / then
        #expect(AgencyRules.sectors("infrastruktur; perumahan") == .success([.infrastruktur, .perumahan]))
        #expect(AgencyRules.sectors("Kesehatan, Sosial / kesehatan") == .success([.kesehatan, .sosial]))
        #expect(AgencyRules.sectors("Ekonomi | lingkungan hidup") == .success([.ekonomi, .lingkungan]))
        #expect(AgencyRules.sectors("Health") == .success([.kesehatan]))
        #expect(AgencyRules.sectors("") == .success([]))
        #expect(AgencyRules.sectors("infrastruktur; pariwisata") == .failure(.unknownSector("pariwisata")))
        #expect(AgencyRules.sectors("Pe") == .failure(.unknownSector("Pe")), "too short to say which")
        #expect(AgencyRules.sectors("Per") == .failure(.unknownSector("Per")), "perumahan, pertanian and perhubungan all start so")
        #expect(AgencyRules.sectors(stored: AgencyRules.stored([.sosial, .infrastruktur])) == [.infrastruktur, .sosial])
        #expect(AgencyRules.sectors(stored: "infrastruktur,bogus") == [.infrastruktur])
    }

    @Test func activeIsYaOrTidak() {
        // given / when / then
        for yes in ["", "ya", "YA", " Aktif ", "1", "yes"] { #expect(AgencyRules.active(yes) == .success(true), "\(yes)") }
        for no in ["tidak", "Tidak", "nonaktif", "0", "no", "tidak aktif"] { #expect(AgencyRules.active(no) == .success(false), "\(no)") }
        #expect(AgencyRules.active("mungkin") == .failure(.active("mungkin")))
    }

    @Test func aFileIsCheckedRowByRowAndAgainstItself() throws {
        // given an Indonesian Excel export: semicolons, a BOM, a sector list in one quoted cell, rows that clash
        let text = "\u{FEFF}nama;singkatan;bidang;aktif;kode\n" +
            "Dinas Pekerjaan Umum dan Penataan Ruang;Dinas PUPR;\"infrastruktur; perhubungan\";ya;\n" +
            "Dinas Kesehatan;Dinkes;kesehatan;;\n" +
            "Dinas Perhubungan;Dishub;perhubungan;ya;\n" +
            "Dinas PU lama;PU;infrastruktur;tidak;dinas-pupr\n" +
            ";X;pariwisata;kadang;\n"
        let rows = try AgencyCSV.parse(Array(text.utf8)).get()
        // when
        let result = AgencyCSV.entries(rows)
        // then every wrong line is named with all that is wrong on it
        guard case let .failure(refusal) = result else { Issue.record("accepted \(result)"); return }
        let lines = refusal.lines
        #expect(lines.map(\.line) == [4, 5, 6])
        #expect(lines[0].problems == [.sectorTwice(.perhubungan, firstLine: 2)])
        #expect(lines[1].problems == [.duplicateKey("dinas-pupr", firstLine: 2)], "an inactive row may repeat a sector, not a key")
        #expect(lines[2].problems == [.rule(.name), .rule(.shortName), .rule(.unknownSector("pariwisata")), .rule(.active("kadang"))])
    }

    @Test func goodRowsBecomeEntries() throws {
        // given
        let text = "kode,nama,singkatan,bidang\n,Dinas Kesehatan,Dinkes,kesehatan\nbappeda-bitung,Badan Perencanaan Pembangunan Daerah,Bappeda,\n"
        // when
        let entries = try AgencyCSV.entries(try AgencyCSV.parse(Array(text.utf8)).get()).get()
        // then
        #expect(entries == [
            .init(line: 2, key: "dinkes", name: "Dinas Kesehatan", shortName: "Dinkes", sectors: [.kesehatan], active: true),
            .init(line: 3, key: "bappeda-bitung", name: "Badan Perencanaan Pembangunan Daerah", shortName: "Bappeda", sectors: [], active: true),
        ])
        #expect(AgencyCSV.parse(Array("nama\nDinas\n".utf8)) == .failure(.missingColumns(["singkatan"])))
        #expect(AgencyCSV.parse(Array("nama,singkatan,alamat\n".utf8)) == .failure(.unknownColumns(["alamat"])))
    }
}
