import Foundation

extension JSONEncoder {
    /// How Rembuk writes JSON for people and programs: ISO 8601 dates, sorted keys, `/` left unescaped.
    static var rembuk: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
