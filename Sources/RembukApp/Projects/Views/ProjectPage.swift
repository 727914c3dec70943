import Foundation
import Plot
import RembukCore

/// A project in public: the village-billboard card (activity, place, amount, source, progress, latest photo),
/// its facts, the usulan it carries out and the timeline of reports and changes. Its agency's staff also get
/// the report, status and pagu forms.
struct ProjectPage {
    var project: Project
    var agencyName: String
    var desaName: String
    var kecamatanName: String
    var usulan: [Usulan]
    var reports: [ProjectReport]
    var events: [ProjectEvent]
    /// Photos by report id.
    var photos: [UUID: [Attachment]]
    var following: Bool
    var canManage: Bool
    /// Partners whose agreement in force covers this project.
    var partners: [Partner] = []
    var errors = FormErrors()
    var typedPagu = ""
    var typedReason = ""

    var id: String { project.id?.uuidString ?? "" }

    func render(_ ctx: ViewContext) -> HTML {
        Layout.page(ctx, title: "\(project.title) · \(project.number)", [
            .p(.a(.href(SiteRoute.projects.path), .text(ctx.t("‹ Semua proyek", "‹ All projects")))),
            .h1(.text(project.title)),
            .p(.span(.class("badge status-\(project.status)"), .text(project.projectStatus.label(ctx.language))),
               .text(" \(project.number) · \(agencyName)")),
            FormKit.summary(ctx, errors),
            heldUp(ctx),
            billboard(ctx),
            participation(ctx),
            ProjectStaffPanel(page: self).render(ctx),
            facts(ctx),
            origin(ctx),
            timeline(ctx),
            .p(.a(.href(SiteRoute.complaintNew.path + "?tentang=project&id=" + id), .text(ctx.t("Laporkan masalah", "Report a problem"))),
               .text(" · "),
               .a(.href(AuditSubject(type: "project", id: id)?.trail ?? SiteRoute.audit.path),
                  .text(ctx.t("Jejak audit proyek ini", "This project's audit trail")))),
        ])
    }

    /// Why a held-up project is held up, from the status change that said so.
    func heldUp(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard project.projectStatus == .terhambat,
              let event = events.last(where: { $0.kind == ProjectEvent.Kind.status.rawValue && $0.toValue == ProjectStatus.terhambat.rawValue })
        else { return .empty }
        return .div(.class("alert error"), .p(.strong(.text(ctx.t("Pekerjaan terhambat: ", "Work is held up: "))), .text(event.note)))
    }

    var latestPhoto: Attachment? {
        reports.lazy.compactMap { report in report.id.flatMap { photos[$0]?.first } }.first
    }

    func billboard(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let spentShare = ChartScale.percent(project.realised, of: project.pagu)
        return .section(.class("card billboard"), .attribute(named: "aria-labelledby", value: "papan"),
            .h2(.id("papan"), .text(ctx.t("Papan informasi kegiatan", "Project billboard"))),
            .dl(.class("facts"),
                .dt(.text(ctx.t("Kegiatan", "Activity"))), .dd(.text(project.title)),
                .dt(.text(ctx.t("Lokasi", "Location"))), .dd(.text("\(desaName), Kec. \(kecamatanName)")),
                .dt(.text(ctx.t("Nilai (pagu)", "Amount (budget)"))), .dd(.strong(.text(Rupiah(project.pagu).formatted))),
                .dt(.text(ctx.t("Sumber dana", "Funding"))), .dd(.text("\(project.source.label(ctx.language)) TA \(project.year)")),
                .dt(.text(ctx.t("Pelaksana", "Contractor"))), .dd(.text(project.contractor.isEmpty ? ctx.t("belum ditetapkan", "not yet chosen") : project.contractor)),
                .if(!partners.isEmpty, .group(.dt(.text(ctx.t("Mitra", "Partners"))), .dd(PartnerLinks.render(partners)))),
                .dt(.text(ctx.t("Waktu", "Period"))), .dd(.text(period(ctx))),
                .dt(.id("kemajuan"), .text(ctx.t("Kemajuan fisik", "Physical progress"))),
                .dd(.element(named: "progress", nodes: [.attribute(named: "max", value: "100"),
                                                        .attribute(named: "value", value: String(Double(project.progress) / 100)),
                                                        .attribute(named: "aria-labelledby", value: "kemajuan"),
                                                        .text(ProgressRule.percentText(project.progress))]),
                    .text(" " + ProgressRule.percentText(project.progress))),
                .dt(.text(ctx.t("Realisasi keuangan", "Money spent"))),
                .dd(.text("\(Rupiah(project.realised).formatted) (\(spentShare) %)")),
                .dt(.text(ctx.t("Laporan terakhir", "Latest report"))),
                .dd(.text(reports.first.flatMap { LocalDate(iso: $0.reportedOn) }.map { DateText.long($0, ctx.language) } ?? ctx.t("belum ada", "none yet")))),
            .unwrap(latestPhoto) { photo in
                .element(named: "figure", nodes: [
                    .selfClosedElement(named: "img", attributes: [
                        .escaped("src", SiteRoute.attachment(photo.id?.uuidString ?? "").path),
                        .escaped("alt", ctx.t("Foto terbaru: ", "Latest photo: ") + photo.filename),
                        .escaped("loading", "lazy"),
                    ]),
                    .element(named: "figcaption", text: ctx.t("Foto laporan terakhir", "Photo of the latest report")),
                ])
            })
    }

    func period(_ ctx: ViewContext) -> String {
        guard let start = LocalDate(iso: project.plannedStart), let end = LocalDate(iso: project.plannedEnd) else { return "–" }
        return "\(DateText.medium(start, ctx.language)) – \(DateText.medium(end, ctx.language))"
    }

    func participation(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard ctx.isSignedIn else {
            return .p(.a(.href(SiteRoute.login.path + "?kembali=" + ctx.path.urlQueryEscaped),
                         .text(ctx.t("Masuk untuk mengikuti laporan proyek ini", "Sign in to follow this project's reports"))))
        }
        return FormKit.form(.class("inline"), .attribute(named: "method", value: "post"),
                            .attribute(named: "action", value: (following ? SiteRoute.unfollow : SiteRoute.follow).path),
                            FormKit.csrf(ctx),
                            .input(.type(.hidden), .name("subject_type"), .value("project")),
                            .input(.type(.hidden), .name("subject_id"), .value(id)),
                            .button(.type(.submit), .class(following ? "secondary" : ""),
                                    .text(following ? ctx.t("Berhenti mengikuti", "Unfollow") : ctx.t("Ikuti laporannya", "Follow its reports"))))
    }

    func facts(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text(ctx.t("Rincian", "Details"))),
            .if(!project.description.isEmpty, .p(.text(project.description))),
            .dl(.class("facts"),
                .dt(.text(ctx.t("Perangkat daerah", "Agency"))), .dd(.text(agencyName)),
                .dt(.text(ctx.t("Bidang", "Sector"))), .dd(.text(project.sector?.label(ctx.language) ?? project.bidang)),
                .dt(.text(ctx.t("Sub-kegiatan", "Sub-activity"))),
                .dd(.code(.text(project.subKegiatan)), .text(" · " + (Nomenclature(rawValue: project.nomenclature)?.label ?? project.nomenclature))),
                .unwrap(project.point) { point in
                    .group([.dt(.text(ctx.t("Koordinat", "Coordinates"))),
                            .dd(.a(.href("geo:\(point.latitude),\(point.longitude)"), .text("\(point.latitude), \(point.longitude)")))])
                }))
    }

    func origin(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard !usulan.isEmpty else { return .empty }
        return .section(
            .h2(.text(ctx.t("Berasal dari usulan warga", "From citizens' proposals"))),
            .ul(.forEach(usulan) { item in
                .li(.a(.href(SiteRoute.usulan(item.id?.uuidString ?? "").path), .text(item.title)),
                    .text(" · \(item.number) · \(item.workflowStatus.label(ctx.language))"))
            }))
    }

    func timeline(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let entries = reports.map { TimelineEntry.report($0) } + events.map { TimelineEntry.event($0) }
        return .section(
            .h2(.id("riwayat"), .text(ctx.t("Riwayat dan laporan kemajuan", "Timeline and progress reports"))),
            .ol(.class("timeline"), .forEach(entries.sorted { $0.millis > $1.millis }) { entry in
                switch entry {
                case let .report(report): return reportItem(ctx, report)
                case let .event(event): return eventItem(ctx, event)
                }
            }))
    }

    enum TimelineEntry {
        case report(ProjectReport)
        case event(ProjectEvent)

        var millis: Int64 {
            switch self {
            case let .report(report): report.createdMillis
            case let .event(event): event.atMillis
            }
        }
    }

    func reportItem(_ ctx: ViewContext, _ report: ProjectReport) -> Node<HTML.ListContext> {
        let day = LocalDate(iso: report.reportedOn).map { DateText.long($0, ctx.language) } ?? report.reportedOn
        let figures = ctx.t("Fisik ", "Physical ") + ProgressRule.percentText(report.progress)
        let spent = " · " + ctx.t("realisasi ", "spent ") + Rupiah(report.realised).formatted
        let byline = report.actorLabel + " · " + DateText.dateTime(Date(millis: report.createdMillis), ctx.language)
        let gallery = report.id.flatMap { photos[$0] }.map { AttachmentViews.gallery(ctx, $0, heading: false) } ?? .empty
        return .li(.id("laporan-\(report.id?.uuidString ?? "")"),
            .h3(.text(ctx.t("Laporan keadaan ", "Report as of ") + day)),
            .p(.strong(.text(figures)), .text(spent)),
            .p(.text(report.notes)),
            labelled(ctx.t("Kendala: ", "Problems: "), report.problems),
            labelled(ctx.t("Alasan koreksi: ", "Reason for the correction: "), report.reason),
            gallery,
            .p(.class("muted"), .text(byline)))
    }

    func labelled(_ label: String, _ text: String) -> Node<HTML.BodyContext> {
        text.isEmpty ? .empty : .p(.strong(.text(label)), .text(text))
    }

    func eventItem(_ ctx: ViewContext, _ event: ProjectEvent) -> Node<HTML.ListContext> {
        let text: String
        switch ProjectEvent.Kind(rawValue: event.kind) {
        case .created:
            text = ctx.t("Proyek dibuat dengan pagu ", "Project created with a budget of ") + Rupiah(project.originalPagu(events: events)).formatted
        case .status:
            let to = ProjectStatus(rawValue: event.toValue)?.label(ctx.language) ?? event.toValue
            text = ctx.t("Status menjadi ", "Status became ") + to
        case .pagu:
            text = ctx.t("Pagu diubah ", "Budget changed ") + "\(Rupiah(Int64(event.fromValue) ?? 0).formatted) → \(Rupiah(Int64(event.toValue) ?? 0).formatted)"
        case nil:
            text = event.kind
        }
        let byline = event.actorLabel + " · " + DateText.dateTime(Date(millis: event.atMillis), ctx.language)
        return .li(.p(.strong(.text(text))), labelled("", event.note), .p(.class("muted"), .text(byline)))
    }
}

extension Project {
    /// The pagu a project had when it was created: the one before its first recorded change, or today's.
    func originalPagu(events: [ProjectEvent]) -> Int64 {
        let first = events.filter { $0.kind == ProjectEvent.Kind.pagu.rawValue }.min { $0.atMillis < $1.atMillis }
        return first.flatMap { Int64($0.fromValue) } ?? pagu
    }
}
