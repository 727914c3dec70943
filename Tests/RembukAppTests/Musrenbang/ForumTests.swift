import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

@Suite struct ForumTests {
    /// The demo calendar's desa phase runs 15 January – 10 February of this year.
    var inDesaPhase: String { "\(LocalDate(Date()).year)-01-20" }

    func form(_ changes: [String: String] = [:]) -> [String: String] {
        ["level": "desa", "region_code": "32.14.01.2010", "held_on": inDesaPhase, "starts_at": "09:00", "place": "Balai Desa Citalang",
         "facilitator": "Pendamping Desa", "agenda": "Pembukaan\nPemaparan usulan\nPenilaian dan pemeringkatan"].merging(changes) { $1 }
    }

    @Test func theDesaOperatorSchedulesTheDesaForumAndEveryoneSeesIt() async throws {
        try await withRembuk { app in
            // given
            var operatorDesa = TestBrowser(app)
            try await operatorDesa.signIn("operator.desa@rembuk.test")
            // when
            let response = try await operatorDesa.post(SiteRoute.forumNew.path, form())
            // then
            #expect(response.status == .seeOther)
            let forum = try #require(try await Forum.query(on: app.db).first())
            #expect(forum.title == "Musrenbang Desa Citalang TA \(LocalDate(Date()).year + 1)")
            #expect(forum.startsAt == "09.00" && forum.forumStatus == .dijadwalkan)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "forum.scheduled").count() == 1)
            var visitor = TestBrowser(app)
            let calendar = try await visitor.get(SiteRoute.forums.path)
            #expect(calendar.text.contains("Musrenbang Desa Citalang") && calendar.text.contains("Balai Desa Citalang"))
            #expect(!calendar.text.contains("Jadwalkan forum"))
            let page = try await visitor.get(SiteRoute.forum(forum.id!.uuidString).path)
            #expect(page.text.contains("Pemaparan usulan") && page.text.contains("pukul 09.00"))
        }
    }

    @Test func datesOutsideThePhaseAndSecondForumsAreRefused() async throws {
        try await withRembuk { app in
            // given
            var operatorDesa = TestBrowser(app)
            try await operatorDesa.signIn("operator.desa@rembuk.test")
            let year = LocalDate(Date()).year
            // when
            let outside = try await operatorDesa.post(SiteRoute.forumNew.path, form(["held_on": "\(year)-03-01"]))
            let badTime = try await operatorDesa.post(SiteRoute.forumNew.path, form(["starts_at": "pagi", "place": ""]))
            let first = try await operatorDesa.post(SiteRoute.forumNew.path, form())
            let second = try await operatorDesa.post(SiteRoute.forumNew.path, form(["held_on": "\(year)-02-02"]))
            // then
            #expect(outside.status == .unprocessableEntity)
            #expect(outside.text.contains("Tanggal harus dalam tahap Musrenbang Desa/Kelurahan di jadwal perencanaan: "))
            #expect(badTime.text.contains("Jam mulai seperti 09.00.") && badTime.text.contains("Tulis tempatnya"))
            #expect(first.status == .seeOther)
            #expect(second.status == .unprocessableEntity && second.text.contains("sudah dijadwalkan"))
            #expect(try await Forum.query(on: app.db).count() == 1)
        }
    }

    @Test(arguments: [
        ("operator.desa@rembuk.test", "desa", "32.14.02.2001"),       // another desa
        ("operator.desa@rembuk.test", "kecamatan", "32.14.01"),        // a higher tier
        ("operator.kecamatan@rembuk.test", "desa", "32.14.02.2001"),  // a desa of another kecamatan
        ("operator.kecamatan@rembuk.test", "kabupaten", "32.14"),
        ("warga@rembuk.test", "desa", "32.14.01.2010"),
        ("moderator@rembuk.test", "desa", "32.14.01.2010"),
        ("opd@rembuk.test", "desa", "32.14.01.2010"),
    ])
    func nobodySchedulesAnotherRegionsForum(account: String, level: String, region: String) async throws {
        try await withRembuk { app in
            var someone = TestBrowser(app)
            try await someone.signIn(account)
            let before = try await auditCount(app)
            let response = try await someone.post(SiteRoute.forumNew.path, form(["level": level, "region_code": region]))
            #expect(response.status == .forbidden)
            #expect(try await Forum.query(on: app.db).count() == 0)
            #expect(try await auditCount(app) == before)
        }
    }

    @Test func theKecamatanOperatorAndBappedaScheduleTheirTiers() async throws {
        try await withRembuk { app in
            let year = LocalDate(Date()).year
            var operatorKecamatan = TestBrowser(app)
            try await operatorKecamatan.signIn("operator.kecamatan@rembuk.test")
            let kecamatan = try await operatorKecamatan.post(SiteRoute.forumNew.path, form(["level": "kecamatan", "region_code": "32.14.01",
                                                                                           "held_on": "\(year)-02-20", "place": "Aula Kecamatan Purwakarta"]))
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let opd = try await admin.post(SiteRoute.forumNew.path, form(["level": "forum_opd", "region_code": "32.14", "agency": "dinas-pupr",
                                                                          "held_on": "\(year)-03-05", "place": "Aula Dinas PUPR"]))
            let noAgency = try await admin.post(SiteRoute.forumNew.path, form(["level": "forum_opd", "region_code": "32.14", "agency": "",
                                                                               "held_on": "\(year)-03-05"]))
            #expect(kecamatan.status == .seeOther && opd.status == .seeOther)
            #expect(noAgency.status == .unprocessableEntity && noAgency.text.contains("Pilih perangkat daerah penyelenggara."))
            #expect(try await Forum.query(on: app.db).all().map(\.level).sorted() == ["forum_opd", "kecamatan"])
            let page = try await operatorKecamatan.get(SiteRoute.forumNew.path)
            #expect(page.text.contains("Kecamatan Purwakarta") && !page.text.contains("Kecamatan Babakancikao"))
        }
    }
}

@Suite struct FunnelPageTests {
    @Test func theFunnelCountsEverySubmittedUsulanOfTheYearAndEachStageReached() async throws {
        try await withRembuk { app in
            // given: the demo year of usulan at every stage
            let year = LocalDate(Date()).year + 1
            let submitted = try await Usulan.publicQuery(on: app.db).filter(\.$year == year).count()
            let agreedAtKecamatan = try await Usulan.publicQuery(on: app.db).filter(\.$year == year).all()
                .filter { $0.workflowStatus.isAtOrAfter(.disepakatiKecamatan) }.count
            var visitor = TestBrowser(app)
            // when
            let page = try await visitor.get(SiteRoute.forumFunnel.path)
            let unknown = try await visitor.get(SiteRoute.forumFunnel.path + "?tahun=1999")
            // then
            #expect(page.status == .ok && submitted > 0)
            #expect(page.text.contains("Ringkasan Musrenbang TA \(year)"))
            #expect(page.text.contains("<th scope=\"row\">Diajukan</th><td class=\"num\">\(submitted)</td><td class=\"num\">100 %</td>"))
            #expect(page.text.contains("<th scope=\"row\">Disepakati Musrenbang Kecamatan</th><td class=\"num\">\(agreedAtKecamatan)</td>"))
            #expect(unknown.status == .notFound)
        }
    }
}
