import Fluent
import Foundation
import RembukCore
import Vapor

/// Forum results and pagu indikatif as open data: CSV, JSON and `/api/v1`, optionally for one budget year (`?tahun=`).
struct PlanningDataController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.forumResultsCSV) { req in
            UsulanDataController.csv(ForumResultRecord.csv(try await results(req)), name: "hasil-musrenbang.csv")
        }
        routes.get(.forumResultsJSON) { req in
            try UsulanDataController.json(ForumResultList(data: try await results(req)), name: "hasil-musrenbang.json")
        }
        routes.get(.apiForumResults) { req in
            try await UsulanAPIController().encode(ForumResultList(data: try await results(req)), for: req)
        }
        routes.get(.paguCSV) { req in
            UsulanDataController.csv(PaguRecord.csv(try await PaguRecord.load(year: req.budgetYearQuery, on: req.db)), name: "pagu-indikatif.csv")
        }
        routes.get(.paguJSON) { req in
            try UsulanDataController.json(PaguList(data: try await PaguRecord.load(year: req.budgetYearQuery, on: req.db)), name: "pagu-indikatif.json")
        }
        routes.get(.apiPagu) { req in
            try await UsulanAPIController().encode(PaguList(data: try await PaguRecord.load(year: req.budgetYearQuery, on: req.db)), for: req)
        }
    }

    func results(_ req: Request) async throws -> [ForumResultRecord] {
        try await ForumResultRecord.load(year: req.budgetYearQuery, baseURL: req.settings.baseURL, on: req.db)
    }
}

struct ForumResultList: Content {
    var data: [ForumResultRecord]
}

struct PaguList: Content {
    var data: [PaguRecord]
}
