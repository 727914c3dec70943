import Foundation

/// A sign-in code sent to a phone (or an e-mail address): six digits, short-lived, used once, a few tries.
public enum OneTimeCode {
    public static let length = 6
    /// Long enough for an SMS to arrive on a slow network, short enough that a code read over a shoulder goes stale.
    public static let lifetime: TimeInterval = 10 * 60
    /// Wrong entries allowed for one code before it is locked (ask for a new one).
    public static let maximumAttempts = 5

    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> String {
        String((0..<length).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
    }

    /// What a person typed ("123 456", "123-456", full-width digits) as six ASCII digits, or nil.
    public static func entered(_ raw: String) -> String? {
        var digits = ""
        for scalar in raw.unicodeScalars {
            if scalar == " " || scalar == "-" || scalar == "\u{00A0}" { continue }
            guard let value = scalar.properties.numericType == .decimal ? scalar.properties.numericValue : nil else { return nil }
            digits.append(String(Int(value)))
        }
        return digits.count == length ? digits : nil
    }

    public enum Verdict: Sendable, Equatable {
        case accepted
        case wrong(remainingAttempts: Int)
        case expired
        case used
        case locked
    }

    /// Checks an entry against a code's state. `matches` compares the entry with the stored digest (constant time).
    public static func check(matches: Bool, attempts: Int, expiresAt: Date, usedAt: Date?, now: Date) -> Verdict {
        if usedAt != nil { return .used }
        if attempts >= maximumAttempts { return .locked }
        if now >= expiresAt { return .expired }
        if matches { return .accepted }
        let remaining = maximumAttempts - attempts - 1
        return remaining > 0 ? .wrong(remainingAttempts: remaining) : .locked
    }
}

/// How often codes may be asked for, per phone number and per client address, over a sliding hour.
/// Keeps a gateway bill (and a stranger's phone) from being flooded.
public struct CodeRateLimit: Sendable {
    public var perNumberPerHour = 5
    public var perAddressPerHour = 20
    /// The least time between two codes for one number.
    public var resendAfter: TimeInterval = 60

    public init() {}

    public enum Decision: Sendable, Equatable {
        case allowed
        case wait(seconds: Int)
    }

    /// `numberRequests` and `addressRequests` are the times codes were asked for within the last hour;
    /// `lastUnused` is when the newest code for the number that was not used yet was asked for (a used code
    /// needs no waiting: signing out and in again at once is fine).
    public func decide(numberRequests: [Date], addressRequests: [Date], lastUnused: Date?, now: Date) -> Decision {
        let hour: TimeInterval = 3600
        var wait: TimeInterval = 0
        if let last = lastUnused, now.timeIntervalSince(last) < resendAfter {
            wait = max(wait, resendAfter - now.timeIntervalSince(last))
        }
        for (requests, limit) in [(numberRequests, perNumberPerHour), (addressRequests, perAddressPerHour)] {
            let recent = requests.filter { now.timeIntervalSince($0) < hour }.sorted()
            if recent.count >= limit {
                // Allowed again once enough of them have left the hour.
                let freeing = recent[recent.count - limit]
                wait = max(wait, hour - now.timeIntervalSince(freeing))
            }
        }
        return wait > 0 ? .wait(seconds: Int(wait.rounded(.up))) : .allowed
    }
}

/// The code on the slip an assisted citizen takes home, to claim the account later with their own phone.
/// Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as `K7QX-3MPA`.
public enum ClaimCode {
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let characters = (0..<8).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return String(characters[0..<4]) + "-" + String(characters[4..<8])
    }

    /// What someone typed, as the canonical `XXXX-XXXX` (case, spaces and dashes forgiven); nil if it cannot be one.
    public static func normalise(_ raw: String) -> String? {
        let characters = raw.uppercased().filter { $0 != " " && $0 != "-" }
        guard characters.count == 8, characters.allSatisfy({ alphabet.contains($0) }) else { return nil }
        let text = String(characters)
        return String(text.prefix(4)) + "-" + String(text.suffix(4))
    }
}
