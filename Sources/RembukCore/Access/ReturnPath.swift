/// Where a page may send a person back to after signing in or switching language: a path on this site only.
///
/// A browser parses a `Location` the WHATWG way: it first drops every TAB, CR and LF anywhere in it and trims C0
/// controls and spaces at either end, and it reads `\` as `/`. So `/\tx/evil.example`, `/\\evil.example` and ` //evil`
/// all become `//evil.example`, another site. Rather than guess what a browser will strip, only a path made of
/// printable ASCII without `\` is taken, and it must start with exactly one `/`. Anything else gives the fallback.
public enum ReturnPath {
    public static let maxLength = 512

    public static func safe(_ candidate: String?, fallback: String = "/") -> String {
        guard let candidate, isSameOrigin(candidate) else { return fallback }
        return candidate
    }

    public static func isSameOrigin(_ candidate: String) -> Bool {
        let bytes = Array(candidate.utf8)
        guard bytes.count < maxLength, bytes.first == UInt8(ascii: "/") else { return false }
        if bytes.count > 1, bytes[1] == UInt8(ascii: "/") { return false }
        // Printable ASCII only: no space, no control character, no DEL, nothing outside ASCII; and no backslash.
        return bytes.allSatisfy { (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\\") }
    }
}
