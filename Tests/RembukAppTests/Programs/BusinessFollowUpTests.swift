import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
@testable import RembukApp

/// UMKM follow-ups and the public outcome: medians on known figures, shown only for a group large enough.
@Suite struct BusinessFollowUpTests {
    static func business(_ revenue: String, _ channels: [String], _ reach: String) -> BusinessInput {
        BusinessInput(business_name: "Usaha uji", sector: "makanan olahan", start_year: "2020", employees: "1",
                      monthly_revenue: revenue, channels: channels, reach: reach)
    }

    @Test func followUpsFeedTheOutcomeOnceThreeAreMeasured() async throws {
        try await withRembuk { app in
            // given an UMKM training with three participants and their baselines
            let (program, session) = try await ProgramTests.open(app, type: .pelatihanUMKM, capacity: 10)
            let people = try await ProgramTests.citizens(app, 3)
            let baselines = [("2.000.000", ["offline"], "desa"), ("3.000.000", ["offline"], "desa"), ("1.000.000", ["media_sosial"], "desa")]
            for (person, figures) in zip(people, baselines) {
                #expect(try await ProgramTests.register(session, program, person, business: Self.business(figures.0, figures.1, figures.2)) == .seated)
            }
            let follow = [("2.500.000", ["offline", "media_sosial"], "kabupaten"), ("3.000.000", ["offline"], "desa"), ("1.600.000", ["marketplace"], "provinsi")]
            var visitor = TestBrowser(app)
            let id = program.id!.uuidString
            // when two report at three months
            for (person, figures) in zip(people, follow).prefix(2) {
                guard case .recorded = try await RecordBusinessFollowUp().run(program, participant: person.principal.accountID!,
                                                                               .init(moment: "3_bulan", business: Self.business(figures.0, figures.1, figures.2)), in: person) else {
                    Issue.record("refused"); return
                }
            }
            // then the outcome waits for a third
            #expect(try await visitor.get(SiteRoute.program(id).path).text.contains("Hasil ditampilkan setelah paling sedikit 3 peserta"))
            // when the programme's staff record the third one for them
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let third = try await admin.post(SiteRoute.programBusiness(id).path + "?peserta=" + people[2].principal.accountID!.uuidString, [
                "moment": "3_bulan", "business[business_name]": "Usaha uji", "business[sector]": "makanan olahan", "business[start_year]": "2020",
                "business[employees]": "1", "business[monthly_revenue]": follow[2].0, "business[channels][]": "marketplace", "business[reach]": "provinsi"])
            #expect(third.status == .seeOther)
            // then the medians show, and no one's own figures or names
            let page = try await visitor.get(SiteRoute.program(id).path).text
            #expect(page.contains("Dari 3 peserta"))
            #expect(page.contains("Rp2.000.000 → Rp2.500.000"))
            #expect(page.contains("+Rp500.000 (+25,0 %)"))
            #expect(page.contains("1 → 2 dari 3") && page.contains("<td class=\"num\">2 dari 3</td>"))
            #expect(!page.contains("Peserta Uji") && !page.contains("Rp1.600.000"))
            for path in [SiteRoute.apiProgram(id).path, SiteRoute.programsJSON.path, SiteRoute.programsCSV.path, SiteRoute.programSessionsCSV.path] {
                let text = try await visitor.get(path).text
                #expect(!text.contains("Peserta Uji") && !text.contains("Siti Aminah") && !text.contains("1600000"), "\(path)")
            }
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let record = try decoder.decode(ProgramRecord.self, from: Data(try await visitor.get(SiteRoute.apiProgram(id).path).body.readableBytesView))
            #expect(record.outcome?.measured == 3 && record.outcome?.medianRevenueChange == 500_000 && record.participants == 3)
            let records = try await AuditRecord.query(on: app.db).filter(\.$action == "program.business_followup").all()
            #expect(records.count == 3 && records.allSatisfy { !$0.summary.contains("Rp") && !$0.summary.contains("000") })
        }
    }

    @Test func followUpsNeedABaselineAValidMomentAndNoNegativeRevenue() async throws {
        try await withRembuk { app in
            // given one participant with a baseline and one without
            let (program, session) = try await ProgramTests.open(app, type: .pelatihanUMKM, capacity: 10)
            let people = try await ProgramTests.citizens(app, 2)
            _ = try await ProgramTests.register(session, program, people[0], business: Self.business("2.000.000", ["offline"], "desa"))
            let reports = try await BusinessReport.query(on: app.db).count()
            // when
            let baselineAgain = try await RecordBusinessFollowUp().run(program, participant: people[0].principal.accountID!,
                                                                       .init(moment: "awal", business: Self.business("1", ["offline"], "desa")), in: people[0])
            let negative = try await RecordBusinessFollowUp().run(program, participant: people[0].principal.accountID!,
                                                                  .init(moment: "6_bulan", business: Self.business("-100.000", ["offline"], "desa")), in: people[0])
            // then
            guard case let .invalid(e1) = baselineAgain, case let .invalid(e2) = negative else { Issue.record("accepted"); return }
            #expect(e1["moment"] != nil && e2["monthly_revenue"]?.id == "Omzet tidak bisa negatif; isi 0 bila belum ada penjualan.")
            await #expect(throws: UserFacingError.self) {
                try await RecordBusinessFollowUp().run(program, participant: people[1].principal.accountID!,
                                                       .init(moment: "3_bulan", business: Self.business("1.000.000", ["offline"], "desa")), in: people[1])
            }
            // and nobody records for someone else unless they run the programme
            await #expect(throws: UserFacingError.self) {
                try await RecordBusinessFollowUp().run(program, participant: people[0].principal.accountID!,
                                                       .init(moment: "3_bulan", business: Self.business("1.000.000", ["offline"], "desa")), in: people[1])
            }
            #expect(try await BusinessReport.query(on: app.db).count() == reports)
            // and a second report for the same moment corrects the first
            for revenue in ["2.100.000", "2.400.000"] {
                _ = try await RecordBusinessFollowUp().run(program, participant: people[0].principal.accountID!,
                                                           .init(moment: "3_bulan", business: Self.business(revenue, ["offline"], "desa")), in: people[0])
            }
            let kept = try await BusinessReport.query(on: app.db).filter(\.$accountID == people[0].principal.accountID!).filter(\.$moment == "3_bulan").all()
            #expect(kept.count == 1 && kept.first?.monthlyRevenue == 2_400_000)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "program.business_followup_corrected").count() == 1)
        }
    }
}
