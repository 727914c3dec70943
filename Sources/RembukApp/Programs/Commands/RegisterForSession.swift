import Fluent
import Foundation
import RembukCore

/// A citizen takes a seat in a session, or a place on its waiting list when it is full. Seats are counted under
/// the session's row lock (PostgreSQL `FOR UPDATE`; SQLite has one writer), so simultaneous sign-ups never
/// overbook. The first registration in a programme records where the person lives and, for UMKM programmes,
/// their business as it is now (the baseline of the outcome report).
struct RegisterForSession {
    struct Input: Codable, Sendable {
        var desa_code: String?
        var business: BusinessInput?
    }

    enum Outcome: Equatable {
        case seated
        case waiting(position: Int)
        case invalid(FormErrors)

        static func == (lhs: Outcome, rhs: Outcome) -> Bool {
            switch (lhs, rhs) {
            case (.seated, .seated): true
            case let (.waiting(a), .waiting(b)): a == b
            case (.invalid, .invalid): true
            default: false
            }
        }
    }

    static let duplicate = UserFacingError(.conflict, Phrase("Anda sudah terdaftar di sesi ini.", "You are already registered for this session."))

    func run(_ session: ProgramSession, of program: Program, _ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard let account = ctx.principal.account, let accountID = account.id else { throw UserFacingError.signInRequired }
        guard program.programStatus.takesRegistrations else {
            throw UserFacingError(.conflict, Phrase("Pendaftaran program ini tidak dibuka.", "This programme is not taking registrations."))
        }
        guard session.startsMillis > ctx.now.millis else {
            throw UserFacingError(.conflict, Phrase("Sesi ini sudah dimulai; pendaftaran ditutup.", "This session has started; registration is closed."))
        }
        let programID = try program.requireID()
        let sessionID = try session.requireID()
        if let existing = try await Registration.query(on: ctx.db).filter(\.$session.$id == sessionID).filter(\.$accountID == accountID).first(),
           existing.registrationStatus != .batal { throw Self.duplicate }

        // Who they are for this programme: asked once, at the first registration.
        let participant = try await Participant.query(on: ctx.db).filter(\.$programID == programID).filter(\.$accountID == accountID).first()
        var errors = FormErrors()
        var desa = participant?.desaCode
        if participant == nil {
            if let code = try await ctx.region(input.desa_code, at: .desa) {
                desa = code.value
            } else {
                errors.add("desa_code", Phrase("Pilih desa/kelurahan tempat Anda tinggal.", "Choose the village you live in."))
            }
        }
        let hasBaseline = try await BusinessReport.query(on: ctx.db).filter(\.$programID == programID).filter(\.$accountID == accountID)
            .filter(\.$moment == BusinessReport.Moment.awal.rawValue).first() != nil
        var business: (name: String, sector: String, startYear: Int, figures: BusinessFigures)?
        if program.programType.isUMKM && !hasBaseline, let given = input.business, !given.isEmpty || program.umkmOnly {
            business = given.checked(&errors, today: ctx.today)
        } else if program.umkmOnly && !hasBaseline {
            _ = BusinessInput().checked(&errors, today: ctx.today)
        }
        guard errors.isEmpty else { return .invalid(errors) }
        let residence = desa.flatMap { RegionCode($0) }
        if let refusal = program.eligibility.refusal(residence: residence, ownsBusiness: hasBaseline || business != nil) {
            errors.add(refusal == .outsideArea ? "desa_code" : "business_name", Phrase(refusal.message.id, refusal.message.en))
            return .invalid(errors)
        }

        let now = ctx.now
        let desaCode = desa ?? ""
        let baseline = business
        let enteredBy = ctx.principal.enteredBy
        let outcome: Outcome = try await ctx.writes.transaction { db in
            try await db.lockRow(ProgramSession.schema, id: sessionID)
            guard let current = try await ProgramSession.find(sessionID, on: db) else { throw UserFacingError.notFound }
            let registration = try await Registration.query(on: db).filter(\.$session.$id == sessionID).filter(\.$accountID == accountID).first()
                ?? Registration()
            if registration.id != nil && registration.registrationStatus != .batal { throw Self.duplicate }
            let seated = SeatRule.seatFree(confirmed: current.confirmed, capacity: current.capacity)
            // The queue's order must be strict even when two people register in the same millisecond.
            let last = try await Registration.query(on: db).filter(\.$session.$id == sessionID).max(\.$queuedMillis) ?? 0
            let queued = max(now.millis, last + 1)
            registration.$session.id = sessionID
            registration.programID = programID
            registration.accountID = accountID
            registration.status = (seated ? Registration.Status.terdaftar : .menunggu).rawValue
            registration.queuedMillis = queued
            registration.attended = false
            registration.remindedMillis = nil
            registration.enteredBy = enteredBy
            try await registration.save(on: db)
            if seated {
                current.confirmed += 1
                try await current.update(on: db)
            }
            if try await Participant.query(on: db).filter(\.$programID == programID).filter(\.$accountID == accountID).first() == nil {
                let row = Participant()
                row.programID = programID
                row.accountID = accountID
                row.desaCode = desaCode
                row.createdMillis = now.millis
                try await row.create(on: db)
            }
            if let baseline {
                try await BusinessInput.report(program: programID, account: accountID, moment: .awal, baseline, now: now).create(on: db)
            }
            let position = seated ? 0 : try await Registration.query(on: db).filter(\.$session.$id == sessionID)
                .filter(\.$status == Registration.Status.menunggu.rawValue).filter(\.$queuedMillis <= queued).count()
            try await ProgramGuard.audit(program, "program.registered",
                                         "sesi “\(current.title)”: " + (seated ? "mendapat kursi" : "daftar tunggu nomor \(position)"), ctx: ctx, on: db)
            try await Notifier.send(to: account, Notice(
                title: seated ? Phrase("Terdaftar: \(program.title)", "Registered: \(program.title)")
                    : Phrase("Daftar tunggu: \(program.title)", "Waiting list: \(program.title)"),
                body: seated ? Phrase("Sesi “\(current.title)”, \(ProgramGuard.when(current)), \(current.place).",
                                      "Session “\(current.title)”, \(DateText.dateTime(current.startsAt, .en)), \(current.place).")
                    : Phrase("Sesi “\(current.title)” penuh. Anda di daftar tunggu nomor \(position); kami kabari bila ada kursi kosong.",
                             "Session “\(current.title)” is full. You are number \(position) on the waiting list; we will tell you if a seat frees up."),
                link: SiteRoute.program(programID.uuidString).path), in: ctx, on: db)
            return seated ? .seated : .waiting(position: position)
        }
        return outcome
    }
}

/// A participant gives up their seat (or their place on the waiting list). A freed seat goes to the first on the
/// waiting list, who is told at once; both happen under the session's row lock.
struct CancelRegistration {
    func run(_ session: ProgramSession, of program: Program, in ctx: Invocation) async throws {
        guard let accountID = ctx.principal.accountID else { throw UserFacingError.signInRequired }
        let sessionID = try session.requireID()
        guard session.startsMillis > ctx.now.millis else {
            throw UserFacingError(.conflict, Phrase("Sesi ini sudah dimulai.", "This session has started."))
        }
        let now = ctx.now
        try await ctx.writes.transaction { db in
            try await db.lockRow(ProgramSession.schema, id: sessionID)
            guard let current = try await ProgramSession.find(sessionID, on: db),
                  let registration = try await Registration.query(on: db).filter(\.$session.$id == sessionID).filter(\.$accountID == accountID).first(),
                  registration.registrationStatus != .batal else {
                throw UserFacingError(.notFound, Phrase("Anda tidak terdaftar di sesi ini.", "You are not registered for this session."))
            }
            let hadSeat = registration.registrationStatus == .terdaftar
            registration.status = Registration.Status.batal.rawValue
            try await registration.update(on: db)
            if hadSeat { current.confirmed -= 1 }
            try await ProgramGuard.audit(program, "program.cancelled_registration", "sesi “\(current.title)”: \(hadSeat ? "kursi dilepas" : "keluar dari daftar tunggu")",
                                         ctx: ctx, on: db)
            let waiting = try await Registration.query(on: db).filter(\.$session.$id == sessionID)
                .filter(\.$status == Registration.Status.menunggu.rawValue).sort(\.$queuedMillis).sort(\.$id).all()
            let moving = SeatRule.promotions(confirmed: current.confirmed, capacity: current.capacity, waiting: waiting.count)
            for promoted in waiting.prefix(moving) {
                promoted.status = Registration.Status.terdaftar.rawValue
                promoted.queuedMillis = now.millis
                try await promoted.update(on: db)
                current.confirmed += 1
                try await ProgramGuard.audit(program, "program.promoted", "sesi “\(current.title)”: dari daftar tunggu mendapat kursi", ctx: ctx, on: db)
                if let person = try await Account.find(promoted.accountID, on: db), !person.isDisabled {
                    try await Notifier.send(to: person, Notice(
                        title: Phrase("Anda mendapat kursi: \(program.title)", "You have a seat: \(program.title)"),
                        body: Phrase("Ada peserta yang batal. Sesi “\(current.title)”, \(ProgramGuard.when(current)), \(current.place).",
                                     "Someone cancelled. Session “\(current.title)”, \(DateText.dateTime(current.startsAt, .en)), \(current.place)."),
                        link: SiteRoute.program(program.id?.uuidString ?? "").path, urgent: true), in: ctx, on: db)
                }
            }
            try await current.update(on: db)
        }
    }
}
