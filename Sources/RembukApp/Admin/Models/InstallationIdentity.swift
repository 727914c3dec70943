import Fluent
import Foundation
import RembukCore
import SQLKit

/// Who the installation speaks for, as Bappeda set it at `/admin/identitas`: the government's name and contacts for
/// letterheads, its logo, and the patterns of document numbers. Read once per page from the `installation` table
/// (a handful of rows), so a change on one instance shows on every other at once.
public struct InstallationIdentity: Sendable {
    public struct Logo: Sendable, Equatable {
        public var sha256: String
        public var kind: LogoImage.Kind
        /// The address never changes what it names: a new logo has a new address.
        public var path: String { SiteRoute.logo(sha256 + "." + kind.fileExtension).path }
    }

    public var letterhead: Letterhead
    public var logo: Logo?
    public var minutesNumber: DocumentNumber
    public var certificateNumber: DocumentNumber

    static let keys: [Installation.Key] = [.government, .address, .phone, .email, .website, .minutesPattern, .certificatePattern,
                                           .logoSHA256, .logoKind]

    /// The identity before Bappeda has written any: the region's name, no contacts, no logo, the default patterns.
    static func initial(regionName: String) -> InstallationIdentity {
        InstallationIdentity(letterhead: Letterhead(government: Letterhead.defaultGovernment(regionName: regionName)), logo: nil,
                             minutesNumber: try! DocumentNumber.parse(DocumentNumber.minutesDefault).get(),
                             certificateNumber: try! DocumentNumber.parse(DocumentNumber.certificateDefault).get())
    }

    static func load(_ settings: Settings, on db: any Database) async throws -> InstallationIdentity {
        let regionName = await Installation.regionName(settings, on: db)
        let rows = try await InstallationValue.query(on: db).filter(\.$id ~~ keys.map(\.rawValue)).all()
        return make(regionName: regionName, values: Dictionary(rows.map { ($0.id ?? "", $0.value) }, uniquingKeysWith: { a, _ in a }))
    }

    static func make(regionName: String, values: [String: String]) -> InstallationIdentity {
        var identity = initial(regionName: regionName)
        func value(_ key: Installation.Key) -> String { values[key.rawValue] ?? "" }
        if !value(.government).isEmpty { identity.letterhead.government = value(.government) }
        identity.letterhead.address = value(.address)
        identity.letterhead.phone = value(.phone)
        identity.letterhead.email = value(.email)
        identity.letterhead.website = value(.website)
        if let pattern = try? DocumentNumber.parse(value(.minutesPattern)).get() { identity.minutesNumber = pattern }
        if let pattern = try? DocumentNumber.parse(value(.certificatePattern)).get() { identity.certificateNumber = pattern }
        if ContentAddress.isValid(value(.logoSHA256)), let kind = LogoImage.Kind(rawValue: value(.logoKind)) {
            identity.logo = Logo(sha256: value(.logoSHA256), kind: kind)
        }
        return identity
    }
}

/// The series documents are numbered in: one counter per kind and year, raised inside the caller's transaction.
enum DocumentSeries: String {
    case minutes = "berita-acara"
    case certificate = "sertifikat"

    /// The next number of the series for `year` (1 for the first). On PostgreSQL the update holds the row till the
    /// transaction ends, so a concurrent closing waits and takes the number after.
    func next(year: Int, on db: any Database) async throws -> Int {
        let sql = db.sql
        try await sql.raw("""
            INSERT INTO document_counters (kind, year, last) VALUES (\(bind: rawValue), \(bind: year), 0) ON CONFLICT (kind, year) DO NOTHING
            """).run()
        struct Row: Decodable { let last: Int }
        guard let row = try await sql.raw("""
            UPDATE document_counters SET last = last + 1 WHERE kind = \(bind: rawValue) AND year = \(bind: year) RETURNING last
            """).first(decoding: Row.self) else { throw DocumentSeriesMissing() }
        return row.last
    }

    struct DocumentSeriesMissing: Error {}
}
