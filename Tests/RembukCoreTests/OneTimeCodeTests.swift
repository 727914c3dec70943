import Foundation
import RembukCore
import Testing

@Suite struct OneTimeCodeTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func codesAreSixDigitsAndVary() {
        // given
        var seen = Set<String>()
        // when
        for _ in 0..<200 { seen.insert(OneTimeCode.generate()) }
        // then
        #expect(seen.allSatisfy { $0.count == 6 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        #expect(seen.count > 190)
    }

    @Test(arguments: [("123456", "123456"), ("123 456", "123456"), ("123-456", "123456"), ("１２３４５６", "123456"),
                      ("12345", nil), ("1234567", nil), ("12a456", nil), ("", nil), ("١٢٣٤٥٦", "123456")] as [(String, String?)])
    func enteredCodesAreForgivenForSpacingOnly(raw: String, expected: String?) {
        // given a code as typed; when normalised; then
        #expect(OneTimeCode.entered(raw) == expected)
    }

    @Test func checkWalksTheCodesLife() {
        // given a code valid for ten minutes
        let expires = now.addingTimeInterval(OneTimeCode.lifetime)
        // when / then
        #expect(OneTimeCode.check(matches: true, attempts: 0, expiresAt: expires, usedAt: nil, now: now) == .accepted)
        #expect(OneTimeCode.check(matches: false, attempts: 0, expiresAt: expires, usedAt: nil, now: now) == .wrong(remainingAttempts: 4))
        #expect(OneTimeCode.check(matches: false, attempts: 4, expiresAt: expires, usedAt: nil, now: now) == .locked)
        #expect(OneTimeCode.check(matches: true, attempts: 5, expiresAt: expires, usedAt: nil, now: now) == .locked)
        #expect(OneTimeCode.check(matches: true, attempts: 0, expiresAt: expires, usedAt: now, now: now) == .used)
        #expect(OneTimeCode.check(matches: true, attempts: 0, expiresAt: expires, usedAt: nil, now: expires) == .expired)
        #expect(OneTimeCode.check(matches: true, attempts: 0, expiresAt: expires, usedAt: nil, now: expires.addingTimeInterval(-1)) == .accepted)
    }

    @Test func rateLimitWaitsBetweenCodesAndCapsAnHour() {
        // given
        let limits = CodeRateLimit()
        // when / then: a second code within a minute waits for the rest of the minute
        let recent = now.addingTimeInterval(-20)
        #expect(limits.decide(numberRequests: [recent], addressRequests: [], lastUnused: recent, now: now) == .wait(seconds: 40))
        #expect(limits.decide(numberRequests: [recent], addressRequests: [], lastUnused: nil, now: now) == .allowed)
        let older = now.addingTimeInterval(-60)
        #expect(limits.decide(numberRequests: [older], addressRequests: [], lastUnused: older, now: now) == .allowed)
        // five codes for one number in the hour: the next when the oldest leaves the hour
        let five = (1...5).map { now.addingTimeInterval(Double(-600 * $0)) }
        #expect(limits.decide(numberRequests: five, addressRequests: [], lastUnused: nil, now: now) == .wait(seconds: 600))
        // twenty from one address, whatever the numbers
        let twenty = (1...20).map { now.addingTimeInterval(Double(-100 * $0)) }
        #expect(limits.decide(numberRequests: [], addressRequests: twenty, lastUnused: nil, now: now) == .wait(seconds: 1600))
        #expect(limits.decide(numberRequests: [], addressRequests: Array(twenty.prefix(19)), lastUnused: nil, now: now) == .allowed)
    }

    @Test func claimCodesAvoidLookAlikesAndForgiveTyping() {
        // given
        let code = ClaimCode.generate()
        // then
        #expect(code.count == 9 && code.dropFirst(4).first == "-")
        #expect(!code.contains { "01OIL".contains($0) })
        #expect(ClaimCode.normalise(code.lowercased().replacingOccurrences(of: "-", with: " ")) == code)
        #expect(ClaimCode.normalise("K7QX3MPA") == "K7QX-3MPA")
        #expect(ClaimCode.normalise("K7QX-3MP") == nil)
        #expect(ClaimCode.normalise("K0QX-3MPA") == nil)
    }
}
