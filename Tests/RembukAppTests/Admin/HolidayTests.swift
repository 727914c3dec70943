import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
@testable import RembukApp

@Suite struct HolidayTests {
    /// The first weekday after `day`.
    static func nextWeekday(after day: LocalDate) -> LocalDate {
        var next = day.adding(days: 1)
        while [6, 7].contains(next.weekday) { next = next.adding(days: 1) }
        return next
    }

    @Test func aHolidayBappedaAddsMovesTheComplaintDeadlines() async throws {
        try await withRembuk { app in
            // given Bappeda declares the next working day a holiday
            let today = LocalDate(Date())
            let holiday = Self.nextWeekday(after: today)
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let added = try await admin.post(SiteRoute.holidays.path, ["day": holiday.iso, "name": "Cuti bersama uji"])
            #expect(added.status == .seeOther)
            // when a citizen files a complaint today
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            _ = try await ComplaintTests.file(&citizen)
            // then the board's deadline skips the holiday, and the page lists it
            let withHoliday = WorkingDayCalendar(holidays: [holiday]).adding(workingDays: ComplaintClock.verifyWithin, to: today)
            let without = WorkingDayCalendar(holidays: []).adding(workingDays: ComplaintClock.verifyWithin, to: today)
            #expect(withHoliday > without)
            let board = try await admin.get(SiteRoute.complaintBoard.path)
            let row = try #require(board.text.components(separatedBy: "<tr>").first { $0.contains("Jalan berlubang di Gang Melati") })
            #expect(row.contains(DateText.medium(withHoliday)))
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.holidays.path)
            #expect(page.text.contains(DateText.long(holiday)) && page.text.contains("Cuti bersama uji") && !page.text.contains("Tambah hari libur"))
            let record = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "holiday.added").filter(\.$subjectID == holiday.iso).first())
            #expect(record.summary == "hari libur \(DateText.long(holiday)): Cuti bersama uji")
            // and removing it puts the deadline back
            #expect(try await admin.post(SiteRoute.holidayRemove(holiday.iso).path, [:]).status == .seeOther)
            #expect(try await Holiday.find(holiday.iso, on: app.db) == nil)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "holiday.removed").count() == 1)
        }
    }

    @Test func badHolidaysSayWhatIsWrongAndChangeNothing() async throws {
        let year = LocalDate(Date()).year
        let configured = Self.nextWeekday(after: LocalDate(year: year + 1, month: 3, day: 1)!)
        let unnamed = Self.nextWeekday(after: configured)
        try await withRembuk(settings: { $0.holidays = [configured] }) { app in
            // given
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let demo = try #require(try await Holiday.query(on: app.db).filter(\.$id >= "\(year + 1)-01-01").first()?.id)
            var saturday = LocalDate(year: year + 1, month: 3, day: 1)!
            while saturday.weekday != 6 { saturday = saturday.adding(days: 1) }
            let stored = try await Holiday.query(on: app.db).count()
            let records = try await auditCount(app)
            // when
            let responses = [
                (["day": "", "name": "Tanpa tanggal"], "Isi tanggal, misalnya 2026-12-25."),
                (["day": "2026-02-30", "name": "Tanggal mustahil"], "Isi tanggal, misalnya 2026-12-25."),
                (["day": saturday.iso, "name": "Sabtu"], "sudah hari libur akhir pekan"),
                (["day": "\(year + 5)-03-03", "name": "Terlalu jauh"], "Isi tanggal antara tahun"),
                (["day": configured.iso, "name": "Dari konfigurasi"], "sudah tercatat sebagai hari libur"),
                (["day": demo, "name": "Hari libur lagi"], "sudah tercatat sebagai hari libur"),
                (["day": unnamed.iso, "name": "x"], "Tulis nama hari liburnya, 3–100 huruf."),
            ]
            // then
            for (fields, message) in responses {
                let response = try await admin.post(SiteRoute.holidays.path, fields)
                #expect(response.status == .unprocessableEntity && response.text.contains(message), "\(fields)")
            }
            #expect(try await Holiday.query(on: app.db).count() == stored)
            #expect(try await auditCount(app) == records)
            let page = try await admin.get(SiteRoute.holidays.path)
            #expect(page.text.contains("dari pengaturan server") && page.text.contains("Tambah hari libur"))
            #expect(try await admin.post(SiteRoute.holidayRemove(configured.iso).path, [:]).status == .notFound)
        }
    }

    @Test(arguments: ["warga@rembuk.test", "operator.desa@rembuk.test", "operator.kecamatan@rembuk.test", "opd@rembuk.test",
                      "moderator@rembuk.test", "mitra@rembuk.test"])
    func onlyBappedaKeepsTheHolidays(account: String) async throws {
        try await withRembuk { app in
            // given
            var someone = TestBrowser(app)
            try await someone.signIn(account)
            let next = try #require(try await Holiday.query(on: app.db).filter(\.$id >= "\(LocalDate(Date()).year + 1)-01-01").first()?.id)
            // when
            let add = try await someone.post(SiteRoute.holidays.path, ["day": "\(LocalDate(Date()).year + 1)-03-04", "name": "Libur tidak sah"])
            let remove = try await someone.post(SiteRoute.holidayRemove(next).path, [:])
            // then
            #expect(add.status == .forbidden && remove.status == .forbidden)
            #expect(try await Holiday.find(next, on: app.db) != nil)
            #expect(!(try await someone.get(SiteRoute.holidays.path).text.contains("Tambah hari libur")))
        }
    }
}
