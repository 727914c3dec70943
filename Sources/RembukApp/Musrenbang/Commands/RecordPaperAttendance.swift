import Fluent
import Foundation
import RembukCore

/// The forum was held on paper: the runner copies the totals of the signed daftar hadir and attaches its scan.
/// Saving again replaces the totals (and the scan, when a new one is given).
struct RecordPaperAttendance {
    enum Outcome {
        case saved(PaperAttendance)
        case invalid(FormErrors)
    }

    static let scanSubject = "forum_hadir"

    static func count(_ form: SubmittedForm, _ name: String, into errors: inout FormErrors) -> Int {
        let text = (form.value(name) ?? "").trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return 0 }
        guard let value = Int(text), value >= 0, value <= PaperAttendance.maximumTotal else {
            errors.add(name, Phrase("Tulis jumlah orang: angka bulat 0 atau lebih.", "Enter a number of people: a whole number, 0 or more."))
            return 0
        }
        return value
    }

    func run(_ form: SubmittedForm, forum: Forum, in ctx: Invocation) async throws -> Outcome {
        try ForumGuard.requireRunner(forum, ctx)
        let forumID = try forum.requireID()
        var errors = FormErrors()
        var byAge: [Attendee.AgeGroup: Int] = [:]
        for group in Attendee.AgeGroup.allCases { byAge[group] = Self.count(form, "umur_" + group.rawValue, into: &errors) }
        var byUnsur: [Unsur: Int] = [:]
        for unsur in Unsur.allCases { byUnsur[unsur] = Self.count(form, "unsur_" + unsur.rawValue, into: &errors) }
        let totals = PaperAttendance(women: Self.count(form, "perempuan", into: &errors), men: Self.count(form, "laki_laki", into: &errors),
                                     byAge: byAge, withDisability: Self.count(form, "disabilitas", into: &errors), byUnsur: byUnsur)
        if errors.isEmpty {
            for problem in totals.problems() {
                switch problem {
                case .empty: errors.add("perempuan", Phrase("Tulis jumlah peserta perempuan dan laki-laki dari daftar hadir.", "Enter the numbers of women and men on the sheet."))
                case .tooMany: errors.add("perempuan", Phrase("Jumlah peserta paling banyak \(PaperAttendance.maximumTotal); periksa angkanya.", "At most \(PaperAttendance.maximumTotal) participants; check the figures."))
                case let .ageTotal(ages, total): errors.add("umur_dewasa", Phrase("Jumlah per kelompok umur (\(ages)) harus sama dengan jumlah peserta (\(total)).",
                                                                                  "The age groups (\(ages)) must add up to the participants (\(total))."))
                case .disabilityAboveTotal: errors.add("disabilitas", Phrase("Penyandang disabilitas tidak bisa lebih banyak dari jumlah peserta.", "People with disability cannot outnumber the participants."))
                case let .unsurTotal(unsur, total): errors.add("unsur_warga", Phrase("Jumlah per unsur (\(unsur)) harus sama dengan jumlah peserta (\(total)).",
                                                                                     "The unsur (\(unsur)) must add up to the participants (\(total))."))
                }
            }
        }
        let existing = try await PaperAttendanceRecord.query(on: ctx.db).filter(\.$forumID == forumID).first()
        let uploads = try await StoreUploads(subjectType: Self.scanSubject).run(form, in: ctx)
        errors.merge(uploads.errors)
        if uploads.stored.count > 1 { errors.add(StoreUploads.field, Phrase("Lampirkan satu berkas pindaian (PDF atau foto).", "Attach one scan (PDF or photo).")) }
        let hasScan = try await Attachment.query(on: ctx.db).filter(\.$subjectType == Self.scanSubject).filter(\.$subjectID == forumID.uuidString).count() > 0
        if uploads.stored.isEmpty, !hasScan, errors[StoreUploads.field] == nil {
            errors.add(StoreUploads.field, Phrase("Lampirkan pindaian atau foto daftar hadir yang sudah ditandatangani.", "Attach a scan or photo of the signed attendance sheet."))
        }
        guard errors.isEmpty else {
            try await StoreUploads.discard(uploads.stored, in: ctx)
            return .invalid(errors)
        }
        let record = existing ?? PaperAttendanceRecord()
        record.forumID = forumID
        record.totals = totals
        record.recordedBy = ctx.identity.label
        let stored = uploads.stored
        try await ctx.writes.transaction { db in
            try await record.save(on: db)
            if !stored.isEmpty {
                _ = try await AttachmentSet.attach(stored, subjectType: Self.scanSubject, subjectID: forumID.uuidString, on: db)
            }
            _ = try await ForumGuard.audit(forum, "forum.paper_attendance",
                                           "daftar hadir kertas: \(totals.total) peserta, \(totals.women) perempuan, \(totals.byAge[.pemuda] ?? 0) pemuda, \(totals.withDisability) penyandang disabilitas"
                                               + (stored.isEmpty ? "" : "; pindaian \(stored[0].filename)"), ctx: ctx, on: db)
        }
        return .saved(totals)
    }
}
