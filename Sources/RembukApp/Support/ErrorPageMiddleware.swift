import Foundation
import Plot
import RembukCore
import Vapor

/// Turns every error into something a person can read: an HTML page in their language, or for `/api`
/// an RFC 7807 problem object. Internals (stack traces, SQL, file paths) never reach the response.
struct ErrorPageMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return await Self.response(for: error, on: request)
        }
    }

    static func response(for error: any Error, on request: Request) async -> Response {
        let response = await page(for: error, on: request)
        if let limited = error as? UserFacingError, let seconds = limited.retryAfter {
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
        }
        return response
    }

    private static func page(for error: any Error, on request: Request) async -> Response {
        let (status, message) = classify(error)
        if status.code >= 500 {
            request.logger.error("request failed", metadata: ["error-type": "\(type(of: error))", "status": "\(status.code)"])
            request.logger.debug("request failure detail", metadata: ["error": "\(String(reflecting: error))"])
        }
        let language = request.language
        var detail = message(language)
        if status.code >= 500 {
            detail += language == .id ? " Kode kejadian: \(request.id)." : " Incident code: \(request.id)."
        }
        if request.url.path.hasPrefix("/api/") {
            var problem = Problem(title: status.reasonPhrase, status: Int(status.code), detail: detail)
            if let invalid = error as? FormErrors, !invalid.fields.isEmpty { problem.errors = invalid.fields.mapValues { $0(language) } }
            if let invalid = error as? FormErrors, !invalid.general.isEmpty { problem.detail = invalid.general.map { $0(language) }.joined(separator: " ") }
            return problem.response(status: status)
        }
        if status == .unauthorized, request.method == .GET {
            return request.redirect(to: SiteRoute.login.path + "?kembali=" + request.url.path.urlQueryEscaped, redirectType: .normal)
        }
        let ctx = await request.viewContext()
        let title = status.code >= 500 ? ctx.t("Terjadi kesalahan", "Something went wrong") : ctx.t("Tidak dapat diproses", "Cannot be processed")
        let page = Layout.page(ctx, title: title, [
            .h1(.text(title)),
            .p(.class("lead"), .text(detail)),
            .p(.a(.href(SiteRoute.home.path), .text(ctx.t("Kembali ke beranda", "Back to the home page")))),
        ])
        return page.response(status: status)
    }

    static func classify(_ error: any Error) -> (HTTPResponseStatus, Phrase) {
        switch error {
        case let error as UserFacingError:
            return (error.status, error.message)
        case is FormErrors:
            return (.unprocessableEntity, phrase(for: .unprocessableEntity))
        case is DecodingError:
            return (.badRequest, Phrase("Isian tidak sesuai format yang diharapkan. Periksa lagi lalu kirim ulang.",
                                        "Some of what was sent is not in the expected format. Please check and send again."))
        case let error as any AbortError:
            return (error.status, phrase(for: error.status))
        default:
            return (.internalServerError, phrase(for: .internalServerError))
        }
    }

    static func phrase(for status: HTTPResponseStatus) -> Phrase {
        switch status.code {
        case 400: Phrase("Permintaan tidak dapat dibaca. Periksa isian Anda.", "The request could not be read. Please check what you entered.")
        case 401: UserFacingError.signInRequired.message
        case 403: UserFacingError.forbidden.message
        case 404: UserFacingError.notFound.message
        case 405: Phrase("Alamat ini tidak menerima cara akses tersebut.", "This address does not accept that kind of request.")
        case 413: Phrase("Kiriman terlalu besar. Kecilkan berkas atau isian lalu coba lagi.", "What was sent is too large. Make it smaller and try again.")
        case 415: Phrase("Jenis isi kiriman tidak didukung di alamat ini.", "That content type is not supported here.")
        case 422: Phrase("Isian belum lengkap atau tidak valid.", "Some fields are missing or not valid.")
        case 429: Phrase("Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.", "Too many requests. Please wait a moment and try again.")
        default: Phrase("Terjadi kesalahan di server. Silakan coba lagi nanti.", "Something went wrong on the server. Please try again later.")
        }
    }
}

/// RFC 7807 problem details.
struct Problem: Content {
    var type: String = "about:blank"
    var title: String
    var status: Int
    var detail: String
    /// For 422: what is wrong with each field, by field name.
    var errors: [String: String]? = nil

    func response(status: HTTPResponseStatus) -> Response {
        let response = Response(status: status, body: .init(data: (try? JSONEncoder.rembuk.encode(self)) ?? Data()))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])
        return response
    }
}
