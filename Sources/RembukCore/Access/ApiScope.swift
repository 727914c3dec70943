/// What an API token may do beyond reading public data. A browser session may do everything its roles allow;
/// a token only what its scopes name, and never more than its account's roles.
public enum ApiScope: String, Sendable, CaseIterable, Codable {
    /// Send usulan and support them (a village's own app, a kiosk).
    case usulanWrite = "usulan:write"
    /// Report project progress, one project or many at once (an agency's finance system).
    case projectsReport = "projects:report"

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.usulanWrite, .id): "Mengirim dan mendukung usulan"
        case (.usulanWrite, .en): "Send and support proposals"
        case (.projectsReport, .id): "Melaporkan kemajuan proyek"
        case (.projectsReport, .en): "Report project progress"
        }
    }

    /// `usulan:write projects:report` (spaces or commas) → the scopes, ignoring unknown words; nil if none is known.
    public static func parseList(_ text: String) -> Set<ApiScope> {
        Set(text.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { ApiScope(rawValue: String($0)) })
    }

    public static func text(_ scopes: Set<ApiScope>) -> String {
        allCases.filter(scopes.contains).map(\.rawValue).joined(separator: " ")
    }
}

/// How long an API token lives: integrations are set up for a budget year, so at most a year, and at least a day.
public enum TokenLifetime {
    public static let allowedDays = 1...366
    public static let choices = [30, 90, 180, 365]
}
