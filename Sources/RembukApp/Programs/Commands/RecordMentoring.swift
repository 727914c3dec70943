import Fluent
import Foundation
import RembukCore

/// A mentor (the programme's agency staff, or a user of a partner co-hosting it) notes a meeting with a UMKM
/// participant: when, about what, and the next steps. The participant is told and reads it on the programme.
struct RecordMentoring {
    struct Input: Codable, Sendable {
        var participant: String?
        var met_on: String?
        var topic: String?
        var notes: String?
        var next_steps: String?
    }

    enum Outcome {
        case recorded(MentoringEntry)
        case invalid(FormErrors)
    }

    func run(_ program: Program, _ input: Input, in ctx: Invocation) async throws -> Outcome {
        try await ProgramGuard.requireHelper(program, ctx)
        guard program.programType.isUMKM else {
            throw UserFacingError(.conflict, Phrase("Catatan pendampingan untuk program UMKM.", "Mentoring notes are for small-business programmes."))
        }
        let programID = try program.requireID()
        var errors = FormErrors()
        var person: Account?
        if let id = UUID(uuidString: input.participant ?? ""),
           try await Participant.query(on: ctx.db).filter(\.$programID == programID).filter(\.$accountID == id).first() != nil {
            person = try await Account.find(id, on: ctx.db)
        }
        if person == nil { errors.add("participant", Phrase("Pilih peserta program ini.", "Choose a participant of this programme.")) }
        let day = LocalDate(iso: (input.met_on ?? "").trimmingCharacters(in: .whitespaces))
        if day == nil || day! > ctx.today || day!.year < program.year - 1 {
            errors.add("met_on", Phrase("Tanggal pertemuan: hari ini atau sebelumnya, misalnya \(ctx.today.iso).", "The meeting date: today or earlier."))
        }
        let topic = CleanText.line(input.topic ?? "")
        if !(3...150).contains(topic.count) { errors.add("topic", Phrase("Topik pendampingan 3–150 huruf.", "The topic has 3–150 characters.")) }
        let notes = TextInput.clean(input.notes ?? "")
        if !(10...2000).contains(notes.count) { errors.add("notes", Phrase("Catatan 10–2.000 huruf: apa yang dibahas dan dikerjakan.", "Notes of 10–2,000 characters.")) }
        let next = TextInput.clean(input.next_steps ?? "")
        if next.count > 500 { errors.add("next_steps", Phrase("Langkah berikutnya paling panjang 500 huruf.", "At most 500 characters.")) }
        guard errors.isEmpty, let person, let day, let mentorID = ctx.principal.accountID else { return .invalid(errors) }
        let organisation = try await ctx.actor.partners.first.asyncFlatMap { try await Partner.find($0, on: ctx.db)?.name }
        let entry = MentoringEntry()
        entry.id = UUID()
        entry.programID = programID
        entry.accountID = try person.requireID()
        entry.metOn = day.iso
        entry.topic = topic
        entry.notes = notes
        entry.nextSteps = next
        entry.mentorID = mentorID
        entry.mentorLabel = ctx.principal.account.map { account in organisation.map { "\(account.name) (\($0))" } ?? account.name } ?? ""
        entry.createdMillis = ctx.now.millis
        try await ctx.writes.transaction { db in
            try await entry.create(on: db)
            try await ProgramGuard.audit(program, "program.mentoring", "catatan pendampingan \(DateText.long(day)): \(topic)", ctx: ctx, on: db)
            try await Notifier.send(to: person, Notice(
                title: Phrase("Catatan pendampingan baru: \(program.title)", "New mentoring note: \(program.title)"),
                body: Phrase("\(entry.mentorLabel) mencatat pertemuan \(DateText.long(day)) tentang “\(topic)”.",
                             "\(entry.mentorLabel) noted the meeting of \(DateText.long(day, .en)) about “\(topic)”."),
                link: SiteRoute.programMentoring(programID.uuidString).path), in: ctx, on: db)
        }
        return .recorded(entry)
    }
}
