import Fluent
import Foundation
import RembukCore

/// Keeps the files a person just sent with a form as pending uploads, so the form can be shown again
/// (with other errors) without asking for the files a second time. Each file is checked by its bytes;
/// refused files are named in `errors["berkas"]` with the reason. Pending uploads are private to their
/// owner and become public only when the form they belong to is saved (`AttachmentSet.attach`).
struct StoreUploads {
    static let field = "berkas"
    var subjectType: String

    struct Outcome {
        var stored: [Attachment]
        var errors: FormErrors
    }

    func run(_ form: SubmittedForm, in ctx: Invocation) async throws -> Outcome {
        var errors = FormErrors()
        let sent = form.files.filter { $0.field == Self.field }
        let oversized = form.oversized.filter { $0.field == Self.field }
        try await countAgainstLimits(sent.count + oversized.count, in: ctx)
        var refused: [Phrase] = oversized.map { file in
            Phrase("\(file.filename) terlalu besar (\(ByteSize.text(file.size)); paling besar \(ByteSize.text(ctx.settings.maxUploadSize))).",
                   "\(file.filename) is too large (\(ByteSize.text(file.size)); at most \(ByteSize.text(ctx.settings.maxUploadSize))).")
        }
        if sent.count > AttachmentSet.maximum {
            refused.append(Phrase("Paling banyak \(AttachmentSet.maximum) berkas sekali kirim; \(sent.count - AttachmentSet.maximum) berkas terakhir tidak diterima.",
                                  "At most \(AttachmentSet.maximum) files at a time; the last \(sent.count - AttachmentSet.maximum) were not accepted."))
        }
        var accepted: [(SubmittedForm.File, FileKind)] = []
        for file in sent.prefix(AttachmentSet.maximum) {
            guard let kind = FileKind.sniff(file.bytes) else {
                refused.append(Phrase("\(file.filename) bukan foto (JPG, PNG, WebP, GIF) atau PDF.",
                                      "\(file.filename) is not a photo (JPG, PNG, WebP, GIF) or a PDF."))
                continue
            }
            if FileKind.hazard(file.bytes, kind: kind) != nil {
                refused.append(Phrase("\(file.filename) memuat skrip atau kode halaman web, jadi tidak diterima; simpan ulang sebagai foto atau PDF biasa.",
                                      "\(file.filename) carries script or web-page code, so it is not accepted; save it again as a plain photo or PDF."))
                continue
            }
            if let size = ImageSize.of(file.bytes, kind: kind), size.isTooLarge {
                refused.append(Phrase("\(file.filename) berukuran \(size.width) × \(size.height) piksel, terlalu besar untuk dibuka di HP; kecilkan dulu (paling besar \(ImageSize.maximumPixels / 1_000_000) juta piksel).",
                                      "\(file.filename) is \(size.width) × \(size.height) pixels, too large to open on a phone; make it smaller first (at most \(ImageSize.maximumPixels / 1_000_000) million pixels)."))
                continue
            }
            accepted.append((file, kind))
        }
        if !refused.isEmpty {
            errors.add(Self.field, Phrase(refused.map(\.id).joined(separator: " "), refused.map(\.en).joined(separator: " ")))
        }
        guard !accepted.isEmpty else { return Outcome(stored: [], errors: errors) }
        guard let owner = ctx.principal.accountID else { throw UserFacingError.signInRequired }
        let subjectType = self.subjectType
        let files = accepted.map { file, kind in
            (bytes: Data(file.bytes), kind: kind, name: FileName.clean(file.filename, kind: kind))
        }
        let stored = try await ctx.writes.transaction { db in
            var result: [Attachment] = []
            for file in files {
                let sha = ContentAddress.sha256(file.bytes)
                if try await Blob.find(sha, on: db) == nil {
                    let blob = Blob()
                    blob.id = sha
                    blob.mediaType = file.kind.mediaType
                    blob.byteCount = file.bytes.count
                    blob.data = file.bytes
                    try await blob.create(on: db)
                }
                let attachment = Attachment()
                attachment.blobSHA256 = sha
                attachment.ownerID = owner
                attachment.subjectType = subjectType
                attachment.filename = file.name
                attachment.mediaType = file.kind.mediaType
                attachment.byteCount = file.bytes.count
                try await attachment.create(on: db)
                result.append(attachment)
            }
            try await Self.makeRoom(owner: owner, keeping: Set(result.compactMap(\.id)), on: db)
            return result
        }
        return Outcome(stored: stored, errors: errors)
    }

    /// A citizen's files count against `AbuseLimits.upload` whether they are kept or refused; past it the form is
    /// refused whole (429) before any file is looked at. Counted in a transaction of its own, so a refused form counts.
    func countAgainstLimits(_ files: Int, in ctx: Invocation) async throws {
        guard files > 0, let account = ctx.principal.accountID, Throttle.applies(to: ctx.actor), ctx.settings.abuseLimits else { return }
        let key = Throttle.key(.upload, account: account)
        try await Throttle.check(.upload, key: key, in: ctx)
        try await ctx.writes.transaction { db in
            try await Throttle.record(Array(repeating: key, count: files), .upload, on: db, now: ctx.now)
        }
    }

    /// Keeps one account's pending uploads within `AbuseLimits.pendingUploads` and `pendingUploadBytes`: the oldest
    /// (other than those just stored) go first, with their bytes when nothing else refers to them.
    static func makeRoom(owner: UUID, keeping fresh: Set<UUID>, on db: any Database) async throws {
        let pending = try await Attachment.query(on: db).filter(\.$ownerID == owner).filter(\.$subjectID == nil)
            .sort(\.$createdAt, .descending).all()
        var count = 0, bytes = 0
        var evicted: [Attachment] = []
        for attachment in pending.filter({ fresh.contains($0.id!) }) + pending.filter({ !fresh.contains($0.id!) }) {
            count += 1
            bytes += attachment.byteCount
            if !fresh.contains(attachment.id!), count > AbuseLimits.pendingUploads || bytes > AbuseLimits.pendingUploadBytes {
                evicted.append(attachment)
            }
        }
        guard !evicted.isEmpty else { return }
        for attachment in evicted { try await attachment.delete(on: db) }
        let shas = Set(evicted.map(\.blobSHA256))
        let stillUsed = Set(try await Attachment.query(on: db).filter(\.$blobSHA256 ~~ Array(shas)).all(\.$blobSHA256))
        let orphans = shas.subtracting(stillUsed)
        if !orphans.isEmpty { try await Blob.query(on: db).filter(\.$id ~~ Array(orphans)).delete() }
    }
}

extension StoreUploads {
    /// Takes back the files of a form that was refused, for forms that ask for them again rather than keep them.
    static func discard(_ attachments: [Attachment], in ctx: Invocation) async throws {
        guard !attachments.isEmpty else { return }
        try await ctx.writes.transaction { db in
            for attachment in attachments { try await attachment.delete(on: db) }
        }
    }
}

/// The attachments a saved form keeps: the ones already on the subject that are still ticked, plus the
/// owner's pending uploads. Runs inside the saving command's transaction, which audits the change.
enum AttachmentSet {
    static let maximum = 5
    static let keptField = "lampiran"

    /// The attachments a form offers to keep: the subject's own and the account's pending uploads, by id.
    static func candidates(ids: [UUID], subjectType: String, subjectID: String?, owner: UUID, on db: any Database) async throws -> [Attachment] {
        guard !ids.isEmpty else { return [] }
        let found = try await Attachment.query(on: db).filter(\.$id ~~ ids).filter(\.$subjectType == subjectType).all()
        return found.filter { attachment in
            if let subjectID, attachment.subjectID == subjectID { return true }
            return attachment.isPending && attachment.ownerID == owner
        }.sorted { ids.firstIndex(of: $0.id!)! < ids.firstIndex(of: $1.id!)! }
    }

    /// Makes `kept` exactly the subject's attachments; returns a summary for the audit record ("" if unchanged).
    /// With `keepingOthers`, `kept` is added and nothing already attached is taken off.
    static func attach(_ kept: [Attachment], subjectType: String, subjectID: String, keepingOthers: Bool = false,
                       on db: any Database) async throws -> String {
        let current = keepingOthers ? [] : try await Attachment.query(on: db).filter(\.$subjectType == subjectType).filter(\.$subjectID == subjectID).all()
        let keptIDs = Set(kept.compactMap(\.id))
        var removed = 0
        for attachment in current where !keptIDs.contains(attachment.id!) {
            try await attachment.delete(on: db)
            removed += 1
        }
        var added = 0
        for attachment in kept where attachment.subjectID != subjectID {
            attachment.subjectID = subjectID
            try await attachment.update(on: db)
            added += 1
        }
        guard added + removed > 0 else { return "" }
        return [added > 0 ? "\(added) lampiran ditambahkan" : nil, removed > 0 ? "\(removed) lampiran dilepas" : nil]
            .compactMap { $0 }.joined(separator: ", ")
    }
}
