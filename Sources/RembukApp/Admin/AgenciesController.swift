import Fluent
import RembukCore
import Vapor

/// `/admin/opd`: the installation's perangkat daerah, kept by Bappeda: names, default sectors, active or merged,
/// and a CSV import for the whole list.
struct AgenciesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.adminAgencies, use: index)
        routes.get(.adminAgencyNew) { try await newForm($0, input: .init(), errors: FormErrors(), status: .ok) }
        routes.post(.adminAgencyNew, use: create)
        routes.get(.adminAgencyImport) { try await importPage($0, outcome: nil) }
        routes.postStreamingForm(.adminAgencyImport, use: upload)
        routes.get(.adminAgencyTemplate, use: template)
        routes.get(.adminAgency(":key")) { try await editForm($0, input: nil, errors: FormErrors(), merge: .init(), status: .ok) }
        routes.post(.adminAgency(":key"), use: update)
        routes.post(.adminAgencyMerge(":key"), use: merge)
    }

    /// Pages check too (commands check again): nobody but a Bappeda admin sees these screens.
    func requireAdmin(_ req: Request) throws {
        _ = try req.requireAccount()
        try StaffRules.requireAdmin(req.invocation)
    }

    func agencies(_ req: Request) async throws -> [Agency] {
        try await Agency.query(on: req.db).filter(\.$kabupatenCode == req.settings.kabupaten.value).sort(\.$shortName).all()
    }

    func index(_ req: Request) async throws -> Response {
        try requireAdmin(req)
        return AgenciesPage(agencies: try await agencies(req), notice: req.queryValue("pesan"))
            .render(await req.viewContext()).response()
    }

    func newForm(_ req: Request, input: SaveAgency.Input, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        try requireAdmin(req)
        return AgencyFormPage(agency: nil, input: input, errors: errors, others: try await agencies(req), merge: .init(), mergeErrors: FormErrors())
            .render(await req.viewContext()).response(status: status)
    }

    func create(_ req: Request) async throws -> Response {
        let input = try req.content.decode(SaveAgency.Input.self)
        switch try await SaveAgency().run(input, editing: nil, in: req.invocation) {
        case let .saved(key): return req.redirect(to: SiteRoute.adminAgencies.path + "?pesan=dibuat-\(key)")
        case let .invalid(errors): return try await newForm(req, input: input, errors: errors, status: .unprocessableEntity)
        }
    }

    func found(_ req: Request) async throws -> Agency {
        guard let agency = try await Agency.find(req.parameters.get("key") ?? "", on: req.db),
              agency.kabupatenCode == req.settings.kabupaten.value else { throw UserFacingError.notFound }
        return agency
    }

    func editForm(_ req: Request, input: SaveAgency.Input?, errors: FormErrors, merge: MergeAgency.Input, mergeErrors: FormErrors = FormErrors(),
                  status: HTTPResponseStatus) async throws -> Response {
        try requireAdmin(req)
        let agency = try await found(req)
        let shown = input ?? SaveAgency.Input(key: agency.id, name: agency.name, short_name: agency.shortName,
                                              sectors: agency.sectors.map(\.rawValue), active: agency.active ? "on" : nil)
        return AgencyFormPage(agency: agency, input: shown, errors: errors, others: try await agencies(req), merge: merge, mergeErrors: mergeErrors)
            .render(await req.viewContext()).response(status: status)
    }

    func update(_ req: Request) async throws -> Response {
        let input = try req.content.decode(SaveAgency.Input.self)
        let key = req.parameters.get("key") ?? ""
        switch try await SaveAgency().run(input, editing: key, in: req.invocation) {
        case .saved: return req.redirect(to: SiteRoute.adminAgencies.path + "?pesan=disimpan-\(key)")
        case let .invalid(errors): return try await editForm(req, input: input, errors: errors, merge: .init(), status: .unprocessableEntity)
        }
    }

    func merge(_ req: Request) async throws -> Response {
        let input = try req.content.decode(MergeAgency.Input.self)
        let key = req.parameters.get("key") ?? ""
        switch try await MergeAgency().run(key, input, in: req.invocation) {
        case .merged: return req.redirect(to: SiteRoute.adminAgencies.path + "?pesan=digabung-\(key)")
        case let .invalid(errors): return try await editForm(req, input: nil, errors: FormErrors(), merge: input, mergeErrors: errors, status: .unprocessableEntity)
        }
    }

    func importPage(_ req: Request, outcome: ImportAgencies.Outcome?) async throws -> Response {
        try requireAdmin(req)
        let status: HTTPResponseStatus = if case .refused = outcome { .unprocessableEntity } else { .ok }
        return AgencyImportPage(outcome: outcome).render(await req.viewContext()).response(status: status)
    }

    func upload(_ req: Request) async throws -> Response {
        try requireAdmin(req)   // before the upload is read
        let form = try await SubmittedForm.read(req)
        let files = form.files.filter { $0.field == StoreUploads.field }
        let outcome: ImportAgencies.Outcome
        if !form.oversized.isEmpty {
            outcome = .refused([Phrase("Berkas terlalu besar untuk daftar perangkat daerah.", "The file is too large for a list of agencies.")])
        } else if files.count != 1 {
            outcome = .refused([Phrase("Pilih satu berkas CSV.", "Choose one CSV file.")])
        } else {
            outcome = try await ImportAgencies().run(files[0].bytes, in: req.invocation)
        }
        if case let .imported(created, updated, unchanged) = outcome {
            return req.redirect(to: SiteRoute.adminAgencies.path + "?pesan=impor-\(created)-\(updated)-\(unchanged)")
        }
        return try await importPage(req, outcome: outcome)
    }

    /// The current list as a CSV to edit in Excel and upload again.
    func template(_ req: Request) async throws -> Response {
        try requireAdmin(req)
        var text = AgencyCSV.header + "\r\n"
        for agency in try await agencies(req) where agency.mergedInto == nil {
            text += CSV.line([agency.id ?? "", agency.name, agency.shortName, agency.sectors.map(\.rawValue).joined(separator: "; "),
                              agency.active ? "ya" : "tidak"].map(SpreadsheetSafety.neutralise)) + "\r\n"
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"perangkat-daerah.csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: "\u{FEFF}" + text))
    }
}
