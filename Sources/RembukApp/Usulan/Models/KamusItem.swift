import Fluent
import Foundation
import RembukCore

/// One entry of the kamus usulan: an activity Bappeda has priced, with its unit and the agency that does it.
/// An usulan picked from the kamus costs volume × unit price.
public final class KamusItem: Model, @unchecked Sendable {
    public static let schema = "kamus_items"

    @ID(key: .id) public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "satuan") public var satuan: String
    @Field(key: "unit_price") public var unitPrice: Int64
    @Field(key: "agency") public var agency: String
    @Field(key: "bidang") public var bidang: String
    @Field(key: "fisik") public var fisik: Bool
    @Field(key: "active") public var active: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var sector: Bidang? { Bidang(rawValue: bidang) }

    /// `Rabat beton jalan lingkungan — Rp450.000/m`
    public var choiceLabel: String { "\(name) — \(Rupiah(unitPrice).formatted)/\(satuan)" }
}
