import Fluent
import Foundation
import RembukCore
import Vapor

/// What the database says about the installation as a whole: which kabupaten/kota it serves, how it was made
/// (`rembuk setup` or the demo), whether it has a Bappeda admin yet.
public enum Installation {
    enum Key: String {
        case kabupaten
        /// `setup` or `demo`.
        case origin
        case planningAgency = "planning_agency"
        // The identity Bappeda keeps at /admin/identitas (InstallationIdentity).
        case government, address, phone, email, website
        case minutesPattern = "minutes_number_pattern"
        case certificatePattern = "certificate_number_pattern"
        case logoSHA256 = "logo_sha256"
        case logoKind = "logo_kind"
    }

    public enum Origin: String, Sendable { case setup, demo }

    static func value(_ key: Key, on db: any Database) async throws -> String? {
        try await InstallationValue.find(key.rawValue, on: db)?.value
    }

    static func record(_ key: Key, _ value: String, on db: any Database) async throws {
        if let row = try await InstallationValue.find(key.rawValue, on: db) {
            row.value = value
            try await row.update(on: db)
        } else {
            try await InstallationValue(key: key.rawValue, value: value).create(on: db)
        }
    }

    public static func origin(on db: any Database) async throws -> Origin? {
        try await value(.origin, on: db).flatMap(Origin.init(rawValue:))
    }

    /// Whether this database is in use: it has accounts, or it was set up for a region.
    public static func isInstalled(on db: any Database) async throws -> Bool {
        if try await Account.query(on: db).count() > 0 { return true }
        return try await value(.kabupaten, on: db) != nil
    }

    /// Whether anyone holds the Bappeda role, so someone can sign in and run the installation.
    public static func hasAdmin(on db: any Database) async throws -> Bool {
        try await RoleGrant.query(on: db).filter(\.$role == Role.bappeda.rawValue).filter(\.$revokedAt == nil).count() > 0
    }

    /// Takes the region and planning agency the database records into the settings. `REMBUK_KABUPATEN`, when given,
    /// must agree: an installation cannot be pointed at another region by its environment.
    public static func adopt(into settings: inout Settings, on db: any Database) async throws {
        if let stored = try await value(.kabupaten, on: db), let code = RegionCode(stored) {
            if settings.kabupatenGiven, settings.kabupaten != code {
                throw Settings.Problem(description: "REMBUK_KABUPATEN is \(settings.kabupaten.value), but this database was set up for \(code.value); " +
                                       "unset REMBUK_KABUPATEN (the database's region is used)")
            }
            settings.kabupaten = code
        }
        if !settings.planningAgencyGiven, let name = try await value(.planningAgency, on: db) { settings.planningAgencyName = name }
        settings.places = try await places(of: settings.kabupaten, on: db)
        settings.regionName = try await Region.find(settings.kabupaten.value, on: db)?.name ?? ""
    }

    /// The kabupaten/kota's name: as adopted, or read now (a database filled after the start, as the demo is).
    static func regionName(_ settings: Settings, on db: any Database) async -> String {
        if !settings.regionName.isEmpty { return settings.regionName }
        return (try? await Region.find(settings.kabupaten.value, on: db))?.name ?? settings.kabupaten.value
    }

    /// Which kinds of place the kabupaten/kota has (the demo's Purwakarta: desa and kelurahan; Kota Bitung: kelurahan).
    static func places(of kabupaten: RegionCode, on db: any Database) async throws -> PlaceWords {
        var kinds = Set(try await Region.query(on: db).within(kabupaten.value).filter(\.$depth == 3).unique().all(\.$kind)
            .compactMap(RegionRecord.Kind.init(rawValue:)))
        if let own = try await Region.find(kabupaten.value, on: db)?.recordKind { kinds.insert(own) }
        return kinds.isEmpty ? .general : PlaceWords.of(kinds)
    }

    /// The demo accounts that still accept the published demo password (the demo's own, by their addresses).
    static func demoPasswordAccounts(in ctx: Invocation) async throws -> [String] {
        let emails = LoadDemoData.staff.map(\.email) + [LoadDemoData.citizenEmail]
        var open: [String] = []
        for account in try await Account.query(on: ctx.db).filter(\.$email ~~ emails).all() {
            guard account.hasPassword, try await ctx.verifyPassword(LoadDemoData.password, hash: account.passwordHash) else { continue }
            open.append(account.email ?? "")
        }
        return open.sorted()
    }
}

/// What `serve` checks before it listens: someone can run the installation, and no published password opens it.
public enum ServeReadiness {
    public static func refusal(_ app: Application) async -> String? {
        guard (try? await Installation.hasAdmin(on: app.db)) == true else {
            return """
                belum ada admin Bappeda di basis data ini, jadi belum ada yang bisa mengelolanya. Pasang Rembuk untuk \
                kabupaten/kota Anda dulu:
                  rembuk setup --kabupaten 71.72 --agency-name "Bappeda Kota Bitung" --admin-name "Nama Admin" \
                --admin-email admin@contoh.go.id --admin-password-file BERKAS
                (tanpa pilihan, rembuk setup menanyakannya satu per satu), atau coba demo Purwakarta: rembuk serve --demo
                """
        }
        guard app.settings.secureCookies else { return nil }
        let open = (try? await Installation.demoPasswordAccounts(in: .system(app))) ?? []
        guard !open.isEmpty else { return nil }
        return """
            REMBUK_BASE_URL memakai https (terbuka untuk umum), tetapi akun demo ini masih masuk dengan kata sandi demo yang \
            diumumkan: \(open.joined(separator: ", ")). Pasang instalasi sungguhan dengan rembuk setup di basis data baru, \
            atau ganti kata sandi akun-akun itu (atau nonaktifkan) sebelum membukanya.
            """
    }
}
