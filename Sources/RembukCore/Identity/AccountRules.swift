/// What an account's e-mail address and password must satisfy.
public enum AccountRules {
    public static let minimumPasswordLength = 8
    public static let maximumPasswordLength = 128
    public static let maximumNameLength = 120

    public enum PasswordProblem: Error, Sendable, Equatable {
        case tooShort, tooLong, tooCommon
    }

    static let commonPasswords: Set<String> = [
        "12345678", "123456789", "1234567890", "password", "password1", "qwertyui", "11111111",
        "00000000", "indonesia", "bismillah", "rahasia123", "sayang123", "admin123", "87654321",
    ]

    public static func checkPassword(_ password: String) -> PasswordProblem? {
        if password.count < minimumPasswordLength { return .tooShort }
        if password.count > maximumPasswordLength { return .tooLong }
        if commonPasswords.contains(password.lowercased()) { return .tooCommon }
        return nil
    }

    /// A deliberately plain check: one `@`, a dot in the domain, no spaces, sane lengths. Lower-cased.
    public static func normaliseEmail(_ raw: String) -> String? {
        let email = raw.trimmingSpaces().lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64,
              parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "," }) else {
            return nil
        }
        return email
    }

    /// Collapses runs of white space and strips control and bidirectional-override characters from a display name.
    public static func cleanName(_ raw: String) -> String {
        CleanText.line(raw)
    }
}
