import Fluent
import Foundation
import RembukCore

/// A role held by an account within a scope. Revoking keeps the row (with who and when) for history.
public final class RoleGrant: Model, @unchecked Sendable {
    public static let schema = "role_grants"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "account_id") public var account: Account
    @Field(key: "role") public var role: String
    @OptionalField(key: "region_code") public var regionCode: String?
    @OptionalField(key: "agency_id") public var agencyID: String?
    @OptionalField(key: "organisation") public var organisation: String?
    @OptionalField(key: "granted_by") public var grantedBy: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @OptionalField(key: "revoked_by") public var revokedBy: UUID?

    public init() {}

    public init(accountID: UUID, grant: Grant, grantedBy: UUID?) {
        self.$account.id = accountID
        self.role = grant.role.rawValue
        switch grant.scope {
        case .ownAccount: break
        case let .region(code): regionCode = code.value
        case let .agency(id): agencyID = id
        case let .organisation(name): organisation = name
        }
        self.grantedBy = grantedBy
    }

    /// The domain grant, or nil for a row that no longer makes sense (an unknown role).
    public var grant: Grant? {
        guard let role = Role(rawValue: role) else { return nil }
        let scope: Scope
        if let regionCode, let code = RegionCode(regionCode) { scope = .region(code) }
        else if let agencyID { scope = .agency(agencyID) }
        else if let organisation { scope = .organisation(organisation) }
        else { scope = .ownAccount }
        return try? Grant.make(role: role, scope: scope).get()
    }

    public var scopeText: String { regionCode ?? agencyID ?? organisation ?? "" }
}
