import Foundation
import RembukCore
import Testing

@Suite struct RateRuleTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let rule = RateRule(limit: 3, window: 600)

    func ago(_ seconds: TimeInterval) -> Date { now.addingTimeInterval(-seconds) }

    @Test func underTheLimitNothingWaits() {
        // given two times in the window
        let times = [ago(10), ago(100)]
        // when
        let wait = rule.wait(after: times, now: now)
        // then
        #expect(wait == nil)
        #expect(rule.wait(after: [], now: now) == nil)
    }

    @Test func atTheLimitTheWaitEndsWhenTheOldestCountedTimeLeavesTheWindow() {
        // given three times, the oldest 500 s ago, in any order
        let times = [ago(20), ago(500), ago(100)]
        // when
        let wait = rule.wait(after: times, now: now)
        // then 600 − 500
        #expect(wait == 100)
    }

    @Test func timesOutsideTheWindowOrInTheFutureDoNotCount() {
        // given one time exactly a window ago, one older, one ahead of the clock
        let times = [ago(600), ago(5_000), now.addingTimeInterval(30), ago(1), ago(2)]
        // when
        let wait = rule.wait(after: times, now: now)
        // then only ago(1) and ago(2) count
        #expect(wait == nil)
    }

    @Test func overTheLimitTheWaitFollowsTheLastLimitTimes() {
        // given five times (more than the limit, from before the rule was tightened, or a race)
        let times = [ago(590), ago(400), ago(300), ago(200), ago(5)]
        // when
        let wait = rule.wait(after: times, now: now)
        // then room comes back when ago(300) leaves: the third newest
        #expect(wait == 300)
    }

    @Test func aWaitIsAtLeastOneSecondAndRoundsUp() {
        // given the oldest counted time about to leave the window
        let times = [ago(599.9), ago(10), ago(20)]
        // when
        let wait = rule.wait(after: times, now: now)
        // then
        #expect(wait == 1)
        #expect(RateRule(limit: 1, window: 60).wait(after: [ago(0.5)], now: now) == 60)
    }

    @Test func theHorizonIsOneWindowBack() {
        #expect(rule.horizon(now: now) == ago(600))
    }

    @Test func everyAbuseLimitAllowsWhatAnHonestPersonDoes() {
        // a citizen supports every usulan of a large desa (about 60) in one sitting
        #expect(AbuseLimits.support.limit >= 60 && AbuseLimits.support.window <= 3_600)
        // a family shares one address when registering
        #expect(AbuseLimits.registration.limit >= 5)
        // a proposer sends several usulan a day during the collecting phase
        #expect(AbuseLimits.submission.limit >= 10)
        #expect(AbuseLimits.comment.limit >= 10)
        #expect(AbuseLimits.complaint.limit >= 3)
    }
}
