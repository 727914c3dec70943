import Foundation

/// What an account's e-mail address and password must satisfy.
public enum AccountRules {
    public static let minimumPasswordLength = 8
    /// bcrypt reads 72 bytes of a password and ignores the rest, so a longer one would only seem stronger.
    public static let maximumPasswordBytes = 72
    public static let maximumNameLength = 120

    public enum PasswordProblem: Error, Sendable, Equatable {
        case tooShort, tooLong, tooCommon, tooPersonal
    }

    /// Passwords people pick first, world-wide and in Indonesia; each also refused with digits or `!@#.` around it
    /// (`password123`, `123sayang`, `indonesia!`).
    static let commonPasswords: Set<String> = [
        "password", "passw0rd", "pass", "qwerty", "qwertyui", "qwertyuiop", "asdfgh", "asdfghjk", "asdfghjkl", "zxcvbnm",
        "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "iloveyou", "sunshine", "princess", "football", "monkey",
        "dragon", "master", "letmein", "welcome", "login", "admin", "administrator", "root", "user", "test", "testing",
        "secret", "changeme", "default", "superman", "batman", "starwars", "whatever", "trustno", "freedom", "shadow",
        "michael", "jennifer", "charlie", "computer", "internet", "samsung", "google", "facebook", "instagram", "whatsapp",
        "indonesia", "indo", "merdeka", "merahputih", "garuda", "pancasila", "bismillah", "alhamdulillah", "allahuakbar",
        "insyaallah", "sayang", "sayangku", "cinta", "cintaku", "aku", "akucintakamu", "kamu", "rahasia", "katasandi",
        "sandi", "kata", "jakarta", "bandung", "surabaya", "purwakarta", "karawang", "bogor", "bekasi", "depok", "semarang",
        "yogyakarta", "jogja", "medan", "makassar", "persib", "persija", "bobotoh", "jakmania", "rembuk", "musrenbang",
        "bappeda", "desa", "warga", "pemda", "kabupaten", "kecamatan", "azerty", "anjing", "kucing", "doraemon",
        "naruto", "pokemon", "mama", "papa", "ibu", "bapak", "ayah", "mamah", "bunda", "keluarga", "selamat", "sukses",
        "berhasil", "indah", "bunga", "mawar", "melati", "matahari", "bintang", "bulan", "langit", "laut", "gunung",
    ]

    /// Why `password` would not do, or nil. `personal` are the account's own name, e-mail and phone: a password made
    /// of one of them (`aisyah2026`, `nur@contoh.id`) is the first thing someone who knows the person tries.
    public static func checkPassword(_ password: String, personal: [String] = []) -> PasswordProblem? {
        if password.count < minimumPasswordLength { return .tooShort }
        if password.utf8.count > maximumPasswordBytes { return .tooLong }
        let lowered = password.lowercased()
        let core = lowered.trimmingCharacters(in: CharacterSet(charactersIn: "0123456789!@#$.,_-* "))
        if commonPasswords.contains(lowered) || commonPasswords.contains(core) || isPattern(lowered) { return .tooCommon }
        if isPersonal(lowered, core: core, personal) { return .tooPersonal }
        return nil
    }

    /// One character repeated, or a run up or down the digits or a keyboard row: `aaaaaaaa`, `12345678`, `98765432`.
    static func isPattern(_ lowered: String) -> Bool {
        let scalars = Array(lowered.unicodeScalars)
        if Set(scalars).count <= 2 { return true }
        let runs = ["0123456789", "9876543210", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc"]
        return runs.contains { $0.contains(lowered) }
    }

    static func isPersonal(_ lowered: String, core: String, _ personal: [String]) -> Bool {
        var words: [String] = []
        for field in personal {
            let value = field.lowercased()
            guard !value.isEmpty else { continue }
            words.append(value)
            // Of an e-mail, the part before the @ (the domain is everyone's: gmail, desa.id).
            let own = value.firstIndex(of: "@").map { String(value[..<$0]) } ?? value
            words.append(own)
            words += own.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            let digits = value.filter(\.isNumber)
            if digits.count >= 8 { words.append(String(digits.suffix(8))) }
        }
        // A password that is one of these (give or take digits and marks around it), or holds one of five or more letters.
        return words.contains { word in
            word.count >= 3 && (core == word || lowered == word) || word.count >= 5 && lowered.contains(word)
        }
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
