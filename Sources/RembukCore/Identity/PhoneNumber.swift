/// An Indonesian phone number, normalised to E.164 (`+6281234567890`).
/// Accepts what people write: `0812-3456-7890`, `62 812 3456 7890`, `+62 (812) 3456 7890`, `(0264) 200123`.
public struct PhoneNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `+62` followed by the national significant number.
    public let e164: String

    public enum Problem: Error, Sendable, Equatable {
        case empty
        case invalidCharacters
        case foreignNumber
        case tooShort
        case tooLong
        case invalidPrefix
    }

    public static func parse(_ raw: String) -> Result<PhoneNumber, Problem> {
        let text = raw.trimmingSpaces()
        guard !text.isEmpty else { return .failure(.empty) }
        var digits = ""
        for (offset, character) in text.enumerated() {
            switch character {
            case "0"..."9": digits.append(character)
            case " ", "-", ".", "(", ")", "\u{00A0}": continue
            case "+" where offset == 0: continue
            default: return .failure(.invalidCharacters)
            }
        }
        let national: Substring
        if text.hasPrefix("+") {
            guard digits.hasPrefix("62") else { return .failure(.foreignNumber) }
            national = digits.dropFirst(2)
        } else if digits.hasPrefix("62"), digits.count >= 10 {
            national = digits.dropFirst(2)
        } else if digits.hasPrefix("0") {
            national = digits.dropFirst()
        } else if digits.hasPrefix("8") {
            national = Substring(digits)
        } else {
            return .failure(.invalidPrefix)
        }
        guard let first = national.first, first != "0", first != "1" else { return .failure(.invalidPrefix) }
        // Mobile numbers (08xx) have 9 to 12 digits after the 0; fixed lines have an area code and 5–8 digits.
        let range = first == "8" ? 9...12 : 7...11
        if national.count < range.lowerBound { return .failure(.tooShort) }
        if national.count > range.upperBound { return .failure(.tooLong) }
        return .success(PhoneNumber(e164: "+62" + national))
    }

    private init(e164: String) { self.e164 = e164 }

    public var isMobile: Bool { e164.dropFirst(3).first == "8" }

    /// `+62812••••7890`: enough for its owner to recognise it, too little to call it.
    public var masked: String {
        let national = Array(e164.dropFirst(3))
        let hidden = max(1, national.count - 7)
        return "+62" + String(national.prefix(3)) + String(repeating: "•", count: hidden) + String(national.suffix(4))
    }

    public var description: String { masked }
}
