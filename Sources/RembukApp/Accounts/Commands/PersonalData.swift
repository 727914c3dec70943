import Fluent
import Foundation
import RembukCore

/// UU PDP, the right of access: everything Rembuk keeps about the signed-in person, as one JSON file.
struct ExportMyData {
    struct Export: Encodable {
        struct Profile: Encodable {
            var id: String, nama: String, email: String?, hp: String?, nik_tersamar: String?
            var dibuat: Date?, persetujuan_privasi: Date?, versi_pemberitahuan: String?
            var email_terverifikasi: Date?, hp_terverifikasi: Date?
            var pemberitahuan: [String: Bool]
        }
        struct Role: Encodable { var peran: String, lingkup: String, sejak: Date?, dicabut: Date? }
        struct Proposal: Encodable { var nomor: String, judul: String, status: String, tahun: Int, dikirim: Date? }
        struct Remark: Encodable { var tentang: String, isi: String, ditulis: Date?, disembunyikan: Bool }
        struct Report: Encodable { var nomor: String, judul: String, isi: String, status: String, kerahasiaan: String, diterima: String }
        struct Enrolment: Encodable { var program: String, status: String, hadir: Bool }
        struct Message: Encodable { var judul: String, isi: String, dibaca: Date? }
        var diunduh: Date
        var pemberitahuan_privasi: String
        var akun: Profile
        var peran: [Role]
        var usulan: [Proposal]
        var dukungan: [String]
        var komentar: [Remark]
        var pengaduan: [Report]
        var program: [Enrolment]
        var diikuti: [String]
        var kotak_masuk: [Message]
        var token_api: [String]
    }

    func run(in ctx: Invocation) async throws -> Export {
        guard let account = ctx.principal.account, let id = account.id else { throw UserFacingError.signInRequired }
        guard ctx.principal.assistant == nil else { throw UserFacingError.notWhileAssisting }
        let db = ctx.db
        let grants = try await RoleGrant.query(on: db).filter(\.$account.$id == id).sort(\.$createdAt).all()
        let usulan = try await Usulan.query(on: db).filter(\.$proposerID == id).sort(\.$createdAt).all()
        let supported = try await UsulanSupport.query(on: db).filter(\.$accountID == id).all().map { $0.$usulan.id }
        let supportedNumbers = try await supported.isEmpty ? [] : Usulan.query(on: db).filter(\.$id ~~ supported).all().map(\.number)
        let comments = try await Comment.query(on: db).filter(\.$authorID == id).sort(\.$createdAt).all()
        let complaints = try await Complaint.query(on: db).filter(\.$reporterID == id).sort(\.$createdAt).all()
        let registrations = try await Registration.query(on: db).filter(\.$accountID == id).all()
        let programIDs = registrations.map(\.programID)
        let programs = try await programIDs.isEmpty ? [:] : Dictionary(Program.query(on: db).filter(\.$id ~~ programIDs).all().map { ($0.id!, $0.title) },
                                                                        uniquingKeysWith: { a, _ in a })
        let follows = try await Follow.query(on: db).filter(\.$account.$id == id).all()
        let inbox = try await InboxItem.query(on: db).filter(\.$account.$id == id).all()
        let tokens = try await ApiToken.query(on: db).filter(\.$account.$id == id).all()
        return Export(
            diunduh: ctx.now, pemberitahuan_privasi: PrivacyNotice.version,
            akun: .init(id: id.uuidString, nama: account.name, email: account.email, hp: account.phone, nik_tersamar: account.nikMasked,
                        dibuat: account.createdAt, persetujuan_privasi: account.consentedAt, versi_pemberitahuan: account.consentVersion,
                        email_terverifikasi: account.emailVerifiedAt, hp_terverifikasi: account.phoneVerifiedAt,
                        pemberitahuan: ["email": account.notifyEmail, "whatsapp_sms": account.notifyWhatsApp, "ringkasan_harian": account.notifyDigest]),
            peran: grants.map { .init(peran: $0.role, lingkup: $0.scopeText, sejak: $0.createdAt, dicabut: $0.revokedAt) },
            usulan: usulan.map { .init(nomor: $0.number, judul: $0.title, status: $0.status, tahun: $0.year, dikirim: $0.submittedAt) },
            dukungan: supportedNumbers,
            komentar: comments.map { .init(tentang: "\($0.subjectType):\($0.subjectID)", isi: $0.body, ditulis: $0.createdAt, disembunyikan: $0.hiddenAt != nil) },
            pengaduan: complaints.map { .init(nomor: $0.number, judul: $0.title, isi: $0.text, status: $0.status, kerahasiaan: $0.privacy, diterima: $0.receivedOn) },
            program: registrations.map { .init(program: programs[$0.programID] ?? $0.programID.uuidString, status: $0.status, hadir: $0.attended) },
            diikuti: follows.map { "\($0.subjectType):\($0.subjectID)" },
            kotak_masuk: inbox.map { .init(judul: $0.titleID, isi: $0.bodyID, dibaca: $0.readAt) },
            token_api: tokens.map { "\($0.name) (\($0.prefix)…)" + ($0.revokedAt == nil ? "" : ", dicabut") })
    }
}

/// UU PDP, the right to erasure: the owner deletes the account. Name, contacts, NIK and password go; sessions,
/// tokens, follows, the inbox and pending messages go; what was said in public (usulan, comments, supports) stays under
/// a pseudonym, and the audit trail, which names citizens only by pseudonyms, is not touched (it still verifies).
struct DeleteMyAccount {
    struct Input: Codable, Sendable {
        var password: String?
        var confirm: String?
    }

    static let deletedName = "Akun dihapus"

    func run(_ input: Input, in ctx: Invocation) async throws -> FormErrors? {
        guard let account = ctx.principal.account, let id = account.id else { throw UserFacingError.signInRequired }
        guard ctx.principal.assistant == nil else { throw UserFacingError.notWhileAssisting }
        var errors = FormErrors()
        let staff = try await RoleGrant.query(on: ctx.db).filter(\.$account.$id == id).filter(\.$revokedAt == nil).all()
            .filter { $0.role != Role.warga.rawValue }
        if !staff.isEmpty {
            errors.add(Phrase("Akun ini memegang peran petugas. Minta admin Bappeda mencabut peran Anda dulu, supaya tugasnya diserahkan.",
                              "This account holds a staff role. Ask the planning agency's admin to revoke it first, so the work is handed over."))
        }
        if account.hasPassword, try await !ctx.verifyPassword(input.password ?? "", hash: account.passwordHash) {
            errors.add("password", Phrase("Kata sandi salah.", "The password is wrong."))
        }
        if (input.confirm ?? "").trimmingCharacters(in: .whitespaces).uppercased() != "HAPUS" {
            errors.add("confirm", Phrase("Ketik HAPUS untuk memastikan.", "Type HAPUS to confirm."))
        }
        guard errors.isEmpty else { return errors }
        let owner = ctx.identity
        let now = ctx.now
        try await ctx.writes.transaction { db in
            try await Account.query(on: db).filter(\.$id == id)
                .set(\.$name, to: Self.deletedName).set(\.$email, to: nil).set(\.$phone, to: nil)
                .set(\.$emailVerifiedAt, to: nil).set(\.$phoneVerifiedAt, to: nil)
                .set(\.$nikDigest, to: nil).set(\.$nikMasked, to: nil).set(\.$passwordHash, to: "")
                .set(\.$notifyEmail, to: false).set(\.$notifyWhatsApp, to: false).set(\.$notifyDigest, to: false)
                .set(\.$gender, to: nil).set(\.$claimDigest, to: nil)
                .set(\.$disabledAt, to: now).set(\.$deletedAt, to: now).update()
            try await Comment.query(on: db).filter(\.$authorID == id).set(\.$authorName, to: Self.deletedName).update()
            try await DiscussionThread.query(on: db).filter(\.$authorID == id).set(\.$authorName, to: Self.deletedName).update()
            try await Certificate.query(on: db).filter(\.$accountID == id).set(\.$holderName, to: Self.deletedName).update()
            try await AccountSession.query(on: db).filter(\.$account.$id == id).delete()
            try await ApiToken.query(on: db).filter(\.$account.$id == id).filter(\.$revokedAt == nil).set(\.$revokedAt, to: now).update()
            try await Follow.query(on: db).filter(\.$account.$id == id).delete()
            try await InboxItem.query(on: db).filter(\.$account.$id == id).delete()
            try await OutboxMessage.query(on: db).filter(\.$accountID == id).filter(\.$status == OutboxMessage.Status.pending.rawValue).delete()
            try await OneTimeCodeRecord.query(on: db).filter(\.$accountID == id).delete()
            try await AuditLog.append(AuditDraft(actor: owner, action: "account.deleted", subjectType: "account", subjectID: id.uuidString,
                                                 summary: "pemilik menghapus akunnya (UU PDP): nama, kontak, NIK dan kata sandi dihapus; catatan publik tetap dengan nama samaran"),
                                      on: db, now: now)
        }
        return nil
    }
}
