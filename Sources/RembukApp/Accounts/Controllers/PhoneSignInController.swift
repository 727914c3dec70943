import Fluent
import RembukCore
import Vapor

/// Phone-first sign-in and sign-up by code, and the claim of an assisted account.
struct PhoneSignInController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.phoneSignIn, use: requestForm)
        routes.post(.phoneSignIn, use: request)
        routes.get(.claimAccount, use: claimForm)
        routes.post(.claimAccount, use: request)
        routes.get(.phoneCode, use: codeForm)
        routes.post(.phoneCode, use: verify)
    }

    func requestForm(_ req: Request) async throws -> Response {
        let back = safeReturnPath(req.query[String.self, at: "kembali"], fallback: SiteRoute.account.path)
        if req.principal.account != nil { return req.redirect(to: back) }
        return PhoneRequestPage(mode: .signIn, back: back, canSend: Self.canSend(req)).render(await req.viewContext()).response()
    }

    func claimForm(_ req: Request) async throws -> Response {
        if req.principal.account != nil { return req.redirect(to: SiteRoute.account.path) }
        return PhoneRequestPage(mode: .claim, back: SiteRoute.account.path, canSend: Self.canSend(req)).render(await req.viewContext()).response()
    }

    /// "45 detik", "3 menit": how long until a code may be asked for again.
    static func wait(_ seconds: Int, _ language: RembukCore.Language) -> String {
        seconds < 120 ? language == .id ? "\(seconds) detik" : "\(seconds) seconds"
                      : language == .id ? "\((seconds + 59) / 60) menit" : "\((seconds + 59) / 60) minutes"
    }

    static func canSend(_ req: Request) -> Bool { req.settings.webhookURL != nil || req.settings.sendmailCommand != nil }

    func request(_ req: Request) async throws -> Response {
        let input = try req.content.decode(RequestPhoneCode.Input.self)
        let back = safeReturnPath(try? req.content.get(String.self, at: "kembali"), fallback: SiteRoute.account.path)
        let claiming = req.url.path == SiteRoute.claimAccount.path
        var command = input
        if claiming { command.claim_code = input.claim_code ?? "" } else { command.claim_code = nil }
        var page = PhoneRequestPage(mode: claiming ? .claim : .signIn, phone: input.phone ?? "", claimCode: input.claim_code ?? "",
                                    back: back, canSend: Self.canSend(req))
        switch try await RequestPhoneCode(remoteAddress: req.clientAddress).run(command, in: req.invocation) {
        case let .sent(record):
            return req.redirect(to: SiteRoute.phoneCode.path + "?c=\(record.id?.uuidString ?? "")&kembali=" + back.urlQueryEscaped)
        case let .invalid(errors):
            page.errors = errors
            return page.render(await req.viewContext()).response(status: .unprocessableEntity)
        case let .throttled(seconds):
            let wait = Self.wait(seconds, req.language)
            page.errors.add(Phrase("Kode baru belum bisa dikirim: terlalu sering diminta untuk nomor atau jaringan ini. Coba lagi dalam \(wait).",
                                   "A new code cannot be sent yet: too many were asked for this number or network. Try again in \(wait)."))
            let response = page.render(await req.viewContext()).response(status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        case .unavailable:
            page.canSend = false
            return page.render(await req.viewContext()).response(status: .serviceUnavailable)
        case .deliveryFailed:
            page.errors.add(Phrase("Kode tidak dapat dikirim: layanan SMS/WhatsApp sedang gangguan. Coba lagi beberapa menit lagi, atau masuk dengan kata sandi.",
                                   "The code could not be sent: the SMS/WhatsApp service is down. Try again in a few minutes, or sign in with a password."))
            let response = page.render(await req.viewContext()).response(status: .serviceUnavailable)
            response.headers.replaceOrAdd(name: .retryAfter, value: "300")
            return response
        }
    }

    func codeForm(_ req: Request) async throws -> Response {
        let back = safeReturnPath(req.query[String.self, at: "kembali"], fallback: SiteRoute.account.path)
        guard let record = try await VerifyPhoneCode.challenge(req.query[String.self, at: "c"], in: req.invocation),
              record.usedAt == nil, record.expiresAt > Date() else {
            return try await over(req, VerifyPhoneCode.staleChallenge, back: back)
        }
        return PhoneCodePage(record: record, back: back).render(await req.viewContext()).response()
    }

    func verify(_ req: Request) async throws -> Response {
        let input = try req.content.decode(VerifyPhoneCode.Input.self)
        let back = safeReturnPath(try? req.content.get(String.self, at: "kembali"), fallback: SiteRoute.account.path)
        switch try await VerifyPhoneCode().run(input, in: req.invocation) {
        case let .signedIn(account, purpose):
            // Proving a number changes nothing about who is signed in.
            if purpose == .verifyPhone { return req.redirect(to: SiteRoute.account.path + "?pesan=hp") }
            try await req.startSession(for: account)
            switch purpose {
            case .signUp: return req.redirect(to: back == SiteRoute.account.path ? SiteRoute.account.path + "?baru=1" : back)
            case .claim: return req.redirect(to: SiteRoute.account.path + "?pesan=klaim")
            case .signIn: return req.redirect(to: back)
            case .reset, .resetLink, .verifyEmail, .verifyPhone: return req.redirect(to: SiteRoute.login.path)   // reset codes go through /lupa-sandi/kode
            }
        case let .invalid(errors, record):
            return PhoneCodePage(record: record, back: back, name: input.name ?? "", consent: input.consent == "ya", errors: errors)
                .render(await req.viewContext()).response(status: .unprocessableEntity)
        case let .over(phrase):
            return try await over(req, phrase, back: back)
        case .passwordReset:
            return req.redirect(to: SiteRoute.login.path + "?pesan=sandi-baru")
        }
    }

    /// Back to the start, saying why the code cannot be used.
    func over(_ req: Request, _ phrase: Phrase, back: String) async throws -> Response {
        var page = PhoneRequestPage(mode: .signIn, back: back, canSend: Self.canSend(req))
        page.errors.add(phrase)
        return page.render(await req.viewContext()).response(status: .unprocessableEntity)
    }
}
