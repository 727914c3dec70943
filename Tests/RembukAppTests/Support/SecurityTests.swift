import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
@testable import RembukApp

@Suite struct SecurityTests {
    let registration = ["name": "Nur Aisyah", "email": "nur@contoh.id", "password": "kopi-tubruk-2026", "password_confirmation": "kopi-tubruk-2026", "consent": "ya"]

    @Test func formsWithoutCSRFTokenAreRefusedAndStoreNothing() async throws {
        try await withRembuk { app in
            var browser = TestBrowser(app)
            let before = try await accountCount(app)
            let response = try await browser.post(SiteRoute.register.path, registration, csrf: false)
            #expect(response.status == .forbidden)
            #expect(response.text.contains("Formulir ini sudah kedaluwarsa"))
            #expect(try await accountCount(app) == before)
        }
    }

    @Test func tokenFromAnotherSessionIsRefused() async throws {
        try await withRembuk { app in
            var attacker = TestBrowser(app)
            _ = try await attacker.get("/")
            var victim = TestBrowser(app)
            try await victim.signIn("admin@rembuk.test")
            var form = ["action": "disable", "reason": "serangan"]
            form[CSRF.fieldName] = attacker.csrfToken
            let warga = try #require(try await Account.query(on: app.db).filter(\.$email == "warga@rembuk.test").first())
            let response = try await victim.post(SiteRoute.adminAccountStatus(warga.id!.uuidString).path, form)
            #expect(response.status == .forbidden)
            #expect(try await Account.find(warga.id, on: app.db)?.isDisabled == false)
        }
    }

    @Test func pagesCarryAFreshlyMaskedTokenAndEveryMaskOfItPasses() async throws {
        try await withRembuk { app in
            // given: two renderings of the same form for one browser
            var browser = TestBrowser(app)
            _ = try await browser.get("/")
            func token(_ page: String) -> String? {
                page.range(of: #"name="_csrf" value="[A-Za-z0-9_-]+""#, options: .regularExpression)
                    .map { String(page[$0].dropFirst(20).dropLast()) }
            }
            let first = try #require(token(try await browser.get(SiteRoute.register.path).text))
            let second = try #require(token(try await browser.get(SiteRoute.register.path).text))
            let before = try await accountCount(app)
            // when: the first is sent back after the second was shown; an unmasked digest is sent by someone else
            var form = registration
            form[CSRF.fieldName] = KeyedDigest.hex("csrf:" + (browser.cookies[SessionMiddleware.cookieName] ?? ""), key: testSecret)
            let unmasked = try await browser.post(SiteRoute.register.path, form, csrf: false)
            form[CSRF.fieldName] = first
            let masked = try await browser.post(SiteRoute.register.path, form, csrf: false)
            // then
            #expect(first != second && first.count == 43)
            #expect(unmasked.status == .forbidden)
            #expect(masked.status == .seeOther || masked.status == .found || masked.status == .ok)
            #expect(try await accountCount(app) == before + 1)
        }
    }

    @Test func securityHeadersAndCookieFlags() async throws {
        try await withRembuk { app in
            var browser = TestBrowser(app)
            let response = try await browser.get("/")
            #expect(response.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
            #expect(response.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
            #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(response.headers.first(name: "Referrer-Policy") == "strict-origin-when-cross-origin")
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix(SessionMiddleware.cookieName) })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
        }
    }

    @Test func secureCookieBehindHTTPS() async throws {
        try await withRembuk(settings: { $0.baseURL = "https://rembuk.purwakartakab.go.id" }) { app in
            var browser = TestBrowser(app)
            let response = try await browser.get("/")
            #expect(response.headers[.setCookie].contains { $0.contains("Secure") })
        }
    }

    @Test func oversizedBodyGetsAClearPageAndStoresNothing() async throws {
        try await withRembuk { app in
            var browser = TestBrowser(app)
            var form = registration
            form["name"] = String(repeating: "a", count: 2_000_000)
            let before = try await accountCount(app)
            let response = try await browser.post(SiteRoute.register.path, form)
            #expect(response.status == .payloadTooLarge)
            #expect(response.text.contains("Kiriman terlalu besar"))
            #expect(try await accountCount(app) == before)
        }
    }

    @Test func wrongContentTypeIsRefused() async throws {
        try await withRembuk { app in
            var browser = TestBrowser(app)
            _ = try await browser.get("/")
            var headers = HTTPHeaders()
            headers.contentType = .json
            let body = ByteBuffer(string: #"{"_csrf":"\#(browser.csrfToken)","name":"x"}"#)
            let before = try await accountCount(app)
            let response = try await browser.send(.POST, SiteRoute.register.path, headers: headers, body: body)
            #expect(response.status == .unsupportedMediaType)
            #expect(response.text.contains("bukan formulir"))
            #expect(try await accountCount(app) == before)
        }
    }

    @Test func apiErrorsAreProblemObjectsInTheReadersLanguage() async throws {
        try await withRembuk { app in
            var browser = TestBrowser(app)
            browser.acceptLanguage = "en"
            let bad = try await browser.get(SiteRoute.apiRegion("nonsense").path)
            let unknown = try await browser.get(SiteRoute.apiRegion("99.99").path)
            #expect(bad.status == .badRequest)
            #expect(bad.headers.contentType?.subType == "problem+json")
            #expect(bad.text.contains("is not a region code"))
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("\"status\":404"))
        }
    }

    @Test func unknownPagesAreFriendlyInIndonesian() async throws {
        try await withRembuk { app in
            var browser = TestBrowser(app)
            let response = try await browser.get("/tidak-ada")
            #expect(response.status == .notFound)
            #expect(response.text.contains("tidak ada"))
            #expect(response.text.contains("<html lang=\"id\""))
        }
    }

    @Test func openRedirectsAreNotFollowed() async throws {
        try await withRembuk { app in
            var browser = TestBrowser(app)
            for target in ["//evil.example", "https://evil.example", "/\\evil.example"] {
                let response = try await browser.get(SiteRoute.language("en").path + "?kembali=" + target)
                #expect(response.location == "/")
            }
            let fine = try await browser.get(SiteRoute.language("en").path + "?kembali=/wilayah")
            #expect(fine.location == "/wilayah")
        }
    }

    /// A browser drops TAB, CR and LF anywhere in a `Location`, so `/<TAB>/evil.example/x` is followed as `//evil.example/x`.
    @Test func returnPathsWithControlCharactersAreNotFollowed() async throws {
        try await withRembuk { app in
            // given: return paths that become another site once a browser strips what it ignores
            var browser = TestBrowser(app)
            let tricks = ["/%09/evil.example/x", "/%0A/evil.example", "/%0D/evil.example", "%09//evil.example", "/%5Cevil.example", "/%20/evil.example"]
            for trick in tricks {
                // when: the language switch is asked to go there
                let response = try await browser.get(SiteRoute.language("id").path + "?kembali=" + trick)
                // then: it goes home instead
                #expect(response.location == "/", "\(trick) → \(response.location ?? "")")
            }
            // when: someone signs in from a link carrying the TAB trick
            let signedIn = try await browser.post(SiteRoute.login.path, ["identifier": "warga@rembuk.test", "password": LoadDemoData.password,
                                                                           "kembali": "/\t/evil.example/x"])
            // then: they land on their account page
            #expect(signedIn.location == SiteRoute.account.path)
        }
    }

    /// Finding 3 of the security probe: `/audit?id=` was written into an `href` as it came.
    @Test func theTrailsSubjectCannotBreakOutOfItsLink() async throws {
        try await withRembuk { app in
            // given ids that close the attribute and add markup, and ids of the wrong form for their kind
            var visitor = TestBrowser(app)
            let attacks = [#"x"><meta http-equiv=refresh content="0;url=//evil.example">"#, "x'><img src=x>", #"00000000-0000-0000-0000-000000000000"><b>"#,
                           "../../akun", "32.14\"><b>"]
            for (kind, id) in attacks.flatMap({ id in ["usulan", "region", "agency"].map { ($0, id) } }) {
                // when the trail is asked for that subject
                let response = try await visitor.get(SiteRoute.audit.path + "?jenis=\(kind)&id=" + TestBrowser.encode(["": id]).dropFirst())
                // then the page is the whole trail, with no markup of the visitor's
                #expect(response.status == .ok)
                #expect(!response.text.contains("<meta http-equiv") && !response.text.contains("<img src=x") && !response.text.contains("<b>"), "\(kind) \(id)")
                #expect(!response.text.contains("Hanya catatan tentang"))
            }
            // and a well-formed subject still narrows the trail
            #expect(try await visitor.get(SiteRoute.audit.path + "?jenis=region&id=32.14").text.contains("Hanya catatan tentang"))
        }
    }

    @Test func englishSwitchAndAcceptLanguage() async throws {
        try await withRembuk { app in
            var browser = TestBrowser(app)
            browser.acceptLanguage = "en-GB,en;q=0.9"
            #expect(try await browser.get("/").text.contains("Plan Kabupaten Purwakarta"))
            _ = try await browser.get(SiteRoute.language("id").path)
            #expect(try await browser.get("/").text.contains("Rencanakan pembangunan"))
        }
    }

    @Test func homePageStaysSmall() async throws {
        try await withRembuk { app in
            var browser = TestBrowser(app)
            let html = try await browser.get("/").body.readableBytes
            let css = try await browser.get(SiteRoute.stylesheet.path).body.readableBytes
            #expect(html + css <= 30_000, "home page weighs \(html) B of HTML + \(css) B of CSS")
        }
    }

    @Test func everyMainPageStaysUnderThirtyKilobytes() async throws {
        try await withRembuk { app in
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let someone = try #require(try await Account.query(on: app.db).filter(\.$email == "operator.desa@rembuk.test").first())
            let css = try await admin.get(SiteRoute.stylesheet.path).body.readableBytes
            let pages = ["/", SiteRoute.regions.path, SiteRoute.region("32.14").path, SiteRoute.region("32.14.01").path,
                         SiteRoute.region("32.14.01.2010").path, SiteRoute.audit.path, SiteRoute.openData.path, SiteRoute.account.path,
                         SiteRoute.inbox.path, SiteRoute.adminAccounts.path, SiteRoute.adminNewAccount.path,
                         SiteRoute.adminAccount(someone.id!.uuidString).path]
            let usulan = try #require(try await Usulan.query(on: app.db).filter(\.$status != "draft").first())
            let issueThree = [SiteRoute.usulanIndex.path, SiteRoute.usulanNew.path, SiteRoute.usulan(usulan.id!.uuidString).path,
                              SiteRoute.myUsulan.path, SiteRoute.kamus.path, SiteRoute.schedule.path, SiteRoute.moderationQueue.path,
                              SiteRoute.apiTokens.path, SiteRoute.sipdImport.path,
                              SiteRoute.cycleSettings(String(LocalDate(Date()).year + 1)).path, SiteRoute.forums.path, SiteRoute.forumNew.path]
            // A running kabupaten forum with every accepted usulan of the demo year on its agenda.
            let year = LocalDate(Date()).year
            let scheduled = try await admin.post(SiteRoute.forumNew.path, ["level": "kabupaten", "region_code": "32.14", "held_on": "\(year)-03-25",
                                                                           "starts_at": "09.00", "place": "Gedung Negara"])
            let forum = String(scheduled.location?.split(separator: "/").last ?? "")
            _ = try await admin.post(SiteRoute.forumStatus(forum).path, ["change": "start"])
            let running = try #require(try await Forum.find(UUID(uuidString: forum), on: app.db))
            let item = try #require(try await ForumAgenda.load(running, on: app.db).usulan.first)
            let issueFour = [SiteRoute.forum(forum).path, SiteRoute.forumAttendance(forum).path, SiteRoute.forumAttendanceSheet(forum).path,
                             SiteRoute.forumMinutes(forum).path, SiteRoute.forumDecide(forum, item.id!.uuidString).path, SiteRoute.forumFunnel.path,
                             SiteRoute.cycleAgencyCeilings(String(year + 1), "32.14.01").path]
            let project = try #require(try await Project.query(on: app.db).filter(\.$status == ProjectStatus.selesai.rawValue).first()).id!.uuidString
            let issueFive = [SiteRoute.projects.path, SiteRoute.projectNew.path, SiteRoute.project(project).path, SiteRoute.projectEdit(project).path,
                             SiteRoute.audit.path + "?jenis=project&id=\(project)", SiteRoute.dashboard.path]
            let underWay = try #require(try await Project.query(on: app.db).filter(\.$status == ProjectStatus.pelaksanaan.rawValue).first()).id!.uuidString
            let complaint = try #require(try await Complaint.query(on: app.db).first()).id!.uuidString
            let thread = try #require(try await DiscussionThread.query(on: app.db).sort(\.$lastActivityAt, .descending).first()).id!.uuidString
            let issueSix = [SiteRoute.complaints.path, SiteRoute.complaintNew.path, SiteRoute.complaint(complaint).path, SiteRoute.complaintBoard.path,
                            SiteRoute.complaintStatistics.path, SiteRoute.complaintCategories.path, SiteRoute.openData.path,
                            SiteRoute.information.path, SiteRoute.informationNew.path, SiteRoute.documents.path, SiteRoute.documentNew.path,
                            SiteRoute.discussions.path, SiteRoute.discussionNew.path, SiteRoute.discussion(thread).path, SiteRoute.account.path,
                            SiteRoute.holidays.path]
            let issueEight = [SiteRoute.adminTokens.path, SiteRoute.projectReportsUpload.path, SiteRoute.forumPaperAttendance(forum).path]
            var visitor = TestBrowser(app)
            for (page, signedIn) in (pages + issueThree + issueFour + issueFive + issueSix + issueEight + [SiteRoute.projectReport(underWay).path]).map({ ($0, true) })
                + [(SiteRoute.login.path, false), (SiteRoute.register.path, false), (SiteRoute.phoneSignIn.path, false), (SiteRoute.claimAccount.path, false)] {
                let response = signedIn ? try await admin.get(page) : try await visitor.get(page)
                #expect(response.status == .ok, "\(page)")
                #expect(response.body.readableBytes + css <= 30_000, "\(page): \(response.body.readableBytes) B + \(css) B of CSS")
            }
        }
    }

    @Test func typedValuesCannotBreakOutOfAttributes() async throws {
        try await withRembuk { app in
            // given: markup typed into a form field and into the sign-in return address
            var browser = TestBrowser(app)
            let attack = "\"><script>alert(1)</script>"
            // when
            let register = try await browser.post(SiteRoute.register.path, ["name": attack, "email": "x"])
            let login = try await browser.get(SiteRoute.login.path + "?kembali=/" + attack.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let search = try await admin.get(SiteRoute.adminAccounts.path + "?q=" + attack.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            // then
            for response in [register, login, search] {
                #expect(!response.text.contains("<script>alert(1)"))
                #expect(!response.text.contains("\"><script"))
            }
            #expect(register.text.contains("&quot;&gt;&lt;script&gt;"))
        }
    }

    @Test func healthAndMetrics() async throws {
        try await withRembuk { app in
            var browser = TestBrowser(app)
            let health = try await browser.get(SiteRoute.healthz.path)
            _ = try await browser.get("/")
            let metrics = try await browser.get(SiteRoute.metrics.path)
            #expect(health.status == .ok)
            #expect(health.text.contains("\"database\":\"ok\""))
            #expect(metrics.text.contains("http_requests_total"))
            #expect(metrics.text.contains("rembuk_audit_records"))
            #expect(metrics.text.contains("rembuk_db_up 1"))
        }
    }

    /// Issue 24, found at review: the pool gauge always said 1.
    @Test func thePoolGaugeReportsTheConfiguredConnections() async throws {
        try await withRembuk(settings: { $0.databaseConnectionsPerLoop = 7 }) { app in
            // given an installation configured for 7 connections per event loop on PostgreSQL
            var browser = TestBrowser(app)
            // when the metrics are read
            let metrics = try await browser.get(SiteRoute.metrics.path).text
            // then the gauge says what the pool was given: 7 on PostgreSQL, SQLite's one
            #expect(metrics.contains("rembuk_db_pool_connections_per_event_loop \(testsRunOnPostgres ? 7 : 1)"), "\(metrics.split(separator: "\n").filter { $0.contains("pool") })")
        }
    }
}
