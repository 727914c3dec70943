import Fluent
import Foundation
import RembukCore

/// A citizen's proposal (usulan). Money is whole rupiah; `searchTerms` holds the stemmed terms of the title,
/// problem and proposal, so search and "similar usulan" match Indonesian word forms.
public final class Usulan: Model, @unchecked Sendable {
    public static let schema = "usulan"

    @ID(key: .id) public var id: UUID?
    @Field(key: "year") public var year: Int
    @Field(key: "title") public var title: String
    @Field(key: "problem") public var problem: String
    @Field(key: "proposal") public var proposal: String
    @Field(key: "bidang") public var bidang: String
    @Field(key: "desa_code") public var desaCode: String
    @Field(key: "kecamatan_code") public var kecamatanCode: String
    @Field(key: "address") public var address: String
    @OptionalField(key: "rt") public var rt: Int?
    @OptionalField(key: "rw") public var rw: Int?
    @OptionalField(key: "latitude") public var latitude: Double?
    @OptionalField(key: "longitude") public var longitude: Double?
    @Field(key: "volume") public var volume: Double
    @Field(key: "satuan") public var satuan: String
    @Field(key: "cost") public var cost: Int64
    @Field(key: "beneficiaries") public var beneficiaries: Int
    @Field(key: "proposer_id") public var proposerID: UUID
    @Field(key: "proposer_group") public var proposerGroup: String
    @Field(key: "target_agency") public var targetAgency: String
    @Field(key: "status") public var status: String
    @Field(key: "support_count") public var supportCount: Int
    @OptionalField(key: "merged_into") public var mergedInto: UUID?
    @Field(key: "search_terms") public var searchTerms: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "submitted_at") public var submittedAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @OptionalField(key: "hidden_at") public var hiddenAt: Date?
    @OptionalField(key: "hidden_reason") public var hiddenReason: String?
    @OptionalField(key: "kamus_id") public var kamusID: UUID?
    @OptionalField(key: "source_ref") public var sourceRef: String?
    /// Set when the usulan is a DPRD member's pokok-pokok pikiran (pokir): who, and for which dapil.
    @OptionalField(key: "pokir_member") public var pokirMember: String?
    @OptionalField(key: "pokir_dapil") public var pokirDapil: String?
    /// "Nama (Operator Desa)" when an operator entered it for an assisted citizen; shown on the usulan.
    @OptionalField(key: "entered_by") public var enteredBy: String?

    public init() {}

    public var isHidden: Bool { hiddenAt != nil }
    /// "Pokir DPRD: H. Ahmad Sanusi (Dapil 2)", or nil for a citizen's usulan.
    public var pokirLabel: String? {
        pokirMember.map { "Pokir DPRD: \($0)" + (pokirDapil.map { " (\($0))" } ?? "") }
    }
    public var workflowStatus: UsulanStatus { UsulanStatus(rawValue: status) ?? .draft }
    public var sector: Bidang? { Bidang(rawValue: bidang) }
    public var point: GeoPoint? { latitude.flatMap { lat in longitude.flatMap { GeoPoint(latitude: lat, longitude: $0) } } }

    /// The short number people quote on the phone: `U-3F2A9C1D`.
    public var number: String { "U-" + (id?.uuidString.prefix(8).uppercased() ?? "BARU") }

    public var parties: UsulanParties? {
        guard let desa = RegionCode(desaCode) else { return nil }
        return UsulanParties(desa: desa, targetAgency: targetAgency, proposerAccountID: proposerID.uuidString)
    }

    /// Usulan anyone may list: submitted (not drafts) and not hidden by a moderator.
    static func publicQuery(on db: any Database) -> QueryBuilder<Usulan> {
        query(on: db).filter(\.$status != UsulanStatus.draft.rawValue).filter(\.$hiddenAt == nil)
    }

    /// The stemmed terms saved with the usulan (see `terms(title:problem:proposal:)`).
    var storedTerms: Set<String> { Set(searchTerms.split(separator: " ").map(String.init)) }

    static func terms(title: String, problem: String, proposal: String) -> String {
        IndonesianText.searchIndex(title, problem, proposal)
    }
}

/// One entry of an usulan's timeline: a step taken, by whom, why, and what it changed.
public final class UsulanEvent: Model, @unchecked Sendable {
    public static let schema = "usulan_events"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "usulan_id") public var usulan: Usulan
    @Field(key: "step") public var step: String
    @Field(key: "from_status") public var fromStatus: String
    @Field(key: "to_status") public var toStatus: String
    @Field(key: "actor_label") public var actorLabel: String
    @OptionalField(key: "reason_code") public var reasonCode: String?
    @Field(key: "note") public var note: String
    @OptionalField(key: "changed_volume") public var changedVolume: Double?
    @OptionalField(key: "changed_cost") public var changedCost: Int64?
    @OptionalField(key: "related_usulan") public var relatedUsulan: UUID?
    @Field(key: "at") public var at: Date

    public init() {}
}

/// One citizen's dukungan for one usulan: the pair is unique in the database, not only in code.
public final class UsulanSupport: Model, @unchecked Sendable {
    public static let schema = "usulan_supports"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "usulan_id") public var usulan: Usulan
    @Field(key: "account_id") public var accountID: UUID
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    init(usulanID: UUID, accountID: UUID) {
        $usulan.id = usulanID
        self.accountID = accountID
    }
}
