import Fluent
import RembukCore
import Vapor

struct RegionsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.regions, use: index)
        routes.get(.region(":code"), use: show)
        routes.post(.regionPopulation(":code"), use: population)
        routes.get(.apiRegion(":code"), use: apiShow)
        routes.get(.apiAgencies, use: apiAgencies)
    }

    func index(_ req: Request) async throws -> Response {
        let ctx = await req.viewContext()
        let kabupatens = try await Region.query(on: req.db).filter(\.$depth == 1).sort(\.$id).all()
        let counts = try await childCounts(of: kabupatens.compactMap(\.id), on: req.db)
        return RegionsIndexPage(kabupatens: kabupatens, counts: counts, home: req.settings.kabupaten.value).render(ctx).response()
    }

    func population(_ req: Request) async throws -> Response {
        struct Input: Decodable { var population: String?; var source: String? }
        let region = try await find(req)
        let input = try req.content.decode(Input.self)
        switch try await SetRegionPopulation().run(region: region, population: input.population, source: input.source, in: req.invocation) {
        case .saved: return req.redirect(to: SiteRoute.region(region.code.value).path)
        case let .invalid(errors): return try await show(req, errors: errors, status: .unprocessableEntity)
        }
    }

    func show(_ req: Request) async throws -> Response { try await show(req, errors: FormErrors(), status: .ok) }

    func show(_ req: Request, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let region = try await find(req)
        let ctx = await req.viewContext()
        let children = try await Region.query(on: req.db).filter(\.$parentCode == region.id).sort(\.$id).all()
        let grandchildren = try await childCounts(of: children.compactMap(\.id), on: req.db)
        let ancestors = try await Region.query(on: req.db)
            .filter(\.$id ~~ ancestorCodes(of: region.code)).sort(\.$depth).all()
        var following = false
        if let account = req.principal.accountID {
            following = try await Follow.query(on: req.db).filter(\.$account.$id == account)
                .filter(\.$subjectType == "region").filter(\.$subjectID == region.code.value).first() != nil
        }
        let page = RegionPage(region: region, ancestors: ancestors, children: children, childCounts: grandchildren, following: following,
                              errors: errors)
        return page.render(ctx).response(status: status)
    }

    struct RegionJSON: Content {
        var kode: String
        var nama: String
        var tingkat: String
        var induk: String?
        var penduduk: Int?
        var anak: [RegionJSON]?
    }

    func apiShow(_ req: Request) async throws -> Response {
        let region = try await find(req)
        let children = try await Region.query(on: req.db).filter(\.$parentCode == region.id).sort(\.$id).all()
        let body = RegionJSON(kode: region.code.value, nama: region.name, tingkat: region.kind, induk: region.parentCode,
                              penduduk: region.population,
                              anak: children.map { RegionJSON(kode: $0.code.value, nama: $0.name, tingkat: $0.kind, induk: $0.parentCode) })
        return try await body.encodeResponse(for: req)
    }

    struct AgencyJSON: Content {
        var id: String
        var nama: String
        var singkatan: String
        var kabupaten: String
        /// The sectors whose usulan go to it by default.
        var bidang: [String]
        var aktif: Bool
        /// The agency that took it over in a reorganisation.
        var digabung_ke: String?
    }

    func apiAgencies(_ req: Request) async throws -> Response {
        let agencies = try await Agency.query(on: req.db).sort(\.$name).all()
        return try await agencies.map { AgencyJSON(id: $0.id ?? "", nama: $0.name, singkatan: $0.shortName, kabupaten: $0.kabupatenCode,
                                         bidang: $0.sectors.map(\.rawValue), aktif: $0.active, digabung_ke: $0.mergedInto) }
            .encodeResponse(for: req)
    }

    func find(_ req: Request) async throws -> Region {
        let text = req.parameters.get("code") ?? ""
        guard let code = RegionCode(text) else {
            throw UserFacingError(.badRequest, Phrase(
                "“\(text.prefix(40))” bukan kode wilayah. Kode berbentuk PP.KK.CC.DDDD, misalnya 32.14.01.2010.",
                "“\(text.prefix(40))” is not a region code. Codes look like PP.KK.CC.DDDD, e.g. 32.14.01.2010."))
        }
        guard let region = try await Region.find(code.value, on: req.db) else {
            throw UserFacingError(.notFound, Phrase("Wilayah \(code.value) belum dimuat di Rembuk ini.",
                                                    "Region \(code.value) is not loaded in this Rembuk."))
        }
        return region
    }

    func ancestorCodes(of code: RegionCode) -> [String] {
        var codes: [String] = []
        var current = code.parent
        while let c = current { codes.append(c.value); current = c.parent }
        return codes
    }

    /// How many children each of `codes` has, by kind (desa, kelurahan, kecamatan).
    func childCounts(of codes: [String], on db: any Database) async throws -> [String: [String: Int]] {
        guard !codes.isEmpty else { return [:] }
        let children = try await Region.query(on: db).filter(\.$parentCode ~~ codes).field(\.$parentCode).field(\.$kind).all()
        var result: [String: [String: Int]] = [:]
        for child in children { result[child.parentCode ?? "", default: [:]][child.kind, default: 0] += 1 }
        return result
    }
}
