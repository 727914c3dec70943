import Foundation
import Plot
import RembukCore

/// One thing the trail is about: an usulan, a project, a forum, a region, an account …
struct AuditSubject: Sendable, Equatable {
    var type: String
    var id: String
    /// A confidential complaint: named without its number and without a link (its page does not exist publicly).
    var confidential = false

    /// Kinds whose records name their subject by UUID; a region by its code; the rest (agencies, holidays, planning
    /// years, categories) by a short key of letters, digits, `.`, `_` and `-`.
    static let uuidKinds: Set<String> = ["usulan", "project", "forum", "complaint", "thread", "program", "comment", "account", "article",
                                         "document", "partner_agreement", "partner_contribution", "project_report"]

    /// Only a subject whose id has the form of its kind: anything else (`x"><meta …`) names no subject.
    init?(type: String?, id: String?) {
        guard let type, let id, (1...40).contains(type.utf8.count), (1...80).contains(id.utf8.count),
              type.utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || $0 == UInt8(ascii: "_") }) else { return nil }
        if Self.uuidKinds.contains(type) {
            guard UUID(uuidString: id) != nil else { return nil }
        } else if type == "region" {
            guard RegionCode(id) != nil else { return nil }
        } else {
            guard id.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "._-".unicodeScalars.contains($0)) })
            else { return nil }
        }
        self.type = type
        self.id = id
    }

    /// The public page of the subject, for the kinds that have one.
    var page: String? {
        guard !confidential else { return nil }
        return switch type {
        case "usulan": SiteRoute.usulan(id).path
        case "project": SiteRoute.project(id).path
        case "forum": SiteRoute.forum(id).path
        case "region": SiteRoute.region(id).path
        case "complaint": SiteRoute.complaint(id).path
        default: nil
        }
    }

    /// The trail of this subject alone.
    var trail: String { SiteRoute.audit.path + "?jenis=\(type.urlQueryEscaped)&id=\(id.urlQueryEscaped)" }

    func label(_ ctx: ViewContext) -> String {
        let short = String(id.prefix(8)).uppercased()
        switch type {
        case "usulan": return "usulan U-\(short)"
        case "project": return ctx.t("proyek P-\(short)", "project P-\(short)")
        case "forum": return "forum " + short
        case "region": return ctx.t("wilayah ", "region ") + id
        case "complaint": return confidential ? ctx.t("pengaduan rahasia", "confidential complaint") : ctx.t("pengaduan L-\(short)", "complaint L-\(short)")
        default: return type + " " + String(id.prefix(13))
        }
    }
}

/// The public audit trail: the head of the chain, how to verify it, and the records (of one subject if asked).
struct AuditPage {
    var records: [AuditRecord]
    var head: AuditRecord?
    var before: Int64?
    var subject: AuditSubject?
    /// Ids of the confidential complaints among the records.
    var confidential: Set<String> = []

    func render(_ ctx: ViewContext) -> HTML {
        Layout.page(ctx, title: ctx.t("Jejak audit", "Audit trail"), [
            .h1(.text(ctx.t("Jejak audit publik", "Public audit trail"))),
            .p(.class("lead"), .text(ctx.t(
                "Setiap perubahan di Rembuk dicatat di sini: siapa, apa, kapan, dan mengapa. Tiap catatan memuat sidik SHA-256 dari isinya dan dari catatan sebelumnya, sehingga sejarah tidak bisa diubah diam-diam.",
                "Every change in Rembuk is recorded here: who, what, when and why. Each record carries a SHA-256 hash of its content and of the record before it, so history cannot be rewritten quietly."))),
            subjectHeading(ctx),
            table(ctx),
            pager(ctx),
            verification(ctx),
        ])
    }

    func subjectHeading(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard let subject else { return .empty }
        return .div(.class("alert"),
            .p(.strong(.text(ctx.t("Hanya catatan tentang ", "Only the records about ") + subject.label(ctx)))),
            .p(.unwrap(subject.page) { .group(.a(.href($0), .text(ctx.t("Buka halamannya", "Open its page"))), .text(" · ")) },
               .a(.href(SiteRoute.audit.path), .text(ctx.t("Semua catatan", "All records")))))
    }

    func table(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard !records.isEmpty else { return .p(.class("muted"), .text(ctx.t("Belum ada catatan.", "No records yet."))) }
        return .table(
            .caption(.text(ctx.t("Catatan terbaru", "Latest records"))),
            .thead(.tr(.th(.class("num"), .text("No.")), .th(.text(ctx.t("Waktu", "Time"))), .th(.text(ctx.t("Pelaku", "Actor"))),
                       .th(.text(ctx.t("Tindakan", "Action"))), .th(.text(ctx.t("Keterangan", "Details"))), .th(.class("hide-small"), .text(ctx.t("Sidik", "Hash"))))),
            .tbody(.forEach(records) { record in
                let about = AuditSubject(type: record.subjectType, id: record.subjectID).map { subject -> AuditSubject in
                    var subject = subject
                    subject.confidential = record.subjectType == "complaint" && confidential.contains(record.subjectID)
                    return subject
                }
                return .tr(.td(.class("num"), .text(String(record.id ?? 0))),
                    .td(.text(DateText.dateTime(Date(millis: record.occurredAtMillis), ctx.language))),
                    .td(.text(record.actorLabel)),
                    .td(.code(.text(record.action)), .br(),
                        about.map { subject == nil ? .a(.href($0.trail), .text($0.label(ctx))) : .text($0.label(ctx)) }
                            ?? (record.subjectType == "complaint" ? .text(ctx.t("pengaduan rahasia", "confidential complaint")) : .empty)),
                    details(record, confidential: about?.confidential == true, ctx),
                    .td(.class("hash hide-small"), .text(String(record.hash.prefix(12)) + "…")))
            }))
    }

    /// What the record says. A complaint made confidential after it was filed keeps its earlier records in the chain
    /// (they cannot change), but this page no longer repeats what they say (docs/SECURITY.md, "Complaints in the trail").
    func details(_ record: AuditRecord, confidential: Bool, _ ctx: ViewContext) -> Node<HTML.TableRowContext> {
        guard !confidential else {
            return .td(.class("muted"), .text(ctx.t("Isi catatan tidak ditampilkan: pengaduan ini kini rahasia.", "Not shown: this complaint is now confidential.")))
        }
        return .td(.text(record.summary), .if(!record.reason.isEmpty, .group(.br(), .em(.text(ctx.t("Alasan: ", "Reason: ") + record.reason)))))
    }

    func pager(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard let last = records.last?.id, last > 1, records.count == AuditController.pageSize else { return .empty }
        let base = subject.map { $0.trail + "&" } ?? SiteRoute.audit.path + "?"
        return .nav(.class("pager"), .attribute(named: "aria-label", value: ctx.t("Halaman", "Pages")),
                    .a(.href(base + "sebelum=\(last)"), .text(ctx.t("Catatan lebih lama ›", "Older records ›"))))
    }

    func verification(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let fields = "sequence, occurredAtMillis, actorID, actorLabel, action, subjectType, subjectID, regionCode, summary, reason, previousHash"
        let write: Node<HTML.ListContext> = .li(.text(ctx.t(
            "Catat sidik di atas, misalnya di berita acara (Rembuk mencetaknya otomatis saat forum ditutup).",
            "Write the hash above down, e.g. in the minutes (Rembuk prints it when a forum closes).")))
        let download: Node<HTML.ListContext> = .li(.text(ctx.t("Unduh semua catatan berurutan dari ", "Download every record in order from ")),
            .a(.href(SiteRoute.apiAudit.path), .code(.text(SiteRoute.apiAudit.path))), .text(ctx.t(" (bertahap, ikuti “next”).", " (paged, follow “next”).")))
        let recompute: Node<HTML.ListContext> = .li(.text(ctx.t("Untuk tiap catatan, susun teks kanoniknya: baris ", "For each record build its canonical text: the line ")),
            .code("rembuk-audit-v1"), .text(ctx.t(", lalu satu baris per isian ", ", then one line per field ")), .code(.text(fields)),
            .text(ctx.t(" berbentuk ", " written as ")), .code(.text(ctx.t("panjang-dalam-byte:isi", "length-in-bytes:value"))),
            .text(ctx.t(". SHA-256 teks itu (UTF-8, heksadesimal) harus sama dengan “hash”, dan “previousHash” harus sama dengan “hash” catatan sebelumnya.",
                        ". Its SHA-256 (UTF-8, hexadecimal) must equal “hash”, and “previousHash” must equal the previous record's “hash”.")))
        let compare: Node<HTML.ListContext> = .li(.text(ctx.t(
            "Sidik yang Anda catat harus muncul di rantai pada nomor yang sama. Pengelola server bisa menjalankan ",
            "The hash you wrote down must appear at the same number. Server operators can run ")),
            .code("rembuk audit verify"), .text(ctx.t(", yang menyebut catatan pertama yang tidak cocok.", ", which names the first record that does not match.")))
        return .section(.class("card"), .attribute(named: "aria-labelledby", value: "periksa"),
            .h2(.id("periksa"), .text(ctx.t("Cara memeriksa rantai", "How to verify the chain"))),
            .p(.text(ctx.t("Sidik terakhir (kepala rantai), catatan nomor ", "Latest hash (head of the chain), record number ") + String(head?.id ?? 0) + ":")),
            .p(.class("hash"), .text(head?.hash ?? AuditEntry.genesisHash)),
            .ol(write, download, recompute, compare))
    }
}
