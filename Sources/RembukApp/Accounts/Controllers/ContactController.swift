import Fluent
import RembukCore
import Vapor

/// The owner's name, e-mail and phone, and the proofs a new or unproven contact needs.
struct ContactController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.accountDetails, use: form)
        routes.post(.accountDetails, use: change)
        routes.post(.proveContact, use: prove)
        routes.get(.emailProof(":token"), use: linkPage)
        routes.post(.emailProof(":token"), use: verifyLink)
    }

    func form(_ req: Request) async throws -> Response {
        let account = try req.requireOwnAccount()
        let input = ChangeContact.Input(name: account.name, email: account.email ?? "")
        return ContactPage(account: account, input: input, errors: FormErrors()).render(await req.viewContext()).response()
    }

    func change(_ req: Request) async throws -> Response {
        let account = try req.requireOwnAccount()
        let input = try req.content.decode(ChangeContact.Input.self)
        var page = ContactPage(account: account, input: input, errors: FormErrors())
        switch try await ChangeContact(remoteAddress: req.clientAddress).run(input, in: req.invocation) {
        case let .saved(sent): return Self.after(req, sent)
        case let .invalid(errors):
            page.errors = errors
            return page.render(await req.viewContext()).response(status: .unprocessableEntity)
        case let .throttled(seconds):
            page.errors.add(Self.tooSoon(seconds, req.language))
            let response = page.render(await req.viewContext()).response(status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        }
    }

    func prove(_ req: Request) async throws -> Response {
        _ = try req.requireOwnAccount()
        guard let channel = ProveContact.Channel(rawValue: (try? req.content.get(String.self, at: "kontak")) ?? "") else {
            throw UserFacingError(.badRequest, Phrase("Pilih e-mail atau nomor HP yang diverifikasi.", "Choose the e-mail or phone number to verify."))
        }
        switch try await ProveContact(remoteAddress: req.clientAddress).run(channel, in: req.invocation) {
        case let .sent(sent): return Self.after(req, sent)
        case let .throttled(seconds): throw UserFacingError(.tooManyRequests, Self.tooSoon(seconds, req.language), retryAfter: seconds)
        case let .nothing(phrase): throw UserFacingError(.unprocessableEntity, phrase)
        }
    }

    /// A code page when a code went out, else the account page saying what happened.
    static func after(_ req: Request, _ sent: ContactProof.Sent) -> Response {
        if let code = sent.code, let id = code.id {
            return req.redirect(to: SiteRoute.phoneCode.path + "?c=\(id.uuidString)&kembali=" + SiteRoute.account.path.urlQueryEscaped)
        }
        let notice = sent.codeFailed ? "kode-gagal" : sent.link != nil ? "tautan" : "data-diri"
        return req.redirect(to: SiteRoute.account.path + "?pesan=" + notice)
    }

    static func tooSoon(_ seconds: Int, _ language: RembukCore.Language) -> Phrase {
        let wait = PhoneSignInController.wait(seconds, language)
        return Phrase("Terlalu sering diminta untuk kontak atau jaringan ini. Coba lagi dalam \(wait).",
                      "Asked for too often for this contact or network. Try again in \(wait).")
    }

    func linkPage(_ req: Request) async throws -> Response {
        let link = req.parameters.get("token") ?? ""
        guard let (record, _) = try await VerifyEmailLink.check(link, in: req.invocation) else {
            return EmailProofPage(state: .over(VerifyEmailLink.over)).render(await req.viewContext()).response(status: .gone)
        }
        return EmailProofPage(state: .confirm(link: link, email: record.phone)).render(await req.viewContext()).response()
    }

    func verifyLink(_ req: Request) async throws -> Response {
        let link = req.parameters.get("token") ?? ""
        switch try await VerifyEmailLink().run(link, in: req.invocation) {
        case let .verified(email):
            return EmailProofPage(state: .done(email: email)).render(await req.viewContext()).response()
        case let .over(phrase):
            return EmailProofPage(state: .over(phrase)).render(await req.viewContext()).response(status: .gone)
        }
    }
}
