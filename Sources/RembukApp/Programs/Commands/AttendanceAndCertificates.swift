import Fluent
import Foundation
import RembukCore

/// Staff tick who came to a session (from the day it takes place). Only seated participants can be marked.
struct RecordAttendance {
    struct Input: Codable, Sendable {
        var attended: [String]?
    }

    func run(_ session: ProgramSession, of program: Program, _ input: Input, in ctx: Invocation) async throws -> Int {
        try await ProgramGuard.requireHelper(program, ctx)
        guard LocalDate(session.startsAt) <= ctx.today else {
            throw UserFacingError(.conflict, Phrase("Kehadiran dicatat mulai hari sesi berlangsung.", "Attendance is taken from the day of the session."))
        }
        let present = Set((input.attended ?? []).compactMap(UUID.init(uuidString:)))
        let sessionID = try session.requireID()
        return try await ctx.writes.transaction { db in
            let seated = try await Registration.query(on: db).filter(\.$session.$id == sessionID)
                .filter(\.$status == Registration.Status.terdaftar.rawValue).all()
            guard present.isSubset(of: Set(seated.compactMap(\.id))) else {
                throw UserFacingError(.unprocessableEntity, Phrase("Yang ditandai hadir harus peserta terdaftar sesi ini.", "Only seated participants of this session can be marked."))
            }
            var count = 0
            for registration in seated {
                let attended = present.contains(registration.id!)
                if attended { count += 1 }
                guard registration.attended != attended else { continue }
                registration.attended = attended
                try await registration.update(on: db)
            }
            try await ProgramGuard.audit(program, "program.attendance", "sesi “\(session.title)”: \(count) dari \(seated.count) peserta hadir", ctx: ctx, on: db)
            return count
        }
    }
}

/// Staff issue certificates to every participant who attended at least the programme's minimum of sessions and
/// has none yet. Each gets a random code that anyone can check at `/sertifikat/{kode}`; the holder is told.
struct IssueCertificates {
    func run(_ program: Program, in ctx: Invocation) async throws -> Int {
        try ProgramGuard.requireManager(program, ctx)
        guard [.berjalan, .selesai].contains(program.programStatus) else {
            throw UserFacingError(.conflict, Phrase("Sertifikat diterbitkan setelah program berjalan.", "Certificates are issued once the programme is running."))
        }
        let programID = try program.requireID()
        let rule = CertificateRule(minimumSessions: program.minimumSessions)
        let today = ctx.today.iso
        return try await ctx.writes.transaction { db in
            try await db.lockRow(Program.schema, id: programID)
            let attended = try await Registration.query(on: db).filter(\.$programID == programID).filter(\.$attended == true).all()
            let counts = Dictionary(grouping: attended, by: \.accountID).mapValues(\.count)
            let holders = Set(try await Certificate.query(on: db).filter(\.$programID == programID).all().map(\.accountID))
            var issued = 0
            let agency = try await Agency.find(program.agency, on: db)
            let identity = try await InstallationIdentity.load(ctx.settings, on: db)
            for (accountID, count) in counts.sorted(by: { $0.key.uuidString < $1.key.uuidString })
            where rule.earned(attended: count) && !holders.contains(accountID) {
                guard let person = try await Account.find(accountID, on: db) else { continue }
                let certificate = Certificate()
                certificate.id = CertificateCode.make()
                certificate.programID = programID
                certificate.accountID = accountID
                certificate.holderName = person.name
                certificate.attended = count
                certificate.issuedOn = today
                certificate.documentNumber = try await DocumentNumbering.certificate(agency: agency, identity: identity, in: ctx, on: db)
                try await certificate.create(on: db)
                issued += 1
                if !person.isDisabled {
                    try await Notifier.send(to: person, Notice(
                        title: Phrase("Sertifikat: \(program.title)", "Certificate: \(program.title)"),
                        body: Phrase("Anda hadir di \(count) sesi. Cetak sertifikat Anda; siapa pun bisa memeriksanya dengan kode \(certificate.id!).",
                                     "You attended \(count) sessions. Print your certificate; anyone can check it with the code \(certificate.id!)."),
                        link: SiteRoute.certificate(certificate.id!).path), in: ctx, on: db)
                }
            }
            try await ProgramGuard.audit(program, "program.certificates", "\(issued) sertifikat diterbitkan (syarat: hadir \(rule.minimumSessions) sesi)", ctx: ctx, on: db)
            return issued
        }
    }
}

/// A day before each session, everyone seated gets a reminder through their usual channels (or their digest).
/// Run with the outbox worker, once a minute; each registration is reminded once.
public struct SendSessionReminders {
    public init() {}

    @discardableResult
    public func run(in ctx: Invocation) async throws -> Int {
        let now = ctx.now.millis
        let soon = try await ProgramSession.query(on: ctx.db).filter(\.$startsMillis > now).filter(\.$startsMillis <= now + 24 * 3_600_000)
            .with(\.$program).all()
        var sent = 0
        for session in soon {
            let sessionID = try session.requireID()
            let program = session.program
            sent += try await ctx.writes.transaction { db in
                let due = try await Registration.query(on: db).filter(\.$session.$id == sessionID)
                    .filter(\.$status == Registration.Status.terdaftar.rawValue).filter(\.$remindedMillis == nil).all()
                for registration in due {
                    registration.remindedMillis = now
                    try await registration.update(on: db)
                    guard let person = try await Account.find(registration.accountID, on: db), !person.isDisabled else { continue }
                    try await Notifier.send(to: person, Notice(
                        title: Phrase("Pengingat: \(program.title) besok", "Reminder: \(program.title) tomorrow"),
                        body: Phrase("Sesi “\(session.title)”, \(ProgramGuard.when(session)), \(session.place). Bila berhalangan, batalkan agar kursinya bisa dipakai peserta lain.",
                                     "Session “\(session.title)”, \(DateText.dateTime(session.startsAt, .en)), \(session.place). If you cannot come, cancel so someone else gets the seat."),
                        link: SiteRoute.program(program.id?.uuidString ?? "").path, urgent: true), in: ctx, on: db)
                }
                return due.count
            }
        }
        return sent
    }
}
