import Foundation
import RembukCore

/// The one stylesheet, loaded once from the bundle and served with a content hash for long caching. The file keeps
/// a rule per line for people; what is served drops the line breaks and each rule's last semicolon.
enum Stylesheet {
    static let css: String = {
        guard let url = Bundle.module.url(forResource: "rembuk", withExtension: "css", subdirectory: "Public"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return compact(text)
    }()

    static func compact(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined()
            .replacingOccurrences(of: ";}", with: "}")
    }

    static let version: String = String(KeyedDigest.sha256Hex(Array(css.utf8)).prefix(10))
}

/// Static documents served from the bundle (the OpenAPI description).
enum BundledFile {
    static func text(_ name: String, _ ext: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Public"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text
    }
}
