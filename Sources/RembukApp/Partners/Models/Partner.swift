import Fluent
import Foundation
import RembukCore

/// An organisation the kabupaten works with: an LSM, a company's CSR, a university, a community group.
/// Its code is what a mitra user's role grant names.
public final class Partner: Model, @unchecked Sendable {
    public static let schema = "partners"

    @ID(custom: "code", generatedBy: .user) public var id: String?
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: String
    @Field(key: "description") public var description: String
    @Field(key: "website") public var website: String
    @Field(key: "created_ms") public var createdMillis: Int64

    public init() {}

    var partnerKind: PartnerKind { PartnerKind(rawValue: kind) ?? .komunitas }
}

/// A partnership agreement (perjanjian kerja sama) between a partner and an agency, for a period and a scope,
/// linked to the programmes and projects it covers.
public final class Agreement: Model, @unchecked Sendable {
    public static let schema = "partner_agreements"

    @ID(key: .id) public var id: UUID?
    @Field(key: "partner_code") public var partnerCode: String
    @Field(key: "agency") public var agency: String
    /// The document's own number, e.g. `027/PKS/DLH/2026`.
    @Field(key: "document_number") public var documentNumber: String
    @Field(key: "scope") public var scope: String
    @Field(key: "starts_on") public var startsOn: String
    @Field(key: "ends_on") public var endsOn: String
    @Field(key: "created_ms") public var createdMillis: Int64

    public init() {}

    var period: AgreementPeriod? {
        guard let start = LocalDate(iso: startsOn), let end = LocalDate(iso: endsOn) else { return nil }
        return try? AgreementPeriod.make(start: start, end: end).get()
    }
}

/// A programme or project an agreement covers.
public final class AgreementLink: Model, @unchecked Sendable {
    public static let schema = "partner_agreement_links"

    public enum Subject: String, Sendable { case program, project }

    @ID(key: .id) public var id: UUID?
    @Field(key: "agreement_id") public var agreementID: UUID
    @Field(key: "subject_type") public var subjectType: String
    @Field(key: "subject_id") public var subjectID: UUID

    public init() {}

    init(agreement: UUID, subject: Subject, id: UUID) {
        self.agreementID = agreement
        self.subjectType = subject.rawValue
        self.subjectID = id
    }
}

/// Money or goods a partner gave under an agreement, in whole rupiah (in kind: its estimated value).
public final class Contribution: Model, @unchecked Sendable {
    public static let schema = "partner_contributions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "agreement_id") public var agreementID: UUID
    @Field(key: "partner_code") public var partnerCode: String
    @Field(key: "kind") public var kind: String
    @Field(key: "description") public var description: String
    @Field(key: "value") public var value: Int64
    @Field(key: "given_on") public var givenOn: String
    @Field(key: "created_ms") public var createdMillis: Int64

    public init() {}

    var contributionKind: ContributionKind { ContributionKind(rawValue: kind) ?? .barang }
}
