import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// `/admin/identitas`: the government's name, contacts, logo and document numbers, on a kota set up from nothing.
@Suite struct IdentityTests {
    static let form = [
        "government": "Pemerintah Kota Bitung", "address": "Jl. Sam Ratulangi No. 1, Bitung", "phone": "(0438) 21234",
        "email": "bappeda@bitungkota.go.id", "website": "https://bitungkota.go.id",
        "minutes_pattern": "050/{nomor}/BA-MUSRENBANG/{wilayah}/{tahun}", "certificate_pattern": "{nomor}/SERT/{opd}/{bulan}/{tahun}",
    ]

    /// A PNG header of a 64 × 64 picture: what the logo check reads.
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        + [0, 0, 0, 64, 0, 0, 0, 64, 8, 6, 0, 0, 0] + Array(repeating: 0, count: 64)

    func signedInAdmin(_ app: Application) async throws -> TestBrowser {
        var admin = TestBrowser(app)
        try await admin.signIn(TestInstallation.bitungAdmin.email, TestInstallation.bitungAdmin.password)
        return admin
    }

    @Test func bappedaWritesTheLetterheadAndEveryPageCarriesTheName() async throws {
        try await withRembuk(.bitung) { app in
            // given
            var admin = try await signedInAdmin(app)
            let blank = try await admin.get(SiteRoute.adminIdentity.path)
            #expect(blank.status == .ok && blank.text.contains("value=\"Pemerintah Kota Bitung\""))   // the region's name to start from
            let before = try await auditCount(app)
            // when
            let saved = try await admin.post(SiteRoute.adminIdentity.path, Self.form.merging(["government": "Pemerintah  Kota Bitung "]) { $1 })
            // then
            #expect(saved.status == .seeOther)
            let page = try await admin.get(saved.location ?? "")
            #expect(page.text.contains("Identitas tersimpan.") && page.text.contains("PEMERINTAH KOTA BITUNG"))
            #expect(page.text.contains("Jl. Sam Ratulangi No. 1, Bitung · Telp. (0438) 21234 · bappeda@bitungkota.go.id · https://bitungkota.go.id/"))
            #expect(page.text.contains("050/007/BA-MUSRENBANG/CITALANG/2027"))
            var visitor = TestBrowser(app)
            #expect(try await visitor.get(SiteRoute.home.path).text.contains("Pemerintah Kota Bitung: perencanaan pembangunan bersama warga."))
            let record = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "installation.identity").first())
            #expect(record.summary.contains("alamat: Jl. Sam Ratulangi No. 1, Bitung") && !record.summary.contains("nama pemerintah"))
            #expect(try await auditCount(app) == before + 1)
            // when: the same again changes nothing and records nothing
            _ = try await admin.post(SiteRoute.adminIdentity.path, Self.form)
            #expect(try await auditCount(app) == before + 1)
        }
    }

    @Test func wrongFieldsAreNamedAndNothingIsKept() async throws {
        try await withRembuk(.bitung) { app in
            // given
            var admin = try await signedInAdmin(app)
            let before = try await auditCount(app)
            // when
            let wrong = try await admin.post(SiteRoute.adminIdentity.path, Self.form.merging([
                "government": "", "phone": "kantor", "website": "javascript:alert(1)", "minutes_pattern": "050/BA/{tahun}",
                "certificate_pattern": "{nomor}/{desa}",
            ]) { $1 })
            // then
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("Tulis nama pemerintah daerah seperti di kop surat"))
            #expect(wrong.text.contains("Tulis nomor telepon kantor dengan angka"))
            #expect(wrong.text.contains("diawali https://"))
            #expect(wrong.text.contains("Pola harus memuat {nomor}"))
            #expect(wrong.text.contains("{desa} tidak dikenal"))
            #expect(wrong.text.contains("value=\"kantor\""))   // what was typed is shown again
            #expect(try await auditCount(app) == before)
            #expect(try await InstallationValue.find("address", on: app.db) == nil)
        }
    }

    @Test func aLogoIsCheckedServedForGoodAndTakenDown() async throws {
        try await withRembuk(.bitung) { app in
            // given
            var admin = try await signedInAdmin(app)
            let hostile = Array("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>".utf8)
            // when: a drawing with script, then a PNG
            let refused = try await admin.postMultipart(SiteRoute.adminLogo.path, [:], files: [(StoreUploads.field, "logo.svg", hostile)])
            let saved = try await admin.postMultipart(SiteRoute.adminLogo.path, [:], files: [(StoreUploads.field, "lambang.png", Self.png)])
            // then
            #expect(refused.status == .unprocessableEntity && refused.text.contains("SVG itu memuat “&lt;script”") || refused.text.contains("SVG itu memuat “<script”"))
            #expect(saved.status == .seeOther)
            let sha = ContentAddress.sha256(Self.png)
            var visitor = TestBrowser(app)
            let home = try await visitor.get(SiteRoute.home.path)
            #expect(home.text.contains("src=\"/logo/\(sha).png\""))
            let served = try await visitor.get(SiteRoute.logo("\(sha).png").path)
            #expect(served.status == .ok && Array(served.body.readableBytesView) == Self.png)
            #expect(served.headers.first(name: .cacheControl)?.contains("immutable") == true)
            #expect(served.headers.first(name: "Content-Security-Policy")?.contains("default-src 'none'") == true)
            #expect(try await visitor.get(SiteRoute.logo("\(sha).svg").path).status == .notFound)
            #expect(try await visitor.get(SiteRoute.logo(String(repeating: "0", count: 64) + ".png").path).status == .notFound)
            // the housekeeping that drops unreferenced files keeps the logo
            _ = try await PruneUploads().run(in: .system(app, now: Date().addingTimeInterval(7 * 3600)))
            #expect(try await Blob.find(sha, on: app.db) != nil)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "installation.logo").count() == 1)

            // when: taken down
            let removed = try await admin.post(SiteRoute.adminLogoRemove.path, [:])
            // then
            #expect(removed.status == .seeOther)
            #expect(try await visitor.get(SiteRoute.logo("\(sha).png").path).status == .notFound)
            #expect(try await Blob.find(sha, on: app.db) == nil)
            #expect(!(try await visitor.get(SiteRoute.home.path).text.contains("/logo/")))
            guard case .intact = try await AuditLog.verify(on: app.db) else { Issue.record("the trail does not verify"); return }
        }
    }

    @Test func onlyBappedaMayPutUpALogo() async throws {
        try await withRembuk { app in
            // given: every other role of the demo
            for email in ["warga@rembuk.test", "operator.desa@rembuk.test", "opd@rembuk.test", "moderator@rembuk.test"] {
                var browser = TestBrowser(app)
                try await browser.signIn(email)
                // when
                let response = try await browser.postMultipart(SiteRoute.adminLogo.path, [:], files: [(StoreUploads.field, "logo.png", Self.png)])
                // then
                #expect(response.status == .forbidden, "\(email)")
            }
            var visitor = TestBrowser(app)
            _ = try await visitor.get(SiteRoute.login.path)
            #expect(try await visitor.postMultipart(SiteRoute.adminLogo.path, [:], files: [(StoreUploads.field, "logo.png", Self.png)]).status != .seeOther)
            #expect(try await InstallationValue.find("logo_sha256", on: app.db) == nil)
        }
    }

    @Test func certificatesAreNumberedFromThePattern() async throws {
        try await withRembuk(.bitung) { app in
            // given: Bappeda's certificate pattern, no certificate issued yet
            var admin = try await signedInAdmin(app)
            #expect(try await admin.post(SiteRoute.adminIdentity.path, Self.form.merging(["certificate_pattern": "800/{nomor}/{opd}/{tahun}"]) { $1 }).status == .seeOther)
            // when: two series draw numbers in one transaction each
            let ctx = Invocation.system(app)
            let first = try await ctx.writes.transaction { db in try await DocumentNumbering.certificate(
                agency: Agency(slug: "x", name: "Dinas Koperasi", shortName: "Diskop", kabupatenCode: "71.72"),
                identity: try await InstallationIdentity.load(ctx.settings, on: db), in: ctx, on: db) }
            let second = try await ctx.writes.transaction { db in try await DocumentNumbering.certificate(
                agency: nil, identity: try await InstallationIdentity.load(ctx.settings, on: db), in: ctx, on: db) }
            // then
            #expect(first == "800/001/DISKOP/\(ctx.today.year)" && second == "800/002//\(ctx.today.year)")
        }
    }
}
