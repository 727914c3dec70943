import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

@Suite struct ScheduleTests {
    /// A calendar form for `year` whose aspirations run over `aspirasi` (ISO dates) and forums after it.
    static func form(year: Int, aspirasi: (String, String)) -> [String: String] {
        let planning = year - 1
        return ["year": String(year), "aspirasi_start": aspirasi.0, "aspirasi_end": aspirasi.1,
                "desa_start": "\(planning)-01-15", "desa_end": "\(planning)-02-10",
                "kecamatan_start": "\(planning)-02-11", "kecamatan_end": "\(planning)-02-28",
                "forum_opd_start": "\(planning)-03-02", "forum_opd_end": "\(planning)-03-13",
                "kabupaten_start": "\(planning)-03-24", "kabupaten_end": "\(planning)-03-26",
                "rkpd_start": "\(planning)-05-04", "rkpd_end": "\(planning)-06-30"]
    }

    @Test func submittingWaitsForTheCollectingPhaseButDraftsDoNot() async throws {
        try await withRembuk { app in
            // given: no calendar covers today; the next one opens collecting next January
            let today = LocalDate(Date())
            try await PlanningCycle.query(on: app.db).delete()
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let later = try await admin.post(SiteRoute.schedule.path, Self.form(year: today.year + 2, aspirasi: ("\(today.year + 1)-01-04", "\(today.year + 1)-01-31")))
            #expect(later.status == .seeOther)
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            // when
            let formPage = try await citizen.get(SiteRoute.usulanNew.path)
            let refused = try await citizen.post(SiteRoute.usulanNew.path, UsulanTests.form)
            let draft = try await citizen.post(SiteRoute.usulanNew.path, UsulanTests.form.merging(["aksi": "draf"]) { $1 })
            // then
            #expect(formPage.text.contains("Penjaringan usulan sedang ditutup; dibuka lagi"))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("dibuka lagi \(DateText.long(LocalDate(iso: "\(today.year + 1)-01-04")!))"))
            #expect(draft.status == .seeOther)
            #expect(try await Usulan.query(on: app.db).filter(\.$title == UsulanTests.form["title"]!).all().map(\.workflowStatus) == [.draft])

            // when: Bappeda opens collecting for next year's budget, covering today
            let opened = try await admin.post(SiteRoute.schedule.path, Self.form(year: today.year + 1, aspirasi: ("\(today.year)-01-01", "\(today.year)-12-31")))
            let accepted = try await citizen.post(SiteRoute.usulanNew.path, UsulanTests.form.merging(["title": "Perbaikan jalan desa rusak di RT 04"]) { $1 })
            // then
            #expect(opened.status == .seeOther)
            #expect(accepted.status == .seeOther)
            let submitted = try #require(try await Usulan.query(on: app.db).filter(\.$title == "Perbaikan jalan desa rusak di RT 04").first())
            #expect(submitted.workflowStatus == .diajukan && submitted.year == today.year + 1)
        }
    }

    @Test func badCalendarsAreExplainedAndChangeNothing() async throws {
        try await withRembuk { app in
            // given
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let before = try await auditCount(app)
            var backwards = Self.form(year: 2030, aspirasi: ("2029-01-02", "2029-01-31"))
            backwards["desa_end"] = "2029-01-01"
            var disordered = Self.form(year: 2030, aspirasi: ("2029-01-02", "2029-01-31"))
            disordered["kecamatan_start"] = "2029-01-10"
            // when
            let responses = [
                try await admin.post(SiteRoute.schedule.path, backwards),
                try await admin.post(SiteRoute.schedule.path, disordered),
                try await admin.post(SiteRoute.schedule.path, Self.form(year: 2030, aspirasi: ("2027-01-02", "2029-01-31"))),
                try await admin.post(SiteRoute.schedule.path, Self.form(year: 1999, aspirasi: ("1998-01-02", "1998-01-31"))),
                try await admin.post(SiteRoute.schedule.path, Self.form(year: 2030, aspirasi: ("", "2029-01-31"))),
            ]
            // then
            #expect(responses.allSatisfy { $0.status == .unprocessableEntity })
            #expect(responses[0].text.contains("Musrenbang Desa/Kelurahan: tanggal selesai sebelum tanggal mulai."))
            #expect(responses[1].text.contains("Musrenbang Kecamatan harus dimulai setelah Musrenbang Desa/Kelurahan dimulai."))
            #expect(responses[2].text.contains("Penjaringan usulan warga harus berlangsung pada tahun perencanaan 2029 (boleh dimulai sejak 2028)."))
            #expect(responses[3].text.contains("Tahun anggaran antara"))
            #expect(responses[4].text.contains("Isi tanggal mulai dan selesai Penjaringan usulan warga."))
            #expect(responses[4].text.contains("value=\"2029-01-31\""))
            #expect(try await PlanningCycle.query(on: app.db).filter(\.$year == 2030).count() == 0)
            #expect(try await auditCount(app) == before)
        }
    }

    @Test(arguments: ["warga@rembuk.test", "operator.desa@rembuk.test", "operator.kecamatan@rembuk.test", "opd@rembuk.test",
                      "moderator@rembuk.test", "mitra@rembuk.test"])
    func onlyBappedaSetsTheCalendar(account: String) async throws {
        try await withRembuk { app in
            // given
            var someone = TestBrowser(app)
            try await someone.signIn(account)
            let before = try await auditCount(app)
            // when
            let response = try await someone.post(SiteRoute.schedule.path, Self.form(year: 2030, aspirasi: ("2029-01-02", "2029-01-31")))
            let page = try await someone.get(SiteRoute.schedule.path)
            // then
            #expect(response.status == .forbidden)
            #expect(try await auditCount(app) == before)
            #expect(page.status == .ok && !page.text.contains("Simpan jadwal"))
        }
    }

    @Test func theCalendarIsPublicAndChangesAreAudited() async throws {
        try await withRembuk { app in
            // given
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            // when
            let saved = try await admin.post(SiteRoute.schedule.path, Self.form(year: 2030, aspirasi: ("2028-10-01", "2029-01-31")))
            let changed = try await admin.post(SiteRoute.schedule.path, Self.form(year: 2030, aspirasi: ("2028-11-01", "2029-01-31")))
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.schedule.path)
            // then
            #expect(saved.status == .seeOther && changed.status == .seeOther)
            #expect(page.text.contains("Tahun anggaran 2030"))
            #expect(page.text.contains("Rabu, 1 November 2028"))
            #expect(!page.text.contains("1 Oktober 2028"))
            let actions = try await AuditRecord.query(on: app.db).filter(\.$subjectType == "planning_cycle").filter(\.$subjectID == "2030").all().map(\.action)
            #expect(actions == ["cycle.created", "cycle.updated"])
            #expect(try await CyclePhase.query(on: app.db).join(PlanningCycle.self, on: \CyclePhase.$cycle.$id == \PlanningCycle.$id)
                .filter(PlanningCycle.self, \.$year == 2030).count() == 6)
        }
    }
}
