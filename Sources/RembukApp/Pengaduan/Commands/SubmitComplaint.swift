import Fluent
import Foundation
import RembukCore

/// A citizen files a pengaduan or masukan: category, what it is about, the text, where, photos, and how
/// private it is. It starts the 3-working-day verification clock.
struct SubmitComplaint {
    struct Input: Codable, Sendable {
        var category: String?
        var title: String?
        var text: String?
        var subject_type: String?
        var subject_id: String?
        var desa_code: String?
        var place: String?
        var privacy: String?
    }

    enum Outcome {
        case submitted(Complaint)
        case invalid(FormErrors)
    }

    static let maximumPhotos = 5

    func run(_ form: SubmittedForm, in ctx: Invocation) async throws -> Outcome {
        guard let reporter = ctx.principal.accountID else { throw UserFacingError.signInRequired }
        let input = (try? form.decode(Input.self)) ?? Input()
        var errors = FormErrors()
        let category = try await ComplaintCategory.find(input.category ?? "", on: ctx.db)
        if category == nil { errors.add("category", Phrase("Pilih kategori dari daftar.", "Choose a category from the list.")) }
        let title = CleanText.line(input.title ?? "")
        if !(10...150).contains(title.count) { errors.add("title", Phrase("Tulis pokok pengaduan dalam 10–150 huruf.", "Give the gist in 10–150 characters.")) }
        let text = TextInput.clean(input.text ?? "")
        if !(20...4000).contains(text.count) {
            errors.add("text", Phrase("Ceritakan apa yang terjadi, di mana dan sejak kapan (20–4.000 huruf).", "Say what happened, where and since when (20–4,000 characters)."))
        }
        let privacy = ComplaintPrivacy(rawValue: input.privacy ?? "")
        if privacy == nil { errors.add("privacy", Phrase("Pilih siapa yang boleh melihat pengaduan ini.", "Choose who may see this complaint.")) }
        let place = CleanText.line(input.place ?? "")
        if place.count > 200 { errors.add("place", Phrase("Lokasi paling panjang 200 huruf.", "At most 200 characters.")) }

        // What it is about: a project or an usulan that exists, or nothing.
        var subjectType = "", subjectID = "", subjectDesa: String?
        switch input.subject_type ?? "" {
        case "":
            break
        case "project":
            if let project = try? await ProjectGuard.find(input.subject_id, on: ctx.db) {
                (subjectType, subjectID, subjectDesa) = ("project", project.id!.uuidString, project.desaCode)
            } else { errors.add("subject_id", Phrase("Proyek itu tidak ada.", "That project does not exist.")) }
        case "usulan":
            if let id = UUID(uuidString: input.subject_id ?? ""), let usulan = try await Usulan.find(id, on: ctx.db), usulan.workflowStatus != .draft {
                (subjectType, subjectID, subjectDesa) = ("usulan", id.uuidString, usulan.desaCode)
            } else { errors.add("subject_id", Phrase("Usulan itu tidak ada.", "That proposal does not exist.")) }
        default:
            errors.add("subject_id", Phrase("Yang dilaporkan tidak dikenal.", "Unknown subject."))
        }
        var desa = subjectDesa ?? ""
        if let typed = input.desa_code, !typed.isEmpty {
            if let code = try await ctx.region(typed, at: .desa) {
                desa = code.value
            } else {
                errors.add("desa_code", Phrase("Pilih desa/kelurahan dari daftar.", "Choose a village from the list."))
            }
        }
        let uploads = try await StoreUploads(subjectType: "complaint").run(form, in: ctx)
        errors.merge(uploads.errors)
        if uploads.stored.contains(where: { $0.kind?.isImage != true }) {
            errors.add(StoreUploads.field, Phrase("Pengaduan hanya menerima foto (JPG, PNG, WebP, GIF).", "Complaints take photos only (JPG, PNG, WebP, GIF)."))
        }
        if uploads.stored.count > Self.maximumPhotos {
            errors.add(StoreUploads.field, Phrase("Paling banyak \(Self.maximumPhotos) foto.", "At most \(Self.maximumPhotos) photos."))
        }
        guard errors.isEmpty, let category, let privacy else {
            try await StoreUploads.discard(uploads.stored, in: ctx)
            return .invalid(errors)
        }
        let throttle = Throttle.key(.complaint, account: reporter)
        do {
            try await Throttle.check(.complaint, key: throttle, in: ctx)
        } catch {
            try await StoreUploads.discard(uploads.stored, in: ctx)
            throw error
        }
        let complaint = Complaint()
        complaint.category = category.id ?? ""
        complaint.title = title
        complaint.text = text
        complaint.subjectType = subjectType
        complaint.subjectID = subjectID
        complaint.desaCode = desa
        complaint.kecamatanCode = RegionCode(desa)?.parent?.value ?? ""
        complaint.place = place
        complaint.searchTerms = Complaint.terms(title: title, text: text, place: place)
        complaint.privacy = privacy.rawValue
        complaint.status = ComplaintStatus.diterima.rawValue
        complaint.reporterID = reporter
        complaint.agency = ""
        complaint.receivedOn = ctx.today.iso
        complaint.clockSince = ctx.today.iso
        complaint.reopened = false
        let photos = uploads.stored
        let clock = ComplaintClock(calendar: try await WorkingDays.calendar(ctx))
        let due = clock.calendar.adding(workingDays: ComplaintClock.verifyWithin, to: ctx.today)
        try await ctx.writes.transaction { db in
            try await complaint.create(on: db)
            try await Throttle.record(.complaint, key: throttle, on: db, in: ctx)
            let id = try complaint.requireID()
            _ = try await AttachmentSet.attach(photos, subjectType: "complaint", subjectID: id.uuidString, keepingOthers: true, on: db)
            try await ComplaintTimeline.record(complaint, action: "submit", from: .diterima, to: .diterima, note: "", ctx: ctx, on: db)
            try await ComplaintAccess.audit(complaint, "complaint.submitted", "diterima (\(privacy.rawValue))", ctx: ctx, on: db)
            if let account = try await Account.find(reporter, on: db) {
                try await Notifier.send(to: account, Notice(
                    title: Phrase("Pengaduan \(complaint.number) diterima", "Complaint \(complaint.number) received"),
                    body: Phrase("Pengaduan “\(title)” akan diverifikasi paling lambat \(DateText.long(due)).",
                                 "Complaint “\(title)” will be verified by \(DateText.long(due, .en))."),
                    link: SiteRoute.complaint(id.uuidString).path), in: ctx, on: db)
            }
        }
        return .submitted(complaint)
    }
}

/// Writes one step of a complaint's timeline (inside the command's transaction).
enum ComplaintTimeline {
    static func record(_ complaint: Complaint, action: String, from: ComplaintStatus, to: ComplaintStatus, note: String, agency: String = "",
                       ctx: Invocation, on db: any Database) async throws {
        let event = ComplaintEvent()
        event.$complaint.id = try complaint.requireID()
        event.action = action
        event.fromStatus = from.rawValue
        event.toStatus = to.rawValue
        event.note = note
        event.actorLabel = ComplaintAccess.timelineIdentity(complaint, ctx).label
        event.agency = agency
        event.atMillis = ctx.now.millis
        try await event.create(on: db)
    }
}
