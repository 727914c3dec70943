import Foundation
import Testing
@testable import RembukCore

struct JSONTextTests {
    @Test(arguments: ["jalan", "", "kata \"kutip\"", "garis\\miring", "baris\nbaru\tdan\r", "\u{01}\u{1f}", "dāʼan 🌾 ‮rtl"])
    func quotedTextReadsBackAsTheSameString(_ text: String) throws {
        // given
        var out = "["
        // when
        JSONText.appendQuoted(text, to: &out)
        out.append("]")
        // then
        let decoded = try JSONDecoder().decode([String].self, from: Data(out.utf8))
        #expect(decoded == [text])
    }

    @Test func plainTextIsWrittenAsItIs() {
        // given
        var out = ""
        // when
        JSONText.appendQuoted("saluran", to: &out)
        // then
        #expect(out == "\"saluran\"")
    }

    @Test func controlCharactersUseTheirShortestEscape() {
        // given
        var out = ""
        // when
        JSONText.appendQuoted("a\u{07}b\nc", to: &out)
        // then
        #expect(out == "\"a\\u0007b\\nc\"")
    }
}
