/// The roles of PRODUCT.md. Every role but warga is held within a scope: a region or an agency.
public enum Role: String, Sendable, CaseIterable, Codable, Hashable {
    case warga
    case operatorDesa = "operator_desa"
    case operatorKecamatan = "operator_kecamatan"
    case opd
    case bappeda
    case moderator
    case mitra

    public enum ScopeKind: Sendable, Equatable {
        case ownAccount
        case region(RegionCode.Level)
        case agency
        case organisation
    }

    public var scopeKind: ScopeKind {
        switch self {
        case .warga: .ownAccount
        case .operatorDesa: .region(.desa)
        case .operatorKecamatan: .region(.kecamatan)
        case .opd: .agency
        case .bappeda, .moderator: .region(.kabupaten)
        case .mitra: .organisation
        }
    }

    /// Roles only a Bappeda admin hands out (warga is what every registered account is).
    public static let staffRoles: [Role] = [.operatorDesa, .operatorKecamatan, .opd, .bappeda, .moderator, .mitra]

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.warga, .id): "Warga"
        case (.warga, .en): "Citizen"
        case (.operatorDesa, .id): "Operator desa/kelurahan"
        case (.operatorDesa, .en): "Village operator"
        case (.operatorKecamatan, .id): "Operator kecamatan"
        case (.operatorKecamatan, .en): "District operator"
        case (.opd, .id): "Staf perangkat daerah (OPD)"
        case (.opd, .en): "Agency staff (OPD)"
        case (.bappeda, .id): "Admin Bappeda"
        case (.bappeda, .en): "Planning agency admin"
        case (.moderator, .id): "Moderator / fasilitator"
        case (.moderator, .en): "Moderator / facilitator"
        case (.mitra, .id): "Mitra"
        case (.mitra, .en): "Partner"
        }
    }
}

/// Where a role holds.
public enum Scope: Sendable, Hashable {
    case ownAccount
    case region(RegionCode)
    case agency(String)
    case organisation(String)
}

public struct Grant: Sendable, Hashable {
    public let role: Role
    public let scope: Scope

    public enum Problem: Error, Sendable, Equatable {
        case scopeDoesNotFitRole
    }

    /// Builds a grant only when the scope is of the kind the role needs (an operator desa needs a desa code…).
    public static func make(role: Role, scope: Scope) -> Result<Grant, Problem> {
        switch (role.scopeKind, scope) {
        case (.ownAccount, .ownAccount),
             (.agency, .agency),
             (.organisation, .organisation):
            return .success(Grant(role: role, scope: scope))
        case let (.region(level), .region(code)) where code.level == level:
            return .success(Grant(role: role, scope: scope))
        default:
            return .failure(.scopeDoesNotFitRole)
        }
    }

    private init(role: Role, scope: Scope) {
        self.role = role
        self.scope = scope
    }
}
