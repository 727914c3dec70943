/// Why a citizen reports a comment or an usulan to the moderators.
public enum AbuseReason: String, Sendable, CaseIterable, Codable {
    case spam
    case kasar
    case dataPribadi = "data_pribadi"
    case menyesatkan
    case lainnya

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.spam, .id): "Iklan atau spam"
        case (.spam, .en): "Advertising or spam"
        case (.kasar, .id): "Kasar, menghina, atau SARA"
        case (.kasar, .en): "Abusive, insulting or hateful"
        case (.dataPribadi, .id): "Memuat data pribadi orang lain"
        case (.dataPribadi, .en): "Contains someone's personal data"
        case (.menyesatkan, .id): "Tidak benar atau menyesatkan"
        case (.menyesatkan, .en): "False or misleading"
        case (.lainnya, .id): "Lainnya"
        case (.lainnya, .en): "Other"
        }
    }
}

/// How a person's name appears beside what they wrote in public: first name and the initial of the last,
/// so neighbours recognise each other without the full name being published ("Siti Rahmawati" → "Siti R.").
public enum PublicName {
    public static func short(_ name: String) -> String {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = words.first else { return "Warga" }
        guard words.count > 1, let initial = words.last?.first else { return String(first) }
        return "\(first) \(initial.uppercased())."
    }
}
