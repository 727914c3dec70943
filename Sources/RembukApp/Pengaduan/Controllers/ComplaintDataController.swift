import Fluent
import Foundation
import RembukCore
import Vapor

/// Public complaints as open data: CSV and JSON with the list's filters, `/api/v1/pengaduan` and an Atom feed.
/// Everything starts from `ComplaintFilter`, which starts from `ComplaintAccess.publicQuery`.
struct ComplaintDataController {
    static let ceiling = 50_000
    static let maxPerPage = 100

    func register(_ routes: any RoutesBuilder) {
        routes.get(.complaintsCSV, use: csv)
        routes.get(.complaintsJSON, use: json)
        routes.get(.complaintFeed, use: feed)
        routes.get(.apiComplaintList, use: apiList)
        routes.get(.apiComplaint(":id"), use: apiRead)
    }

    func all(_ req: Request) async throws -> [ComplaintRecord] {
        try await ComplaintRecord.load(try await ComplaintFilter(req).query(on: req.db).limit(Self.ceiling).all(), baseURL: req.settings.baseURL, on: req.db)
    }

    func csv(_ req: Request) async throws -> Response {
        UsulanDataController.csv(UsulanSpreadsheet.document(header: ComplaintRecord.header, rows: try await all(req).map(\.row)), name: "pengaduan.csv")
    }

    func json(_ req: Request) async throws -> Response {
        try UsulanDataController.json(ComplaintListJSON(data: try await all(req), next: nil), name: "pengaduan.json")
    }

    func apiList(_ req: Request) async throws -> Response {
        let filter = ComplaintFilter(req)
        let per = min(max(req.query[Int.self, at: "per"] ?? 20, 1), Self.maxPerPage)
        let page = try await filter.query(on: req.db).paginate(PageRequest(page: filter.page, per: per))
        let records = try await ComplaintRecord.load(page.items, baseURL: req.settings.baseURL, on: req.db)
        var next: String?
        if filter.page * per < page.metadata.total {
            let query = filter.query(page: filter.page + 1)
            next = SiteRoute.apiComplaintList.path + query + (query.isEmpty ? "?" : "&") + "per=\(per)"
        }
        return try await UsulanAPIController().encode(ComplaintListJSON(data: records, next: next), for: req)
    }

    /// One public complaint; a confidential or unverified one does not exist here.
    func apiRead(_ req: Request) async throws -> Response {
        guard let id = UUID(uuidString: req.parameters.get("id") ?? ""),
              let complaint = try await ComplaintAccess.publicQuery(on: req.db).filter(\.$id == id).first(),
              let record = try await ComplaintRecord.load([complaint], baseURL: req.settings.baseURL, on: req.db).first else {
            throw UserFacingError(.notFound, Phrase("Pengaduan itu tidak ada.", "That complaint does not exist."))
        }
        return try await UsulanAPIController().encode(record, for: req)
    }

    /// `/pengaduan/kabar`: the latest public complaints with where each stands.
    func feed(_ req: Request) async throws -> Response {
        let complaints = try await ComplaintFilter(req).query(on: req.db).limit(50).all()
        let records = try await ComplaintRecord.load(complaints, baseURL: "", on: req.db)
        let entries = zip(complaints, records).map { complaint, record in
            AtomFeed.Entry(id: "urn:uuid:\(record.id.lowercased())", title: "\(record.number) \(record.title): \(record.statusLabel)",
                           summary: record.answer.isEmpty ? String(record.text.prefix(300)) : "Jawaban \(record.agency.name): \(record.answer)",
                           link: record.url, updated: complaint.updatedAt ?? complaint.createdAt ?? Date())
        }
        return AtomFeed(path: SiteRoute.complaintFeed.path, title: "Pengaduan warga \(try await kabupatenName(req))",
                        alternate: SiteRoute.complaints.path, entries: entries).response(baseURL: req.settings.baseURL)
    }

    func kabupatenName(_ req: Request) async throws -> String {
        try await Region.find(req.settings.kabupaten.value, on: req.db)?.name ?? req.settings.kabupaten.value
    }
}
