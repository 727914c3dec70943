import Foundation
import Plot
import RembukCore

extension UsulanStep {
    /// `places`: the usulan's own desa or kelurahan, whose forum the step names.
    func label(_ language: Language, places: PlaceWords = .general) -> String {
        let (id, en): (String, String) = switch self {
        case .submit: ("Ajukan", "Submit")
        case .resubmit: ("Ajukan ulang", "Submit again")
        case .verify: ("Verifikasi", "Verify")
        case .returnForRevision: ("Kembalikan untuk revisi", "Return for revision")
        case .reject: ("Tolak", "Reject")
        case .merge: ("Gabungkan dengan usulan lain", "Merge into another proposal")
        case .postpone: ("Tunda ke tahun berikutnya", "Postpone to next year")
        case .agreeAtDesa: ("Sepakati di \(places.forum(.desa, .id))", "Agree at the \(places.forum(.desa, .en).lowercased())")
        case .forward: ("Teruskan ke kecamatan", "Forward to the district")
        case .agreeAtKecamatan: ("Sepakati di Musrenbang Kecamatan", "Agree at the district forum")
        case .acceptByAgency: ("Terima sebagai perangkat daerah", "Accept as the agency")
        case .redirect: ("Alihkan", "Redirect")
        case .includeInRKPD: ("Masukkan ke RKPD", "Put in the annual plan (RKPD)")
        case .budget: ("Tetapkan sebagai dianggarkan", "Mark as budgeted")
        case .start: ("Mulai pelaksanaan", "Start the work")
        case .finish: ("Nyatakan selesai", "Mark as done")
        case .adjust: ("Volume/biaya disesuaikan forum", "Volume or cost adjusted by the forum")
        case .reopenForum: ("Forum dibuka kembali", "Forum reopened")
        }
        return language == .id ? id : en
    }
}

struct UsulanDetailPage {
    var usulan: Usulan
    var events: [UsulanEvent]
    var desaName: String
    var kecamatanName: String
    var agencyName: String
    var supported: Bool
    var following: Bool
    var mergedInto: Usulan?
    /// The project that carries this usulan out, once there is one.
    var project: Project? = nil
    var errors: FormErrors
    var attachments: [Attachment] = []
    var comments: CommentThread
    var canModerate = false
    /// False for a hidden usulan seen by anyone but its proposer and moderators (`UsulanAccess.showsContent`).
    var showsContent = true

    var id: String { usulan.id?.uuidString ?? "" }

    func render(_ ctx: ViewContext) -> HTML {
        let showContent = showsContent
        return Layout.page(ctx, title: showContent ? usulan.title : ctx.t("Usulan disembunyikan", "Hidden proposal"), [
            .p(.a(.href(SiteRoute.usulanIndex.path), .text(ctx.t("‹ Semua usulan", "‹ All proposals")))),
            .h1(.text(showContent ? usulan.title : ctx.t("Usulan disembunyikan", "Hidden proposal"))),
            .p(UsulanCards.statusBadge(ctx, usulan.workflowStatus), .text(" "), .span(.class("muted"), .text(usulan.number))),
            .unwrap(usulan.hiddenReason) { reason in
                .div(.class("alert error"), .p(.text(ctx.t("Usulan ini disembunyikan moderator. Alasan: ", "A moderator hid this proposal. Reason: ") + reason)))
            },
            .if(showContent, content(ctx)),
        ])
    }

    func content(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .group([
            position(ctx),
            FormKit.summary(ctx, errors),
            facts(ctx),
            .h2(.text(ctx.t("Masalah", "Problem"))),
            paragraphs(usulan.problem),
            .h2(.text(ctx.t("Yang diusulkan", "What is proposed"))),
            paragraphs(usulan.proposal),
            AttachmentViews.gallery(ctx, attachments),
            participation(ctx),
            actions(ctx),
            pokirForm(ctx),
            timeline(ctx),
            .p(.a(.href(SiteRoute.complaintNew.path + "?tentang=usulan&id=" + id), .text(ctx.t("Laporkan masalah", "Report a problem"))),
               .text(" · "),
               .a(.href(AuditSubject(type: "usulan", id: id)?.trail ?? SiteRoute.audit.path),
                  .text(ctx.t("Jejak audit usulan ini", "This proposal's audit trail")))),
            comments.render(ctx),
            moderation(ctx),
        ])
    }

    /// Bappeda marks a DPRD member's pokir (or takes the mark off, with a reason).
    func pokirForm(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard ctx.can(.managePlanning(kabupaten: ctx.kabupaten)), usulan.workflowStatus != .draft else { return .empty }
        let marked = usulan.pokirMember != nil
        return .element(named: "details", nodes: [
            .element(named: "summary", nodes: [.text(marked ? ctx.t("Ubah atau hapus tanda pokir DPRD", "Change or remove the DPRD pokir mark")
                                                            : ctx.t("Tandai sebagai pokir DPRD", "Mark as a DPRD member's proposal (pokir)"))]),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.usulanPokir(id).path),
                FormKit.csrf(ctx),
                .p(.class("hint"), .text(ctx.t("Pokok-pokok pikiran DPRD masuk alur yang sama dengan usulan warga; sumbernya ditampilkan di setiap daftar dan berita acara. Kosongkan nama untuk menghapus tanda.",
                                               "Council members' proposals go through the same pipeline; the source is shown everywhere. Leave the name empty to remove the mark."))),
                FormKit.field(ctx, .init(name: "member", label: ctx.t("Anggota DPRD", "Council member"), value: usulan.pokirMember ?? ""), errors: errors, idPrefix: "pokir-"),
                FormKit.field(ctx, .init(name: "dapil", label: ctx.t("Daerah pemilihan", "Electoral district"), value: usulan.pokirDapil ?? "", hint: "Dapil 2"), errors: errors, idPrefix: "pokir-"),
                .if(marked, FormKit.field(ctx, .init(name: "reason", label: ctx.t("Alasan (bila tanda dihapus)", "Reason (when removing)")), errors: errors, idPrefix: "pokir-")),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("Simpan sumber usulan", "Save the source")))),
        ])
    }

    /// Report (for others) and hide/restore (for moderators) the usulan itself.
    func moderation(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard ctx.isSignedIn, usulan.workflowStatus != .draft else { return .empty }
        let own = ctx.principal.accountID == usulan.proposerID
        return .div(.class("comment-actions no-print"),
            .if(!own && !usulan.isHidden, ModerationViews.reportForm(ctx, kind: "usulan", id: id, errors: FormErrors())),
            .if(canModerate, ModerationViews.hideForm(ctx, kind: "usulan", id: id, hidden: usulan.isHidden, errors: FormErrors())))
    }

    func paragraphs(_ text: String) -> Node<HTML.BodyContext> {
        .group(text.split(separator: "\n").map { .p(.text(String($0))) })
    }

    /// Where the usulan is and why, in one plain sentence.
    func position(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let status = usulan.workflowStatus
        let last = events.last
        var sentence = ctx.t("Posisi sekarang: ", "Where it is now: ") + status.label(ctx.language) + "."
        if let reason = last?.reasonCode.flatMap(RejectionReason.init(rawValue:)) {
            sentence += ctx.t(" Alasan: ", " Reason: ") + reason.label(ctx.language) + "."
        }
        if let note = last?.note, !note.isEmpty, last?.toStatus == status.rawValue {
            sentence += ctx.t(" Catatan: ", " Note: ") + note
        }
        return .div(.class("alert"), .p(.text(sentence)),
                    .unwrap(mergedInto) { target in
                        .p(.text(ctx.t("Digabung ke ", "Merged into ")), .a(.href(SiteRoute.usulan(target.id?.uuidString ?? "").path), .text("\(target.number) “\(target.title)”")))
                    },
                    projectLine(ctx),
                    .if(status == .draft || status == .revisi, .if(ctx.principal.accountID == usulan.proposerID,
                        .p(.a(.class("button"), .href(SiteRoute.usulanEdit(id).path), .text(status == .draft ? ctx.t("Lanjutkan draf", "Continue the draft") : ctx.t("Perbaiki usulan", "Revise the proposal")))))))
    }

    /// Where the project carrying it out stands, or, for its agency, the way to make one.
    func projectLine(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        if let project {
            return .p(.text(ctx.t("Dikerjakan dalam proyek ", "Carried out by project ")),
                      .a(.href(SiteRoute.project(project.id?.uuidString ?? "").path), .text("\(project.number) “\(project.title)”")),
                      .text(ctx.t(": \(project.projectStatus.label(.id)), kemajuan fisik \(ProgressRule.percentText(project.progress)).",
                                  ": \(project.projectStatus.label(.en)), \(ProgressRule.percentText(project.progress)) done.")))
        }
        guard ProjectStatus.linkableUsulan.contains(usulan.workflowStatus), ctx.can(.actForAgency(usulan.targetAgency)) else { return .empty }
        return .p(.a(.class("button"), .href(SiteRoute.projectNew.path + "?usulan[]=" + id), .text(ctx.t("Jadikan proyek", "Make it a project"))))
    }

    func facts(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let place = [usulan.address, usulan.rt.map { "RT \($0)" }, usulan.rw.map { "RW \($0)" }].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        let volume = DecimalText.plain(usulan.volume, separator: ctx.language == .id ? "," : ".")
        return .dl(.class("facts"),
            .dt(.text(ctx.t("Bidang", "Sector"))), .dd(.text(usulan.sector?.label(ctx.language) ?? usulan.bidang)),
            .dt(.text(ctx.t("Lokasi", "Location"))), .dd(.text("\(place) · \(PlaceWords.of(RegionCode(usulan.desaCode) ?? ctx.kabupaten).Village(ctx.language)) "), .a(.href(SiteRoute.region(usulan.desaCode).path), .text(desaName)),
                                                         .text(" · Kec. \(kecamatanName)")),
            .dt(.text("Volume")), .dd(.text("\(volume) \(usulan.satuan)")),
            .dt(.text(ctx.t("Perkiraan biaya", "Estimated cost"))), .dd(.text(Rupiah(usulan.cost).formatted)),
            .dt(.text(ctx.t("Penerima manfaat", "Beneficiaries"))), .dd(.text(usulan.beneficiaries > 0 ? formatCount(usulan.beneficiaries, ctx.language) + ctx.t(" orang", " people") : "–")),
            .dt(.text(ctx.t("Pengusul", "Proposed by"))), .dd(.text(usulan.proposerGroup.isEmpty ? ctx.t("Warga", "A citizen") : usulan.proposerGroup)),
            .unwrap(usulan.enteredBy) { .group([.dt(.text(ctx.t("Diinput oleh", "Entered by"))),
                                                .dd(.text($0 + ctx.t(", untuk warga yang dibantu", ", for an assisted citizen")))]) },
            .unwrap(usulan.pokirLabel) { .group([.dt(.text(ctx.t("Sumber", "Source"))), .dd(.span(.class("badge pokir"), .text($0)))]) },
            .dt(.text(ctx.t("Perangkat daerah tujuan", "Target agency"))), .dd(.text(agencyName)),
            .dt(.text(ctx.t("Tahun anggaran", "Budget year"))), .dd(.text(String(usulan.year))),
            .dt(.text(ctx.t("Dukungan", "Supports"))), .dd(.text(String(usulan.supportCount))))
    }

    func participation(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard usulan.workflowStatus != .draft else { return .empty }
        guard ctx.isSignedIn else {
            return .p(.a(.href(SiteRoute.login.path + "?kembali=" + ctx.path.urlQueryEscaped),
                         .text(ctx.t("Masuk untuk mendukung atau mengikuti usulan ini", "Sign in to support or follow this proposal"))))
        }
        let own = ctx.principal.accountID == usulan.proposerID
        return .div(.class("actions"),
            .if(!own && (!usulan.workflowStatus.isFinal || supported),
                FormKit.form(.class("inline"), .attribute(named: "method", value: "post"),
                             .attribute(named: "action", value: (supported ? SiteRoute.usulanUnsupport(id) : SiteRoute.usulanSupport(id)).path),
                             FormKit.csrf(ctx),
                             .button(.type(.submit), .class(supported ? "secondary" : ""),
                                     .text(supported ? ctx.t("Batalkan dukungan", "Withdraw support") : ctx.t("Dukung usulan ini", "Support this proposal"))))),
            .text(" "),
            FormKit.form(.class("inline"), .attribute(named: "method", value: "post"),
                         .attribute(named: "action", value: (following ? SiteRoute.unfollow : SiteRoute.follow).path),
                         FormKit.csrf(ctx),
                         .input(.type(.hidden), .name("subject_type"), .value("usulan")),
                         .input(.type(.hidden), .name("subject_id"), .value(id)),
                         .button(.type(.submit), .class("secondary"),
                                 .text(following ? ctx.t("Berhenti mengikuti", "Unfollow") : ctx.t("Ikuti perkembangannya", "Follow its progress")))))
    }

    /// The steps this person may take now, each as a small form.
    func actions(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard let parties = usulan.parties else { return .empty }
        let steps = UsulanWorkflow.steps(from: usulan.workflowStatus).filter {
            ![.submit, .resubmit].contains($0) && (try? UsulanWorkflow.take($0, from: usulan.workflowStatus, by: ctx.principal.actor, on: parties).get()) != nil
        }
        guard !steps.isEmpty else { return .empty }
        return .section(.class("card no-print"),
            .h2(.text(ctx.t("Tindak lanjut", "Follow-up"))),
            .forEach(steps) { step in stepForm(ctx, step) })
    }

    func stepForm(_ ctx: ViewContext, _ step: UsulanStep) -> Node<HTML.BodyContext> {
        let prefix = "s-\(step.rawValue)-"
        let noteLabel = step == .returnForRevision ? ctx.t("Yang perlu diperbaiki", "What needs fixing") : ctx.t("Catatan", "Note")
        let changes = [UsulanStep.agreeAtDesa, .agreeAtKecamatan, .acceptByAgency, .budget].contains(step)
        return .element(named: "details", nodes: [
            .if(step == .verify && errors["checks"] != nil, .attribute(named: "open", value: "open")),
            .element(named: "summary", nodes: [.text(step.label(ctx.language, places: PlaceWords.of(RegionCode(usulan.desaCode) ?? ctx.kabupaten)))]),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.usulanStep(id).path),
                FormKit.csrf(ctx),
                .input(.type(.hidden), .name("step"), .value(step.rawValue)),
                .if(step == .reject, FormKit.select(ctx, name: "reason_code", label: ctx.t("Alasan penolakan", "Reason for rejecting"),
                    choices: [.init(value: "", label: ctx.t("— pilih alasan —", "— choose a reason —"))]
                        + RejectionReason.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                    selected: "", errors: errors, idPrefix: prefix)),
                .if(step == .verify, verificationChecks(ctx)),
                .if(step == .merge, FormKit.field(ctx, .init(name: "merge_into", label: ctx.t("Nomor usulan tujuan", "Number of the proposal to merge into"),
                    hint: ctx.t("Misalnya U-3F2A9C1D. Dukungan ikut pindah.", "For example U-3F2A9C1D. Supports move with it.")), errors: errors, idPrefix: prefix)),
                .if(changes, FormKit.field(ctx, .init(name: "volume", label: ctx.t("Volume disepakati (bila berubah)", "Agreed volume (if changed)"), inputMode: "decimal"), errors: errors, idPrefix: prefix)),
                .if(changes, FormKit.field(ctx, .init(name: "cost", label: ctx.t("Biaya disepakati (bila berubah)", "Agreed cost (if changed)"), inputMode: "numeric"), errors: errors, idPrefix: prefix)),
                FormKit.textarea(ctx, name: "note", label: noteLabel, value: "", errors: errors, idPrefix: prefix),
                .button(.type(.submit), .class(step == .reject ? "danger" : ""), .text(step.label(ctx.language, places: PlaceWords.of(RegionCode(usulan.desaCode) ?? ctx.kabupaten))))),
        ])
    }

    /// The four checks an operator confirms when verifying, as required ticks.
    func verificationChecks(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .element(named: "fieldset", nodes: [
            .class(errors["checks"] == nil ? "field" : "field invalid"),
            .element(named: "legend", text: ctx.t("Pemeriksaan", "Checks")),
            .unwrap(errors["checks"]) { .p(.class("error"), .id("s-verify-checks-error"), .text(ctx.t($0))) },
            .forEach(VerificationCheck.allCases) { check in
                .div(.class("field check"),
                     FormKit.input([("type", "checkbox"), ("id", "s-verify-\(check.rawValue)"), ("name", check.rawValue), ("value", "1")]),
                     .label(.for("s-verify-\(check.rawValue)"), .text(check.label(ctx.language))))
            },
        ])
    }

    func timeline(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard !events.isEmpty else { return .empty }
        return .section(
            .h2(.text(ctx.t("Riwayat", "History"))),
            .element(named: "ol", nodes: [.attribute(named: "class", value: "timeline"), .forEach(events) { event in
                let to = UsulanStatus(rawValue: event.toStatus)
                let reason = event.reasonCode.flatMap(RejectionReason.init(rawValue:))
                return .element(named: "li", nodes: [
                    .p(.strong(.text(to?.label(ctx.language) ?? event.toStatus)), .text(" · "),
                       .span(.class("muted"), .text(DateText.dateTime(event.at, ctx.language)))),
                    .p(.text(ctx.t("Oleh ", "By ") + event.actorLabel)),
                    .unwrap(reason) { .p(.text(ctx.t("Alasan: ", "Reason: ") + $0.label(ctx.language))) },
                    .unwrap(event.changedCost) { .p(.text(ctx.t("Biaya disepakati: ", "Agreed cost: ") + Rupiah($0).formatted)) },
                    .unwrap(event.changedVolume) { .p(.text(ctx.t("Volume disepakati: ", "Agreed volume: ") + String($0))) },
                    .if(!event.note.isEmpty, .p(.em(.text(event.note)))),
                ])
            }]))
    }
}
