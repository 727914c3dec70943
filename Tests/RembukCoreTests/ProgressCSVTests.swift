import RembukCore
import Testing

@Suite struct ProgressCSVTests {
    @Test func headerInAnyOrderWithSemicolonsAndABOM() throws {
        // given Excel's Indonesian CSV: a BOM, semicolons, columns reordered, blank lines
        let text = "\u{FEFF}Catatan;kode;tanggal;realisasi_rp;fisik_persen\n\"Pengecoran; tahap dua\";P-1A2B3C4D;23/11/2026;150.000.000;45,5\n\n"
        // when
        let rows = try ProgressCSV.parse(Array(text.utf8)).get()
        // then
        #expect(rows.count == 1)
        #expect(rows[0].line == 2 && rows[0][.kode] == "P-1A2B3C4D" && rows[0][.catatan] == "Pengecoran; tahap dua")
        #expect(rows[0][.fisikPersen] == "45,5" && rows[0][.kendala] == "")
    }

    @Test func wrongFilesAreNamed() {
        // given / when / then
        #expect(ProgressCSV.parse(Array("kode,tanggal\n".utf8)) == .failure(.missingColumns(["fisik_persen", "realisasi_rp", "catatan"])))
        #expect(ProgressCSV.parse(Array("kode,tanggal,fisik_persen,realisasi_rp,catatan,warna\n".utf8)) == .failure(.unknownColumns(["warna"])))
        #expect(ProgressCSV.parse(Array(ProgressCSV.header.utf8)) == .failure(.noRows))
        #expect(ProgressCSV.parse([]) == .failure(.encoding(.empty)))
        #expect(ProgressCSV.parse([0xFF, 0xFE, 0x6B, 0x00]) == .failure(.encoding(.utf16)))
        #expect(ProgressCSV.parse([0x6B, 0x00, 0x6F, 0x00, 0x64, 0x00]) == .failure(.encoding(.utf16)))
        #expect(ProgressCSV.parse([0x50, 0x4B, 0x03, 0x04, 0x14]) == .failure(.encoding(.workbook)))
        #expect(ProgressCSV.parse([0xD0, 0xCF, 0x11, 0xE0, 0xA1]) == .failure(.encoding(.workbook)))
        #expect(ProgressCSV.parse([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07]) == .failure(.encoding(.binary)))
    }

    @Test func windows1252IsReadAsPeopleTypedIt() throws {
        // given "Café" in Windows-1252 (é = 0xE9)
        let bytes = Array("kode,tanggal,fisik_persen,realisasi_rp,catatan\nP-1,2026-11-23,1,0,Caf".utf8) + [0xE9]
        // when
        let rows = try ProgressCSV.parse(bytes).get()
        // then
        #expect(rows[0][.catatan] == "Café")
    }

    @Test func scopesParseAndPrintInOneOrder() {
        // given / when / then
        #expect(ApiScope.parseList("projects:report, usulan:write admin:all") == [.usulanWrite, .projectsReport])
        #expect(ApiScope.text([.projectsReport, .usulanWrite]) == "usulan:write projects:report")
        #expect(ApiScope.parseList("").isEmpty)
    }
}
