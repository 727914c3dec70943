/// Text as people type it, made safe to store and show: control characters, direction overrides and
/// zero-width characters removed, runs of spaces folded. Rendering escapes it; this keeps it honest and readable.
public enum CleanText {
    static let invisible: Set<Unicode.Scalar> = ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
                                                "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{200B}", "\u{FEFF}"]

    /// One line: every run of white space (line breaks included) becomes one space.
    public static func line(_ raw: String) -> String {
        if isTidyASCII(raw) { return raw }
        return strip(raw, keepingNewlines: false).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Several lines: line breaks kept, spaces within each line folded, blank ends trimmed.
    public static func paragraphs(_ raw: String) -> String {
        strip(raw, keepingNewlines: true).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }
            .joined(separator: "\n").trimmingSpaces().trimmingNewlines()
    }

    /// Printable ASCII with single spaces between words only: already clean (most cells of an imported file).
    static func isTidyASCII(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        for byte in text.utf8 {
            guard byte >= 0x20, byte < 0x7F, !(byte == 0x20 && previous == 0x20) else { return false }
            previous = byte
        }
        return previous != 0x20
    }

    static func strip(_ raw: String, keepingNewlines: Bool) -> String {
        let scalars = raw.unicodeScalars.filter { scalar in
            guard !invisible.contains(scalar) else { return false }
            if keepingNewlines, scalar == "\n" { return true }
            return scalar.properties.generalCategory != .control || (!keepingNewlines && (scalar == "\n" || scalar == "\t"))
        }
        return String(String.UnicodeScalarView(scalars))
    }
}

extension String {
    func trimmingNewlines() -> String {
        var text = Substring(self)
        while text.first?.isNewline == true { text.removeFirst() }
        while text.last?.isNewline == true { text.removeLast() }
        return String(text)
    }
}
