/// Nomor Induk Kependudukan: 16 digits = kecamatan code (6), birth date DDMMYY (day + 40 for women), serial (4).
/// Rembuk keeps only a masked form and a keyed digest; the whole number is never stored, shown or logged.
public struct NIK: Sendable, Hashable {
    public let digits: String
    public let kecamatan: RegionCode
    public let birthDate: LocalDate
    public let isFemale: Bool

    public enum Problem: Error, Sendable, Equatable {
        case notSixteenDigits
        case unknownRegion
        case invalidBirthDate
        case zeroSerial
    }

    /// - Parameters:
    ///   - isKnownKecamatan: answers whether a kecamatan code exists in the national region list.
    ///   - today: decides the century of the two-digit birth year (a year after today's is last century).
    public static func parse(
        _ raw: String, today: LocalDate, isKnownKecamatan: (RegionCode) -> Bool
    ) -> Result<NIK, Problem> {
        let digits = raw.filter { $0 != " " && $0 != "." && $0 != "-" }
        guard digits.count == 16, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return .failure(.notSixteenDigits)
        }
        let chars = Array(digits)
        func number(_ range: Range<Int>) -> Int { Int(String(chars[range]))! }
        guard let kecamatan = RegionCode(nikPrefix: String(chars[0..<6])), isKnownKecamatan(kecamatan) else {
            return .failure(.unknownRegion)
        }
        var day = number(6..<8)
        let isFemale = day > 40
        if isFemale { day -= 40 }
        let shortYear = number(10..<12)
        let year = shortYear <= today.year % 100 ? today.year / 100 * 100 + shortYear : (today.year / 100 - 1) * 100 + shortYear
        guard let birthDate = LocalDate(year: year, month: number(8..<10), day: day), birthDate <= today else {
            return .failure(.invalidBirthDate)
        }
        guard number(12..<16) != 0 else { return .failure(.zeroSerial) }
        return .success(NIK(digits: digits, kecamatan: kecamatan, birthDate: birthDate, isFemale: isFemale))
    }

    /// `••••••••••••0001`
    public var masked: String { Self.mask(digits) }

    /// The last four digits only, `••••••••••••0001`: the first twelve are the region and the birth date, which
    /// anyone who knows the person (or the kabupaten) can mostly guess, so showing them would narrow a guess to a
    /// few million candidates.
    public static func mask(_ digits: String) -> String {
        String(repeating: "•", count: 12) + String(digits.suffix(4))
    }
}
