import Fluent
import RembukCore
import Vapor

struct AccountController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.register, use: registerForm)
        routes.post(.register, use: registerSubmit)
        routes.get(.login, use: loginForm)
        routes.post(.login, use: loginSubmit)
        routes.post(.logout, use: logout)
        routes.get(.account, use: account)
        routes.post(.changePassword, use: changePassword)
        routes.post(.notificationSettings, use: notificationSettings)
    }

    func registerForm(_ req: Request) async throws -> Response {
        if req.principal.account != nil { return req.redirect(to: SiteRoute.account.path) }
        return RegisterPage(input: .init(), errors: FormErrors()).render(await req.viewContext()).response()
    }

    func registerSubmit(_ req: Request) async throws -> Response {
        let input = try req.content.decode(RegisterAccount.Input.self)
        switch try await RegisterAccount(remoteAddress: req.clientAddress).run(input, in: req.invocation) {
        case let .registered(account):
            try await req.startSession(for: account)
            return req.redirect(to: SiteRoute.account.path + "?baru=1")
        case .messageSent:
            return RegistrationSentPage().render(await req.viewContext()).response()
        case let .invalid(errors):
            return RegisterPage(input: input, errors: errors).render(await req.viewContext()).response(status: .unprocessableEntity)
        }
    }

    func loginForm(_ req: Request) async throws -> Response {
        let back = safeReturnPath(req.query[String.self, at: "kembali"], fallback: SiteRoute.account.path)
        if req.principal.account != nil { return req.redirect(to: back) }
        return LoginPage(identifier: "", back: back, errors: FormErrors(), notice: req.queryValue("pesan")).render(await req.viewContext()).response()
    }

    func loginSubmit(_ req: Request) async throws -> Response {
        let input = try req.content.decode(LogIn.Input.self)
        let back = safeReturnPath(try? req.content.get(String.self, at: "kembali"), fallback: SiteRoute.account.path)
        let address = req.clientAddress
        let command = LogIn(remoteAddress: address, deviceCookie: req.cookies[KnownDevice.cookieName]?.string)
        switch try await command.run(input, in: req.invocation) {
        case let .signedIn(account, device):
            try await req.startSession(for: account)
            let response = req.redirect(to: back)
            response.cookies[KnownDevice.cookieName] = KnownDevice.cookie(
                KnownDevice.value(name: device, account: try account.requireID(), secret: req.settings.secret), secure: req.settings.secureCookies)
            return response
        case let .invalid(errors):
            return LoginPage(identifier: input.identifier ?? "", back: back, errors: errors)
                .render(await req.viewContext()).response(status: .unauthorized)
        case let .throttled(minutes):
            var errors = FormErrors()
            errors.add(Phrase("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam \(minutes) menit.",
                              "Too many failed sign-in attempts. Try again in \(minutes) minute\(minutes == 1 ? "" : "s")."))
            let response = LoginPage(identifier: input.identifier ?? "", back: back, errors: errors)
                .render(await req.viewContext()).response(status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(minutes * 60))
            return response
        }
    }

    func logout(_ req: Request) async throws -> Response {
        try await req.endSession()
        return req.redirect(to: SiteRoute.home.path)
    }

    func account(_ req: Request) async throws -> Response {
        let account = try req.requireAccount()
        // An operator serving someone sees that citizen's proposals, not their account settings.
        if req.principal.assistant != nil { return req.redirect(to: SiteRoute.myUsulan.path) }
        let notice: String? = switch req.query[String.self, at: "pesan"] ?? (req.query[String.self, at: "baru"] != nil ? "baru" : nil) {
        case "baru": "welcome"
        case "sandi": "password"
        case "notifikasi": "notifications"
        case "klaim": "claimed"
        case let value? where ["data-diri", "tautan", "hp", "kode-gagal"].contains(value): value
        default: nil
        }
        return try await accountPage(req, account, notice: notice, passwordErrors: FormErrors(), status: .ok)
    }

    func changePassword(_ req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let input = try req.content.decode(ChangePassword.Input.self)
        switch try await ChangePassword().run(input, in: req.invocation) {
        case .changed:
            return req.redirect(to: SiteRoute.account.path + "?pesan=sandi")
        case let .invalid(errors):
            return try await accountPage(req, account, notice: nil, passwordErrors: errors, status: .unprocessableEntity)
        }
    }

    /// The account page, with the names of the regions and agencies the person's roles are scoped to.
    func accountPage(_ req: Request, _ account: Account, notice: String?, passwordErrors: FormErrors,
                     status: HTTPResponseStatus) async throws -> Response {
        let regions = try await Region.query(on: req.db).filter(\.$id ~~ req.principal.grants.compactMap(\.regionCode)).all()
        let agencies = try await Agency.query(on: req.db).filter(\.$id ~~ req.principal.grants.compactMap(\.agencyID)).all()
        var names: [String: String] = [:]
        for region in regions { names[region.id ?? ""] = region.name }
        for agency in agencies { names[agency.id ?? ""] = agency.name }
        let follows = try await Follow.query(on: req.db).filter(\.$account.$id == account.requireID()).all()
        let pending = try await OneTimeCodeRecord.query(on: req.db).filter(\.$accountID == account.requireID())
            .filter(\.$purpose == OneTimeCodeRecord.Purpose.verifyEmail.rawValue).filter(\.$usedAt == nil).filter(\.$expiresAt > Date())
            .sort(\.$createdAt, .descending).first()
        let page = AccountPage(account: account, grants: req.principal.grants, scopeNames: names, follows: follows,
                               notice: notice, passwordErrors: passwordErrors, settings: req.settings,
                               pendingEmail: pending?.phone)
        return page.render(await req.viewContext()).response(status: status)
    }

    func notificationSettings(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        try await UpdateNotificationSettings().run(try req.content.decode(UpdateNotificationSettings.Input.self), in: req.invocation)
        return req.redirect(to: SiteRoute.account.path + "?pesan=notifikasi")
    }
}
