import Foundation
import Testing
@testable import RembukCore

@Suite struct ProgramFeedbackTests {
    @Test func monthsAreAddedWithShortMonthsClamped() throws {
        // given
        let endOfAugust = try #require(LocalDate(iso: "2026-08-31"))
        // when / then
        #expect(endOfAugust.adding(months: 6).iso == "2027-02-28")
        #expect(endOfAugust.adding(months: 3).iso == "2026-11-30")
        #expect(try #require(LocalDate(iso: "2027-11-30")).adding(months: 3).iso == "2028-02-29")
        #expect(try #require(LocalDate(iso: "2026-10-15")).adding(months: 3).iso == "2027-01-15")
        #expect(try #require(LocalDate(iso: "2026-01-15")).adding(months: -2).iso == "2025-11-15")
    }

    @Test func followUpsFallDueAtThreeAndSixMonths() throws {
        // given
        let last = try #require(LocalDate(iso: "2026-05-20"))
        // when / then
        #expect(FollowUpSchedule.due(lastSession: last, today: try #require(LocalDate(iso: "2026-08-19"))) == [])
        #expect(FollowUpSchedule.due(lastSession: last, today: try #require(LocalDate(iso: "2026-08-20"))) == [3])
        #expect(FollowUpSchedule.due(lastSession: last, today: try #require(LocalDate(iso: "2026-11-19"))) == [3])
        #expect(FollowUpSchedule.due(lastSession: last, today: try #require(LocalDate(iso: "2026-11-20"))) == [3, 6])
    }

    @Test func answersStayOnTheScale() {
        // given / when / then
        #expect(EvaluationAnswer(satisfaction: 0, usefulness: 3) == nil)
        #expect(EvaluationAnswer(satisfaction: 3, usefulness: 6) == nil)
        #expect(EvaluationAnswer(satisfaction: 1, usefulness: 5) != nil)
    }

    @Test func summaryNeedsThreeAnswersAndAveragesThem() throws {
        // given
        let two = [EvaluationAnswer(satisfaction: 5, usefulness: 5)!, EvaluationAnswer(satisfaction: 4, usefulness: 2)!]
        let four = two + [EvaluationAnswer(satisfaction: 4, usefulness: 4)!, EvaluationAnswer(satisfaction: 2, usefulness: 3)!]
        // when
        let summary = try #require(EvaluationSummary.of(four))
        // then
        #expect(EvaluationSummary.of(two) == nil)
        #expect(summary.responses == 4)
        #expect(summary.satisfaction == 3.75)
        #expect(summary.usefulness == 3.5)
        #expect(summary.usefulPercent == 50)
        #expect(summary.satisfactionCounts == [0, 1, 0, 2, 1])
        #expect(EvaluationSummary.decimal(summary.satisfaction, .id) == "3,8")
        #expect(EvaluationSummary.decimal(4, .en) == "4.0")
    }
}
