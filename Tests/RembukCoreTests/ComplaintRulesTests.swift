import Testing
@testable import RembukCore

@Suite struct ComplaintRulesTests {
    @Test func theFlowFollowsLaporAndReopensOnce() throws {
        // given / when / then
        #expect(try ComplaintWorkflow.next(.verify, from: .diterima).get() == .diverifikasi)
        #expect(try ComplaintWorkflow.next(.hold, from: .diterima).get() == .ditahan)
        #expect(try ComplaintWorkflow.next(.verify, from: .ditahan).get() == .diverifikasi)
        #expect(try ComplaintWorkflow.next(.dispose, from: .diverifikasi).get() == .didisposisikan)
        #expect(try ComplaintWorkflow.next(.respond, from: .didisposisikan).get() == .ditindaklanjuti)
        #expect(try ComplaintWorkflow.next(.finish, from: .ditindaklanjuti).get() == .selesai)
        #expect(try ComplaintWorkflow.next(.reopen, from: .selesai).get() == .didisposisikan)
        #expect(ComplaintWorkflow.next(.reopen, from: .selesai, reopened: true) == .failure(.alreadyReopened))
        #expect(ComplaintWorkflow.next(.respond, from: .diterima) == .failure(.notFromStatus(.diterima, .respond)))
        #expect(ComplaintWorkflow.next(.finish, from: .didisposisikan) == .failure(.notFromStatus(.didisposisikan, .finish)))
        for closed in ComplaintStatus.allCases where closed.isClosed && closed != .selesai {
            #expect(ComplaintWorkflow.actions(from: closed).isEmpty, "\(closed)")
        }
    }

    @Test func everyActionHasAnOwner() {
        #expect(ComplaintAction.verify.owner == .admin)
        #expect(ComplaintAction.respond.owner == .agency)
        #expect(ComplaintAction.finish.owner == .adminOrAgency)
        #expect(ComplaintAction.reopen.owner == .reporter)
    }

    @Test func rahasiaIsNeverPublicAndAnonimHidesTheReporter() {
        #expect(!ComplaintPrivacy.rahasia.isPublic && !ComplaintPrivacy.rahasia.showsReporter)
        #expect(ComplaintPrivacy.anonim.isPublic && !ComplaintPrivacy.anonim.showsReporter)
        #expect(ComplaintPrivacy.publik.isPublic && ComplaintPrivacy.publik.showsReporter)
    }

    @Test func clocksRunOnWorkingDaysAcrossWeekendsAndHolidays() throws {
        // given a Friday receipt, and the 17 August holiday on the Monday after
        let friday = try #require(LocalDate(year: 2026, month: 8, day: 14))
        let holiday = try #require(LocalDate(year: 2026, month: 8, day: 17))   // Hari Kemerdekaan, a Monday
        let clock = ComplaintClock(calendar: WorkingDayCalendar(holidays: [holiday]))
        // when
        let verification = clock.stage(.diterima, since: friday)
        let response = clock.stage(.didisposisikan, since: friday)
        // then: (Mon 17 off) Tue 18, Wed 19, Thu 20 → due Thursday; five days → Mon 24
        #expect(verification == .verification(due: LocalDate(year: 2026, month: 8, day: 20)!))
        #expect(response == .response(due: LocalDate(year: 2026, month: 8, day: 24)!))
        #expect(!clock.isOverdue(.diterima, since: friday, today: LocalDate(year: 2026, month: 8, day: 20)!))
        #expect(clock.isOverdue(.diterima, since: friday, today: LocalDate(year: 2026, month: 8, day: 21)!))
        #expect(!clock.isOverdue(.selesai, since: friday, today: LocalDate(year: 2027, month: 1, day: 1)!))
        #expect(clock.responseDays(disposed: friday, answered: LocalDate(year: 2026, month: 8, day: 19)!) == 2)
    }

    @Test func theMedianIsTheMiddle() {
        #expect(Median.of([Int]()) == nil)
        #expect(Median.of([7]) == 7)
        #expect(Median.of([5, 1, 3]) == 3)
        #expect(Median.of([4, 1, 3, 2]) == 2.5)
    }
}

@Suite struct ComplaintVisibilityTests {
    @Test func onlyVerifiedNonConfidentialComplaintsArePublic() {
        for status in ComplaintStatus.allCases {
            #expect(!ComplaintVisibility.isPublic(.rahasia, status), "\(status)")
        }
        #expect(!ComplaintVisibility.isPublic(.publik, .diterima))
        #expect(!ComplaintVisibility.isPublic(.publik, .diarsipkan))
        #expect(ComplaintVisibility.isPublic(.anonim, .didisposisikan))
        #expect(ComplaintVisibility.isPublic(.publik, .selesai))
    }
}
