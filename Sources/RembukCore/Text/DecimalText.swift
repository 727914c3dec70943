/// A measured quantity as written in a form or a spreadsheet: whole numbers without decimals (`300`),
/// others with a decimal comma (`2,5`) unless told otherwise. No thousands separators.
public enum DecimalText {
    public static func plain(_ value: Double, separator: String = ",") -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value).replacingOccurrences(of: ".", with: separator)
    }

    /// The volume of an usulan as typed (`500`, `2,5`, `2.5`): above 0 and at most a million, else nil.
    public static func volume(_ text: String) -> Double? {
        let body = text.trimmingSpaces().replacingAll(",", with: ".")
        guard let value = Double(body), value.isFinite, value > 0, value <= 1_000_000 else { return nil }
        return value
    }
}
