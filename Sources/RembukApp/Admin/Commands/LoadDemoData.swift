import Fluent
import Foundation
import RembukCore

/// The demo installation: Kabupaten Purwakarta, its perangkat daerah, and one account per role.
/// Safe to run again: what exists is kept, what is missing is added.
public struct LoadDemoData {
    public static let password = "demo-rembuk-2026"
    static let citizenEmail = "warga@rembuk.test"

    public struct Login: Sendable {
        public let role: String
        public let email: String
        public let scope: String
    }

    /// Purwakarta's perangkat daerah and the sectors each takes by default.
    static let agencies: [(slug: String, name: String, short: String, sectors: [Bidang])] = [
        ("bappelitbangda", "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", "BAPPELITBANGDA", []),
        ("dinas-pupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas PUPR", [.infrastruktur]),
        ("disperkim", "Dinas Perumahan dan Kawasan Permukiman", "Disperkim", [.perumahan]),
        ("dinas-koperasi-ukm", "Dinas Koperasi dan Usaha Kecil Menengah", "Dinas Koperasi dan UKM", [.ekonomi]),
        ("dlh", "Dinas Lingkungan Hidup", "DLH", [.lingkungan]),
        ("disdik", "Dinas Pendidikan", "Disdik", [.pendidikan]),
        ("dinkes", "Dinas Kesehatan", "Dinkes", [.kesehatan]),
        ("dinsos", "Dinas Sosial", "Dinsos", [.sosial]),
        ("dishub", "Dinas Perhubungan", "Dishub", [.perhubungan]),
        ("dpmd", "Dinas Pemberdayaan Masyarakat dan Desa", "DPMD", [.pemberdayaan]),
        ("distan", "Dinas Pertanian", "Distan", [.pertanian]),
        ("disparbud", "Dinas Pariwisata dan Kebudayaan", "Disparbud", []),
        ("dp3akb", "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak", "DP3AKB", []),
        ("diskominfo", "Dinas Komunikasi dan Informatika", "Diskominfo", []),
        ("disnakertrans", "Dinas Tenaga Kerja dan Transmigrasi", "Disnakertrans", []),
        ("bpbd", "Badan Penanggulangan Bencana Daerah", "BPBD", []),
    ]

    static let staff: [(name: String, email: String, role: Role, region: String?, agency: String?, organisation: String?)] = [
        ("Ratna Sari", "admin@rembuk.test", .bappeda, "32.14", nil, nil),
        ("Dedi Kurniawan", "operator.kecamatan@rembuk.test", .operatorKecamatan, "32.14.01", nil, nil),
        ("Asep Saepudin", "operator.desa@rembuk.test", .operatorDesa, "32.14.01.2010", nil, nil),
        ("Hendra Gunawan", "opd@rembuk.test", .opd, nil, "dinas-pupr", nil),
        ("Yanti Rahmawati", "moderator@rembuk.test", .moderator, "32.14", nil, nil),
        ("Budi Santoso", "mitra@rembuk.test", .mitra, nil, nil, "yayasan-citarum-lestari"),
    ]

    public init() {}

    @discardableResult
    public func run(in ctx: Invocation) async throws -> [Login] {
        if try await Installation.origin(on: ctx.db) == .setup {
            throw UserFacingError(.conflict, Phrase(
                "Basis data ini dipasang dengan `rembuk setup` untuk dipakai sungguhan; data demo (dengan kata sandi yang diumumkan) tidak dimuat di sini.",
                "This database was installed with `rembuk setup` for real use; the demo data (with its published password) is not loaded here."))
        }
        _ = try await ImportRegions().run(kabupaten: ctx.settings.kabupaten.value, in: ctx)
        let kabupaten = ctx.settings.kabupaten.value
        try await ctx.writes.transaction { db in
            if try await Installation.origin(on: db) == nil {
                try await Installation.record(.origin, Installation.Origin.demo.rawValue, on: db)
                try await Installation.record(.kabupaten, kabupaten, on: db)
            }
            for (slug, name, short, sectors) in Self.agencies where try await Agency.find(slug, on: db) == nil {
                try await Agency(slug: slug, name: name, shortName: short, kabupatenCode: kabupaten, sectors: sectors).create(on: db)
                try await AuditLog.append(AuditDraft(actor: ctx.identity, action: "agency.created", subjectType: "agency",
                                                     subjectID: slug, regionCode: kabupaten, summary: AgencyAudit.summary(name: name, shortName: short, sectors: sectors),
                                                     reason: "data demo"), on: db, now: ctx.now)
            }
        }
        try await DemoPartners.createOrganisations(in: ctx)
        var logins: [Login] = []
        for person in Self.staff {
            logins.append(Login(role: person.role.label(.id), email: person.email,
                                scope: person.region ?? person.agency ?? person.organisation ?? ""))
            guard try await Account.query(on: ctx.db).filter(\.$email == person.email).first() == nil else { continue }
            let input = CreateStaffAccount.Input(name: person.name, email: person.email, phone: nil, password: Self.password,
                                                 password_confirmation: Self.password, role: person.role.rawValue,
                                                 region_code: person.region, agency_id: person.agency, organisation: person.organisation)
            if case let .invalid(errors) = try await CreateStaffAccount().run(input, in: ctx) {
                throw DemoProblem(description: "demo account \(person.email): \(errors.fields.mapValues(\.en)) \(errors.general.map(\.en))")
            }
        }
        logins.append(Login(role: Role.warga.label(.id), email: Self.citizenEmail, scope: ""))
        if try await Account.query(on: ctx.db).filter(\.$email == Self.citizenEmail).first() == nil {
            let input = RegisterAccount.Input(name: "Siti Aminah", email: Self.citizenEmail, phone: "0812-1111-2222",
                                              password: Self.password, password_confirmation: Self.password, nik: nil, consent: "ya")
            if case let .invalid(errors) = try await RegisterAccount().run(input, in: ctx) {
                throw DemoProblem(description: "demo citizen: \(errors.fields.mapValues(\.en))")
            }
        }
        try await proveDemoContacts(in: ctx)
        try await DemoHolidays.load(in: ctx)
        try await DemoPlanning.load(in: ctx)
        try await DemoUsulan.load(in: ctx)
        try await DemoProjects.load(in: ctx)
        try await DemoComplaints.load(in: ctx)
        try await DemoInformation.load(in: ctx)
        try await DemoDiscussions.load(in: ctx)
        try await DemoPrograms.load(in: ctx)
        try await DemoPartners.load(in: ctx)
        return logins
    }

    struct DemoProblem: Error, CustomStringConvertible {
        let description: String
    }

    /// The demo's own accounts reach the people who try the demo: their contacts count as proven, so notifications
    /// can be seen on every channel without opening links first.
    private func proveDemoContacts(in ctx: Invocation) async throws {
        let emails = Self.staff.map(\.email) + [Self.citizenEmail]
        let unproven = try await Account.query(on: ctx.db).filter(\.$email ~~ emails).filter(\.$emailVerifiedAt == nil).all()
        guard !unproven.isEmpty else { return }
        try await ctx.writes.transaction { db in
            for account in unproven {
                account.emailVerifiedAt = ctx.now
                if account.phone != nil { account.phoneVerifiedAt = ctx.now }
                try await account.update(on: db)
            }
            try await AuditLog.append(AuditDraft(actor: ctx.identity, action: "account.demo_contacts_proven", subjectType: "installation",
                                                 subjectID: "demo", summary: "kontak \(unproven.count) akun demo dianggap terverifikasi",
                                                 reason: "data demo"), on: db, now: ctx.now)
        }
    }
}
