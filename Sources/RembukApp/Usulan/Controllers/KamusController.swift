import Fluent
import RembukCore
import Vapor

/// The kamus usulan: public, so citizens see what things cost; kept by Bappeda.
struct KamusController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.kamus, use: index)
        routes.post(.kamus, use: create)
        routes.get(.kamusEdit(":id"), use: edit)
        routes.post(.kamusEdit(":id"), use: update)
    }

    func index(_ req: Request) async throws -> Response {
        try await list(req, input: SaveKamusItem.Input(), errors: FormErrors(), status: .ok)
    }

    func create(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        let input = try req.content.decode(SaveKamusItem.Input.self)
        switch try await SaveKamusItem().run(input, existing: nil, in: req.invocation) {
        case .saved: return req.redirect(to: SiteRoute.kamus.path)
        case let .invalid(errors): return try await list(req, input: input, errors: errors, status: .unprocessableEntity)
        }
    }

    func edit(_ req: Request) async throws -> Response {
        let item = try await find(req)
        let input = SaveKamusItem.Input(code: item.code, name: item.name, satuan: item.satuan, unit_price: Rupiah(item.unitPrice).formatted,
                                        agency: item.agency, bidang: item.bidang, fisik: item.fisik ? "1" : nil, active: item.active ? "1" : nil)
        return try await editor(req, item, input: input, errors: FormErrors(), status: .ok)
    }

    func update(_ req: Request) async throws -> Response {
        let item = try await find(req)
        let input = try req.content.decode(SaveKamusItem.Input.self)
        switch try await SaveKamusItem().run(input, existing: item, in: req.invocation) {
        case .saved: return req.redirect(to: SiteRoute.kamus.path)
        case let .invalid(errors): return try await editor(req, item, input: input, errors: errors, status: .unprocessableEntity)
        }
    }

    func find(_ req: Request) async throws -> KamusItem {
        guard req.principal.actor.can(.managePlanning(kabupaten: req.settings.kabupaten)) else { throw UserFacingError.forbidden }
        guard let id = UUID(uuidString: req.parameters.get("id") ?? ""), let item = try await KamusItem.find(id, on: req.db) else {
            throw UserFacingError.notFound
        }
        return item
    }

    func list(_ req: Request, input: SaveKamusItem.Input, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let items = try await KamusItem.query(on: req.db).sort(\.$bidang).sort(\.$code).all()
        let canManage = req.principal.actor.can(.managePlanning(kabupaten: req.settings.kabupaten))
        let agencies = try await ScopeChoices.load(req).agencies
        return KamusPage(items: items, agencies: agencies, canManage: canManage, input: input, errors: errors)
            .render(await req.viewContext()).response(status: status)
    }

    func editor(_ req: Request, _ item: KamusItem, input: SaveKamusItem.Input, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let agencies = try await ScopeChoices.load(req).agencies
        return KamusPage.editPage(await req.viewContext(), item: item, agencies: agencies, input: input, errors: errors).response(status: status)
    }
}
