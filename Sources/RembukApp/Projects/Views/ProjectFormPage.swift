import Plot
import RembukCore

/// Creating a project (from the accepted usulan of the person's agencies, or directly) or editing its details.
struct ProjectFormPage {
    var input: SaveProject.Input
    var existing: Project?
    /// Accepted usulan not yet in a project, for the agencies this person acts for.
    var candidates: [Usulan]
    var agencies: [Agency]
    var choices: ScopeChoices
    var desaNames: [String: String]
    var errors = FormErrors()

    static func input(from project: Project) -> SaveProject.Input {
        var input = SaveProject.Input()
        input.title = project.title
        input.description = project.description
        input.agency = project.agency
        input.bidang = project.bidang
        input.year = String(project.year)
        input.sub_kegiatan = project.subKegiatan
        input.nomenclature = project.nomenclature
        input.funding_source = project.fundingSource
        input.pagu = Rupiah(project.pagu).formatted
        input.contractor = project.contractor
        input.desa_code = project.desaCode
        input.latitude = project.latitude.map { String($0) }
        input.longitude = project.longitude.map { String($0) }
        input.planned_start = project.plannedStart
        input.planned_end = project.plannedEnd
        return input
    }

    /// A new project's form filled from the usulan it is made from: their agency, sector, place, total cost.
    static func input(from usulan: [Usulan], year: Int) -> SaveProject.Input {
        var input = SaveProject.Input()
        input.year = String(usulan.first?.year ?? year)
        input.nomenclature = Nomenclature.current.rawValue
        input.funding_source = FundingSource.apbd.rawValue
        guard let first = usulan.first else { return input }
        input.title = usulan.count == 1 ? first.title : ""
        input.description = usulan.count == 1 ? first.proposal : ""
        input.agency = first.targetAgency
        input.bidang = first.bidang
        input.desa_code = first.desaCode
        input.latitude = first.latitude.map { String($0) }
        input.longitude = first.longitude.map { String($0) }
        input.pagu = Rupiah(usulan.reduce(0) { $0 + $1.cost }).formatted
        input.usulan = usulan.compactMap { $0.id?.uuidString }
        return input
    }

    var title: (String, String) {
        existing == nil ? ("Proyek baru", "New project") : ("Ubah data proyek", "Edit the project")
    }

    func render(_ ctx: ViewContext) -> HTML {
        let action = existing.map { SiteRoute.projectEdit($0.id?.uuidString ?? "").path } ?? SiteRoute.projectNew.path
        return Layout.page(ctx, title: ctx.t(title.0, title.1), [
            .unwrap(existing) { .p(.a(.href(SiteRoute.project($0.id?.uuidString ?? "").path), .text("‹ " + $0.title))) },
            .h1(.text(ctx.t(title.0, title.1))),
            .p(.class("lead"), .text(existing == nil
                ? ctx.t("Proyek dibuat dari usulan yang sudah diterima perangkat daerah atau masuk RKPD, atau langsung. Usulan yang dipilih ikut berstatus Dianggarkan dan pengusulnya diberi tahu.",
                        "A project is made from proposals accepted by the agency or in the RKPD, or directly. The chosen proposals become Budgeted and their proposers are told.")
                : ctx.t("Pagu diubah lewat “Ubah pagu” di halaman proyek, dengan dasar perubahannya.", "The budget is changed with “Change budget” on the project page, with its basis."))),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack wide"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: action),
                FormKit.noValidation,
                FormKit.csrf(ctx),
                existing == nil ? usulanSection(ctx) : .empty,
                FormKit.field(ctx, .init(name: "title", label: ctx.t("Nama kegiatan", "Activity"), value: input.title ?? "",
                                         hint: ctx.t("Seperti di papan proyek, mis. “Rehabilitasi jalan lingkungan Dusun Krajan 450 m”.", "As on the project billboard."),
                                         required: true), errors: errors),
                FormKit.textarea(ctx, name: "description", label: ctx.t("Uraian", "Description"), value: input.description ?? "", errors: errors, rows: 4),
                budgetFields(ctx),
                placeFields(ctx),
                .div(.class("row"),
                     FormKit.field(ctx, .init(name: "planned_start", label: ctx.t("Rencana mulai", "Planned start"), type: .date, value: input.planned_start ?? "",
                                              required: true), errors: errors),
                     FormKit.field(ctx, .init(name: "planned_end", label: ctx.t("Rencana selesai", "Planned end"), type: .date, value: input.planned_end ?? "",
                                              required: true), errors: errors)),
                .button(.type(.submit), .text(existing == nil ? ctx.t("Buat proyek", "Create the project") : ctx.t("Simpan", "Save")))),
        ])
    }

    func usulanSection(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let chosen = Set(input.usulan ?? [])
        let error = errors["usulan"]
        return .element(named: "fieldset", nodes: [
            .class(error == nil ? "field" : "field invalid"),
            .element(named: "legend", nodes: [.text(ctx.t("Usulan yang dikerjakan", "Proposals it carries out")),
                                              .span(.class("optional"), .text(" " + ctx.t("(tidak wajib)", "(optional)")))]),
            .unwrap(error) { .p(.class("error"), .id("f-usulan-error"), .text(ctx.t($0))) },
            candidates.isEmpty
                ? .p(.class("hint"), .text(ctx.t("Tidak ada usulan diterima yang belum menjadi proyek.", "No accepted proposal is waiting for a project.")))
                : .ul(.class("kept"), .forEach(candidates) { item in
                    let id = item.id?.uuidString ?? ""
                    return .li(FormKit.input([("type", "checkbox"), ("id", "u-" + id), ("name", "usulan[]"), ("value", id),
                                              chosen.contains(id) ? ("checked", "checked") : nil]),
                               .label(.for("u-" + id), .text(" \(item.number) · \(item.title) · \(desaNames[item.desaCode] ?? item.desaCode) · \(Rupiah(item.cost).formatted) · \(item.workflowStatus.label(ctx.language))")))
                }),
        ])
    }

    func budgetFields(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .group([
            existing == nil
                ? FormKit.select(ctx, name: "agency", label: ctx.t("Perangkat daerah pelaksana", "Agency carrying it out"),
                                 choices: [.init(value: "", label: ctx.t("— pilih —", "— choose —"))] + agencies.map { .init(value: $0.id ?? "", label: $0.name) },
                                 selected: input.agency ?? "", errors: errors)
                : .empty,
            .div(.class("row"),
                 FormKit.select(ctx, name: "bidang", label: ctx.t("Bidang", "Sector"),
                                choices: [.init(value: "", label: ctx.t("— pilih bidang —", "— choose a sector —"))]
                                    + Bidang.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                                selected: input.bidang ?? "", errors: errors),
                 FormKit.field(ctx, .init(name: "year", label: ctx.t("Tahun anggaran", "Budget year"), value: input.year ?? "", required: true, inputMode: "numeric"),
                               errors: errors)),
            .div(.class("row"),
                 FormKit.field(ctx, .init(name: "sub_kegiatan", label: ctx.t("Kode sub-kegiatan", "Sub-activity code"), value: input.sub_kegiatan ?? "",
                                          hint: "1.03.02.2.01.0001", required: true), errors: errors),
                 FormKit.select(ctx, name: "nomenclature", label: ctx.t("Versi nomenklatur", "Nomenclature version"),
                                choices: Nomenclature.allCases.reversed().map { .init(value: $0.rawValue, label: $0.label) },
                                selected: input.nomenclature ?? Nomenclature.current.rawValue, errors: errors)),
            .div(.class("row"),
                 FormKit.select(ctx, name: "funding_source", label: ctx.t("Sumber dana", "Funding source"),
                                choices: FundingSource.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                                selected: input.funding_source ?? FundingSource.apbd.rawValue, errors: errors),
                 existing == nil
                    ? FormKit.field(ctx, .init(name: "pagu", label: ctx.t("Pagu (Rp)", "Budget (Rp)"), value: input.pagu ?? "", required: true, inputMode: "numeric"),
                                    errors: errors)
                    : .empty),
            FormKit.field(ctx, .init(name: "contractor", label: ctx.t("Pelaksana / penyedia", "Contractor"), value: input.contractor ?? "",
                                     hint: ctx.t("Bisa diisi setelah pengadaan, mis. CV Karya Mandiri atau swakelola.", "Can be filled in after procurement."), required: false),
                          errors: errors),
        ])
    }

    func placeFields(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .group([
            FormKit.select(ctx, name: "desa_code", label: ctx.t("Lokasi: desa/kelurahan", "Location: village"), choices: choices.desaChoices(ctx),
                           selected: input.desa_code ?? "", errors: errors),
            .div(.class("row"),
                 FormKit.field(ctx, .init(name: "latitude", label: ctx.t("Lintang", "Latitude"), value: input.latitude ?? "", hint: "-6.5569", inputMode: "decimal"),
                               errors: errors),
                 FormKit.field(ctx, .init(name: "longitude", label: ctx.t("Bujur", "Longitude"), value: input.longitude ?? "", hint: "107.4431", inputMode: "decimal"),
                               errors: errors)),
        ])
    }
}
