import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

@Suite struct PublicPageCacheTests {
    static func cached(_ response: TestingHTTPResponse) -> Bool { response.headers.first(name: "X-Rembuk-Cache") == "hit" }

    @Test func visitorsGetTheStoredPageUntilAnythingChangesOnAnyInstance() async throws {
        try await withRembuk(settings: { $0.pageCacheSeconds = 30 }) { app in
            // given
            let usulan = try #require(try await Usulan.publicQuery(on: app.db).filter(\.$status == UsulanStatus.diajukan.rawValue).first())
            let path = SiteRoute.usulan(usulan.id!.uuidString).path
            var visitor = TestBrowser(app)
            var citizen = TestBrowser(app)
            try await citizen.signIn("moderator@rembuk.test")
            // when
            let first = try await visitor.get(path)
            let second = try await visitor.get(path)
            let supported = try await citizen.post(SiteRoute.usulanSupport(usulan.id!.uuidString).path, [:])
            let afterWrite = try await visitor.get(path)
            // then
            #expect(!Self.cached(first) && Self.cached(second))
            #expect(second.text == first.text)
            #expect(first.text.contains("/audit?jenis=usulan&amp;id=\(usulan.id!.uuidString)"))
            #expect(supported.status == .seeOther)
            #expect(!Self.cached(afterWrite))
            #expect(afterWrite.text.contains("<dt>Dukungan</dt><dd>\(usulan.supportCount + 1)</dd>"))
        }
    }

    @Test func signedInPeopleNeitherFillNorReadTheCache() async throws {
        try await withRembuk(settings: { $0.pageCacheSeconds = 30 }) { app in
            // given: a visitor has filled the cache with the project list
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            var visitor = TestBrowser(app)
            _ = try await visitor.get(SiteRoute.projects.path)
            let filled = app.publicPageCache?.count ?? 0
            // when
            let signedIn = [try await citizen.get(SiteRoute.projects.path), try await citizen.get(SiteRoute.dashboard.path),
                            try await citizen.get(SiteRoute.dashboard.path)]
            let visitorAgain = try await visitor.get(SiteRoute.projects.path)
            // then
            #expect(!signedIn.contains(where: Self.cached))
            #expect(signedIn.allSatisfy { $0.text.contains("Siti Aminah") })
            #expect(app.publicPageCache?.count == filled)
            #expect(Self.cached(visitorAgain) && !visitorAgain.text.contains("Siti Aminah"))
        }
    }

    @Test func entriesExpireAreDroppedOnAnyChangeAndStayWithinCapacity() async throws {
        // given
        let cache = PublicPageCache(capacity: 4, lifetime: 30)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        func entry(_ text: String, at time: Date = now) -> PublicPageCache.Entry {
            .init(generation: 7, stored: time, status: .ok, headers: [:], body: ByteBuffer(string: text))
        }
        // when
        cache.store("id /", entry("beranda"))
        cache.store("en /", entry("home"))
        // then
        #expect(cache.entry("id /", generation: 7, now: now.addingTimeInterval(29))?.body == ByteBuffer(string: "beranda"))
        #expect(cache.entry("en /", generation: 7, now: now)?.body == ByteBuffer(string: "home"))
        #expect(cache.entry("id /", generation: 7, now: now.addingTimeInterval(31)) == nil)
        #expect(cache.entry("en /", generation: 8, now: now) == nil)
        for n in 0..<9 { cache.store("id /usulan?halaman=\(n)", entry("halaman \(n)", at: now.addingTimeInterval(Double(n)))) }
        #expect(cache.count <= 4)
        #expect(cache.entry("id /usulan?halaman=8", generation: 7, now: now.addingTimeInterval(9)) != nil)
    }
}
