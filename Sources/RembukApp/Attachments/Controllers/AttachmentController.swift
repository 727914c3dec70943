import Fluent
import RembukCore
import Vapor

/// Serves attached files from the database, so every instance behind the load balancer can answer.
/// The address never changes what it names, so browsers and caches may keep it; the ETag is the content hash.
struct AttachmentController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.attachment(":id"), use: show)
    }

    func show(_ req: Request) async throws -> Response {
        guard let id = UUID(uuidString: req.parameters.get("id") ?? ""),
              let attachment = try await Attachment.find(id, on: req.db),
              let visibility = try await AttachmentAccess.visibility(of: attachment, for: req) else {
            throw UserFacingError(.notFound, Phrase("Berkas itu tidak ada.", "That file does not exist."))
        }
        let etag = "\"\(attachment.blobSHA256)\""
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .eTag, value: etag)
        headers.replaceOrAdd(name: .cacheControl, value: visibility == .public ? "public, max-age=86400" : "private, no-cache")
        if req.headers.first(name: .ifNoneMatch) == etag {
            return Response(status: .notModified, headers: headers)
        }
        guard let blob = try await Blob.find(attachment.blobSHA256, on: req.db) else { throw UserFacingError.notFound }
        headers.contentType = HTTPMediaType(type: String(blob.mediaType.split(separator: "/")[0]),
                                            subType: String(blob.mediaType.split(separator: "/")[1]))
        let encoded = attachment.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "lampiran"
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename*=UTF-8''\(encoded)")
        headers.replaceOrAdd(name: "Content-Security-Policy", value: "sandbox; default-src 'none'; img-src 'self'")
        return Response(status: .ok, headers: headers, body: .init(data: blob.data))
    }
}

/// Who may see an attached file: what may see its subject. Pending uploads only their uploader.
enum AttachmentAccess {
    enum Visibility { case `public`, `private` }

    static func visibility(of attachment: Attachment, for req: Request) async throws -> Visibility? {
        guard let subjectID = attachment.subjectID else {
            return req.principal.accountID == attachment.ownerID ? .private : nil
        }
        switch attachment.subjectType {
        case "usulan":
            guard let id = UUID(uuidString: subjectID), let usulan = try await Usulan.find(id, on: req.db) else { return nil }
            if usulan.isHidden { return UsulanAccess.showsContent(of: usulan, to: req.principal) ? .private : nil }
            switch UsulanAccess.visibility(of: usulan, to: req.principal) {
            case .public: return .public
            case .restricted: return .private
            case .none: return nil
            }
        case "forum":
            // Forums are public, and so are their photos and scanned documents.
            guard let id = UUID(uuidString: subjectID), try await Forum.find(id, on: req.db) != nil else { return nil }
            return .public
        case "complaint":
            // A complaint's photos follow the complaint: public when it is, otherwise only for those who may see it.
            guard let complaint = try? await ComplaintAccess.find(subjectID, on: req.db) else { return nil }
            if ComplaintVisibility.isPublic(complaint.complaintPrivacy, complaint.complaintStatus) { return .public }
            return ComplaintAccess.canSee(complaint, req.principal, kabupaten: req.settings.kabupaten) ? .private : nil
        case "article":
            guard let id = UUID(uuidString: subjectID), try await Article.find(id, on: req.db) != nil else { return nil }
            return .public
        case "document":
            guard let id = UUID(uuidString: subjectID), try await LibraryDocument.find(id, on: req.db) != nil else { return nil }
            return .public
        case "project_report":
            // Progress reports are public, photos included.
            guard let id = UUID(uuidString: subjectID), try await ProjectReport.find(id, on: req.db) != nil else { return nil }
            return .public
        default:
            return nil
        }
    }
}
