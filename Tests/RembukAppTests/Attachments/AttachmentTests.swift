import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

@Suite struct AttachmentTests {
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + Array(repeating: 0x42, count: 2_000)
    static let pdf: [UInt8] = Array("%PDF-1.4\n% Rencana anggaran biaya\n".utf8)

    func usulanID(_ response: TestingHTTPResponse) -> UUID? {
        response.location.flatMap { UUID(uuidString: String($0.split(separator: "/").last ?? "")) }
    }

    @Test func aPhotoAndADocumentAreKeptAndServedWithTypeAndCaching() async throws {
        try await withRembuk { app in
            // given
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            // when
            let response = try await citizen.postMultipart(SiteRoute.usulanNew.path, UsulanTests.form,
                                                           files: [("berkas", "jalan rusak.jpg", Self.jpeg), ("berkas", "RAB.pdf", Self.pdf)])
            // then
            #expect(response.status == .seeOther)
            let id = try #require(usulanID(response))
            let attachments = try await Attachment.query(on: app.db).filter(\.$subjectID == id.uuidString).sort(\.$filename).all()
            #expect(attachments.map(\.filename) == ["RAB.pdf", "jalan rusak.jpg"])
            #expect(attachments.map(\.mediaType) == ["application/pdf", "image/jpeg"])
            #expect(try await Blob.find(ContentAddress.sha256(Self.jpeg), on: app.db)?.byteCount == Self.jpeg.count)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "usulan.attachments_changed").filter(\.$subjectID == id.uuidString).count() == 1)

            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.usulan(id.uuidString).path)
            let photo = try #require(attachments.first { $0.filename == "jalan rusak.jpg" })
            #expect(page.text.contains(SiteRoute.attachment(photo.id!.uuidString).path))
            let file = try await visitor.get(SiteRoute.attachment(photo.id!.uuidString).path)
            #expect(file.status == .ok)
            #expect(file.headers.contentType == .jpeg)
            #expect(Array(file.body.readableBytesView) == Self.jpeg)
            #expect(file.headers.first(name: .cacheControl) == "public, max-age=86400")
            let etag = try #require(file.headers.first(name: .eTag))
            #expect(etag == "\"\(ContentAddress.sha256(Self.jpeg))\"")
            #expect(file.headers.first(name: "Content-Security-Policy")?.hasPrefix("sandbox") == true)
            let again = try await visitor.get(SiteRoute.attachment(photo.id!.uuidString).path, headers: ["If-None-Match": etag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
        }
    }

    @Test func aFakeImageIsRefusedBesideTheFieldAndNothingIsStored() async throws {
        try await withRembuk { app in
            // given: a text file renamed to look like a photo
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let before = try await Usulan.query(on: app.db).count()
            let blobs = try await Blob.query(on: app.db).count()
            // when
            let response = try await citizen.postMultipart(SiteRoute.usulanNew.path, UsulanTests.form,
                                                           files: [("berkas", "foto.jpg", Array("<script>alert(1)</script>".utf8))])
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("foto.jpg bukan foto (JPG, PNG, WebP, GIF) atau PDF."))
            #expect(response.text.contains("id=\"f-berkas-error\""))
            #expect(response.text.contains("Perbaikan jalan desa rusak di RT 03"))
            #expect(try await Usulan.query(on: app.db).count() == before)
            #expect(try await Attachment.query(on: app.db).filter(\.$subjectType == "usulan").count() == 0)
            #expect(try await Blob.query(on: app.db).count() == blobs)
        }
    }

    @Test func aFiftyMegabytePhotoIsMeasuredDroppedAndExplained() async throws {
        try await withRembuk { app in
            // given
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let huge = [UInt8](repeating: 0xFF, count: 50 * 1024 * 1024)
            let blobs = try await Blob.query(on: app.db).count()
            // when
            let response = try await citizen.postMultipart(SiteRoute.usulanNew.path, UsulanTests.form,
                                                           files: [("berkas", "kamera-hp.jpg", huge)])
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("kamera-hp.jpg terlalu besar (50,0 MB; paling besar 5,0 MB)."))
            #expect(response.text.contains("value=\"Dusun Krajan, Jalan Citalang\""))
            #expect(try await Blob.query(on: app.db).count() == blobs)
            #expect(try await Usulan.query(on: app.db).filter(\.$title == UsulanTests.form["title"]!).count() == 0)
        }
    }

    @Test func aPhotoSentWithAMistakeIsKeptForTheNextTry() async throws {
        try await withRembuk { app in
            // given: the photo arrives with a form whose title is missing
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let first = try await citizen.postMultipart(SiteRoute.usulanNew.path, UsulanTests.form.merging(["title": ""]) { $1 },
                                                        files: [("berkas", "jalan.jpg", Self.jpeg)])
            #expect(first.status == .unprocessableEntity)
            let pending = try #require(try await Attachment.query(on: app.db).filter(\.$subjectType == "usulan").first())
            #expect(pending.isPending)
            #expect(first.text.contains("name=\"lampiran\" value=\"\(pending.id!.uuidString)\" checked"))
            // when: the corrected form is sent with the ticked box and no new file
            let second = try await citizen.postMultipart(SiteRoute.usulanNew.path, UsulanTests.form,
                                                         repeated: [("lampiran", pending.id!.uuidString)], files: [])
            // then
            let id = try #require(usulanID(second))
            let attached = try #require(try await Attachment.find(pending.id, on: app.db))
            #expect(attached.subjectID == id.uuidString)
        }
    }

    @Test func pendingUploadsBelongToTheirUploaderOnly() async throws {
        try await withRembuk { app in
            // given: the citizen's upload waits on a form with a mistake
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            _ = try await citizen.postMultipart(SiteRoute.usulanNew.path, UsulanTests.form.merging(["title": ""]) { $1 },
                                                files: [("berkas", "jalan.jpg", Self.jpeg)])
            let pending = try #require(try await Attachment.query(on: app.db).filter(\.$subjectType == "usulan").first())
            var other = TestBrowser(app)
            try await other.signIn("mitra@rembuk.test")
            // when: someone else tries to see it, and to attach it to their own usulan
            let seen = try await other.get(SiteRoute.attachment(pending.id!.uuidString).path)
            let saved = try await other.postMultipart(SiteRoute.usulanNew.path, UsulanTests.form,
                                                      repeated: [("lampiran", pending.id!.uuidString)], files: [])
            // then
            #expect(seen.status == .notFound)
            #expect(saved.status == .seeOther)
            #expect(try #require(try await Attachment.find(pending.id, on: app.db)).isPending)
            let own = try await citizen.get(SiteRoute.attachment(pending.id!.uuidString).path)
            #expect(own.status == .ok)
            #expect(own.headers.first(name: .cacheControl) == "private, no-cache")
        }
    }

    @Test func filesOfAHiddenUsulanAreNoLongerPublic() async throws {
        try await withRembuk { app in
            // given: an usulan with a photo, hidden by a moderator
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let response = try await citizen.postMultipart(SiteRoute.usulanNew.path, UsulanTests.form, files: [("berkas", "jalan.jpg", Self.jpeg)])
            let id = try #require(usulanID(response))
            let photo = try #require(try await Attachment.query(on: app.db).filter(\.$subjectID == id.uuidString).first())
            var moderator = TestBrowser(app)
            try await moderator.signIn("moderator@rembuk.test")
            _ = try await moderator.post(SiteRoute.moderationHide("usulan", id.uuidString).path, ["reason": "Foto memuat wajah anak-anak."])
            // when
            var visitor = TestBrowser(app)
            let seen = try await visitor.get(SiteRoute.attachment(photo.id!.uuidString).path)
            let own = try await citizen.get(SiteRoute.attachment(photo.id!.uuidString).path)
            // then
            #expect(seen.status == .notFound)
            #expect(own.status == .ok && own.headers.first(name: .cacheControl) == "private, no-cache")
        }
    }

    @Test func aFormWithFilesNeedsItsCSRFToken() async throws {
        try await withRembuk { app in
            // given
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            // when
            let response = try await citizen.postMultipart(SiteRoute.usulanNew.path, UsulanTests.form,
                                                           files: [("berkas", "jalan.jpg", Self.jpeg)], csrf: false)
            // then
            #expect(response.status == .forbidden)
            #expect(try await Attachment.query(on: app.db).filter(\.$subjectType == "usulan").count() == 0)
        }
    }

    @Test func unsavedUploadsArePrunedAfterSixHours() async throws {
        try await withRembuk { app in
            // given
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            _ = try await citizen.postMultipart(SiteRoute.usulanNew.path, UsulanTests.form.merging(["title": ""]) { $1 },
                                                files: [("berkas", "jalan.jpg", Self.jpeg)])
            let saved = try await citizen.postMultipart(SiteRoute.usulanNew.path, UsulanTests.form, files: [("berkas", "RAB.pdf", Self.pdf)])
            #expect(saved.status == .seeOther)
            // when
            let soon = try await PruneUploads().run(in: .system(app, now: Date().addingTimeInterval(3600)))
            let later = try await PruneUploads().run(in: .system(app, now: Date().addingTimeInterval(7 * 3600)))
            // then
            #expect(soon.uploads == 0 && soon.blobs == 0)
            #expect(later.uploads == 1 && later.blobs == 1)
            #expect(try await Attachment.query(on: app.db).filter(\.$subjectType == "usulan").count() == 1)
            #expect(try await Blob.find(ContentAddress.sha256(Self.pdf), on: app.db) != nil)
        }
    }
}
