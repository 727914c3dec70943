/// Someone acting on Rembuk: a visitor, or an account with its grants. Commands ask it what it may do.
public struct Actor: Sendable, Hashable {
    public let accountID: String?
    public let grants: [Grant]

    public static let visitor = Actor(accountID: nil, grants: [])

    public init(accountID: String?, grants: [Grant]) {
        self.accountID = accountID
        self.grants = grants
    }

    public var isSignedIn: Bool { accountID != nil }

    public func has(_ role: Role) -> Bool { grants.contains { $0.role == role } }

    /// Regions in which this actor holds `role`.
    public func regions(for role: Role) -> [RegionCode] {
        grants.compactMap { grant in
            if grant.role == role, case let .region(code) = grant.scope { return code }
            return nil
        }
    }

    public func agencies(for role: Role = .opd) -> [String] {
        grants.compactMap { grant in
            if grant.role == role, case let .agency(id) = grant.scope { return id }
            return nil
        }
    }

    /// Partner organisations (their codes) this actor works for as a mitra user.
    public var partners: [String] {
        grants.compactMap { grant in
            if grant.role == .mitra, case let .organisation(code) = grant.scope { return code }
            return nil
        }
    }

    /// Whether one of `roles` is held in a region that contains `region`
    /// (an operator kecamatan covers the desa of its kecamatan; a Bappeda admin the whole kabupaten).
    public func covers(_ region: RegionCode, as roles: Set<Role>) -> Bool {
        grants.contains { grant in
            guard roles.contains(grant.role), case let .region(scope) = grant.scope else { return false }
            return scope.contains(region)
        }
    }

    public func can(_ action: Action) -> Bool {
        switch action {
        case .useOwnAccount:
            return isSignedIn
        case let .manageAccounts(kabupaten):
            return covers(kabupaten, as: [.bappeda])
        case let .administerRegion(region):
            return covers(region, as: [.operatorDesa, .operatorKecamatan, .bappeda])
        case let .actForAgency(agency):
            return agencies().contains(agency) || grants.contains { $0.role == .bappeda }
        case let .actForPartner(code):
            return partners.contains(code)
        case let .assistCitizens(region):
            return covers(region, as: [.operatorDesa, .operatorKecamatan])
        case let .moderate(region):
            return covers(region, as: [.moderator, .bappeda])
        case let .managePlanning(kabupaten):
            return covers(kabupaten, as: [.bappeda])
        }
    }
}

/// What a command may be asked to do, with the scope it touches.
public enum Action: Sendable, Hashable {
    case useOwnAccount
    case manageAccounts(kabupaten: RegionCode)
    case administerRegion(RegionCode)
    case actForAgency(String)
    /// Speak for a partner organisation (its profile; its share of co-hosted programmes).
    case actForPartner(String)
    /// Register citizens without phone or e-mail living in the region and act for them at the office or a forum.
    case assistCitizens(RegionCode)
    case moderate(RegionCode)
    /// Planning cycles, the kamus usulan catalogue and other settings Bappeda keeps for the kabupaten.
    case managePlanning(kabupaten: RegionCode)
}
