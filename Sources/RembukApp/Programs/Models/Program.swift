import Fluent
import Foundation
import RembukCore

/// A community programme run by a perangkat daerah: UMKM training or mentoring, citizen workshops,
/// environmental action. Citizens register for its sessions; those who attend enough earn a certificate.
public final class Program: Model, @unchecked Sendable {
    public static let schema = "programs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "type") public var type: String
    @Field(key: "description") public var description: String
    @Field(key: "target_group") public var targetGroup: String
    /// Kecamatan codes whose residents may register, space-separated; empty: anyone.
    @Field(key: "eligible_kecamatan") public var eligibleKecamatan: String
    @Field(key: "umkm_only") public var umkmOnly: Bool
    @Field(key: "agency") public var agency: String
    @Field(key: "year") public var year: Int
    @Field(key: "sub_kegiatan") public var subKegiatan: String
    @Field(key: "budget") public var budget: Int64
    @Field(key: "status") public var status: String
    @Field(key: "minimum_sessions") public var minimumSessions: Int
    @Field(key: "created_ms") public var createdMillis: Int64

    public init() {}

    var programType: ProgramType { ProgramType(rawValue: type) ?? .workshop }
    var programStatus: ProgramStatus { ProgramStatus(rawValue: status) ?? .direncanakan }
    var eligibility: Eligibility {
        Eligibility(kecamatan: Set(eligibleKecamatan.split(separator: " ").map(String.init)), umkmOwnersOnly: umkmOnly)
    }
    /// The number people quote: `PR-3F2A9C1D`.
    var number: String { "PR-" + (id?.uuidString.prefix(8).uppercased() ?? "BARU") }
}

/// One meeting of a programme: when, where and how many seats.
public final class ProgramSession: Model, @unchecked Sendable {
    public static let schema = "program_sessions"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "program_id") public var program: Program
    @Field(key: "title") public var title: String
    @Field(key: "starts_ms") public var startsMillis: Int64
    @Field(key: "ends_ms") public var endsMillis: Int64
    @Field(key: "place") public var place: String
    @Field(key: "capacity") public var capacity: Int
    /// Seats taken, kept with every registration and cancellation under the session's row lock.
    @Field(key: "confirmed") public var confirmed: Int

    public init() {}

    var startsAt: Date { Date(millis: startsMillis) }
    var endsAt: Date { Date(millis: endsMillis) }
}

/// A citizen's place in a session: a seat, a place on the waiting list, or cancelled.
public final class Registration: Model, @unchecked Sendable {
    public static let schema = "program_registrations"

    public enum Status: String, Sendable { case terdaftar, menunggu, batal }

    @ID(key: .id) public var id: UUID?
    @Parent(key: "session_id") public var session: ProgramSession
    @Field(key: "program_id") public var programID: UUID
    @Field(key: "account_id") public var accountID: UUID
    @Field(key: "status") public var status: String
    /// When they registered (or moved up): the waiting list's order.
    @Field(key: "queued_ms") public var queuedMillis: Int64
    @Field(key: "attended") public var attended: Bool
    @OptionalField(key: "reminded_ms") public var remindedMillis: Int64?
    /// "Nama (Operator Desa)" when an operator registered an assisted citizen.
    @OptionalField(key: "entered_by") public var enteredBy: String?

    public init() {}

    var registrationStatus: Status { Status(rawValue: status) ?? .batal }
}

/// What a participant brought to a programme: where they live (for eligibility) and, for UMKM programmes,
/// their business as it was at registration.
public final class Participant: Model, @unchecked Sendable {
    public static let schema = "program_participants"

    @ID(key: .id) public var id: UUID?
    @Field(key: "program_id") public var programID: UUID
    @Field(key: "account_id") public var accountID: UUID
    @Field(key: "desa_code") public var desaCode: String
    @Field(key: "created_ms") public var createdMillis: Int64

    public init() {}
}

/// A certificate for a participant who attended enough sessions, verifiable by its code at `/sertifikat/{kode}`.
public final class Certificate: Model, @unchecked Sendable {
    public static let schema = "program_certificates"

    @ID(custom: "code", generatedBy: .user) public var id: String?
    @Field(key: "program_id") public var programID: UUID
    @Field(key: "account_id") public var accountID: UUID
    @Field(key: "holder_name") public var holderName: String
    @Field(key: "attended") public var attended: Int
    @Field(key: "issued_on") public var issuedOn: String
    /// The number printed on it, from the installation's pattern (M042); nil for certificates issued before.
    @OptionalField(key: "document_number") public var documentNumber: String?

    public init() {}
}

/// A UMKM participant's business at one moment: at registration (`awal`, the baseline) or at a follow-up.
public final class BusinessReport: Model, @unchecked Sendable {
    public static let schema = "business_reports"

    public enum Moment: String, Sendable, CaseIterable {
        case awal
        case tigaBulan = "3_bulan"
        case enamBulan = "6_bulan"

        func label(_ language: RembukCore.Language) -> String {
            switch (self, language) {
            case (.awal, .id): "Saat mendaftar"
            case (.awal, .en): "At registration"
            case (.tigaBulan, .id): "3 bulan kemudian"
            case (.tigaBulan, .en): "3 months later"
            case (.enamBulan, .id): "6 bulan kemudian"
            case (.enamBulan, .en): "6 months later"
            }
        }
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "program_id") public var programID: UUID
    @Field(key: "account_id") public var accountID: UUID
    @Field(key: "moment") public var moment: String
    @Field(key: "business_name") public var businessName: String
    @Field(key: "sector") public var sector: String
    @Field(key: "start_year") public var startYear: Int
    @Field(key: "employees") public var employees: Int
    @Field(key: "monthly_revenue") public var monthlyRevenue: Int64
    /// Sales channels, space-separated raw values.
    @Field(key: "channels") public var channels: String
    @Field(key: "reach") public var reach: String
    @Field(key: "created_ms") public var createdMillis: Int64

    public init() {}

    var figures: BusinessFigures {
        BusinessFigures(employees: employees, monthlyRevenue: monthlyRevenue,
                        channels: Set(channels.split(separator: " ").compactMap { SalesChannel(rawValue: String($0)) }),
                        reach: MarketReach(rawValue: reach) ?? .desa)
    }
}

/// What an environmental programme's volunteers did on one day at one place, counted.
public final class ActivityLog: Model, @unchecked Sendable {
    public static let schema = "program_activity_logs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "program_id") public var programID: UUID
    @Field(key: "done_on") public var doneOn: String
    @Field(key: "desa_code") public var desaCode: String
    @Field(key: "kecamatan_code") public var kecamatanCode: String
    @Field(key: "trees") public var trees: Int
    /// Waste collected or sorted, in tenths of a kilogram (12,5 kg is 125).
    @Field(key: "waste_tenth_kg") public var wasteTenthKg: Int64
    @Field(key: "water_sources") public var waterSources: Int
    @Field(key: "volunteers") public var volunteers: Int
    @Field(key: "note") public var note: String
    @Field(key: "recorded_by") public var recordedBy: String
    @Field(key: "created_ms") public var createdMillis: Int64

    public init() {}
}
