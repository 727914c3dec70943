import Foundation

/// The government's logo (lambang daerah) as Bappeda uploads it: a PNG, or an SVG drawing with nothing in it a
/// browser could run or fetch. The check reads the bytes, not the name: an SVG may carry script, event handlers,
/// embedded HTML or links to other sites, and any of those refuses the file whole (nothing is rewritten).
/// Logos are also served with a sandboxing Content-Security-Policy and shown through `<img>`: a second wall.
public enum LogoImage {
    public enum Kind: String, Sendable { case png, svg
        public var mediaType: String { self == .png ? "image/png" : "image/svg+xml" }
        public var fileExtension: String { rawValue }
    }

    public enum Problem: Error, Sendable, Equatable {
        case empty, tooLarge, notALogo, pixels
        /// The SVG holds something that could run or fetch: the word found.
        case active(String)
    }

    public static let maxBytes = 512 * 1024
    public static let maxSide = 4_000

    public static func check(_ bytes: [UInt8]) -> Result<Kind, Problem> {
        guard !bytes.isEmpty else { return .failure(.empty) }
        guard bytes.count <= maxBytes else { return .failure(.tooLarge) }
        if FileKind.sniff(bytes) == .png {
            guard let size = ImageSize.of(bytes, kind: .png), size.width <= maxSide, size.height <= maxSide else { return .failure(.pixels) }
            return .success(.png)
        }
        if let found = activeContent(bytes) { return .failure(.active(found)) }
        guard isSVG(bytes) else { return .failure(.notALogo) }
        return .success(.svg)
    }

    /// UTF-8 text whose first element, after an XML declaration, comments and white space, is `<svg`.
    static func isSVG(_ bytes: [UInt8]) -> Bool {
        guard let text = String(validating: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self) else {
            return false
        }
        var rest = Substring(text)
        while true {
            rest = rest.drop(while: \.isWhitespace)
            if rest.hasPrefix("<?xml"), let end = rest.range(of: "?>") { rest = rest[end.upperBound...]; continue }
            if rest.hasPrefix("<!--"), let end = rest.range(of: "-->") { rest = rest[end.upperBound...]; continue }
            // Illustrator writes `<!DOCTYPE svg PUBLIC …>`; an internal subset (`[`, entities) is refused later.
            if rest.lowercased().hasPrefix("<!doctype"), let end = rest.firstIndex(of: ">") { rest = rest[rest.index(after: end)...]; continue }
            break
        }
        return rest.lowercased().hasPrefix("<svg")
    }

    /// What an SVG must not hold, lower-cased: elements that run script, embed documents or animate attributes, entity declarations,
    /// event attributes (`onload=`), script addresses, style imports, and links anywhere but inside the drawing
    /// (`href="#a"`) or to an embedded PNG/JPEG (`data:image/png;base64,…`).
    static func activeContent(_ bytes: [UInt8]) -> String? {
        let folded = ByteSearch.asciiLowercased(bytes)
        let words = ["<script", "<foreignobject", "<iframe", "<embed", "<object", "<!entity", "<handler", "<listener",
                     "javascript:", "vbscript:", "@import", "<set", "<animate"]
        if let found = words.first(where: { ByteSearch.first(Array($0.utf8), in: folded) != nil }) { return found }
        let text = String(decoding: folded, as: UTF8.self)
        if let handler = eventAttribute(text) { return handler }
        for link in linkValues(text) where !link.isEmpty && !link.hasPrefix("#") && !link.hasPrefix("data:image/png") && !link.hasPrefix("data:image/jpeg") {
            return link.count > 40 ? String(link.prefix(40)) + "…" : link
        }
        return nil
    }

    /// `onload=`, `onclick =` and the like: an attribute whose name starts with `on` after a space, tab, newline or `/`.
    static func eventAttribute(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var index = 1
        while index + 2 < scalars.count {
            if scalars[index] == "o", scalars[index + 1] == "n", [" ", "\t", "\n", "\r", "/"].contains(scalars[index - 1]) {
                var end = index + 2
                while end < scalars.count, ("a"..."z").contains(scalars[end]) { end += 1 }
                var after = end
                while after < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[after]) { after += 1 }
                if end > index + 2, after < scalars.count, scalars[after] == "=" {
                    return String(String.UnicodeScalarView(scalars[index..<end])) + "="
                }
            }
            index += 1
        }
        return nil
    }

    /// The values of every `href=` and `xlink:href=` attribute and every `url(…)` in styles, lower-cased, quotes and
    /// spaces taken off.
    static func linkValues(_ text: String) -> [String] {
        var values: [String] = []
        for marker in ["href", "url("] {
            var rest = Substring(text)
            while let found = rest.range(of: marker) {
                var after = rest[found.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
                if marker == "href" {
                    guard after.first == "=" else { rest = after; continue }
                    after = after.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
                }
                let quote = after.first.flatMap { $0 == "\"" || $0 == "'" ? $0 : nil }
                if quote != nil { after = after.dropFirst() }
                let end = after.firstIndex { character in
                    if let quote { return character == quote }
                    return character == " " || character == ">" || character == ")"
                } ?? after.endIndex
                values.append(after[..<end].trimmingCharacters(in: .whitespacesAndNewlines))
                rest = after[end...]
            }
        }
        return values
    }
}
