import Fluent
import Foundation
import RembukCore

/// `rembuk setup`: a fresh database becomes one kabupaten/kota's Rembuk: its kecamatan and desa/kelurahan from the
/// shipped list, its planning agency, the first Bappeda admin. All of it in one transaction, recorded in the trail;
/// a database already in use is refused and left as it was.
public struct SetUpInstallation {
    public struct Input: Sendable {
        public var kabupaten: String
        public var agencyName: String
        public var agencyShortName: String?
        public var adminName: String
        public var adminEmail: String?
        public var adminPhone: String?
        public var adminPassword: String

        public init(kabupaten: String, agencyName: String, agencyShortName: String? = nil, adminName: String,
                    adminEmail: String?, adminPhone: String?, adminPassword: String) {
            self.kabupaten = kabupaten
            self.agencyName = agencyName
            self.agencyShortName = agencyShortName
            self.adminName = adminName
            self.adminEmail = adminEmail
            self.adminPhone = adminPhone
            self.adminPassword = adminPassword
        }
    }

    public struct Installed: Sendable {
        public let region: String
        public let kecamatan: Int
        public let desa: Int
        public let kelurahan: Int
        public let agency: String
        public let signIn: String
    }

    public enum Outcome: Sendable {
        case installed(Installed)
        case invalid([Phrase])
        case alreadyInstalled
    }

    public init() {}

    public func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard ctx.identity == .system else { throw UserFacingError.forbidden }
        guard try await !Installation.isInstalled(on: ctx.db) else { return .alreadyInstalled }
        var problems: [Phrase] = []
        let code = input.kabupaten.trimmingCharacters(in: .whitespaces)
        var found: [RegionRecord] = []
        do { found = try ImportRegions.records(code) } catch let error as UserFacingError { problems.append(error.message) }
        let records = found
        let agencyName = CleanText.line(input.agencyName)
        if !AgencyRules.names.contains(agencyName.count) { problems.append(Self.labelled("--agency-name", AgencyAudit.phrase(.name))) }
        let shortName = CleanText.line(input.agencyShortName ?? String(agencyName.split(separator: " ").first ?? ""))
        let agencyKey = AgencyRules.key(from: shortName)
        if !AgencyRules.shortNames.contains(shortName.count) || agencyKey == nil {
            problems.append(Self.labelled("--agency-short-name", AgencyAudit.phrase(.shortName)))
        }
        var errors = FormErrors()
        let admin = AccountFields.basics(name: input.adminName, email: input.adminEmail, phone: input.adminPhone,
                                         password: input.adminPassword, confirmation: input.adminPassword, into: &errors)
        let flags = ["name": "--admin-name", "email": "--admin-email", "phone": "--admin-phone", "password": "--admin-password-file"]
        problems += errors.general + errors.fields.sorted { $0.key < $1.key }.map { Self.labelled(flags[$0.key] ?? $0.key, $0.value) }
        guard problems.isEmpty, let kabupaten = RegionCode(code), let agencyKey,
              let head = records.first(where: { $0.code == kabupaten }) else { return .invalid(problems) }

        let population = try RegionCatalog.population()
        let hash = try await ctx.hashPassword(admin.password)
        let identity = ctx.identity
        let now = ctx.now
        let account = Account(name: admin.name, email: admin.email, phone: admin.phone?.e164, passwordHash: hash)
        let grant = try Grant.make(role: .bappeda, scope: .region(kabupaten)).get()
        let installed = try await ctx.writes.transaction { db -> Installed? in
            // Checked again inside: two set-ups at once cannot both install.
            guard try await !Installation.isInstalled(on: db) else { return nil }
            try await Installation.record(.origin, Installation.Origin.setup.rawValue, on: db)
            try await Installation.record(.kabupaten, kabupaten.value, on: db)
            try await Installation.record(.planningAgency, shortName, on: db)
            let regions = try await ImportRegions.apply(records, population: population, kabupaten: kabupaten, identity: identity, now: now, on: db)
            let agency = Agency(slug: agencyKey, name: agencyName, shortName: shortName, kabupatenCode: kabupaten.value)
            try await agency.create(on: db)
            try await AgencyAudit.append("agency.created", agency, reason: "rembuk setup", in: ctx, on: db)
            try await account.create(on: db)
            let id = try account.requireID()
            try await RoleGrant(accountID: id, grant: grant, grantedBy: nil).create(on: db)
            try await AuditLog.append(AuditDraft(actor: identity, action: "account.created_by_admin", subjectType: "account",
                                                 subjectID: id.uuidString, regionCode: kabupaten.value,
                                                 summary: "admin pertama \(shortName)", reason: "rembuk setup"), on: db, now: now)
            try await AuditLog.append(AuditDraft(actor: identity, action: "role.granted", subjectType: "account",
                                                 subjectID: id.uuidString, regionCode: kabupaten.value,
                                                 summary: StaffRules.describe(grant), reason: "rembuk setup"), on: db, now: now)
            try await AuditLog.append(AuditDraft(actor: identity, action: "installation.set_up", subjectType: "region",
                                                 subjectID: kabupaten.value, regionCode: kabupaten.value,
                                                 summary: "Rembuk dipasang untuk \(head.name): \(regions.kecamatan) kecamatan, \(regions.desa) desa/kelurahan; \(shortName)",
                                                 reason: "rembuk setup"), on: db, now: now)
            return Installed(region: head.name, kecamatan: regions.kecamatan,
                             desa: records.filter { $0.kind == .desa }.count, kelurahan: records.filter { $0.kind == .kelurahan }.count,
                             agency: shortName, signIn: admin.email ?? admin.phone?.e164 ?? "")
        }
        guard let installed else { return .alreadyInstalled }
        // A process that goes on serving (tests, `setup` followed by `serve` in one run) now speaks for that region.
        var settings = ctx.app.settings
        settings.kabupaten = kabupaten
        settings.places = try await Installation.places(of: kabupaten, on: ctx.db)
        if !settings.planningAgencyGiven { settings.planningAgencyName = shortName }
        ctx.app.settings = settings
        return .installed(installed)
    }

    static func labelled(_ flag: String, _ phrase: Phrase) -> Phrase {
        Phrase("\(flag): \(phrase.id)", "\(flag): \(phrase.en)")
    }
}
