import Fluent
import Foundation
import Plot
import RembukCore
import Vapor

struct AuditController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.audit, use: page)
        routes.get(.apiAudit, use: api)
        routes.get(.apiAuditHead, use: head)
    }

    static let pageSize = 30

    /// The trail newest first, all of it or one subject's (`?jenis=project&id=…`), 30 records a page (`?sebelum=N`).
    func page(_ req: Request) async throws -> Response {
        let before = req.query[Int64.self, at: "sebelum"]
        var subject = AuditSubject(type: req.query[String.self, at: "jenis"], id: req.query[String.self, at: "id"])
        let query = AuditRecord.query(on: req.db).sort(\.$id, .descending).limit(Self.pageSize)
        if let before { query.filter(\.$id < before) }
        if let subject { query.filter(\.$subjectType == subject.type).filter(\.$subjectID == subject.id) }
        let records = try await query.all()
        let head = try await AuditLog.head(on: req.db)
        let complaints = Set(records.filter { $0.subjectType == "complaint" }.map(\.subjectID) + (subject?.type == "complaint" ? [subject!.id] : []))
            .compactMap(UUID.init(uuidString:))
        let confidential = complaints.isEmpty ? [] : Set(try await Complaint.query(on: req.db).filter(\.$id ~~ complaints)
            .filter(\.$privacy == ComplaintPrivacy.rahasia.rawValue).all(\.$id).map(\.uuidString))
        if let asked = subject { subject?.confidential = asked.type == "complaint" && confidential.contains(asked.id) }
        return AuditPage(records: records, head: head, before: before, subject: subject, confidential: confidential)
            .render(await req.viewContext()).response()
    }

    struct RecordJSON: Content {
        var sequence: Int64
        var occurredAtMillis: Int64
        var actorID: String
        var actorLabel: String
        var action: String
        var subjectType: String
        var subjectID: String
        var regionCode: String
        var summary: String
        var reason: String
        var previousHash: String
        var hash: String

        init(_ r: AuditRecord) {
            sequence = r.id ?? 0
            occurredAtMillis = r.occurredAtMillis
            actorID = r.actorID
            actorLabel = r.actorLabel
            action = r.action
            subjectType = r.subjectType
            subjectID = r.subjectID
            regionCode = r.regionCode
            summary = r.summary
            reason = r.reason
            previousHash = r.previousHash
            hash = r.hash
        }
    }

    struct PageJSON: Content {
        var records: [RecordJSON]
        var next: String?
    }

    /// Records in order, for anyone who wants to recompute the chain (`?setelah=N&batas=M`).
    func api(_ req: Request) async throws -> Response {
        let after = req.query[Int64.self, at: "setelah"] ?? 0
        let limit = min(max(req.query[Int.self, at: "batas"] ?? 100, 1), 1000)
        guard after >= 0 else { throw UserFacingError(.badRequest, Phrase("“setelah” tidak boleh negatif.", "“setelah” cannot be negative.")) }
        let records = try await AuditRecord.query(on: req.db).filter(\.$id > after).sort(\.$id).limit(limit).all()
        let next = records.count == limit ? records.last.map { SiteRoute.apiAudit.path + "?setelah=\($0.id ?? 0)&batas=\(limit)" } : nil
        return try await PageJSON(records: records.map(RecordJSON.init), next: next).encodeResponse(for: req)
    }

    struct HeadJSON: Content {
        var sequence: Int64
        var hash: String
    }

    func head(_ req: Request) async throws -> Response {
        let head = try await AuditLog.head(on: req.db)
        return try await HeadJSON(sequence: head?.id ?? 0, hash: head?.hash ?? AuditEntry.genesisHash).encodeResponse(for: req)
    }
}

