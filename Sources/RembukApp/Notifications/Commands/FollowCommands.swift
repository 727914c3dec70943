import Fluent
import Foundation
import RembukCore

/// Follow or stop following a subject. The kinds of subject that can be followed are listed here, and the
/// subject must exist; later components add their kinds (usulan, projects …).
struct ChangeFollow {
    struct Input: Codable, Sendable {
        var subject_type: String?
        var subject_id: String?
    }

    enum Kind: String, CaseIterable { case region, usulan, project }

    let follow: Bool

    func run(_ input: Input, in ctx: Invocation) async throws -> (kind: Kind, id: String) {
        guard ctx.actor.can(.useOwnAccount), let accountID = ctx.principal.accountID else { throw UserFacingError.signInRequired }
        guard let kind = Kind(rawValue: input.subject_type ?? ""), let subjectID = input.subject_id else {
            throw UserFacingError(.badRequest, Phrase("Yang ingin diikuti tidak dikenal.", "Unknown thing to follow."))
        }
        switch kind {
        case .region:
            guard let code = RegionCode(subjectID), try await Region.find(code.value, on: ctx.db) != nil else {
                throw UserFacingError(.notFound, Phrase("Wilayah itu tidak ada.", "That region does not exist."))
            }
        case .usulan:
            guard let id = UUID(uuidString: subjectID), let usulan = try await Usulan.find(id, on: ctx.db),
                  usulan.workflowStatus != .draft else {
                throw UserFacingError(.notFound, Phrase("Usulan itu tidak ada.", "That proposal does not exist."))
            }
        case .project:
            _ = try await ProjectGuard.find(subjectID, on: ctx.db)
        }
        let identity = ctx.identity
        let follow = self.follow
        try await ctx.writes.transaction { db in
            let existing = try await Follow.query(on: db).filter(\.$account.$id == accountID)
                .filter(\.$subjectType == kind.rawValue).filter(\.$subjectID == subjectID).first()
            switch (follow, existing) {
            case (true, nil):
                try await Follow(accountID: accountID, subjectType: kind.rawValue, subjectID: subjectID).create(on: db)
            case let (false, existing?):
                try await existing.delete(on: db)
            default:
                return   // already in the wanted state: nothing changes, nothing to audit
            }
            try await AuditLog.append(AuditDraft(actor: identity, action: follow ? "follow.started" : "follow.stopped",
                                                 subjectType: kind.rawValue, subjectID: subjectID,
                                                 regionCode: kind == .region ? subjectID : ""), on: db, now: ctx.now)
        }
        return (kind, subjectID)
    }
}

/// Marks one inbox item, or all of them, as read.
struct MarkInboxRead {
    func run(itemID: UUID?, in ctx: Invocation) async throws {
        guard let accountID = ctx.principal.accountID else { throw UserFacingError.signInRequired }
        // Someone else's message is, for this account, a message that does not exist.
        if let itemID, try await InboxItem.query(on: ctx.db).filter(\.$account.$id == accountID).filter(\.$id == itemID).count() == 0 {
            throw UserFacingError.notFound
        }
        let now = ctx.now
        try await ctx.writes.transaction { db in
            let query = InboxItem.query(on: db).filter(\.$account.$id == accountID).filter(\.$readAt == nil)
            if let itemID { query.filter(\.$id == itemID) }
            try await query.set(\.$readAt, to: now).update()
        }
    }
}
