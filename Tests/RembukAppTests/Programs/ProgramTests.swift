import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
@testable import RembukApp

/// Programmes over commands and HTTP: seats under concurrency, eligibility, certificates, permissions, bad input.
@Suite struct ProgramTests {
    static func staff(_ app: Application, now: Date = Date()) async throws -> Invocation {
        Invocation(app: app, principal: try await DemoProjects.principal(for: nil, in: .system(app)), now: now)
    }

    static func citizen(_ app: Application, _ email: String, now: Date = Date()) async throws -> Invocation {
        let account = try #require(try await Account.query(on: app.db).filter(\.$email == email).first())
        return Invocation(app: app, principal: Principal(sessionToken: "t", account: account, grants: []), now: now)
    }

    /// `count` fresh citizens, straight into the database.
    static func citizens(_ app: Application, _ count: Int) async throws -> [Invocation] {
        var result: [Invocation] = []
        for n in 1...count {
            let account = Account(name: "Peserta Uji \(n)", email: "peserta\(n)@contoh.id", phone: nil, passwordHash: "-")
            try await account.create(on: app.db)
            result.append(Invocation(app: app, principal: Principal(sessionToken: "t\(n)", account: account, grants: []), now: Date()))
        }
        return result
    }

    /// An open programme of `agency` with one session a week ahead.
    static func open(_ app: Application, type: ProgramType = .workshop, capacity: Int = 5, kecamatan: [String] = [], umkmOnly: Bool = false,
                     minimum: Int = 1, agency: String = "dlh") async throws -> (Program, ProgramSession) {
        let ctx = try await staff(app)
        guard case let .saved(program) = try await SaveProgram().run(.init(
            title: "Workshop kompos rumah tangga untuk warga", type: type.rawValue,
            description: "Praktik membuat kompos dari sampah dapur dengan ember bekas, lalu memakainya untuk kebun rumah.",
            target_group: "Ibu rumah tangga dan kader PKK", eligible_kecamatan: kecamatan, umkm_only: umkmOnly ? "on" : nil, agency: agency,
            year: String(LocalDate(Date()).year), sub_kegiatan: "", budget: "5.000.000", minimum_sessions: String(minimum)), in: ctx) else {
            throw Abort(.internalServerError)
        }
        let session = try await addSession(app, program, capacity: capacity, inDays: 7)
        #expect(try await ChangeProgramStatus().run(program, .init(status: "pendaftaran"), in: ctx) == nil)
        program.status = ProgramStatus.pendaftaran.rawValue
        return (program, session)
    }

    static func addSession(_ app: Application, _ program: Program, capacity: Int, inDays days: Int, title: String = "Sesi praktik") async throws -> ProgramSession {
        guard case let .added(session) = try await AddSession().run(program, .init(title: title, date: LocalDate(Date()).adding(days: days).iso,
                                                                                    starts: "09.00", ends: "11.30", place: "Balai Desa Citalang",
                                                                                    capacity: String(capacity)), in: try await staff(app)) else {
            throw Abort(.internalServerError)
        }
        return session
    }

    static func register(_ session: ProgramSession, _ program: Program, _ ctx: Invocation, desa: String = "32.14.01.2010",
                         business: BusinessInput? = nil) async throws -> RegisterForSession.Outcome {
        try await RegisterForSession().run(session, of: program, .init(desa_code: desa, business: business), in: ctx)
    }

    @Test func simultaneousRegistrationsNeverOverbookAndCancellationsPromoteInOrder() async throws {
        try await withRembuk { app in
            // given a session of five seats and twelve citizens signing up at the same moment
            let (program, session) = try await Self.open(app, capacity: 5)
            let people = try await Self.citizens(app, 12)
            // when
            let outcomes = try await withThrowingTaskGroup(of: RegisterForSession.Outcome.self) { group in
                for person in people { group.addTask { try await Self.register(session, program, person) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // then five have seats, seven wait in a numbered line, and the count agrees
            let stored = try await Registration.query(on: app.db).filter(\.$session.$id == session.requireID()).all()
            #expect(outcomes.filter { $0 == .seated }.count == 5)
            #expect(stored.filter { $0.registrationStatus == .terdaftar }.count == 5 && stored.filter { $0.registrationStatus == .menunggu }.count == 7)
            #expect(try await ProgramSession.find(session.id, on: app.db)?.confirmed == 5)
            let positions = outcomes.compactMap { if case let .waiting(position) = $0 { position } else { nil } }
            #expect(positions.sorted() == Array(1...7))
            // when two seated people cancel at once
            let seated = try await Registration.query(on: app.db).filter(\.$session.$id == session.requireID())
                .filter(\.$status == "terdaftar").all().map(\.accountID)
            let leaving = Array(people.filter { seated.contains($0.principal.accountID!) }.prefix(2))
            let firstWaiting = try await Registration.query(on: app.db).filter(\.$session.$id == session.requireID())
                .filter(\.$status == "menunggu").sort(\.$queuedMillis).limit(2).all().map(\.accountID)
            #expect(Set(firstWaiting).isDisjoint(with: leaving.map { $0.principal.accountID! }))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for person in leaving { group.addTask { try await CancelRegistration().run(session, of: program, in: person) } }
                try await group.waitForAll()
            }
            // then the first two on the waiting list move up and are told; still five seats taken
            let after = try await Registration.query(on: app.db).filter(\.$session.$id == session.requireID()).all()
            #expect(after.filter { $0.registrationStatus == .terdaftar }.count == 5 && after.filter { $0.registrationStatus == .menunggu }.count == 5)
            #expect(Set(after.filter { firstWaiting.contains($0.accountID) }.map(\.registrationStatus)) == [.terdaftar])
            #expect(try await ProgramSession.find(session.id, on: app.db)?.confirmed == 5)
            let told = try await InboxItem.query(on: app.db).filter(\.$titleID == "Anda mendapat kursi: \(program.title)").count()
            #expect(told == 2)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "program.promoted").count() == 2)
        }
    }

    @Test func whoMayRegisterAndWhatTheyMustSay() async throws {
        try await withRembuk { app in
            // given an UMKM training only for Kecamatan Purwakarta's business owners
            let (program, session) = try await Self.open(app, type: .pelatihanUMKM, kecamatan: ["32.14.01"], umkmOnly: true)
            let ctx = try await Self.citizen(app, "warga@rembuk.test")
            var business = BusinessInput(business_name: "Keripik Singkong Bu Siti", sector: "makanan olahan", start_year: "2019", employees: "2",
                                         monthly_revenue: "4.500.000", channels: ["offline", "media_sosial"], reach: "kabupaten")
            let records = try await auditCount(app)
            // when / then: living elsewhere, no business, a negative revenue
            guard case let .invalid(outside) = try await Self.register(session, program, ctx, desa: "32.14.03.2001", business: business) else { Issue.record("accepted"); return }
            #expect(outside["desa_code"]?.id == "Program ini khusus untuk warga kecamatan yang disebutkan.")
            guard case let .invalid(noBusiness) = try await Self.register(session, program, ctx) else { Issue.record("accepted"); return }
            #expect(noBusiness["business_name"] != nil && noBusiness["monthly_revenue"] != nil)
            business.monthly_revenue = "-500.000"
            guard case let .invalid(negative) = try await Self.register(session, program, ctx, business: business) else { Issue.record("accepted"); return }
            #expect(negative["monthly_revenue"]?.id == "Omzet tidak bisa negatif; isi 0 bila belum ada penjualan.")
            let registrations = try await Registration.query(on: app.db).count()
            let recordsAfter = try await auditCount(app)
            #expect(registrations == 2 && recordsAfter == records)   // the demo's two
            // and with all in order the baseline is kept, once; registering twice is refused
            business.monthly_revenue = "4.500.000"
            #expect(try await Self.register(session, program, ctx, business: business) == .seated)
            await #expect(throws: UserFacingError.self) { try await Self.register(session, program, ctx, business: business) }
            let baseline = try #require(try await BusinessReport.query(on: app.db).filter(\.$programID == program.requireID()).first())
            #expect(baseline.monthlyRevenue == 4_500_000 && baseline.moment == "awal" && baseline.channels == "media_sosial offline")
        }
    }

    @Test func badSessionsAndProgrammesAreExplained() async throws {
        try await withRembuk { app in
            // given
            let (program, _) = try await Self.open(app)
            let staff = try await Self.staff(app)
            let sessions = try await ProgramSession.query(on: app.db).count()
            // when
            let zero = try await AddSession().run(program, .init(title: "Sesi kosong", date: LocalDate(Date()).adding(days: 3).iso, starts: "09.00", ends: "10.00",
                                                                 place: "Balai desa", capacity: "0"), in: staff)
            let past = try await AddSession().run(program, .init(title: "Sesi kemarin", date: LocalDate(Date()).adding(days: -1).iso, starts: "09.00", ends: "10.00",
                                                                 place: "Balai desa", capacity: "20"), in: staff)
            let backwards = try await AddSession().run(program, .init(title: "Sesi terbalik", date: LocalDate(Date()).adding(days: 3).iso, starts: "11.00", ends: "10.00",
                                                                      place: "Balai desa", capacity: "20"), in: staff)
            let badProgram = try await SaveProgram().run(.init(title: "Pendek", type: "politik", description: "singkat", target_group: "", agency: "dlh",
                                                               year: "20", sub_kegiatan: "1.2.3", budget: "-5", minimum_sessions: "0"), in: staff)
            // then
            guard case let .invalid(e1) = zero, case let .invalid(e2) = past, case let .invalid(e3) = backwards, case let .invalid(e4) = badProgram else {
                Issue.record("bad input accepted"); return
            }
            #expect(e1["capacity"]?.id == "Kapasitas 1 sampai 10.000 peserta.")
            #expect(e2["date"]?.id == "Sesi tidak bisa dijadwalkan di waktu yang sudah lewat.")
            #expect(e3["ends"] != nil)
            #expect(Set(e4.fields.keys) == ["title", "type", "description", "target_group", "year", "sub_kegiatan", "budget", "minimum_sessions"])
            #expect(try await ProgramSession.query(on: app.db).count() == sessions)
        }
    }

    @Test func certificatesGoToThoseWhoAttendedEnoughAndAnyoneCanCheckThem() async throws {
        try await withRembuk { app in
            // given two sessions, a certificate for two, one citizen at both and one at one
            let (program, first) = try await Self.open(app, minimum: 2)
            let second = try await Self.addSession(app, program, capacity: 5, inDays: 8, title: "Sesi lanjutan")
            let people = try await Self.citizens(app, 2)
            for person in people { for session in [first, second] { _ = try await Self.register(session, program, person) } }
            let later = Date().addingTimeInterval(9 * 86_400)
            let staff = try await Self.staff(app, now: later)
            let seat = { (session: ProgramSession, who: Invocation) in
                try await Registration.query(on: app.db).filter(\.$session.$id == session.requireID()).filter(\.$accountID == who.principal.accountID!).first()!.id!.uuidString
            }
            _ = try await RecordAttendance().run(first, of: program, .init(attended: [try await seat(first, people[0]), try await seat(first, people[1])]), in: staff)
            _ = try await RecordAttendance().run(second, of: program, .init(attended: [try await seat(second, people[0])]), in: staff)
            // when certificates are issued, before and after the programme runs
            await #expect(throws: UserFacingError.self) { try await IssueCertificates().run(program, in: staff) }
            #expect(try await ChangeProgramStatus().run(program, .init(status: "berjalan"), in: staff) == nil)
            program.status = ProgramStatus.berjalan.rawValue
            let issued = try await IssueCertificates().run(program, in: staff)
            let again = try await IssueCertificates().run(program, in: staff)
            // then only the one who came twice has one, and its code checks out publicly
            #expect(issued == 1 && again == 0)
            let certificate = try #require(try await Certificate.query(on: app.db).filter(\.$programID == program.requireID()).first())
            #expect(certificate.accountID == people[0].principal.accountID && certificate.holderName == "Peserta Uji 1" && certificate.attended == 2)
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.certificate(certificate.id!).path)
            #expect(page.status == .ok && page.text.contains("Sertifikat ini sah.") && page.text.contains("Peserta Uji 1") && page.text.contains(program.title))
            #expect(page.headers.first(name: "X-Robots-Tag") == "noindex")
            let typed = try await visitor.get(SiteRoute.certificateLookup.path + "?kode=" + certificate.id!.lowercased().replacingOccurrences(of: "-", with: "+"))
            #expect(typed.status == .seeOther && typed.location == SiteRoute.certificate(certificate.id!).path)
            let wrong = try await visitor.get(SiteRoute.certificateLookup.path + "?kode=ABCD-EFGH-JKMN")
            #expect(wrong.status == .notFound && wrong.text.contains("Tidak ada sertifikat dengan kode itu."))
            #expect(try await InboxItem.query(on: app.db).filter(\.$titleID == "Sertifikat: \(program.title)").count() == 1)
        }
    }

    @Test func participantsAreNeverNamedOnPublicPages() async throws {
        try await withRembuk { app in
            // given the demo's finished programme, whose participant is the demo citizen
            let program = try #require(try await Program.query(on: app.db).filter(\.$status == ProgramStatus.selesai.rawValue).first())
            let session = try #require(try await ProgramSession.query(on: app.db).filter(\.$program.$id == program.requireID()).first())
            var visitor = TestBrowser(app)
            // when / then
            for path in [SiteRoute.programs.path, SiteRoute.program(program.id!.uuidString).path, SiteRoute.audit.path + "?jenis=program&id=\(program.id!.uuidString)"] {
                let text = try await visitor.get(path).text
                #expect(!text.contains("Siti Aminah") && !text.contains("Citalang"), "\(path)")
            }
            let attendance = try await visitor.get(SiteRoute.sessionAttendance(session.id!.uuidString).path)
            #expect(attendance.status == .unauthorized || attendance.location?.hasPrefix(SiteRoute.login.path) == true)
        }
    }

    @Test(arguments: [("warga@rembuk.test", false), ("mitra@rembuk.test", false), ("opd@rembuk.test", false), ("operator.desa@rembuk.test", false),
                      ("moderator@rembuk.test", false), ("admin@rembuk.test", true)])
    func onlyTheProgrammesAgencyRunsIt(account: String, allowed: Bool) async throws {
        try await withRembuk { app in
            // given a DLH programme (the PUPR's staff are another agency)
            let (program, session) = try await Self.open(app)
            let id = program.id!.uuidString
            var someone = TestBrowser(app)
            try await someone.signIn(account)
            // when
            let status = try await someone.post(SiteRoute.programStatus(id).path, ["status": "berjalan", "reason": ""])
            let added = try await someone.post(SiteRoute.programSessionNew(id).path, ["title": "Sesi tambahan", "date": LocalDate(Date()).adding(days: 9).iso,
                                                                                    "starts": "09:00", "ends": "10:00", "place": "Balai desa", "capacity": "10"])
            let attendance = try await someone.get(SiteRoute.sessionAttendance(session.id!.uuidString).path)
            // then
            #expect(status.status == (allowed ? .seeOther : .forbidden), "status")
            #expect(added.status == (allowed ? .seeOther : .forbidden), "session")
            #expect(attendance.status == (allowed ? .ok : .forbidden), "attendance")
        }
    }

    @Test func agencyStaffCreateProgrammesForTheirOwnAgencyOnly() async throws {
        try await withRembuk { app in
            // given
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let fields = ["title": "Pelatihan perawatan jalan lingkungan untuk warga", "type": "workshop",
                          "description": "Warga belajar menambal jalan lingkungan dan merawat saluran air bersama petugas PUPR.",
                          "target_group": "Pengurus RT dan RW", "year": String(LocalDate(Date()).year), "sub_kegiatan": "", "budget": "12.000.000",
                          "minimum_sessions": "1"]
            var own = fields, other = fields
            own["agency"] = "dinas-pupr"
            other["agency"] = "dlh"
            // when
            let created = try await opd.post(SiteRoute.programNew.path, own)
            let elsewhere = try await opd.post(SiteRoute.programNew.path, other)
            let byCitizen = try await citizen.post(SiteRoute.programNew.path, own)
            // then
            #expect(created.status == .seeOther && elsewhere.status == .forbidden && byCitizen.status == .forbidden)
            #expect(try await citizen.get(SiteRoute.programNew.path).status == .forbidden)
            let record = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "program.created").sort(\.$id, .descending).first())
            #expect(record.summary.contains("Pelatihan perawatan jalan lingkungan") && record.actorLabel.contains("Hendra Gunawan"))
        }
    }

    @Test func seatedParticipantsAreRemindedOnceADayAhead() async throws {
        try await withRembuk(settings: { $0.sendmailCommand = "cat > /dev/null" }) { app in
            // given a session tomorrow with one seated citizen who takes the daily digest
            let (program, _) = try await Self.open(app)
            let soon = try await Self.addSession(app, program, capacity: 3, inDays: 1, title: "Sesi besok")
            let ctx = try await Self.citizen(app, "warga@rembuk.test")
            let account = ctx.principal.account!
            account.notifyDigest = true
            try await account.save(on: app.db)
            _ = try await Self.register(soon, program, try await Self.citizen(app, "warga@rembuk.test"))
            // when the reminder job runs twice, within the day before
            let moment = soon.startsAt.addingTimeInterval(-3 * 3_600)
            let first = try await SendSessionReminders().run(in: .system(app, now: moment))
            let second = try await SendSessionReminders().run(in: .system(app, now: moment.addingTimeInterval(60)))
            // then one reminder, in the inbox and by e-mail at once despite the digest
            #expect(first == 1 && second == 0)
            #expect(try await InboxItem.query(on: app.db).filter(\.$titleID == "Pengingat: \(program.title) besok").count() == 1)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$subject == "Pengingat: \(program.title) besok").count() == 1)
        }
    }
}
