import Foundation
import RembukCore

/// The privacy notice people agree to when they make an account (UU PDP No. 27/2022, Pasal 20–22: consent that is
/// explicit, recorded, and tied to the notice that was shown).
enum PrivacyNotice {
    /// Changes when the notice's substance changes; an account keeps the version it agreed to.
    static let version = "2026-12"

    static func requireConsent(_ value: String?, into errors: inout FormErrors) {
        guard value == "ya" else {
            errors.add("consent", Phrase("Centang persetujuan pemrosesan data pribadi untuk membuat akun. Isinya ada di halaman Privasi.",
                                         "Tick the consent to processing your personal data to make an account. It is explained on the Privacy page."))
            return
        }
    }

    static func record(on account: Account, at now: Date) {
        account.consentedAt = now
        account.consentVersion = version
    }
}
