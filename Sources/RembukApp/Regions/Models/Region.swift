import Fluent
import RembukCore

/// A province, kabupaten/kota, kecamatan or desa/kelurahan, keyed on its Kemendagri code.
public final class Region: Model, @unchecked Sendable {
    public static let schema = "regions"

    @ID(custom: "code", generatedBy: .user) public var id: String?
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: String
    @OptionalField(key: "parent_code") public var parentCode: String?
    @Field(key: "depth") public var depth: Int
    @OptionalField(key: "population") public var population: Int?

    public init() {}

    public init(record: RegionRecord, population: Int?) {
        self.id = record.code.value
        self.name = record.name
        self.kind = record.kind.rawValue
        self.parentCode = record.code.parent?.value
        self.depth = record.code.level.depth
        self.population = population
    }

    public var code: RegionCode { RegionCode(id ?? "")! }
    public var recordKind: RegionRecord.Kind { RegionRecord.Kind(rawValue: kind) ?? .desa }
}

/// A perangkat daerah (OPD): Bappeda, Dinas PUPR, Dinas Koperasi dan UKM …
public final class Agency: Model, @unchecked Sendable {
    public static let schema = "agencies"

    @ID(custom: "slug", generatedBy: .user) public var id: String?
    @Field(key: "name") public var name: String
    @Field(key: "short_name") public var shortName: String
    @Field(key: "kabupaten_code") public var kabupatenCode: String
    /// The sectors whose usulan go to this agency unless the proposer picks another (`AgencyRules.stored`).
    @Field(key: "sectors") public var storedSectors: String
    @Field(key: "active") public var active: Bool
    /// The agency that took this one over in a reorganisation; set only on an inactive agency.
    @OptionalField(key: "merged_into") public var mergedInto: String?

    public init() {}

    public init(slug: String, name: String, shortName: String, kabupatenCode: String, sectors: [Bidang] = [], active: Bool = true) {
        self.id = slug
        self.name = name
        self.shortName = shortName
        self.kabupatenCode = kabupatenCode
        self.storedSectors = AgencyRules.stored(sectors)
        self.active = active
    }

    public var sectors: [Bidang] {
        get { AgencyRules.sectors(stored: storedSectors) }
        set { storedSectors = AgencyRules.stored(newValue) }
    }
}

extension QueryBuilder where Model == Region {
    /// The regions inside `code` (its kecamatan, desa …) as a range of the key, so both databases read them from the
    /// primary-key index instead of testing `LIKE 'code.%'` on every row. Codes are digits and dots of fixed width,
    /// so the bounds hold in byte order and in locales that compare digits before punctuation alike.
    @discardableResult
    func within(_ code: String) -> Self {
        filter(\.$id > code + ".").filter(\.$id <= code + ".9999999999").filter(\.$id != code)
    }
}
