import Fluent
import Foundation
import RembukCore
import Vapor

/// Programmes as open data: CSV and JSON with the catalogue's filters, their sessions as CSV, and `/api/v1/program`.
struct ProgramDataController {
    static let ceiling = 10_000

    func register(_ routes: any RoutesBuilder) {
        routes.get(.programsCSV) { req in
            UsulanDataController.csv(UsulanSpreadsheet.document(header: ProgramRecord.header, rows: try await records(req).map(\.row)), name: "program.csv")
        }
        routes.get(.programsJSON) { req in try UsulanDataController.json(ProgramListJSON(data: try await records(req), next: nil), name: "program.json") }
        routes.get(.programSessionsCSV) { req in
            UsulanDataController.csv(UsulanSpreadsheet.document(header: ProgramRecord.sessionHeader, rows: try await records(req).flatMap(\.sessionRows)),
                                     name: "sesi-program.csv")
        }
        routes.get(.apiProgramList) { req in try await UsulanAPIController().encode(ProgramListJSON(data: try await records(req), next: nil), for: req) }
        routes.get(.apiProgram(":id")) { req in
            let program = try await ProgramGuard.find(req.parameters.get("id"), on: req.db)
            guard let record = try await ProgramRecord.load([program], baseURL: req.settings.baseURL, on: req.db).first else { throw UserFacingError.notFound }
            return try await UsulanAPIController().encode(record, for: req)
        }
    }

    func records(_ req: Request) async throws -> [ProgramRecord] {
        try await ProgramRecord.load(try await ProgramFilter(req).programs(on: req.db, limit: Self.ceiling), baseURL: req.settings.baseURL, on: req.db)
    }
}
