import Fluent
import Foundation
import RembukCore

/// How a change of the installation's identity reads in the public trail.
enum IdentityAudit {
    static func append(_ action: String, _ summary: String, reason: String = "", in ctx: Invocation, on db: any Database) async throws {
        try await AuditLog.append(AuditDraft(actor: ctx.identity, action: action, subjectType: "installation", subjectID: "identitas",
                                             regionCode: ctx.settings.kabupaten.value, summary: summary, reason: reason), on: db, now: ctx.now)
    }

    static func phrase(_ problem: Letterhead.Problem) -> Phrase {
        switch problem {
        case .government: Phrase("Tulis nama pemerintah daerah seperti di kop surat, \(Letterhead.governmentLength.lowerBound)–\(Letterhead.governmentLength.upperBound) huruf (misalnya Pemerintah Kota Bitung).",
                                 "Write the government's name as on its letterhead, \(Letterhead.governmentLength.lowerBound)–\(Letterhead.governmentLength.upperBound) characters (e.g. Pemerintah Kota Bitung).")
        case .address: Phrase("Alamat paling banyak \(Letterhead.addressLength.upperBound) huruf.", "The address is at most \(Letterhead.addressLength.upperBound) characters.")
        case .phone: Phrase("Tulis nomor telepon kantor dengan angka, misalnya (0264) 200036.", "Write the office phone in digits, e.g. (0264) 200036.")
        case .email: Phrase("Alamat surel itu tidak lengkap (contoh: bappeda@purwakartakab.go.id).", "That e-mail address is incomplete (e.g. bappeda@purwakartakab.go.id).")
        case .website: Phrase("Tulis alamat situs lengkap, diawali https:// (misalnya https://purwakartakab.go.id).",
                              "Write the full site address starting with https:// (e.g. https://purwakartakab.go.id).")
        }
    }

    static func phrase(_ problem: DocumentNumber.Problem) -> Phrase {
        let known = DocumentNumber.Placeholder.allCases.map { "{\($0.rawValue)}" }.joined(separator: ", ")
        switch problem {
        case .empty: return Phrase("Tulis pola nomornya.", "Write the number pattern.")
        case .tooLong: return Phrase("Pola paling banyak \(DocumentNumber.maxLength) huruf.", "The pattern is at most \(DocumentNumber.maxLength) characters.")
        case .noNumber: return Phrase("Pola harus memuat {nomor}, urutan dokumen dalam setahun.", "The pattern must hold {nomor}, the document's place in the year.")
        case let .unknown(name): return Phrase("{\(name)} tidak dikenal. Yang bisa dipakai: \(known).", "{\(name)} is unknown. You can use: \(known).")
        case .unclosed: return Phrase("Setiap { harus ditutup dengan }.", "Every { must be closed with }.")
        case let .character(character): return Phrase("Pola tidak boleh memuat “\(character)”.", "The pattern cannot contain “\(character)”.")
        }
    }

    static func phrase(_ problem: LogoImage.Problem) -> Phrase {
        switch problem {
        case .empty: Phrase("Pilih berkas logo.", "Choose a logo file.")
        case .tooLarge: Phrase("Logo paling besar \(ByteSize.text(LogoImage.maxBytes)); perkecil dulu gambarnya.",
                               "A logo is at most \(ByteSize.text(LogoImage.maxBytes)); make the picture smaller first.")
        case .notALogo: Phrase("Logo harus berupa gambar PNG atau SVG.", "A logo must be a PNG or SVG picture.")
        case .pixels: Phrase("Gambar PNG itu lebih dari \(LogoImage.maxSide) piksel sisinya; perkecil dulu.",
                             "That PNG is more than \(LogoImage.maxSide) pixels on a side; make it smaller first.")
        case let .active(found): Phrase("SVG itu memuat “\(found)”, yang bisa menjalankan atau memuat sesuatu. Simpan ulang sebagai SVG biasa (tanpa skrip, tautan atau gambar dari luar), atau pakai PNG.",
                                        "That SVG holds “\(found)”, which could run or fetch something. Save it again as a plain SVG (no script, links or outside pictures), or use a PNG.")
        }
    }
}

/// Bappeda writes the government's name, address and contacts for letterheads, and the patterns of document numbers.
struct SaveIdentity {
    struct Input: Codable, Sendable {
        var government: String?
        var address: String?
        var phone: String?
        var email: String?
        var website: String?
        var minutes_pattern: String?
        var certificate_pattern: String?
    }

    enum Outcome {
        case saved(changed: Int)
        case invalid(FormErrors)
    }

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard ctx.principal.accountID != nil || ctx.identity == .system else { throw UserFacingError.signInRequired }
        try StaffRules.requireAdmin(ctx)
        var errors = FormErrors()
        var head: Letterhead?
        switch Letterhead.check(government: input.government ?? "", address: input.address ?? "", phone: input.phone ?? "",
                                email: input.email ?? "", website: input.website ?? "") {
        case let .success(checked): head = checked
        case let .failure(problems):
            for problem in Letterhead.Problem.allCases where problems.fields.contains(problem) {
                errors.add(problem.rawValue, IdentityAudit.phrase(problem))
            }
        }
        var patterns: [(Installation.Key, DocumentNumber)] = []
        for (key, field, raw) in [(Installation.Key.minutesPattern, "minutes_pattern", input.minutes_pattern),
                                  (.certificatePattern, "certificate_pattern", input.certificate_pattern)] {
            switch DocumentNumber.parse(raw ?? "") {
            case let .success(pattern): patterns.append((key, pattern))
            case let .failure(problem): errors.add(field, IdentityAudit.phrase(problem))
            }
        }
        guard errors.isEmpty, let head else { return .invalid(errors) }
        let wanted: [(Installation.Key, String)] = [(.government, head.government), (.address, head.address), (.phone, head.phone),
                                                    (.email, head.email), (.website, head.website)] + patterns.map { ($0.0, $0.1.pattern) }
        let current = try await InstallationIdentity.load(ctx.settings, on: ctx.db)
        let before: [Installation.Key: String] = [
            .government: current.letterhead.government, .address: current.letterhead.address, .phone: current.letterhead.phone,
            .email: current.letterhead.email, .website: current.letterhead.website,
            .minutesPattern: current.minutesNumber.pattern, .certificatePattern: current.certificateNumber.pattern,
        ]
        let changed = wanted.filter { before[$0.0] != $0.1 }
        guard !changed.isEmpty else { return .saved(changed: 0) }
        try await ctx.writes.transaction { db in
            for (key, value) in changed { try await Installation.record(key, value, on: db) }
            let summary = changed.map { "\(Self.label($0.0)): \($0.1.isEmpty ? "(kosong)" : $0.1)" }.joined(separator: "; ")
            try await IdentityAudit.append("installation.identity", summary, in: ctx, on: db)
        }
        return .saved(changed: changed.count)
    }

    static func label(_ key: Installation.Key) -> String {
        switch key {
        case .government: "nama pemerintah"
        case .address: "alamat"
        case .phone: "telepon"
        case .email: "surel"
        case .website: "situs"
        case .minutesPattern: "pola nomor berita acara"
        case .certificatePattern: "pola nomor sertifikat"
        default: key.rawValue
        }
    }
}

/// Bappeda puts up the government's logo (PNG or a plain SVG, checked by its bytes), or takes it down.
struct SetLogo {
    enum Outcome {
        case saved
        case refused(Phrase)
    }

    func run(_ bytes: [UInt8], in ctx: Invocation) async throws -> Outcome {
        guard ctx.principal.accountID != nil || ctx.identity == .system else { throw UserFacingError.signInRequired }
        try StaffRules.requireAdmin(ctx)
        let kind: LogoImage.Kind
        switch LogoImage.check(bytes) {
        case let .success(checked): kind = checked
        case let .failure(problem): return .refused(IdentityAudit.phrase(problem))
        }
        let sha = ContentAddress.sha256(bytes)
        let previous = try await InstallationIdentity.load(ctx.settings, on: ctx.db).logo
        guard previous?.sha256 != sha else { return .saved }
        try await ctx.writes.transaction { db in
            if try await Blob.find(sha, on: db) == nil {
                let blob = Blob()
                blob.id = sha
                blob.mediaType = kind.mediaType
                blob.byteCount = bytes.count
                blob.data = Data(bytes)
                try await blob.create(on: db)
            }
            try await Installation.record(.logoSHA256, sha, on: db)
            try await Installation.record(.logoKind, kind.rawValue, on: db)
            if let previous { try await Self.dropIfUnused(previous.sha256, on: db) }
            try await IdentityAudit.append("installation.logo", "logo \(kind.rawValue.uppercased()) \(ByteSize.text(bytes.count)), sha256 \(sha)", in: ctx, on: db)
        }
        return .saved
    }

    func remove(in ctx: Invocation) async throws {
        guard ctx.principal.accountID != nil || ctx.identity == .system else { throw UserFacingError.signInRequired }
        try StaffRules.requireAdmin(ctx)
        guard let previous = try await InstallationIdentity.load(ctx.settings, on: ctx.db).logo else { return }
        try await ctx.writes.transaction { db in
            try await InstallationValue.query(on: db).filter(\.$id ~~ [Installation.Key.logoSHA256.rawValue, Installation.Key.logoKind.rawValue]).delete()
            try await Self.dropIfUnused(previous.sha256, on: db)
            try await IdentityAudit.append("installation.logo_removed", "logo dihapus (sha256 \(previous.sha256))", in: ctx, on: db)
        }
    }

    /// The old logo's bytes go unless an attachment holds the same file.
    static func dropIfUnused(_ sha: String, on db: any Database) async throws {
        guard try await Attachment.query(on: db).filter(\.$blobSHA256 == sha).count() == 0 else { return }
        try await Blob.query(on: db).filter(\.$id == sha).delete()
    }
}
