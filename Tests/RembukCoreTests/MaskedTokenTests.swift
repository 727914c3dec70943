import Foundation
import RembukCore
import Testing

@Suite struct MaskedTokenTests {
    let secret: [UInt8] = Array(0..<16)

    @Test func everyMaskIsDifferentAndUnmasksToTheSecret() {
        // given
        var seen = Set<String>()
        for _ in 0..<100 {
            // when
            let token = MaskedToken.mask(secret, pad: MaskedToken.pad(16))
            seen.insert(token)
            // then
            #expect(token.count == 43)
            #expect(MaskedToken.unmask(token, length: 16) == secret)
        }
        #expect(seen.count == 100)
    }

    @Test(arguments: ["", "abc", String(repeating: "A", count: 42), String(repeating: "A", count: 44), String(repeating: "+", count: 43),
                      String(repeating: "=", count: 43), "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"])
    func whatIsNotAMaskedTokenOfThatLengthIsRefused(text: String) {
        // given a text of the wrong length or alphabet
        // when
        let secret = MaskedToken.unmask(text, length: 16)
        // then
        #expect(secret == nil)
    }

    @Test func anotherSecretDoesNotPass() {
        // given
        let token = MaskedToken.mask(secret, pad: MaskedToken.pad(16))
        // when
        let unmasked = MaskedToken.unmask(token, length: 16) ?? []
        // then
        #expect(MaskedToken.same(unmasked, secret))
        #expect(!MaskedToken.same(unmasked, Array(1..<17)))
        #expect(!MaskedToken.same(unmasked, Array(0..<15)))
    }

    @Test(arguments: [[], [0], [0, 1], [0, 1, 2], [255, 254, 253, 252], Array(0...255)] as [[UInt8]])
    func base64URLRoundTripsAndMatchesFoundation(bytes: [UInt8]) {
        // given
        let foundation = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        // when
        let encoded = Base64URL.encode(bytes)
        // then
        #expect(encoded == foundation)
        #expect(Base64URL.decode(encoded) == bytes)
    }
}
