import Foundation
import Testing
import Vapor
@testable import RembukApp

@Suite struct OpenAPITests {
    /// `/api/v1/usulan/:id/dukungan` and `/api/v1/usulan/{id}/dukungan` both become `/api/v1/usulan/{}/dukungan`.
    static func shape(_ path: String) -> String {
        path.split(separator: "/").map { $0.hasPrefix(":") || $0.hasPrefix("{") ? "{}" : String($0) }.joined(separator: "/")
    }

    @Test func everyAPIRouteIsDescribedAndEveryReferenceResolves() async throws {
        try await withRembuk { app in
            // given
            let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let described = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(Self.shape(path))" } })
            // when
            let routes = app.routes.all.map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") }
                .filter { $0.contains(" /api/v1/") }
            // then
            #expect(!routes.isEmpty)
            for route in routes {
                let parts = route.split(separator: " ", maxSplits: 1)
                #expect(described.contains("\(parts[0]) \(Self.shape(String(parts[1])))"), "\(route) is not in openapi.json")
            }
            let text = OpenAPIDocument.json
            let references = text.matches(of: /"\$ref": "#\/components\/(\w+)\/(\w+)"/).map { (String($0.output.1), String($0.output.2)) }
            let components = try #require(document["components"] as? [String: [String: Any]])
            #expect(!references.isEmpty)
            for (kind, name) in references {
                #expect(components[kind]?[name] != nil, "unresolved $ref \(kind)/\(name)")
            }
        }
    }
}
