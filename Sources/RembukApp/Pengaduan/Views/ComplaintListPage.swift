import Plot
import RembukCore

/// Complaints as a table: the public list (verified, not confidential), the reporter's own, or the handling
/// board with each one's due date and overdue flag.
struct ComplaintListPage {
    enum Kind { case publik, mine, board }

    var kind: Kind
    var items: [Complaint]
    var total: Int
    var filter: ComplaintFilter
    var categories: [ComplaintCategory]
    var agencyNames: [String: String]
    var regionNames: [String: String]
    var kecamatan: [Region]
    var clock: ComplaintClock
    var today: LocalDate

    var title: (String, String) {
        switch kind {
        case .publik: ("Pengaduan dan masukan", "Complaints and feedback")
        case .mine: ("Pengaduan saya", "My complaints")
        case .board: ("Papan pengaduan", "Complaints board")
        }
    }

    func render(_ ctx: ViewContext) -> HTML {
        let overdue = items.filter { isOverdue($0) }.count
        return Layout.page(ctx, title: ctx.t(title.0, title.1), [
            .h1(.text(ctx.t(title.0, title.1))),
            .p(.a(.class("button"), .href(SiteRoute.complaintNew.path), .text(ctx.t("Laporkan masalah", "Report a problem"))),
               .text(" "), .a(.href(SiteRoute.myComplaints.path), .text(ctx.t("Pengaduan saya", "My complaints"))),
               .text(" · "), .a(.href(SiteRoute.complaintStatistics.path), .text(ctx.t("Statistik penanganan", "Handling statistics")))),
            kind == .board
                ? .p(.attribute(named: "role", value: "status"), .text(ctx.t("\(items.count) pengaduan terbuka, \(overdue) lewat tenggat. ",
                                                                              "\(items.count) open complaints, \(overdue) overdue. ")),
                     ctx.can(.managePlanning(kabupaten: ctx.kabupaten))
                        ? .a(.href(SiteRoute.complaintCategories.path), .text(ctx.t("Kategori dan disposisi", "Categories and routing"))) : .empty)
                : .p(.class("muted"), .text(kind == .publik
                    ? ctx.t("Pengaduan yang sudah diverifikasi. Pengaduan rahasia tidak pernah ditampilkan di sini.", "Verified complaints. Confidential ones are never shown here.")
                    : ctx.t("Semua pengaduan yang Anda kirim, termasuk yang rahasia.", "Every complaint you sent, confidential ones included."))),
            kind == .publik ? filters(ctx) : .empty,
            table(ctx),
            kind == .publik
                ? Pager.nav(ctx, page: filter.page, pages: max(1, (total + ComplaintFilter.perPage - 1) / ComplaintFilter.perPage)) {
                    SiteRoute.complaints.path + filter.query(page: $0)
                } : .empty,
        ])
    }

    /// Search and filters, with the downloads of exactly what is listed.
    func filters(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let all = FormKit.Choice(value: "", label: ctx.t("Semua", "All"))
        let none = FormErrors()
        let statuses = ComplaintStatus.allCases.filter { ComplaintVisibility.publicStatuses.contains($0) }
        let query = filter.query(page: nil)
        return .group(
            FormKit.form(.class("filters"), .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.complaints.path),
                FormKit.field(ctx, .init(name: "q", label: ctx.t("Cari", "Search"), type: .search, value: filter.search), errors: none),
                FormKit.select(ctx, name: "kategori", label: ctx.t("Kategori", "Category"),
                               choices: [all] + categories.map { .init(value: $0.id ?? "", label: $0.name) }, selected: filter.category ?? "", errors: none),
                FormKit.select(ctx, name: "kecamatan", label: "Kecamatan",
                               choices: [all] + kecamatan.map { .init(value: $0.id ?? "", label: $0.name) }, selected: filter.kecamatan ?? "", errors: none),
                FormKit.select(ctx, name: "status", label: "Status",
                               choices: [all] + statuses.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                               selected: filter.status?.rawValue ?? "", errors: none),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("Terapkan", "Apply")))),
            .p(.class("muted"), .text(ctx.t("\(total) pengaduan · Unduh: ", "\(total) complaints · Download: ")),
               .a(.href(SiteRoute.complaintsCSV.path + query), .text("CSV")), .text(" · "),
               .a(.href(SiteRoute.complaintsJSON.path + query), .text("JSON")), .text(" · "),
               .a(.href(SiteRoute.complaintFeed.path + query), .text(ctx.t("kabar Atom", "Atom feed")))))
    }

    func isOverdue(_ complaint: Complaint) -> Bool {
        guard let since = LocalDate(iso: complaint.clockSince) else { return false }
        return clock.isOverdue(complaint.complaintStatus, since: since, today: today)
    }

    func due(_ complaint: Complaint) -> LocalDate? {
        guard let since = LocalDate(iso: complaint.clockSince) else { return nil }
        switch clock.stage(complaint.complaintStatus, since: since) {
        case let .verification(due)?, let .response(due)?: return due
        case nil: return nil
        }
    }

    func table(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard !items.isEmpty else {
            return .p(.class("muted"), .text(filter.query(page: nil).isEmpty || kind != .publik ? ctx.t("Belum ada pengaduan.", "No complaints yet.")
                                                                                                 : ctx.t("Tidak ada pengaduan yang cocok.", "No matching complaints.")))
        }
        let names = Dictionary(categories.map { ($0.id ?? "", $0.name) }, uniquingKeysWith: { a, _ in a })
        return .div(.class("scroll"), .table(
            .thead(.tr(.th(.text(ctx.t("Pengaduan", "Complaint"))), .th(.text(ctx.t("Kategori", "Category"))), .th(.text("Kecamatan")),
                       .th(.text(ctx.t("Perangkat daerah", "Agency"))), .th(.text("Status")),
                       .th(.text(kind == .board ? ctx.t("Tenggat", "Due") : ctx.t("Diterima", "Received"))))),
            .tbody(.forEach(items) { complaint in
                let late = kind == .board && isOverdue(complaint)
                let when = kind == .board ? due(complaint) : LocalDate(iso: complaint.receivedOn)
                return .tr(
                    .td(.a(.href(SiteRoute.complaint(complaint.id?.uuidString ?? "").path), .text(complaint.title)), .br(),
                        .span(.class("muted"), .text(complaint.number + (complaint.complaintPrivacy == .rahasia ? ctx.t(" · rahasia", " · confidential") : "")))),
                    .td(.text(names[complaint.category] ?? complaint.category)),
                    .td(.text(regionNames[complaint.kecamatanCode] ?? "–")),
                    .td(.text(complaint.agency.isEmpty ? "–" : agencyNames[complaint.agency] ?? complaint.agency)),
                    .td(.span(.class("badge status-\(complaint.status)"), .text(complaint.complaintStatus.label(ctx.language)))),
                    .td(.text(when.map { DateText.medium($0, ctx.language) } ?? "–"),
                        late ? .group(.text(" "), .span(.class("badge status-ditolak"), .text(ctx.t("lewat tenggat", "overdue")))) : .empty))
            })))
    }
}
