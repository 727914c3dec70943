import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

@Suite struct CommentTests {
    /// A public usulan of the demo year (the demo citizen proposed them all).
    func publicUsulan(_ app: Application) async throws -> Usulan {
        try #require(try await Usulan.query(on: app.db).filter(\.$status == UsulanStatus.diajukan.rawValue).sort(\.$title).first())
    }

    func commentOn(_ usulan: Usulan, _ browser: inout TestBrowser, _ body: String, parent: UUID? = nil) async throws -> TestingHTTPResponse {
        var fields = ["body": body]
        if let parent { fields["parent"] = parent.uuidString }
        return try await browser.post(SiteRoute.usulanComment(usulan.id!.uuidString).path, fields)
    }

    @Test func commentsAndRepliesFormOneLevelThreadsAndTellTheProposer() async throws {
        try await withRembuk { app in
            // given
            let usulan = try await publicUsulan(app)
            var citizen = TestBrowser(app)
            try await citizen.signIn("mitra@rembuk.test")
            var partner = TestBrowser(app)
            try await partner.signIn("opd@rembuk.test")
            let inboxBefore = try await InboxItem.query(on: app.db).filter(\.$account.$id == usulan.proposerID).count()
            // when: a comment, a reply, and a reply to the reply
            let first = try await commentOn(usulan, &citizen, "Setuju, jalan ini <script>alert(1)</script> rusak parah sejak 2023.")
            let top = try #require(try await Comment.query(on: app.db).filter(\.$subjectType == "usulan").first())
            _ = try await commentOn(usulan, &partner, "Kami bisa bantu material.", parent: top.id)
            let reply = try #require(try await Comment.query(on: app.db).filter(\.$parentID == top.id).first())
            _ = try await commentOn(usulan, &citizen, "Terima kasih!", parent: reply.id)
            // then
            #expect(first.status == .seeOther)
            #expect(first.location?.hasSuffix("#komentar-\(top.id!.uuidString)") == true)
            #expect(try await Comment.query(on: app.db).filter(\.$parentID == top.id).count() == 2)
            let mitra = try #require(try await Account.query(on: app.db).filter(\.$email == "mitra@rembuk.test").first())
            #expect(top.authorName == PublicName.short(mitra.name))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action ~~ ["comment.posted", "comment.replied"]).filter(\.$summary == "komentar pada \(usulan.number)").count() == 3)
            #expect(try await InboxItem.query(on: app.db).filter(\.$account.$id == usulan.proposerID).count() == inboxBefore + 3)
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.usulan(usulan.id!.uuidString).path)
            #expect(page.text.contains("Komentar (3)"))
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.text.contains("<script>alert(1)"))
            #expect(page.text.contains("Masuk untuk berkomentar"))
        }
    }

    @Test func anEmptyOrOverlongCommentIsExplainedAndKept() async throws {
        try await withRembuk { app in
            // given
            let usulan = try await publicUsulan(app)
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            // when
            let empty = try await commentOn(usulan, &citizen, "   ")
            let long = try await commentOn(usulan, &citizen, String(repeating: "panjang ", count: 300))
            // then
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.text.contains("Tulis komentar Anda."))
            #expect(long.status == .unprocessableEntity)
            #expect(long.text.contains("Komentar paling panjang 2.000 huruf"))
            #expect(long.text.contains("panjang panjang panjang"))
            #expect(try await Comment.query(on: app.db).filter(\.$subjectType == "usulan").count() == 0)
        }
    }

    @Test func aCitizenReportsOnceAndTheModeratorHidesWithAPublicReason() async throws {
        try await withRembuk { app in
            // given: a comment with someone's phone number in it
            let usulan = try await publicUsulan(app)
            var author = TestBrowser(app)
            try await author.signIn("opd@rembuk.test")
            _ = try await commentOn(usulan, &author, "Hubungi Pak RT di 0812 3456 7890 saja.")
            let comment = try #require(try await Comment.query(on: app.db).filter(\.$subjectType == "usulan").first())
            var citizen = TestBrowser(app)
            try await citizen.signIn("mitra@rembuk.test")
            let reportPath = SiteRoute.report("comment", comment.id!.uuidString).path
            // when: reported twice by the same person, once without a reason
            let noReason = try await citizen.post(reportPath, ["reason": "", "note": ""])
            let first = try await citizen.post(reportPath, ["reason": "data_pribadi", "note": "Ada nomor HP orang lain"])
            let second = try await citizen.post(reportPath, ["reason": "spam", "note": ""])
            // then
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.text.contains("Pilih alasan laporan."))
            #expect(first.text.contains("laporan Anda kami terima"))
            #expect(second.text.contains("Anda sudah melaporkan ini"))
            #expect(try await AbuseReport.query(on: app.db).count() == 1)

            // when: the moderator looks at the queue and hides the comment
            var moderator = TestBrowser(app)
            try await moderator.signIn("moderator@rembuk.test")
            let queue = try await moderator.get(SiteRoute.moderationQueue.path)
            #expect(queue.text.contains("Memuat data pribadi orang lain (1)"))
            #expect(queue.text.contains("Ada nomor HP orang lain"))
            let hidePath = SiteRoute.moderationHide("comment", comment.id!.uuidString).path
            let tooShort = try await moderator.post(hidePath, ["reason": "HP"])
            let hidden = try await moderator.post(hidePath, ["reason": "Memuat nomor HP warga lain."])
            // then
            #expect(tooShort.status == .unprocessableEntity)
            #expect(hidden.status == .seeOther)
            let stored = try #require(try await Comment.find(comment.id, on: app.db))
            #expect(stored.isHidden && stored.hiddenReason == "Memuat nomor HP warga lain.")
            #expect(try await AbuseReport.query(on: app.db).filter(\.$resolvedAt == nil).count() == 0)
            let audit = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "comment.hidden").first())
            #expect(audit.reason == "Memuat nomor HP warga lain.")
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.usulan(usulan.id!.uuidString).path)
            #expect(page.text.contains("Komentar ini disembunyikan moderator. Alasan: Memuat nomor HP warga lain."))
            #expect(!page.text.contains("0812 3456 7890"))
            let emptyQueue = try await moderator.get(SiteRoute.moderationQueue.path)
            #expect(emptyQueue.text.contains("Tidak ada laporan yang menunggu."))
        }
    }

    @Test(arguments: ["warga@rembuk.test", "operator.desa@rembuk.test", "opd@rembuk.test", "mitra@rembuk.test", "operator.kecamatan@rembuk.test"])
    func onlyModeratorsAndBappedaHideOrSeeTheQueue(account: String) async throws {
        try await withRembuk { app in
            // given
            let usulan = try await publicUsulan(app)
            var someone = TestBrowser(app)
            try await someone.signIn(account)
            let before = try await auditCount(app)
            // when
            let hide = try await someone.post(SiteRoute.moderationHide("usulan", usulan.id!.uuidString).path, ["reason": "Alasan yang cukup panjang."])
            let dismiss = try await someone.post(SiteRoute.moderationDismiss("usulan", usulan.id!.uuidString).path, [:])
            let queue = try await someone.get(SiteRoute.moderationQueue.path)
            // then
            #expect(hide.status == .forbidden)
            #expect(dismiss.status == .forbidden)
            #expect(queue.status == .forbidden)
            #expect(try await Usulan.find(usulan.id, on: app.db)?.isHidden == false)
            #expect(try await auditCount(app) == before)
        }
    }

    @Test func aHiddenUsulanLeavesTheListShowsItsReasonAndCanBeRestored() async throws {
        try await withRembuk { app in
            // given
            let usulan = try await publicUsulan(app)
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            // when
            let hidden = try await admin.post(SiteRoute.moderationHide("usulan", usulan.id!.uuidString).path,
                                              ["reason": "Usulan berisi iklan toko bangunan."])
            // then
            #expect(hidden.status == .seeOther)
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.usulan(usulan.id!.uuidString).path)
            #expect(page.text.contains("Usulan ini disembunyikan moderator. Alasan: Usulan berisi iklan toko bangunan."))
            #expect(!page.text.contains(usulan.problem))
            let list = try await visitor.get(SiteRoute.usulanIndex.path + "?q=" + usulan.title.urlQueryEscaped)
            #expect(!list.text.contains(usulan.number))
            let comment = try await admin.post(SiteRoute.usulanComment(usulan.id!.uuidString).path, ["body": "Masih bisa?"])
            #expect(comment.status == .conflict)
            // when: restored
            let restored = try await admin.post(SiteRoute.moderationRestore("usulan", usulan.id!.uuidString).path,
                                                ["reason": "Sudah diperbaiki pengusulnya."])
            #expect(restored.status == .seeOther)
            let again = try await visitor.get(SiteRoute.usulan(usulan.id!.uuidString).path)
            #expect(again.text.contains(usulan.title))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action ~~ ["usulan.hidden", "usulan.restored"]).count() == 2)
        }
    }

    @Test func dismissingClosesTheReportsWithoutHiding() async throws {
        try await withRembuk { app in
            // given
            let usulan = try await publicUsulan(app)
            var citizen = TestBrowser(app)
            try await citizen.signIn("mitra@rembuk.test")
            _ = try await citizen.post(SiteRoute.report("usulan", usulan.id!.uuidString).path, ["reason": "menyesatkan", "note": ""])
            var moderator = TestBrowser(app)
            try await moderator.signIn("moderator@rembuk.test")
            // when
            let response = try await moderator.post(SiteRoute.moderationDismiss("usulan", usulan.id!.uuidString).path, [:])
            // then
            #expect(response.status == .seeOther)
            #expect(try await AbuseReport.query(on: app.db).first()?.resolution == "ditolak")
            #expect(try await Usulan.find(usulan.id, on: app.db)?.isHidden == false)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "abuse.dismissed").count() == 1)
        }
    }
}
