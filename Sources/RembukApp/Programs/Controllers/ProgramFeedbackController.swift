import Fluent
import Foundation
import RembukCore
import Vapor

/// Mentoring notes for UMKM participants and the evaluation survey with its public summary and moderated comments.
struct ProgramFeedbackController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.programMentoring(":id")) { try await mentoring($0, input: .init(), errors: FormErrors(), status: .ok) }
        routes.post(.programMentoring(":id"), use: recordMentoring)
        routes.get(.programEvaluation(":id")) { try await evaluation($0, input: .init(), errors: FormErrors(), status: .ok) }
        routes.post(.programEvaluation(":id"), use: submitEvaluation)
        routes.post(.evaluationModerate(":id"), use: moderate)
    }

    // MARK: Mentoring

    func mentoring(_ req: Request, input: RecordMentoring.Input, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let account = try req.requireAccount()
        let program = try await ProgramGuard.find(req.parameters.get("id"), on: req.db)
        let id = try program.requireID()
        let me = try account.requireID()
        let helps = try await ProgramGuard.mayHelp(program, req.principal.actor, today: req.invocation.today, on: req.db)
        var query = MentoringEntry.query(on: req.db).filter(\.$programID == id)
        if !helps {
            guard try await Participant.query(on: req.db).filter(\.$programID == id).filter(\.$accountID == me).first() != nil else {
                throw UserFacingError(.forbidden, Phrase("Catatan pendampingan hanya untuk peserta program ini, pendamping dan penyelenggaranya.",
                                                         "Mentoring notes are for this programme's participants, mentors and organisers."))
            }
            query = query.filter(\.$accountID == me)
        }
        let entries = try await query.sort(\.$metOn, .descending).sort(\.$createdMillis, .descending).all()
        var participants: [FormKit.Choice] = []
        var names: [UUID: String] = [:]
        if helps {
            let people = try await Participant.query(on: req.db).filter(\.$programID == id).all()
            names = Dictionary(try await Account.query(on: req.db).filter(\.$id ~~ people.map(\.accountID)).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
            participants = names.sorted { $0.value < $1.value }.map { .init(value: $0.key.uuidString, label: $0.value) }
        }
        return MentoringPage(program: program, entries: entries, names: names, participants: participants, canRecord: helps && program.programType.isUMKM,
                             today: req.invocation.today, saved: req.queryValue("tersimpan") != nil, input: input, errors: errors)
            .render(await req.viewContext()).response(status: status)
    }

    func recordMentoring(_ req: Request) async throws -> Response {
        let program = try await ProgramGuard.find(req.parameters.get("id"), on: req.db)
        let input = try req.content.decode(RecordMentoring.Input.self)
        switch try await RecordMentoring().run(program, input, in: req.invocation) {
        case .recorded: return req.redirect(to: SiteRoute.programMentoring(try program.requireID().uuidString).path + "?tersimpan=1")
        case let .invalid(errors): return try await mentoring(req, input: input, errors: errors, status: .unprocessableEntity)
        }
    }

    // MARK: Evaluation

    func evaluation(_ req: Request, input: SubmitEvaluation.Input, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let program = try await ProgramGuard.find(req.parameters.get("id"), on: req.db)
        let id = try program.requireID()
        let me = req.principal.accountID
        let all = try await ProgramEvaluation.query(on: req.db).filter(\.$programID == id).sort(\.$createdMillis).all()
        let moderates = req.principal.actor.can(.moderate(req.settings.kabupaten))
        let answered = me.map { account in all.contains { $0.accountID == account } } ?? false
        let eligible = try await SubmitEvaluation.mayAnswer(program, account: me, on: req.db)
        return EvaluationPage(program: program, summary: EvaluationSummary.of(all.compactMap(\.answer)),
                              comments: all.filter { $0.status == .tampil }.map(\.comment),
                              pending: moderates ? all.filter { $0.status == .menunggu } : [],
                              mayAnswer: !answered && eligible, answered: answered,
                              saved: req.queryValue("tersimpan") != nil, input: input, errors: errors)
            .render(await req.viewContext()).response(status: status)
    }

    func submitEvaluation(_ req: Request) async throws -> Response {
        let program = try await ProgramGuard.find(req.parameters.get("id"), on: req.db)
        let input = try req.content.decode(SubmitEvaluation.Input.self)
        switch try await SubmitEvaluation().run(program, input, in: req.invocation) {
        case .saved: return req.redirect(to: SiteRoute.programEvaluation(try program.requireID().uuidString).path + "?tersimpan=1")
        case let .invalid(errors): return try await evaluation(req, input: input, errors: errors, status: .unprocessableEntity)
        }
    }

    func moderate(_ req: Request) async throws -> Response {
        let program = try await ModerateEvaluationComment().run(req.parameters.get("id"), try req.content.decode(ModerateEvaluationComment.Input.self), in: req.invocation)
        return req.redirect(to: SiteRoute.programEvaluation(try program.requireID().uuidString).path + "#moderasi")
    }
}
