import RembukCore
import Vapor

/// Cross-site request forgery protection for every form: the secret is an HMAC of the browser's session
/// token (128 bits of it), so it is bound to that browser, needs no storage, and a token from another session never
/// passes. Pages carry it masked with a fresh pad (`MaskedToken`), so compressing a page cannot leak it.
enum CSRF {
    static let fieldName = "_csrf"
    static let secretLength = 16

    static func token(for request: Request) -> String {
        token(sessionToken: request.principal.sessionToken, secret: request.settings.secret)
    }

    /// A masked token, different at every call, that any later request of the same session may send back.
    static func token(sessionToken: String, secret: String) -> String {
        MaskedToken.mask(self.secret(sessionToken: sessionToken, key: secret), pad: MaskedToken.pad(secretLength))
    }

    static func secret(sessionToken: String, key: String) -> [UInt8] {
        Array(KeyedDigest.bytes("csrf:" + sessionToken, key: key).prefix(secretLength))
    }

    /// Whether a form's token belongs to the session making the request.
    static func accepts(_ provided: String?, for request: Request) -> Bool {
        guard let provided, !request.principal.sessionToken.isEmpty,
              let secret = MaskedToken.unmask(provided, length: secretLength) else { return false }
        return MaskedToken.same(secret, self.secret(sessionToken: request.principal.sessionToken, key: request.settings.secret))
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        MaskedToken.same(Array(a.utf8), Array(b.utf8))
    }

    static let notAForm = UserFacingError(.unsupportedMediaType, Phrase(
        "Kiriman ini bukan formulir. Isi dan kirim formulir dari halaman Rembuk.",
        "This is not a form submission. Fill in and send the form on the Rembuk page."))

    static let rejected = UserFacingError(.forbidden, Phrase(
        "Formulir ini sudah kedaluwarsa atau tidak dikirim dari halaman Rembuk. Muat ulang halaman, lalu kirim lagi.",
        "This form has expired or was not sent from a Rembuk page. Reload the page and send it again."))
}

struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(request.method) else { return try await next.respond(to: request) }
        let type = request.headers.contentType
        let isForm = (type?.type == "application" && type?.subType == "x-www-form-urlencoded")
            || (type?.type == "multipart" && type?.subType == "form-data")
        guard isForm else { throw CSRF.notAForm }
        // A form with files streams to its handler, which checks the token as it reads (`SubmittedForm`).
        if type?.type == "multipart", SubmittedForm.streams(request) { return try await next.respond(to: request) }
        let body = try await request.body.collect(max: request.settings.maxBodySize.value).get()
        if let body, body.readableBytes > request.settings.maxBodySize.value { throw Abort(.payloadTooLarge) }
        guard CSRF.accepts(try? request.content.get(String.self, at: CSRF.fieldName), for: request) else { throw CSRF.rejected }
        return try await next.respond(to: request)
    }
}
