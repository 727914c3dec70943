/// RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends, an optional UTF-8 byte-order mark.
public enum CSV {
    public struct ParseError: Error, Sendable, Equatable {
        public let line: Int
        public let message: String
    }

    public static func parse(_ text: String, separator: Character = ",") throws(ParseError) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var afterQuote = false
        var line = 1
        var iterator = text.hasPrefix("\u{FEFF}") ? text.dropFirst().makeIterator() : Substring(text).makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let character = next() {
            if inQuotes {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { inQuotes = false; afterQuote = true; pending = following }
                    } else { inQuotes = false; afterQuote = true }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                guard field.isEmpty, !afterQuote else { throw ParseError(line: line, message: "unexpected quote") }
                inQuotes = true
            case separator:
                row.append(field); field = ""; afterQuote = false
            case "\n", "\r\n", "\r":
                row.append(field); field = ""; afterQuote = false
                rows.append(row); row = []
                line += 1
            default:
                guard !afterQuote else { throw ParseError(line: line, message: "text after a closing quote") }
                field.append(character)
            }
        }
        if inQuotes { throw ParseError(line: line, message: "unclosed quote") }
        if !field.isEmpty || !row.isEmpty || afterQuote { row.append(field); rows.append(row) }
        return rows
    }

    /// One CSV line (without line end), quoting only the fields that need it.
    public static func line(_ fields: [String], separator: Character = ",") -> String {
        fields.map { field in
            let needsQuotes = field.contains(separator) || field.contains("\"") || field.contains("\n") || field.contains("\r")
                || field.hasPrefix(" ") || field.hasSuffix(" ")
            return needsQuotes ? "\"" + field.replacingAll("\"", with: "\"\"") + "\"" : field
        }.joined(separator: String(separator))
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
