import Foundation
import Plot
import RembukCore

/// A UMKM programme's outcome, public: medians only, and only once enough participants are measured.
enum ProgramOutcomeView {
    static func render(_ ctx: ViewContext, _ outcome: BusinessOutcome?) -> Node<HTML.BodyContext> {
        guard let outcome else { return .empty }
        let title = ctx.t("Hasil program", "Outcome")
        guard outcome.measured >= ProgramOutcome.minimumGroup else {
            return .section(.h2(.text(title)), .p(.class("muted"), .text(ctx.t(
                "Hasil ditampilkan setelah paling sedikit \(ProgramOutcome.minimumGroup) peserta melaporkan perkembangan usahanya (sekarang \(outcome.measured)).",
                "Shown once at least \(ProgramOutcome.minimumGroup) participants have reported on their business (now \(outcome.measured))."))))
        }
        func money(_ value: Double?) -> String { value.map { Rupiah(Int64($0.rounded())).formatted } ?? "–" }
        let change = outcome.medianRevenueChange.map { ($0 >= 0 ? "+" : "−") + Rupiah(Int64(abs($0).rounded())).formatted } ?? "–"
        let percent = outcome.medianRevenueChangePercent.map { String(format: "%+.1f %%", $0).replacingOccurrences(of: ".", with: ",") } ?? "–"
        let n = outcome.measured
        return .section(
            .h2(.text(title)),
            .p(.text(ctx.t("Dari \(n) peserta yang melaporkan usahanya saat mendaftar dan sesudah program (nilai tengah, bukan rata-rata):",
                           "From \(n) participants who reported their business at registration and after the programme (medians, not means):"))),
            .table(
                .tbody(
                    .tr(.th(.text(ctx.t("Omzet sebulan", "Monthly revenue"))), .td(.class("num"), .text(money(outcome.medianRevenueBefore) + " → " + money(outcome.medianRevenueAfter)))),
                    .tr(.th(.text(ctx.t("Perubahan omzet per peserta", "Change per participant"))), .td(.class("num"), .text("\(change) (\(percent))"))),
                    .tr(.th(.text(ctx.t("Berjualan daring", "Selling online"))),
                        .td(.class("num"), .text(ctx.t("\(outcome.sellingOnlineBefore) → \(outcome.sellingOnlineAfter) dari \(n)", "\(outcome.sellingOnlineBefore) → \(outcome.sellingOnlineAfter) of \(n)")))),
                    .tr(.th(.text(ctx.t("Jangkauan pasar meluas", "Reaching further markets"))),
                        .td(.class("num"), .text(ctx.t("\(outcome.reachWidened) dari \(n)", "\(outcome.reachWidened) of \(n)")))))))
    }
}

/// Recording the business 3 or 6 months on, by the participant or, for them, by the programme's staff.
struct BusinessFollowUpPage {
    var program: Program
    var participantName: String?
    var participantID: String
    var input: RecordBusinessFollowUp.Input
    var errors = FormErrors()

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Perkembangan usaha", "Business follow-up")
        let business = input.business ?? BusinessInput()
        let action = SiteRoute.programBusiness(program.id?.uuidString ?? "").path + (participantName == nil ? "" : "?peserta=" + participantID)
        let registration = RegistrationPage(program: program, session: ProgramSession(), needsResidence: false, needsBusiness: true,
                                            choices: ScopeChoices(kecamatan: [], desa: [], agencies: [], partners: []), input: .init(business: business), errors: errors)
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.program(program.id?.uuidString ?? "").path), .text(ctx.t("‹ Kembali ke program", "‹ Back to the programme")))),
            .h1(.text(title + (participantName.map { " · " + $0 } ?? ""))),
            .p(.class("lead"), .text(program.title)),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack wide"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: action),
                FormKit.noValidation,
                FormKit.csrf(ctx),
                FormKit.choices(ctx, name: "moment", legend: ctx.t("Keadaan pada", "As of"),
                                choices: [BusinessReport.Moment.tigaBulan, .enamBulan].map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                                selected: Set([input.moment ?? ""]), errors: errors, radio: true),
                registration.businessFields(ctx, business),
                .button(.type(.submit), .text(ctx.t("Simpan", "Save")))),
        ])
    }
}

/// The programme's participants for its staff: who registered, and whose business was measured when.
struct ParticipantsPage {
    struct Line {
        var accountID: UUID
        var name: String
        var desa: String
        var moments: Set<String>
        var attended: Int
    }

    var program: Program
    var lines: [Line]

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Peserta", "Participants")
        let id = program.id?.uuidString ?? ""
        return Layout.page(ctx, title: title + " · " + program.title, [
            .p(.a(.href(SiteRoute.program(id).path), .text(ctx.t("‹ Kembali ke program", "‹ Back to the programme")))),
            .h1(.text(title)),
            .p(.class("lead"), .text(program.title)),
            lines.isEmpty ? .p(.class("muted"), .text(ctx.t("Belum ada peserta.", "No participants yet."))) :
            .div(.class("scroll"), .table(
                .thead(.tr(.th(.text(ctx.t("Nama", "Name"))), .th(.text(ctx.t("Desa/kelurahan", "Village"))), .th(.class("num"), .text(ctx.t("Sesi dihadiri", "Sessions attended"))),
                           .if(program.programType.isUMKM, .group(.th(.text(ctx.t("Data usaha", "Business data"))), .th(.span(.class("sr-only"), .text(ctx.t("Tindakan", "Action")))))))),
                .tbody(.forEach(lines) { line in
                    .tr(.td(.text(line.name)), .td(.text(line.desa)), .td(.class("num"), .text(String(line.attended))),
                        .if(program.programType.isUMKM, .group(
                            .td(.text(BusinessReport.Moment.allCases.filter { line.moments.contains($0.rawValue) }.map { $0.label(ctx.language) }.joined(separator: ", "))),
                            .td(.a(.href(SiteRoute.programBusiness(id).path + "?peserta=" + line.accountID.uuidString), .text(ctx.t("Catat perkembangan", "Record follow-up")))))))
                }))),
        ])
    }
}
