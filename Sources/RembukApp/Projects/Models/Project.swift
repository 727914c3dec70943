import Fluent
import Foundation
import RembukCore

/// A budgeted activity of a perangkat daerah, made from accepted usulan or directly. Money is whole rupiah;
/// `progress` and `realised` are those of the latest report, kept on the row so lists and charts need no join.
public final class Project: Model, @unchecked Sendable {
    public static let schema = "projects"

    @ID(key: .id) public var id: UUID?
    @Field(key: "year") public var year: Int
    @Field(key: "title") public var title: String
    @Field(key: "description") public var description: String
    @Field(key: "agency") public var agency: String
    @Field(key: "bidang") public var bidang: String
    @Field(key: "sub_kegiatan") public var subKegiatan: String
    @Field(key: "nomenclature") public var nomenclature: String
    @Field(key: "funding_source") public var fundingSource: String
    @Field(key: "pagu") public var pagu: Int64
    @Field(key: "contractor") public var contractor: String
    @Field(key: "desa_code") public var desaCode: String
    @Field(key: "kecamatan_code") public var kecamatanCode: String
    @OptionalField(key: "latitude") public var latitude: Double?
    @OptionalField(key: "longitude") public var longitude: Double?
    @Field(key: "planned_start") public var plannedStart: String
    @Field(key: "planned_end") public var plannedEnd: String
    @Field(key: "status") public var status: String
    /// The status it had when it was held up (terhambat), so it resumes there.
    @OptionalField(key: "held_from") public var heldFrom: String?
    /// Physical progress of the latest report, in basis points (0–10 000).
    @Field(key: "progress") public var progress: Int
    @Field(key: "realised") public var realised: Int64
    @OptionalField(key: "last_report_at") public var lastReportAt: Date?
    @Field(key: "created_by") public var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var projectStatus: ProjectStatus { ProjectStatus(rawValue: status) ?? .perencanaan }
    public var source: FundingSource { FundingSource(rawValue: fundingSource) ?? .lainnya }
    public var sector: Bidang? { Bidang(rawValue: bidang) }
    public var point: GeoPoint? { latitude.flatMap { lat in longitude.flatMap { GeoPoint(latitude: lat, longitude: $0) } } }
    /// The short number quoted on the phone and on the village billboard: `P-3F2A9C1D`.
    public var number: String { "P-" + (id?.uuidString.prefix(8).uppercased() ?? "BARU") }
    public var lastProgress: ProgressRule.Report { ProgressRule.Report(physicalBasisPoints: progress, realised: realised) }
}

/// An usulan a project carries out (an usulan belongs to at most one project).
public final class ProjectUsulan: Model, @unchecked Sendable {
    public static let schema = "project_usulan"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "project_id") public var project: Project
    @Parent(key: "usulan_id") public var usulan: Usulan

    public init() {}

    init(projectID: UUID, usulanID: UUID) {
        $project.id = projectID
        $usulan.id = usulanID
    }
}

/// A periodic progress report: physical progress, money realised so far, notes, problems, photos
/// (attachments with subject type `project_report`).
public final class ProjectReport: Model, @unchecked Sendable {
    public static let schema = "project_reports"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "project_id") public var project: Project
    @Field(key: "reported_on") public var reportedOn: String
    @Field(key: "progress") public var progress: Int
    @Field(key: "realised") public var realised: Int64
    @Field(key: "notes") public var notes: String
    @Field(key: "problems") public var problems: String
    /// Why progress or money went down since the report before, when it did.
    @Field(key: "reason") public var reason: String
    @Field(key: "actor_label") public var actorLabel: String
    @Field(key: "created_at_ms") public var createdMillis: Int64

    public init() {}
}

/// A change on a project that is not a report: its status, or its pagu (a recorded budget change).
public final class ProjectEvent: Model, @unchecked Sendable {
    public static let schema = "project_events"

    public enum Kind: String, Sendable { case created, status, pagu }

    @ID(key: .id) public var id: UUID?
    @Parent(key: "project_id") public var project: Project
    @Field(key: "kind") public var kind: String
    @Field(key: "from_value") public var fromValue: String
    @Field(key: "to_value") public var toValue: String
    @Field(key: "note") public var note: String
    @Field(key: "actor_label") public var actorLabel: String
    @Field(key: "at_ms") public var atMillis: Int64

    public init() {}

    init(projectID: UUID, kind: Kind, from: String, to: String, note: String, actor: String, at: Date) {
        $project.id = projectID
        self.kind = kind.rawValue
        fromValue = from
        toValue = to
        self.note = note
        actorLabel = actor
        atMillis = at.millis
    }
}
