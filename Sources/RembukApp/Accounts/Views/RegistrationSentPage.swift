import Plot
import RembukCore

/// After a registration whose e-mail or phone already has an account: the page says a message went out, never whether
/// the contact is registered (the message itself tells the owner how to sign in).
struct RegistrationSentPage {
    func render(_ ctx: ViewContext) -> HTML {
        Layout.page(ctx, title: ctx.t("Periksa pesan Anda", "Check your messages"), [
            .h1(.text(ctx.t("Periksa pesan Anda", "Check your messages"))),
            .p(.class("lead"), .text(ctx.t(
                "Kami mengirim pesan ke e-mail atau nomor HP yang Anda isi. Bila kontak itu sudah dipakai akun Rembuk, pesan itu menjelaskan cara masuk ke akun tersebut.",
                "We sent a message to the e-mail or phone number you entered. If that contact already belongs to a Rembuk account, the message explains how to sign in to it."))),
            .p(.text(ctx.t("Tidak ada pesan dalam beberapa menit? Periksa ejaan e-mail atau nomor HP, lalu ",
                           "No message within a few minutes? Check the spelling of the e-mail or number, then ")),
               .a(.href(SiteRoute.register.path), .text(ctx.t("daftar lagi", "register again"))),
               .text(ctx.t(", atau ", ", or ")), .a(.href(SiteRoute.login.path), .text(ctx.t("masuk", "sign in"))), .text(".")),
        ])
    }
}
