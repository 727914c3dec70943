import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
@testable import RembukApp

@Suite struct DiscussionTests {
    static let form = ["title": "Sampah di bantaran Sungai Cilalawi", "topic": "lingkungan", "region": "32.14.01",
                       "body": "Setiap pagi sampah pasar menumpuk di bantaran sungai. Apakah bisa diusulkan TPS3R di kecamatan kita?"]

    static func open(_ browser: inout TestBrowser, _ fields: [String: String] = form) async throws -> String {
        let response = try await browser.post(SiteRoute.discussionNew.path, fields)
        #expect(response.status == .seeOther)
        return String(response.location?.split(separator: "/").last ?? "")
    }

    static func inbox(_ app: Application, _ email: String) async throws -> [InboxItem] {
        let account = try #require(try await Account.query(on: app.db).filter(\.$email == email).first())
        return try await InboxItem.query(on: app.db).filter(\.$account.$id == account.id!).all()
    }

    @Test func aCitizenOpensADiscussionOthersCommentAndReplyAndStaffSpeakInTheirRole() async throws {
        try await withRembuk { app in
            // given a citizen's discussion
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let lastRecord = try await AuditRecord.query(on: app.db).max(\.$id) ?? 0
            let id = try await Self.open(&citizen)
            // when the PUPR comments, and the citizen replies to it
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            let path = SiteRoute.discussionComment(id).path
            #expect(try await opd.post(path, ["body": "TPS3R bisa diusulkan lewat Musrenbang Desa; DLH menyiapkan lahannya."]).status == .seeOther)
            let comment = try #require(try await Comment.query(on: app.db).filter(\.$subjectType == "thread").filter(\.$subjectID == id).first())
            #expect(try await citizen.post(path, ["body": "Terima kasih, kami usulkan di Citalang.", "parent": comment.id!.uuidString]).status == .seeOther)
            // and the PUPR opens a discussion of its own
            let official = try await Self.open(&opd, ["title": "Rencana pelebaran Jalan Veteran tahun depan", "topic": "infrastruktur",
                                                      "region": "32.14", "body": "Kami ingin mendengar dampak pelebaran bagi pedagang dan pejalan kaki di sepanjang jalan."])
            // then the thread shows both, the opener and the one replied to were told, and the trail has each step
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.discussion(id).path)
            #expect(page.status == .ok && page.text.contains("Sampah di bantaran Sungai Cilalawi") && page.text.contains("Siti A."))
            #expect(page.text.contains("DLH menyiapkan lahannya") && page.text.contains("kami usulkan di Citalang") && page.text.contains("Komentar (2)"))
            #expect(try await Self.inbox(app, "warga@rembuk.test").contains { $0.titleID == "Komentar baru pada diskusi “Sampah di bantaran Sungai Cilalawi”" })
            #expect(try await Self.inbox(app, "opd@rembuk.test").contains { $0.bodyID.contains("kami usulkan di Citalang") })
            let actions = try await AuditRecord.query(on: app.db).filter(\.$id > lastRecord).all().map(\.action)
            #expect(actions.sorted() == ["comment.posted", "comment.replied", "discussion.opened", "discussion.opened"])
            let officialPage = try await visitor.get(SiteRoute.discussion(official).path)
            #expect(officialPage.text.contains("Resmi · Dinas Pekerjaan Umum") && officialPage.text.contains("Hendra Gunawan (Dinas Pekerjaan Umum"))
            let list = try await visitor.get(SiteRoute.discussions.path)
            #expect(list.text.contains("Siti A. · 2 komentar") && list.text.contains("Rencana pelebaran Jalan Veteran"))
            let filtered = try await visitor.get(SiteRoute.discussions.path + "?topik=infrastruktur")
            #expect(filtered.text.contains("Rencana pelebaran") && !filtered.text.contains("Sampah di bantaran"))
        }
    }

    @Test func badDiscussionsSayWhatIsWrongAndStoreNothing() async throws {
        try await withRembuk { app in
            // given
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let records = try await auditCount(app)
            let threads = try await DiscussionThread.query(on: app.db).count()
            var visitor = TestBrowser(app)
            // when
            let anonymous = try await visitor.post(SiteRoute.discussionNew.path, Self.form)
            var empty = Self.form
            empty["title"] = "  "
            empty["body"] = "pendek"
            let emptyResponse = try await citizen.post(SiteRoute.discussionNew.path, empty)
            var unknown = Self.form
            unknown["topic"] = "politik"
            unknown["region"] = "32.15.01"
            let unknownResponse = try await citizen.post(SiteRoute.discussionNew.path, unknown)
            // then
            #expect(anonymous.status == .unauthorized)
            #expect(emptyResponse.status == .unprocessableEntity && emptyResponse.text.contains("Judul 10–150 huruf (sekarang 0).")
                    && emptyResponse.text.contains("Tulis pokok bahasannya, 20–5.000 huruf (sekarang 6)."))
            #expect(unknownResponse.status == .unprocessableEntity && unknownResponse.text.contains("Pilih topik dari daftar.")
                    && unknownResponse.text.contains("Pilih kabupaten atau salah satu kecamatannya."))
            #expect(unknownResponse.text.contains("Sampah di bantaran Sungai Cilalawi"))   // what was typed comes back
            #expect(try await DiscussionThread.query(on: app.db).count() == threads)
            #expect(try await auditCount(app) == records)
        }
    }

    @Test func aModeratorClosesWithAPublicReasonAndNobodyElseMay() async throws {
        try await withRembuk { app in
            // given
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let id = try await Self.open(&citizen)
            var moderator = TestBrowser(app)
            try await moderator.signIn("moderator@rembuk.test")
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            // when
            let byCitizen = try await citizen.post(SiteRoute.discussionClose(id).path, ["reason": "Saya tutup sendiri saja."])
            let byAgency = try await opd.post(SiteRoute.discussionClose(id).path, ["reason": "Sudah dijawab di forum."])
            let noReason = try await moderator.post(SiteRoute.discussionClose(id).path, ["reason": "ok"])
            let closed = try await moderator.post(SiteRoute.discussionClose(id).path, ["reason": "Sudah dijawab di Musrenbang Kecamatan."])
            let again = try await moderator.post(SiteRoute.discussionClose(id).path, ["reason": "Sudah dijawab di Musrenbang Kecamatan."])
            let comment = try await opd.post(SiteRoute.discussionComment(id).path, ["body": "Satu komentar lagi."])
            // then
            #expect(byCitizen.status == .forbidden && byAgency.status == .forbidden)
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("Tulis alasan yang dibaca publik, 10–300 huruf."))
            #expect(closed.status == .seeOther && again.status == .conflict && comment.status == .conflict)
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.discussion(id).path)
            #expect(page.text.contains("Diskusi ini ditutup untuk komentar baru. Alasan: Sudah dijawab di Musrenbang Kecamatan."))
            #expect(!page.text.contains("Kirim komentar"))
            #expect(try await Self.inbox(app, "warga@rembuk.test").contains { $0.titleID == "Diskusi Anda ditutup" && $0.bodyID.contains("Sampah di bantaran") })
            let record = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "discussion.closed").filter(\.$subjectID == id).first())
            #expect(record.reason == "Sudah dijawab di Musrenbang Kecamatan.")
            #expect(try await Comment.query(on: app.db).filter(\.$subjectID == id).count() == 0)
            // and it opens again
            #expect(try await moderator.post(SiteRoute.discussionReopen(id).path, ["reason": "Ada pertanyaan lanjutan dari warga."]).status == .seeOther)
            #expect(try await opd.post(SiteRoute.discussionComment(id).path, ["body": "Satu komentar lagi."]).status == .seeOther)
            #expect(!(try await visitor.get(SiteRoute.discussions.path + "?status=ditutup").text.contains("Sampah di bantaran")))
            #expect(try await visitor.get(SiteRoute.discussions.path + "?status=terbuka").text.contains("Sampah di bantaran"))
        }
    }

    @Test func aReportedDiscussionHiddenByAModeratorShowsOnlyTheReason() async throws {
        try await withRembuk { app in
            // given a discussion with a phone number in it, and a comment on it
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            var fields = Self.form
            fields["body"] = "Hubungi Pak Ujang di 0812 9999 8888 kalau mau tahu siapa yang membuang sampah."
            let id = try await Self.open(&citizen, fields)
            var other = TestBrowser(app)
            try await other.signIn("mitra@rembuk.test")
            _ = try await other.post(SiteRoute.discussionComment(id).path, ["body": "Nomor Pak Ujang yang lain 0813 1111 2222."])
            let comment = try #require(try await Comment.query(on: app.db).filter(\.$subjectID == id).first())
            // when it is reported, and the moderator hides the discussion and the comment
            #expect(try await other.post(SiteRoute.report("thread", id).path, ["reason": "data_pribadi", "note": ""]).text.contains("laporan Anda kami terima"))
            var moderator = TestBrowser(app)
            try await moderator.signIn("moderator@rembuk.test")
            let queue = try await moderator.get(SiteRoute.moderationQueue.path)
            #expect(queue.text.contains("Diskusi “Sampah di bantaran Sungai Cilalawi”") && queue.text.contains("0812 9999 8888"))
            #expect(try await moderator.post(SiteRoute.moderationHide("thread", id).path, ["reason": "Memuat nomor HP warga lain."]).status == .seeOther)
            #expect(try await moderator.post(SiteRoute.moderationHide("comment", comment.id!.uuidString).path, ["reason": "Memuat nomor HP warga lain."]).status == .seeOther)
            // then the public reads the reasons only, in the thread and in the list; the author still sees the text
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.discussion(id).path)
            #expect(page.text.contains("Diskusi ini disembunyikan moderator. Alasan: Memuat nomor HP warga lain."))
            #expect(page.text.contains("Komentar ini disembunyikan moderator. Alasan: Memuat nomor HP warga lain."))
            #expect(!page.text.contains("0812 9999 8888") && !page.text.contains("0813 1111 2222") && !page.text.contains("Sampah di bantaran"))
            let list = try await visitor.get(SiteRoute.discussions.path)
            #expect(list.text.contains("Diskusi disembunyikan moderator") && !list.text.contains("Sampah di bantaran"))
            #expect(try await citizen.get(SiteRoute.discussion(id).path).text.contains("0812 9999 8888"))
            #expect(try await Self.inbox(app, "warga@rembuk.test").contains { $0.titleID == "Diskusi Anda “Sampah di bantaran Sungai Cilalawi” disembunyikan moderator" })
            #expect(try await other.post(SiteRoute.discussionComment(id).path, ["body": "Masih bisa?"]).status == .conflict)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "thread.hidden").count() == 1)
            #expect(try await moderator.get(SiteRoute.moderationQueue.path).text.contains("Tidak ada laporan yang menunggu."))
        }
    }
}

extension DiscussionTests {
    @Test(arguments: [("admin@rembuk.test", true), ("moderator@rembuk.test", true), ("operator.kecamatan@rembuk.test", false),
                      ("operator.desa@rembuk.test", false), ("opd@rembuk.test", false), ("mitra@rembuk.test", false), ("warga@rembuk.test", false)])
    func onlyModeratorsAndBappedaCloseADiscussion(account: String, allowed: Bool) async throws {
        try await withRembuk { app in
            // given a citizen's discussion in Kecamatan Purwakarta
            var citizen = TestBrowser(app)
            try await citizen.signIn("mitra@rembuk.test")
            let id = try await Self.open(&citizen)
            var someone = TestBrowser(app)
            try await someone.signIn(account)
            // when
            let response = try await someone.post(SiteRoute.discussionClose(id).path, ["reason": "Sudah dibahas di forum kecamatan."])
            // then
            let thread = try #require(try await DiscussionThread.find(UUID(uuidString: id), on: app.db))
            #expect(response.status == (allowed ? .seeOther : .forbidden))
            #expect(thread.isClosed == allowed)
        }
    }
}
