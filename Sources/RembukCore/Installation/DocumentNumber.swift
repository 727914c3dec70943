/// Document numbers as a regional government writes them, from a pattern Bappeda sets:
/// `050/{nomor}/BA-MUSRENBANG/{wilayah}/{tahun}` → `050/007/BA-MUSRENBANG/CITALANG/2027`.
/// `{nomor}` is the document's place in the year's series, three digits at least; `{bulan}` is the month in
/// Roman numerals, as agendas write it (XII); the rest come from the document.
public struct DocumentNumber: Sendable, Equatable {
    public enum Placeholder: String, CaseIterable, Sendable {
        case nomor, tahun, bulan, wilayah, kecamatan, opd
    }

    public enum Problem: Error, Sendable, Equatable {
        case empty, tooLong, noNumber
        case unknown(String)
        case unclosed
        case character(Character)
    }

    public static let maxLength = 120
    public static let minutesDefault = "050/{nomor}/BA-MUSRENBANG/{wilayah}/{tahun}"
    public static let certificateDefault = "{nomor}/SERT/{opd}/{bulan}/{tahun}"

    public let pattern: String

    /// A pattern checked: printable characters, every `{…}` a known placeholder, `{nomor}` present.
    public static func parse(_ raw: String) -> Result<DocumentNumber, Problem> {
        let pattern = raw.trimmingSpaces()
        guard !pattern.isEmpty else { return .failure(.empty) }
        guard pattern.count <= maxLength else { return .failure(.tooLong) }
        if let bad = pattern.first(where: { $0.isNewline || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } || "<>\"\\".contains($0) }) {
            return .failure(.character(bad))
        }
        var seen: Set<Placeholder> = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { return .failure(.unclosed) }
            let name = String(rest[rest.index(after: open)..<close])
            guard let placeholder = Placeholder(rawValue: name.lowercased()) else { return .failure(.unknown(name)) }
            seen.insert(placeholder)
            rest = rest[rest.index(after: close)...]
        }
        if rest.contains("}") { return .failure(.unclosed) }
        guard seen.contains(.nomor) else { return .failure(.noNumber) }
        return .success(DocumentNumber(pattern: pattern))
    }

    private init(pattern: String) { self.pattern = pattern }

    /// The number of one document. Names are written in capitals with spaces kept (`PASIR PANJANG`).
    public func format(number: Int, year: Int, month: Int, region: String = "", kecamatan: String = "", agency: String = "") -> String {
        var text = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            text += rest[..<open]
            let name = rest[rest.index(after: open)..<close].lowercased()
            switch Placeholder(rawValue: name) {
            case .nomor: text += number < 1000 ? String(String(number + 1000).suffix(3)) : String(number)
            case .tahun: text += String(year)
            case .bulan: text += Self.roman(month)
            case .wilayah: text += region.uppercased()
            case .kecamatan: text += kecamatan.uppercased()
            case .opd: text += agency.uppercased()
            case nil: text += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return text + rest
    }

    /// 1…12 as I…XII; anything else as its digits.
    public static func roman(_ month: Int) -> String {
        let numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
        return (1...12).contains(month) ? numerals[month - 1] : String(month)
    }
}
