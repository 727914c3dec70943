import Fluent
import Foundation
import RembukCore
import Vapor

/// The usulan list as files: the same filters as the list page, every matching usulan (up to a ceiling).
struct UsulanDataController {
    static let ceiling = 50_000

    func register(_ routes: any RoutesBuilder) {
        routes.get(.usulanExportCSV, use: csv)
        routes.get(.usulanExportJSON, use: json)
    }

    func records(_ req: Request) async throws -> [UsulanRecord] {
        let query = Usulan.publicQuery(on: req.db)
        UsulanFilter(req).apply(to: query)
        return try await UsulanRecord.load(try await query.limit(Self.ceiling).all(), baseURL: req.settings.baseURL, on: req.db)
    }

    func csv(_ req: Request) async throws -> Response {
        let text = UsulanSpreadsheet.csv(try await records(req))
        return file(text, type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]), name: "usulan.csv")
    }

    func json(_ req: Request) async throws -> Response {
        let body = try JSONEncoder.rembuk.encode(ListJSON(data: try await records(req), next: nil))
        return file(String(decoding: body, as: UTF8.self), type: .json, name: "usulan.json")
    }

    /// A spreadsheet download.
    static func csv(_ text: String, name: String) -> Response {
        UsulanDataController().file(text, type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]), name: name)
    }

    /// A JSON download.
    static func json<T: Encodable>(_ value: T, name: String) throws -> Response {
        UsulanDataController().file(String(decoding: try JSONEncoder.rembuk.encode(value), as: UTF8.self), type: .json, name: name)
    }

    func file(_ text: String, type: HTTPMediaType, name: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}

/// A page of usulan in the JSON API (and the whole filtered list in the JSON export, with no `next`).
struct ListJSON: Content {
    var data: [UsulanRecord]
    var next: String?
}
