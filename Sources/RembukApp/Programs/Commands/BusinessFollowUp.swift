import Fluent
import Foundation
import RembukCore

/// A UMKM participant (or the programme's staff or mentor, for them) records the business as it is
/// 3 or 6 months after the programme. Recording the same moment again corrects it; both are audited
/// without any figure (the figures are personal; only the programme's medians are public).
struct RecordBusinessFollowUp {
    struct Input: Codable, Sendable {
        var moment: String?
        var business: BusinessInput?
    }

    enum Outcome {
        case recorded(BusinessReport)
        case invalid(FormErrors)
    }

    func run(_ program: Program, participant accountID: UUID, _ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard let actorID = ctx.principal.accountID else { throw UserFacingError.signInRequired }
        guard actorID == accountID || ProgramGuard.mayManage(program, ctx.actor) else { throw UserFacingError.forbidden }
        guard program.programType.isUMKM else {
            throw UserFacingError(.conflict, Phrase("Perkembangan usaha dicatat untuk program UMKM.", "Business follow-ups are for UMKM programmes."))
        }
        let programID = try program.requireID()
        guard try await BusinessReport.query(on: ctx.db).filter(\.$programID == programID).filter(\.$accountID == accountID)
            .filter(\.$moment == BusinessReport.Moment.awal.rawValue).first() != nil else {
            throw UserFacingError(.conflict, Phrase("Belum ada data usaha saat mendaftar untuk dibandingkan.", "There is no baseline from registration to compare with."))
        }
        var errors = FormErrors()
        let moment = BusinessReport.Moment(rawValue: input.moment ?? "")
        if moment == nil || moment == .awal { errors.add("moment", Phrase("Pilih 3 atau 6 bulan setelah program.", "Choose 3 or 6 months after the programme.")) }
        let fields = (input.business ?? BusinessInput()).checked(&errors, today: ctx.today)
        guard errors.isEmpty, let moment, let fields else { return .invalid(errors) }
        let now = ctx.now
        let report = BusinessInput.report(program: programID, account: accountID, moment: moment, fields, now: now)
        try await ctx.writes.transaction { db in
            // A second report for the same moment replaces the first.
            func earlier() -> QueryBuilder<BusinessReport> {
                BusinessReport.query(on: db).filter(\.$programID == programID).filter(\.$accountID == accountID).filter(\.$moment == moment.rawValue)
            }
            let corrects = try await earlier().count() > 0
            try await earlier().delete()
            try await report.create(on: db)
            try await ProgramGuard.audit(program, corrects ? "program.business_followup_corrected" : "program.business_followup",
                                         "perkembangan usaha \(moment.label(.id).lowercased()) dicatat" + (actorID == accountID ? " oleh peserta" : " oleh penyelenggara"),
                                         ctx: ctx, on: db)
        }
        return .recorded(report)
    }
}

/// The public outcome of a UMKM programme: medians over the participants with a baseline and a follow-up
/// (their latest), shown only when at least `minimumGroup` are measured so no one's figures can be read off.
enum ProgramOutcome {
    static let minimumGroup = 3

    static func load(_ program: Program, on db: any Database) async throws -> BusinessOutcome? {
        guard program.programType.isUMKM else { return nil }
        return measure(try await BusinessReport.query(on: db).filter(\.$programID == program.requireID()).all())
    }

    /// One programme's reports, paired per participant (baseline and latest follow-up) and measured.
    static func measure(_ reports: [BusinessReport]) -> BusinessOutcome {
        let byPerson = Dictionary(grouping: reports, by: \.accountID)
        let pairs = byPerson.values.compactMap { mine -> (baseline: BusinessFigures, latest: BusinessFigures)? in
            guard let baseline = mine.first(where: { $0.moment == BusinessReport.Moment.awal.rawValue }),
                  let latest = mine.first(where: { $0.moment == BusinessReport.Moment.enamBulan.rawValue })
                      ?? mine.first(where: { $0.moment == BusinessReport.Moment.tigaBulan.rawValue })
            else { return nil }
            return (baseline.figures, latest.figures)
        }
        return BusinessOutcome.measure(pairs)
    }
}
