import Fluent
import Foundation
import RembukCore
import Vapor

/// Programmes: the catalogue, creating and running one, registering for its sessions, attendance and certificates.
struct ProgramController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.programs, use: index)
        routes.get(.programNew) { try await form($0, existing: nil, input: .init(year: String($0.invocation.today.year), minimum_sessions: "1"), errors: FormErrors(), status: .ok) }
        routes.post(.programNew) { try await save($0, existing: nil) }
        routes.get(.myPrograms, use: mine)
        routes.get(.program(":id")) { try await show($0, try await ProgramGuard.find($0.parameters.get("id"), on: $0.db)) }
        routes.get(.programEdit(":id")) { req in
            let program = try await ProgramGuard.find(req.parameters.get("id"), on: req.db)
            return try await form(req, existing: program, input: ProgramFormPage.input(from: program), errors: FormErrors(), status: .ok)
        }
        routes.post(.programEdit(":id")) { try await save($0, existing: try await ProgramGuard.find($0.parameters.get("id"), on: $0.db)) }
        routes.post(.programStatus(":id"), use: status)
        routes.post(.programSessionNew(":id"), use: addSession)
        routes.post(.programCertificates(":id"), use: certificates)
        routes.get(.sessionRegister(":id")) { try await registrationPage($0, input: .init(), errors: FormErrors(), status: .ok) }
        routes.post(.sessionRegister(":id"), use: registerForSession)
        routes.post(.sessionCancel(":id"), use: cancel)
        routes.get(.sessionAttendance(":id")) { try await attendance($0, saved: nil) }
        routes.post(.sessionAttendance(":id"), use: recordAttendance)
        routes.get(.programBusiness(":id")) { try await businessPage($0, input: .init(), errors: FormErrors(), status: .ok) }
        routes.post(.programBusiness(":id"), use: recordBusiness)
        routes.get(.programParticipants(":id"), use: participants)
        routes.post(.programActivity(":id"), use: recordActivity)
        routes.get(.environmentTotals, use: environment)
        routes.get(.certificateLookup, use: lookup)
        routes.get(.certificate(":code"), use: certificate)
    }

    // MARK: Catalogue

    func index(_ req: Request) async throws -> Response {
        let filter = ProgramFilter(req)
        let programs = try await filter.programs(on: req.db, limit: 200)
        let ids = programs.compactMap(\.id)
        let now = Date().millis
        let upcoming = ids.isEmpty ? [] : try await ProgramSession.query(on: req.db).filter(\.$program.$id ~~ ids).filter(\.$startsMillis > now)
            .sort(\.$startsMillis).all()
        var next: [UUID: ProgramSession] = [:]
        for session in upcoming where next[session.$program.id] == nil { next[session.$program.id] = session }
        let kecamatan = try await Region.query(on: req.db).filter(\.$parentCode == req.settings.kabupaten.value).sort(\.$name).all()
        let canCreate = !req.principal.actor.agencies(for: .opd).isEmpty || req.principal.actor.can(.managePlanning(kabupaten: req.settings.kabupaten))
        return ProgramListPage(programs: programs, nextSessions: next, agencyNames: try await AgencyNames.load(on: req.db), kecamatan: kecamatan,
                               filter: filter, canCreate: canCreate).render(await req.viewContext()).response()
    }

    func mine(_ req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let id = try account.requireID()
        let registrations = try await Registration.query(on: req.db).filter(\.$accountID == id).with(\.$session).all()
        let programs = Dictionary(try await Program.query(on: req.db).filter(\.$id ~~ Set(registrations.map(\.programID))).all().map { ($0.id!, $0) },
                                  uniquingKeysWith: { a, _ in a })
        let lines = registrations.compactMap { r in programs[r.programID].map { MyProgramsPage.Line(program: $0, session: r.session, registration: r) } }
            .sorted { $0.session.startsMillis > $1.session.startsMillis }
        let certificates = try await Certificate.query(on: req.db).filter(\.$accountID == id).all()
        let certificatePrograms = Dictionary(try await Program.query(on: req.db).filter(\.$id ~~ certificates.map(\.programID)).all().map { ($0.id!, $0) },
                                             uniquingKeysWith: { a, _ in a })
        return MyProgramsPage(lines: lines, certificates: certificates.compactMap { c in certificatePrograms[c.programID].map { (c, $0) } })
            .render(await req.viewContext()).response()
    }

    // MARK: One programme

    func show(_ req: Request, _ program: Program, sessionInput: AddSession.Input = .init(), errors: FormErrors = FormErrors(),
              activityInput: RecordActivity.Input = .init(), activityErrors: FormErrors = FormErrors(),
              status: HTTPResponseStatus = .ok) async throws -> Response {
        let id = try program.requireID()
        let sessions = try await ProgramSession.query(on: req.db).filter(\.$program.$id == id).sort(\.$startsMillis).all()
        let registrations = try await Registration.query(on: req.db).filter(\.$programID == id).filter(\.$status != Registration.Status.batal.rawValue).all()
        let waiting = Dictionary(grouping: registrations.filter { $0.registrationStatus == .menunggu }, by: { $0.$session.id }).mapValues(\.count)
        let me = req.principal.accountID
        let mine = Dictionary(registrations.filter { $0.accountID == me }.map { ($0.$session.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = sessions.map { ProgramPage.Row(session: $0, waiting: waiting[$0.id!] ?? 0, mine: mine[$0.id!]) }
        let names = try await RegionNames.load(program.eligibleKecamatan.split(separator: " ").map(String.init), on: req.db)
        let myCertificate = try await me.asyncFlatMap { account in
            try await Certificate.query(on: req.db).filter(\.$programID == id).filter(\.$accountID == account).first()?.id
        }
        let hasBaseline = try await me.asyncFlatMap { account in
            try await BusinessReport.query(on: req.db).filter(\.$programID == id).filter(\.$accountID == account).first()
        } != nil
        let coHosts = try await PartnerGuard.coHosts(ofProgram: id, on: req.invocation.today, db: req.db)
        let canHelp = ProgramGuard.mayHelp(program, req.principal.actor, coHosts: coHosts)
        var activity: ActivitySection?
        if program.programType.isEnvironmental {
            let logs = try await ActivityLog.query(on: req.db).filter(\.$programID == id).sort(\.$doneOn, .descending).all()
            let canManage = canHelp
            activity = ActivitySection(program: program, logs: logs, desaNames: try await RegionNames.load(logs.map(\.desaCode), on: req.db),
                                       canManage: canManage, choices: canManage ? try await ScopeChoices.load(req) : nil,
                                       input: activityInput, errors: activityErrors)
        }
        let evaluations = try await ProgramEvaluation.query(on: req.db).filter(\.$programID == id).sort(\.$createdMillis).all()
        let isParticipant = try await me.asyncFlatMap { account in
            try await Participant.query(on: req.db).filter(\.$programID == id).filter(\.$accountID == account).first()
        } != nil
        let page = ProgramPage(program: program, agencyName: try await Agency.find(program.agency, on: req.db)?.name ?? program.agency,
                               kecamatanNames: names.values.sorted(), rows: rows,
                               certificates: try await Certificate.query(on: req.db).filter(\.$programID == id).count(), myCertificate: myCertificate,
                               canManage: ProgramGuard.mayManage(program, req.principal.actor), canHelp: canHelp,
                               partners: coHosts, now: Date(),
                               outcome: try await ProgramOutcome.load(program, on: req.db), reportsBusiness: hasBaseline, activity: activity,
                               evaluation: EvaluationSummary.of(evaluations.compactMap(\.answer)),
                               evaluationComments: evaluations.filter { $0.status == .tampil }.map(\.comment),
                               seesMentoring: canHelp || isParticipant,
                               sessionInput: sessionInput, errors: errors)
        return page.render(await req.viewContext()).response(status: status)
    }

    func form(_ req: Request, existing: Program?, input: SaveProgram.Input, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        guard req.principal.accountID != nil else { throw UserFacingError.signInRequired }
        let actor = req.principal.actor
        if let existing { try ProgramGuard.requireManager(existing, req.invocation) }
        let agencies = try await Agency.query(on: req.db).filter(\.$active == true).sort(\.$name).all().filter { actor.can(.actForAgency($0.id ?? "")) }
        guard existing != nil || !agencies.isEmpty else { throw UserFacingError.forbidden }
        let kecamatan = try await Region.query(on: req.db).filter(\.$parentCode == req.settings.kabupaten.value).sort(\.$name).all()
        return ProgramFormPage(input: input, existing: existing, agencies: agencies, kecamatan: kecamatan, errors: errors)
            .render(await req.viewContext()).response(status: status)
    }

    func save(_ req: Request, existing: Program?) async throws -> Response {
        let input = try req.content.decode(SaveProgram.Input.self)
        switch try await SaveProgram(existing: existing).run(input, in: req.invocation) {
        case let .saved(program): return req.redirect(to: SiteRoute.program(try program.requireID().uuidString).path)
        case let .invalid(errors): return try await form(req, existing: existing, input: input, errors: errors, status: .unprocessableEntity)
        }
    }

    func status(_ req: Request) async throws -> Response {
        let program = try await ProgramGuard.find(req.parameters.get("id"), on: req.db)
        if let errors = try await ChangeProgramStatus().run(program, try req.content.decode(ChangeProgramStatus.Input.self), in: req.invocation) {
            return try await show(req, program, errors: errors, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.program(try program.requireID().uuidString).path)
    }

    func addSession(_ req: Request) async throws -> Response {
        let program = try await ProgramGuard.find(req.parameters.get("id"), on: req.db)
        let input = try req.content.decode(AddSession.Input.self)
        switch try await AddSession().run(program, input, in: req.invocation) {
        case .added: return req.redirect(to: SiteRoute.program(try program.requireID().uuidString).path)
        case let .invalid(errors): return try await show(req, program, sessionInput: input, errors: errors, status: .unprocessableEntity)
        }
    }

    func certificates(_ req: Request) async throws -> Response {
        let program = try await ProgramGuard.find(req.parameters.get("id"), on: req.db)
        _ = try await IssueCertificates().run(program, in: req.invocation)
        return req.redirect(to: SiteRoute.program(try program.requireID().uuidString).path)
    }

    // MARK: Registration

    func registrationPage(_ req: Request, input: RegisterForSession.Input, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let account = try req.requireAccount()
        let (session, program) = try await ProgramGuard.session(req.parameters.get("id"), on: req.db)
        let programID = try program.requireID()
        let accountID = try account.requireID()
        let known = try await Participant.query(on: req.db).filter(\.$programID == programID).filter(\.$accountID == accountID).first() != nil
        let baseline = try await BusinessReport.query(on: req.db).filter(\.$programID == programID).filter(\.$accountID == accountID).first() != nil
        return RegistrationPage(program: program, session: session, needsResidence: !known, needsBusiness: program.programType.isUMKM && !baseline,
                                choices: try await ScopeChoices.load(req), input: input, errors: errors)
            .render(await req.viewContext()).response(status: status)
    }

    func registerForSession(_ req: Request) async throws -> Response {
        let (session, program) = try await ProgramGuard.session(req.parameters.get("id"), on: req.db)
        let input = try req.content.decode(RegisterForSession.Input.self)
        switch try await RegisterForSession().run(session, of: program, input, in: req.invocation) {
        case .seated, .waiting: return req.redirect(to: SiteRoute.program(try program.requireID().uuidString).path)
        case let .invalid(errors): return try await registrationPage(req, input: input, errors: errors, status: .unprocessableEntity)
        }
    }

    func cancel(_ req: Request) async throws -> Response {
        let (session, program) = try await ProgramGuard.session(req.parameters.get("id"), on: req.db)
        try await CancelRegistration().run(session, of: program, in: req.invocation)
        return req.redirect(to: SiteRoute.program(try program.requireID().uuidString).path)
    }

    // MARK: Attendance

    func attendance(_ req: Request, saved: Int?) async throws -> Response {
        _ = try req.requireAccount()
        let (session, program) = try await ProgramGuard.session(req.parameters.get("id"), on: req.db)
        try await ProgramGuard.requireHelper(program, req.invocation)
        let registrations = try await Registration.query(on: req.db).filter(\.$session.$id == session.requireID())
            .filter(\.$status != Registration.Status.batal.rawValue).sort(\.$queuedMillis).all()
        let accounts = Dictionary(try await Account.query(on: req.db).filter(\.$id ~~ registrations.map(\.accountID)).all().map { ($0.id!, $0.name) },
                                  uniquingKeysWith: { a, _ in a })
        let participants = try await Participant.query(on: req.db).filter(\.$programID == program.requireID()).all()
        let desaOf = Dictionary(participants.map { ($0.accountID, $0.desaCode) }, uniquingKeysWith: { a, _ in a })
        let desaNames = try await RegionNames.load(Array(desaOf.values), on: req.db)
        func line(_ r: Registration) -> SessionAttendancePage.Line {
            .init(registration: r, name: accounts[r.accountID] ?? "–", desa: desaOf[r.accountID].flatMap { desaNames[$0] } ?? "–")
        }
        let seated = registrations.filter { $0.registrationStatus == .terdaftar }.map(line).sorted { $0.name < $1.name }
        let waiting = registrations.filter { $0.registrationStatus == .menunggu }.map(line)
        return SessionAttendancePage(program: program, session: session, lines: seated, waiting: waiting,
                                     canRecord: LocalDate(session.startsAt) <= req.invocation.today, saved: saved)
            .render(await req.viewContext()).response()
    }

    func recordAttendance(_ req: Request) async throws -> Response {
        let (session, program) = try await ProgramGuard.session(req.parameters.get("id"), on: req.db)
        let count = try await RecordAttendance().run(session, of: program, try req.content.decode(RecordAttendance.Input.self), in: req.invocation)
        return try await attendance(req, saved: count)
    }

    // MARK: UMKM follow-ups

    /// Whose business this is: the signed-in participant, or (`?peserta=`) one of them for the programme's staff.
    func participant(_ req: Request, _ program: Program) async throws -> (id: UUID, name: String?) {
        let account = try req.requireAccount()
        guard let raw = req.queryValue("peserta") else { return (try account.requireID(), nil) }
        try ProgramGuard.requireManager(program, req.invocation)
        guard let id = UUID(uuidString: raw), let person = try await Account.find(id, on: req.db),
              try await Participant.query(on: req.db).filter(\.$programID == program.requireID()).filter(\.$accountID == id).first() != nil else {
            throw UserFacingError(.notFound, Phrase("Peserta itu tidak ada di program ini.", "That person is not in this programme."))
        }
        return (id, person.name)
    }

    func businessPage(_ req: Request, input: RecordBusinessFollowUp.Input, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let program = try await ProgramGuard.find(req.parameters.get("id"), on: req.db)
        let (id, name) = try await participant(req, program)
        var shown = input
        if shown.business == nil, let latest = try await BusinessReport.query(on: req.db).filter(\.$programID == program.requireID())
            .filter(\.$accountID == id).sort(\.$createdMillis, .descending).first() {
            shown.business = BusinessInput(business_name: latest.businessName, sector: latest.sector, start_year: String(latest.startYear))
        }
        return BusinessFollowUpPage(program: program, participantName: name, participantID: id.uuidString, input: shown, errors: errors)
            .render(await req.viewContext()).response(status: status)
    }

    func recordBusiness(_ req: Request) async throws -> Response {
        let program = try await ProgramGuard.find(req.parameters.get("id"), on: req.db)
        let (id, name) = try await participant(req, program)
        let input = try req.content.decode(RecordBusinessFollowUp.Input.self)
        switch try await RecordBusinessFollowUp().run(program, participant: id, input, in: req.invocation) {
        case .recorded:
            return req.redirect(to: name == nil ? SiteRoute.program(try program.requireID().uuidString).path : SiteRoute.programParticipants(try program.requireID().uuidString).path)
        case let .invalid(errors): return try await businessPage(req, input: input, errors: errors, status: .unprocessableEntity)
        }
    }

    func participants(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        let program = try await ProgramGuard.find(req.parameters.get("id"), on: req.db)
        try ProgramGuard.requireManager(program, req.invocation)
        let id = try program.requireID()
        let people = try await Participant.query(on: req.db).filter(\.$programID == id).all()
        let names = Dictionary(try await Account.query(on: req.db).filter(\.$id ~~ people.map(\.accountID)).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let desa = try await RegionNames.load(people.map(\.desaCode), on: req.db)
        let reports = Dictionary(grouping: try await BusinessReport.query(on: req.db).filter(\.$programID == id).all(), by: \.accountID)
        let attended = Dictionary(grouping: try await Registration.query(on: req.db).filter(\.$programID == id).filter(\.$attended == true).all(), by: \.accountID)
        let lines = people.map { p in
            ParticipantsPage.Line(accountID: p.accountID, name: names[p.accountID] ?? "–", desa: desa[p.desaCode] ?? "–",
                                  moments: Set((reports[p.accountID] ?? []).map(\.moment)), attended: attended[p.accountID]?.count ?? 0)
        }.sorted { $0.name < $1.name }
        return ParticipantsPage(program: program, lines: lines).render(await req.viewContext()).response()
    }

    // MARK: Environmental results

    func recordActivity(_ req: Request) async throws -> Response {
        let program = try await ProgramGuard.find(req.parameters.get("id"), on: req.db)
        let input = try req.content.decode(RecordActivity.Input.self)
        switch try await RecordActivity().run(program, input, in: req.invocation) {
        case .recorded: return req.redirect(to: SiteRoute.program(try program.requireID().uuidString).path + "#kegiatan")
        case let .invalid(errors): return try await show(req, program, activityInput: input, activityErrors: errors, status: .unprocessableEntity)
        }
    }

    func environment(_ req: Request) async throws -> Response {
        let lines = EnvironmentTotals.byKecamatanAndYear(try await ActivityLog.query(on: req.db).all())
        return EnvironmentTotalsPage(lines: lines, names: try await RegionNames.load(lines.map(\.kecamatan), on: req.db))
            .render(await req.viewContext()).response()
    }

    // MARK: Certificates

    func lookup(_ req: Request) async throws -> Response {
        let typed = req.queryValue("kode") ?? ""
        if !typed.isEmpty, let code = CertificateCode.normalise(typed), try await Certificate.find(code, on: req.db) != nil {
            return req.redirect(to: SiteRoute.certificate(code).path)
        }
        return CertificateLookupPage(code: typed, notFound: !typed.isEmpty).render(await req.viewContext())
            .response(status: typed.isEmpty ? .ok : .notFound)
    }

    func certificate(_ req: Request) async throws -> Response {
        guard let code = CertificateCode.normalise(req.parameters.get("code") ?? ""), let certificate = try await Certificate.find(code, on: req.db),
              let program = try await Program.find(certificate.programID, on: req.db) else {
            throw UserFacingError(.notFound, Phrase("Tidak ada sertifikat dengan kode itu.", "No certificate has that code."))
        }
        let sessions = try await ProgramSession.query(on: req.db).filter(\.$program.$id == program.requireID()).count()
        let response = CertificatePage(certificate: certificate, program: program,
                                       agencyName: try await Agency.find(program.agency, on: req.db)?.name ?? program.agency, sessions: sessions,
                                       url: req.settings.baseURL + SiteRoute.certificate(code).path).render(await req.viewContext()).response()
        response.headers.replaceOrAdd(name: "X-Robots-Tag", value: "noindex")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        return response
    }
}
