import Fluent
import RembukCore
import Vapor

/// Progress reports for many projects at once: a CSV on a page for agency staff, or the same CSV through the
/// API with an agency token.
struct ProgressUploadController {
    func register(pages: any RoutesBuilder, api: any RoutesBuilder) {
        pages.get(.projectReportsUpload, use: form)
        pages.postStreamingForm(.projectReportsUpload, use: upload)
        pages.get(.projectReportsTemplate, use: template)
        api.on(.POST, SiteRoute.apiProjectReports.pathComponents, body: .collect(maxSize: "2mb"), use: apiUpload)
    }

    static func requireReporter(_ req: Request) throws {
        _ = try req.requireAccount()
        guard !req.principal.actor.agencies().isEmpty || req.principal.actor.has(.bappeda) else { throw UserFacingError.forbidden }
    }

    func form(_ req: Request) async throws -> Response {
        try Self.requireReporter(req)
        return ProgressUploadPage(lines: nil, refusal: nil).render(await req.viewContext()).response()
    }

    func upload(_ req: Request) async throws -> Response {
        try Self.requireReporter(req)   // before the upload is read
        let form = try await SubmittedForm.read(req)
        let files = form.files.filter { $0.field == StoreUploads.field }
        var refusal: Phrase?
        var lines: [ReportProgressInBulk.Line]?
        if !form.oversized.isEmpty {
            refusal = Phrase("Berkas terlalu besar.", "The file is too large.")
        } else if files.count != 1 {
            refusal = Phrase("Pilih satu berkas CSV.", "Choose one CSV file.")
        } else {
            switch try await ReportProgressInBulk().run(files[0].bytes, language: req.language, in: req.invocation) {
            case let .processed(result): lines = result
            case let .refused(phrase): refusal = phrase
            }
        }
        return ProgressUploadPage(lines: lines, refusal: refusal).render(await req.viewContext())
            .response(status: refusal == nil ? .ok : .unprocessableEntity)
    }

    /// A CSV to fill in: one row per running project the person reports on, with its figures so far.
    func template(_ req: Request) async throws -> Response {
        try Self.requireReporter(req)
        let actor = req.principal.actor
        let projects = try await Project.query(on: req.db).filter(\.$status != ProjectStatus.selesai.rawValue).sort(\.$title).all()
            .filter { ProjectGuard.mayManage($0, actor) }
        let today = LocalDate(Date()).iso
        var text = ProgressCSV.header + "\r\n"
        for project in projects {
            text += CSV.line([project.number, today, ProgressRule.percentText(project.progress).replacingOccurrences(of: " %", with: ""),
                              String(project.realised), "", "", ""].map(SpreadsheetSafety.neutralise)) + "\r\n"
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"laporan-kemajuan.csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: "\u{FEFF}" + text))
    }

    struct Summary: Encodable {
        var accepted: Int
        var rejected: Int
        var lines: [ReportProgressInBulk.Line]
    }

    /// `POST /api/v1/proyek/laporan` with a `text/csv` body.
    func apiUpload(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        let body = req.body.data.map { Array($0.readableBytesView) } ?? []
        switch try await ReportProgressInBulk().run(body, language: req.language, in: req.invocation) {
        case let .processed(lines):
            let summary = Summary(accepted: lines.filter(\.accepted).count, rejected: lines.filter { !$0.accepted }.count, lines: lines)
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return Response(status: .ok, headers: headers, body: .init(data: try JSONEncoder.rembuk.encode(summary)))
        case let .refused(phrase):
            throw UserFacingError(.unprocessableEntity, phrase)
        }
    }
}
