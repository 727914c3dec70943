import Fluent
import Foundation
import RembukCore

/// Puts one person on a forum's daftar hadir, before the forum or at the door.
struct RegisterAttendee {
    struct Input: Codable, Sendable {
        var name: String?
        var gender: String?
        var age_group: String?
        var disability: String?
        var unsur: String?
        var organisation: String?
        var phone: String?
    }

    enum Outcome {
        case registered(ForumAttendee)
        case invalid(FormErrors)
    }

    func run(_ input: Input, forum: Forum, in ctx: Invocation) async throws -> Outcome {
        try ForumGuard.requireRunner(forum, ctx)
        var errors = FormErrors()
        let name = AccountRules.cleanName(input.name ?? "")
        if !(2...100).contains(name.count) { errors.add("name", Phrase("Tulis nama peserta (2–100 huruf).", "Enter the participant's name (2–100 characters).")) }
        let gender = Attendee.Gender(rawValue: input.gender ?? "")
        if gender == nil { errors.add("gender", Phrase("Pilih jenis kelamin.", "Choose the gender.")) }
        let age = Attendee.AgeGroup(rawValue: input.age_group ?? "")
        if age == nil { errors.add("age_group", Phrase("Pilih kelompok umur.", "Choose the age group.")) }
        let unsur = Unsur(rawValue: input.unsur ?? "")
        if unsur == nil { errors.add("unsur", Phrase("Pilih unsur yang diwakili.", "Choose whom the participant represents.")) }
        let organisation = CleanText.line(input.organisation ?? "")
        if organisation.count > 100 { errors.add("organisation", Phrase("Nama lembaga paling panjang 100 huruf.", "At most 100 characters.")) }
        var phone: String?
        let phoneText = (input.phone ?? "").trimmingCharacters(in: .whitespaces)
        if !phoneText.isEmpty {
            switch PhoneNumber.parse(phoneText) {
            case let .success(number): phone = number.e164
            case .failure: errors.add("phone", Phrase("Nomor HP seperti 0812-3456-7890, atau kosongkan.", "A phone number like 0812-3456-7890, or leave it empty."))
            }
        }
        guard errors.isEmpty, let gender, let age, let unsur else { return .invalid(errors) }
        let forumID = try forum.requireID()
        let attendee = ForumAttendee()
        attendee.$forum.id = forumID
        attendee.name = name
        attendee.gender = gender.rawValue
        attendee.ageGroup = age.rawValue
        attendee.disability = input.disability == "1"
        attendee.unsur = unsur.rawValue
        attendee.organisation = organisation
        attendee.phone = phone
        attendee.delegate = false
        // Two operators at two doors: the line number is taken inside the transaction; a clash retries.
        for attempt in 1...5 {
            do {
                try await ctx.writes.transaction { db in
                    let last = try await ForumAttendee.query(on: db).filter(\.$forum.$id == forumID).max(\.$number) ?? 0
                    attendee.number = last + 1
                    try await attendee.create(on: db)
                    _ = try await ForumGuard.audit(forum, "forum.attendee_registered", "peserta no. \(attendee.number) (\(unsur.label(.id)))", ctx: ctx, on: db)
                }
                break
            } catch where error.isConstraintFailure && attempt < 5 {
                attendee.id = nil
            }
        }
        return .registered(attendee)
    }
}

/// Takes a line off the daftar hadir (entered twice, or the wrong forum) while the forum is open.
struct RemoveAttendee {
    func run(_ attendeeID: String?, forum: Forum, in ctx: Invocation) async throws {
        try ForumGuard.requireRunner(forum, ctx)
        guard let id = UUID(uuidString: attendeeID ?? ""), let attendee = try await ForumAttendee.find(id, on: ctx.db),
              attendee.$forum.id == forum.id else { throw UserFacingError.notFound }
        try await ctx.writes.transaction { db in
            try await attendee.delete(on: db)
            _ = try await ForumGuard.audit(forum, "forum.attendee_removed", "peserta no. \(attendee.number) dihapus dari daftar hadir", ctx: ctx, on: db)
        }
    }
}

/// Names the forum's delegates to the next tier: 3 to 5 participants, at least one of them a woman.
struct SetDelegates {
    enum Outcome {
        case saved
        case invalid(FormErrors)
    }

    func run(_ ids: [String], forum: Forum, in ctx: Invocation) async throws -> Outcome {
        try ForumGuard.requireRunner(forum, ctx)
        let forumID = try forum.requireID()
        let attendees = try await ForumAttendee.query(on: ctx.db).filter(\.$forum.$id == forumID).all()
        let chosen = attendees.filter { ids.contains($0.id?.uuidString ?? "-") }
        var errors = FormErrors()
        if chosen.count != Set(ids).count {
            errors.add("delegates", Phrase("Utusan dipilih dari daftar hadir forum ini.", "Delegates are chosen from this forum's attendance list."))
        } else if let problem = DelegateRule.check(chosen.map { ($0.id!.uuidString, $0.attendee.gender) }) {
            errors.add("delegates", Self.message(problem))
        }
        guard errors.isEmpty else { return .invalid(errors) }
        let names = chosen.sorted { $0.number < $1.number }.map(\.name)
        try await ctx.writes.transaction { db in
            for attendee in attendees where attendee.delegate != chosen.contains(where: { $0.id == attendee.id }) {
                attendee.delegate.toggle()
                try await attendee.save(on: db)
            }
            _ = try await ForumGuard.audit(forum, "forum.delegates_set", "utusan: " + names.joined(separator: ", "), ctx: ctx, on: db)
        }
        return .saved
    }

    static func message(_ problem: DelegateRule.Problem) -> Phrase {
        switch problem {
        case let .count(count):
            Phrase("Utusan ke forum berikutnya 3 sampai 5 orang; sekarang \(count) orang.", "Send 3 to 5 delegates to the next forum; now \(count).")
        case .noWoman:
            Phrase("Paling sedikit satu utusan harus perempuan.", "At least one delegate must be a woman.")
        case .duplicate:
            Phrase("Satu orang hanya dapat dipilih sekali.", "Each person can be chosen once.")
        }
    }
}
