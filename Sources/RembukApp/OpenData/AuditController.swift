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

    static let pageSize = 50

    func page(_ req: Request) async throws -> Response {
        let before = req.query[Int64.self, at: "sebelum"]
        let query = AuditRecord.query(on: req.db).sort(\.$id, .descending).limit(Self.pageSize)
        if let before { query.filter(\.$id < before) }
        let records = try await query.all()
        let head = try await AuditLog.head(on: req.db)
        return AuditPage(records: records, head: head, before: before).render(await req.viewContext()).response()
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

struct AuditPage {
    var records: [AuditRecord]
    var head: AuditRecord?
    var before: Int64?

    func render(_ ctx: ViewContext) -> HTML {
        Layout.page(ctx, title: ctx.t("Jejak audit", "Audit trail"), [
            .h1(.text(ctx.t("Jejak audit publik", "Public audit trail"))),
            .p(.class("lead"), .text(ctx.t(
                "Setiap perubahan di Rembuk dicatat di sini: siapa, apa, kapan, dan mengapa. Tiap catatan memuat sidik SHA-256 dari isinya dan dari catatan sebelumnya, sehingga sejarah tidak bisa diubah diam-diam.",
                "Every change in Rembuk is recorded here: who, what, when and why. Each record carries a SHA-256 hash of its content and of the record before it, so history cannot be rewritten quietly."))),
            .div(.class("card"),
                .p(.strong(.text(ctx.t("Sidik terakhir (kepala rantai)", "Latest hash (head of the chain)")))),
                .p(.text(ctx.t("Catatan nomor ", "Record number ") + String(head?.id ?? 0))),
                .p(.class("hash"), .text(head?.hash ?? AuditEntry.genesisHash)),
                .p(.class("muted"), .text(ctx.t(
                    "Catat sidik ini (misalnya di berita acara). Kapan pun, siapa pun bisa memeriksa bahwa rantai sampai catatan ini tidak berubah: unduh catatannya dari ",
                    "Write this hash down (for instance in minutes). Anyone can later check that the chain up to this record is unchanged: download the records from ")),
                   .a(.href(SiteRoute.apiAudit.path), .text(SiteRoute.apiAudit.path)),
                   .text(ctx.t(" atau jalankan ", " or run ")), .code("rembuk audit verify"), .text("."))),
            .table(
                .caption(.text(ctx.t("Catatan terbaru", "Latest records"))),
                .thead(.tr(.th(.class("num"), .text("No.")), .th(.text(ctx.t("Waktu", "Time"))), .th(.text(ctx.t("Pelaku", "Actor"))),
                           .th(.text(ctx.t("Tindakan", "Action"))), .th(.text(ctx.t("Keterangan", "Details"))), .th(.class("hide-small"), .text(ctx.t("Sidik", "Hash"))))),
                .tbody(.forEach(records) { record in
                    .tr(.td(.class("num"), .text(String(record.id ?? 0))),
                        .td(.text(DateText.dateTime(Date(millis: record.occurredAtMillis), ctx.language))),
                        .td(.text(record.actorLabel)),
                        .td(.code(.text(record.action)), .text(" "), .span(.class("muted"), .text(record.subjectType + " " + record.subjectID.prefix(13)))),
                        .td(.text(record.summary), .if(!record.reason.isEmpty, .group(.br(), .em(.text(ctx.t("Alasan: ", "Reason: ") + record.reason))))),
                        .td(.class("hash hide-small"), .text(String(record.hash.prefix(12)) + "…")))
                })
            ),
            .unwrap(records.last?.id) { last in
                last > 1 ? .nav(.class("pager"), .attribute(named: "aria-label", value: ctx.t("Halaman", "Pages")),
                                .a(.href(SiteRoute.audit.path + "?sebelum=\(last)"), .text(ctx.t("Catatan lebih lama ›", "Older records ›")))) : .empty
            },
        ])
    }
}
