import Fluent
import Foundation
import RembukCore

/// The OPD reports a project's progress: physical %, money realised so far, notes, problems and photos.
/// Progress and money may go down only with a reason (a recount, damage); money may not pass the pagu
/// (change the pagu first, with its reason). Followers and the proposers of its usulan are told.
struct ReportProgress {
    struct Input: Codable, Sendable {
        var reported_on: String?
        var progress: String?
        var realised: String?
        var notes: String?
        var problems: String?
        var reason: String?
    }

    enum Outcome {
        case reported(ProjectReport)
        case invalid(FormErrors)
    }

    static let maximumPhotos = 6

    /// A report that passed every check, ready to store.
    struct Checked: Sendable {
        let day: LocalDate
        let progress: Int
        let realised: Rupiah
        let notes: String
        let problems: String
        let reason: String
    }

    func run(_ form: SubmittedForm, project: Project, in ctx: Invocation) async throws -> Outcome {
        try Self.authorise(project, ctx)
        let input = (try? form.decode(Input.self)) ?? Input()
        var (checked, errors) = try await Self.check(input, project: project, in: ctx)
        let uploads = try await StoreUploads(subjectType: "project_report").run(form, in: ctx)
        errors.merge(uploads.errors)
        if uploads.stored.contains(where: { $0.kind?.isImage != true }) {
            errors.add(StoreUploads.field, Phrase("Laporan kemajuan hanya menerima foto (JPG, PNG, WebP, GIF).", "Progress reports take photos only (JPG, PNG, WebP, GIF)."))
        }
        if uploads.stored.count > Self.maximumPhotos {
            errors.add(StoreUploads.field, Phrase("Paling banyak \(Self.maximumPhotos) foto per laporan.", "At most \(Self.maximumPhotos) photos per report."))
        }
        guard errors.isEmpty, let checked else {
            // Files sent with a refused report are not kept: the form asks for them again.
            try await StoreUploads.discard(uploads.stored, in: ctx)
            return .invalid(errors)
        }
        return .reported(try await Self.store(checked, photos: uploads.stored, project: project, in: ctx))
    }

    /// The agency's staff (or Bappeda), with the scope to report when it is a token, on a project still running.
    static func authorise(_ project: Project, _ ctx: Invocation) throws {
        try ProjectGuard.requireManager(project, ctx)
        try ctx.requireScope(.projectsReport)
        if project.projectStatus == .selesai { throw ProjectGuard.finished }
    }

    /// The checks of one report against the project's last one and its pagu.
    static func check(_ input: Input, project: Project, in ctx: Invocation) async throws -> (Checked?, FormErrors) {
        var errors = FormErrors()
        let day = LocalDate(iso: (input.reported_on ?? "").trimmingCharacters(in: .whitespaces))
        let last = try await ProjectReport.query(on: ctx.db).filter(\.$project.$id == project.requireID())
            .sort(\.$createdMillis, .descending).first()
        if day == nil {
            errors.add("reported_on", Phrase("Isi tanggal keadaan yang dilaporkan.", "Enter the date the report describes."))
        } else if let day, ctx.today < day {
            errors.add("reported_on", Phrase("Tanggal laporan tidak boleh di masa depan.", "The report cannot be dated in the future."))
        } else if let day, let last, let lastDay = LocalDate(iso: last.reportedOn), day < lastDay {
            errors.add("reported_on", Phrase("Tanggal laporan tidak boleh sebelum laporan terakhir (\(DateText.long(lastDay))).",
                                             "The report cannot be dated before the last one (\(DateText.long(lastDay, .en)))."))
        }
        let progress = ProgressRule.basisPoints(input.progress ?? "")
        if progress == nil { errors.add("progress", Phrase("Kemajuan fisik berupa persen 0–100, misalnya 45 atau 45,5.", "Physical progress is a percentage 0–100, e.g. 45 or 45.5.")) }
        let realisedText = (input.realised ?? "").trimmingCharacters(in: .whitespaces)
        let realised = realisedText.isEmpty ? Rupiah(0) : Rupiah.parse(realisedText)
        if realised == nil { errors.add("realised", Phrase("Realisasi keuangan dalam rupiah, misalnya 150.000.000.", "Money realised in whole rupiah, e.g. 150.000.000.")) }
        let notes = TextInput.clean(input.notes ?? "")
        if !(10...3000).contains(notes.count) { errors.add("notes", Phrase("Ceritakan pekerjaan yang sudah dilakukan (10–3.000 huruf).", "Describe the work done (10–3,000 characters).")) }
        let problems = TextInput.clean(input.problems ?? "")
        if problems.count > 2000 { errors.add("problems", Phrase("Kendala paling panjang 2.000 huruf.", "At most 2,000 characters.")) }
        let reason = CleanText.line(input.reason ?? "")
        if reason.count > 300 { errors.add("reason", Phrase("Alasan paling panjang 300 huruf.", "At most 300 characters.")) }
        if let progress, let realised {
            let report = ProgressRule.Report(physicalBasisPoints: progress, realised: realised.amount)
            for problem in ProgressRule.check(report, previous: last.map { _ in project.lastProgress }, pagu: project.pagu, hasReason: !reason.isEmpty) {
                switch problem {
                case .progressOutOfRange:
                    errors.add("progress", Phrase("Kemajuan fisik harus antara 0 dan 100 %.", "Physical progress must be between 0 and 100 %."))
                case .realisedNegative:
                    errors.add("realised", Phrase("Realisasi keuangan tidak boleh negatif.", "Money realised cannot be negative."))
                case let .progressBackwardsWithoutReason(previous):
                    errors.add("reason", Phrase("Kemajuan turun dari \(ProgressRule.percentText(previous)); tulis alasannya (mis. hitung ulang, kerusakan).",
                                                "Progress went down from \(ProgressRule.percentText(previous)); give the reason."))
                case let .realisedBackwardsWithoutReason(previous):
                    errors.add("reason", Phrase("Realisasi turun dari \(Rupiah(previous).formatted); tulis alasannya (mis. koreksi SP2D).",
                                                "Money realised went down from \(Rupiah(previous).formatted); give the reason."))
                case let .exceedsPagu(pagu):
                    errors.add("realised", Phrase("Realisasi melebihi pagu \(Rupiah(pagu).formatted). Catat dulu perubahan anggaran (ubah pagu dengan alasannya).",
                                                  "Money realised exceeds the budget of \(Rupiah(pagu).formatted). Record a budget change first."))
                }
            }
        }
        guard errors.isEmpty, let day, let progress, let realised else { return (nil, errors) }
        return (Checked(day: day, progress: progress, realised: realised, notes: notes, problems: problems, reason: reason), errors)
    }

    /// Stores a checked report in one transaction: the report, its photos, the project's figures, the audit record, the notices.
    static func store(_ checked: Checked, photos: [Attachment], project: Project, in ctx: Invocation) async throws -> ProjectReport {
        let report = ProjectReport()
        report.$project.id = try project.requireID()
        report.reportedOn = checked.day.iso
        report.progress = checked.progress
        report.realised = checked.realised.amount
        report.notes = checked.notes
        report.problems = checked.problems
        report.reason = checked.reason
        report.actorLabel = ctx.identity.label
        report.createdMillis = ctx.now.millis
        let previous = project.lastProgress
        let (progress, realised, day) = (checked.progress, checked.realised, checked.day)
        try await ctx.writes.transaction { db in
            try await report.create(on: db)
            _ = try await AttachmentSet.attach(photos, subjectType: "project_report", subjectID: try report.requireID().uuidString,
                                               keepingOthers: true, on: db)
            project.progress = progress
            project.realised = realised.amount
            project.lastReportAt = ctx.now
            try await project.update(on: db)
            try await ProjectGuard.audit(project, "project.reported",
                                         "\(DateText.long(day)): fisik \(ProgressRule.percentText(progress)), realisasi \(realised.formatted)"
                                         + (photos.isEmpty ? "" : ", \(photos.count) foto") + (checked.problems.isEmpty ? "" : "; ada kendala"),
                                         reason: checked.reason, ctx: ctx, on: db)
            let notice = Notice(
                title: Phrase("Proyek \(project.number): kemajuan \(ProgressRule.percentText(progress))",
                              "Project \(project.number): \(ProgressRule.percentText(progress)) done"),
                body: Phrase("“\(project.title)”: kemajuan fisik \(ProgressRule.percentText(previous.physicalBasisPoints)) → \(ProgressRule.percentText(progress)), realisasi \(realised.formatted).",
                             "“\(project.title)”: physical progress \(ProgressRule.percentText(previous.physicalBasisPoints)) → \(ProgressRule.percentText(progress)), \(realised.formatted) spent."),
                link: SiteRoute.project(try project.requireID().uuidString).path)
            try await ProjectFollowers.notify(project, notice, in: ctx, on: db)
        }
        return report
    }
}

/// Who hears of a project: its followers and the proposers of the usulan it carries out (once each).
enum ProjectFollowers {
    static func notify(_ project: Project, _ notice: Notice, in ctx: Invocation, on db: any Database) async throws {
        let projectID = try project.requireID().uuidString
        let actor = UUID(uuidString: ctx.identity.id)
        let follows = try await Follow.query(on: db).filter(\.$subjectType == "project").filter(\.$subjectID == projectID).all()
        let proposers = try await ProjectGuard.linkedUsulan(project, on: db).map(\.proposerID)
        var told: Set<UUID> = actor.map { [$0] } ?? []
        for id in follows.map(\.$account.id) + proposers where !told.contains(id) {
            told.insert(id)
            guard let account = try await Account.find(id, on: db), !account.isDisabled else { continue }
            try await Notifier.send(to: account, notice, in: ctx, on: db)
        }
    }
}
