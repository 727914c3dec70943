import Fluent
import Foundation
import RembukCore

/// The scope fields of a role form; which one counts depends on the role.
struct GrantInput: Codable, Sendable {
    var role: String?
    var region_code: String?
    var agency_id: String?
    var organisation: String?
    var reason: String?
}

enum StaffRules {
    static func requireAdmin(_ ctx: Invocation) throws {
        guard ctx.actor.can(.manageAccounts(kabupaten: ctx.settings.kabupaten)) else { throw UserFacingError.forbidden }
    }

    /// Turns the form into a grant that fits the role, inside this installation's kabupaten.
    static func grant(from input: GrantInput, in ctx: Invocation, errors: inout FormErrors) async throws -> Grant? {
        guard let role = Role(rawValue: input.role ?? ""), Role.staffRoles.contains(role) else {
            errors.add("role", Phrase("Pilih peran.", "Choose a role."))
            return nil
        }
        let scope: Scope
        switch role.scopeKind {
        case let .region(level):
            let text = (input.region_code ?? "").trimmingCharacters(in: .whitespaces)
            guard let code = RegionCode(text), code.level == level, ctx.settings.kabupaten.contains(code),
                  try await Region.find(code.value, on: ctx.db) != nil else {
                let what = switch level {
                case .desa: Phrase("Pilih desa/kelurahan tempat operator bertugas.", "Choose the village the operator serves.")
                case .kecamatan: Phrase("Pilih kecamatan tempat operator bertugas.", "Choose the district the operator serves.")
                default: Phrase("Peran ini berlaku untuk seluruh kabupaten; kodenya \(ctx.settings.kabupaten.value).",
                                "This role holds for the whole kabupaten; its code is \(ctx.settings.kabupaten.value).")
                }
                errors.add("region_code", what)
                return nil
            }
            scope = .region(code)
        case .agency:
            guard let slug = input.agency_id, let agency = try await Agency.find(slug, on: ctx.db),
                  agency.kabupatenCode == ctx.settings.kabupaten.value else {
                errors.add("agency_id", Phrase("Pilih perangkat daerah (OPD).", "Choose an agency (OPD)."))
                return nil
            }
            scope = .agency(slug)
        case .organisation:
            guard let code = input.organisation, !code.isEmpty, try await Partner.find(code, on: ctx.db) != nil else {
                errors.add("organisation", Phrase("Pilih organisasi mitra (daftarkan dulu di halaman Mitra bila belum ada).",
                                                  "Choose the partner organisation (add it on the Partners page first if it is missing)."))
                return nil
            }
            scope = .organisation(code)
        case .ownAccount:
            return nil
        }
        return try? Grant.make(role: role, scope: scope).get()
    }

    static func describe(_ grant: Grant) -> String {
        switch grant.scope {
        case .ownAccount: grant.role.rawValue
        case let .region(code): "\(grant.role.rawValue) @ \(code.value)"
        case let .agency(id): "\(grant.role.rawValue) @ \(id)"
        case let .organisation(name): "\(grant.role.rawValue) @ \(name)"
        }
    }

    static func regionOf(_ grant: Grant, default kabupaten: RegionCode) -> String {
        if case let .region(code) = grant.scope { return code.value }
        return kabupaten.value
    }

    /// The scope as a person reads it: "wilayah 32.14.01.2010", "OPD dinas-pupr", "organisasi Yayasan …".
    static func scopePhrase(_ grant: Grant) -> Phrase {
        switch grant.scope {
        case .ownAccount: Phrase("akun sendiri", "own account")
        case let .region(code): Phrase("wilayah \(code.value)", "region \(code.value)")
        case let .agency(id): Phrase("OPD \(id)", "agency \(id)")
        case let .organisation(name): Phrase("organisasi \(name)", "organisation \(name)")
        }
    }

    static func grantNotice(_ grant: Grant) -> Notice {
        let scope = scopePhrase(grant)
        return Notice(title: Phrase("Anda mendapat peran baru", "You have a new role"),
                      body: Phrase("Anda sekarang \(grant.role.label(.id)) untuk \(scope.id) di Rembuk.",
                                   "You are now \(grant.role.label(.en)) for \(scope.en) on Rembuk."),
                      link: SiteRoute.account.path)
    }
}

/// A Bappeda admin creates an account for a staff member with its first role.
struct CreateStaffAccount {
    struct Input: Codable, Sendable {
        var name: String?
        var email: String?
        var phone: String?
        var password: String?
        var password_confirmation: String?
        var role: String?
        var region_code: String?
        var agency_id: String?
        var organisation: String?
    }

    enum Outcome {
        case created(Account)
        case invalid(FormErrors)
    }

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        try StaffRules.requireAdmin(ctx)
        var errors = FormErrors()
        let (name, email, phone, password) = AccountFields.basics(
            name: input.name, email: input.email, phone: input.phone, password: input.password,
            confirmation: input.password_confirmation, into: &errors)
        let grant = try await StaffRules.grant(from: GrantInput(role: input.role, region_code: input.region_code,
                                                                agency_id: input.agency_id, organisation: input.organisation),
                                               in: ctx, errors: &errors)
        try await AccountFields.checkUnique(email: email, phone: phone, nikDigest: nil, on: ctx, into: &errors)
        guard errors.isEmpty, let grant else { return .invalid(errors) }

        let account = Account(name: name, email: email, phone: phone?.e164, passwordHash: try await ctx.hashPassword(password))
        let identity = ctx.identity
        let kabupaten = ctx.settings.kabupaten
        do {
            try await ctx.writes.transaction { db in
                try await account.create(on: db)
                let id = try account.requireID()
                try await RoleGrant(accountID: id, grant: grant, grantedBy: UUID(uuidString: identity.id)).create(on: db)
                try await AuditLog.append(AuditDraft(actor: identity, action: "account.created_by_admin", subjectType: "account",
                                                     subjectID: id.uuidString, regionCode: kabupaten.value,
                                                     summary: "akun staf: \(name)"), on: db, now: ctx.now)
                try await AuditLog.append(AuditDraft(actor: identity, action: "role.granted", subjectType: "account",
                                                     subjectID: id.uuidString, regionCode: StaffRules.regionOf(grant, default: kabupaten),
                                                     summary: StaffRules.describe(grant)), on: db, now: ctx.now)
                try await Notifier.send(to: account, StaffRules.grantNotice(grant), in: ctx, on: db)
            }
        } catch where error.isConstraintFailure {
            var raced = FormErrors()
            raced.add(AccountFields.alreadyRegistered)
            return .invalid(raced)
        }
        return .created(account)
    }
}

/// A Bappeda admin gives an existing account another role.
struct GrantRole {
    enum Outcome {
        case granted
        case invalid(FormErrors)
    }

    func run(accountID: UUID, _ input: GrantInput, in ctx: Invocation) async throws -> Outcome {
        try StaffRules.requireAdmin(ctx)
        guard let account = try await Account.find(accountID, on: ctx.db) else { throw UserFacingError.notFound }
        var errors = FormErrors()
        // Staff sign in with a password, never by phone code alone (nor as an assisted or service account).
        guard account.hasPassword, !account.isAssisted else {
            errors.add("role", Phrase("Akun ini belum punya kata sandi. Petugas wajib masuk dengan kata sandi: minta pemiliknya membuat kata sandi di halaman Akun saya dulu.",
                                      "This account has no password yet. Staff must sign in with a password: ask its owner to set one on My account first."))
            return .invalid(errors)
        }
        guard let grant = try await StaffRules.grant(from: input, in: ctx, errors: &errors) else { return .invalid(errors) }
        let active = try await RoleGrant.query(on: ctx.db).filter(\.$account.$id == accountID).filter(\.$revokedAt == nil).all()
        if active.contains(where: { $0.grant == grant }) {
            errors.add("role", Phrase("Akun ini sudah memegang peran itu.", "This account already holds that role."))
            return .invalid(errors)
        }
        let identity = ctx.identity
        let kabupaten = ctx.settings.kabupaten
        try await ctx.writes.transaction { db in
            try await RoleGrant(accountID: accountID, grant: grant, grantedBy: UUID(uuidString: identity.id)).create(on: db)
            try await AuditLog.append(AuditDraft(actor: identity, action: "role.granted", subjectType: "account",
                                                 subjectID: accountID.uuidString, regionCode: StaffRules.regionOf(grant, default: kabupaten),
                                                 summary: StaffRules.describe(grant), reason: input.reason ?? ""), on: db, now: ctx.now)
            try await Notifier.send(to: account, StaffRules.grantNotice(grant), in: ctx, on: db)
        }
        return .granted
    }
}

/// A Bappeda admin takes a role back, with a reason that goes into the public trail.
struct RevokeRole {
    func run(accountID: UUID, grantID: UUID, reason: String?, in ctx: Invocation) async throws -> FormErrors? {
        try StaffRules.requireAdmin(ctx)
        guard let row = try await RoleGrant.query(on: ctx.db).filter(\.$id == grantID).filter(\.$account.$id == accountID)
            .filter(\.$revokedAt == nil).with(\.$account).first(), let grant = row.grant else { throw UserFacingError.notFound }
        let reason = AccountRules.cleanName(reason ?? "")
        guard (3...300).contains(reason.count) else {
            var errors = FormErrors()
            errors.add("reason", Phrase("Tulis alasan pencabutan peran (3–300 huruf).", "Give a reason for revoking the role (3–300 characters)."))
            return errors
        }
        let identity = ctx.identity
        let kabupaten = ctx.settings.kabupaten
        let now = ctx.now
        try await ctx.writes.transaction { db in
            row.revokedAt = now
            row.revokedBy = UUID(uuidString: identity.id)
            try await row.update(on: db)
            try await AuditLog.append(AuditDraft(actor: identity, action: "role.revoked", subjectType: "account",
                                                 subjectID: accountID.uuidString, regionCode: StaffRules.regionOf(grant, default: kabupaten),
                                                 summary: StaffRules.describe(grant), reason: reason), on: db, now: now)
            try await Notifier.send(to: row.account, Notice(
                title: Phrase("Peran Anda dicabut", "A role of yours was revoked"),
                body: Phrase("Peran \(grant.role.label(.id)) untuk \(StaffRules.scopePhrase(grant).id) dicabut. Alasan: \(reason)",
                             "The role \(grant.role.label(.en)) for \(StaffRules.scopePhrase(grant).en) was revoked. Reason: \(reason)"),
                link: SiteRoute.account.path), in: ctx, on: db)
        }
        return nil
    }
}

/// A Bappeda admin disables an account (its sessions end at once) or enables it again.
struct SetAccountStatus {
    func run(accountID: UUID, disable: Bool, reason: String?, in ctx: Invocation) async throws -> FormErrors? {
        try StaffRules.requireAdmin(ctx)
        guard let account = try await Account.find(accountID, on: ctx.db) else { throw UserFacingError.notFound }
        var errors = FormErrors()
        if disable, ctx.principal.accountID == accountID {
            errors.add("reason", Phrase("Anda tidak bisa menonaktifkan akun sendiri.", "You cannot disable your own account."))
            return errors
        }
        let reason = AccountRules.cleanName(reason ?? "")
        if !(3...300).contains(reason.count) { errors.add("reason", Phrase("Tulis alasannya (3–300 huruf).", "Give a reason (3–300 characters).")) }
        guard errors.isEmpty else { return errors }
        guard account.isDisabled != disable else { return nil }
        let identity = ctx.identity
        let now = ctx.now
        try await ctx.writes.transaction { db in
            account.disabledAt = disable ? now : nil
            try await account.update(on: db)
            if disable { try await AccountSession.query(on: db).filter(\.$account.$id == accountID).delete() }
            try await AuditLog.append(AuditDraft(actor: identity, action: disable ? "account.disabled" : "account.enabled",
                                                 subjectType: "account", subjectID: accountID.uuidString,
                                                 regionCode: ctx.settings.kabupaten.value, reason: reason), on: db, now: now)
        }
        return nil
    }
}
