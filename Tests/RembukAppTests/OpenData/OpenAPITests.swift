import Foundation
import Testing
import Vapor
import VaporTesting
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

    @Test(arguments: [
        ("/api/v1/usulan?urut=acak", "Parameter urut harus salah satu dari: terbaru, dukungan."),
        ("/api/v1/usulan?per=101", "Parameter per paling besar 100."),
        ("/api/v1/usulan?halaman=0", "Parameter halaman paling kecil 1."),
        ("/api/v1/proyek?tahun=dua+ribu", "Parameter tahun harus bilangan bulat."),
        ("/api/v1/proyek?tahun=99999999999999999999999", "Parameter tahun harus bilangan bulat."),
        ("/api/v1/pengaduan?q=" + String(repeating: "a", count: 201), "Parameter q paling banyak 200 huruf."),
        ("/api/v1/usulan/serupa?desa=00.00.00.0000&teks=jalan", "Parameter desa tidak berbentuk seperti yang diharapkan, misalnya 32.14.01.2010."),
        ("/api/v1/usulan/serupa?teks=jalan", "Parameter desa wajib diisi."),
        ("/api/v1/usulan?per=20&per=x", "Parameter per harus bilangan bulat."),
    ])
    func aQueryThatDoesNotFitTheDocumentIsRefusedByName(path: String, detail: String) async throws {
        try await withRembuk { app in
            // when
            let response = try await app.testing().sendRequest(.GET, path)
            // then
            #expect(response.status == .badRequest)
            #expect(response.headers.contentType?.subType == "problem+json")
            #expect(response.body.string.contains(detail), "\(response.body.string)")
        }
    }

    @Test func aQueryThatFitsPassesAndAMethodTheDocumentDoesNotDeclareIs405() async throws {
        try await withRembuk { app in
            // when
            let fits = try await app.testing().sendRequest(.GET, "/api/v1/usulan?urut=dukungan&per=5&halaman=1&q=jalan%20rusak")
            let head = try await app.testing().sendRequest(.HEAD, "/api/v1/usulan?per=5")
            let put = try await app.testing().sendRequest(.PUT, "/api/v1/usulan")
            let trace = try await app.testing().sendRequest(.TRACE, "/api/v1/audit/head")
            let unknown = try await app.testing().sendRequest(.GET, "/api/v1/tidak-ada")
            // then
            #expect(fits.status == .ok)
            #expect(head.status == .ok)
            #expect(put.status == .methodNotAllowed && put.headers.first(name: "Allow") == "GET, POST")
            #expect(put.body.string.contains("Alamat ini hanya menerima GET, POST."))
            #expect(trace.status == .methodNotAllowed && trace.headers.first(name: "Allow") == "GET")
            #expect(unknown.status == .notFound)
        }
    }

    @Test func queryItemsAreDecodedAsFormsSendThem() {
        let items = OpenAPIRequestCheck.queryItems("q=jalan+rusak&x=%C3%A9&empty=&flag")
        #expect(items.map(\.name) == ["q", "x", "empty", "flag"])
        #expect(items.map(\.value) == ["jalan rusak", "é", "", ""])
    }
}
