import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// Tokens do what their scopes say, for as long as they live, as the account (or agency) they belong to.
@Suite struct ApiTokenScopeTests {
    static func personal(_ app: Application, _ email: String, scopes: [String], days: String = "30") async throws -> String {
        var browser = TestBrowser(app)
        try await browser.signIn(email)
        let page = try await browser.post(SiteRoute.apiTokens.path, ["name": "Skrip lembar kerja", "days": days], repeated: scopes.map { ("scopes[]", $0) })
        return String(try #require(page.text.firstMatch(of: /rbk_[A-Za-z0-9_\-]{43}/)).output)
    }

    static func submitUsulan(_ app: Application, token: String) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        headers.contentType = .json
        return try await app.testing().sendRequest(.POST, SiteRoute.apiUsulanList.path, headers: headers, body: ByteBuffer(string: UsulanAPITests.body))
    }

    static func report(_ project: Project) -> String {
        "kode,tanggal,fisik_persen,realisasi_rp,catatan\n\(project.number),\(LocalDate(Date()).iso),\(project.progress / 100 + 1),\(project.realised),Laporan lewat token pribadi.\n"
    }

    @Test func scopesLimitWhatATokenDoes() async throws {
        try await withRembuk { app in
            // given a PUPR officer's personal token for usulan only, and a PUPR agency token for reports only
            let personal = try await Self.personal(app, "opd@rembuk.test", scopes: ["usulan:write"])
            let agency = try await BulkProgressTests.agencyToken(app)
            let project = try #require(try await BulkProgressTests.running(app).first)
            let before = try await ProjectReport.query(on: app.db).count()
            // when
            let personalReport = try await BulkProgressTests.post(app, Self.report(project), token: personal)
            let agencyUsulan = try await Self.submitUsulan(app, token: agency)
            let agencyReport = try await BulkProgressTests.post(app, Self.report(project), token: agency)
            // then
            #expect(personalReport.status == .forbidden && personalReport.text.contains("projects:report"))
            #expect(agencyUsulan.status == .forbidden && agencyUsulan.text.contains("usulan:write"))
            #expect(agencyReport.status == .ok && agencyReport.text.contains("\"accepted\":1"))
            #expect(try await ProjectReport.query(on: app.db).count() == before + 1)
        }
    }

    @Test func expiredAndRevokedTokensStopWorking() async throws {
        try await withRembuk { app in
            // given
            let personal = try await Self.personal(app, "warga@rembuk.test", scopes: ["usulan:write"])
            let agency = try await BulkProgressTests.agencyToken(app)
            let project = try #require(try await BulkProgressTests.running(app).first)
            try await ApiToken.query(on: app.db).filter(\.$agencyID == nil).set(\.$expiresAt, to: Date().addingTimeInterval(-60)).update()
            let stored = try #require(try await ApiToken.query(on: app.db).filter(\.$agencyID == "dinas-pupr").first())
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            // when
            let expired = try await Self.submitUsulan(app, token: personal)
            let revoke = try await admin.post(SiteRoute.adminTokenRevoke(stored.id!.uuidString).path, ["reason": "sistem diganti"])
            let revoked = try await BulkProgressTests.post(app, Self.report(project), token: agency)
            // then
            #expect(expired.status == .unauthorized && expired.text.contains("kedaluwarsa"))
            #expect(revoke.status == .seeOther)
            #expect(revoked.status == .unauthorized)
            let service = try #require(try await Account.find(stored.$account.id, on: app.db))
            #expect(service.isDisabled)
            #expect(try await RoleGrant.query(on: app.db).filter(\.$account.$id == service.id!).filter(\.$revokedAt == nil).count() == 0)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "api_token.agency_revoked").count() == 1)
        }
    }

    @Test func anAgencyTokenActsOnlyForItsAgency() async throws {
        try await withRembuk { app in
            // given a token for the education office
            let token = try await BulkProgressTests.agencyToken(app, agency: "disdik")
            let pupr = try #require(try await BulkProgressTests.running(app).first)
            // when
            let response = try await BulkProgressTests.post(app, Self.report(pupr), token: token)
            // then
            #expect(response.status == .ok)
            #expect(response.text.contains("\"accepted\":0") && response.text.contains("dikelola perangkat daerah lain"))
            #expect(try await Project.find(pupr.id, on: app.db)?.progress == pupr.progress)
        }
    }

    @Test(arguments: [
        (["name": "Skrip", "days": "30"], [String](), "Pilih izin token"),
        (["name": "Skrip", "days": "999"], ["usulan:write"], "paling lama satu tahun"),
        (["name": "Skrip", "days": "30"], ["admin:all"], "Pilih izin token"),
        (["name": "x", "days": "30"], ["usulan:write"], "Beri nama token"),
    ])
    func badTokenRequestsAreExplainedAndMakeNothing(fields: [String: String], scopes: [String], message: String) async throws {
        try await withRembuk { app in
            // given
            var browser = TestBrowser(app)
            try await browser.signIn("warga@rembuk.test")
            // when
            let response = try await browser.post(SiteRoute.apiTokens.path, fields, repeated: scopes.map { ("scopes[]", $0) })
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(message))
            #expect(try await ApiToken.query(on: app.db).count() == 0)
        }
    }

    @Test func onlyTheAdminMakesAgencyTokensAndForAKnownAgency() async throws {
        try await withRembuk { app in
            // given
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            // when
            let byOPD = try await opd.post(SiteRoute.adminTokens.path, ["name": "Sinkron", "agency_id": "dinas-pupr", "days": "30"], repeated: [("scopes[]", "projects:report")])
            let unknown = try await admin.post(SiteRoute.adminTokens.path, ["name": "Sinkron", "agency_id": "dinas-tidak-ada", "days": "30"], repeated: [("scopes[]", "projects:report")])
            // then
            #expect(byOPD.status == .forbidden)
            #expect(unknown.status == .unprocessableEntity && unknown.text.contains("Pilih perangkat daerah"))
            #expect(try await ApiToken.query(on: app.db).count() == 0)
            #expect(try await Account.query(on: app.db).filter(\.$name ~~ "Token Sinkron").count() == 0)
        }
    }
}
