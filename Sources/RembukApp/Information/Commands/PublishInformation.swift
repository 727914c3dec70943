import Fluent
import Foundation
import RembukCore
import SQLKit

/// Who publishes news and documents: Bappeda, and perangkat daerah staff for their own agency.
enum InformationAccess {
    static func publisherAgency(_ ctx: Invocation) throws -> String {
        guard ctx.principal.accountID != nil else { throw UserFacingError.signInRequired }
        if ctx.actor.can(.managePlanning(kabupaten: ctx.settings.kabupaten)) { return "" }
        guard let agency = ctx.actor.agencies(for: .opd).first else {
            throw UserFacingError(.forbidden, Phrase("Informasi diterbitkan oleh Bappeda atau staf perangkat daerah.", "Information is published by Bappeda or agency staff."))
        }
        return agency
    }

    static func mayPublish(_ actor: Actor, kabupaten: RegionCode) -> Bool {
        actor.can(.managePlanning(kabupaten: kabupaten)) || !actor.agencies(for: .opd).isEmpty
    }

    /// Adds one to a counter column in one statement, so simultaneous readers on several instances all count.
    static func increment(_ table: String, _ column: String, id: UUID, in ctx: Invocation) async throws {
        try await ctx.writes.transaction { db in
            try await db.sql.update(table).set(SQLIdentifier(column), to: SQLRaw("\(column) + 1")).where("id", .equal, SQLBind(id)).run()
        }
    }
}

/// Bappeda or an agency publishes news, an announcement or an event, with a cover photo and files.
struct PublishArticle {
    struct Input: Codable, Sendable {
        var kind: String?
        var title: String?
        var summary: String?
        var body: String?
        var event_on: String?
        var event_place: String?
    }

    enum Outcome {
        case published(Article)
        case invalid(FormErrors)
    }

    func run(_ form: SubmittedForm, in ctx: Invocation) async throws -> Outcome {
        let agency = try InformationAccess.publisherAgency(ctx)
        let input = (try? form.decode(Input.self)) ?? Input()
        var errors = FormErrors()
        let kind = Article.Kind(rawValue: input.kind ?? "")
        if kind == nil { errors.add("kind", Phrase("Pilih jenis informasi.", "Choose the kind.")) }
        let title = CleanText.line(input.title ?? "")
        if !(10...150).contains(title.count) { errors.add("title", Phrase("Judul 10–150 huruf.", "Titles have 10–150 characters.")) }
        let summary = CleanText.line(input.summary ?? "")
        if summary.count > 300 { errors.add("summary", Phrase("Ringkasan paling panjang 300 huruf.", "At most 300 characters.")) }
        let body = TextInput.clean(input.body ?? "")
        if !(20...10_000).contains(body.count) { errors.add("body", Phrase("Isi 20–10.000 huruf.", "The text has 20–10,000 characters.")) }
        var eventOn = "", eventPlace = ""
        if kind == .agenda {
            if let day = LocalDate(iso: (input.event_on ?? "").trimmingCharacters(in: .whitespaces)) { eventOn = day.iso } else {
                errors.add("event_on", Phrase("Isi tanggal kegiatan.", "Enter the event's date."))
            }
            eventPlace = CleanText.line(input.event_place ?? "")
            if !(3...150).contains(eventPlace.count) { errors.add("event_place", Phrase("Tulis tempat kegiatan.", "Enter the place.")) }
        }
        let uploads = try await StoreUploads(subjectType: "article").run(form, in: ctx)
        errors.merge(uploads.errors)
        if uploads.stored.count > AttachmentSet.maximum {
            errors.add(StoreUploads.field, Phrase("Paling banyak \(AttachmentSet.maximum) berkas.", "At most \(AttachmentSet.maximum) files."))
        }
        guard errors.isEmpty, let kind, let author = ctx.principal.accountID else {
            try await StoreUploads.discard(uploads.stored, in: ctx)
            return .invalid(errors)
        }
        let article = Article()
        article.kind = kind.rawValue
        article.title = title
        article.summary = summary
        article.body = body
        article.eventOn = eventOn
        article.eventPlace = eventPlace
        article.agency = agency
        article.authorLabel = ctx.identity.label
        article.publishedAt = ctx.now
        article.readCount = 0
        article.createdBy = author
        let files = uploads.stored
        try await ctx.writes.transaction { db in
            try await article.create(on: db)
            let id = try article.requireID().uuidString
            _ = try await AttachmentSet.attach(files, subjectType: "article", subjectID: id, keepingOthers: true, on: db)
            try await AuditLog.append(AuditDraft(actor: ctx.identity, action: "article.published", subjectType: "article", subjectID: id,
                                                 regionCode: ctx.settings.kabupaten.value, summary: "\(kind.label(.id)): \(title)"), on: db, now: ctx.now)
        }
        return .published(article)
    }
}

/// Bappeda or an agency adds a document (one PDF) to the library.
struct PublishDocument {
    struct Input: Codable, Sendable {
        var title: String?
        var category: String?
        var year: String?
        var description: String?
    }

    enum Outcome {
        case published(LibraryDocument)
        case invalid(FormErrors)
    }

    func run(_ form: SubmittedForm, in ctx: Invocation) async throws -> Outcome {
        let agency = try InformationAccess.publisherAgency(ctx)
        let input = (try? form.decode(Input.self)) ?? Input()
        var errors = FormErrors()
        let title = CleanText.line(input.title ?? "")
        if !(5...200).contains(title.count) { errors.add("title", Phrase("Judul dokumen 5–200 huruf.", "Titles have 5–200 characters.")) }
        let category = LibraryDocument.Category(rawValue: input.category ?? "")
        if category == nil { errors.add("category", Phrase("Pilih kategori dokumen.", "Choose the category.")) }
        let year = Int((input.year ?? "").trimmingCharacters(in: .whitespaces))
        if year == nil || !(2000...2100).contains(year!) { errors.add("year", Phrase("Tahun dokumen, misalnya 2026.", "The document's year, e.g. 2026.")) }
        let description = TextInput.clean(input.description ?? "")
        if description.count > 1000 { errors.add("description", Phrase("Keterangan paling panjang 1.000 huruf.", "At most 1,000 characters.")) }
        let uploads = try await StoreUploads(subjectType: "document").run(form, in: ctx)
        errors.merge(uploads.errors)
        if uploads.errors.isEmpty, uploads.stored.count != 1 || uploads.stored.first?.kind != .pdf {
            errors.add(StoreUploads.field, Phrase("Lampirkan tepat satu berkas PDF.", "Attach exactly one PDF file."))
        }
        guard errors.isEmpty, let category, let year, let file = uploads.stored.first, let fileID = file.id, let author = ctx.principal.accountID else {
            try await StoreUploads.discard(uploads.stored, in: ctx)
            return .invalid(errors)
        }
        let document = LibraryDocument()
        document.title = title
        document.category = category.rawValue
        document.year = year
        document.description = description
        document.attachmentID = fileID
        document.agency = agency
        document.downloadCount = 0
        document.publishedAt = ctx.now
        document.createdBy = author
        try await ctx.writes.transaction { db in
            try await document.create(on: db)
            let id = try document.requireID().uuidString
            _ = try await AttachmentSet.attach([file], subjectType: "document", subjectID: id, keepingOthers: true, on: db)
            try await AuditLog.append(AuditDraft(actor: ctx.identity, action: "document.published", subjectType: "document", subjectID: id,
                                                 regionCode: ctx.settings.kabupaten.value, summary: "\(category.label(.id)) \(year): \(title)"), on: db, now: ctx.now)
        }
        return .published(document)
    }
}
