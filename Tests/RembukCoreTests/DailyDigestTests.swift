import Foundation
import Testing
@testable import RembukCore

@Suite struct DailyDigestTests {
    /// 23 November 2026 at `hour`:`minute` WIB.
    static func wib(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        LocalDate(year: 2026, month: 11, day: day)!.startOfDay().addingTimeInterval(Double(hour * 3600 + minute * 60))
    }

    static func item(_ n: Int, at: Date) -> DailyDigest.Item {
        .init(title: "Pemberitahuan \(n)", body: "Isi pemberitahuan \(n)", link: "/usulan/\(n)", at: at)
    }

    @Test func theSendingMomentIsTodaysHourOnceItHasStruckOtherwiseYesterdays() {
        // given
        let schedule = DigestSchedule(hour: 7)
        // when / then
        #expect(schedule.latestSending(atOrBefore: Self.wib(23, 6, 59)) == Self.wib(22, 7))
        #expect(schedule.latestSending(atOrBefore: Self.wib(23, 7)) == Self.wib(23, 7))
        #expect(schedule.latestSending(atOrBefore: Self.wib(23, 23, 59)) == Self.wib(23, 7))
        // 00.30 WIB is still the previous day in UTC: the local date decides
        #expect(schedule.latestSending(atOrBefore: Self.wib(24, 0, 30)) == Self.wib(23, 7))
        #expect(DigestSchedule(hour: 30).hour == 23 && DigestSchedule(hour: -2).hour == 0)
    }

    @Test func someoneIsDueOncePerSendingMoment() {
        // given
        let schedule = DigestSchedule(hour: 7)
        // when / then: never sent → due; sent at 07.00 today → not again until tomorrow 07.00
        #expect(schedule.isDue(lastCutoff: nil, now: Self.wib(23, 8)))
        #expect(!schedule.isDue(lastCutoff: Self.wib(23, 7, 0), now: Self.wib(23, 22)))
        #expect(!schedule.isDue(lastCutoff: Self.wib(23, 7, 0), now: Self.wib(24, 6, 59)))
        #expect(schedule.isDue(lastCutoff: Self.wib(23, 7, 0), now: Self.wib(24, 7)))
        // switched on at 09.00 (cut-off then): the first digest comes the next morning, not at once
        #expect(!schedule.isDue(lastCutoff: Self.wib(23, 9), now: Self.wib(23, 9, 5)))
        #expect(schedule.isDue(lastCutoff: Self.wib(23, 9), now: Self.wib(24, 7, 1)))
    }

    @Test func aDigestListsEachNoticeOldestFirstWithItsLink() throws {
        // given three notices out of order
        let items = [Self.item(2, at: Self.wib(22, 15, 30)), Self.item(1, at: Self.wib(22, 9, 5)), Self.item(3, at: Self.wib(23, 6))]
        // when
        let digest = try #require(DailyDigest.compose(items, date: LocalDate(year: 2026, month: 11, day: 23)!, baseURL: "https://rembuk.example",
                                                      inboxPath: "/kotak-masuk", settingsPath: "/akun"))
        // then
        #expect(digest.subject == "Ringkasan Rembuk Senin, 23 November 2026: 3 pemberitahuan")
        let lines = digest.body.split(separator: "\n").map(String.init)
        #expect(lines.contains("1. Pemberitahuan 1 (22 Nov 09.05)"))
        #expect(lines.contains("2. Pemberitahuan 2 (22 Nov 15.30)"))
        #expect(lines.contains("3. Pemberitahuan 3 (23 Nov 06.00)"))
        #expect(lines.contains("   https://rembuk.example/usulan/2"))
        #expect(digest.body.hasSuffix("Ubah di https://rembuk.example/akun"))
        #expect(!digest.body.contains("lainnya"))
    }

    @Test func aLongDayIsCountedNotSpelledOutAndLongTextIsShortened() throws {
        // given twenty notices, one with a long, multi-line body
        var items = (1...20).map { Self.item($0, at: Self.wib(22, 8).addingTimeInterval(Double($0) * 60)) }
        items[0].body = "Baris pertama\nbaris kedua " + String(repeating: "kata ", count: 60)
        // when
        let digest = try #require(DailyDigest.compose(items, date: LocalDate(year: 2026, month: 11, day: 23)!, baseURL: "https://r.id",
                                                      inboxPath: "/kotak-masuk", settingsPath: "/akun"))
        // then
        #expect(digest.subject.hasSuffix(": 20 pemberitahuan"))
        #expect(digest.body.contains("15. Pemberitahuan 15") && !digest.body.contains("16. Pemberitahuan 16"))
        #expect(digest.body.contains("… dan 5 pemberitahuan lainnya di kotak masuk: https://r.id/kotak-masuk"))
        let quoted = try #require(digest.body.split(separator: "\n").first { $0.contains("Baris pertama") })
        #expect(quoted.hasPrefix("   Baris pertama baris kedua") && quoted.hasSuffix("…"))
        #expect(quoted.count <= 3 + DailyDigest.excerpt && quoted.count > 100)
    }

    @Test func nothingToSayMeansNoMessage() {
        // given / when / then
        #expect(DailyDigest.compose([], date: LocalDate(year: 2026, month: 11, day: 23)!, baseURL: "", inboxPath: "", settingsPath: "") == nil)
        #expect(DailyDigest.composeShort([], baseURL: "", inboxPath: "") == nil)
    }

    @Test func theShortFormNamesTheFirstTitlesAndLinksTheInbox() throws {
        // given
        let items = (1...7).map { Self.item($0, at: Self.wib(22, 8 + $0)) }
        // when
        let text = try #require(DailyDigest.composeShort(items, baseURL: "https://r.id", inboxPath: "/kotak-masuk"))
        // then
        #expect(text == """
            Ringkasan Rembuk: 7 pemberitahuan
            • Pemberitahuan 1
            • Pemberitahuan 2
            • Pemberitahuan 3
            • Pemberitahuan 4
            • Pemberitahuan 5
            • … dan 2 lainnya
            Baca: https://r.id/kotak-masuk
            """)
    }

    @Test func shortMomentsInBothLanguages() {
        // given
        let moment = Self.wib(23, 14, 5)
        // when / then
        #expect(DateText.short(moment) == "23 Nov 14.05")
        #expect(DateText.short(moment, .en) == "23 Nov 14:05")
        #expect(DateText.dateTime(moment) == "Senin, 23 November 2026 pukul 14.05 WIB")
    }
}
