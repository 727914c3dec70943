import Foundation
import Plot
import RembukCore

/// The berita acara of a forum, made from its data: when and where, who came and the inclusion shares,
/// the agreed list in the columns of Permendagri 86/2017 table T-D.4, what was not agreed and why, the
/// delegates, the signature block and the audit head at closing. Always in Indonesian: it is the legal text.
/// Before closing it is marked as a draft.
struct MinutesPage {
    var forum: Forum
    var regionName: String
    var baseURL: String
    var agenda: ForumAgenda
    var attendees: [ForumAttendee]
    var attendance: ForumAttendanceFigures
    var agencyNames: [String: String]
    var regionNames: [String: String]
    var attachments: [Attachment] = []
    var letterhead = ForumLetterhead(units: [], contacts: false)

    func render(_ ctx: ViewContext) -> HTML {
        let rows = ForumResultRows(agenda, agencyNames: agencyNames)
        let figures = attendance.figures
        let day = forum.day.map { DateText.long($0) } ?? forum.heldOn
        let delegates = attendees.filter(\.delegate).sorted { $0.number < $1.number }
        let isClosed = agenda.isClosed
        let work = forum.forumLevel.work
        return Layout.page(ctx, title: "Berita acara · \(forum.title)", [
            .article(.class("document"),
                .p(.class("no-print"), .a(.href(SiteRoute.forum(forum.id?.uuidString ?? "").path), .text("‹ " + forum.title)),
                   .text(" · Gunakan menu cetak peramban (Ctrl+P).")),
                .if(!isClosed, .p(.class("draft"), .text("DRAF — forum belum ditutup; isi berita acara dapat berubah."))),
                letterhead.view(ctx),
                .h1(.class("doc-title"), .text("BERITA ACARA"), .br(), .text(forum.forumLevel.name(in: regionName, at: RegionCode(forum.regionCode)).uppercased()), .br(),
                    .text("TAHUN ANGGARAN \(agenda.cycle.year)")),
                .p(.class("doc-meta"), .text("Nomor: " + (forum.documentNumber ?? "…… (diberikan saat forum ditutup)"))),
                .p(.text("Pada hari ini \(day), pukul \(forum.startsAt), bertempat di \(forum.place), telah diselenggarakan \(forum.forumLevel.name(in: regionName, at: RegionCode(forum.regionCode)))"
                         + (forum.agency.isEmpty ? "" : " (\(agencyNames[forum.agency] ?? forum.agency))")
                         + " dalam rangka penyusunan Rencana Kerja Pemerintah Daerah \(ctx.regionName) tahun \(agenda.cycle.year)"
                         + (forum.facilitator.isEmpty ? "." : ", dengan fasilitator \(forum.facilitator)."))),
                .p(.text("Forum dihadiri " + InclusionPanel.sentence(figures, paper: attendance.isPaper) + " Daftar hadir terlampir.")),
                .if(work != .attendanceOnly, .group([
                    .h2(.text("A. Daftar prioritas usulan yang disepakati")),
                    .unwrap(rows.pagu) { pagu in .p(.text("Pagu indikatif \(Rupiah(pagu.total).formatted); disepakati \(Rupiah(rows.allocated).formatted); sisa \(Rupiah(pagu.total - rows.allocated).formatted).")) },
                    agreedTable(rows.agreed),
                    .h2(.text("B. Usulan yang belum disepakati")),
                    .if(rows.notAgreed.isEmpty, .p(.text("Tidak ada."))),
                    .if(!rows.notAgreed.isEmpty, .table(.class("sheet"),
                        .thead(.tr(.th(.class("num"), .text("No.")), .th(.text("Usulan")), .th(.text("Lokasi")), .th(.class("num"), .text("Pagu (Rp)")), .th(.text("Keterangan")))),
                        .tbody(.forEach(Array(rows.notAgreed.enumerated())) { index, row in
                            .tr(.td(.class("num"), .text(String(index + 1))), .td(.text("\(row.usulan.title) (\(row.usulan.number))")), .td(.text(location(row.usulan))),
                                .td(.class("num"), .text(Rupiah.groupThousands(UInt64(max(row.cost, 0))))),
                                .td(.text(row.outcome.label(.id) + (row.reason.isEmpty ? "" : ": " + row.reason))))
                        }))),
                ])),
                .if(forum.forumLevel.sendsDelegates, .group([
                    .h2(.text(work == .attendanceOnly ? "A. Utusan" : "C. Utusan ke forum berikutnya")),
                    .if(delegates.isEmpty, .p(.text("Belum dipilih."))),
                    .ol(.forEach(delegates) { .li(.text("\($0.name) (\($0.attendee.gender.label(.id)), \($0.unsurValue?.label(.id) ?? $0.unsur))")) }),
                ])),
                .if(!attachments.isEmpty, .p(.text("Lampiran: " + attachments.map(\.filename).joined(separator: "; ") + "."))),
                .p(.text("Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.")),
                signatures(delegates),
                .p(.class("audit-seal"), .text(isClosed
                    ? "Ditutup \(forum.closedAt.map { DateText.dateTime($0) } ?? ""). Jejak audit Rembuk saat penutupan: \(forum.closingHash ?? "–"). Periksa di \(baseURL)\(SiteRoute.audit.path)."
                    : "Belum ditutup: kode jejak audit dicantumkan saat forum ditutup."))),
        ])
    }

    func location(_ usulan: Usulan) -> String {
        "\(regionNames[usulan.desaCode] ?? usulan.desaCode), Kec. \(regionNames[usulan.kecamatanCode] ?? usulan.kecamatanCode)"
    }

    /// Permendagri 86/2017 table T-D.4: prioritas, program/kegiatan, lokasi, volume, pagu, perangkat daerah.
    func agreedTable(_ rows: [ForumResultRows.Row]) -> Node<HTML.BodyContext> {
        guard !rows.isEmpty else { return .p(.text("Tidak ada usulan yang disepakati.")) }
        return .table(.class("sheet"),
            .thead(.tr(.th(.class("num"), .text("Prioritas")), .th(.text("Program/kegiatan")), .th(.text("Lokasi")), .th(.class("num"), .text("Volume")),
                       .th(.class("num"), .text("Pagu (Rp)")), .th(.text("Perangkat daerah")), .th(.class("num"), .text("Nilai")))),
            .tbody(.forEach(rows) { row in
                .tr(.td(.class("num"), .text(row.priority.map(String.init) ?? "")),
                    .td(.text(row.usulan.sector?.label(.id) ?? row.usulan.bidang), .br(), .strong(.text(row.usulan.title)), .text(" (\(row.usulan.number))"),
                        .unwrap(row.usulan.pokirLabel) { .group([.br(), .em(.text($0))]) }),
                    .td(.text(location(row.usulan))),
                    .td(.class("num"), .text("\(DecimalText.plain(row.volume)) \(row.usulan.satuan)")),
                    .td(.class("num"), .text(Rupiah.groupThousands(UInt64(max(row.cost, 0))))),
                    .td(.text(agencyNames[row.agency] ?? row.agency)),
                    .td(.class("num"), .text(row.score.text)))
            }),
            .tfoot(.tr(.th(.attribute(named: "colspan", value: "4"), .text("Jumlah")),
                       .th(.class("num"), .text(Rupiah.groupThousands(UInt64(max(rows.reduce(0) { $0 + $1.cost }, 0))))), .th(), .th())))
    }

    /// Pimpinan sidang and notulen, then the delegates (or three lines) as representatives of the participants.
    func signatures(_ delegates: [ForumAttendee]) -> Node<HTML.BodyContext> {
        let representatives = delegates.isEmpty ? ["", "", ""] : delegates.map(\.name)
        let day = forum.day.map { DateText.long($0) } ?? forum.heldOn
        return .div(.class("signatures"),
            .p(.class("sign-place"), .text("\(regionName), \(day)")),
            .div(.class("sign-grid"),
                 .div(.p(.text("Pimpinan sidang,")), .p(.class("sign-line"), .text(forum.facilitator.isEmpty ? "(.................................)" : "(\(forum.facilitator))"))),
                 .div(.p(.text("Notulen,")), .p(.class("sign-line"), .text("(.................................)")))),
            .p(.text("Wakil peserta:")),
            .div(.class("sign-grid"), .forEach(Array(representatives.enumerated())) { index, name in
                .div(.p(.text("\(index + 1).")), .p(.class("sign-line"), .text(name.isEmpty ? "(.................................)" : "(\(name))")))
            }))
    }
}
