import Fluent
import RembukCore
import Vapor

/// Operators register citizens without phone or e-mail and act for them.
struct AssistController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.assisted, use: index)
        routes.post(.assisted, use: create)
        routes.get(.assistedCitizen(":id"), use: show)
        routes.post(.assistStart(":id"), use: start)
        routes.post(.assistStop, use: stop)
        routes.post(.assistedClaimCode(":id"), use: reissue)
    }

    func index(_ req: Request) async throws -> Response {
        try await list(req, input: .init(), errors: FormErrors(), status: .ok)
    }

    func list(_ req: Request, input: RegisterAssistedCitizen.Input, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let ctx = req.invocation
        try AssistGuard.requireOperator(ctx)
        let desa = try await AssistGuard.desa(ctx)
        let citizens = try await Account.query(on: req.db).filter(\.$assistedRegion ~~ desa.compactMap(\.id)).filter(\.$claimedAt == nil)
            .sort(\.$name).all()
        return AssistedListPage(citizens: citizens, desa: desa, input: input, errors: errors).render(await req.viewContext()).response(status: status)
    }

    func create(_ req: Request) async throws -> Response {
        let input = try req.content.decode(RegisterAssistedCitizen.Input.self)
        switch try await RegisterAssistedCitizen().run(input, in: req.invocation) {
        case let .registered(citizen, code): return try await page(req, citizen, claimCode: code, status: .created)
        case let .invalid(errors): return try await list(req, input: input, errors: errors, status: .unprocessableEntity)
        }
    }

    func show(_ req: Request) async throws -> Response {
        let citizen = try await AssistGuard.citizen(req.parameters.get("id"), in: req.invocation)
        return try await page(req, citizen, claimCode: nil, status: .ok)
    }

    func page(_ req: Request, _ citizen: Account, claimCode: String?, status: HTTPResponseStatus) async throws -> Response {
        let desa = try await Region.find(citizen.assistedRegion ?? "", on: req.db)
        return AssistedCitizenPage(citizen: citizen, desaName: desa?.name ?? citizen.assistedRegion ?? "", claimCode: claimCode,
                                   baseURL: req.settings.baseURL).render(await req.viewContext()).response(status: status)
    }

    func start(_ req: Request) async throws -> Response {
        _ = try await AssistCitizen().start(req.parameters.get("id"), in: req.invocation)
        return req.redirect(to: SiteRoute.usulanNew.path)
    }

    func stop(_ req: Request) async throws -> Response {
        try await AssistCitizen().stop(in: req.invocation)
        return req.redirect(to: SiteRoute.assisted.path)
    }

    func reissue(_ req: Request) async throws -> Response {
        let (citizen, code) = try await AssistCitizen().reissueClaimCode(req.parameters.get("id"), in: req.invocation)
        return try await page(req, citizen, claimCode: code, status: .ok)
    }
}
