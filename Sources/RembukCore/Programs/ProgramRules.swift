import Foundation

/// The kinds of community programme an agency runs (the brief's UMKM, citizen workshops and environmental work).
public enum ProgramType: String, Sendable, CaseIterable, Codable {
    case pelatihanUMKM = "pelatihan_umkm"
    case pendampinganUMKM = "pendampingan_umkm"
    case workshop
    case penghijauan
    case pengelolaanSampah = "pengelolaan_sampah"
    case konservasiAir = "konservasi_air"
    case literasi
    case kesehatan

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.pelatihanUMKM, .id): "Pelatihan UMKM"
        case (.pelatihanUMKM, .en): "Small-business training"
        case (.pendampinganUMKM, .id): "Pendampingan UMKM"
        case (.pendampinganUMKM, .en): "Small-business mentoring"
        case (.workshop, .id): "Workshop / pelatihan warga"
        case (.workshop, .en): "Workshop / citizen training"
        case (.penghijauan, .id): "Penghijauan"
        case (.penghijauan, .en): "Tree planting"
        case (.pengelolaanSampah, .id): "Pengelolaan sampah / bank sampah"
        case (.pengelolaanSampah, .en): "Waste management / waste bank"
        case (.konservasiAir, .id): "Konservasi air"
        case (.konservasiAir, .en): "Water conservation"
        case (.literasi, .id): "Literasi"
        case (.literasi, .en): "Literacy"
        case (.kesehatan, .id): "Kesehatan"
        case (.kesehatan, .en): "Health"
        }
    }

    /// UMKM programmes record a business profile at registration and at follow-ups.
    public var isUMKM: Bool { self == .pelatihanUMKM || self == .pendampinganUMKM }
    /// Environmental programmes log volunteers' activities with quantified results.
    public var isEnvironmental: Bool { [.penghijauan, .pengelolaanSampah, .konservasiAir].contains(self) }
}

/// Where a programme stands. Registration is possible only while it is open.
public enum ProgramStatus: String, Sendable, CaseIterable, Codable {
    case direncanakan, pendaftaran, berjalan, selesai, dibatalkan

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.direncanakan, .id): "Direncanakan"
        case (.direncanakan, .en): "Planned"
        case (.pendaftaran, .id): "Pendaftaran dibuka"
        case (.pendaftaran, .en): "Open for registration"
        case (.berjalan, .id): "Berjalan"
        case (.berjalan, .en): "Running"
        case (.selesai, .id): "Selesai"
        case (.selesai, .en): "Finished"
        case (.dibatalkan, .id): "Dibatalkan"
        case (.dibatalkan, .en): "Cancelled"
        }
    }

    public var takesRegistrations: Bool { self == .pendaftaran || self == .berjalan }

    /// The moves staff may make: forward through the life of a programme, or cancel it before it ends.
    public func canMove(to next: ProgramStatus) -> Bool {
        switch (self, next) {
        case (.direncanakan, .pendaftaran), (.pendaftaran, .berjalan), (.berjalan, .selesai), (.pendaftaran, .direncanakan): true
        case (.direncanakan, .dibatalkan), (.pendaftaran, .dibatalkan), (.berjalan, .dibatalkan): true
        default: false
        }
    }
}

/// Who may register: residents of some kecamatan (none listed: anyone), and for some programmes only UMKM owners.
public struct Eligibility: Sendable, Hashable {
    public var kecamatan: Set<String>
    public var umkmOwnersOnly: Bool

    public init(kecamatan: Set<String> = [], umkmOwnersOnly: Bool = false) {
        self.kecamatan = kecamatan
        self.umkmOwnersOnly = umkmOwnersOnly
    }

    public enum Refusal: Sendable, Equatable {
        case outsideArea
        case notUMKMOwner

        public var message: (id: String, en: String) {
            switch self {
            case .outsideArea: ("Program ini khusus untuk warga kecamatan yang disebutkan.", "This programme is only for residents of the districts named.")
            case .notUMKMOwner: ("Program ini khusus untuk pemilik usaha (UMKM); isi data usaha Anda.", "This programme is for small-business owners; enter your business.")
            }
        }
    }

    /// Nil when the person may register; `residence` is the desa or kecamatan code they live in.
    public func refusal(residence: RegionCode?, ownsBusiness: Bool) -> Refusal? {
        if !kecamatan.isEmpty {
            guard let residence, let own = residence.ancestor(at: .kecamatan), kecamatan.contains(own.value) else { return .outsideArea }
        }
        if umkmOwnersOnly && !ownsBusiness { return .notUMKMOwner }
        return nil
    }
}

/// Seats of one session: who gets one and who waits. Registrations come in the order they were made.
public enum SeatRule {
    /// Whether a new registration gets a seat (`confirmed` seats are taken) or joins the waiting list.
    public static func seatFree(confirmed: Int, capacity: Int) -> Bool { confirmed < capacity }

    /// After a cancellation: how many from the head of the waiting list move up.
    public static func promotions(confirmed: Int, capacity: Int, waiting: Int) -> Int {
        max(0, min(capacity - confirmed, waiting))
    }
}

/// Who earns a certificate: attended at least the programme's minimum number of sessions.
public struct CertificateRule: Sendable, Hashable {
    public var minimumSessions: Int

    public init(minimumSessions: Int) { self.minimumSessions = max(1, minimumSessions) }

    public func earned(attended: Int) -> Bool { attended >= minimumSessions }
}

/// A certificate's public code: twelve characters of Crockford's base 32 (no I, L, O, U), grouped `XXXX-XXXX-XXXX`,
/// random (60 bits), so it cannot be guessed from another.
public enum CertificateCode {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let characters = (0..<12).map { _ in alphabet[Int(generator.next() % 32)] }
        return stride(from: 0, to: 12, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return make(using: &generator)
    }

    /// The canonical form of a typed code (case, spaces and look-alike letters forgiven), or nil.
    public static func normalise(_ text: String) -> String? {
        let cleaned = text.uppercased().compactMap { character -> Character? in
            switch character {
            case "-", " ": nil
            case "O": "0"
            case "I", "L": "1"
            default: character
            }
        }
        guard cleaned.count == 12, cleaned.allSatisfy(alphabet.contains) else { return nil }
        return stride(from: 0, to: 12, by: 4).map { String(cleaned[$0..<$0 + 4]) }.joined(separator: "-")
    }
}
