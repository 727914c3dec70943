import Fluent
import Testing
import Vapor
@testable import RembukApp

@Suite struct RegionsTests {
    @Test func importingAnotherKabupatenTwiceCreatesNothingTwice() async throws {
        try await withRembuk { app in
            // given
            let ctx = Invocation.system(app)
            // when
            let first = try await ImportRegions().run(kabupaten: "71.72", in: ctx)
            let audited = try await auditCount(app)
            let second = try await ImportRegions().run(kabupaten: "71.72", in: ctx)
            // then
            #expect(first.name == "Kota Bitung")
            #expect(first.created == first.kecamatan + first.desa + 2)   // and the kota and its province
            #expect(second.created == 0 && second.updated == 0)
            #expect(try await auditCount(app) == audited)   // nothing changed, nothing recorded
            #expect(try await Region.query(on: app.db).filter(\.$id =~ "71.72.").count() == first.kecamatan + first.desa)
        }
    }

    @Test func unknownOrMalformedCodesAreExplained() async throws {
        try await withRembuk { app in
            await #expect(throws: UserFacingError.self) { try await ImportRegions().run(kabupaten: "99.99", in: .system(app)) }
            await #expect(throws: UserFacingError.self) { try await ImportRegions().run(kabupaten: "32.14.01", in: .system(app)) }
        }
    }

    @Test func pagesListKecamatanAndDesa() async throws {
        try await withRembuk { app in
            var browser = TestBrowser(app)
            let kabupaten = try await browser.get(SiteRoute.region("32.14").path)
            let kecamatan = try await browser.get(SiteRoute.region("32.14.01").path)
            let malformed = try await browser.get(SiteRoute.region("32-14").path)
            #expect(kabupaten.text.contains("Kecamatan (17)"))
            #expect(kecamatan.text.contains("Citalang"))
            #expect(kecamatan.text.contains("Desa dan kelurahan (10)"))
            #expect(malformed.status == .badRequest)
            #expect(malformed.text.contains("bukan kode wilayah"))
            let api = try await browser.get(SiteRoute.apiRegion("32.14").path)
            #expect(api.text.contains("\"penduduk\""))
            #expect(api.text.contains("Kabupaten Purwakarta"))
        }
    }
}
