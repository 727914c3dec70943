import Fluent
import Foundation
import RembukCore

/// Opening, closing and reopening a forum. Closing freezes the result: each usulan takes the steps its
/// outcome means (agreed and forwarded, postponed, accepted, redirected …) on its timeline, the result
/// lines are stored, and the audit head at closing is kept for the berita acara. Reopening (with a reason)
/// undoes those steps, as long as no later tier has acted on the usulan since.
struct ChangeForumStatus {
    enum Change: String, Codable, Sendable { case start, close, reopen }

    enum Outcome {
        case changed
        case refused(FormErrors)
    }

    /// The change as a form names it: who may run the forum is checked before the request is read.
    func run(_ requested: String?, reason: String?, forum: Forum, in ctx: Invocation) async throws -> Outcome {
        try ForumGuard.requireRunner(forum, ctx, open: false)
        guard let change = Change(rawValue: requested ?? "") else {
            throw UserFacingError(.badRequest, Phrase("Perubahan status itu tidak dikenal.", "Unknown status change."))
        }
        return try await run(change, reason: reason, forum: forum, in: ctx)
    }

    func run(_ change: Change, reason: String?, forum: Forum, in ctx: Invocation) async throws -> Outcome {
        try ForumGuard.requireRunner(forum, ctx, open: change != .reopen)
        switch change {
        case .start: return try await start(forum, ctx)
        case .close: return try await close(forum, ctx)
        case .reopen: return try await reopen(forum, reason: reason ?? "", ctx)
        }
    }

    func refusal(_ phrase: Phrase) -> Outcome {
        var errors = FormErrors()
        errors.add(phrase)
        return .refused(errors)
    }

    func start(_ forum: Forum, _ ctx: Invocation) async throws -> Outcome {
        guard let day = forum.day, forum.forumStatus.canStart(on: ctx.today, heldOn: day) else {
            return refusal(Phrase("Forum dibuka pada hari pelaksanaannya (\(forum.day.map { DateText.long($0) } ?? forum.heldOn)) atau sesudahnya.",
                                  "The forum opens on its day or later."))
        }
        try await ctx.writes.transaction { db in
            try await ForumGuard.lock(forum, expecting: .dijadwalkan, on: db)
            forum.status = ForumStatus.berlangsung.rawValue
            try await forum.save(on: db)
            _ = try await ForumGuard.audit(forum, "forum.started", "forum dibuka", ctx: ctx, on: db)
        }
        return .changed
    }

    func close(_ forum: Forum, _ ctx: Invocation) async throws -> Outcome {
        let forumID = try forum.requireID()
        let agenda = try await ForumAgenda.load(forum, on: ctx.db)
        let attendees = try await ForumAttendee.query(on: ctx.db).filter(\.$forum.$id == forumID).all()
        // A paper forum counts the people on its sheet; its named attendees are the delegates.
        let attendance = try await ForumAttendanceFigures.load(forumID, attendees: attendees, womenTarget: agenda.settings.womenTargetBasisPoints,
                                                               on: ctx.db).figures.total
        let work = forum.forumLevel.work
        let undecided = [.agencyDecisions, .finalList].contains(work) ? agenda.usulan.filter { agenda.decisions[$0.id!] == nil }.count : 0
        if let problem = ForumClosing.problem(level: forum.forumLevel, status: forum.forumStatus, attendance: attendance,
                                              delegates: attendees.filter(\.delegate).map { ($0.id!.uuidString, $0.attendee.gender) },
                                              undecided: undecided, missingPagu: work == .allocation && agenda.pagu == nil) {
            return refusal(Self.message(problem))
        }
        let lines = agenda.preview
        let agencies = try await AgencyNames.load(on: ctx.db)
        try await ctx.writes.transaction { db in
            try await ForumGuard.lock(forum, expecting: .berlangsung, on: db)
            for (position, line) in lines.enumerated() {
                guard let usulan = agenda.usulan(line.id) else { continue }
                let from = usulan.workflowStatus
                let decision = agenda.decisions[usulan.id!]
                var status = from
                for step in line.outcome.steps(at: forum.forumLevel) {
                    guard let next = UsulanWorkflow.next(step, from: status) else { continue }
                    var note = forum.title
                    if let priority = line.priority { note += ", prioritas \(priority)" }
                    if let reason = line.reason { note += ": " + Self.reasonText(reason, agencies) }
                    if let decision, !decision.note.isEmpty { note += ": " + decision.note }
                    if step == .redirect, let agency = decision?.newAgency {
                        note += " (dialihkan ke \(agencies[agency] ?? agency))"
                        usulan.targetAgency = agency
                    }
                    if step == .acceptByAgency, let volume = decision?.newVolume, let cost = decision?.newCost {
                        usulan.volume = volume
                        usulan.cost = cost
                    }
                    usulan.status = next.rawValue
                    try await usulan.save(on: db)
                    try await UsulanTimeline.record(usulan, step: step, from: status, to: next, actor: ctx.identity, note: note,
                                                    reason: step == .reject || step == .postpone ? decision?.reasonCode.flatMap(RejectionReason.init(rawValue:))
                                                        ?? (line.outcome == .belumDisepakati ? .melebihiPagu : nil) : nil,
                                                    changedVolume: step == .acceptByAgency ? decision?.newVolume : nil,
                                                    changedCost: step == .acceptByAgency ? decision?.newCost : nil,
                                                    on: db, now: ctx.now, notify: ctx)
                    status = next
                }
                let result = ForumResult()
                result.$forum.id = forumID
                result.$usulan.id = try usulan.requireID()
                result.position = position + 1
                result.priority = line.priority
                result.outcome = line.outcome.rawValue
                result.reason = line.reason.map { Self.reasonText($0, agencies) } ?? decision.map { record in
                    [record.reasonCode.flatMap(RejectionReason.init(rawValue:))?.label(.id), record.note.isEmpty ? nil : record.note,
                     record.newAgency.map { "ke \(agencies[$0] ?? $0)" }].compactMap { $0 }.joined(separator: "; ")
                } ?? ""
                let score = agenda.score(of: usulan.id!)
                result.scoreSum = score.sum
                result.scorers = score.scorers
                result.cost = usulan.cost
                result.volume = usulan.volume
                result.agency = usulan.targetAgency
                result.fromStatus = from.rawValue
                result.toStatus = status.rawValue
                try await result.create(on: db)
            }
            forum.status = ForumStatus.selesai.rawValue
            forum.closedAt = ctx.now
            if forum.documentNumber == nil { forum.documentNumber = try await DocumentNumbering.minutes(forum, in: ctx, on: db) }
            forum.closingPagu = agenda.pagu?.total
            let agreed = lines.filter(\.outcome.isAgreed).count
            let entry = try await ForumGuard.audit(forum, "forum.closed", "forum ditutup: \(agreed) usulan disepakati dari \(lines.count), \(attendance) peserta", ctx: ctx, on: db)
            forum.closingHash = entry.hash
            try await forum.save(on: db)
        }
        return .changed
    }

    func reopen(_ forum: Forum, reason raw: String, _ ctx: Invocation) async throws -> Outcome {
        guard forum.forumStatus == .selesai else { return refusal(Phrase("Hanya forum yang sudah ditutup yang dapat dibuka kembali.", "Only a closed forum can be reopened.")) }
        let reason = CleanText.paragraphs(raw)
        guard (10...500).contains(reason.count) else {
            var errors = FormErrors()
            errors.add("reason", Phrase("Tulis alasan membuka kembali forum (10–500 huruf); alasan ini tercatat di jejak audit.",
                                        "Give the reason for reopening (10–500 characters); it is kept in the audit trail."))
            return .refused(errors)
        }
        let forumID = try forum.requireID()
        let results = try await ForumResult.query(on: ctx.db).filter(\.$forum.$id == forumID).with(\.$usulan).all()
        // Only what the closing moved needs to be where it left it; usulan it did not discuss are free.
        let movedOn = results.filter { $0.fromStatus != $0.toStatus && $0.usulan.status != $0.toStatus }
        guard movedOn.isEmpty else {
            return refusal(Phrase("Forum tidak dapat dibuka kembali: usulan \(movedOn.map(\.usulan.number).joined(separator: ", ")) sudah diproses tahap berikutnya.",
                                  "The forum cannot be reopened: later tiers have already acted on \(movedOn.map(\.usulan.number).joined(separator: ", "))."))
        }
        try await ctx.writes.transaction { db in
            try await ForumGuard.lock(forum, expecting: .selesai, on: db)
            for result in results where result.fromStatus != result.toStatus {
                let usulan = result.usulan
                let from = usulan.workflowStatus
                let back = UsulanStatus(rawValue: result.fromStatus) ?? from
                usulan.status = back.rawValue
                try await usulan.save(on: db)
                try await UsulanTimeline.record(usulan, step: .reopenForum, from: from, to: back, actor: ctx.identity,
                                                note: "\(forum.title) dibuka kembali: \(reason)", on: db, now: ctx.now, notify: ctx)
            }
            try await ForumResult.query(on: db).filter(\.$forum.$id == forumID).delete()
            forum.status = ForumStatus.berlangsung.rawValue
            forum.closedAt = nil
            forum.closingHash = nil
            forum.closingPagu = nil
            try await forum.save(on: db)
            _ = try await ForumGuard.audit(forum, "forum.reopened", "forum dibuka kembali", reason: reason, ctx: ctx, on: db)
        }
        return .changed
    }

    static func reasonText(_ reason: Allocation.Reason, _ agencies: [String: String]) -> String {
        switch reason {
        case let .exceedsPagu(remaining): "melebihi sisa pagu (sisa \(Rupiah(remaining).formatted))"
        case let .exceedsAgencyCeiling(agency, remaining): "melebihi pagu \(agencies[agency] ?? agency) (sisa \(Rupiah(remaining).formatted))"
        }
    }

    static func message(_ problem: ForumClosing.Problem) -> Phrase {
        switch problem {
        case .notInSession: Phrase("Forum ditutup setelah dibuka (status Berlangsung).", "A forum is closed after it was opened.")
        case .noAttendance: Phrase("Daftar hadir masih kosong: catat peserta sebelum menutup forum.", "The attendance list is empty: record the participants first.")
        case let .delegates(problem): Phrase("Forum belum dapat ditutup: " + SetDelegates.message(problem).id.lowercasedFirst,
                                             "The forum cannot be closed yet: " + SetDelegates.message(problem).en.lowercasedFirst)
        case .noPagu: Phrase("Forum belum dapat ditutup: pagu indikatif kecamatan ini belum diisi Bappeda di pengaturan siklus.",
                             "The forum cannot be closed yet: Bappeda has not set this district's indicative ceiling.")
        case let .undecided(count): Phrase("Forum belum dapat ditutup: \(count) usulan belum diputuskan.", "The forum cannot be closed yet: \(count) proposals have no decision.")
        }
    }
}

extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
