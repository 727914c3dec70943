import Foundation
import Plot
import RembukCore

/// `/program/{id}/pendampingan`: mentoring notes. Mentors see every participant's and write new ones;
/// a participant sees their own.
struct MentoringPage {
    var program: Program
    var entries: [MentoringEntry]
    var names: [UUID: String]
    var participants: [FormKit.Choice]
    var canRecord: Bool
    var today: LocalDate
    var saved: Bool
    var input: RecordMentoring.Input
    var errors: FormErrors

    func render(_ ctx: ViewContext) -> HTML {
        let id = program.id?.uuidString ?? ""
        let title = ctx.t("Catatan pendampingan", "Mentoring notes")
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.program(id).path), .text("‹ " + program.title))),
            .h1(.text(title)),
            .p(.class("lead"), .text(canRecord
                ? ctx.t("Catat setiap pertemuan dengan peserta: topik, apa yang dikerjakan, dan langkah berikutnya. Peserta membaca catatannya sendiri; catatan tidak pernah tampil untuk umum.",
                        "Note each meeting with a participant: topic, what was done, next steps. Participants read their own notes; notes are never public.")
                : ctx.t("Catatan pendamping tentang usaha Anda. Hanya Anda, pendamping dan penyelenggara yang dapat membacanya.",
                        "Your mentors' notes on your business. Only you, the mentors and the organisers can read them."))),
            .if(canRecord, form(ctx, id)),
            .h2(.text(ctx.t("\(entries.count) catatan", "\(entries.count) notes"))),
            entries.isEmpty ? .p(.class("muted"), .text(ctx.t("Belum ada catatan pendampingan.", "No mentoring notes yet."))) :
            .ul(.class("cards"), .forEach(entries) { entry in
                .li(.class("card"),
                    .h3(.text(entry.topic)),
                    .p(.class("muted"), .text((LocalDate(iso: entry.metOn).map { DateText.long($0, ctx.language) } ?? entry.metOn)
                                              + (names[entry.accountID].map { " · " + $0 } ?? "") + " · " + ctx.t("oleh ", "by ") + entry.mentorLabel)),
                    .group(entry.notes.components(separatedBy: "\n").filter { !$0.isEmpty }.map { .p(.text($0)) }),
                    .if(!entry.nextSteps.isEmpty, .p(.strong(.text(ctx.t("Langkah berikutnya: ", "Next steps: "))), .text(entry.nextSteps))))
            }),
        ])
    }

    func form(_ ctx: ViewContext, _ id: String) -> Node<HTML.BodyContext> {
        guard !participants.isEmpty else {
            return .p(.class("muted"), .text(ctx.t("Belum ada peserta yang bisa didampingi.", "No participants to mentor yet.")))
        }
        return .section(.class("panel no-print"),
            .h2(.text(ctx.t("Catat pertemuan", "Note a meeting"))),
            .if(saved && errors.isEmpty, FormKit.notice(ctx.t("Catatan tersimpan; peserta diberi tahu.", "Saved; the participant was told."))),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.programMentoring(id).path),
                FormKit.csrf(ctx),
                FormKit.select(ctx, name: "participant", label: ctx.t("Peserta", "Participant"),
                               choices: [.init(value: "", label: ctx.t("— pilih —", "— choose —"))] + participants, selected: input.participant ?? "", errors: errors),
                FormKit.field(ctx, .init(name: "met_on", label: ctx.t("Tanggal pertemuan", "Date of the meeting"), type: .date, value: input.met_on ?? today.iso, required: true), errors: errors),
                FormKit.field(ctx, .init(name: "topic", label: ctx.t("Topik", "Topic"), value: input.topic ?? "",
                                         hint: ctx.t("Misalnya: foto produk untuk marketplace.", "E.g. product photos for the marketplace."), required: true), errors: errors),
                FormKit.textarea(ctx, name: "notes", label: ctx.t("Catatan", "Notes"), value: input.notes ?? "", errors: errors, required: true, rows: 5),
                FormKit.textarea(ctx, name: "next_steps", label: ctx.t("Langkah berikutnya", "Next steps"), value: input.next_steps ?? "", errors: errors),
                .button(.type(.submit), .text(ctx.t("Simpan catatan", "Save the note")))))
    }
}

/// `/program/{id}/evaluasi`: the survey for participants who attended, the public summary once three answered,
/// comments a moderator let through (never with a name), and for moderators the comments waiting.
struct EvaluationPage {
    var program: Program
    var summary: EvaluationSummary?
    var comments: [String]
    var pending: [ProgramEvaluation]
    var mayAnswer: Bool
    var answered: Bool
    var saved: Bool
    var input: SubmitEvaluation.Input
    var errors: FormErrors

    func render(_ ctx: ViewContext) -> HTML {
        let id = program.id?.uuidString ?? ""
        let title = ctx.t("Evaluasi peserta", "Participants' evaluation")
        return Layout.page(ctx, title: title + " · " + program.title, [
            .p(.a(.href(SiteRoute.program(id).path), .text("‹ " + program.title))),
            .h1(.text(title)),
            .if(saved, FormKit.notice(ctx.t("Terima kasih, jawaban Anda tersimpan. Komentar tampil setelah diperiksa moderator, tanpa nama Anda.",
                                            "Thank you, your answers are saved. A comment shows after a moderator checks it, without your name."))),
            EvaluationSummaryView.render(ctx, summary, comments: comments),
            .if(answered && !saved, .p(.class("muted"), .text(ctx.t("Anda sudah mengisi evaluasi ini.", "You have answered this evaluation.")))),
            .if(mayAnswer, form(ctx, id)),
            .if(!pending.isEmpty, moderation(ctx)),
        ])
    }

    func form(_ ctx: ViewContext, _ id: String) -> Node<HTML.BodyContext> {
        let scale = EvaluationAnswer.scale.map { FormKit.Choice(value: String($0), label: "\($0) · " + EvaluationAnswer.label($0, ctx.language)) }
        return .section(.class("panel"),
            .h2(.text(ctx.t("Isi evaluasi", "Answer the evaluation"))),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.programEvaluation(id).path),
                FormKit.csrf(ctx),
                FormKit.choices(ctx, name: "satisfaction", legend: ctx.t("Seberapa puas Anda dengan program ini?", "How satisfied are you with this programme?"),
                                choices: scale, selected: [input.satisfaction ?? ""], errors: errors, radio: true),
                FormKit.choices(ctx, name: "usefulness", legend: ctx.t("Seberapa bermanfaat untuk Anda, usaha atau lingkungan Anda?", "How useful was it for you, your business or your area?"),
                                choices: scale, selected: [input.usefulness ?? ""], errors: errors, radio: true),
                FormKit.textarea(ctx, name: "comment", label: ctx.t("Saran atau komentar", "Suggestions or comments"), value: input.comment ?? "", errors: errors,
                                 hint: ctx.t("Tampil untuk umum tanpa nama setelah diperiksa moderator.", "Shown publicly without your name after a moderator checks it.")),
                .button(.type(.submit), .text(ctx.t("Kirim evaluasi", "Send the evaluation")))))
    }

    func moderation(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .section(.class("panel no-print"), .id("moderasi"),
            .h2(.text(ctx.t("Komentar menunggu moderasi (\(pending.count))", "Comments awaiting moderation (\(pending.count))"))),
            .ul(.class("cards"), .forEach(pending) { item in
                let action = SiteRoute.evaluationModerate(item.id?.uuidString ?? "").path
                let prefix = "m\(item.id?.uuidString.prefix(8) ?? "")-"
                return .li(.class("card"),
                    .p(.text(item.comment)),
                    FormKit.form(.class("inline"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: action),
                                 FormKit.csrf(ctx), FormKit.input([("type", "hidden"), ("name", "decision"), ("value", "tampil")]),
                                 .button(.type(.submit), .class("secondary"), .text(ctx.t("Tampilkan", "Show")))),
                    FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: action),
                                 FormKit.csrf(ctx), FormKit.input([("type", "hidden"), ("name", "decision"), ("value", "sembunyikan")]),
                                 FormKit.field(ctx, .init(name: "reason", label: ctx.t("Alasan menyembunyikan", "Reason for hiding")), errors: FormErrors(), idPrefix: prefix),
                                 .button(.type(.submit), .class("link"), .text(ctx.t("Sembunyikan", "Hide")))))
            }))
    }
}

/// The public summary of a programme's evaluation, on its page and on the evaluation page.
enum EvaluationSummaryView {
    static func render(_ ctx: ViewContext, _ summary: EvaluationSummary?, comments: [String]) -> Node<HTML.BodyContext> {
        guard let summary else {
            return .p(.class("muted"), .text(ctx.t("Ringkasan evaluasi tampil setelah paling sedikit \(EvaluationSummary.minimumResponses) peserta mengisi.",
                                                   "The evaluation summary shows once at least \(EvaluationSummary.minimumResponses) participants answered.")))
        }
        return .group(
            .ul(.class("cards"),
                .li(.class("card"), .span(.class("figure"), .text(EvaluationSummary.decimal(summary.satisfaction, ctx.language))), .text(ctx.t("rata-rata kepuasan (1–5)", "mean satisfaction (1–5)"))),
                .li(.class("card"), .span(.class("figure"), .text("\(summary.usefulPercent) %")), .text(ctx.t("menilai bermanfaat (4–5)", "found it useful (4–5)"))),
                .li(.class("card"), .span(.class("figure"), .text(String(summary.responses))), .text(ctx.t("peserta mengisi", "participants answered")))),
            .table(.caption(.text(ctx.t("Sebaran nilai kepuasan", "Satisfaction scores"))),
                .thead(.tr(.th(.text(ctx.t("Nilai", "Score"))), .th(.class("num"), .text(ctx.t("Peserta", "Participants"))))),
                .tbody(.forEach(Array(summary.satisfactionCounts.enumerated()).reversed()) { index, count in
                    .tr(.td(.text("\(index + 1) · " + EvaluationAnswer.label(index + 1, ctx.language))), .td(.class("num"), .text(String(count))))
                })),
            .if(!comments.isEmpty, .group(
                .h3(.text(ctx.t("Komentar peserta", "Participants' comments"))),
                .ul(.forEach(comments) { .li(.element(named: "q", text: $0)) }))))
    }
}
