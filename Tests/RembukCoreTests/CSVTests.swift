import Testing
@testable import RembukCore

struct CSVTests {
    @Test func readsQuotedFieldsDoubledQuotesAndEveryLineEnd() throws {
        // given
        let text = "\u{FEFF}ID;Usulan;Catatan\r\n1;\"Jalan \"\"Mawar\"\"; RT 03\";\"dua\nbaris\"\n2;Sumur bor;\r3;;ā 🌾"
        // when
        let rows = try CSV.parse(text, separator: ";")
        // then
        #expect(rows == [["ID", "Usulan", "Catatan"], ["1", "Jalan \"Mawar\"; RT 03", "dua\nbaris"], ["2", "Sumur bor", ""], ["3", "", "ā 🌾"]])
    }

    @Test func aLastLineWithoutLineEndAndAnEmptyQuotedFieldCount() throws {
        // given / when
        let rows = try CSV.parse("a,\"\"\nb,c")
        // then
        #expect(rows == [["a", ""], ["b", "c"]])
    }

    @Test func nothingGivesNoRows() throws {
        // given / when / then
        #expect(try CSV.parse("") == [])
        #expect(try CSV.parse("\u{FEFF}") == [])
    }

    @Test(arguments: [
        ("a,b\nc,\"d\nx\ny", 4, "unclosed quote"),
        ("a,b\n\"c\"d,e", 2, "text after a closing quote"),
        ("a,b\n\"x\ny\"\nc\"d\",e", 4, "unexpected quote"),
    ])
    func brokenFilesNameTheLine(_ text: String, _ line: Int, _ message: String) {
        // given / when / then
        #expect(throws: CSV.ParseError(line: line, message: message)) { try CSV.parse(text) }
    }

    @Test func linesWrittenAreReadBack() throws {
        // given
        let rows = [["Jl. \"Baru\", RT 1", " spasi ", "baris\nbaru", "biasa"], ["line\r\nbreak", "", "b,c"]]
        // when
        let parsed = try CSV.parse(rows.map { CSV.line($0) }.joined(separator: "\r\n") + "\r\n")
        // then
        #expect(parsed == rows)
    }
}
