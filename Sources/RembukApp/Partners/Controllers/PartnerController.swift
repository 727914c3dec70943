import Fluent
import Foundation
import RembukCore
import SQLKit
import Vapor

/// `/mitra`: partner organisations with their agreements and contributions; Bappeda registers partners,
/// agencies record agreements and contributions, partner users keep their profile.
struct PartnerController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.partners, use: index)
        routes.get(.partnerNew) { try await form($0, existing: nil, input: .init(kind: PartnerKind.lsm.rawValue), errors: FormErrors(), status: .ok) }
        routes.post(.partnerNew) { try await save($0, existing: nil) }
        routes.get(.partner(":code")) { try await show($0, try await PartnerGuard.find($0.parameters.get("code"), on: $0.db)) }
        routes.get(.partnerEdit(":code")) { req in
            let partner = try await PartnerGuard.find(req.parameters.get("code"), on: req.db)
            return try await form(req, existing: partner, input: .init(name: partner.name, kind: partner.kind, description: partner.description,
                                                                      website: partner.website), errors: FormErrors(), status: .ok)
        }
        routes.post(.partnerEdit(":code")) { try await save($0, existing: try await PartnerGuard.find($0.parameters.get("code"), on: $0.db)) }
        routes.post(.partnerAgreementNew(":code"), use: addAgreement)
        routes.post(.agreementContribution(":id"), use: addContribution)
    }

    func index(_ req: Request) async throws -> Response {
        let partners = try await Partner.query(on: req.db).sort(\.$name).all()
        let today = req.invocation.today.iso
        let active = try await Agreement.query(on: req.db).filter(\.$startsOn <= today).filter(\.$endsOn >= today).all()
        let activeCount = Dictionary(grouping: active, by: \.partnerCode).mapValues(\.count)
        return PartnerListPage(partners: partners, totals: try await Self.totals(on: req.db), activeAgreements: activeCount,
                               canCreate: req.principal.actor.can(.managePlanning(kabupaten: req.settings.kabupaten)))
            .render(await req.viewContext()).response()
    }

    /// Contributions added up per partner in the database, whatever their number.
    static func totals(on db: any Database) async throws -> [String: ContributionTotals] {
        struct Row: Decodable { let partner_code: String; let kind: String; let total: Int64; let n: Int }
        let rows = try await db.sql.raw("SELECT partner_code, kind, CAST(SUM(value) AS BIGINT) AS total, CAST(COUNT(*) AS BIGINT) AS n FROM partner_contributions GROUP BY partner_code, kind")
            .all(decoding: Row.self)
        var totals: [String: ContributionTotals] = [:]
        for row in rows {
            guard let kind = ContributionKind(rawValue: row.kind) else { continue }
            totals[row.partner_code, default: ContributionTotals()].add(kind, row.total, count: row.n)
        }
        return totals
    }

    func show(_ req: Request, _ partner: Partner, agreementInput: SaveAgreement.Input = .init(), agreementErrors: FormErrors = FormErrors(),
              contribution: (id: UUID, input: RecordContribution.Input, errors: FormErrors)? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let code = try partner.requireID()
        let actor = req.principal.actor
        let agreements = try await Agreement.query(on: req.db).filter(\.$partnerCode == code).sort(\.$startsOn, .descending).all()
        let ids = agreements.compactMap(\.id)
        let links = ids.isEmpty ? [] : try await AgreementLink.query(on: req.db).filter(\.$agreementID ~~ ids).all()
        let programIDs = links.filter { $0.subjectType == AgreementLink.Subject.program.rawValue }.map(\.subjectID)
        let projectIDs = links.filter { $0.subjectType == AgreementLink.Subject.project.rawValue }.map(\.subjectID)
        let programs = Dictionary(try await Program.query(on: req.db).filter(\.$id ~~ programIDs).all().map { ($0.id!, $0.title) }, uniquingKeysWith: { a, _ in a })
        let projects = Dictionary(try await Project.query(on: req.db).filter(\.$id ~~ projectIDs).all().map { ($0.id!, $0.title) }, uniquingKeysWith: { a, _ in a })
        let contributions = try await Contribution.query(on: req.db).filter(\.$partnerCode == code).sort(\.$givenOn, .descending).all()
        let agencyNames = try await AgencyNames.load(on: req.db)
        let entries = agreements.map { agreement in
            let mine = links.filter { $0.agreementID == agreement.id }
            return PartnerPage.Entry(
                agreement: agreement, agencyName: agencyNames[agreement.agency] ?? agreement.agency,
                programs: mine.compactMap { link in programs[link.subjectID].map { (link.subjectID, $0) } },
                projects: mine.compactMap { link in projects[link.subjectID].map { (link.subjectID, $0) } },
                contributions: contributions.filter { $0.agreementID == agreement.id },
                canRecord: actor.can(.actForAgency(agreement.agency)))
        }
        var agreementForm: PartnerPage.AgreementForm?
        let actsForAgencies = !actor.agencies().isEmpty || actor.can(.managePlanning(kabupaten: req.settings.kabupaten))
        let agencies = !actsForAgencies ? [] : try await Agency.query(on: req.db).filter(\.$kabupatenCode == req.settings.kabupaten.value).filter(\.$active == true)
            .sort(\.$name).all().filter { actor.can(.actForAgency($0.id ?? "")) }
        if !agencies.isEmpty {
            let slugs = agencies.compactMap(\.id)
            let short = Dictionary(agencies.map { ($0.id ?? "", $0.shortName) }, uniquingKeysWith: { a, _ in a })
            let ownPrograms = try await Program.query(on: req.db).filter(\.$agency ~~ slugs).filter(\.$status != ProgramStatus.dibatalkan.rawValue)
                .sort(\.$year, .descending).sort(\.$title).all()
            let ownProjects = try await Project.query(on: req.db).filter(\.$agency ~~ slugs).filter(\.$year >= req.invocation.today.year - 1)
                .sort(\.$year, .descending).sort(\.$title).limit(300).all()
            agreementForm = .init(agencies: agencies,
                                  programs: ownPrograms.map { .init(value: $0.id!.uuidString, label: "\($0.title) (\(short[$0.agency] ?? $0.agency), \($0.year))") },
                                  projects: ownProjects.map { .init(value: $0.id!.uuidString, label: "\($0.title) (\(short[$0.agency] ?? $0.agency), \($0.year))") },
                                  input: agreementInput, errors: agreementErrors)
        }
        return PartnerPage(partner: partner, entries: entries, totals: ContributionTotals(contributions.map { ($0.contributionKind, $0.value) }),
                           today: req.invocation.today, canEdit: PartnerGuard.mayEditProfile(partner, actor, req.settings),
                           agreementForm: agreementForm, contribution: contribution)
            .render(await req.viewContext()).response(status: status)
    }

    func form(_ req: Request, existing: Partner?, input: SavePartner.Input, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        guard req.principal.accountID != nil else { throw UserFacingError.signInRequired }
        if let existing {
            guard PartnerGuard.mayEditProfile(existing, req.principal.actor, req.settings) else { throw UserFacingError.forbidden }
        } else {
            guard req.principal.actor.can(.managePlanning(kabupaten: req.settings.kabupaten)) else { throw UserFacingError.forbidden }
        }
        return PartnerFormPage(existing: existing, input: input, errors: errors).render(await req.viewContext()).response(status: status)
    }

    func save(_ req: Request, existing: Partner?) async throws -> Response {
        let input = try req.content.decode(SavePartner.Input.self)
        switch try await SavePartner(existing: existing).run(input, in: req.invocation) {
        case let .saved(partner): return req.redirect(to: SiteRoute.partner(try partner.requireID()).path)
        case let .invalid(errors): return try await form(req, existing: existing, input: input, errors: errors, status: .unprocessableEntity)
        }
    }

    func addAgreement(_ req: Request) async throws -> Response {
        let partner = try await PartnerGuard.find(req.parameters.get("code"), on: req.db)
        let input = try req.content.decode(SaveAgreement.Input.self)
        switch try await SaveAgreement().run(partner, input, in: req.invocation) {
        case .saved: return req.redirect(to: SiteRoute.partner(try partner.requireID()).path)
        case let .invalid(errors): return try await show(req, partner, agreementInput: input, agreementErrors: errors, status: .unprocessableEntity)
        }
    }

    func addContribution(_ req: Request) async throws -> Response {
        let agreement = try await PartnerGuard.agreement(req.parameters.get("id"), on: req.db)
        let partner = try await PartnerGuard.find(agreement.partnerCode, on: req.db)
        let input = try req.content.decode(RecordContribution.Input.self)
        switch try await RecordContribution().run(agreement, input, in: req.invocation) {
        case .recorded: return req.redirect(to: SiteRoute.partner(try partner.requireID()).path + "#pks-\(try agreement.requireID().uuidString.prefix(8))")
        case let .invalid(errors): return try await show(req, partner, contribution: (try agreement.requireID(), input, errors), status: .unprocessableEntity)
        }
    }
}
