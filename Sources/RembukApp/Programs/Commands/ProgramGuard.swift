import Fluent
import Foundation
import RembukCore

/// The checks every programme command starts with: it exists, and this person runs it (staff of its agency, or Bappeda).
enum ProgramGuard {
    static func find(_ id: String?, on db: any Database) async throws -> Program {
        guard let id = UUID(uuidString: id ?? ""), let program = try await Program.find(id, on: db) else {
            throw UserFacingError(.notFound, Phrase("Program itu tidak ada.", "That programme does not exist."))
        }
        return program
    }

    static func session(_ id: String?, on db: any Database) async throws -> (ProgramSession, Program) {
        guard let id = UUID(uuidString: id ?? ""), let session = try await ProgramSession.query(on: db).filter(\.$id == id).with(\.$program).first() else {
            throw UserFacingError(.notFound, Phrase("Sesi itu tidak ada.", "That session does not exist."))
        }
        return (session, session.program)
    }

    static func mayManage(_ program: Program, _ actor: Actor) -> Bool {
        actor.can(.actForAgency(program.agency))
    }

    static func requireManager(_ program: Program, _ ctx: Invocation) throws {
        guard ctx.principal.accountID != nil || ctx.identity == .system else { throw UserFacingError.signInRequired }
        guard mayManage(program, ctx.actor) else {
            throw UserFacingError(.forbidden, Phrase("Program ini dikelola perangkat daerah lain.", "Another agency runs this programme."))
        }
    }

    /// Users of a partner whose agreement in force covers this programme help run it: attendance, activity logs, mentoring.
    static func mayHelp(_ program: Program, _ actor: Actor, today: LocalDate, on db: any Database) async throws -> Bool {
        if mayManage(program, actor) { return true }
        guard !actor.partners.isEmpty, let id = program.id else { return false }
        return mayHelp(program, actor, coHosts: try await PartnerGuard.coHosts(ofProgram: id, on: today, db: db))
    }

    /// The same, when the page has its co-hosts at hand already.
    static func mayHelp(_ program: Program, _ actor: Actor, coHosts: [Partner]) -> Bool {
        mayManage(program, actor) || coHosts.contains { actor.partners.contains($0.id ?? "") }
    }

    static func requireHelper(_ program: Program, _ ctx: Invocation) async throws {
        guard ctx.principal.accountID != nil || ctx.identity == .system else { throw UserFacingError.signInRequired }
        guard try await mayHelp(program, ctx.actor, today: ctx.today, on: ctx.db) else {
            throw UserFacingError(.forbidden, Phrase("Program ini dijalankan perangkat daerah lain dan mitranya.", "Another agency and its partners run this programme."))
        }
    }

    static func audit(_ program: Program, _ action: String, _ summary: String, reason: String = "", ctx: Invocation, on db: any Database) async throws {
        try await AuditLog.append(AuditDraft(actor: ctx.identity, action: action, subjectType: "program", subjectID: try program.requireID().uuidString,
                                             regionCode: ctx.settings.kabupaten.value, summary: "\(program.number) \(program.title): \(summary)",
                                             reason: reason), on: db, now: ctx.now)
    }

    /// `Sabtu, 12 Desember 2026 pukul 09.00 WIB`, for notices.
    static func when(_ session: ProgramSession) -> String { DateText.dateTime(session.startsAt) }
}
