import Plot
import RembukCore

/// `/admin/opd`: every perangkat daerah with the sectors it takes; which sectors no agency takes yet.
struct AgenciesPage {
    var agencies: [Agency]
    var notice: String?

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Perangkat daerah (OPD)", "Agencies (OPD)")
        let active = agencies.filter(\.active)
        let unrouted = Bidang.allCases.filter { sector in !active.contains { $0.sectors.contains(sector) } }
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.adminAccounts.path), .text(ctx.t("‹ Kelola akun", "‹ Manage accounts")))),
            .h1(.text(title)),
            .unwrap(noticeText(ctx)) { FormKit.notice($0) },
            .p(.class("lead"), .text(ctx.t(
                "Usulan warga diteruskan ke perangkat daerah yang menangani bidangnya, kecuali pengusul atau forum memilih yang lain. Setelah perubahan nomenklatur, ubah nama atau gabungkan perangkat daerah di sini; riwayatnya tetap.",
                "Citizens' usulan go to the agency that takes their sector unless the proposer or a forum picks another. After a reorganisation, rename or merge agencies here; their history stays."))),
            .p(.class("actions"),
               .a(.class("button"), .href(SiteRoute.adminAgencyNew.path), .text(ctx.t("Tambah perangkat daerah", "Add an agency"))), .text(" "),
               .a(.class("button"), .href(SiteRoute.adminAgencyImport.path), .text(ctx.t("Impor dari CSV", "Import from CSV"))), .text(" "),
               .a(.href(SiteRoute.adminAgencyTemplate.path), .text(ctx.t("Unduh daftar (CSV)", "Download the list (CSV)")))),
            unrouted.isEmpty ? .empty : .div(.class("alert"), .attribute(named: "role", value: "note"),
                .p(.text(ctx.t("Bidang yang belum punya perangkat daerah: ", "Sectors no agency takes yet: ")
                         + unrouted.map { $0.label(ctx.language) }.joined(separator: "; ")
                         + ctx.t(". Usulan bidang ini menunggu ditetapkan tujuannya oleh forum.", ". Usulan of these sectors wait for a forum to set their agency.")))),
            agencies.isEmpty ? .p(.class("muted"), .text(ctx.t("Belum ada perangkat daerah. Tambahkan satu per satu atau impor daftarnya dari CSV.",
                                                               "No agencies yet. Add them one by one or import the list from a CSV."))) :
            .div(.class("scroll"), .table(
                .thead(.tr(.th(.text(ctx.t("Singkatan", "Short name"))), .th(.text(ctx.t("Nama", "Name"))),
                           .th(.text(ctx.t("Bidang bawaan", "Default sectors"))), .th(.text(ctx.t("Status", "Status"))))),
                .tbody(.forEach(agencies) { agency in
                    .tr(.td(.a(.href(SiteRoute.adminAgency(agency.id ?? "").path), .text(agency.shortName))),
                        .td(.text(agency.name)),
                        .td(.text(agency.sectors.isEmpty ? "–" : agency.sectors.map { $0.label(ctx.language) }.joined(separator: "; "))),
                        .td(.text(status(ctx, agency))))
                }))),
        ])
    }

    func status(_ ctx: ViewContext, _ agency: Agency) -> String {
        if let into = agency.mergedInto {
            let name = agencies.first { $0.id == into }?.shortName ?? into
            return ctx.t("digabung ke \(name)", "merged into \(name)")
        }
        return agency.active ? ctx.t("aktif", "active") : ctx.t("nonaktif", "inactive")
    }

    func noticeText(_ ctx: ViewContext) -> String? {
        guard let notice else { return nil }
        let parts = notice.split(separator: "-", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        let name = agencies.first { $0.id == parts[1] }?.shortName
        switch parts[0] {
        case "dibuat": return name.map { ctx.t("\($0) ditambahkan.", "\($0) added.") }
        case "disimpan": return name.map { ctx.t("Perubahan \($0) disimpan.", "Changes to \($0) saved.") }
        case "digabung": return name.map { ctx.t("\($0) digabungkan; tugas yang berjalan dipindahkan.", "\($0) merged; ongoing work moved.") }
        case "impor":
            let counts = parts[1].split(separator: "-").compactMap { Int($0) }
            guard counts.count == 3 else { return nil }
            return ctx.t("Impor selesai: \(counts[0]) ditambahkan, \(counts[1]) diperbarui, \(counts[2]) tidak berubah.",
                         "Import done: \(counts[0]) added, \(counts[1]) updated, \(counts[2]) unchanged.")
        default: return nil
        }
    }
}

/// Adding or changing one agency; on an existing one, merging it into another.
struct AgencyFormPage {
    var agency: Agency?
    var input: SaveAgency.Input
    var errors: FormErrors
    var others: [Agency]
    var merge: MergeAgency.Input
    var mergeErrors: FormErrors

    func render(_ ctx: ViewContext) -> HTML {
        let title = agency.map { ctx.t("Ubah \($0.shortName)", "Edit \($0.shortName)") } ?? ctx.t("Tambah perangkat daerah", "Add an agency")
        let action = agency.map { SiteRoute.adminAgency($0.id ?? "").path } ?? SiteRoute.adminAgencyNew.path
        let sectorChoices = Bidang.allCases.map { FormKit.Choice(value: $0.rawValue, label: $0.label(ctx.language)) }
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.adminAgencies.path), .text(ctx.t("‹ Perangkat daerah", "‹ Agencies")))),
            .h1(.text(title)),
            .unwrap(agency?.mergedInto) { into in
                .div(.class("alert"), .p(.text(ctx.t("Perangkat daerah ini sudah digabung ke \(others.first { $0.id == into }?.shortName ?? into).",
                                                     "This agency was merged into \(others.first { $0.id == into }?.shortName ?? into).")))) },
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: action),
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "name", label: ctx.t("Nama lengkap", "Full name"), value: input.name ?? "",
                                         hint: ctx.t("Seperti tertulis di Perda/Perbup, mis. Dinas Pekerjaan Umum dan Penataan Ruang.",
                                                     "As the regulation writes it, e.g. Dinas Pekerjaan Umum dan Penataan Ruang."), required: true), errors: errors),
                FormKit.field(ctx, .init(name: "short_name", label: ctx.t("Singkatan", "Short name"), value: input.short_name ?? "",
                                         hint: ctx.t("Mis. Dinas PUPR.", "E.g. Dinas PUPR."), required: true), errors: errors),
                agency == nil ? FormKit.field(ctx, .init(name: "key", label: ctx.t("Kode", "Key"), value: input.key ?? "",
                                                         hint: ctx.t("Huruf kecil, angka dan tanda minus; kosongkan untuk dibuat dari singkatan. Kode tidak berubah lagi.",
                                                                     "Lower-case letters, digits and dashes; leave empty to make it from the short name. It never changes afterwards.")), errors: errors)
                              : .p(.class("muted"), .text(ctx.t("Kode: ", "Key: ")), .code(.text(agency?.id ?? ""))),
                FormKit.choices(ctx, name: "sectors", legend: ctx.t("Bidang yang ditangani secara bawaan", "Sectors it takes by default"),
                                choices: sectorChoices, selected: Set(input.sectors ?? []), errors: errors,
                                hint: ctx.t("Satu bidang hanya untuk satu perangkat daerah aktif.", "A sector belongs to one active agency only.")),
                agency == nil || agency?.mergedInto != nil ? .empty : .div(.class("field check"),
                    FormKit.input([("type", "checkbox"), ("id", "f-active"), ("name", "active"), ("value", "on"), input.active == "on" ? ("checked", "checked") : nil]),
                    .label(.for("f-active"), .text(" " + ctx.t("Aktif (bisa dipilih untuk usulan, proyek dan pengaduan baru)", "Active (can be chosen for new usulan, projects and complaints)")))),
                agency == nil ? .empty : FormKit.field(ctx, .init(name: "reason", label: ctx.t("Dasar perubahan", "Basis for the change"), value: input.reason ?? "",
                                                                  hint: ctx.t("Mis. Perbup Nomor 12 Tahun 2026; tercatat di jejak audit.", "E.g. the regulation's number; it goes into the audit trail.")), errors: errors),
                .button(.type(.submit), .text(agency == nil ? ctx.t("Tambahkan", "Add") : ctx.t("Simpan", "Save")))),
            mergeForm(ctx),
        ])
    }

    func mergeForm(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard let agency, agency.mergedInto == nil, let key = agency.id else { return .empty }
        let targets = others.filter { $0.active && $0.id != key }
        guard !targets.isEmpty else { return .empty }
        let choices = [FormKit.Choice(value: "", label: ctx.t("— pilih perangkat daerah —", "— choose an agency —"))]
            + targets.map { FormKit.Choice(value: $0.id ?? "", label: "\($0.shortName) — \($0.name)") }
        return .section(.attribute(named: "aria-labelledby", value: "gabung"),
            .h2(.id("gabung"), .text(ctx.t("Gabungkan ke perangkat daerah lain", "Merge into another agency"))),
            .p(.text(ctx.t("Bidang, peran petugas, token API, item kamus, kategori pengaduan, usulan yang belum diputus, proyek dan program yang belum selesai, serta pengaduan yang masih terbuka pindah ke perangkat daerah tujuan. Keputusan dan pekerjaan yang sudah selesai tetap tercatat atas nama \(agency.shortName).",
                           "Sectors, staff roles, API tokens, kamus items, complaint categories, undecided usulan, unfinished projects and programmes and open complaints move to the agency chosen. Decisions and finished work stay recorded under \(agency.shortName)."))),
            FormKit.summary(ctx, mergeErrors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.adminAgencyMerge(key).path),
                FormKit.csrf(ctx),
                FormKit.select(ctx, name: "into", label: ctx.t("Digabung ke", "Merged into"), choices: choices, selected: merge.into ?? "", errors: mergeErrors, idPrefix: "m-"),
                FormKit.field(ctx, .init(name: "reason", label: ctx.t("Dasar penggabungan", "Basis for the merger"), value: merge.reason ?? "",
                                         hint: ctx.t("Mis. Perda Nomor 5 Tahun 2026 tentang Perangkat Daerah.", "E.g. the regulation on agencies."), required: true),
                              errors: mergeErrors, idPrefix: "m-"),
                .button(.type(.submit), .class("danger"), .text(ctx.t("Gabungkan \(agency.shortName)", "Merge \(agency.shortName)")))))
    }
}

/// `/admin/opd/impor`: the columns, the upload, and every wrong line when a file is refused.
struct AgencyImportPage {
    var outcome: ImportAgencies.Outcome?

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Impor perangkat daerah dari CSV", "Import agencies from CSV")
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.adminAgencies.path), .text(ctx.t("‹ Perangkat daerah", "‹ Agencies")))),
            .h1(.text(title)),
            refusals(ctx),
            .p(.class("lead"), .text(ctx.t(
                "Satu baris per perangkat daerah. Kode yang sudah ada diperbarui, kode baru ditambahkan. Bila ada satu baris salah, tidak ada yang diubah dan semua baris yang salah disebutkan.",
                "One row per agency. Known keys are updated, new ones added. If one line is wrong nothing changes and every wrong line is named."))),
            .h2(.text(ctx.t("Kolom", "Columns"))),
            .ul(
                .li(.code(.text("nama")), .text(ctx.t(": nama lengkap (wajib)", ": full name (required)"))),
                .li(.code(.text("singkatan")), .text(ctx.t(": mis. Dinas PUPR (wajib)", ": e.g. Dinas PUPR (required)"))),
                .li(.code(.text("kode")), .text(ctx.t(": tidak wajib; bila kosong dibuat dari singkatan (dinas-pupr)", ": optional; made from the short name when empty (dinas-pupr)"))),
                .li(.code(.text("bidang")), .text(ctx.t(": bidang yang ditangani, dipisah titik koma: ", ": the sectors it takes, separated by semicolons: ")
                                                  + Bidang.allCases.map(\.rawValue).joined(separator: ", "))),
                .li(.code(.text("aktif")), .text(ctx.t(": ya atau tidak (kosong: ya)", ": ya or tidak (empty: ya)")))),
            FormKit.csvUpload(ctx, template: SiteRoute.adminAgencyTemplate.path,
                              templateLabel: ctx.t("Unduh daftar sekarang sebagai templat", "Download the current list as a template"),
                              action: SiteRoute.adminAgencyImport.path, button: ctx.t("Unggah dan impor", "Upload and import")),
        ])
    }

    func refusals(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard case let .refused(problems) = outcome else { return .empty }
        return .div(.class("alert error"), .attribute(named: "role", value: "alert"),
            .p(.strong(.text(ctx.t("Tidak ada yang diimpor:", "Nothing was imported:")))),
            .ul(.forEach(problems) { .li(.text(ctx.t($0))) }))
    }
}
