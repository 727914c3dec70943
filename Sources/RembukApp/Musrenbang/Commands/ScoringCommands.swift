import Fluent
import Foundation
import RembukCore

/// One scorer's sheet for the forum: 1–5 on each criterion of the cycle for every usulan they scored. An
/// usulan left blank is not scored by this scorer; one scored halfway is refused. All or nothing is saved.
struct SaveScores {
    struct Input: Codable, Sendable {
        var scorer: String?
        /// usulan id → criterion key → score as typed.
        var s: [String: [String: String]]?
    }

    enum Outcome {
        case saved(count: Int)
        case invalid(FormErrors)
    }

    func run(_ input: Input, forum: Forum, in ctx: Invocation) async throws -> Outcome {
        try ForumGuard.requireRunner(forum, ctx)
        var errors = FormErrors()
        guard forum.forumStatus == .berlangsung else {
            errors.add(Phrase("Penilaian dimulai setelah forum dibuka (status Berlangsung).", "Scoring starts once the forum is in session."))
            return .invalid(errors)
        }
        let scorer = CleanText.line(input.scorer ?? "")
        if !(2...80).contains(scorer.count) {
            errors.add("scorer", Phrase("Tulis nama atau peran penilai, mis. “Penilai 1 – Ketua BPD”.", "Enter the scorer's name or role."))
        }
        let agenda = try await ForumAgenda.load(forum, only: (input.s ?? [:]).keys.compactMap(UUID.init(uuidString:)), on: ctx.db)
        var sheets: [(usulan: Usulan, scores: [String: Int], total: Int)] = []
        for (id, raw) in input.s ?? [:] {
            let filled = raw.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
            if filled.isEmpty { continue }
            guard let usulan = agenda.usulan(id) else {
                errors.add(Phrase("Ada usulan yang bukan bagian dari forum ini.", "A proposal is not on this forum's agenda."))
                continue
            }
            var scores: [String: Int] = [:]
            for (key, text) in filled { scores[key] = Int(text.trimmingCharacters(in: .whitespaces)) ?? 0 }
            switch agenda.scheme(for: usulan).weigh(scores) {
            case let .success(total): sheets.append((usulan, scores, total))
            case let .failure(problem): errors.add("s-\(id)", Self.message(problem, agenda.scheme(for: usulan), usulan))
            }
        }
        if errors.isEmpty, sheets.isEmpty {
            errors.add(Phrase("Belum ada nilai yang diisi.", "No score was entered."))
        }
        guard errors.isEmpty else { return .invalid(errors) }
        let forumID = try forum.requireID()
        let encoder = JSONEncoder.rembuk
        let entered = sheets
        try await ctx.writes.transaction { db in
            // One sheet save at a time per forum: the same scorer's sheet sent twice at once (a double click, two
            // clerks) is saved once then updated, never inserted twice; and the forum is still in session.
            try await ForumGuard.lock(forum, expecting: .berlangsung, on: db)
            for entry in entered {
                let usulanID = try entry.usulan.requireID()
                let sheet = try await ForumScoreSheet.query(on: db).filter(\.$forum.$id == forumID).filter(\.$usulanID == usulanID)
                    .filter(\.$scorer == scorer).first() ?? ForumScoreSheet()
                sheet.$forum.id = forumID
                sheet.usulanID = usulanID
                sheet.scorer = scorer
                sheet.scores = String(decoding: try encoder.encode(entry.scores), as: UTF8.self)
                sheet.total = entry.total
                try await sheet.save(on: db)
            }
            _ = try await ForumGuard.audit(forum, "forum.scored", "\(scorer) menilai \(entered.count) usulan: "
                                           + entered.map { "\($0.usulan.number) \(ForumScore(sum: $0.total, scorers: 1).text)" }.joined(separator: ", "),
                                           ctx: ctx, on: db)
        }
        return .saved(count: entered.count)
    }

    static func message(_ problem: ScoringScheme.ScoreProblem, _ scheme: ScoringScheme, _ usulan: Usulan) -> Phrase {
        let name = { (key: String) in scheme.criteria.first { $0.key == key }?.name ?? key }
        switch problem {
        case let .missing(key):
            return Phrase("\(usulan.number): isi juga nilai \(name(key)), atau kosongkan semua nilai usulan ini.",
                          "\(usulan.number): also score \(name(key)), or leave this proposal blank.")
        case let .outOfRange(key, _):
            return Phrase("\(usulan.number): nilai \(name(key)) harus 1 sampai 5.", "\(usulan.number): \(name(key)) is scored 1 to 5.")
        case .unknown:
            return Phrase("\(usulan.number): kriteria itu tidak ada di pengaturan siklus.", "\(usulan.number): that criterion is not in the cycle settings.")
        }
    }
}

/// The forum changes an usulan's volume and cost (e.g. to fit the pagu), with the reason on its timeline.
struct AdjustUsulan {
    struct Input: Codable, Sendable {
        var volume: String?
        var cost: String?
        var reason: String?
    }

    enum Outcome {
        case adjusted
        case invalid(FormErrors)
    }

    func run(_ input: Input, usulanID: String?, forum: Forum, in ctx: Invocation) async throws -> Outcome {
        try ForumGuard.requireRunner(forum, ctx)
        let agenda = try await ForumAgenda.load(forum, on: ctx.db)
        guard [.ranking, .allocation].contains(forum.forumLevel.work), let usulan = agenda.usulan(usulanID ?? "") else {
            throw UserFacingError(.notFound, Phrase("Usulan itu tidak dibahas di forum ini.", "That proposal is not on this forum's agenda."))
        }
        var errors = FormErrors()
        let (volume, cost) = ForumAmounts.read(volume: input.volume, cost: input.cost, errors: &errors)
        let reason = CleanText.paragraphs(input.reason ?? "")
        if !(5...500).contains(reason.count) { errors.add("reason", Phrase("Tulis alasan penyesuaian (5–500 huruf).", "Give the reason for the change (5–500 characters).")) }
        if let volume, let cost, volume == usulan.volume, cost == usulan.cost {
            errors.add("cost", Phrase("Volume dan biaya sama dengan sebelumnya.", "Volume and cost are unchanged."))
        }
        guard errors.isEmpty, let volume, let cost else { return .invalid(errors) }
        let before = "\(DecimalText.plain(usulan.volume)) \(usulan.satuan), \(Rupiah(usulan.cost).formatted)"
        let status = usulan.workflowStatus
        try await ctx.writes.transaction { db in
            usulan.volume = volume
            usulan.cost = cost
            try await usulan.save(on: db)
            try await UsulanTimeline.record(usulan, step: .adjust, from: status, to: status, actor: ctx.identity,
                                            note: "\(forum.title): sebelumnya \(before). \(reason)",
                                            changedVolume: volume, changedCost: cost, on: db, now: ctx.now, notify: ctx)
        }
        return .adjusted
    }
}

/// A forum OPD's or the kabupaten forum's decision on one usulan; it takes effect when the forum closes.
struct DecideUsulan {
    struct Input: Codable, Sendable {
        var decision: String?
        var reason_code: String?
        var note: String?
        var new_agency: String?
        var volume: String?
        var cost: String?
    }

    enum Outcome {
        case decided
        case invalid(FormErrors)
    }

    func run(_ input: Input, usulanID: String?, forum: Forum, in ctx: Invocation) async throws -> Outcome {
        try ForumGuard.requireRunner(forum, ctx)
        let agenda = try await ForumAgenda.load(forum, on: ctx.db)
        let choices = ForumDecision.choices(for: forum.forumLevel.work)
        guard !choices.isEmpty, let usulan = agenda.usulan(usulanID ?? ""), let id = usulan.id else {
            throw UserFacingError(.notFound, Phrase("Usulan itu tidak dibahas di forum ini.", "That proposal is not on this forum's agenda."))
        }
        var errors = FormErrors()
        if forum.forumStatus != .berlangsung {
            errors.add(Phrase("Keputusan dicatat setelah forum dibuka (status Berlangsung).", "Decisions are recorded once the forum is in session."))
        }
        let decision = ForumDecision(rawValue: input.decision ?? "").flatMap { choices.contains($0) ? $0 : nil }
        if decision == nil { errors.add("decision", Phrase("Pilih keputusan.", "Choose a decision.")) }
        let reason = RejectionReason(rawValue: input.reason_code ?? "")
        if decision?.needsReason == true, reason == nil { errors.add("reason_code", Phrase("Pilih alasannya.", "Choose the reason.")) }
        let note = CleanText.paragraphs(input.note ?? "")
        if note.count > 500 { errors.add("note", Phrase("Catatan paling panjang 500 huruf.", "At most 500 characters.")) }
        var agency: String?
        if decision?.needsAgency == true {
            agency = input.new_agency
            if try await Agency.find(agency ?? "", on: ctx.db) == nil || agency == usulan.targetAgency {
                errors.add("new_agency", Phrase("Pilih perangkat daerah tujuan (bukan yang sekarang).", "Choose the agency to redirect to (not the current one)."))
            }
        }
        var volume: Double?
        var cost: Int64?
        if decision?.changesVolumeOrCost == true {
            (volume, cost) = ForumAmounts.read(volume: input.volume, cost: input.cost, errors: &errors)
            if volume == usulan.volume, cost == usulan.cost { errors.add("cost", Phrase("Untuk “diterima dengan perubahan”, ubah volume atau biayanya.", "Change the volume or cost to accept with changes.")) }
        }
        guard errors.isEmpty, let decision else { return .invalid(errors) }
        let forumID = try forum.requireID()
        let record = agenda.decisions[id] ?? ForumDecisionRecord()
        record.$forum.id = forumID
        record.usulanID = id
        record.decision = decision.rawValue
        record.reasonCode = decision.needsReason ? reason?.rawValue : nil
        record.note = note
        record.newAgency = agency
        record.newVolume = volume
        record.newCost = cost
        try await ctx.writes.transaction { db in
            try await record.save(on: db)
            _ = try await ForumGuard.audit(forum, "forum.decided", "\(usulan.number): \(decision.label(.id))",
                                           reason: [reason?.label(.id), note.isEmpty ? nil : note].compactMap { $0 }.joined(separator: ": "), ctx: ctx, on: db)
        }
        return .decided
    }
}

/// The volume and cost a forum types for an usulan (an adjustment, an acceptance with changes): a volume
/// above 0 and a cost in whole rupiah above 0 up to the usulan maximum; nil with the message when not.
enum ForumAmounts {
    static func read(volume: String?, cost: String?, errors: inout FormErrors) -> (Double?, Int64?) {
        let parsedVolume = DecimalText.volume(volume ?? "")
        if parsedVolume == nil {
            errors.add("volume", Phrase("Volume berupa angka lebih dari 0, misalnya 500 atau 2,5.", "Volume is a number above 0, e.g. 500 or 2.5."))
        }
        var parsedCost = Rupiah.parse(cost ?? "")?.amount
        if let amount = parsedCost, amount > 0, amount <= SaveUsulan.maximumCost {} else {
            errors.add("cost", Phrase("Biaya dalam rupiah, lebih dari 0, misalnya 150.000.000.", "The cost in whole rupiah above 0, e.g. 150.000.000."))
            parsedCost = nil
        }
        return (parsedVolume, parsedCost)
    }
}
