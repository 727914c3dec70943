import Fluent
import Vapor

/// The Bappeda admin's agency tokens: make one for an OPD's system (shown once), see their use, revoke.
struct AgencyTokensController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.adminTokens, use: index)
        routes.post(.adminTokens, use: create)
        routes.post(.adminTokenRevoke(":id"), use: revoke)
    }

    func index(_ req: Request) async throws -> Response {
        try StaffRules.requireAdmin(req.invocation)
        return try await page(req, created: nil, input: .init(), errors: FormErrors(), status: .ok)
    }

    func create(_ req: Request) async throws -> Response {
        let input = try req.content.decode(CreateAgencyToken.Input.self)
        switch try await CreateAgencyToken().run(input, in: req.invocation) {
        case let .created(secret, _): return try await page(req, created: secret, input: .init(), errors: FormErrors(), status: .ok)
        case let .invalid(errors): return try await page(req, created: nil, input: input, errors: errors, status: .unprocessableEntity)
        }
    }

    func revoke(_ req: Request) async throws -> Response {
        try await RevokeAgencyToken().run(tokenID: req.parameters.get("id"), reason: try? req.content.get(String.self, at: "reason"), in: req.invocation)
        return req.redirect(to: SiteRoute.adminTokens.path)
    }

    func page(_ req: Request, created: String?, input: CreateAgencyToken.Input, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let tokens = try await ApiToken.query(on: req.db).filter(\.$agencyID != nil).filter(\.$revokedAt == nil).sort(\.$createdAt, .descending).all()
        let agencies = try await Agency.query(on: req.db).filter(\.$kabupatenCode == req.settings.kabupaten.value).filter(\.$active == true).sort(\.$name).all()
        return AgencyTokensPage(tokens: tokens, agencies: agencies, created: created, input: input, errors: errors)
            .render(await req.viewContext()).response(status: status)
    }
}
