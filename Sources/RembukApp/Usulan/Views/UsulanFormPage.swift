import Plot
import RembukCore

enum UsulanFormModel {
    static func input(from usulan: Usulan) -> SaveUsulan.Input {
        var input = SaveUsulan.Input()
        input.title = usulan.title
        input.problem = usulan.problem
        input.proposal = usulan.proposal
        input.bidang = usulan.bidang
        input.desa_code = usulan.desaCode
        input.address = usulan.address
        input.rt = usulan.rt.map(String.init)
        input.rw = usulan.rw.map(String.init)
        input.latitude = usulan.latitude.map { String($0) }
        input.longitude = usulan.longitude.map { String($0) }
        input.volume = usulan.volume > 0 ? String(usulan.volume) : ""
        input.satuan = usulan.satuan
        input.cost = usulan.cost > 0 ? Rupiah(usulan.cost).formatted : ""
        input.beneficiaries = usulan.beneficiaries > 0 ? String(usulan.beneficiaries) : ""
        input.proposer_group = usulan.proposerGroup
        input.target_agency = usulan.targetAgency
        input.kamus = usulan.kamusID?.uuidString
        return input
    }
}

struct UsulanFormPage {
    var input: SaveUsulan.Input
    var attachments: [Attachment] = []
    var existing: Usulan?
    var errors: FormErrors
    var similar: [SimilarUsulan]?
    var choices: ScopeChoices
    var kamus: [KamusItem] = []
    var window: SubmissionWindow? = nil

    func render(_ ctx: ViewContext) -> HTML {
        let action = existing.map { SiteRoute.usulanEdit($0.id?.uuidString ?? "").path } ?? SiteRoute.usulanNew.path
        let title = existing == nil ? ctx.t("Kirim usulan", "Send a proposal") : ctx.t("Ubah usulan", "Edit the proposal")
        return Layout.page(ctx, title: title, [
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t(
                "Ceritakan masalah di lingkungan Anda dan apa yang diusulkan. Usulan diverifikasi operator \(ctx.places.village(.id)) lalu dibahas di \(ctx.places.forum(.desa, .id)).",
                "Describe a problem where you live and what you propose. Submitted proposals are verified by the \(ctx.places.village(.en)) operator and discussed at the \(ctx.places.forum(.desa, .en).lowercased())."))),
            closedNotice(ctx),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack wide"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: action),
                FormKit.noValidation, .attribute(named: "enctype", value: "multipart/form-data"),
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "title", label: ctx.t("Judul", "Title"), value: input.title ?? "",
                                         hint: ctx.t("Singkat dan jelas, mis. “Perbaikan jalan lingkungan RT 03 Dusun Krajan”.", "Short and clear."), required: true), errors: errors),
                FormKit.textarea(ctx, name: "problem", label: ctx.t("Masalahnya", "The problem"), value: input.problem ?? "", errors: errors,
                                 hint: ctx.t("Apa yang terjadi, sejak kapan, siapa yang terdampak.", "What happens, since when, who is affected."), required: true, rows: 4),
                FormKit.textarea(ctx, name: "proposal", label: ctx.t("Yang diusulkan", "What you propose"), value: input.proposal ?? "", errors: errors,
                                 hint: ctx.t("Kegiatan apa yang menyelesaikannya.", "Which activity would solve it."), required: true, rows: 4),
                FormKit.select(ctx, name: "bidang", label: ctx.t("Bidang", "Sector"),
                               choices: [.init(value: "", label: ctx.t("— pilih bidang —", "— choose a sector —"))]
                                   + Bidang.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                               selected: input.bidang ?? "", errors: errors),
                kamusField(ctx),
                FormKit.select(ctx, name: "desa_code", label: ctx.t("Desa/kelurahan", "Village"), choices: choices.desaChoices(ctx),
                               selected: input.desa_code ?? "", errors: errors),
                FormKit.field(ctx, .init(name: "address", label: ctx.t("Alamat lokasi", "Location address"), value: input.address ?? "",
                                         hint: ctx.t("Dusun/kampung, nama jalan atau gang, patokan.", "Hamlet, street or alley, landmark."), required: true), errors: errors),
                .div(.class("row"),
                     FormKit.field(ctx, .init(name: "rt", label: "RT", value: input.rt ?? "", inputMode: "numeric"), errors: errors),
                     FormKit.field(ctx, .init(name: "rw", label: "RW", value: input.rw ?? "", inputMode: "numeric"), errors: errors)),
                .div(.class("row"),
                     FormKit.field(ctx, .init(name: "latitude", label: ctx.t("Lintang", "Latitude"), value: input.latitude ?? "",
                                              hint: ctx.t("mis. -6.5569", "e.g. -6.5569"), inputMode: "decimal"), errors: errors),
                     FormKit.field(ctx, .init(name: "longitude", label: ctx.t("Bujur", "Longitude"), value: input.longitude ?? "",
                                              hint: ctx.t("mis. 107.4431", "e.g. 107.4431"), inputMode: "decimal"), errors: errors)),
                .div(.class("row"),
                     FormKit.field(ctx, .init(name: "volume", label: "Volume", value: input.volume ?? "", required: true, inputMode: "decimal"), errors: errors),
                     FormKit.field(ctx, .init(name: "satuan", label: ctx.t("Satuan", "Unit"), value: input.satuan ?? "",
                                              hint: ctx.t("m, m², unit, paket, orang", "m, m², unit, package, people"), required: true), errors: errors)),
                FormKit.field(ctx, .init(name: "cost", label: ctx.t("Perkiraan biaya (Rp)", "Estimated cost (Rp)"), value: input.cost ?? "",
                                         hint: ctx.t("Rupiah tanpa sen, mis. 150.000.000", "Whole rupiah, e.g. 150.000.000"), required: true, inputMode: "numeric"), errors: errors),
                FormKit.field(ctx, .init(name: "beneficiaries", label: ctx.t("Jumlah penerima manfaat", "Number of beneficiaries"),
                                         value: input.beneficiaries ?? "", inputMode: "numeric"), errors: errors),
                FormKit.field(ctx, .init(name: "proposer_group", label: ctx.t("Atas nama kelompok", "On behalf of a group"), value: input.proposer_group ?? "",
                                         hint: ctx.t("mis. PKK RW 05, Karang Taruna, Kelompok Tani Sri Rejeki", "e.g. PKK RW 05, a farmers' group")), errors: errors),
                FormKit.select(ctx, name: "target_agency", label: ctx.t("Perangkat daerah tujuan", "Target agency"),
                               choices: [.init(value: "", label: ctx.t("Sesuai bidang (otomatis)", "By sector (automatic)"))]
                                   + choices.agencies.map { .init(value: $0.id ?? "", label: $0.name) },
                               selected: input.target_agency ?? "", errors: errors),
                AttachmentViews.formSection(ctx, attachments: attachments, errors: errors),
                similarSection(ctx),
                .div(.class("actions"),
                     submit("periksa", ctx.t("Periksa usulan serupa", "Check for similar proposals"), primary: similar == nil),
                     submit("ajukan", existing?.workflowStatus == .revisi ? ctx.t("Ajukan ulang", "Submit again") : ctx.t("Ajukan usulan", "Submit"), primary: similar != nil),
                     submit("draf", ctx.t("Simpan sebagai draf", "Save as draft"), primary: false))
            ),
        ])
    }

    /// Before anyone types: say so when submissions are closed (a draft can still be saved).
    func closedNotice(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard let window, window.open == nil, existing?.workflowStatus != .revisi else { return .empty }
        return .div(.class("alert"), .attribute(named: "role", value: "status"), .p(.text(ctx.t(window.closedMessage))),
                    .p(.a(.href(SiteRoute.schedule.path), .text(ctx.t("Lihat jadwal perencanaan", "See the planning calendar")))))
    }

    func kamusField(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard !kamus.isEmpty else { return .empty }
        var options = [FormKit.Choice(value: "", label: ctx.t("— tidak memakai kamus —", "— not from the catalogue —"))]
        for bidang in Bidang.allCases {
            for item in kamus where item.bidang == bidang.rawValue {
                options.append(.init(value: item.id?.uuidString ?? "", label: item.choiceLabel, group: bidang.label(ctx.language)))
            }
        }
        return .group([
            FormKit.select(ctx, name: "kamus", label: ctx.t("Kegiatan dari kamus usulan (tidak wajib)", "Activity from the catalogue (optional)"),
                           choices: options, selected: input.kamus ?? "", errors: errors),
            .p(.class("hint"), .text(ctx.t("Bila memilih dari kamus, satuan dan biaya mengikuti kamus: biaya = volume × harga satuan. ",
                                            "From the catalogue, the unit and cost follow it: cost = volume × unit price. ")),
               .a(.href(SiteRoute.kamus.path), .text(ctx.t("Lihat kamus usulan", "See the catalogue")))),
        ])
    }

    func submit(_ value: String, _ label: String, primary: Bool) -> Node<HTML.BodyContext> {
        .element(named: "button", nodes: [.attribute(named: "type", value: "submit"), .attribute(named: "name", value: "aksi"),
                                          .attribute(named: "value", value: value), .if(!primary, .attribute(named: "class", value: "secondary")),
                                          .text(label)])
    }

    func similarSection(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard let similar else { return .empty }
        guard !similar.isEmpty else {
            return .div(.class("alert ok"), .attribute(named: "role", value: "status"),
                        .p(.text(ctx.t("Tidak ada usulan serupa di kecamatan ini. Silakan ajukan.", "No similar proposals in this district. Go ahead and submit."))))
        }
        return .section(.class("alert"), .attribute(named: "role", value: "status"),
            .h2(.text(ctx.t("Usulan serupa sudah ada", "Similar proposals exist"))),
            .p(.text(ctx.t("Jika salah satunya sama dengan usulan Anda, lebih kuat bila Anda mendukungnya daripada mengajukan yang baru.",
                           "If one of these is the same as yours, supporting it is stronger than submitting a new one."))),
            .ul(.forEach(similar) { item in
                .li(.a(.href(SiteRoute.usulan(item.id.uuidString).path), .text(item.title)),
                    .text(" · \(item.number) · \(item.status.label(ctx.language)) · \(item.supportCount) \(ctx.t("dukungan", "supports"))"))
            }))
    }
}
