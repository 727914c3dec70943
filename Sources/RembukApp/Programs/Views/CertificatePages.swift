import Foundation
import Plot
import RembukCore

/// A certificate, printable, and at the same time its public check: whoever holds the code (printed on it)
/// sees that Rembuk issued it, to whom, for what. Reached only through the unguessable code; not listed anywhere.
struct CertificatePage {
    var certificate: Certificate
    var program: Program
    var agencyName: String
    var sessions: Int
    var url: String

    func render(_ ctx: ViewContext) -> HTML {
        let issued = LocalDate(iso: certificate.issuedOn).map { DateText.long($0, ctx.language) } ?? certificate.issuedOn
        return Layout.page(ctx, title: ctx.t("Sertifikat ", "Certificate ") + (certificate.id ?? ""), [
            .div(.class("alert ok no-print"), .attribute(named: "role", value: "status"),
                 .p(.strong(.text(ctx.t("Sertifikat ini sah.", "This certificate is genuine."))),
                    .text(ctx.t(" Diterbitkan Rembuk untuk \(agencyName) pada \(issued).", " Issued through Rembuk for \(agencyName) on \(issued).")))),
            .div(.class("document certificate"),
                Letterhead.view(ctx.identity, units: [agencyName], contacts: false),
                .h1(.class("doc-title"), .text(ctx.t("SERTIFIKAT", "CERTIFICATE"))),
                .unwrap(certificate.documentNumber) { .p(.class("doc-meta"), .text(ctx.t("Nomor: ", "Number: ") + $0)) },
                .p(.class("doc-meta"), .text(ctx.t("diberikan kepada", "awarded to"))),
                .p(.class("doc-title"), .strong(.text(certificate.holderName))),
                .p(.class("doc-meta"), .text(ctx.t("atas keikutsertaannya dalam", "for taking part in"))),
                .p(.class("doc-title"), .text(program.title)),
                .p(.class("doc-meta"), .text(ctx.t("\(program.programType.label(.id)), hadir \(certificate.attended) dari \(sessions) sesi, tahun \(program.year).",
                                                   "\(program.programType.label(.en)), attended \(certificate.attended) of \(sessions) sessions, \(program.year).") )),
                .div(.class("sign-grid"),
                     .div(.p(.text(issued)), .p(.class("sign-line"), .text(ctx.t("Kepala ", "Head of ") + agencyName)))),
                .p(.class("audit-seal"), .text(ctx.t("Kode sertifikat: ", "Certificate code: ") + (certificate.id ?? "") + " · "
                                               + ctx.t("periksa di ", "check at ") + url))),
            .p(.class("no-print"), .text(ctx.t("Untuk mencetak, pakai menu Cetak peramban (Ctrl+P). ", "To print, use the browser's Print menu (Ctrl+P). ")),
               .a(.href(SiteRoute.program(program.id?.uuidString ?? "").path), .text(ctx.t("Tentang program ini", "About this programme")))),
        ])
    }
}

/// Typing a certificate's code to check it.
struct CertificateLookupPage {
    var code: String
    var notFound: Bool

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Periksa sertifikat", "Check a certificate")
        var errors = FormErrors()
        if notFound { errors.add("kode", Phrase("Tidak ada sertifikat dengan kode itu. Periksa lagi ketikannya.", "No certificate has that code. Check what you typed.")) }
        return Layout.page(ctx, title: title, [
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t("Setiap sertifikat program Rembuk memuat kode 12 huruf. Ketik kodenya untuk memastikan sertifikat itu sah.",
                                           "Every Rembuk programme certificate carries a 12-character code. Type it to make sure the certificate is genuine."))),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.certificateLookup.path),
                FormKit.field(ctx, .init(name: "kode", label: ctx.t("Kode sertifikat", "Certificate code"), value: code, hint: "XXXX-XXXX-XXXX", required: true), errors: errors),
                .button(.type(.submit), .text(ctx.t("Periksa", "Check")))),
        ])
    }
}

/// A citizen's programmes: each session they hold a seat in or wait for, and their certificates.
struct MyProgramsPage {
    struct Line {
        var program: Program
        var session: ProgramSession
        var registration: Registration
    }

    var lines: [Line]
    var certificates: [(Certificate, Program)]

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Program saya", "My programmes")
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.programs.path), .text(ctx.t("‹ Semua program", "‹ All programmes")))),
            .h1(.text(title)),
            lines.isEmpty ? .p(.class("muted"), .text(ctx.t("Anda belum mendaftar program apa pun.", "You have not registered for any programme yet."))) :
            .div(.class("scroll"), .table(
                .thead(.tr(.th(.text("Program")), .th(.text(ctx.t("Sesi", "Session"))), .th(.text(ctx.t("Waktu", "When"))), .th(.text("Status")))),
                .tbody(.forEach(lines) { line in
                    .tr(.td(.a(.href(SiteRoute.program(line.program.id?.uuidString ?? "").path), .text(line.program.title))),
                        .td(.text(line.session.title + " · " + line.session.place)),
                        .td(.text(ProgramPage.period(line.session, ctx.language))),
                        .td(.text(status(ctx, line.registration))))
                }))),
            .h2(.text(ctx.t("Sertifikat", "Certificates"))),
            certificates.isEmpty ? .p(.class("muted"), .text(ctx.t("Belum ada.", "None yet."))) :
            .ul(.forEach(certificates) { certificate, program in
                .li(.a(.href(SiteRoute.certificate(certificate.id ?? "").path), .text(program.title)), .text(" · " + (certificate.id ?? "")))
            }),
        ])
    }

    func status(_ ctx: ViewContext, _ registration: Registration) -> String {
        switch registration.registrationStatus {
        case .terdaftar: registration.attended ? ctx.t("Hadir", "Attended") : ctx.t("Terdaftar", "Registered")
        case .menunggu: ctx.t("Daftar tunggu", "Waiting list")
        case .batal: ctx.t("Dibatalkan", "Cancelled")
        }
    }
}
