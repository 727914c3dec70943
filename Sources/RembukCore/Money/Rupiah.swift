/// An amount of money in whole rupiah. Rupiah has no minor unit in practice, so amounts are integers.
public struct Rupiah: Sendable, Hashable, Comparable, Codable {
    public let amount: Int64

    public init(_ amount: Int64) { self.amount = amount }

    public static func < (lhs: Rupiah, rhs: Rupiah) -> Bool { lhs.amount < rhs.amount }

    /// `Rp1.500.000`, `-Rp25.000`: the form used on every page and in every printed document.
    public var formatted: String {
        let sign = amount < 0 ? "-" : ""
        return sign + "Rp" + Self.groupThousands(amount.magnitude)
    }

    /// Compact form for dashboards and cards: `Rp1,5 M`, `Rp250 jt`, `Rp12 rb`, `Rp2 T`.
    public func short(_ language: Language = .id) -> String {
        let units: [(UInt64, String, String)] = [
            (1_000_000_000_000, "T", "T"),
            (1_000_000_000, "M", "bn"),
            (1_000_000, "jt", "m"),
            (1_000, "rb", "k"),
        ]
        let sign = amount < 0 ? "-" : ""
        let value = amount.magnitude
        for (index, unit) in units.enumerated() where value >= unit.0 {
            var tenths = (value * 10 + unit.0 / 2) / unit.0
            var label = language == .id ? unit.1 : unit.2
            // Rounding can carry into the next unit (999.960.000 is Rp1 M, not Rp1.000 jt).
            if tenths >= 10_000, index > 0 {
                let bigger = units[index - 1]
                tenths = (value * 10 + bigger.0 / 2) / bigger.0
                label = language == .id ? bigger.1 : bigger.2
            }
            let whole = tenths / 10
            let fraction = tenths % 10
            let decimalMark = language == .id ? "," : "."
            let number = Self.groupThousands(whole, separator: language == .id ? "." : ",")
                + (fraction == 0 ? "" : decimalMark + String(fraction))
            return sign + "Rp" + number + " " + label
        }
        return formatted
    }

    /// Reads what people type: `1500000`, `1.500.000`, `Rp 1.500.000`, `Rp1.500.000,00`.
    /// Returns nil for anything that is not a whole number of rupiah.
    public static func parse(_ text: String) -> Rupiah? {
        var body = text.trimmingSpaces()
        var negative = false
        if body.hasPrefix("-") { negative = true; body.removeFirst() }
        if body.lowercased().hasPrefix("rp") { body.removeFirst(2) }
        body = body.trimmingSpaces()
        if body.hasSuffix(",00") || body.hasSuffix(",-") { body.removeLast(3) }
        guard !body.isEmpty, body.first != ".", body.last != "." else { return nil }
        let groups = body.split(separator: ".", omittingEmptySubsequences: false)
        if groups.count > 1 {
            // Thousands separators must be real groups of three.
            guard groups.dropFirst().allSatisfy({ $0.count == 3 }), (1...3).contains(groups[0].count) else { return nil }
        }
        let digits = groups.joined()
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 18,
              let value = Int64(digits) else { return nil }
        return Rupiah(negative ? -value : value)
    }

    public static func groupThousands(_ value: UInt64, separator: String = ".") -> String {
        let digits = String(value)
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result += separator }
            result.append(character)
        }
        return result
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
