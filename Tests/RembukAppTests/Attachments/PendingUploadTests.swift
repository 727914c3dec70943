import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// Finding 6 of the security probe: every file of a refused form was kept as a pending upload, without bound.
@Suite struct PendingUploadTests {
    /// A photo whose bytes differ from every other one made here (each is its own blob).
    static func photo(_ n: Int, size: Int = 2_000) -> (field: String, filename: String, bytes: [UInt8]) {
        ("berkas", "foto-\(n).jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + Array("\(n)-".utf8) + Array(repeating: 0x42, count: size))
    }

    /// The usulan form without a title: refused, and its files kept as pending uploads to be offered again.
    static let refusedForm = UsulanTests.form.merging(["title": ""]) { $1 }

    static func pending(_ app: Application, _ email: String) async throws -> [RembukApp.Attachment] {
        let owner = try #require(try await Account.query(on: app.db).filter(\.$email == email).first()).id!
        return try await Attachment.query(on: app.db).filter(\.$ownerID == owner).filter(\.$subjectID == nil).all()
    }

    @Test func oneFormKeepsAtMostFiveFilesAndAnAccountAtMostFifteenWaiting() async throws {
        try await withRembuk { app in
            // given a citizen who sends a refused form with seven photos, then three more refused forms with five each
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let first = try await citizen.postMultipart(SiteRoute.usulanNew.path, Self.refusedForm, files: (1...7).map { Self.photo($0) })
            let afterFirst = try await Self.pending(app, "warga@rembuk.test").count
            for form in 1...3 {
                _ = try await citizen.postMultipart(SiteRoute.usulanNew.path, Self.refusedForm, files: (1...5).map { Self.photo(form * 10 + $0) })
            }
            // then the first kept five and said so; the account never holds more than fifteen, the newest kept
            #expect(first.status == .unprocessableEntity && first.text.contains("Paling banyak 5 berkas sekali kirim"))
            #expect(afterFirst == 5)
            let waiting = try await Self.pending(app, "warga@rembuk.test")
            #expect(waiting.count == AbuseLimits.pendingUploads)
            #expect(Set(waiting.map(\.filename)) == Set((1...3).flatMap { form in (1...5).map { "foto-\(form * 10 + $0).jpg" } }))
            // and the bytes of the uploads that made room are gone too
            #expect(try await Blob.query(on: app.db).filter(\.$id == ContentAddress.sha256(Self.photo(1).bytes)).count() == 0)
        }
    }

    @Test func waitingUploadsStayWithinFortyMegabytesPerAccount() async throws {
        try await withRembuk { app in
            // given a citizen who sends two refused forms of five photos of 4.5 MB each
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            for form in 0...1 {
                let response = try await citizen.postMultipart(SiteRoute.usulanNew.path, Self.refusedForm,
                                                               files: (1...5).map { Self.photo(form * 10 + $0, size: 4_500_000) })
                #expect(response.status == .unprocessableEntity)
            }
            // then what waits stays within the limit, and the second form's five are all there
            let waiting = try await Self.pending(app, "warga@rembuk.test")
            #expect(waiting.map(\.byteCount).reduce(0, +) <= AbuseLimits.pendingUploadBytes)
            #expect(Set((11...15).map { "foto-\($0).jpg" }).isSubset(of: Set(waiting.map(\.filename))))
        }
    }

    @Test func refusedFilesCountTowardTheHourlyUploadLimit() async throws {
        try await withRembuk { app in
            // given a citizen who has sent forty files that are not photos, all refused
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let fake = (field: "berkas", filename: "bukan-foto.jpg", bytes: Array("bukan foto".utf8))
            for _ in 1...8 {
                #expect(try await citizen.postMultipart(SiteRoute.usulanNew.path, UsulanTests.form, files: Array(repeating: fake, count: 5)).status
                        == .unprocessableEntity)
            }
            let usulan = try await Usulan.query(on: app.db).count()
            // when they send a good form with a real photo
            let limited = try await citizen.postMultipart(SiteRoute.usulanNew.path, UsulanTests.form, files: [Self.photo(99)])
            // then it is refused with the wait, nothing stored; a village operator is not limited this way
            #expect(limited.status == .tooManyRequests && limited.text.contains("banyak berkas"))
            #expect(limited.headers.first(name: .retryAfter) != nil)
            #expect(try await Usulan.query(on: app.db).count() == usulan)
            #expect(try await Self.pending(app, "warga@rembuk.test").isEmpty)
        }
    }
}
