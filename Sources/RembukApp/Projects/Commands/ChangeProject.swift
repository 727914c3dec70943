import Fluent
import Foundation
import RembukCore

/// The OPD moves a project on (perencanaan → pengadaan → pelaksanaan → selesai), holds it up with a reason,
/// or resumes it. Its usulan follow on their timelines; followers are told.
struct ChangeProjectStatus {
    enum Outcome {
        case changed
        case refused(FormErrors)
    }

    func run(to raw: String?, reason rawReason: String?, expecting: String?, project: Project, in ctx: Invocation) async throws -> Outcome {
        try ProjectGuard.requireManager(project, ctx)
        var errors = FormErrors()
        guard let next = ProjectStatus(rawValue: raw ?? "") else {
            throw UserFacingError(.badRequest, Phrase("Status proyek itu tidak dikenal.", "Unknown project status."))
        }
        let current = project.projectStatus
        let resumeTo = project.heldFrom.flatMap(ProjectStatus.init(rawValue:))
        let reason = CleanText.line(rawReason ?? "")
        if !current.canMove(to: next, resumeTo: resumeTo) {
            errors.add("status", Phrase("Proyek berstatus \(current.label(.id)) tidak bisa menjadi \(next.label(.id)).",
                                        "A project that is \(current.label(.en)) cannot become \(next.label(.en))."))
        }
        if next == .terhambat, !(5...300).contains(reason.count) {
            errors.add("reason", Phrase("Tulis apa yang menghambat (5–300 huruf); warga membacanya di halaman proyek.",
                                        "Say what is holding it up (5–300 characters); citizens read it on the project page."))
        }
        if next == .selesai, !ProjectStatus.canFinish(physicalBasisPoints: project.progress) {
            errors.add("status", Phrase("Proyek baru bisa selesai setelah laporan kemajuan menyatakan 100 % (sekarang \(ProgressRule.percentText(project.progress))).",
                                        "A project is done only after a report says 100 % (now \(ProgressRule.percentText(project.progress)))."))
        }
        guard errors.isEmpty else { return .refused(errors) }
        let id = try project.requireID()
        try await ctx.writes.transaction { db in
            try await db.lockRow(Project.schema, id: id)
            guard let fresh = try await Project.find(id, on: db), fresh.status == (expecting ?? current.rawValue), fresh.status == current.rawValue else {
                throw UserFacingError(.conflict, Phrase("Status proyek ini baru saja diubah; muat ulang halamannya.",
                                                        "This project's status has just changed; reload the page."))
            }
            project.heldFrom = next == .terhambat ? current.rawValue : nil
            project.status = next.rawValue
            try await project.update(on: db)
            try await ProjectEvent(projectID: id, kind: .status, from: current.rawValue, to: next.rawValue, note: reason,
                                   actor: ctx.identity.label, at: ctx.now).create(on: db)
            try await ProjectGuard.audit(project, "project.status", "\(current.label(.id)) → \(next.label(.id))", reason: reason, ctx: ctx, on: db)
            try await ProjectGuard.moveLinkedUsulan(try await ProjectGuard.linkedUsulan(project, on: db), to: next, project: project, ctx: ctx, on: db)
            let notice = Notice(
                title: Phrase("Proyek \(project.number): \(next.label(.id))", "Project \(project.number): \(next.label(.en))"),
                body: Phrase("“\(project.title)” sekarang berstatus \(next.label(.id)).\(reason.isEmpty ? "" : " \(reason)")",
                             "“\(project.title)” is now \(next.label(.en)).\(reason.isEmpty ? "" : " \(reason)")"),
                link: SiteRoute.project(id.uuidString).path)
            try await ProjectFollowers.notify(project, notice, in: ctx, on: db)
        }
        return .changed
    }
}

/// A recorded budget change: the pagu moves (APBD-P, a partner adds money) with its reason, never below
/// what has been realised.
struct ChangeProjectPagu {
    enum Outcome {
        case changed
        case refused(FormErrors)
    }

    func run(pagu raw: String?, reason rawReason: String?, project: Project, in ctx: Invocation) async throws -> Outcome {
        try ProjectGuard.requireManager(project, ctx)
        if project.projectStatus == .selesai { throw ProjectGuard.finished }
        var errors = FormErrors()
        let pagu = Rupiah.parse(raw ?? "")
        if pagu == nil || pagu!.amount <= 0 || pagu!.amount > SaveProject.maximumPagu {
            errors.add("pagu", Phrase("Pagu baru dalam rupiah, lebih dari 0, misalnya 500.000.000.", "The new budget in whole rupiah above 0."))
        } else if let pagu, pagu.amount < project.realised {
            errors.add("pagu", Phrase("Pagu tidak boleh di bawah realisasi \(Rupiah(project.realised).formatted).",
                                      "The budget cannot go below the \(Rupiah(project.realised).formatted) already spent."))
        } else if pagu?.amount == project.pagu {
            errors.add("pagu", Phrase("Pagu baru sama dengan pagu sekarang.", "The new budget is the same as the current one."))
        }
        let reason = CleanText.line(rawReason ?? "")
        if !(5...300).contains(reason.count) {
            errors.add("pagu_reason", Phrase("Tulis dasar perubahannya (5–300 huruf), mis. APBD Perubahan 2027.", "Give the basis of the change (5–300 characters)."))
        }
        guard errors.isEmpty, let pagu else { return .refused(errors) }
        let id = try project.requireID()
        let before = project.pagu
        try await ctx.writes.transaction { db in
            project.pagu = pagu.amount
            try await project.update(on: db)
            try await ProjectEvent(projectID: id, kind: .pagu, from: String(before), to: String(pagu.amount), note: reason,
                                   actor: ctx.identity.label, at: ctx.now).create(on: db)
            try await ProjectGuard.audit(project, "project.pagu_changed", "pagu \(Rupiah(before).formatted) → \(pagu.formatted)",
                                         reason: reason, ctx: ctx, on: db)
        }
        return .changed
    }
}
