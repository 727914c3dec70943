import Fluent
import Foundation
import RembukCore
import Vapor

/// `/api/v1/usulan`: list, read, submit and support, for other programs. Writes need a bearer token
/// (`/akun/token`); the commands are the same ones the pages use, with the same checks and audit records.
struct UsulanAPIController {
    static let maxPerPage = 100

    func register(_ routes: any RoutesBuilder) {
        routes.cached.get(.apiUsulanList, use: list)
        routes.post(.apiUsulanList, use: submit)
        routes.cached.get(.apiUsulan(":id"), use: read)
        routes.cached.get(.apiUsulanSimilar, use: similar)
        routes.on(.POST, SiteRoute.apiUsulanSupport(":id").pathComponents) { try await support($0, true) }
        routes.on(.DELETE, SiteRoute.apiUsulanSupport(":id").pathComponents) { try await support($0, false) }
    }

    func list(_ req: Request) async throws -> Response {
        let filter = UsulanFilter(req)
        let per = min(max(req.query[Int.self, at: "per"] ?? 20, 1), Self.maxPerPage)
        let items = try await filter.page(per: per, extra: 1, on: req.db)
        let records = try await UsulanRecord.load(Array(items.prefix(per)), baseURL: req.settings.baseURL, on: req.db)
        let more = items.count > per
        let next = more ? SiteRoute.apiUsulanList.path + filter.query(page: filter.page + 1) + "&per=\(per)" : nil
        return try await encode(ListJSON(data: records, next: next), for: req)
    }

    func read(_ req: Request) async throws -> Response {
        let usulan = try await find(req)
        guard let record = try await UsulanRecord.full(usulan, baseURL: req.settings.baseURL, on: req.db) else { throw UserFacingError.notFound }
        return try await encode(record, for: req)
    }

    func submit(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        var input = try req.content.decode(SaveUsulan.Input.self)
        if input.aksi == nil { input.aksi = SaveUsulan.Intent.submit.rawValue }
        switch try await SaveUsulan().run(input, existing: nil, in: req.invocation) {
        case let .saved(usulan):
            let record = try await UsulanRecord.full(usulan, baseURL: req.settings.baseURL, on: req.db)
            let response = try await encode(DraftOrRecord(record: record, id: try usulan.requireID().uuidString, status: usulan.status), for: req, status: .created)
            response.headers.replaceOrAdd(name: .location, value: SiteRoute.apiUsulan(try usulan.requireID().uuidString).path)
            return response
        case let .checked(similar):
            return try await encode(SimilarJSON(similar), for: req)
        case let .invalid(errors):
            throw errors
        }
    }

    func support(_ req: Request, _ support: Bool) async throws -> Response {
        let usulan = try await find(req)
        let id = try usulan.requireID()
        try await SupportUsulan(support: support).run(usulan, in: req.invocation)
        let count = try await Usulan.find(id, on: req.db)?.supportCount ?? 0
        return try await encode(SupportJSON(supported: support, supportCount: count), for: req)
    }

    /// `GET /api/v1/usulan/serupa?desa=&teks=`: public usulan of the desa's kecamatan like a text being written,
    /// so a form can suggest supporting one before a duplicate is sent.
    func similar(_ req: Request) async throws -> Response {
        guard let desa = RegionCode(req.queryValue("desa") ?? ""), desa.level == .desa else {
            throw UserFacingError(.badRequest, Phrase("Parameter desa harus kode desa/kelurahan, misalnya 32.14.01.2010.",
                                                      "The desa parameter must be a village code, e.g. 32.14.01.2010."))
        }
        guard let written = req.queryValue("teks"), !written.isEmpty else {
            throw UserFacingError(.badRequest, Phrase("Parameter teks harus berisi kata yang dicari, misalnya judul usulan.",
                                                      "The teks parameter must hold words to match, such as the proposal's title."))
        }
        // A text of no words yet (spaces, punctuation, only "yang dan") is like nothing: no suggestion.
        let text = String(written.prefix(2000))
        let similar: [SimilarUsulan] = IndonesianText.terms(text).isEmpty ? []
            : try await SimilarUsulan.find(text: text, desa: desa, point: nil, excluding: nil, on: req.db)
        let response = try await encode(SimilarJSON(similar), for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=60")
        return response
    }

    func find(_ req: Request) async throws -> Usulan {
        guard let id = UUID(uuidString: req.parameters.get("id") ?? ""), let usulan = try await Usulan.find(id, on: req.db),
              usulan.workflowStatus != .draft, !usulan.isHidden else {
            throw UserFacingError(.notFound, Phrase("Usulan itu tidak ada.", "That proposal does not exist."))
        }
        return usulan
    }

    func encode<T: Encodable>(_ value: T, for req: Request, status: HTTPResponseStatus = .ok) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(data: try JSONEncoder.rembuk.encode(value)))
    }

    /// A submitted usulan is returned whole; a draft (not public) only by id and status.
    struct DraftOrRecord: Encodable {
        var record: UsulanRecord?
        var id: String
        var status: String

        func encode(to encoder: any Encoder) throws {
            if let record { try record.encode(to: encoder) } else {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(id, forKey: .id)
                try container.encode(status, forKey: .status)
            }
        }

        enum CodingKeys: String, CodingKey { case id, status }
    }

    struct SimilarJSON: Encodable {
        struct Item: Encodable {
            var id: String
            var number: String
            var title: String
            var status: String
            var supportCount: Int
            var score: Double
        }
        var similar: [Item]

        init(_ found: [SimilarUsulan]) {
            similar = found.map {
                Item(id: $0.id.uuidString, number: $0.number, title: $0.title, status: $0.status.rawValue,
                     supportCount: $0.supportCount, score: ($0.score * 1000).rounded() / 1000)
            }
        }
    }

    struct SupportJSON: Encodable {
        var supported: Bool
        var supportCount: Int
    }
}
