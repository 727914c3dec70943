import Fluent
import Foundation
import RembukCore
import SQLKit
import Vapor

struct HomeController {
    func register(_ routes: any RoutesBuilder) {
        routes.cached.get(.home, use: home)
        routes.get(.plain) { _ in Response(status: .ok, body: "OK") }
        routes.get(.healthz, use: healthz)
        routes.get(.metrics) { req in
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4"])
            return Response(status: .ok, headers: headers, body: .init(string: await AppMetrics.exposition(app: req.application)))
        }
        routes.get(.stylesheet, use: stylesheet)
        routes.get(.language(":code"), use: language)
    }

    func home(_ req: Request) async throws -> Response {
        let ctx = await req.viewContext()
        let kabupaten = req.settings.kabupaten.value
        let regions = try await Region.query(on: req.db).within(kabupaten).all()
        let model = HomePage(
            kecamatan: regions.filter { $0.depth == 2 }.count,
            desa: regions.filter { $0.kind == RegionRecord.Kind.desa.rawValue }.count,
            kelurahan: regions.filter { $0.kind == RegionRecord.Kind.kelurahan.rawValue }.count,
            population: try await Region.find(kabupaten, on: req.db)?.population,
            accounts: try await Account.query(on: req.db).count(),
            agencies: try await Agency.query(on: req.db).filter(\.$kabupatenCode == kabupaten).filter(\.$active == true).count(),
            auditHead: try await AuditLog.head(on: req.db))
        return model.render(ctx).response()
    }

    struct Health: Content {
        var status: String
        var database: String
    }

    func healthz(_ req: Request) async throws -> Response {
        let ok = (try? await req.db.sql.raw("SELECT 1 AS ok").first()) != nil
        let response = Response(status: ok ? .ok : .serviceUnavailable)
        try response.content.encode(Health(status: ok ? "ok" : "unavailable", database: ok ? "ok" : "unreachable"))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    func stylesheet(_ req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        headers.replaceOrAdd(name: .eTag, value: "\"\(Stylesheet.version)\"")
        if req.headers.first(name: .ifNoneMatch) == "\"\(Stylesheet.version)\"" {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
    }

    /// Switches the interface language (a cookie for a year) and goes back to the page the person was on.
    func language(_ req: Request) async throws -> Response {
        guard let language = Language(rawValue: req.parameters.get("code") ?? "") else { throw UserFacingError.notFound }
        let response = req.redirect(to: safeReturnPath(req.query[String.self, at: "kembali"]))
        response.cookies["lang"] = HTTPCookies.Value(string: language.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                                                     isSecure: req.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }
}

/// Only paths on this site (`ReturnPath`): `/akun` yes; `//evil.example`, `https://…`, `/\\evil` and `/\t/evil.example` no.
func safeReturnPath(_ candidate: String?, fallback: String = "/") -> String {
    ReturnPath.safe(candidate, fallback: fallback)
}
