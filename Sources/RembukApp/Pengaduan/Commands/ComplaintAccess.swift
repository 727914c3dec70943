import Fluent
import Foundation
import RembukCore

/// Who sees and handles a complaint. Bappeda admins handle every complaint of the kabupaten; the agency a
/// complaint was passed to sees and answers it; the reporter sees their own. The public sees only what
/// `ComplaintVisibility` allows, and the reporter of an anonymous or confidential one never by name.
enum ComplaintAccess {
    static func isAdmin(_ actor: Actor, kabupaten: RegionCode) -> Bool {
        actor.can(.managePlanning(kabupaten: kabupaten))
    }

    static func isAgency(_ actor: Actor, of complaint: Complaint) -> Bool {
        !complaint.agency.isEmpty && actor.agencies(for: .opd).contains(complaint.agency)
    }

    static func isReporter(_ principal: Principal, of complaint: Complaint) -> Bool {
        principal.accountID == complaint.reporterID
    }

    /// Whether this person may open the complaint at all.
    static func canSee(_ complaint: Complaint, _ principal: Principal, kabupaten: RegionCode) -> Bool {
        ComplaintVisibility.isPublic(complaint.complaintPrivacy, complaint.complaintStatus)
            || isReporter(principal, of: complaint) || isAdmin(principal.actor, kabupaten: kabupaten) || isAgency(principal.actor, of: complaint)
    }

    /// Complaints anyone may list (the same rule as `ComplaintVisibility`, as a query).
    static func publicQuery(on db: any Database) -> QueryBuilder<Complaint> {
        Complaint.query(on: db).filter(\.$privacy != ComplaintPrivacy.rahasia.rawValue)
            .filter(\.$status ~~ ComplaintVisibility.publicStatuses.map(\.rawValue))
    }

    /// How the reporter appears: by pseudonym on a public complaint, otherwise hidden (admins see the pseudonym).
    static func reporterLabel(_ complaint: Complaint, to principal: Principal, kabupaten: RegionCode) -> String? {
        guard complaint.complaintPrivacy.showsReporter || isAdmin(principal.actor, kabupaten: kabupaten) || isReporter(principal, of: complaint) else { return nil }
        return Principal.citizenLabel(complaint.reporterID)
    }

    /// The audit trail is public: a complaint whose reporter is hidden is recorded without the reporter's
    /// pseudonym, and a confidential one without its title or place.
    static func auditIdentity(_ complaint: Complaint, _ ctx: Invocation) -> Principal.Identity {
        guard ctx.principal.accountID == complaint.reporterID, !complaint.complaintPrivacy.showsReporter else { return ctx.identity }
        return Principal.Identity(id: "pelapor-dirahasiakan", label: "Pelapor (dirahasiakan)")
    }

    static func audit(_ complaint: Complaint, _ action: String, _ summary: String, reason: String = "", ctx: Invocation, on db: any Database) async throws {
        let confidential = complaint.complaintPrivacy == .rahasia
        try await AuditLog.append(AuditDraft(actor: auditIdentity(complaint, ctx), action: action, subjectType: "complaint",
                                             subjectID: try complaint.requireID().uuidString,
                                             regionCode: confidential ? "" : complaint.desaCode,
                                             summary: confidential ? "Pengaduan rahasia: \(summary)" : "\(complaint.number) \(complaint.title): \(summary)",
                                             reason: confidential ? "" : reason), on: db, now: ctx.now)
    }

    static func find(_ id: String?, on db: any Database) async throws -> Complaint {
        guard let id = UUID(uuidString: id ?? ""), let complaint = try await Complaint.find(id, on: db) else {
            throw UserFacingError(.notFound, Phrase("Pengaduan itu tidak ada.", "That complaint does not exist."))
        }
        return complaint
    }
}
