/// A web address someone typed (a partner's site), kept only as a normalised `http(s)://host/path…` made of the
/// characters a URL may carry: scheme and host in lower case, no user name or password, a port only as digits, and a
/// path, query and fragment of unreserved, sub-delimiter and percent-encoded characters. Quotes, angle brackets,
/// backslashes, spaces and control characters are refused rather than encoded, so the stored text is safe anywhere.
public struct WebAddress: Sendable, Hashable, CustomStringConvertible {
    public let description: String

    public static let maxLength = 200

    public init?(_ raw: String) {
        let text = raw.trimmingSpaces()
        guard !text.isEmpty, text.utf8.count <= Self.maxLength else { return nil }
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let scheme = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = bytes[(colon + 1)...]
        guard rest.starts(with: Array("//".utf8)) else { return nil }
        let afterSlashes = rest.dropFirst(2)
        let authorityEnd = afterSlashes.firstIndex { [UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#")].contains($0) } ?? afterSlashes.endIndex
        let authority = afterSlashes[afterSlashes.startIndex..<authorityEnd]
        let tail = afterSlashes[authorityEnd...]
        guard let host = Self.host(authority) else { return nil }
        guard tail.allSatisfy(Self.isPathByte) else { return nil }
        let path = tail.isEmpty ? "/" : String(decoding: tail, as: UTF8.self)
        description = scheme + "://" + host + path
    }

    /// `host` or `host:port`, host names of letters, digits and hyphens in dot-separated labels (at least two).
    private static func host(_ authority: ArraySlice<UInt8>) -> String? {
        guard !authority.isEmpty, !authority.contains(UInt8(ascii: "@")) else { return nil }
        var name = authority
        var port = ""
        if let colon = authority.lastIndex(of: UInt8(ascii: ":")) {
            let digits = authority[(colon + 1)...]
            guard (1...5).contains(digits.count), digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
                  let number = Int(String(decoding: digits, as: UTF8.self)), (1...65535).contains(number) else { return nil }
            port = ":" + String(number)
            name = authority[..<colon]
        }
        let lowered = String(decoding: name, as: UTF8.self).lowercased()
        let labels = lowered.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, lowered.utf8.count <= 253 else { return nil }
        for label in labels {
            guard (1...63).contains(label.utf8.count), label.first != "-", label.last != "-",
                  label.utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") })
            else { return nil }
        }
        guard labels.last!.utf8.contains(where: { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }) else { return nil }
        return lowered + port
    }

    /// RFC 3986 path, query and fragment characters: unreserved, sub-delimiters, `:@/?#` and `%`.
    private static func isPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: Array("-._~!$&()*+,;=:@/?#%".utf8).contains(byte)
        }
    }
}
