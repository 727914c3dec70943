import Fluent
import Foundation
import RembukCore

/// A participant who attended at least one session answers the evaluation survey once: satisfaction and
/// usefulness (1–5) and, if they like, a comment that waits for a moderator before it shows (without their name).
struct SubmitEvaluation {
    struct Input: Codable, Sendable {
        var satisfaction: String?
        var usefulness: String?
        var comment: String?
    }

    enum Outcome {
        case saved(ProgramEvaluation)
        case invalid(FormErrors)
    }

    /// Whether this person may answer: the programme has run and they came at least once.
    static func mayAnswer(_ program: Program, account: UUID?, on db: any Database) async throws -> Bool {
        guard let account, let id = program.id, [.berjalan, .selesai].contains(program.programStatus) else { return false }
        return try await Registration.query(on: db).filter(\.$programID == id).filter(\.$accountID == account).filter(\.$attended == true).first() != nil
    }

    func run(_ program: Program, _ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard let accountID = ctx.principal.accountID else { throw UserFacingError.signInRequired }
        guard try await Self.mayAnswer(program, account: accountID, on: ctx.db) else {
            throw UserFacingError(.forbidden, Phrase("Evaluasi diisi oleh peserta yang sudah hadir di program ini.", "The evaluation is for participants who attended."))
        }
        let programID = try program.requireID()
        var errors = FormErrors()
        if try await ProgramEvaluation.query(on: ctx.db).filter(\.$programID == programID).filter(\.$accountID == accountID).first() != nil {
            errors.add("satisfaction", Phrase("Anda sudah mengisi evaluasi program ini. Terima kasih.", "You have answered this evaluation already. Thank you."))
            return .invalid(errors)
        }
        let satisfaction = Int(input.satisfaction ?? "") ?? 0
        let usefulness = Int(input.usefulness ?? "") ?? 0
        if !EvaluationAnswer.scale.contains(satisfaction) { errors.add("satisfaction", Phrase("Pilih nilai kepuasan 1 sampai 5.", "Choose a satisfaction score from 1 to 5.")) }
        if !EvaluationAnswer.scale.contains(usefulness) { errors.add("usefulness", Phrase("Pilih nilai manfaat 1 sampai 5.", "Choose a usefulness score from 1 to 5.")) }
        let comment = TextInput.clean(input.comment ?? "")
        if comment.count > 1000 { errors.add("comment", Phrase("Komentar paling panjang 1.000 huruf.", "At most 1,000 characters.")) }
        guard errors.isEmpty else { return .invalid(errors) }
        let evaluation = ProgramEvaluation()
        evaluation.id = UUID()
        evaluation.programID = programID
        evaluation.accountID = accountID
        evaluation.satisfaction = satisfaction
        evaluation.usefulness = usefulness
        evaluation.comment = comment
        evaluation.commentStatus = (comment.isEmpty ? ProgramEvaluation.CommentStatus.kosong : .menunggu).rawValue
        evaluation.createdMillis = ctx.now.millis
        do {
            try await ctx.writes.transaction { db in
                try await evaluation.create(on: db)
                try await ProgramGuard.audit(program, "program.evaluation", comment.isEmpty ? "evaluasi diisi" : "evaluasi diisi, dengan komentar menunggu moderasi",
                                             ctx: ctx, on: db)
            }
        } catch where error.isConstraintFailure {
            errors.add("satisfaction", Phrase("Anda sudah mengisi evaluasi program ini. Terima kasih.", "You have answered this evaluation already. Thank you."))
            return .invalid(errors)
        }
        return .saved(evaluation)
    }
}

/// A moderator (or Bappeda) lets an evaluation comment show publicly, or keeps it hidden with a reason.
struct ModerateEvaluationComment {
    struct Input: Codable, Sendable {
        var decision: String?
        var reason: String?
    }

    func run(_ id: String?, _ input: Input, in ctx: Invocation) async throws -> Program {
        guard ctx.principal.accountID != nil else { throw UserFacingError.signInRequired }
        guard ctx.actor.can(.moderate(ctx.settings.kabupaten)) else { throw UserFacingError.forbidden }
        guard let id = UUID(uuidString: id ?? ""), let evaluation = try await ProgramEvaluation.find(id, on: ctx.db),
              let program = try await Program.find(evaluation.programID, on: ctx.db) else {
            throw UserFacingError(.notFound, Phrase("Jawaban evaluasi itu tidak ada.", "That evaluation answer does not exist."))
        }
        let decision: ProgramEvaluation.CommentStatus
        switch input.decision {
        case "tampil": decision = .tampil
        case "sembunyikan": decision = .disembunyikan
        default: throw UserFacingError(.unprocessableEntity, Phrase("Pilih tampilkan atau sembunyikan.", "Choose show or hide."))
        }
        guard evaluation.status != .kosong else {
            throw UserFacingError(.conflict, Phrase("Jawaban ini tidak berkomentar.", "This answer has no comment."))
        }
        let reason = CleanText.line(input.reason ?? "")
        if decision == .disembunyikan && !(5...300).contains(reason.count) {
            throw UserFacingError(.unprocessableEntity, Phrase("Tulis alasan menyembunyikan komentar, 5–300 huruf.", "Give a reason for hiding, 5–300 characters."))
        }
        evaluation.commentStatus = decision.rawValue
        try await ctx.writes.transaction { db in
            try await evaluation.update(on: db)
            try await ProgramGuard.audit(program, "program.evaluation.moderated",
                                         decision == .tampil ? "komentar evaluasi ditampilkan" : "komentar evaluasi disembunyikan", reason: reason, ctx: ctx, on: db)
        }
        return program
    }
}

/// Three and six months after a UMKM programme's last session, each participant with a baseline who has not reported
/// that follow-up yet is asked once (inbox, and their chosen channels) to record how the business is doing.
public struct SendFollowUpPrompts {
    public init() {}

    @discardableResult
    public func run(in ctx: Invocation) async throws -> Int {
        let today = ctx.today
        let since = today.adding(months: -(FollowUpSchedule.months.max()! + 3)).startOfDay().millis
        // A programme can be due only if its last session ended about a first follow-up ago: two queries find those
        // (a few days' slack for month ends, where adding months clamps); `FollowUpSchedule.due` decides exactly.
        let dueBefore = today.adding(months: -FollowUpSchedule.months.min()!).adding(days: 4).startOfDay().millis
        let recent = try await ProgramSession.query(on: ctx.db).filter(\.$endsMillis >= since).all()
        let lastEnd = Dictionary(recent.map { ($0.$program.id, $0.endsMillis) }, uniquingKeysWith: max).filter { $0.value < dueBefore }
        guard !lastEnd.isEmpty else { return 0 }
        let types = ProgramType.allCases.filter(\.isUMKM).map(\.rawValue)
        let programs = try await Program.query(on: ctx.db).filter(\.$id ~~ Array(lastEnd.keys)).filter(\.$type ~~ types)
            .filter(\.$status ~~ [ProgramStatus.berjalan.rawValue, ProgramStatus.selesai.rawValue]).all()
        var sent = 0
        for program in programs {
            let id = try program.requireID()
            guard let end = lastEnd[id] else { continue }
            let due = FollowUpSchedule.due(lastSession: LocalDate(Date(millis: end)), today: today)
            guard let months = due.last else { continue }
            let moment: BusinessReport.Moment = months >= 6 ? .enamBulan : .tigaBulan
            sent += try await ctx.writes.transaction { db in
                let reports = try await BusinessReport.query(on: db).filter(\.$programID == id).all()
                let prompted = Set(try await FollowUpPrompt.query(on: db).filter(\.$programID == id).filter(\.$moment == moment.rawValue).all().map(\.accountID))
                let baseline = Set(reports.filter { $0.moment == BusinessReport.Moment.awal.rawValue }.map(\.accountID))
                let reported = Set(reports.filter { $0.moment == moment.rawValue }.map(\.accountID))
                var count = 0
                for accountID in baseline.subtracting(reported).subtracting(prompted).sorted(by: { $0.uuidString < $1.uuidString }) {
                    let prompt = FollowUpPrompt()
                    prompt.programID = id
                    prompt.accountID = accountID
                    prompt.moment = moment.rawValue
                    prompt.sentMillis = ctx.now.millis
                    try await prompt.create(on: db)
                    count += 1
                    guard let person = try await Account.find(accountID, on: db), !person.isDisabled else { continue }
                    try await Notifier.send(to: person, Notice(
                        title: Phrase("Bagaimana usaha Anda \(months) bulan setelah \(program.title)?", "How is your business \(months) months after \(program.title)?"),
                        body: Phrase("Isi omzet, karyawan dan cara berjualan Anda sekarang. Angka Anda tidak pernah ditampilkan; hanya median seluruh peserta.",
                                     "Enter your revenue, staff and sales channels now. Your figures are never shown; only the median of all participants."),
                        link: SiteRoute.programBusiness(id.uuidString).path), in: ctx, on: db)
                }
                return count
            }
        }
        return sent
    }
}
