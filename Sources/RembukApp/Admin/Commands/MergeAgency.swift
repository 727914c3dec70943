import Fluent
import Foundation
import RembukCore

/// After a reorganisation Bappeda merges one perangkat daerah into another. The old one stays (inactive, pointing
/// at its successor) so decisions, finished projects and the audit trail keep the name they were made under; what is
/// still going on moves: its sectors, its staff's roles and agency tokens, the kamus items and complaint categories
/// routed to it, usulan not yet decided, projects and programmes not finished, complaints not closed.
struct MergeAgency {
    struct Input: Codable, Sendable {
        var into: String?
        var reason: String?
    }

    struct Moved: Sendable, Equatable {
        var roles = 0, tokens = 0, usulan = 0, projects = 0, programs = 0, complaints = 0, kamus = 0, categories = 0
    }

    enum Outcome {
        case merged(into: String, Moved)
        case invalid(FormErrors)
    }

    func run(_ key: String, _ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard ctx.principal.accountID != nil else { throw UserFacingError.signInRequired }
        try StaffRules.requireAdmin(ctx)
        let kabupaten = ctx.settings.kabupaten.value
        guard let from = try await Agency.find(key, on: ctx.db), from.kabupatenCode == kabupaten else { throw UserFacingError.notFound }
        var errors = FormErrors()
        if from.mergedInto != nil {
            errors.add(Phrase("Perangkat daerah ini sudah digabung sebelumnya.", "This agency was merged before."))
        }
        let target = try await Agency.find(input.into ?? "", on: ctx.db)
        if target == nil || target?.kabupatenCode != kabupaten || target?.active != true || target?.id == from.id {
            errors.add("into", Phrase("Pilih perangkat daerah aktif lain yang menerima tugasnya.", "Choose another active agency that takes over."))
        }
        let reason = CleanText.line(input.reason ?? "")
        if !(3...300).contains(reason.count) {
            errors.add("reason", Phrase("Tulis dasar penggabungan (misalnya nomor Perda/Perbup), 3–300 huruf.",
                                        "Give the basis for the merger (e.g. the regulation's number), 3–300 characters."))
        }
        guard errors.isEmpty, let target, let targetKey = target.id else { return .invalid(errors) }
        let identity = ctx.identity
        let now = ctx.now
        let moved = try await ctx.writes.transaction { db -> Moved in
            var moved = Moved()
            target.sectors = Bidang.allCases.filter { target.sectors.contains($0) || from.sectors.contains($0) }
            try await target.update(on: db)
            from.sectors = []
            from.active = false
            from.mergedInto = targetKey
            try await from.update(on: db)
            try await Agency.query(on: db).filter(\.$mergedInto == key).set(\.$mergedInto, to: targetKey).update()

            let grants = try await RoleGrant.query(on: db).filter(\.$agencyID == key).filter(\.$revokedAt == nil).all()
            for grant in grants {
                grant.revokedAt = now
                grant.revokedBy = UUID(uuidString: identity.id)
                try await grant.update(on: db)
                let holds = try await RoleGrant.query(on: db).filter(\.$account.$id == grant.$account.id).filter(\.$role == grant.role)
                    .filter(\.$agencyID == targetKey).filter(\.$revokedAt == nil).count() > 0
                if !holds, let role = Role(rawValue: grant.role), let moving = try? Grant.make(role: role, scope: .agency(targetKey)).get() {
                    try await RoleGrant(accountID: grant.$account.id, grant: moving, grantedBy: UUID(uuidString: identity.id)).create(on: db)
                }
                try await AuditLog.append(AuditDraft(actor: identity, action: "role.moved", subjectType: "account",
                                                     subjectID: grant.$account.id.uuidString, regionCode: kabupaten,
                                                     summary: "\(grant.role) @ \(key) → \(grant.role) @ \(targetKey)", reason: reason), on: db, now: now)
                moved.roles += 1
            }
            moved.tokens = try await ApiToken.query(on: db).filter(\.$agencyID == key).filter(\.$revokedAt == nil).count()
            try await ApiToken.query(on: db).filter(\.$agencyID == key).filter(\.$revokedAt == nil).set(\.$agencyID, to: targetKey).update()
            moved.kamus = try await KamusItem.query(on: db).filter(\.$agency == key).count()
            try await KamusItem.query(on: db).filter(\.$agency == key).set(\.$agency, to: targetKey).update()
            moved.categories = try await ComplaintCategory.query(on: db).filter(\.$agency == key).count()
            try await ComplaintCategory.query(on: db).filter(\.$agency == key).set(\.$agency, to: targetKey).update()

            let openUsulan = UsulanStatus.allCases.filter { !$0.isFinal }.map(\.rawValue)
            moved.usulan = try await Usulan.query(on: db).filter(\.$targetAgency == key).filter(\.$status ~~ openUsulan).count()
            try await Usulan.query(on: db).filter(\.$targetAgency == key).filter(\.$status ~~ openUsulan).set(\.$targetAgency, to: targetKey).update()
            let runningProjects = ProjectStatus.allCases.filter { $0 != .selesai }.map(\.rawValue)
            moved.projects = try await Project.query(on: db).filter(\.$agency == key).filter(\.$status ~~ runningProjects).count()
            try await Project.query(on: db).filter(\.$agency == key).filter(\.$status ~~ runningProjects).set(\.$agency, to: targetKey).update()
            let runningPrograms = ProgramStatus.allCases.filter { $0 != .selesai && $0 != .dibatalkan }.map(\.rawValue)
            moved.programs = try await Program.query(on: db).filter(\.$agency == key).filter(\.$status ~~ runningPrograms).count()
            try await Program.query(on: db).filter(\.$agency == key).filter(\.$status ~~ runningPrograms).set(\.$agency, to: targetKey).update()
            let openComplaints = ComplaintStatus.allCases.filter { !$0.isClosed }.map(\.rawValue)
            moved.complaints = try await Complaint.query(on: db).filter(\.$agency == key).filter(\.$status ~~ openComplaints).count()
            try await Complaint.query(on: db).filter(\.$agency == key).filter(\.$status ~~ openComplaints).set(\.$agency, to: targetKey).update()

            try await AuditLog.append(AuditDraft(
                actor: identity, action: "agency.merged", subjectType: "agency", subjectID: key, regionCode: kabupaten,
                summary: "\(from.shortName) digabung ke \(target.shortName): \(moved.roles) peran, \(moved.tokens) token, \(moved.usulan) usulan, " +
                    "\(moved.projects) proyek, \(moved.programs) program, \(moved.complaints) pengaduan, \(moved.kamus) item kamus, \(moved.categories) kategori pengaduan dipindahkan",
                reason: reason), on: db, now: now)
            try await AgencyAudit.append("agency.updated", target, reason: "menerima tugas \(from.shortName)", in: ctx, on: db)
            return moved
        }
        return .merged(into: targetKey, moved)
    }
}
