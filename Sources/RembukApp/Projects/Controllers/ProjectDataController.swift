import Fluent
import Foundation
import RembukCore
import Vapor

/// Projects as open data: CSV and JSON with the list's filters, every progress report as CSV, and
/// `/api/v1/proyek` (list and one project with its reports).
struct ProjectDataController {
    static let ceiling = 50_000
    static let maxPerPage = 100

    func register(_ routes: any RoutesBuilder) {
        routes.get(.projectExportCSV, use: csv)
        routes.get(.projectExportJSON, use: json)
        routes.get(.projectReportsCSV, use: reportsCSV)
        routes.get(.apiProjectList, use: apiList)
        routes.get(.apiProject(":id"), use: apiRead)
        routes.get(.projectFeed(":kecamatan"), use: feed)
    }

    /// `/proyek/kabar/{kecamatan}`: the Atom feed of a kecamatan's project reports and changes.
    func feed(_ req: Request) async throws -> Response {
        let code = req.parameters.get("kecamatan") ?? ""
        guard let region = RegionCode(code), region.level == .kecamatan, req.settings.kabupaten.contains(region),
              let kecamatan = try await Region.find(region.value, on: req.db) else {
            throw UserFacingError(.notFound, Phrase("Kecamatan itu tidak ada.", "That district does not exist."))
        }
        return try await ProjectFeed.load(kecamatan: kecamatan, on: req.db).response(baseURL: req.settings.baseURL)
    }

    func filtered(_ req: Request) -> QueryBuilder<Project> {
        let query = Project.query(on: req.db)
        ProjectFilter(req).apply(to: query)
        return query.sort(\.$year, .descending).sort(\.$title).sort(\.$id)
    }

    func csv(_ req: Request) async throws -> Response {
        let records = try await ProjectRecord.load(try await filtered(req).limit(Self.ceiling).all(), baseURL: req.settings.baseURL, on: req.db)
        return UsulanDataController.csv(ProjectSpreadsheet.csv(records), name: "proyek.csv")
    }

    func json(_ req: Request) async throws -> Response {
        let records = try await ProjectRecord.load(try await filtered(req).limit(Self.ceiling).all(), baseURL: req.settings.baseURL, on: req.db)
        return try UsulanDataController.json(ProjectListJSON(data: records, next: nil), name: "proyek.json")
    }

    func reportsCSV(_ req: Request) async throws -> Response {
        let projects = try await filtered(req).limit(Self.ceiling).all()
        let byID = Dictionary(projects.compactMap { p in p.id.map { ($0, p) } }, uniquingKeysWith: { a, _ in a })
        let reports = byID.isEmpty ? [] : try await ProjectReport.query(on: req.db).filter(\.$project.$id ~~ Array(byID.keys))
            .sort(\.$createdMillis).limit(Self.ceiling * 4).all()
        let ids = reports.compactMap { $0.id?.uuidString }
        let photos = ids.isEmpty ? [] : try await Attachment.query(on: req.db).filter(\.$subjectType == "project_report").filter(\.$subjectID ~~ ids).all()
        let counts = Dictionary(grouping: photos) { $0.subjectID ?? "" }.mapValues(\.count)
        let rows = reports.compactMap { r in
            byID[r.$project.id].map { (project: $0, report: r, photos: counts[r.id?.uuidString ?? ""] ?? 0) }
        }
        return UsulanDataController.csv(ProjectSpreadsheet.reportsCSV(rows), name: "laporan-proyek.csv")
    }

    func apiList(_ req: Request) async throws -> Response {
        let filter = ProjectFilter(req)
        let per = min(max(req.query[Int.self, at: "per"] ?? 20, 1), Self.maxPerPage)
        let page = try await filtered(req).paginate(PageRequest(page: filter.page, per: per))
        let records = try await ProjectRecord.load(page.items, baseURL: req.settings.baseURL, on: req.db)
        let next = filter.page * per < page.metadata.total ? SiteRoute.apiProjectList.path + filter.query(page: filter.page + 1) + "&per=\(per)" : nil
        return try await UsulanAPIController().encode(ProjectListJSON(data: records, next: next), for: req)
    }

    func apiRead(_ req: Request) async throws -> Response {
        let project = try await ProjectGuard.find(req.parameters.get("id"), on: req.db)
        guard let record = try await ProjectRecord.full(project, baseURL: req.settings.baseURL, on: req.db) else { throw UserFacingError.notFound }
        return try await UsulanAPIController().encode(record, for: req)
    }
}

struct ProjectListJSON: Content {
    var data: [ProjectRecord]
    var next: String?
}
