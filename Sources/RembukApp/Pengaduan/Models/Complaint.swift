import Fluent
import Foundation
import RembukCore

/// A pengaduan or masukan: about a project, an usulan or anything, with its privacy, where it is in the
/// LAPOR! flow and the agency it was passed to. Dates of the service-level clocks are ISO days.
public final class Complaint: Model, @unchecked Sendable {
    public static let schema = "complaints"

    @ID(key: .id) public var id: UUID?
    @Field(key: "category") public var category: String
    @Field(key: "title") public var title: String
    @Field(key: "text") public var text: String
    /// What it is about: `project`, `usulan`, or empty for anything else.
    @Field(key: "subject_type") public var subjectType: String
    @Field(key: "subject_id") public var subjectID: String
    @Field(key: "desa_code") public var desaCode: String
    @Field(key: "kecamatan_code") public var kecamatanCode: String
    @Field(key: "place") public var place: String
    @Field(key: "privacy") public var privacy: String
    @Field(key: "status") public var status: String
    @Field(key: "reporter_id") public var reporterID: UUID
    /// The agency it was passed to (empty before the disposition).
    @Field(key: "agency") public var agency: String
    @Field(key: "received_on") public var receivedOn: String
    /// When the running clock started: the receipt, or the latest disposition.
    @Field(key: "clock_since") public var clockSince: String
    @OptionalField(key: "first_response_on") public var firstResponseOn: String?
    @OptionalField(key: "disposed_on") public var disposedOn: String?
    @Field(key: "reopened") public var reopened: Bool
    @OptionalField(key: "rating") public var rating: Int?
    @OptionalField(key: "rating_comment") public var ratingComment: String?
    /// The stemmed terms of the title, text and place (`IndonesianText.searchIndex`).
    @Field(key: "search_terms") public var searchTerms: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var complaintStatus: ComplaintStatus { ComplaintStatus(rawValue: status) ?? .diterima }
    public var complaintPrivacy: ComplaintPrivacy { ComplaintPrivacy(rawValue: privacy) ?? .rahasia }
    /// The number people quote: `L-3F2A9C1D`.
    public var number: String { "L-" + (id?.uuidString.prefix(8).uppercased() ?? "BARU") }

    static func terms(title: String, text: String, place: String) -> String {
        IndonesianText.searchIndex(title, text, place)
    }
}

/// One step of a complaint: who did what, with the note the reporter (and, when public, everyone) reads.
public final class ComplaintEvent: Model, @unchecked Sendable {
    public static let schema = "complaint_events"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "complaint_id") public var complaint: Complaint
    @Field(key: "action") public var action: String
    @Field(key: "from_status") public var fromStatus: String
    @Field(key: "to_status") public var toStatus: String
    @Field(key: "note") public var note: String
    @Field(key: "actor_label") public var actorLabel: String
    /// The agency that acted, for answers and dispositions.
    @Field(key: "agency") public var agency: String
    @Field(key: "at_ms") public var atMillis: Int64

    public init() {}
}

/// A complaint category and the agency it is routed to by default (edited by Bappeda).
public final class ComplaintCategory: Model, @unchecked Sendable {
    public static let schema = "complaint_categories"

    @ID(custom: "key", generatedBy: .user) public var id: String?
    @Field(key: "name") public var name: String
    /// The agency complaints of this category usually go to; empty when the admin decides each time.
    @Field(key: "agency") public var agency: String
    @Field(key: "position") public var position: Int

    public init() {}

    /// The categories a new installation starts with (key, name).
    static let defaults: [(String, String)] = [
        ("jalan-jembatan", "Jalan dan jembatan rusak"),
        ("drainase-banjir", "Drainase, genangan dan banjir"),
        ("penerangan-jalan", "Penerangan jalan umum"),
        ("sampah-lingkungan", "Sampah, pencemaran dan lingkungan"),
        ("air-sanitasi", "Air bersih dan sanitasi"),
        ("pendidikan", "Sekolah dan pendidikan"),
        ("kesehatan", "Puskesmas, posyandu dan kesehatan"),
        ("bantuan-sosial", "Bantuan sosial"),
        ("proyek-pembangunan", "Pelaksanaan proyek pembangunan"),
        ("pelayanan-publik", "Pelayanan publik dan administrasi"),
        ("lainnya", "Lainnya"),
    ]

    init(key: String, name: String, agency: String, position: Int) {
        id = key
        self.name = name
        self.agency = agency
        self.position = position
    }
}
