import Fluent
import Foundation
import RembukCore

/// The checks every project command starts with: the project exists and this person acts for its agency
/// (its own OPD staff, or Bappeda).
enum ProjectGuard {
    static func find(_ id: String?, on db: any Database) async throws -> Project {
        guard let id = UUID(uuidString: id ?? ""), let project = try await Project.find(id, on: db) else {
            throw UserFacingError(.notFound, Phrase("Proyek itu tidak ada.", "That project does not exist."))
        }
        return project
    }

    static func mayManage(_ project: Project, _ actor: Actor) -> Bool {
        actor.can(.actForAgency(project.agency))
    }

    static func requireManager(_ project: Project, _ ctx: Invocation) throws {
        guard ctx.principal.accountID != nil || ctx.identity == .system else { throw UserFacingError.signInRequired }
        guard mayManage(project, ctx.actor) else {
            throw UserFacingError(.forbidden, Phrase("Proyek ini dikelola perangkat daerah lain.", "Another agency manages this project."))
        }
    }

    static let finished = UserFacingError(.conflict, Phrase("Proyek ini sudah selesai; laporan dan perubahan tidak bisa ditambahkan lagi.",
                                                            "This project is done; no more reports or changes can be added."))

    static func audit(_ project: Project, _ action: String, _ summary: String, reason: String = "", ctx: Invocation, on db: any Database) async throws {
        try await AuditLog.append(AuditDraft(actor: ctx.identity, action: action, subjectType: "project", subjectID: try project.requireID().uuidString,
                                             regionCode: project.desaCode, summary: "\(project.number) \(project.title): \(summary)", reason: reason),
                                  on: db, now: ctx.now)
    }

    /// The usulan a project carries out.
    static func linkedUsulan(_ project: Project, on db: any Database) async throws -> [Usulan] {
        let links = try await ProjectUsulan.query(on: db).filter(\.$project.$id == project.requireID()).with(\.$usulan).all()
        return links.map(\.usulan).sorted { $0.title < $1.title }
    }

    /// Brings each linked usulan to the status the project's status puts it in, step by step, on its timeline
    /// (with the proposer and followers told). Inside the command's transaction.
    static func moveLinkedUsulan(_ usulan: [Usulan], to status: ProjectStatus, project: Project, ctx: Invocation, on db: any Database) async throws {
        for item in usulan {
            var current = item.workflowStatus
            for step in status.usulanSteps(from: current) {
                guard let next = UsulanWorkflow.next(step, from: current) else { break }
                item.status = next.rawValue
                try await item.update(on: db)
                try await UsulanTimeline.record(item, step: step, from: current, to: next, actor: ctx.identity,
                                                note: "Proyek \(project.number): \(project.title)", on: db, now: ctx.now, notify: ctx)
                current = next
            }
        }
    }
}
