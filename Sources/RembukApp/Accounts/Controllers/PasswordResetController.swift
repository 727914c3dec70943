import Fluent
import RembukCore
import Vapor

/// "Lupa kata sandi": ask by phone or e-mail, type the code (phone) or open the link (e-mail), choose a new password.
/// Bappeda can also send a staff member the link.
struct PasswordResetController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.passwordReset) { try await requestPage($0, input: .init(), errors: FormErrors(), status: .ok) }
        routes.post(.passwordReset, use: request)
        routes.get(.passwordResetCode, use: codeForm)
        routes.post(.passwordResetCode, use: verify)
        routes.get(.passwordResetLink(":token"), use: linkForm)
        routes.post(.passwordResetLink(":token"), use: resetByLink)
        routes.post(.adminPasswordReset(":id"), use: adminStart)
    }

    func requestPage(_ req: Request, input: RequestPasswordReset.Input, errors: FormErrors, status: HTTPResponseStatus,
                     unavailable: Bool = false) async throws -> Response {
        PasswordResetRequestPage(identifier: input.identifier ?? "", errors: errors, unavailable: unavailable)
            .render(await req.viewContext()).response(status: status)
    }

    func request(_ req: Request) async throws -> Response {
        let input = try req.content.decode(RequestPasswordReset.Input.self)
        switch try await RequestPasswordReset(remoteAddress: req.clientAddress).run(input, in: req.invocation) {
        case let .codeSent(record):
            return req.redirect(to: SiteRoute.passwordResetCode.path + "?c=\(record.id?.uuidString ?? "")")
        case let .linkSent(email):
            return PasswordResetSentPage(email: email).render(await req.viewContext()).response()
        case let .invalid(errors):
            return try await requestPage(req, input: input, errors: errors, status: .unprocessableEntity)
        case let .throttled(seconds):
            var errors = FormErrors()
            let wait = PhoneSignInController.wait(seconds, req.language)
            errors.add(Phrase("Terlalu sering diminta untuk akun atau jaringan ini. Coba lagi dalam \(wait).",
                              "Asked too often for this account or network. Try again in \(wait)."))
            let response = try await requestPage(req, input: input, errors: errors, status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        case .unavailable:
            return try await requestPage(req, input: input, errors: FormErrors(), status: .serviceUnavailable, unavailable: true)
        }
    }

    func codeForm(_ req: Request) async throws -> Response {
        guard let record = try await VerifyPhoneCode.challenge(req.query[String.self, at: "c"], in: req.invocation),
              record.purposeValue == .reset, record.usedAt == nil, record.expiresAt > Date() else {
            var errors = FormErrors()
            errors.add(VerifyPhoneCode.staleChallenge)
            return try await requestPage(req, input: .init(), errors: errors, status: .unprocessableEntity)
        }
        return PasswordResetCodePage(record: record, errors: FormErrors()).render(await req.viewContext()).response()
    }

    func verify(_ req: Request) async throws -> Response {
        let input = try req.content.decode(VerifyPhoneCode.Input.self)
        guard let pending = try await VerifyPhoneCode.challenge(input.challenge, in: req.invocation), pending.purposeValue == .reset else {
            var errors = FormErrors()
            errors.add(VerifyPhoneCode.staleChallenge)
            return try await requestPage(req, input: .init(), errors: errors, status: .unprocessableEntity)
        }
        switch try await VerifyPhoneCode().run(input, in: req.invocation) {
        case .passwordReset:
            return req.redirect(to: SiteRoute.login.path + "?pesan=sandi-baru")
        case let .invalid(errors, record):
            return PasswordResetCodePage(record: record, errors: errors).render(await req.viewContext()).response(status: .unprocessableEntity)
        case let .over(phrase):
            var errors = FormErrors()
            errors.add(phrase)
            return try await requestPage(req, input: .init(), errors: errors, status: .unprocessableEntity)
        case .signedIn:
            throw UserFacingError.notFound   // a reset challenge never signs in
        }
    }

    func linkForm(_ req: Request) async throws -> Response {
        let link = req.parameters.get("token") ?? ""
        guard try await ResetPasswordByLink.check(link, in: req.invocation) != nil else {
            var errors = FormErrors()
            errors.add(ResetPasswordByLink.over)
            return try await requestPage(req, input: .init(), errors: errors, status: .gone)
        }
        return NewPasswordPage(link: link, errors: FormErrors()).render(await req.viewContext()).response()
    }

    func resetByLink(_ req: Request) async throws -> Response {
        let link = req.parameters.get("token") ?? ""
        let input = try req.content.decode(ResetPasswordByLink.Input.self)
        switch try await ResetPasswordByLink().run(link, input, in: req.invocation) {
        case .reset: return req.redirect(to: SiteRoute.login.path + "?pesan=sandi-baru")
        case let .invalid(errors): return NewPasswordPage(link: link, errors: errors).render(await req.viewContext()).response(status: .unprocessableEntity)
        case let .over(phrase):
            var errors = FormErrors()
            errors.add(phrase)
            return try await requestPage(req, input: .init(), errors: errors, status: .gone)
        }
    }

    func adminStart(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        guard let id = UUID(uuidString: req.parameters.get("id") ?? "") else { throw UserFacingError.notFound }
        let outcome = try await StartPasswordReset().run(accountID: id, in: req.invocation)
        let message = if case .sent = outcome { "tautan-sandi" } else { "tautan-sandi-gagal" }
        return req.redirect(to: SiteRoute.adminAccount(id.uuidString).path + "?pesan=\(message)")
    }
}
