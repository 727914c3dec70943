import Fluent
import RembukCore
import Vapor

struct AdminAccountsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.adminAccounts, use: index)
        routes.get(.adminNewAccount, use: newForm)
        routes.post(.adminNewAccount, use: create)
        routes.get(.adminAccount(":id"), use: show)
        routes.post(.adminGrant(":id"), use: grant)
        routes.post(.adminRevoke(":id", ":grant"), use: revoke)
        routes.post(.adminAccountStatus(":id"), use: status)
    }

    /// Pages check too (commands check again): nobody but a Bappeda admin sees these screens.
    func requireAdmin(_ req: Request) throws {
        _ = try req.requireAccount()
        try StaffRules.requireAdmin(req.invocation)
    }

    func index(_ req: Request) async throws -> Response {
        try requireAdmin(req)
        let search = String(CleanText.line(req.query[String.self, at: "q"] ?? "").prefix(100))
        let query = Account.query(on: req.db).with(\.$grants).sort(\.$name)
        if !search.isEmpty {
            query.group(.or) { $0.filter(\.$name ~~ search).filter(\.$email ~~ search.lowercased()) }
        }
        let accounts = try await query.limit(200).all()
        return AdminAccountsPage(accounts: accounts, search: search).render(await req.viewContext()).response()
    }

    func newForm(_ req: Request) async throws -> Response {
        try requireAdmin(req)
        let page = NewStaffPage(input: .init(), errors: FormErrors(), choices: try await ScopeChoices.load(req))
        return page.render(await req.viewContext()).response()
    }

    func create(_ req: Request) async throws -> Response {
        let input = try req.content.decode(CreateStaffAccount.Input.self)
        switch try await CreateStaffAccount().run(input, in: req.invocation) {
        case let .created(account):
            return req.redirect(to: SiteRoute.adminAccount(try account.requireID().uuidString).path + "?pesan=dibuat")
        case let .invalid(errors):
            let page = NewStaffPage(input: input, errors: errors, choices: try await ScopeChoices.load(req))
            return page.render(await req.viewContext()).response(status: .unprocessableEntity)
        }
    }

    func show(_ req: Request) async throws -> Response {
        try requireAdmin(req)
        return try await detail(req, errors: FormErrors(), status: .ok)
    }

    func detail(_ req: Request, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let account = try await findAccount(req)
        let grants = try await RoleGrant.query(on: req.db).filter(\.$account.$id == account.requireID()).sort(\.$createdAt).all()
        let page = AdminAccountPage(account: account, grants: grants, choices: try await ScopeChoices.load(req), errors: errors,
                                    notice: req.query[String.self, at: "pesan"])
        return page.render(await req.viewContext()).response(status: status)
    }

    func grant(_ req: Request) async throws -> Response {
        let account = try await findAccount(req)
        switch try await GrantRole().run(accountID: try account.requireID(), try req.content.decode(GrantInput.self), in: req.invocation) {
        case .granted: return req.redirect(to: SiteRoute.adminAccount(try account.requireID().uuidString).path + "?pesan=peran")
        case let .invalid(errors): return try await detail(req, errors: errors, status: .unprocessableEntity)
        }
    }

    func revoke(_ req: Request) async throws -> Response {
        let account = try await findAccount(req)
        guard let grantID = UUID(uuidString: req.parameters.get("grant") ?? "") else { throw UserFacingError.notFound }
        let reason = try? req.content.get(String.self, at: "reason")
        if let errors = try await RevokeRole().run(accountID: try account.requireID(), grantID: grantID, reason: reason, in: req.invocation) {
            return try await detail(req, errors: errors, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.adminAccount(try account.requireID().uuidString).path + "?pesan=dicabut")
    }

    func status(_ req: Request) async throws -> Response {
        let account = try await findAccount(req)
        let disable = (try? req.content.get(String.self, at: "action")) == "disable"
        let reason = try? req.content.get(String.self, at: "reason")
        if let errors = try await SetAccountStatus().run(accountID: try account.requireID(), disable: disable, reason: reason, in: req.invocation) {
            return try await detail(req, errors: errors, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.adminAccount(try account.requireID().uuidString).path + "?pesan=status")
    }

    func findAccount(_ req: Request) async throws -> Account {
        try requireAdmin(req)
        guard let id = UUID(uuidString: req.parameters.get("id") ?? ""), let account = try await Account.find(id, on: req.db) else {
            throw UserFacingError.notFound
        }
        return account
    }
}

/// The regions and agencies a role can be scoped to in this kabupaten.
struct ScopeChoices {
    var kecamatan: [Region]
    var desa: [Region]
    var agencies: [Agency]
    var partners: [Partner]

    static func load(_ req: Request) async throws -> ScopeChoices {
        let kabupaten = req.settings.kabupaten.value
        let regions = try await Region.query(on: req.db).within(kabupaten).sort(\.$id).all()
        return ScopeChoices(kecamatan: regions.filter { $0.depth == 2 }, desa: regions.filter { $0.depth == 3 },
                            agencies: try await Agency.query(on: req.db).filter(\.$kabupatenCode == kabupaten).filter(\.$active == true).sort(\.$name).all(),
                            partners: try await Partner.query(on: req.db).sort(\.$name).all())
    }
}
