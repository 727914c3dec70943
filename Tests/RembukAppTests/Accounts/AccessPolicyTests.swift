import Fluent
import Foundation
import RembukCore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// The declared policy (`AccessPolicy`) against the running app: every registered route, as every role, with the
/// route's parameters pointing at real things inside the demo's scopes (desa 32.14.01.2010, the agency
/// dinas-pupr, the partner yayasan-citarum-lestari, the citizen warga@). Two more actors test the scopes: an operator
/// desa of another desa, and an OPD of another agency, acting on those same things.
/// A refused actor gets 401, 403, 404 or the sign-in page and leaves no audit record; an allowed one is not refused
/// (its empty form may well be invalid: 422 is an answer, not a refusal).
@Suite(.serialized) struct AccessPolicyTests {
    enum Actor: String, CaseIterable {
        case visitor, warga, operatorDesa, operatorDesaElsewhere, operatorKecamatan, opd, opdOfAnotherAgency, moderator, mitra, bappeda

        var email: String? {
            switch self {
            case .visitor: nil
            case .warga: "warga@rembuk.test"
            case .operatorDesa: "operator.desa@rembuk.test"
            case .operatorDesaElsewhere: "operator.desa.lain@rembuk.test"
            case .operatorKecamatan: "operator.kecamatan@rembuk.test"
            case .opd: "opd@rembuk.test"
            case .opdOfAnotherAgency: "opd.lain@rembuk.test"
            case .moderator: "moderator@rembuk.test"
            case .mitra: "mitra@rembuk.test"
            case .bappeda: "admin@rembuk.test"
            }
        }

        var role: Role? {
            switch self {
            case .visitor, .warga: nil
            case .operatorDesa, .operatorDesaElsewhere: .operatorDesa
            case .operatorKecamatan: .operatorKecamatan
            case .opd, .opdOfAnotherAgency: .opd
            case .moderator: .moderator
            case .mitra: .mitra
            case .bappeda: .bappeda
            }
        }

        /// Whether the declared rule lets this actor in, on the things the walk points at.
        func isAllowed(by rule: AccessPolicy.Rule) -> Bool {
            if rule.who.contains(.visitor) { return true }
            if self == .visitor { return false }
            if rule.who.contains(.account) { return true }
            if self == .warga { return rule.who.contains(.owner) }
            guard let role, rule.who.contains(.role(role)) else { return false }
            switch (self, rule.scope) {
            case (.operatorDesaElsewhere, .region), (.opdOfAnotherAgency, .agency): return false
            default: return true
            }
        }
    }

    @Test func everyRegisteredRouteHasOneLineInThePolicy() async throws {
        try await withRembuk { app in
            // given
            let registered = Set(app.routes.all.map(Self.key))
            // when
            let undeclared = registered.subtracting(AccessPolicy.routes.keys)
            let stale = Set(AccessPolicy.routes.keys).subtracting(registered)
            // then
            #expect(undeclared.isEmpty, "routes without a policy line: \(undeclared.sorted())")
            #expect(stale.isEmpty, "policy lines without a route: \(stale.sorted())")
            #expect(AccessPolicy.duplicated.isEmpty, "routes with two policy lines: \(AccessPolicy.duplicated)")
            #expect(registered.count > 200)
        }
    }

    /// Who may do what is decided in Swift, the same on both engines; on PostgreSQL the walk runs as the actors whose
    /// answers most depend on what the database finds (the two from outside the scopes, the owner, a visitor, the admin).
    static let actors: [Actor] = testsRunOnPostgres ? [.visitor, .warga, .operatorDesaElsewhere, .opdOfAnotherAgency, .bappeda] : Actor.allCases

    @Test(arguments: actors) func everyRouteAnswersAsDeclared(_ actor: Actor) async throws {
        try await withRembuk { app in
            // given
            let fixture = try await Fixture.make(app)
            var browser = TestBrowser(app)
            if let email = actor.email { try await browser.signIn(email) }
            var mismatches: [String] = []
            // Routes that change the session itself go last: acting for an assisted citizen, then signing out.
            let last = ["POST /bantuan-warga/:id/layani", "POST /bantuan-warga/selesai", "POST /keluar"]
            let routes = app.routes.all.sorted { (last.firstIndex(of: Self.key($0)) ?? -1, Self.key($0)) < (last.firstIndex(of: Self.key($1)) ?? -1, Self.key($1)) }
            for route in routes {
                let key = Self.key(route)
                guard let rule = AccessPolicy.routes[key] else { continue }   // reported by the test above
                let path = try fixture.path(route.path)
                let auditBefore = try await auditCount(app)
                // when
                let response: TestingHTTPResponse
                switch route.method {
                case .GET: response = try await browser.get(path)
                case .POST: response = try await browser.post(path, [:])
                default: response = try await browser.send(route.method, path, headers: [:], body: nil)
                }
                // then
                let refused = [.forbidden, .notFound].contains(response.status) || (response.status == .unauthorized && !rule.checksCredentials)
                    || (response.status == .seeOther && response.location?.hasPrefix(SiteRoute.login.path) == true)
                let allowed = actor.isAllowed(by: rule)
                if allowed && refused && Self.notApplicableToTheWalksForum.contains(key) && response.status == .notFound { continue }
                if allowed && refused {
                    mismatches.append("\(key) \(path): allowed but refused with \(response.status.code)")
                } else if !allowed && !refused {
                    mismatches.append("\(key) \(path): forbidden but answered \(response.status.code)")
                } else if !allowed, try await auditCount(app) != auditBefore {
                    mismatches.append("\(key) \(path): refused but wrote an audit record")
                }
            }
            #expect(mismatches.isEmpty, Testing.Comment(rawValue: "\(actor.rawValue):\n" + mismatches.joined(separator: "\n")))
        }
    }

    /// The walk's forum is a desa forum in session: it scores, and takes no per-usulan decisions (kabupaten and OPD
    /// forums do), so deciding answers 404 "not on this forum's agenda" even to its operators.
    static let notApplicableToTheWalksForum: Set<String> = ["POST /musrenbang/:id/usulan/:usulan/keputusan"]

    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map { $0.description }.joined(separator: "/")
    }

    /// Real things inside the scopes the walk tests, and the two actors from outside them.
    struct Fixture {
        var values: [String: String] = [:]

        /// The route's path with each parameter replaced by the thing the route is about: the value for the whole
        /// route ("usulan/:id/ubah :id"), else for the parameter after its words ("usulan/:id"), else by name (":code").
        func path(_ components: [PathComponent]) throws -> String {
            let words = components.map(\.description)
            var out: [String] = []
            for (index, word) in words.enumerated() {
                guard word.hasPrefix(":") else { out.append(word); continue }
                let context = words[..<index].filter { !$0.hasPrefix(":") }.joined(separator: "/")
                let name = "\(context)/\(word)"
                guard let value = values[words.joined(separator: "/") + " " + word] ?? values[name] ?? values[word] else {
                    throw FixtureMissing(description: "no value for \(name) in /\(words.joined(separator: "/"))")
                }
                out.append(value)
            }
            return "/" + out.joined(separator: "/")
        }

        struct FixtureMissing: Error, CustomStringConvertible { let description: String }

        static func make(_ app: Application) async throws -> Fixture {
            let db = app.db
            let warga = try #require(try await Account.query(on: db).filter(\.$email == "warga@rembuk.test").first())
            let operatorDesa = try #require(try await Account.query(on: db).filter(\.$email == "operator.desa@rembuk.test").first())
            let grant = try #require(try await RoleGrant.query(on: db).filter(\.$account.$id == operatorDesa.id!).first())
            // the two actors from outside the scopes
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            for (email, role, region, agency) in [("operator.desa.lain@rembuk.test", "operator_desa", "32.14.02.2001", ""),
                                                  ("opd.lain@rembuk.test", "opd", "", "dlh")] {
                let made = try await admin.post(SiteRoute.adminNewAccount.path, [
                    "name": "Staf Lain", "email": email, "password": LoadDemoData.password, "password_confirmation": LoadDemoData.password,
                    "role": role, "region_code": region, "agency_id": agency])
                #expect(made.status == .seeOther, Testing.Comment(rawValue: email))
            }
            let agencyToken = try await admin.post(SiteRoute.adminTokens.path, ["name": "Sinkron SIMDA", "agency_id": "dinas-pupr", "days": "30",
                                                                                 "scopes[]": "projects:report"])
            #expect(agencyToken.status == .ok || agencyToken.status == .seeOther)
            // a forum of desa 32.14.01.2010 in session, with an attendee, an usulan on its agenda and a file
            let (operatorBrowser, forum) = try await ForumProceedingsTests.desaForumInSession(app)
            var runner = operatorBrowser
            _ = try await ForumProceedingsTests.attend(&runner, forum, "Ibu Ani", "perempuan")
            let attendee = try #require(try await ForumAttendee.query(on: db).filter(\.$forum.$id == UUID(uuidString: forum)!).first())
            let agendaItem = try await ForumProceedingsTests.seed(app, title: "Jalan lingkungan RT 02", status: .diverifikasi, cost: 50_000_000)
            let usulan = try await ForumProceedingsTests.seed(app, title: "Saluran air RW 03", status: .diajukan, cost: 20_000_000)
            let draft = try await ForumProceedingsTests.seed(app, title: "Lampu jalan gang", status: .draft, cost: 5_000_000)
            let blob = try #require(try await Attachment.query(on: db).first())
            let forumFile = Attachment()
            forumFile.blobSHA256 = blob.blobSHA256
            forumFile.ownerID = operatorDesa.id!
            forumFile.subjectType = "forum"
            forumFile.subjectID = forum
            forumFile.filename = "notulen.pdf"
            forumFile.mediaType = blob.mediaType
            forumFile.byteCount = blob.byteCount
            try await forumFile.create(on: db)
            // the finished environmental programme, run by dinas-pupr for this walk; warga@ took part and evaluated it
            let program = try #require(try await Program.query(on: db).filter(\.$status == "selesai").first())
            program.agency = "dinas-pupr"
            try await program.save(on: db)
            let session = try #require(try await ProgramSession.query(on: db).filter(\.$program.$id == program.id!).first())
            let evaluation = ProgramEvaluation()
            evaluation.programID = program.id!
            evaluation.accountID = warga.id!
            evaluation.satisfaction = 4
            evaluation.usefulness = 5
            evaluation.comment = "Bermanfaat untuk bank sampah kami."
            evaluation.commentStatus = "menunggu"
            evaluation.createdMillis = Int64(Date().timeIntervalSince1970 * 1000)
            try await evaluation.create(on: db)
            // warga@'s own token
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            _ = try await citizen.post(SiteRoute.apiTokens.path, ["name": "Aplikasi desa", "days": "30", "scopes[]": "usulan:write"])
            let token = try #require(try await ApiToken.query(on: db).filter(\.$account.$id == warga.id!).first())
            let agencyTokenRow = try #require(try await ApiToken.query(on: db).filter(\.$account.$id != warga.id!).first())
            // an assisted citizen of desa 32.14.01.2010
            var assistant = TestBrowser(app)
            try await assistant.signIn("operator.desa@rembuk.test")
            _ = try await assistant.post(SiteRoute.assisted.path, ["name": "Mak Iyah", "desa_code": "32.14.01.2010", "gender": "perempuan"])
            let assisted = try #require(try await Account.query(on: db).filter(\.$name == "Mak Iyah").first())

            let project = try #require(try await Project.query(on: db).filter(\.$agency == "dinas-pupr").first())
            let complaint = try #require(try await Complaint.query(on: db).filter(\.$agency == "dinas-pupr").filter(\.$reporterID == warga.id!).first())
            let discussion = try #require(try await DiscussionThread.query(on: db).first())
            let article = try #require(try await Article.query(on: db).first())
            let document = try #require(try await LibraryDocument.query(on: db).first())
            let attachment = try #require(try await Attachment.query(on: db).filter(\.$subjectType == "project_report").first())
            let kamus = try #require(try await KamusItem.query(on: db).first())
            let agreement = try #require(try await Agreement.query(on: db).filter(\.$partnerCode == "yayasan-citarum-lestari").first())
            agreement.agency = "dinas-pupr"
            try await agreement.save(on: db)
            let inbox = try #require(try await InboxItem.query(on: db).filter(\.$account.$id == warga.id!).first())
            let certificate = try #require(try await Certificate.query(on: db).first())
            let holiday = try #require(try await Holiday.query(on: db).first())
            let year = try #require(try await PlanningCycle.query(on: db).first()).year
            // the government's logo, served to everyone
            guard case .saved = try await SetLogo().run(IdentityTests.png, in: .system(app)) else { throw FixtureMissing(description: "the logo was refused") }

            var fixture = Fixture()
            fixture.values = [
                ":code": "32.14.01", "bahasa/:code": "en", "sertifikat/:code": certificate.id!, "logo/:file": ContentAddress.sha256(IdentityTests.png) + ".png", "mitra/:code": "yayasan-citarum-lestari",
                "usulan/:id": usulan.id!.uuidString, "api/v1/usulan/:id": usulan.id!.uuidString,
                "akun/kotak-masuk/:id": inbox.id!.uuidString, "akun/token/:id": token.id!.uuidString,
                "admin/token/:id": agencyTokenRow.id!.uuidString, "admin/opd/:key": "dlh",
                "lupa-sandi/tautan/:token": "00000000-0000-0000-0000-000000000000.tidak-ada",
                "akun/verifikasi-email/:token": "00000000-0000-0000-0000-000000000000.tidak-ada",
                "bantuan-warga/:id": assisted.id!.uuidString,
                "admin/akun/:id": operatorDesa.id!.uuidString, "admin/akun/peran/:grant": grant.id!.uuidString,
                "data/:id": "usulan", "lampiran/:id": attachment.id!.uuidString,
                "lapor/:kind": "usulan", "lapor/:id": usulan.id!.uuidString,
                "moderasi/:kind": "usulan", "moderasi/:id": usulan.id!.uuidString,
                "diskusi/:id": discussion.id!.uuidString,
                "pengaduan/:id": complaint.id!.uuidString, "api/v1/pengaduan/:id": complaint.id!.uuidString,
                "jadwal/hari-libur/:day": holiday.id!,
                "program/:id": program.id!.uuidString, "api/v1/program/:id": program.id!.uuidString,
                "program/sesi/:id": session.id!.uuidString, "program/evaluasi/:id": evaluation.id!.uuidString,
                "mitra/kerja-sama/:id": agreement.id!.uuidString,
                "jadwal/:year": String(year), "jadwal/pagu/:kecamatan": "32.14.01",
                "musrenbang/:id": forum, "musrenbang/hadir/:attendee": attendee.id!.uuidString,
                "musrenbang/usulan/:usulan": agendaItem.id!.uuidString, "musrenbang/lampiran/:file": forumFile.id!.uuidString,
                "proyek/:id": project.id!.uuidString, "api/v1/proyek/:id": project.id!.uuidString,
                "proyek/kabar/:kecamatan": "32.14.01", "dasbor/unduh/:name": "opd",
                "informasi/:id": article.id!.uuidString, "dokumen/:id": document.id!.uuidString,
                "kamus-usulan/:id": kamus.id!.uuidString,
            ]
            // the proposer's own usulan that may still be edited
            fixture.values["usulan/:id/ubah :id"] = draft.id!.uuidString
            return fixture
        }
    }
}
