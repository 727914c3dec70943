import Fluent
import Foundation
import RembukCore
import Vapor

/// Forum results and pagu indikatif as open data: CSV, JSON and `/api/v1`, optionally for one budget year (`?tahun=`).
struct PlanningDataController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.forumResultsCSV) { req in
            csv(ForumResultRecord.csv(try await results(req)), name: "hasil-musrenbang.csv")
        }
        routes.get(.forumResultsJSON) { req in
            try json(ForumResultList(data: try await results(req)), name: "hasil-musrenbang.json")
        }
        routes.get(.apiForumResults) { req in
            try await UsulanAPIController().encode(ForumResultList(data: try await results(req)), for: req)
        }
        routes.get(.paguCSV) { req in
            csv(PaguRecord.csv(try await PaguRecord.load(year: year(req), on: req.db)), name: "pagu-indikatif.csv")
        }
        routes.get(.paguJSON) { req in
            try json(PaguList(data: try await PaguRecord.load(year: year(req), on: req.db)), name: "pagu-indikatif.json")
        }
        routes.get(.apiPagu) { req in
            try await UsulanAPIController().encode(PaguList(data: try await PaguRecord.load(year: year(req), on: req.db)), for: req)
        }
    }

    func year(_ req: Request) -> Int? {
        req.budgetYearQuery
    }

    func results(_ req: Request) async throws -> [ForumResultRecord] {
        try await ForumResultRecord.load(year: year(req), baseURL: req.settings.baseURL, on: req.db)
    }

    func csv(_ text: String, name: String) -> Response {
        UsulanDataController().file(text, type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]), name: name)
    }

    func json<T: Encodable>(_ value: T, name: String) throws -> Response {
        UsulanDataController().file(String(decoding: try JSONEncoder.rembuk.encode(value), as: UTF8.self), type: .json, name: name)
    }
}

struct ForumResultList: Content {
    var data: [ForumResultRecord]
}

struct PaguList: Content {
    var data: [PaguRecord]
}
