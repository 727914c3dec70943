/// A Kemendagri region code `PP.KK.CC.DDDD`: province, kabupaten/kota, kecamatan, desa/kelurahan.
/// Regions are keyed on this code because names change between editions and codes do not.
public struct RegionCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let value: String

    public enum Level: String, Sendable, CaseIterable, Codable, Comparable {
        case provinsi, kabupaten, kecamatan, desa

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.depth < rhs.depth }
        public var depth: Int { Level.allCases.firstIndex(of: self)! }
    }

    static let partLengths = [2, 2, 2, 4]

    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces()
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return nil }
        for (index, part) in parts.enumerated() {
            guard part.count == Self.partLengths[index], part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        }
        guard parts.allSatisfy({ !$0.allSatisfy { $0 == "0" } }) else { return nil }
        value = trimmed
    }

    /// The kecamatan code in the first six digits of a NIK (`321401` → `32.14.01`).
    public init?(nikPrefix: String) {
        guard nikPrefix.count == 6 else { return nil }
        let c = Array(nikPrefix)
        self.init("\(c[0])\(c[1]).\(c[2])\(c[3]).\(c[4])\(c[5])")
    }

    public var parts: [Substring] { value.split(separator: ".") }

    public var level: Level { Level.allCases[parts.count - 1] }

    /// A desa part starting with 1 is a kelurahan (urban, led by a lurah); 2 is a desa.
    public var isKelurahan: Bool { level == .desa && parts[3].first == "1" }

    public var parent: RegionCode? {
        parts.count > 1 ? RegionCode(parts.dropLast().joined(separator: ".")) : nil
    }

    /// The ancestor at a level, or the code itself when it is at that level.
    public func ancestor(at level: Level) -> RegionCode? {
        guard level <= self.level else { return nil }
        return RegionCode(parts.prefix(level.depth + 1).joined(separator: "."))
    }

    /// Whether `other` is this region or lies inside it.
    public func contains(_ other: RegionCode) -> Bool {
        other.value == value || other.value.hasPrefix(value + ".")
    }

    public var description: String { value }

    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.value < rhs.value }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = RegionCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a region code: \(text)"))
        }
        self = code
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
