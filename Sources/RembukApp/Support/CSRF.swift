import RembukCore
import Vapor

/// Cross-site request forgery protection for every form: the token is an HMAC of the browser's session
/// token, so it is bound to that browser, needs no storage, and a token from another session never passes.
enum CSRF {
    static let fieldName = "_csrf"

    static func token(for request: Request) -> String {
        token(sessionToken: request.principal.sessionToken, secret: request.settings.secret)
    }

    static func token(sessionToken: String, secret: String) -> String {
        KeyedDigest.hex("csrf:" + sessionToken, key: secret)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        return zip(a.utf8, b.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
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
        let provided = try? request.content.get(String.self, at: CSRF.fieldName)
        guard let provided, !request.principal.sessionToken.isEmpty,
              CSRF.constantTimeEqual(provided, CSRF.token(for: request)) else {
            throw CSRF.rejected
        }
        return try await next.respond(to: request)
    }
}
