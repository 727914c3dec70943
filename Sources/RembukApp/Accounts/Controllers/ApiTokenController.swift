import Fluent
import Vapor

/// A person's API tokens: make one (shown once), see when each was used, revoke.
struct ApiTokenController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.apiTokens, use: index)
        routes.post(.apiTokens, use: create)
        routes.post(.apiTokenRevoke(":id"), use: revoke)
    }

    func index(_ req: Request) async throws -> Response {
        try await page(req, created: nil, errors: FormErrors(), status: .ok)
    }

    func create(_ req: Request) async throws -> Response {
        _ = try req.requireOwnAccount()
        let input = try req.content.decode(CreateApiToken.Input.self)
        switch try await CreateApiToken().run(input, in: req.invocation) {
        case let .created(secret, _): return try await page(req, created: secret, errors: FormErrors(), status: .ok)
        case let .invalid(errors): return try await page(req, created: nil, input: input, errors: errors, status: .unprocessableEntity)
        }
    }

    func revoke(_ req: Request) async throws -> Response {
        guard let id = UUID(uuidString: req.parameters.get("id") ?? "") else { throw UserFacingError.notFound }
        try await RevokeApiToken().run(tokenID: id, in: req.invocation)
        return req.redirect(to: SiteRoute.apiTokens.path)
    }

    func page(_ req: Request, created: String?, input: CreateApiToken.Input = .init(), errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let account = try req.requireOwnAccount()
        let tokens = try await ApiToken.query(on: req.db).filter(\.$account.$id == account.requireID()).filter(\.$revokedAt == nil)
            .sort(\.$createdAt, .descending).all()
        return ApiTokenPage(tokens: tokens, created: created, input: input, errors: errors).render(await req.viewContext()).response(status: status)
    }
}
