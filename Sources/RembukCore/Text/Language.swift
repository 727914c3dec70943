/// The interface languages. Indonesian is the default; English is the second language.
public enum Language: String, Sendable, CaseIterable, Codable {
    case id
    case en

    /// Picks a language from an `Accept-Language` header, honouring q-values; Indonesian when nothing matches.
    public static func negotiate(acceptLanguage header: String?) -> Language {
        guard let header, !header.isEmpty else { return .id }
        var best: (Language, Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingSpaces() }
            guard let tag = pieces.first?.lowercased() else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            let language: Language? = switch primary {
            case "id", "in", "ms": .id   // "in" is the legacy code; Malay readers read Indonesian best
            case "en": .en
            default: nil
            }
            guard let language, quality > 0 else { continue }
            if best == nil || quality > best!.1 { best = (language, quality) }
        }
        return best?.0 ?? .id
    }
}

extension Substring {
    func trimmingSpaces() -> String { String(self).trimmingSpaces() }
}
