import Fluent
import Foundation
import RembukCore
import SQLKit

/// Partners, their agreements, what the agreements cover, and contributions. Mitra role grants named their
/// organisation in free text until now; each such name becomes a partner and the grant names its code.
struct M029_CreatePartners: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Partner.schema)
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("description", .string, .required)
            .field("website", .string, .required)
            .field("created_ms", .int64, .required)
            .unique(on: "name")
            .create()
        try await database.schema(Agreement.schema)
            .id()
            .field("partner_code", .string, .required, .references(Partner.schema, "code"))
            .field("agency", .string, .required)
            .field("document_number", .string, .required)
            .field("scope", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("created_ms", .int64, .required)
            .create()
        try await database.schema(AgreementLink.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(Agreement.schema, .id))
            .field("subject_type", .string, .required)
            .field("subject_id", .uuid, .required)
            .unique(on: "agreement_id", "subject_type", "subject_id")
            .create()
        try await database.schema(Contribution.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(Agreement.schema, .id))
            .field("partner_code", .string, .required, .references(Partner.schema, "code"))
            .field("kind", .string, .required)
            .field("description", .string, .required)
            .field("value", .int64, .required)
            .field("given_on", .string, .required)
            .field("created_ms", .int64, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX partner_agreement_links_subject ON partner_agreement_links (subject_type, subject_id)").run()
        try await sql.raw("CREATE INDEX partner_contributions_partner ON partner_contributions (partner_code, given_on)").run()

        let now = Date().millis
        let grants = try await RoleGrant.query(on: database).filter(\.$role == Role.mitra.rawValue).all()
        var made: [String: String] = [:]
        for grant in grants {
            guard let name = grant.organisation, !name.isEmpty else { continue }
            if made[name] == nil {
                var code = PartnerCode.make(name)
                if code.isEmpty { code = "mitra" }
                let base = code
                var n = 2
                while made.values.contains(code) { code = "\(base)-\(n)"; n += 1 }
                let partner = Partner()
                partner.id = code
                partner.name = name
                partner.kind = PartnerKind.guess(from: name).rawValue
                partner.description = ""
                partner.website = ""
                partner.createdMillis = now
                try await partner.create(on: database)
                made[name] = code
            }
            grant.organisation = made[name]
            try await grant.save(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        let names = Dictionary(try await Partner.query(on: database).all().map { ($0.id ?? "", $0.name) }, uniquingKeysWith: { a, _ in a })
        for grant in try await RoleGrant.query(on: database).filter(\.$role == Role.mitra.rawValue).all() {
            if let code = grant.organisation, let name = names[code] {
                grant.organisation = name
                try await grant.save(on: database)
            }
        }
        for schema in [Contribution.schema, AgreementLink.schema, Agreement.schema, Partner.schema] {
            try await database.schema(schema).delete()
        }
    }
}
