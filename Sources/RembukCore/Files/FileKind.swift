import Crypto
import Foundation

/// The kinds of file people may attach, recognised by their first bytes (never by name or declared type):
/// a renamed script or a text file called `foto.jpg` is refused.
public enum FileKind: String, Sendable, CaseIterable, Codable {
    case jpeg, png, gif, webp, pdf

    public var mediaType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .gif: "image/gif"
        case .webp: "image/webp"
        case .pdf: "application/pdf"
        }
    }

    public var isImage: Bool { self != .pdf }

    public init?(mediaType: String) {
        guard let kind = FileKind.allCases.first(where: { $0.mediaType == mediaType }) else { return nil }
        self = kind
    }

    /// What the bytes are, from their signature; nil for anything else.
    public static func sniff<Bytes: Collection>(_ bytes: Bytes) -> FileKind? where Bytes.Element == UInt8 {
        let head = Array(bytes.prefix(12))
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + signature.count && Array(head[offset..<offset + signature.count]) == signature
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        return nil
    }

    /// Why a file whose signature is accepted is still refused: it carries markup or script a browser or a PDF
    /// reader could run (a GIF or PDF that is also an HTML page — a polyglot —, a PDF with JavaScript, an embedded
    /// file or a launch action). Nil for a plain photo or document. Rembuk serves files with their own type and
    /// `nosniff`, so this is a second wall: such a file has no business in a planning archive.
    public static func hazard<Bytes: Collection>(_ bytes: Bytes, kind: FileKind) -> String? where Bytes.Element == UInt8 {
        let data = Array(bytes)
        let folded = ByteSearch.asciiLowercased(data)   // for the markup words
        if let found = markup.first(where: { ByteSearch.first($0.bytes, in: folded) != nil }) { return found.word }
        if kind == .pdf {
            let names = Self.pdfNames(data)
            if let found = Self.pdfActions.first(where: names.contains) { return "/" + found }
        }
        return nil
    }

    private static let markup = ["<script", "<html", "<svg", "<iframe", "<!doctype", "javascript:", "<body", "onload="]
        .map { (word: $0, bytes: Array($0.utf8)) }

    /// PDF names that make a reader run or open something.
    static let pdfActions = ["JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "SubmitForm", "ImportData"]

    /// Every name token of a PDF (`/Name`), with `#xx` escapes decoded: `/J#61vaScript` is `/JavaScript` to a reader,
    /// so it is to this check too. (Names inside compressed object streams are not read: PDFs are served sandboxed.)
    static func pdfNames(_ data: [UInt8]) -> Set<String> {
        let delimiters: Set<UInt8> = Set(" \t\r\n\u{0C}\u{00}/[]<>(){}%".utf8)
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 48...57: byte - 48
            case 65...70: byte - 55
            case 97...102: byte - 87
            default: nil
            }
        }
        var names: Set<String> = []
        var i = 0
        let slash = [UInt8(ascii: "/")]
        while let found = ByteSearch.first(slash, in: data, from: i) {
            var name: [UInt8] = []
            i = found + 1
            while i < data.count, !delimiters.contains(data[i]) {
                if data[i] == UInt8(ascii: "#"), i + 2 < data.count, let high = hex(data[i + 1]), let low = hex(data[i + 2]) {
                    name.append(high << 4 | low)
                    i += 3
                } else {
                    name.append(data[i])
                    i += 1
                }
            }
            if !name.isEmpty, name.count <= 64 { names.insert(String(decoding: name, as: UTF8.self)) }
        }
        return names
    }

    /// The accept list for a file input.
    public static var acceptList: String { allCases.map(\.mediaType).joined(separator: ",") }
}

/// A file name as shown and offered for download: no path, no control or quoting characters, at most
/// 100 characters, never empty.
public enum FileName {
    public static func clean(_ raw: String, kind: FileKind) -> String {
        let base = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = base.unicodeScalars.filter { scalar in
            !(scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format)
                && !"\"<>:*?|;".unicodeScalars.contains(scalar)
        }
        var name = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespacesAndNewlines)
        while name.hasPrefix(".") { name.removeFirst() }
        if name.count > 100 { name = String(name.suffix(100)) }
        return name.isEmpty ? "lampiran.\(kind == .jpeg ? "jpg" : kind.rawValue)" : name
    }
}

/// Content addresses: the lowercase hex SHA-256 of a file's bytes.
public enum ContentAddress {
    public static func sha256<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        Hex.lowercase(SHA256.hash(data: Array(bytes)))
    }

    public static func isValid(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}

/// Sizes as people read them: `820 KB`, `4,8 MB`.
public enum ByteSize {
    public static func text(_ bytes: Int) -> String {
        if bytes < 1024 * 1024 { return "\(max(1, (bytes + 1023) / 1024)) KB" }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10),\(tenths % 10) MB"
    }
}
