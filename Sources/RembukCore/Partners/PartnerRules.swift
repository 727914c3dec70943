import Foundation

/// The kinds of organisation a kabupaten works with (the brief's "Partners").
public enum PartnerKind: String, Sendable, CaseIterable, Codable {
    case lsm, csr, universitas, komunitas

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.lsm, .id): "LSM / yayasan"
        case (.lsm, .en): "NGO / foundation"
        case (.csr, .id): "Perusahaan (CSR)"
        case (.csr, .en): "Company (CSR)"
        case (.universitas, .id): "Perguruan tinggi"
        case (.universitas, .en): "University"
        case (.komunitas, .id): "Komunitas"
        case (.komunitas, .en): "Community group"
        }
    }

    /// A first guess from an organisation's name, for names entered before partners had a kind.
    public static func guess(from name: String) -> PartnerKind {
        let words = Set(name.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
        if !words.isDisjoint(with: ["pt", "tbk", "csr", "bank", "persero"]) { return .csr }
        if !words.isDisjoint(with: ["universitas", "institut", "politeknik", "sekolah", "stie", "stkip", "akademi"]) { return .universitas }
        if !words.isDisjoint(with: ["yayasan", "lsm", "perkumpulan", "lembaga"]) { return .lsm }
        return .komunitas
    }
}

/// What a partner gives: money in rupiah, or goods and services counted at an estimated value.
public enum ContributionKind: String, Sendable, CaseIterable, Codable {
    case uang, barang

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.uang, .id): "Dana"
        case (.uang, .en): "Money"
        case (.barang, .id): "Barang/jasa (nilai perkiraan)"
        case (.barang, .en): "In kind (estimated value)"
        }
    }
}

/// The stable code of a partner organisation, made from its name: `Yayasan Citarum Lestari` → `yayasan-citarum-lestari`.
public enum PartnerCode {
    public static func make(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var code = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                code.unicodeScalars.append(scalar)
            } else if !code.isEmpty, !code.hasSuffix("-") {
                code += "-"
            }
            if code.count >= 60 { break }
        }
        while code.hasSuffix("-") { code.removeLast() }
        return code
    }
}

/// The period of a partnership agreement (perjanjian kerja sama), both days included.
public struct AgreementPeriod: Sendable, Hashable {
    public let start: LocalDate
    public let end: LocalDate

    public enum Problem: Error, Sendable, Equatable {
        case endsBeforeStart
        case longerThanFiveYears
    }

    public static func make(start: LocalDate, end: LocalDate) -> Result<AgreementPeriod, Problem> {
        if end < start { return .failure(.endsBeforeStart) }
        if end.year - start.year > 5 || (end.year - start.year == 5 && (end.month, end.day) > (start.month, start.day)) {
            return .failure(.longerThanFiveYears)
        }
        return .success(AgreementPeriod(start: start, end: end))
    }

    private init(start: LocalDate, end: LocalDate) {
        self.start = start
        self.end = end
    }

    public func isActive(on day: LocalDate) -> Bool { start <= day && day <= end }
    public func contains(_ day: LocalDate) -> Bool { isActive(on: day) }
}

/// A partner's contributions added up by kind; in-kind counts at its estimated value and is never mixed into money.
public struct ContributionTotals: Sendable, Hashable {
    public private(set) var money: Int64 = 0
    public private(set) var inKind: Int64 = 0
    public private(set) var count = 0

    public init() {}

    public init(_ items: [(kind: ContributionKind, value: Int64)]) {
        for item in items { add(item.kind, item.value) }
    }

    /// Adds `count` contributions worth `value` together (one, unless summed elsewhere).
    public mutating func add(_ kind: ContributionKind, _ value: Int64, count: Int = 1) {
        switch kind {
        case .uang: money += value
        case .barang: inKind += value
        }
        self.count += count
    }

    public mutating func add(_ other: ContributionTotals) {
        money += other.money
        inKind += other.inKind
        count += other.count
    }

    public var total: Int64 { money + inKind }
}
