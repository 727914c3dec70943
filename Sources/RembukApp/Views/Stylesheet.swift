import Foundation
import RembukCore

/// The one stylesheet, loaded once from the bundle and served with a content hash for long caching.
enum Stylesheet {
    static let css: String = {
        guard let url = Bundle.module.url(forResource: "rembuk", withExtension: "css", subdirectory: "Public"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text
    }()

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
