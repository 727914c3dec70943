import Fluent
import RembukCore
import Vapor

/// The privacy notice, and the rights it names: one's own data as JSON, deleting one's account.
struct PrivacyController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.privacy) { req in PrivacyPage().render(await req.viewContext()).response() }
        routes.get(.myData, use: download)
        routes.get(.deleteAccount, use: deleteForm)
        routes.post(.deleteAccount, use: delete)
    }

    func download(_ req: Request) async throws -> Response {
        let export = try await ExportMyData().run(in: req.invocation)
        let encoder = JSONEncoder.rembuk
        encoder.outputFormatting.insert(.prettyPrinted)
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"data-saya-rembuk.json\"")
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(export)))
    }

    func deleteForm(_ req: Request) async throws -> Response {
        let account = try req.requireAccount()
        return DeleteAccountPage(account: account, errors: FormErrors()).render(await req.viewContext()).response()
    }

    func delete(_ req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let input = try req.content.decode(DeleteMyAccount.Input.self)
        if let errors = try await DeleteMyAccount().run(input, in: req.invocation) {
            return DeleteAccountPage(account: account, errors: errors).render(await req.viewContext()).response(status: .unprocessableEntity)
        }
        try await req.endSession()   // its row is gone already; the browser gets a visitor's token
        return req.redirect(to: SiteRoute.home.path)
    }
}
