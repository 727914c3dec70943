/// What a regional government prints at the head of its letters (kop surat) and shows on every page: its name as
/// it is written ("Pemerintah Kota Bitung"), the office's address and contacts. Kept by Bappeda; until it is set,
/// the name is made from the region's ("Kabupaten Purwakarta" → "Pemerintah Kabupaten Purwakarta").
public struct Letterhead: Sendable, Equatable {
    public var government: String
    public var address: String
    public var phone: String
    public var email: String
    public var website: String

    public init(government: String, address: String = "", phone: String = "", email: String = "", website: String = "") {
        self.government = government
        self.address = address
        self.phone = phone
        self.email = email
        self.website = website
    }

    /// The name a government has before Bappeda writes its own.
    public static func defaultGovernment(regionName: String) -> String { "Pemerintah " + regionName }

    /// A field that is wrong, named as the form names it.
    public enum Problem: String, Sendable, Equatable, Hashable, CaseIterable { case government, address, phone, email, website }
    public struct Problems: Error, Sendable, Equatable { public var fields: Set<Problem> }

    public static let governmentLength = 5...120
    public static let addressLength = 0...200

    /// The letterhead as typed, tidied (one line each, e-mail in lower case, the site as a normalised address), or the
    /// fields that are wrong.
    public static func check(government: String, address: String, phone: String, email: String, website: String)
        -> Result<Letterhead, Problems> {
        var problems: Set<Problem> = []
        let name = CleanText.line(government)
        if !governmentLength.contains(name.count) { problems.insert(.government) }
        let place = CleanText.line(address)
        if !addressLength.contains(place.count) { problems.insert(.address) }
        let number = CleanText.line(phone)
        if !number.isEmpty, !isOfficePhone(number) { problems.insert(.phone) }
        var mail = email.trimmingSpaces()
        if !mail.isEmpty {
            if let normalised = AccountRules.normaliseEmail(mail) { mail = normalised } else { problems.insert(.email) }
        }
        var site = website.trimmingSpaces()
        if !site.isEmpty {
            if let address = WebAddress(site) { site = address.description } else { problems.insert(.website) }
        }
        guard problems.isEmpty else { return .failure(Problems(fields: problems)) }
        return .success(Letterhead(government: name, address: place, phone: number, email: mail, website: site))
    }

    /// An office line as letterheads write it: `(0264) 200036`, `0438-21234`, `+62 264 200036`; several joined by
    /// commas or `/`. Digits with spaces, brackets, dashes, dots, a leading plus; 6 to 40 characters.
    public static func isOfficePhone(_ text: String) -> Bool {
        guard (6...40).contains(text.count), text.contains(where: \.isNumber) else { return false }
        return text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || " ()-./,+".unicodeScalars.contains($0) }
    }

    /// The contact line under the name: address, then phone, e-mail and site, each only when known.
    public var contactLine: String {
        [address, phone.isEmpty ? "" : "Telp. " + phone, email, website].filter { !$0.isEmpty }.joined(separator: " · ")
    }
}
