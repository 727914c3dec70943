import Fluent
import Foundation
import RembukCore

/// The people running a forum attach its photos and scanned documents (the signed daftar hadir and berita
/// acara come after closing, so this works on closed forums too). Files are checked by their bytes.
struct AttachForumFiles {
    static let maximum = 20

    enum Outcome {
        case attached(Int)
        case invalid(FormErrors)
    }

    func run(_ form: SubmittedForm, forum: Forum, in ctx: Invocation) async throws -> Outcome {
        try ForumGuard.requireRunner(forum, ctx, open: false)
        let forumID = try forum.requireID().uuidString
        let uploads = try await StoreUploads(subjectType: "forum").run(form, in: ctx)
        var errors = uploads.errors
        if uploads.stored.isEmpty, errors.isEmpty {
            errors.add(StoreUploads.field, Phrase("Pilih foto atau PDF yang akan dilampirkan.", "Choose the photos or PDFs to attach."))
        }
        let existing = try await Attachment.query(on: ctx.db).filter(\.$subjectType == "forum").filter(\.$subjectID == forumID).count()
        if existing + uploads.stored.count > Self.maximum {
            errors.add(StoreUploads.field, Phrase("Sebuah forum paling banyak \(Self.maximum) lampiran (sudah \(existing)).",
                                                  "A forum has at most \(Self.maximum) attachments (\(existing) already)."))
        }
        guard errors.isEmpty else { return .invalid(errors) }
        let stored = uploads.stored
        try await ctx.writes.transaction { db in
            _ = try await AttachmentSet.attach(stored, subjectType: "forum", subjectID: forumID, keepingOthers: true, on: db)
            _ = try await ForumGuard.audit(forum, "forum.files_attached", stored.map(\.filename).joined(separator: ", "), ctx: ctx, on: db)
        }
        return .attached(stored.count)
    }
}

/// Takes a wrong file off a forum while it is still open.
struct DetachForumFile {
    func run(_ attachmentID: String?, forum: Forum, in ctx: Invocation) async throws {
        try ForumGuard.requireRunner(forum, ctx)
        guard let id = UUID(uuidString: attachmentID ?? ""), let attachment = try await Attachment.find(id, on: ctx.db),
              attachment.subjectType == "forum", attachment.subjectID == forum.id?.uuidString else { throw UserFacingError.notFound }
        try await ctx.writes.transaction { db in
            try await attachment.delete(on: db)
            _ = try await ForumGuard.audit(forum, "forum.file_removed", attachment.filename, ctx: ctx, on: db)
        }
    }
}
