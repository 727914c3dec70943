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
