import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
@testable import RembukApp

/// Mentoring notes, the evaluation survey with moderated comments, and UMKM follow-up prompts.
@Suite struct ProgramFeedbackTests {
    /// A running programme whose participants all attended one session that began a minute ago.
    static func attended(_ app: Application, _ people: [Invocation], type: ProgramType = .workshop) async throws -> Program {
        let (program, session) = try await ProgramTests.open(app, type: type, capacity: 10)
        for person in people {
            let business = type.isUMKM ? BusinessFollowUpTests.business("2.000.000", ["offline"], "desa") : nil
            #expect(try await ProgramTests.register(session, program, person, business: business) == .seated)
        }
        session.startsMillis = Date().millis - 60_000
        session.endsMillis = Date().millis
        try await session.update(on: app.db)
        let staff = try await ProgramTests.staff(app)
        let seated = try await Registration.query(on: app.db).filter(\.$session.$id == session.id!).all().compactMap { $0.id?.uuidString }
        _ = try await RecordAttendance().run(session, of: program, .init(attended: seated), in: staff)
        #expect(try await ChangeProgramStatus().run(program, .init(status: "berjalan"), in: staff) == nil)
        program.status = ProgramStatus.berjalan.rawValue
        return program
    }

    @Test func evaluationIsForAttendeesOnceAndShowsAfterThreeWithModeratedComments() async throws {
        try await withRembuk { app in
            // given three attendees and a citizen who never came
            let people = try await ProgramTests.citizens(app, 3)
            let program = try await Self.attended(app, people)
            let outsider = try await ProgramTests.citizen(app, "warga@rembuk.test")
            let id = program.id!.uuidString
            // when two answer, one with a comment
            #expect(try await isSaved(SubmitEvaluation().run(program, .init(satisfaction: "5", usefulness: "4", comment: "Praktiknya jelas sekali, terima kasih."), in: people[0])))
            #expect(try await isSaved(SubmitEvaluation().run(program, .init(satisfaction: "4", usefulness: "5", comment: ""), in: people[1])))
            var visitor = TestBrowser(app)
            let early = try await visitor.get(SiteRoute.programEvaluation(id).path).text
            // then nothing shows yet
            #expect(early.contains("setelah paling sedikit 3 peserta mengisi"))
            // when the third answers, one tries again, the outsider tries, and bad scores come in
            #expect(try await isSaved(SubmitEvaluation().run(program, .init(satisfaction: "3", usefulness: "2", comment: "Tempatnya panas."), in: people[2])))
            let again = try await SubmitEvaluation().run(program, .init(satisfaction: "1", usefulness: "1"), in: people[0])
            await #expect(throws: UserFacingError.self) { try await SubmitEvaluation().run(program, .init(satisfaction: "5", usefulness: "5"), in: outsider) }
            let bad = try await SubmitEvaluation().run(program, .init(satisfaction: "9", usefulness: "0"), in: people[2])
            // then
            guard case let .invalid(e1) = again, case let .invalid(e2) = bad else { Issue.record("accepted"); return }
            #expect(e1["satisfaction"]?.id.contains("sudah mengisi") == true && e2["satisfaction"] != nil)
            #expect(try await ProgramEvaluation.query(on: app.db).count() == 3)
            let page = try await visitor.get(SiteRoute.programEvaluation(id).path).text
            #expect(page.contains("4,0") && page.contains("67 %") && !page.contains("Praktiknya jelas") && !page.contains("Peserta Uji"))
            // when the moderator lets one comment through and hides the other
            let pending = try await ProgramEvaluation.query(on: app.db).filter(\.$commentStatus == "menunggu").sort(\.$createdMillis).all()
            #expect(pending.count == 2)
            var moderator = TestBrowser(app), citizen = TestBrowser(app)
            try await moderator.signIn("moderator@rembuk.test")
            try await citizen.signIn("warga@rembuk.test")
            #expect(try await moderator.get(SiteRoute.programEvaluation(id).path).text.contains("Tempatnya panas."))
            let byCitizen = try await citizen.post(SiteRoute.evaluationModerate(pending[0].id!.uuidString).path, ["decision": "tampil"])
            let noReason = try await moderator.post(SiteRoute.evaluationModerate(pending[1].id!.uuidString).path, ["decision": "sembunyikan"])
            let shown = try await moderator.post(SiteRoute.evaluationModerate(pending[0].id!.uuidString).path, ["decision": "tampil"])
            let hidden = try await moderator.post(SiteRoute.evaluationModerate(pending[1].id!.uuidString).path, ["decision": "sembunyikan", "reason": "Keluhan tempat diteruskan ke DLH."])
            // then
            #expect(byCitizen.status == .forbidden && noReason.status == .unprocessableEntity && shown.status == .seeOther && hidden.status == .seeOther)
            let after = try await visitor.get(SiteRoute.program(id).path).text
            #expect(after.contains("Praktiknya jelas sekali") && !after.contains("Tempatnya panas."))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "program.evaluation.moderated").count() == 2)
            let answers = try await AuditRecord.query(on: app.db).filter(\.$action == "program.evaluation").all()
            #expect(answers.count == 3 && answers.allSatisfy { !$0.summary.contains("kepuasan") && !$0.summary.contains("Praktiknya") })
        }
    }

    func isSaved(_ outcome: SubmitEvaluation.Outcome) -> Bool {
        if case .saved = outcome { return true }
        return false
    }

    @Test func mentoringNotesAreReadByTheParticipantAndTheMentorsOnly() async throws {
        try await withRembuk { app in
            // given an UMKM training with two participants
            let people = try await ProgramTests.citizens(app, 2)
            let program = try await Self.attended(app, people, type: .pelatihanUMKM)
            let id = program.id!.uuidString
            let staff = try await ProgramTests.staff(app)
            // when staff note a meeting with the first, and bad notes come in
            let first = people[0].principal.accountID!.uuidString
            let saved = try await RecordMentoring().run(program, .init(participant: first, met_on: LocalDate(Date()).iso, topic: "Foto produk",
                                                                       notes: "Belajar memotret keripik dengan cahaya jendela.", next_steps: "Unggah 10 foto ke marketplace."), in: staff)
            let future = try await RecordMentoring().run(program, .init(participant: first, met_on: LocalDate(Date()).adding(days: 2).iso, topic: "Foto produk",
                                                                        notes: "Belajar memotret keripik dengan cahaya jendela."), in: staff)
            let stranger = try await RecordMentoring().run(program, .init(participant: UUID().uuidString, met_on: LocalDate(Date()).iso, topic: "Foto produk",
                                                                          notes: "Belajar memotret keripik dengan cahaya jendela."), in: staff)
            await #expect(throws: UserFacingError.self) {
                try await RecordMentoring().run(program, .init(participant: first, met_on: LocalDate(Date()).iso, topic: "Diri sendiri",
                                                               notes: "Peserta mencoba menulis catatan sendiri."), in: people[1])
            }
            // then
            guard case .recorded = saved, case let .invalid(e1) = future, case let .invalid(e2) = stranger else { Issue.record("wrong outcome"); return }
            #expect(e1["met_on"] != nil && e2["participant"] != nil)
            #expect(try await MentoringEntry.query(on: app.db).count() == 1)
            #expect(try await InboxItem.query(on: app.db).filter(\.$account.$id == people[0].principal.accountID!).all().contains { $0.titleID.contains("Catatan pendampingan baru") })
            // and the second participant sees no one else's note; a visitor sees nothing at all
            for (invocation, sees) in [(people[0], true), (people[1], false)] {
                var browser = TestBrowser(app)
                let account = try #require(try await Account.find(invocation.principal.accountID, on: app.db))
                account.passwordHash = try await Invocation.system(app).hashPassword("kopi-tubruk-2026")
                try await account.save(on: app.db)
                try await browser.signIn(account.email!, "kopi-tubruk-2026")
                let page = try await browser.get(SiteRoute.programMentoring(id).path)
                #expect(page.status == .ok && page.text.contains("Belajar memotret keripik") == sees)
            }
            var visitor = TestBrowser(app)
            let programPage = try await visitor.get(SiteRoute.program(id).path).text
            let notes = try await visitor.get(SiteRoute.programMentoring(id).path)
            #expect(!programPage.contains("Belajar memotret") && notes.status != .ok)
        }
    }

    @Test func followUpPromptsGoOutOnceAtThreeMonths() async throws {
        try await withRembuk { app in
            // given an UMKM training whose participants have baselines and whose last session ended today
            let people = try await ProgramTests.citizens(app, 2)
            let program = try await Self.attended(app, people, type: .pelatihanUMKM)
            let inThreeMonths = LocalDate(Date()).adding(months: 3).startOfDay().addingTimeInterval(10 * 3_600)
            // when the worker looks before and at three months, twice
            let early = try await SendFollowUpPrompts().run(in: .system(app, now: Date().addingTimeInterval(30 * 86_400)))
            let due = try await SendFollowUpPrompts().run(in: .system(app, now: inThreeMonths))
            let again = try await SendFollowUpPrompts().run(in: .system(app, now: inThreeMonths))
            // then each participant was asked once, with a link to the follow-up form
            #expect(early == 0 && due == 2 && again == 0)
            let notices = try await InboxItem.query(on: app.db).filter(\.$titleID ~~ "3 bulan setelah").all()
            #expect(notices.count == 2 && notices.allSatisfy { $0.link == SiteRoute.programBusiness(program.id!.uuidString).path })
        }
    }
}
