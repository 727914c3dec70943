import Fluent
import Foundation
import RembukCore

/// Writes one step of an usulan's life: the timeline entry, the audit record, and the notices to the
/// proposer and to followers. Called inside the command's transaction.
enum UsulanTimeline {
    static func record(_ usulan: Usulan, step: UsulanStep, from: UsulanStatus, to: UsulanStatus, actor: Principal.Identity,
                       note: String, reason: RejectionReason? = nil, changedVolume: Double? = nil, changedCost: Int64? = nil,
                       related: UUID? = nil, on db: any Database, now: Date, notify ctx: Invocation? = nil) async throws {
        let id = try usulan.requireID()
        let (event, draft) = entry(usulan, step: step, from: from, to: to, actor: actor, note: note, reason: reason,
                                   changedVolume: changedVolume, changedCost: changedCost, related: related, now: now)
        try await event.create(on: db)
        try await AuditLog.append(draft, on: db, now: now)
        guard let ctx, to != from else { return }
        let notice = Notice(
            title: Phrase("Usulan \(usulan.number): \(to.label(.id))", "Proposal \(usulan.number): \(to.label(.en))"),
            body: Phrase("“\(usulan.title)” sekarang berstatus \(to.label(.id)).\(note.isEmpty ? "" : " Catatan: \(note)")",
                         "“\(usulan.title)” is now \(to.label(.en)).\(note.isEmpty ? "" : " Note: \(note)")"),
            link: SiteRoute.usulan(id.uuidString).path)
        if let proposer = try await Account.find(usulan.proposerID, on: db), proposer.id?.uuidString != actor.id {
            try await Notifier.send(to: proposer, notice, in: ctx, on: db)
        }
        try await Notifier.notifyFollowers(subjectType: "usulan", subjectID: id.uuidString, notice,
                                           except: usulan.proposerID, in: ctx, on: db)
    }

    /// The timeline entry and the audit record of one step, not yet written (a bulk import writes many at once).
    static func entry(_ usulan: Usulan, step: UsulanStep, from: UsulanStatus, to: UsulanStatus, actor: Principal.Identity,
                      note: String, reason: RejectionReason? = nil, changedVolume: Double? = nil, changedCost: Int64? = nil,
                      related: UUID? = nil, now: Date) -> (UsulanEvent, AuditDraft) {
        let id = usulan.id ?? UUID()
        let event = UsulanEvent()
        event.id = UUID()
        event.$usulan.id = id
        event.step = step.rawValue
        event.fromStatus = from.rawValue
        event.toStatus = to.rawValue
        event.actorLabel = actor.inTrail(subjectType: "usulan", subjectID: id.uuidString).label   // public, like the trail
        event.reasonCode = reason?.rawValue
        event.note = note
        event.changedVolume = changedVolume
        event.changedCost = changedCost
        event.relatedUsulan = related
        event.at = now
        var summary = "\(usulan.number): \(from.rawValue) → \(to.rawValue)"
        if let changedCost { summary += "; biaya menjadi \(Rupiah(changedCost).formatted)" }
        let draft = AuditDraft(actor: actor, action: "usulan.\(step.rawValue)", subjectType: "usulan", subjectID: id.uuidString,
                               regionCode: usulan.desaCode, summary: summary,
                               reason: [reason?.label(.id), note.isEmpty ? nil : note].compactMap { $0 }.joined(separator: ": "))
        return (event, draft)
    }
}
