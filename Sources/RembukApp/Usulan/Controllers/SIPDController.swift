import Fluent
import Foundation
import RembukCore
import Vapor

/// Exchange with SIPD: the filtered list in SIPD's columns (public), and the import for Bappeda.
struct SIPDController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.usulanExportSIPD, use: export)
        routes.get(.sipdImport, use: form)
        routes.postStreamingForm(.sipdImport, use: importFile)
    }

    func export(_ req: Request) async throws -> Response {
        let records = try await UsulanDataController().records(req)
        let name = try await Region.find(req.settings.kabupaten.value, on: req.db)?.name ?? req.settings.kabupaten.value
        let text = SIPDExport.csv(records, kabupatenName: name, notes: try await SIPDExport.notes(for: records, on: req.db))
        return UsulanDataController().file(text, type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]),
                                           name: "usulan-sipd.csv")
    }

    func form(_ req: Request) async throws -> Response {
        guard req.principal.actor.can(.managePlanning(kabupaten: req.settings.kabupaten)) else {
            throw req.principal.account == nil ? UserFacingError.signInRequired : UserFacingError.forbidden
        }
        return SIPDImportPage(report: nil, errors: FormErrors()).render(await req.viewContext()).response()
    }

    func importFile(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        guard req.principal.actor.can(.managePlanning(kabupaten: req.settings.kabupaten)) else { throw UserFacingError.forbidden }
        let submitted = try await SubmittedForm.read(req)
        var errors = FormErrors()
        let file = submitted.files.first { $0.field == "berkas" }
        if submitted.oversized.contains(where: { $0.field == "berkas" }) {
            errors.add("berkas", Phrase("Berkas terlalu besar (paling besar \(ByteSize.text(req.settings.maxUploadSize))); pecah menjadi beberapa berkas.",
                                        "The file is too large (at most \(ByteSize.text(req.settings.maxUploadSize))); split it."))
        } else if file == nil {
            errors.add("berkas", Phrase("Pilih berkas CSV hasil ekspor SIPD.", "Choose a CSV file exported from SIPD."))
        }
        let text = file.flatMap { String(validating: $0.bytes, as: UTF8.self) ?? String(bytes: $0.bytes, encoding: .windowsCP1252) }
        if file != nil, text == nil { errors.add("berkas", Phrase("Berkas bukan teks CSV.", "The file is not CSV text.")) }
        guard errors.isEmpty, let text else {
            return SIPDImportPage(report: nil, errors: errors).render(await req.viewContext()).response(status: .unprocessableEntity)
        }
        let report = try await ImportSIPD().run(csv: text, in: req.invocation)
        let status: HTTPResponseStatus = report.fileProblem == nil ? .ok : .unprocessableEntity
        return SIPDImportPage(report: report, errors: FormErrors()).render(await req.viewContext()).response(status: status)
    }
}
