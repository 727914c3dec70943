import Foundation
import Plot
import RembukCore

/// One complaint: what, where, who (unless hidden), its steps, and the forms of whoever handles it now.
struct ComplaintPage {
    var complaint: Complaint
    var events: [ComplaintEvent]
    var photos: [Attachment]
    var category: ComplaintCategory?
    var subject: ComplaintSubject?
    var regionNames: [String: String]
    var agencies: [Agency]
    /// The reporter's pseudonym, or nil when it is hidden from this reader.
    var reporter: String?
    var isAdmin: Bool
    var isAgency: Bool
    var isReporter: Bool
    var clock: ComplaintClock
    var today: LocalDate
    var errors = FormErrors()

    var id: String { complaint.id?.uuidString ?? "" }

    func render(_ ctx: ViewContext) -> HTML {
        Layout.page(ctx, title: "\(complaint.title) · \(complaint.number)", [
            .p(.a(.href(SiteRoute.complaints.path), .text(ctx.t("‹ Pengaduan", "‹ Complaints")))),
            .h1(.text(complaint.title)),
            .p(.span(.class("badge status-\(complaint.status)"), .text(complaint.complaintStatus.label(ctx.language))),
               .text(" \(complaint.number) "),
               complaint.complaintPrivacy == .rahasia ? .span(.class("badge"), .text(ctx.t("Rahasia", "Confidential"))) : .empty),
            FormKit.summary(ctx, errors),
            clockLine(ctx),
            facts(ctx),
            .p(.text(complaint.text)),
            AttachmentViews.gallery(ctx, photos),
            timeline(ctx),
            ComplaintActions(page: self).render(ctx),
        ])
    }

    func clockLine(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard isAdmin || isAgency || isReporter, let since = LocalDate(iso: complaint.clockSince),
              let stage = clock.stage(complaint.complaintStatus, since: since) else { return .empty }
        let (what, due): (String, LocalDate) = switch stage {
        case let .verification(due): (ctx.t("Verifikasi", "Verification"), due)
        case let .response(due): (ctx.t("Tindak lanjut perangkat daerah", "The agency's follow-up"), due)
        }
        let late = due < today
        return .div(.class(late ? "alert error" : "alert"), .p(.text(
            "\(what) " + ctx.t("paling lambat ", "due by ") + DateText.long(due, ctx.language) + (late ? ctx.t(" — sudah lewat tenggat.", " — overdue.") : "."))))
    }

    func facts(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let place = [complaint.place, regionNames[complaint.desaCode], regionNames[complaint.kecamatanCode].map { "Kec. \($0)" }]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        return .dl(.class("facts"),
            .dt(.text(ctx.t("Kategori", "Category"))), .dd(.text(category?.name ?? complaint.category)),
            .unwrap(subject) { .group(.dt(.text(ctx.t("Tentang", "About"))), .dd(.a(.href($0.path), .text($0.label)))) },
            .dt(.text(ctx.t("Lokasi", "Place"))), .dd(.text(place.isEmpty ? "–" : place)),
            .dt(.text(ctx.t("Pelapor", "Reporter"))), .dd(.text(reporter ?? ctx.t("Dirahasiakan", "Withheld"))),
            .dt(.text(ctx.t("Diterima", "Received"))), .dd(.text(LocalDate(iso: complaint.receivedOn).map { DateText.long($0, ctx.language) } ?? "–")),
            .unwrap(complaint.agency.isEmpty ? nil : complaint.agency) { agency in
                .group(.dt(.text(ctx.t("Ditangani", "Handled by"))), .dd(.text(agencies.first { $0.id == agency }?.name ?? agency)))
            },
            .unwrap(complaint.rating) { rating in
                .group(.dt(.text(ctx.t("Penilaian pelapor", "Reporter's rating"))),
                       .dd(.text("\(rating)/5" + (complaint.ratingComment.map { " — \($0)" } ?? ""))))
            })
    }

    func timeline(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text(ctx.t("Langkah-langkahnya", "Its steps"))),
            .ol(.class("timeline"), .forEach(events) { event in
                let status = ComplaintStatus(rawValue: event.toStatus)?.label(ctx.language) ?? event.toStatus
                let heading: String = switch event.action {
                case "submit": ctx.t("Pengaduan diterima", "Complaint received")
                case "confidential": ctx.t("Dijadikan rahasia", "Made confidential")
                case ComplaintAction.respond.rawValue: ctx.t("Tindak lanjut", "Follow-up")
                case ComplaintAction.reopen.rawValue: ctx.t("Dibuka kembali oleh pelapor", "Reopened by the reporter")
                default: status
                }
                let agency = event.agency.isEmpty ? "" : " (" + (agencies.first { $0.id == event.agency }?.name ?? event.agency) + ")"
                return .li(.p(.strong(.text(heading + agency))),
                           event.note.isEmpty ? .empty : .p(.text(event.note)),
                           .p(.class("muted"), .text(event.actorLabel + " · " + DateText.dateTime(Date(millis: event.atMillis), ctx.language))))
            }))
    }
}

/// The forms on a complaint for whoever may act on it now.
struct ComplaintActions {
    var page: ComplaintPage

    var complaint: Complaint { page.complaint }

    func render(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let actions = ComplaintWorkflow.actions(from: complaint.complaintStatus).filter { action in
            switch action.owner {
            case .admin: page.isAdmin
            case .agency: page.isAgency
            case .adminOrAgency: page.isAdmin || page.isAgency
            case .reporter: page.isReporter && !complaint.reopened
            }
        }
        return .group(
            actions.isEmpty ? .empty : actionForm(ctx, actions),
            rating(ctx),
            confidential(ctx))
    }

    func actionForm(_ ctx: ViewContext, _ actions: [ComplaintAction]) -> Node<HTML.BodyContext> {
        let routed = page.subject?.agency ?? page.category?.agency ?? ""
        let suggested = complaint.agency.isEmpty ? routed : complaint.agency
        return .section(.class("card no-print"), .attribute(named: "aria-labelledby", value: "tindak"),
            .h2(.id("tindak"), .text(ctx.t("Tindak lanjut", "Follow-up"))),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.complaintAction(page.id).path),
                FormKit.csrf(ctx),
                .input(.type(.hidden), .name("expecting"), .value(complaint.status)),
                FormKit.select(ctx, name: "action", label: ctx.t("Tindakan", "Action"),
                               choices: actions.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) }, selected: actions.first?.rawValue ?? "",
                               errors: page.errors),
                actions.contains(.dispose)
                    ? FormKit.select(ctx, name: "agency", label: ctx.t("Perangkat daerah (untuk disposisi)", "Agency (when passing on)"),
                                     choices: [.init(value: "", label: "—")] + page.agencies.map { .init(value: $0.id ?? "", label: $0.name) },
                                     selected: suggested, errors: page.errors)
                    : .empty,
                FormKit.textarea(ctx, name: "note", label: ctx.t("Catatan untuk pelapor", "Note for the reporter"), value: "", errors: page.errors,
                                 hint: ctx.t("Wajib untuk tindak lanjut, penolakan, penahanan, pengarsipan dan pembukaan kembali.",
                                             "Required for follow-ups, refusals, holds, archiving and reopening."), rows: 4),
                .button(.type(.submit), .text(ctx.t("Simpan", "Save")))))
    }

    func rating(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard page.isReporter, complaint.complaintStatus == .selesai, complaint.rating == nil else { return .empty }
        return .section(.class("card no-print"),
            .h2(.text(ctx.t("Beri penilaian", "Rate the handling"))),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.complaintRate(page.id).path),
                FormKit.csrf(ctx),
                FormKit.select(ctx, name: "rating", label: ctx.t("Nilai (1 = sangat buruk, 5 = sangat baik)", "Rating (1 = very poor, 5 = very good)"),
                               choices: [.init(value: "", label: "—")] + (1...5).map { .init(value: String($0), label: String($0)) }, selected: "", errors: page.errors),
                FormKit.textarea(ctx, name: "rating_comment", label: ctx.t("Komentar", "Comment"), value: "", errors: page.errors, rows: 3),
                .button(.type(.submit), .text(ctx.t("Kirim penilaian", "Send the rating")))))
    }

    func confidential(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard page.isAdmin, complaint.complaintPrivacy != .rahasia else { return .empty }
        return .element(named: "details", nodes: [
            .class("no-print"),
            page.errors["privacy_reason"] == nil ? .empty : .attribute(named: "open", value: "open"),
            .element(named: "summary", text: ctx.t("Jadikan rahasia", "Make confidential")),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.complaintConfidential(page.id).path),
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "privacy_reason", label: ctx.t("Alasan", "Reason"), value: "",
                                         hint: ctx.t("Mis. menyebut nama orang. Setelah rahasia, pengaduan tidak bisa dibuat publik lagi.",
                                                     "E.g. it names a person. Once confidential it cannot be made public again."), required: true), errors: page.errors),
                .button(.type(.submit), .class("danger"), .text(ctx.t("Jadikan rahasia", "Make confidential")))),
        ])
    }
}
