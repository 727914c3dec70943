import Fluent
import Foundation
import RembukCore

/// The checks partner commands start with, and their audit records.
enum PartnerGuard {
    static func find(_ code: String?, on db: any Database) async throws -> Partner {
        guard let code, !code.isEmpty, let partner = try await Partner.find(code, on: db) else {
            throw UserFacingError(.notFound, Phrase("Mitra itu tidak terdaftar.", "That partner is not registered."))
        }
        return partner
    }

    static func agreement(_ id: String?, on db: any Database) async throws -> Agreement {
        guard let id = UUID(uuidString: id ?? ""), let agreement = try await Agreement.find(id, on: db) else {
            throw UserFacingError(.notFound, Phrase("Perjanjian kerja sama itu tidak ada.", "That agreement does not exist."))
        }
        return agreement
    }

    /// Bappeda registers partners; a partner's own users keep its profile up to date.
    static func mayEditProfile(_ partner: Partner, _ actor: Actor, _ settings: Settings) -> Bool {
        actor.can(.managePlanning(kabupaten: settings.kabupaten)) || actor.can(.actForPartner(partner.id ?? ""))
    }

    static func requireSignedIn(_ ctx: Invocation) throws {
        guard ctx.principal.accountID != nil || ctx.identity == .system else { throw UserFacingError.signInRequired }
    }

    static func audit(_ action: String, partner: String, subjectType: String = "partner", subjectID: String, _ summary: String,
                      ctx: Invocation, on db: any Database) async throws {
        try await AuditLog.append(AuditDraft(actor: ctx.identity, action: action, subjectType: subjectType, subjectID: subjectID,
                                             regionCode: ctx.settings.kabupaten.value, summary: "\(partner): \(summary)"), on: db, now: ctx.now)
    }

    /// Partners whose agreements in force cover this programme (its co-hosts) or project.
    static func coHosts(ofProgram id: UUID, on day: LocalDate, db: any Database) async throws -> [Partner] {
        try await covering(.program, id, on: day, db: db)
    }

    static func covering(_ subject: AgreementLink.Subject, _ id: UUID, on: LocalDate, db: any Database) async throws -> [Partner] {
        let links = try await AgreementLink.query(on: db).filter(\.$subjectType == subject.rawValue).filter(\.$subjectID == id).all()
        guard !links.isEmpty else { return [] }
        let agreements = try await Agreement.query(on: db).filter(\.$id ~~ links.map(\.agreementID)).all()
            .filter { $0.period?.isActive(on: on) ?? false }
        let codes = Set(agreements.map(\.partnerCode))
        guard !codes.isEmpty else { return [] }
        return try await Partner.query(on: db).filter(\.$id ~~ codes).sort(\.$name).all()
    }
}
