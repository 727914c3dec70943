import Foundation
import Plot
import RembukCore

/// The programme catalogue: filters by kind, kecamatan and open registration; each card with its next session.
struct ProgramListPage {
    var programs: [Program]
    var nextSessions: [UUID: ProgramSession]
    var agencyNames: [String: String]
    var kecamatan: [Region]
    var filter: ProgramFilter
    var canCreate: Bool

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Program masyarakat", "Community programmes")
        let all = FormKit.Choice(value: "", label: ctx.t("Semua", "All"))
        let none = FormErrors()
        return Layout.page(ctx, title: title, [
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t(
                "Pelatihan dan pendampingan UMKM, workshop warga, dan kegiatan lingkungan dari perangkat daerah dan mitranya. Daftar, hadir, dapatkan sertifikat.",
                "Small-business training and mentoring, citizen workshops and environmental action by agencies and their partners. Register, attend, get a certificate."))),
            .p(canCreate ? .group(.a(.class("button"), .href(SiteRoute.programNew.path), .text(ctx.t("Buat program", "Create a programme"))), .text(" ")) : .empty,
               .if(ctx.isSignedIn, .a(.href(SiteRoute.myPrograms.path), .text(ctx.t("Program saya", "My programmes")))),
               .if(ctx.isSignedIn, .text(" · ")), .a(.href(SiteRoute.certificateLookup.path), .text(ctx.t("Periksa sertifikat", "Check a certificate"))),
               .text(" · "), .a(.href(SiteRoute.environmentTotals.path), .text(ctx.t("Hasil program lingkungan", "Environmental results"))),
               .text(" · "), .a(.href(SiteRoute.partners.path), .text(ctx.t("Mitra", "Partners")))),
            FormKit.form(.class("filters"), .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.programs.path),
                FormKit.select(ctx, name: "jenis", label: ctx.t("Jenis", "Kind"),
                               choices: [all] + ProgramType.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                               selected: filter.type?.rawValue ?? "", errors: none),
                FormKit.select(ctx, name: "kecamatan", label: "Kecamatan",
                               choices: [all] + kecamatan.map { .init(value: $0.id ?? "", label: $0.name) }, selected: filter.kecamatan ?? "", errors: none),
                FormKit.select(ctx, name: "buka", label: ctx.t("Pendaftaran", "Registration"),
                               choices: [all, .init(value: "1", label: ctx.t("Sedang dibuka", "Open now"))], selected: filter.openOnly ? "1" : "", errors: none),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("Terapkan", "Apply")))),
            .p(.class("muted"), .text(ctx.t("\(programs.count) program · Unduh: ", "\(programs.count) programmes · Download: ")),
               .a(.href(SiteRoute.programsCSV.path + filter.query(page: nil)), .text("CSV")), .text(" · "),
               .a(.href(SiteRoute.programsJSON.path + filter.query(page: nil)), .text("JSON")), .text(" · "),
               .a(.href(SiteRoute.programSessionsCSV.path + filter.query(page: nil)), .text(ctx.t("jadwal sesi (CSV)", "sessions (CSV)")))),
            programs.isEmpty ? .p(.class("muted"), .text(ctx.t("Belum ada program yang cocok.", "No matching programmes yet."))) :
            .ul(.class("cards usulan"), .forEach(programs) { card(ctx, $0) }),
        ])
    }

    func card(_ ctx: ViewContext, _ program: Program) -> Node<HTML.ListContext> {
        let id = program.id?.uuidString ?? ""
        let next = program.id.flatMap { nextSessions[$0] }
        return .li(.class("card"),
            .p(.span(.class("badge"), .text(program.programType.label(ctx.language))), .text(" "),
               .span(.class("badge status-\(program.status)"), .text(program.programStatus.label(ctx.language)))),
            .h2(.a(.href(SiteRoute.program(id).path), .text(program.title))),
            .p(.class("muted"), .text(agencyNames[program.agency] ?? program.agency)),
            .p(.text(next.map { ctx.t("Sesi berikutnya: ", "Next session: ") + DateText.short($0.startsAt, ctx.language) + " · " + $0.place }
                ?? ctx.t("Belum ada sesi terjadwal.", "No session scheduled yet."))))
    }
}

/// Opening or editing a programme.
struct ProgramFormPage {
    var input: SaveProgram.Input
    var existing: Program?
    var agencies: [Agency]
    var kecamatan: [Region]
    var errors = FormErrors()

    static func input(from program: Program) -> SaveProgram.Input {
        SaveProgram.Input(title: program.title, type: program.type, description: program.description, target_group: program.targetGroup,
                          eligible_kecamatan: program.eligibleKecamatan.split(separator: " ").map(String.init), umkm_only: program.umkmOnly ? "on" : nil,
                          agency: program.agency, year: String(program.year), sub_kegiatan: program.subKegiatan,
                          budget: Rupiah(program.budget).formatted, minimum_sessions: String(program.minimumSessions))
    }

    func render(_ ctx: ViewContext) -> HTML {
        let title = existing == nil ? ctx.t("Buat program", "Create a programme") : ctx.t("Ubah program", "Edit the programme")
        let action = existing.map { SiteRoute.programEdit($0.id?.uuidString ?? "").path } ?? SiteRoute.programNew.path
        return Layout.page(ctx, title: title, [
            .p(.a(.href(existing.map { SiteRoute.program($0.id?.uuidString ?? "").path } ?? SiteRoute.programs.path), .text(ctx.t("‹ Kembali", "‹ Back")))),
            .h1(.text(title)),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack wide"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: action),
                FormKit.noValidation,
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "title", label: ctx.t("Nama program", "Name"), value: input.title ?? "", required: true), errors: errors),
                .div(.class("row"),
                     FormKit.select(ctx, name: "type", label: ctx.t("Jenis", "Kind"),
                                    choices: ProgramType.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                                    selected: input.type ?? "", errors: errors),
                     existing == nil
                        ? FormKit.select(ctx, name: "agency", label: ctx.t("Perangkat daerah", "Agency"),
                                         choices: agencies.map { .init(value: $0.id ?? "", label: $0.name) }, selected: input.agency ?? "", errors: errors)
                        : .empty),
                FormKit.textarea(ctx, name: "description", label: ctx.t("Uraian", "Description"), value: input.description ?? "", errors: errors,
                                 hint: ctx.t("Apa yang dipelajari atau dikerjakan, dan hasil yang diharapkan.", "What is learnt or done, and the result hoped for."),
                                 required: true, rows: 6),
                FormKit.field(ctx, .init(name: "target_group", label: ctx.t("Sasaran peserta", "Target group"), value: input.target_group ?? "",
                                         hint: ctx.t("Misalnya: pelaku UMKM makanan olahan, karang taruna.", "E.g. food processing businesses, youth groups."), required: true),
                              errors: errors),
                FormKit.choices(ctx, name: "eligible_kecamatan", legend: ctx.t("Khusus warga kecamatan", "Only for residents of"),
                                choices: kecamatan.map { .init(value: $0.id ?? "", label: $0.name) }, selected: Set(input.eligible_kecamatan ?? []), errors: errors,
                                hint: ctx.t("Biarkan kosong bila terbuka untuk semua warga kabupaten.", "Leave empty when open to every resident.")),
                .div(.class("field check"),
                     FormKit.input([("type", "checkbox"), ("id", "f-umkm_only"), ("name", "umkm_only"), ("value", "on"), input.umkm_only == "on" ? ("checked", "checked") : nil]),
                     .label(.for("f-umkm_only"), .text(" " + ctx.t("Khusus pemilik UMKM (untuk program UMKM)", "Only small-business owners (UMKM programmes)")))),
                .div(.class("row"),
                     FormKit.field(ctx, .init(name: "year", label: ctx.t("Tahun anggaran", "Budget year"), value: input.year ?? "", required: true, inputMode: "numeric"), errors: errors),
                     FormKit.field(ctx, .init(name: "budget", label: ctx.t("Anggaran (Rp)", "Budget (Rp)"), value: input.budget ?? "", required: true, inputMode: "numeric"), errors: errors)),
                .div(.class("row"),
                     FormKit.field(ctx, .init(name: "sub_kegiatan", label: ctx.t("Kode sub-kegiatan", "Sub-activity code"), value: input.sub_kegiatan ?? "",
                                              hint: ctx.t("Kosongkan bila dibiayai mitra.", "Empty when a partner pays.")), errors: errors),
                     FormKit.field(ctx, .init(name: "minimum_sessions", label: ctx.t("Hadir minimal (sesi) untuk sertifikat", "Sessions needed for a certificate"),
                                              value: input.minimum_sessions ?? "1", required: true, inputMode: "numeric"), errors: errors)),
                .button(.type(.submit), .text(ctx.t("Simpan", "Save")))),
        ])
    }
}
