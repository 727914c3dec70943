import Testing
@testable import RembukCore

@Suite struct AccountRulesTests {
    @Test(arguments: ["password123", "Password!", "123sayang", "indonesia2026", "qwertyuiop", "aaaaaaaaaa", "abababab",
                      "87654321", "Bismillah99", "purwakarta.1"])
    func commonPasswordsAreRefused(_ password: String) {
        // given a password people pick first // when checked // then
        #expect(AccountRules.checkPassword(password) == .tooCommon)
    }

    @Test(arguments: ["nur@contoh.id", "nur@contoh.id1", "aisyah2026", "NurAisyah!", "81322223333", "nur-aisyah"])
    func passwordsMadeOfTheAccountsOwnDetailsAreRefused(_ password: String) {
        // given the account's name, e-mail and phone // when // then
        #expect(AccountRules.checkPassword(password, personal: ["Nur Aisyah", "nur@contoh.id", "81322223333"]) == .tooPersonal)
    }

    @Test func bcryptsSeventyTwoBytesAreTheLimit() {
        // given passwords of 72 and 73 bytes, and one of 30 letters with accents (2 bytes each) // when // then
        #expect(AccountRules.checkPassword("kopi-tubruk-" + String(repeating: "x", count: 60)) == nil)
        #expect(AccountRules.checkPassword("kopi-tubruk-" + String(repeating: "x", count: 61)) == .tooLong)
        #expect(AccountRules.checkPassword(String(repeating: "é", count: 37)) == .tooLong)
    }

    @Test(arguments: ["kopi-tubruk-2026", "sawah hijau di lereng", "Ciganea-Jatiluhur-88", "kata-sandi-rina-2026", "contoh-sawah-2026"])
    func ordinaryGoodPasswordsPass(_ password: String) {
        // given a password of a few unrelated words // when // then
        #expect(AccountRules.checkPassword(password, personal: ["Nur Aisyah", "nur@contoh.id", "81322223333"]) == nil)
    }
}
