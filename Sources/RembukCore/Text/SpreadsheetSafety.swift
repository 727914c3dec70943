/// A cell that begins with `=`, `+`, `-` or `@` is run as a formula by spreadsheet programs; text typed by
/// the public is prefixed with an apostrophe so it is shown, not run (numbers are left alone).
public enum SpreadsheetSafety {
    public static func neutralise(_ field: String) -> String {
        guard let first = field.first, "=+-@\t\r".contains(first) else { return field }
        if Double(field.replacingOccurrences(of: ",", with: ".")) != nil { return field }
        return "'" + field
    }
}
