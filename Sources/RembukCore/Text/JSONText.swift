/// JSON text written by hand where an encoder would cost more than the data (the rows of a bulk load, handed to
/// the database as one JSON value).
public enum JSONText {
    /// `text` as a JSON string literal, quotes included, appended to `out`: `"`, `\` and control characters
    /// escaped, everything else (any Unicode) as it is.
    public static func appendQuoted(_ text: String, to out: inout String) {
        out.append("\"")
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out.append(text)
            out.append("\"")
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case _ where scalar.value < 0x20:
                out.append("\\u00")
                out.append(Hex.lowercase([UInt8(scalar.value)]))
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }
}
