import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// News, announcements, agenda and the document library.
@Suite struct InformationTests {
    @Test func bappedaPublishesNewsThatIsCountedSharedAndInTheFeed() async throws {
        try await withRembuk { app in
            // given
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            // when
            let published = try await admin.postMultipart(SiteRoute.informationNew.path,
                ["kind": "berita", "title": "Jembatan gantung Cilalawi dibuka untuk warga", "summary": "Jembatan baru menghubungkan dua dusun.",
                 "body": "Jembatan gantung sepanjang 40 meter dibuka hari ini.\n\nWarga dusun Krajan kini tidak perlu memutar 5 km.",
                 "event_on": "", "event_place": ""], files: [("berkas", "jembatan.jpg", AttachmentTests.jpeg)])
            // then
            #expect(published.status == .seeOther)
            let path = try #require(published.location)
            var visitor = TestBrowser(app)
            let first = try await visitor.get(path)
            let second = try await visitor.get(path)
            #expect(first.text.contains("dibaca 1 kali") && second.text.contains("dibaca 2 kali"))
            #expect(second.text.contains("https://wa.me/?text=") && second.text.contains(" readonly"))
            #expect(second.text.contains("Foto: jembatan.jpg"))
            #expect(try await visitor.get(SiteRoute.information.path).text.contains("Jembatan gantung Cilalawi dibuka untuk warga"))
            let feed = try await visitor.get(SiteRoute.informationFeed.path)
            #expect(feed.headers.first(name: .contentType)?.hasPrefix("application/atom+xml") == true && feed.text.contains("Berita: Jembatan gantung Cilalawi"))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "article.published").count() >= 1)
        }
    }

    @Test func onlyPublishersPublishAndBadInputStoresNothing() async throws {
        try await withRembuk { app in
            // given
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let before = (try await Article.query(on: app.db).count(), try await LibraryDocument.query(on: app.db).count(), try await auditCount(app))
            // when
            let forbidden = try await citizen.postMultipart(SiteRoute.informationNew.path, ["kind": "berita", "title": "Berita dari warga biasa saja",
                                                                                            "body": "Isi berita yang cukup panjang untuk diterbitkan."], files: [])
            let agenda = try await admin.postMultipart(SiteRoute.informationNew.path, ["kind": "agenda", "title": "Pendek", "body": "Terlalu singkat"], files: [])
            let notPDF = try await admin.postMultipart(SiteRoute.documentNew.path, ["title": "RKPD 2027", "category": "rkpd", "year": "2027"],
                                                       files: [("berkas", "rkpd.pdf", AttachmentTests.jpeg)])
            // then
            #expect(forbidden.status == .forbidden)
            #expect(agenda.status == .unprocessableEntity && agenda.text.contains("Judul 10–150 huruf") && agenda.text.contains("Isi tanggal kegiatan"))
            #expect(notPDF.status == .unprocessableEntity && notPDF.text.contains("tepat satu berkas PDF"))
            #expect((try await Article.query(on: app.db).count(), try await LibraryDocument.query(on: app.db).count(), try await auditCount(app)) == before)
        }
    }

    @Test func documentsAreFilteredAndTheirDownloadsCounted() async throws {
        try await withRembuk { app in
            // given
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            let added = try await opd.postMultipart(SiteRoute.documentNew.path, ["title": "Laporan pemeliharaan jalan 2026", "category": "laporan", "year": "2026"],
                                                    files: [("berkas", "laporan.pdf", DemoInformation.pdf("Laporan pemeliharaan jalan"))])
            #expect(added.status == .seeOther)
            let document = try #require(try await LibraryDocument.query(on: app.db).filter(\.$title == "Laporan pemeliharaan jalan 2026").first())
            #expect(document.agency == "dinas-pupr")
            var visitor = TestBrowser(app)
            // when
            let download = try await visitor.get(SiteRoute.documentDownload(document.id!.uuidString).path)
            _ = try await visitor.get(SiteRoute.documentDownload(document.id!.uuidString).path)
            // then
            #expect(download.status == .seeOther && download.location == SiteRoute.attachment(document.attachmentID.uuidString).path)
            #expect(try await visitor.get(SiteRoute.attachment(document.attachmentID.uuidString).path).status == .ok)
            #expect(try await LibraryDocument.find(document.id, on: app.db)?.downloadCount == 2)
            let reports = try await visitor.get(SiteRoute.documents.path + "?kategori=laporan&tahun=2026")
            #expect(reports.text.contains("Laporan pemeliharaan jalan 2026") && !reports.text.contains("Peraturan Bupati"))
        }
    }
}
