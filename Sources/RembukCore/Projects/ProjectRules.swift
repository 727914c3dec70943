/// Where a project's money comes from.
public enum FundingSource: String, Sendable, CaseIterable, Codable {
    case apbd
    case apbdes
    case dak
    case csr
    case lainnya

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.apbd, .id): "APBD kabupaten"
        case (.apbd, .en): "Regency budget (APBD)"
        case (.apbdes, .id): "APBDes / Dana Desa"
        case (.apbdes, .en): "Village budget / Village Fund"
        case (.dak, .id): "Dana Alokasi Khusus (DAK)"
        case (.dak, .en): "Special allocation grant (DAK)"
        case (.csr, .id): "CSR mitra"
        case (.csr, .en): "Partner CSR"
        case (.lainnya, .id): "Sumber lain"
        case (.lainnya, .en): "Other"
        }
    }
}

/// Where a project is. It moves forward through procurement and work to done; it can be held up
/// (terhambat) at any point before it is done and then resume where it was.
public enum ProjectStatus: String, Sendable, CaseIterable, Codable {
    case perencanaan, pengadaan, pelaksanaan, selesai, terhambat

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.perencanaan, .id): "Perencanaan"
        case (.perencanaan, .en): "Planning"
        case (.pengadaan, .id): "Pengadaan"
        case (.pengadaan, .en): "Procurement"
        case (.pelaksanaan, .id): "Pelaksanaan"
        case (.pelaksanaan, .en): "Under way"
        case (.selesai, .id): "Selesai"
        case (.selesai, .en): "Done"
        case (.terhambat, .id): "Terhambat"
        case (.terhambat, .en): "Held up"
        }
    }

    static let order: [ProjectStatus] = [.perencanaan, .pengadaan, .pelaksanaan, .selesai]

    /// Whether a project may go from `self` to `next`. `resumeTo` is the status it had before it was held up.
    public func canMove(to next: ProjectStatus, resumeTo: ProjectStatus? = nil) -> Bool {
        switch (self, next) {
        case (.selesai, _): return false
        case (.terhambat, .terhambat): return false
        case (.terhambat, _): return next == resumeTo
        case (_, .terhambat): return true
        default:
            guard let from = Self.order.firstIndex(of: self), let to = Self.order.firstIndex(of: next) else { return false }
            return to == from + 1
        }
    }

    /// A project is done only when its last report says 100 %.
    public static func canFinish(physicalBasisPoints: Int) -> Bool { physicalBasisPoints >= 10_000 }

    /// The usulan steps that bring a linked usulan from `status` to where this project status puts it
    /// (none when it is there already, or when the project is held up).
    public func usulanSteps(from status: UsulanStatus) -> [UsulanStep] {
        guard let target = usulanStatus else { return [] }
        let path: [(UsulanStatus, UsulanStep)] = [(.masukRKPD, .budget), (.diterimaOPD, .budget), (.dianggarkan, .start), (.dilaksanakan, .finish)]
        var steps: [UsulanStep] = []
        var current = status
        while current != target, let step = path.first(where: { $0.0 == current })?.1, let next = UsulanWorkflow.next(step, from: current) {
            steps.append(step)
            current = next
        }
        return current == target ? steps : []
    }

    /// The usulan a project may be made from: accepted by the agency, or already in the RKPD.
    public static let linkableUsulan: Set<UsulanStatus> = [.diterimaOPD, .masukRKPD]

    /// The usulan status a project's linked usulan take: budgeted when the project exists, being carried out
    /// once work starts, done when it is done (a held-up project leaves them where they are).
    public var usulanStatus: UsulanStatus? {
        switch self {
        case .perencanaan, .pengadaan: .dianggarkan
        case .pelaksanaan: .dilaksanakan
        case .selesai: .selesai
        case .terhambat: nil
        }
    }
}

/// A sub-kegiatan code of the national nomenclature (Kepmendagri 050-5889/2021): urusan, bidang urusan,
/// program, kegiatan (two parts) and sub-kegiatan, e.g. `1.03.02.2.01.0001`.
public struct SubKegiatanCode: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String
    static let widths = [1, 2, 2, 1, 2, 4]

    public init?(_ raw: String) {
        let text = raw.trimmingSpaces()
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == Self.widths.count,
              zip(parts, Self.widths).allSatisfy({ part, width in part.count == width && part.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        value = text
    }

    public var description: String { value }
}

/// The checks on a progress report against the one before it and the project's pagu.
public enum ProgressRule {
    public struct Report: Sendable, Equatable {
        /// Physical progress in basis points (0–10 000 = 0–100 %).
        public let physicalBasisPoints: Int
        /// Money realised so far, whole rupiah.
        public let realised: Int64

        public init(physicalBasisPoints: Int, realised: Int64) {
            self.physicalBasisPoints = physicalBasisPoints
            self.realised = realised
        }
    }

    public enum Problem: Error, Sendable, Equatable {
        case progressOutOfRange
        case realisedNegative
        /// Less progress than the last report, without a reason saying why (a recount, a collapse).
        case progressBackwardsWithoutReason(previous: Int)
        case realisedBackwardsWithoutReason(previous: Int64)
        /// More money realised than the pagu: the pagu must be changed first (a recorded budget change).
        case exceedsPagu(pagu: Int64)
    }

    /// Reads a percentage as typed (`45`, `45,5`, `45.25`, `100`) into basis points; nil for anything that is
    /// not a number with at most two decimals (the range is `check`'s business, so it can say so).
    public static func basisPoints(_ text: String) -> Int? {
        var body = text.trimmingSpaces()
        if body.hasSuffix("%") { body = String(body.dropLast()).trimmingSpaces() }
        var negative = false
        if body.hasPrefix("-") { negative = true; body.removeFirst() }
        let parts = body.replacingAll(",", with: ".").split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 5,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= 2, fraction.allSatisfy({ $0.isASCII && $0.isNumber }), parts.count == 1 || !fraction.isEmpty else { return nil }
        let hundredths = fraction.isEmpty ? 0 : Int(fraction)! * (fraction.count == 1 ? 10 : 1)
        let value = Int(whole)! * 100 + hundredths
        return negative ? -value : value
    }

    /// `4550` → "45,5 %".
    public static func percentText(_ basisPoints: Int) -> String {
        let whole = basisPoints / 100, fraction = abs(basisPoints % 100)
        guard fraction != 0 else { return "\(whole) %" }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return "\(whole),\(digits) %"
    }

    public static func check(_ report: Report, previous: Report?, pagu: Int64, hasReason: Bool) -> [Problem] {
        var problems: [Problem] = []
        if !(0...10_000).contains(report.physicalBasisPoints) { problems.append(.progressOutOfRange) }
        if report.realised < 0 { problems.append(.realisedNegative) }
        if let previous, !hasReason {
            if report.physicalBasisPoints < previous.physicalBasisPoints {
                problems.append(.progressBackwardsWithoutReason(previous: previous.physicalBasisPoints))
            }
            if report.realised < previous.realised { problems.append(.realisedBackwardsWithoutReason(previous: previous.realised)) }
        }
        if report.realised > pagu { problems.append(.exceedsPagu(pagu: pagu)) }
        return problems
    }
}

/// The version of the national nomenclature a sub-kegiatan code is read against: codes and names change
/// between Kepmendagri decrees, so a code alone is not enough.
public enum Nomenclature: String, Sendable, CaseIterable, Codable {
    case kepmendagri2021 = "050-5889/2021"
    case kepmendagri2023 = "900.1.15.5-1317/2023"

    public static let current = Nomenclature.kepmendagri2023

    public var label: String { "Kepmendagri \(rawValue)" }
}
