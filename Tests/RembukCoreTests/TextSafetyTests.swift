import Testing
@testable import RembukCore

@Suite struct PublicNameTests {
    @Test func namesAreShortenedToFirstNameAndInitial() {
        #expect(PublicName.short("Siti Rahmawati") == "Siti R.")
        #expect(PublicName.short("  Asep  ") == "Asep")
        #expect(PublicName.short("Dewi Sartika binti ahmad") == "Dewi A.")
        #expect(PublicName.short("") == "Warga")
    }
}

@Suite struct SpreadsheetSafetyTests {
    @Test func formulasTypedByThePublicAreShownNotRun() {
        #expect(SpreadsheetSafety.neutralise("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")")
        #expect(SpreadsheetSafety.neutralise("@SUM(A1)") == "'@SUM(A1)")
        #expect(SpreadsheetSafety.neutralise("+62 812") == "'+62 812")
        #expect(SpreadsheetSafety.neutralise("-6,5569") == "-6,5569")
        #expect(SpreadsheetSafety.neutralise("Jalan rusak") == "Jalan rusak")
        #expect(SpreadsheetSafety.neutralise("") == "")
    }
}
