import Fluent
import Foundation
import RembukCore

/// Who may serve which assisted citizen: an operator desa in their desa, an operator kecamatan in its desa;
/// never a claimed account (that is the citizen's own from then on).
enum AssistGuard {
    /// The operator's own grants: refused while already acting for someone (one citizen at a time).
    static func requireOperator(_ ctx: Invocation) throws {
        guard ctx.principal.account != nil else { throw UserFacingError.signInRequired }
        guard ctx.principal.assistant == nil else { throw UserFacingError.notWhileAssisting }
        guard !ctx.actor.regions(for: .operatorDesa).isEmpty || !ctx.actor.regions(for: .operatorKecamatan).isEmpty else {
            throw UserFacingError.forbidden
        }
    }

    /// An unclaimed assisted account the operator may serve; claimed or out-of-scope accounts are "not found".
    static func citizen(_ id: String?, in ctx: Invocation) async throws -> Account {
        try requireOperator(ctx)
        guard let id = UUID(uuidString: id ?? ""), let account = try await Account.find(id, on: ctx.db), account.isAssisted,
              let region = RegionCode(account.assistedRegion ?? ""), ctx.actor.can(.assistCitizens(region)) else {
            throw UserFacingError.notFound
        }
        return account
    }

    /// The desa an operator serves (a kecamatan operator: all desa of the kecamatan), by name.
    static func desa(_ ctx: Invocation) async throws -> [Region] {
        let desa = ctx.actor.regions(for: .operatorDesa).map(\.value)
        let kecamatan = ctx.actor.regions(for: .operatorKecamatan).map(\.value)
        guard !desa.isEmpty || !kecamatan.isEmpty else { return [] }
        return try await Region.query(on: ctx.db).group(.or) { $0.filter(\.$id ~~ desa).filter(\.$parentCode ~~ kecamatan) }
            .sort(\.$name).all()
    }
}

/// An operator registers a citizen who has no phone or e-mail: name, desa, gender, optionally the NIK.
/// The citizen gets a slip with a claim code to take the account over later with their own phone.
struct RegisterAssistedCitizen {
    struct Input: Codable, Sendable {
        var name: String?
        var desa_code: String?
        var gender: String?
        var nik: String?
    }

    enum Outcome {
        case registered(Account, claimCode: String)
        case invalid(FormErrors)
    }

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        try AssistGuard.requireOperator(ctx)
        var errors = FormErrors()
        let name = AccountFields.name(input.name, into: &errors)
        let desa = RegionCode(input.desa_code ?? "")
        if desa == nil || desa?.level != .desa || !ctx.actor.can(.assistCitizens(desa!)) {
            errors.add("desa_code", Phrase("Pilih desa tempat warga tinggal (di wilayah tugas Anda).", "Choose the village the citizen lives in (within your area)."))
        }
        let gender = Attendee.Gender(rawValue: input.gender ?? "")
        if gender == nil { errors.add("gender", Phrase("Pilih jenis kelamin (untuk angka keterwakilan perempuan).", "Choose the gender (for the women's participation figures).")) }
        let nik = AccountFields.nik(input.nik, today: ctx.today, into: &errors)
        let nikDigest = nik.map { KeyedDigest.hex("nik:" + $0.digits, key: ctx.settings.secret) }
        try await AccountFields.checkUnique(email: nil, phone: nil, nikDigest: nikDigest, on: ctx, into: &errors)
        guard errors.isEmpty, let desa, let gender, let operatorID = ctx.principal.accountID else { return .invalid(errors) }

        let claimCode = ClaimCode.generate()
        let account = Account(name: name, email: nil, phone: nil, passwordHash: "", nikDigest: nikDigest, nikMasked: nik?.masked)
        account.assistedRegion = desa.value
        account.assistedBy = operatorID
        account.gender = gender.rawValue
        account.claimDigest = PhoneCodes.claimDigest(claimCode, secret: ctx.settings.secret)
        let identity = ctx.identity
        let now = ctx.now
        do {
            try await ctx.writes.transaction { db in
                try await account.create(on: db)
                let id = try account.requireID()
                try await AuditLog.append(AuditDraft(
                    actor: identity, action: "account.assisted_registered", subjectType: "account", subjectID: id.uuidString,
                    summary: "akun warga dibantu \(Principal.citizenLabel(id, secret: ctx.settings.secret, on: "account:\(id.uuidString)")) dibuat di desa \(desa.value)"), on: db, now: now)
            }
        } catch where error.isConstraintFailure {
            var raced = FormErrors()
            raced.add(AccountFields.alreadyRegistered)
            return .invalid(raced)
        }
        return .registered(account, claimCode: claimCode)
    }
}

/// The operator starts or stops serving an assisted citizen in this browser session.
struct AssistCitizen {
    func start(_ citizenID: String?, in ctx: Invocation) async throws -> Account {
        let citizen = try await AssistGuard.citizen(citizenID, in: ctx)
        let id = try citizen.requireID()
        let session = SessionMiddleware.hash(ctx.principal.sessionToken)
        let identity = ctx.identity
        let now = ctx.now
        try await ctx.writes.transaction { db in
            try await AccountSession.query(on: db).filter(\.$id == session).set(\.$actingFor, to: id).update()
            try await AuditLog.append(AuditDraft(actor: identity, action: "assist.started", subjectType: "account", subjectID: id.uuidString,
                                                 summary: "mulai melayani \(Principal.citizenLabel(id, secret: ctx.settings.secret, on: "account:\(id.uuidString)"))"), on: db, now: now)
        }
        return citizen
    }

    func stop(in ctx: Invocation) async throws {
        guard let assistant = ctx.principal.assistant, let operatorID = assistant.id, let citizenID = ctx.principal.accountID else { return }
        let session = SessionMiddleware.hash(ctx.principal.sessionToken)
        let identity = Principal(sessionToken: "", account: assistant, grants: ctx.principal.assistantGrants).identity
        let now = ctx.now
        try await ctx.writes.transaction { db in
            try await AccountSession.query(on: db).filter(\.$id == session).filter(\.$account.$id == operatorID).set(\.$actingFor, to: nil).update()
            try await AuditLog.append(AuditDraft(actor: identity, action: "assist.stopped", subjectType: "account", subjectID: citizenID.uuidString,
                                                 summary: "selesai melayani \(Principal.citizenLabel(citizenID, secret: ctx.settings.secret, on: "account:\(citizenID.uuidString)"))"), on: db, now: now)
        }
    }

    /// A new claim code for a lost slip; the old one stops working.
    func reissueClaimCode(_ citizenID: String?, in ctx: Invocation) async throws -> (Account, String) {
        let citizen = try await AssistGuard.citizen(citizenID, in: ctx)
        let id = try citizen.requireID()
        let code = ClaimCode.generate()
        let digest = PhoneCodes.claimDigest(code, secret: ctx.settings.secret)
        let identity = ctx.identity
        let now = ctx.now
        try await ctx.writes.transaction { db in
            try await Account.query(on: db).filter(\.$id == id).set(\.$claimDigest, to: digest).update()
            try await AuditLog.append(AuditDraft(actor: identity, action: "account.claim_code_reissued", subjectType: "account", subjectID: id.uuidString,
                                                 summary: "kode klaim baru untuk \(Principal.citizenLabel(id, secret: ctx.settings.secret, on: "account:\(id.uuidString)")); kode lama tidak berlaku"), on: db, now: now)
        }
        citizen.claimDigest = digest
        return (citizen, code)
    }
}
