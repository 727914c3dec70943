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

    /// How the reporter appears: by their pseudonym on this complaint on a public one, otherwise hidden (admins see the
    /// pseudonym).
    static func reporterLabel(_ complaint: Complaint, to principal: Principal, settings: Settings) -> String? {
        guard complaint.complaintPrivacy.showsReporter || isAdmin(principal.actor, kabupaten: settings.kabupaten) || isReporter(principal, of: complaint),
              let id = complaint.id else { return nil }
        return Principal.citizenLabel(complaint.reporterID, secret: settings.secret, on: "complaint:" + id.uuidString)
    }

    /// How the actor of a step appears on the complaint's own timeline (seen by the reporter and the staff who handle
    /// it): a reporter who asked to stay hidden as "Pelapor (dirahasiakan)", everyone else as themselves.
    static func timelineIdentity(_ complaint: Complaint, _ ctx: Invocation) -> Principal.Identity {
        if ctx.principal.accountID == complaint.reporterID && !complaint.complaintPrivacy.showsReporter { return hiddenReporter }
        return ctx.identity.inTrail(subjectType: "complaint", subjectID: complaint.id?.uuidString ?? "")
    }

    /// How the actor appears in the public trail: as on the timeline, except that on a confidential complaint staff
    /// are not named either, since a name or an agency would say where the complaint went.
    static func auditIdentity(_ complaint: Complaint, _ ctx: Invocation) -> Principal.Identity {
        guard complaint.complaintPrivacy == .rahasia else { return timelineIdentity(complaint, ctx) }
        return ctx.principal.accountID == complaint.reporterID ? hiddenReporter : Principal.Identity(id: "petugas-dirahasiakan", label: "Petugas (dirahasiakan)")
    }

    static let hiddenReporter = Principal.Identity(id: "pelapor-dirahasiakan", label: "Pelapor (dirahasiakan)")

    /// The public record of a complaint's step. The trail is public from the moment it is written and can never be
    /// changed, while a complaint is hidden until verified and may be made confidential later: so no record carries
    /// anything a person wrote (title, place, story, notes, reasons), only the number and the change of status.
    /// A confidential complaint's records carry not even that: no number, no id that would link its records into a
    /// timeline, no desa, no agency, no names (`ComplaintAuditTests`).
    static func audit(_ complaint: Complaint, _ action: String, _ change: String, agency: String = "", noted: Bool = false,
                      ctx: Invocation, on db: any Database) async throws {
        let actor = auditIdentity(complaint, ctx)
        let draft: AuditDraft
        if complaint.complaintPrivacy == .rahasia {
            draft = AuditDraft(actor: actor, action: action, subjectType: "complaint", subjectID: "", summary: "Pengaduan rahasia: \(change)")
        } else {
            draft = AuditDraft(actor: actor, action: action, subjectType: "complaint",
                               subjectID: try complaint.requireID().uuidString, regionCode: complaint.desaCode,
                               summary: "\(complaint.number): \(change)" + (agency.isEmpty ? "" : " (\(agency))"),
                               reason: noted ? "dicatat pada riwayat pengaduan" : "")
        }
        try await AuditLog.append(draft, on: db, now: ctx.now)
    }

    static func find(_ id: String?, on db: any Database) async throws -> Complaint {
        guard let id = UUID(uuidString: id ?? ""), let complaint = try await Complaint.find(id, on: db) else {
            throw UserFacingError(.notFound, Phrase("Pengaduan itu tidak ada.", "That complaint does not exist."))
        }
        return complaint
    }
}
