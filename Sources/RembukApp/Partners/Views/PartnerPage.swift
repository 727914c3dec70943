import Foundation
import Plot
import RembukCore

/// One partner: profile, totals, each agreement with what it covers and what was given under it; forms for the
/// agencies that signed (agreements, contributions) and for whoever may edit the profile.
struct PartnerPage {
    struct Entry {
        var agreement: Agreement
        var agencyName: String
        var programs: [(UUID, String)]
        var projects: [(UUID, String)]
        var contributions: [Contribution]
        var canRecord: Bool
    }

    struct AgreementForm {
        var agencies: [Agency]
        var programs: [FormKit.Choice]
        var projects: [FormKit.Choice]
        var input: SaveAgreement.Input
        var errors: FormErrors
    }

    var partner: Partner
    var entries: [Entry]
    var totals: ContributionTotals
    var today: LocalDate
    var canEdit: Bool
    var agreementForm: AgreementForm?
    var contribution: (id: UUID, input: RecordContribution.Input, errors: FormErrors)?

    func render(_ ctx: ViewContext) -> HTML {
        Layout.page(ctx, title: partner.name, [
            .p(.a(.href(SiteRoute.partners.path), .text(ctx.t("‹ Semua mitra", "‹ All partners")))),
            .h1(.text(partner.name)),
            .p(.span(.class("badge"), .text(partner.partnerKind.label(ctx.language))),
               .unwrap(WebAddress(partner.website)) { site in
                   .group(.text(" · "), .a(.href(site.description), .attribute(named: "rel", value: "nofollow noopener"), .text(site.description)))
               },
               .if(canEdit, .group(.text(" · "), .a(.href(SiteRoute.partnerEdit(partner.id ?? "").path), .text(ctx.t("Ubah profil", "Edit profile")))))),
            .unwrap(partner.description.isEmpty ? nil : partner.description) { text in
                .group(text.split(separator: "\n", omittingEmptySubsequences: true).map { .p(.text(String($0))) })
            },
            PartnerTotalsView(totals: totals, partners: nil).render(ctx),
            .h2(.text(ctx.t("Perjanjian kerja sama", "Partnership agreements"))),
            entries.isEmpty ? .p(.class("muted"), .text(ctx.t("Belum ada perjanjian kerja sama yang dicatat.", "No agreement recorded yet."))) :
            .group(entries.map { entry(ctx, $0) }),
            .unwrap(agreementForm) { form(ctx, $0) },
        ])
    }

    func state(_ ctx: ViewContext, _ agreement: Agreement) -> String {
        guard let period = agreement.period else { return "" }
        if period.isActive(on: today) { return ctx.t("berlaku", "in force") }
        return period.end < today ? ctx.t("berakhir", "ended") : ctx.t("belum mulai", "not started")
    }

    func entry(_ ctx: ViewContext, _ entry: Entry) -> Node<HTML.BodyContext> {
        let agreement = entry.agreement
        let id = agreement.id?.uuidString ?? ""
        let sum = ContributionTotals(entry.contributions.map { ($0.contributionKind, $0.value) })
        let period = agreement.period.map { "\(DateText.long($0.start, ctx.language)) – \(DateText.long($0.end, ctx.language))" } ?? ""
        return .section(.class("card"), .id("pks-\(id.prefix(8))"),
            .h3(.text(ctx.t("Perjanjian ", "Agreement ") + agreement.documentNumber), .text(" "), .span(.class("badge"), .text(state(ctx, agreement)))),
            .dl(.class("facts"),
                .dt(.text(ctx.t("Perangkat daerah", "Agency"))), .dd(.text(entry.agencyName)),
                .dt(.text(ctx.t("Masa berlaku", "Period"))), .dd(.text(period)),
                .dt(.text(ctx.t("Ruang lingkup", "Scope"))), .dd(.text(agreement.scope)),
                .if(!entry.programs.isEmpty, .group(.dt(.text(ctx.t("Program", "Programmes"))),
                    .dd(.ul(.forEach(entry.programs) { .li(.a(.href(SiteRoute.program($0.0.uuidString).path), .text($0.1))) })))),
                .if(!entry.projects.isEmpty, .group(.dt(.text(ctx.t("Proyek", "Projects"))),
                    .dd(.ul(.forEach(entry.projects) { .li(.a(.href(SiteRoute.project($0.0.uuidString).path), .text($0.1))) }))))),
            entry.contributions.isEmpty ? .p(.class("muted"), .text(ctx.t("Belum ada kontribusi yang dicatat.", "No contribution recorded yet."))) :
            .table(
                .thead(.tr(.th(.text(ctx.t("Tanggal", "Date"))), .th(.text(ctx.t("Bentuk", "Kind"))), .th(.text(ctx.t("Uraian", "Description"))),
                           .th(.class("num"), .text(ctx.t("Nilai", "Value"))))),
                .tbody(.forEach(entry.contributions) { item in
                    .tr(.td(.text(LocalDate(iso: item.givenOn).map { DateText.long($0, ctx.language) } ?? item.givenOn)),
                        .td(.text(item.contributionKind.label(ctx.language))), .td(.text(item.description)),
                        .td(.class("num"), .text(Rupiah(item.value).formatted)))
                }),
                .tfoot(.tr(.th(.attribute(named: "scope", value: "row"), .attribute(named: "colspan", value: "3"), .text(ctx.t("Jumlah", "Total"))),
                           .td(.class("num"), .text(Rupiah(sum.total).formatted))))),
            .if(entry.canRecord, contributionForm(ctx, agreement)))
    }

    func contributionForm(_ ctx: ViewContext, _ agreement: Agreement) -> Node<HTML.BodyContext> {
        let id = agreement.id?.uuidString ?? ""
        let current = contribution?.id == agreement.id ? contribution : nil
        let input = current?.input ?? .init(kind: ContributionKind.uang.rawValue, given_on: today.iso)
        let errors = current?.errors ?? FormErrors()
        let prefix = "k\(id.prefix(8))-"
        return .element(named: "details", nodes: [
            .class("no-print"), .if(current != nil, .attribute(named: "open", value: "open")),
            .element(named: "summary", text: ctx.t("Catat kontribusi", "Record a contribution")),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.agreementContribution(id).path),
                FormKit.csrf(ctx),
                FormKit.select(ctx, name: "kind", label: ctx.t("Bentuk", "Kind"),
                               choices: ContributionKind.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                               selected: input.kind ?? "", errors: errors, idPrefix: prefix),
                FormKit.field(ctx, .init(name: "description", label: ctx.t("Uraian", "Description"), value: input.description ?? "",
                                         hint: ctx.t("Misalnya “500 bibit mahoni” atau “honor pelatih dua hari”.", "E.g. “500 mahogany seedlings”."), required: true),
                              errors: errors, idPrefix: prefix),
                .div(.class("row"),
                     FormKit.field(ctx, .init(name: "value", label: ctx.t("Nilai (Rp)", "Value (Rp)"), value: input.value ?? "", required: true, inputMode: "numeric"),
                                   errors: errors, idPrefix: prefix),
                     FormKit.field(ctx, .init(name: "given_on", label: ctx.t("Tanggal diterima", "Date received"), type: .date, value: input.given_on ?? "", required: true),
                                   errors: errors, idPrefix: prefix)),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("Simpan kontribusi", "Save the contribution")))),
        ])
    }

    func form(_ ctx: ViewContext, _ form: AgreementForm) -> Node<HTML.BodyContext> {
        let input = form.input
        let errors = form.errors
        let agencyChoices = (form.agencies.count == 1 ? [] : [FormKit.Choice(value: "", label: ctx.t("— pilih —", "— choose —"))])
            + form.agencies.map { FormKit.Choice(value: $0.id ?? "", label: $0.name) }
        return .section(.class("no-print"), .id("perjanjian-baru"),
            .h2(.text(ctx.t("Catat perjanjian kerja sama", "Record an agreement"))),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.partnerAgreementNew(partner.id ?? "").path),
                FormKit.csrf(ctx),
                FormKit.select(ctx, name: "agency", label: ctx.t("Perangkat daerah yang menandatangani", "Signing agency"), choices: agencyChoices,
                               selected: input.agency ?? "", errors: errors),
                FormKit.field(ctx, .init(name: "document_number", label: ctx.t("Nomor perjanjian", "Document number"), value: input.document_number ?? "",
                                         hint: ctx.t("Misalnya 027/PKS/DLH/2026.", "E.g. 027/PKS/DLH/2026."), required: true), errors: errors),
                FormKit.textarea(ctx, name: "scope", label: ctx.t("Ruang lingkup", "Scope"), value: input.scope ?? "", errors: errors, required: true),
                .div(.class("row"),
                     FormKit.field(ctx, .init(name: "starts_on", label: ctx.t("Mulai", "Starts"), type: .date, value: input.starts_on ?? "", required: true), errors: errors),
                     FormKit.field(ctx, .init(name: "ends_on", label: ctx.t("Berakhir", "Ends"), type: .date, value: input.ends_on ?? "", required: true), errors: errors)),
                .if(!form.programs.isEmpty, FormKit.choices(ctx, name: "programs", legend: ctx.t("Program yang dicakup", "Programmes covered"), choices: form.programs,
                                                            selected: Set(input.programs ?? []), errors: errors,
                                                            hint: ctx.t("Pengguna mitra ini ikut mencatat pendampingan, kegiatan dan kehadiran program yang dicakup selama perjanjian berlaku.",
                                                                        "This partner's users help log mentoring, activities and attendance of covered programmes while the agreement is in force."))),
                .if(!form.projects.isEmpty, FormKit.choices(ctx, name: "projects", legend: ctx.t("Proyek yang dicakup", "Projects covered"), choices: form.projects,
                                                            selected: Set(input.projects ?? []), errors: errors)),
                .button(.type(.submit), .text(ctx.t("Simpan perjanjian", "Save the agreement")))))
    }
}
