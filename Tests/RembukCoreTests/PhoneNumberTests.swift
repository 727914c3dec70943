import Testing
@testable import RembukCore

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("0812-3456-7890", "+6281234567890"), ("+62 812 3456 7890", "+6281234567890"),
        ("62 812 3456 7890", "+6281234567890"), ("81234567890", "+6281234567890"),
        ("(0264) 200123", "+62264200123"), ("+62 (812) 3456-7890", "+6281234567890"), ("0811 123 456", "+62811123456"),
    ])
    func normalisesToPlus62(raw: String, expected: String) throws {
        // given / when
        let phone = try PhoneNumber.parse(raw).get()
        // then
        #expect(phone.e164 == expected)
    }

    @Test(arguments: [
        ("", PhoneNumber.Problem.empty), ("0812-abc", .invalidCharacters), ("+1 415 555 0100", .foreignNumber),
        ("0812345", .tooShort), ("08123456789012", .tooLong), ("0012345678", .invalidPrefix), ("12345678", .invalidPrefix),
        ("0812+3456", .invalidCharacters),
    ])
    func rejectsWithAReason(raw: String, problem: PhoneNumber.Problem) {
        // given / when
        let result = PhoneNumber.parse(raw)
        // then
        #expect(throws: problem) { try result.get() }
    }

    @Test func masksTheMiddle() throws {
        // given
        let phone = try PhoneNumber.parse("081234567890").get()
        // when / then
        #expect(phone.masked == "+62812••••7890")
        #expect(phone.description == phone.masked)
        #expect(phone.isMobile)
    }
}
