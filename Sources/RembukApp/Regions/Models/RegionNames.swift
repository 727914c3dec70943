import Fluent

/// Names of regions by code, for lists.
enum RegionNames {
    static func load(_ codes: [String], on db: any Database) async throws -> [String: String] {
        let unique = Array(Set(codes))
        guard !unique.isEmpty else { return [:] }
        let regions = try await Region.query(on: db).filter(\.$id ~~ unique).all()
        return Dictionary(regions.map { ($0.id ?? "", $0.name) }, uniquingKeysWith: { a, _ in a })
    }
}

/// Names of perangkat daerah by id, for lists and documents.
enum AgencyNames {
    static func load(on db: any Database) async throws -> [String: String] {
        Dictionary(try await Agency.query(on: db).all().map { ($0.id ?? "", $0.name) }, uniquingKeysWith: { a, _ in a })
    }
}
