import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

@Suite struct UsulanDataTests {
    @Test func theCSVOpensInIndonesianExcelAndMatchesTheFilteredList() async throws {
        try await withRembuk { app in
            // given: a filter by kecamatan, and an usulan whose text starts like a formula
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            _ = try await citizen.post(SiteRoute.usulanNew.path, UsulanTests.form.merging(["title": "=HYPERLINK(\"http://x\") jalan rusak", "volume": "2,5"]) { $1 })
            let expected = try await Usulan.query(on: app.db).filter(\.$kecamatanCode == "32.14.01").filter(\.$status != "draft").count()
            var visitor = TestBrowser(app)
            // when
            let response = try await visitor.get(SiteRoute.usulanExportCSV.path + "?kecamatan=32.14.01")
            // then
            #expect(response.headers.contentType?.subType == "csv")
            #expect(response.headers.first(name: .contentDisposition) == "attachment; filename=\"usulan.csv\"")
            let bytes = Array(response.body.readableBytesView)
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let rows = try CSV.parse(response.body.string, separator: ";")
            #expect(rows.first == UsulanSpreadsheet.header)
            #expect(rows.count - 1 == expected)
            #expect(rows.dropFirst().allSatisfy { $0.count == UsulanSpreadsheet.header.count })
            let mine = try #require(rows.first { $0[2].contains("HYPERLINK") })
            #expect(mine[2] == "'=HYPERLINK(\"http://x\") jalan rusak")
            #expect(mine[13] == "2,5")
            #expect(mine[15] == "135000000")
            #expect(mine[6] == "Purwakarta" && mine[7] == "Citalang")
        }
    }

    @Test func theJSONExportCarriesTheSameListAsRecords() async throws {
        try await withRembuk { app in
            // given
            var visitor = TestBrowser(app)
            // when
            let response = try await visitor.get(SiteRoute.usulanExportJSON.path + "?bidang=infrastruktur")
            // then
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let list = try decoder.decode(ListJSON.self, from: Data(response.body.readableBytesView))
            let expected = try await Usulan.query(on: app.db).filter(\.$bidang == "infrastruktur").filter(\.$status != "draft").count()
            #expect(list.data.count == expected && expected > 0)
            #expect(list.data.allSatisfy { $0.bidang == "infrastruktur" && !$0.desa.name.isEmpty && $0.url.contains("/usulan/") })
        }
    }
}

@Suite struct UsulanAPITests {
    func token(_ app: Application, for email: String) async throws -> String {
        var browser = TestBrowser(app)
        try await browser.signIn(email)
        let page = try await browser.post(SiteRoute.apiTokens.path, ["name": "Aplikasi desa", "days": "90"], repeated: [("scopes[]", "usulan:write")])
        let match = try #require(page.text.firstMatch(of: /rbk_[A-Za-z0-9_\-]{43}/))
        return String(match.output)
    }

    func send(_ app: Application, _ method: HTTPMethod, _ path: String, token: String?, json: String? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        if json != nil { headers.contentType = .json }
        return try await app.testing().sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    static let body = #"{"title":"Perbaikan jalan desa rusak di RT 05","problem":"Jalan desa berlubang besar, becek dan licin saat hujan turun.","proposal":"Pengaspalan ulang jalan desa sepanjang 300 meter.","bidang":"infrastruktur","desa_code":"32.14.01.2010","address":"Dusun Krajan, Jalan Citalang","volume":"300","satuan":"m","cost":"135000000"}"#

    @Test func aProgramSubmitsReadsListsAndSupportsWithAToken() async throws {
        try await withRembuk { app in
            // given
            let citizen = try await token(app, for: "warga@rembuk.test")
            let partner = try await token(app, for: "mitra@rembuk.test")
            // when
            let created = try await send(app, .POST, SiteRoute.apiUsulanList.path, token: citizen, json: Self.body)
            // then
            #expect(created.status == .created)
            let location = try #require(created.location)
            let read = try await send(app, .GET, location, token: nil)
            #expect(read.status == .ok)
            #expect(read.text.contains("\"title\":\"Perbaikan jalan desa rusak di RT 05\""))
            #expect(read.text.contains("\"timeline\":[{"))
            let id = String(location.split(separator: "/").last!)
            let supported = try await send(app, .POST, SiteRoute.apiUsulanSupport(id).path, token: partner)
            let again = try await send(app, .POST, SiteRoute.apiUsulanSupport(id).path, token: partner)
            #expect(supported.text == #"{"supportCount":1,"supported":true}"#)
            #expect(again.text == #"{"supportCount":1,"supported":true}"#)
            let withdrawn = try await send(app, .DELETE, SiteRoute.apiUsulanSupport(id).path, token: partner)
            #expect(withdrawn.text == #"{"supportCount":0,"supported":false}"#)
            let list = try await send(app, .GET, SiteRoute.apiUsulanList.path + "?desa=32.14.01.2010&per=1", token: nil)
            #expect(list.text.contains("\"next\":\"/api/v1/usulan?desa=32.14.01.2010&halaman=2&per=1\""))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "usulan.submit").filter(\.$subjectID == id).count() == 1)
        }
    }

    @Test func writesNeedAValidTokenAndBadInputGetsAProblemObject() async throws {
        try await withRembuk { app in
            // given: a signed-in browser's cookie is not enough for the API
            var browser = TestBrowser(app)
            try await browser.signIn("warga@rembuk.test")
            let citizen = try await token(app, for: "warga@rembuk.test")
            let before = try await Usulan.query(on: app.db).count()
            // when
            var cookieHeaders = HTTPHeaders()
            cookieHeaders.contentType = .json
            let withCookie = try await browser.send(.POST, SiteRoute.apiUsulanList.path, headers: cookieHeaders, body: ByteBuffer(string: Self.body))
            let forged = try await send(app, .POST, SiteRoute.apiUsulanList.path, token: "rbk_" + String(repeating: "x", count: 43), json: Self.body)
            let invalid = try await send(app, .POST, SiteRoute.apiUsulanList.path, token: citizen,
                                         json: #"{"title":"<b>x</b>","desa_code":"99.99","cost":"-5"}"#)
            let garbage = try await send(app, .POST, SiteRoute.apiUsulanList.path, token: citizen, json: "{not json")
            // then
            #expect(withCookie.status == .unauthorized)
            #expect(forged.status == .unauthorized)
            #expect(forged.headers.contentType?.subType == "problem+json")
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.text.contains("\"errors\":{"))
            #expect(invalid.text.contains("\"desa_code\":\"Pilih desa/kelurahan di 32.14.\""))
            #expect(garbage.status == .badRequest)
            #expect(try await Usulan.query(on: app.db).count() == before)
        }
    }

    @Test func similarUsulanAreSuggestedForATextBeingWritten() async throws {
        try await withRembuk { app in
            // given: a public demo usulan, and a text that reuses its title
            let existing = try #require(try await Usulan.publicQuery(on: app.db).filter(\.$status != UsulanStatus.digabung.rawValue).first())
            var browser = TestBrowser(app)
            let path = SiteRoute.apiUsulanSimilar.path
            // when
            let found = try await browser.get(path + "?desa=\(existing.desaCode)&teks=" + existing.title.urlQueryEscaped)
            let noDesa = try await browser.get(path + "?desa=32.14&teks=jalan")
            let noWords = try await browser.get(path + "?desa=\(existing.desaCode)&teks=+yang+dan+")
            // then
            #expect(found.status == .ok)
            let body = try JSONDecoder().decode([String: [[String: AnyDecodable]]].self, from: Data(found.text.utf8))
            #expect(body["similar"]?.first?["id"]?.text == existing.id?.uuidString)
            #expect((body["similar"]?.count ?? 0) <= 5)
            #expect(noDesa.status == .badRequest && noDesa.headers.contentType?.subType == "problem+json")
            #expect(noDesa.text.contains("Parameter desa tidak berbentuk seperti yang diharapkan, misalnya 32.14.01.2010."))
            #expect(noWords.status == .ok && noWords.text == #"{"similar":[]}"#)
        }
    }

    /// Just enough JSON to read a string or a number out of an object.
    struct AnyDecodable: Decodable {
        let text: String?
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            text = (try? container.decode(String.self)) ?? (try? container.decode(Double.self)).map { String($0) }
        }
    }

    @Test func aRevokedTokenStopsWorking() async throws {
        try await withRembuk { app in
            // given
            let citizen = try await token(app, for: "warga@rembuk.test")
            var browser = TestBrowser(app)
            try await browser.signIn("warga@rembuk.test")
            let stored = try #require(try await ApiToken.query(on: app.db).first())
            // when
            let revoked = try await browser.post(SiteRoute.apiTokenRevoke(stored.id!.uuidString).path, [:])
            let response = try await send(app, .POST, SiteRoute.apiUsulanList.path, token: citizen, json: Self.body)
            // then
            #expect(revoked.status == .seeOther)
            #expect(response.status == .unauthorized)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action ~~ ["api_token.created", "api_token.revoked"]).count() == 2)
            #expect(!(try await ApiToken.query(on: app.db).all()).contains { $0.tokenHash.contains(citizen) })
        }
    }
}
