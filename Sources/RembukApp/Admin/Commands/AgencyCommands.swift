import Fluent
import Foundation
import RembukCore

/// How an agency change reads in the public trail.
enum AgencyAudit {
    static func summary(name: String, shortName: String, sectors: [Bidang], active: Bool = true) -> String {
        let taking = sectors.isEmpty ? "tanpa bidang bawaan" : "bidang: " + sectors.map(\.rawValue).joined(separator: ", ")
        return "\(shortName) — \(name); \(taking)" + (active ? "" : "; nonaktif")
    }

    static func append(_ action: String, _ agency: Agency, reason: String = "", in ctx: Invocation, on db: any Database) async throws {
        try await AuditLog.append(AuditDraft(actor: ctx.identity, action: action, subjectType: "agency", subjectID: agency.id ?? "",
                                             regionCode: agency.kabupatenCode,
                                             summary: summary(name: agency.name, shortName: agency.shortName, sectors: agency.sectors, active: agency.active),
                                             reason: reason), on: db, now: ctx.now)
    }

    /// Sectors that another active agency of the kabupaten already takes, with that agency's short name.
    static func taken(_ sectors: [Bidang], except key: String?, kabupaten: String, on db: any Database) async throws -> [(Bidang, String)] {
        taken(sectors, among: try await Agency.query(on: db).filter(\.$kabupatenCode == kabupaten).filter(\.$active == true).all()
            .filter { $0.id != key })
    }

    /// Of `sectors`, those one of `holders` takes, with its short name.
    static func taken(_ sectors: [Bidang], among holders: [Agency]) -> [(Bidang, String)] {
        sectors.compactMap { sector in holders.first { $0.active && $0.sectors.contains(sector) }.map { (sector, $0.shortName) } }
    }

    static func phrase(_ problem: AgencyRules.Problem) -> Phrase {
        switch problem {
        case .name: Phrase("Tulis nama lengkap perangkat daerah, \(AgencyRules.names.lowerBound)–\(AgencyRules.names.upperBound) huruf.",
                           "Enter the agency's full name, \(AgencyRules.names.lowerBound)–\(AgencyRules.names.upperBound) characters.")
        case .shortName: Phrase("Tulis singkatannya, \(AgencyRules.shortNames.lowerBound)–\(AgencyRules.shortNames.upperBound) huruf (misalnya Dinas PUPR).",
                                "Enter its short name, \(AgencyRules.shortNames.lowerBound)–\(AgencyRules.shortNames.upperBound) characters (e.g. Dinas PUPR).")
        case .key: Phrase("Kode hanya huruf kecil, angka dan tanda minus (misalnya dinas-pupr), \(AgencyRules.keys.lowerBound)–\(AgencyRules.keys.upperBound) karakter.",
                          "The key is lower-case letters, digits and dashes (e.g. dinas-pupr), \(AgencyRules.keys.lowerBound)–\(AgencyRules.keys.upperBound) characters.")
        case let .unknownSector(word): Phrase("Bidang “\(word)” tidak dikenal. Bidang: \(Bidang.allCases.map(\.rawValue).joined(separator: ", ")).",
                                              "Unknown sector “\(word)”. Sectors: \(Bidang.allCases.map(\.rawValue).joined(separator: ", ")).")
        case let .active(text): Phrase("Kolom aktif berisi “\(text)”; isi ya atau tidak.", "The aktif column says “\(text)”; write ya or tidak.")
        }
    }

    static func takenPhrase(_ taken: [(Bidang, String)]) -> Phrase {
        let id = taken.map { "\($0.0.label(.id)) sudah ditangani \($0.1)" }.joined(separator: "; ")
        let en = taken.map { "\($0.0.label(.en)) is already taken by \($0.1)" }.joined(separator: "; ")
        return Phrase("\(id). Lepaskan bidang itu di sana dulu, atau gabungkan kedua perangkat daerah.",
                      "\(en). Release the sector there first, or merge the two agencies.")
    }
}

/// Bappeda adds a perangkat daerah or changes one: its names (after a reorganisation), the sectors it takes by
/// default, whether it is active. The key stays, so history keeps pointing at it.
struct SaveAgency {
    struct Input: Codable, Sendable {
        var key: String?
        var name: String?
        var short_name: String?
        var sectors: [String]?
        var active: String?
        var reason: String?
    }

    enum Outcome {
        case saved(String)
        case invalid(FormErrors)
    }

    func run(_ input: Input, editing existingKey: String?, in ctx: Invocation) async throws -> Outcome {
        guard ctx.principal.accountID != nil || ctx.identity == .system else { throw UserFacingError.signInRequired }
        try StaffRules.requireAdmin(ctx)
        let kabupaten = ctx.settings.kabupaten.value
        var existing: Agency?
        if let existingKey {
            guard let found = try await Agency.find(existingKey, on: ctx.db), found.kabupatenCode == kabupaten else { throw UserFacingError.notFound }
            existing = found
        }
        var errors = FormErrors()
        let name = CleanText.line(input.name ?? "")
        let shortName = CleanText.line(input.short_name ?? "")
        if !AgencyRules.names.contains(name.count) { errors.add("name", AgencyAudit.phrase(.name)) }
        if !AgencyRules.shortNames.contains(shortName.count) { errors.add("short_name", AgencyAudit.phrase(.shortName)) }
        var key = existing?.id
        if existing == nil {
            let given = (input.key ?? "").trimmingCharacters(in: .whitespaces)
            key = AgencyRules.key(given: given, shortName: shortName)
            if key == nil, errors["short_name"] == nil || !given.isEmpty { errors.add("key", AgencyAudit.phrase(.key)) }
            if let key, try await Agency.find(key, on: ctx.db) != nil {
                errors.add("key", Phrase("Kode \(key) sudah dipakai perangkat daerah lain; pilih kode lain.", "The key \(key) is taken; choose another."))
            }
        }
        let sectors = (input.sectors ?? []).compactMap(Bidang.init(rawValue:))
        let active = existing == nil || input.active == "on"
        if existing?.mergedInto != nil, active {
            errors.add("active", Phrase("Perangkat daerah ini sudah digabung; tidak bisa diaktifkan lagi.", "This agency was merged; it cannot be made active again."))
        }
        if active {
            let taken = try await AgencyAudit.taken(sectors, except: key, kabupaten: kabupaten, on: ctx.db)
            if !taken.isEmpty { errors.add("sectors", AgencyAudit.takenPhrase(taken)) }
        }
        let reason = CleanText.line(input.reason ?? "")
        if reason.count > 300 { errors.add("reason", Phrase("Alasan paling banyak 300 huruf.", "The reason is at most 300 characters.")) }
        guard errors.isEmpty, let key else { return .invalid(errors) }
        let agency = existing ?? Agency(slug: key, name: name, shortName: shortName, kabupatenCode: kabupaten)
        if existing != nil, agency.name == name, agency.shortName == shortName, agency.sectors == sectors, agency.active == active {
            return .saved(key)   // nothing changed: nothing to record
        }
        agency.name = name
        agency.shortName = shortName
        agency.sectors = active ? sectors : []
        agency.active = active
        let isNew = existing == nil
        do {
            try await ctx.writes.transaction { db in
                if isNew { try await agency.create(on: db) } else { try await agency.update(on: db) }
                try await AgencyAudit.append(isNew ? "agency.created" : "agency.updated", agency, reason: reason, in: ctx, on: db)
            }
        } catch where error.isConstraintFailure {
            errors.add("key", Phrase("Kode \(key) baru saja dipakai; pilih kode lain.", "The key \(key) was just taken; choose another."))
            return .invalid(errors)
        }
        return .saved(key)
    }
}

/// Bappeda loads its list of perangkat daerah from a spreadsheet: new keys are added, known keys updated.
/// All rows or none: a file with a wrong line changes nothing and names every wrong line.
struct ImportAgencies {
    enum Outcome {
        case imported(created: Int, updated: Int, unchanged: Int)
        case refused([Phrase])
    }

    func run(_ bytes: [UInt8], in ctx: Invocation) async throws -> Outcome {
        guard ctx.principal.accountID != nil || ctx.identity == .system else { throw UserFacingError.signInRequired }
        try StaffRules.requireAdmin(ctx)
        let rows: [HeaderedCSV.Row<AgencyCSV.Column>]
        switch AgencyCSV.parse(bytes) {
        case let .success(parsed): rows = parsed
        case let .failure(problem):
            return .refused([CSVProblemText.phrase(problem, columns: AgencyCSV.Column.allCases.map(\.rawValue), maximumRows: AgencyCSV.maximumRows,
                                                   rows: Phrase("perangkat daerah", "agency"))])
        }
        let entries: [AgencyCSV.Entry]
        switch AgencyCSV.entries(rows) {
        case let .success(found): entries = found
        case let .failure(refusal): return .refused(refusal.lines.map(Self.phrase))
        }
        let kabupaten = ctx.settings.kabupaten.value
        let stored = try await Agency.query(on: ctx.db).all()
        let byKey = Dictionary(stored.map { ($0.id ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        var refusals: [Phrase] = []
        let inFile = Set(entries.map(\.key))
        // A sector may still be held by an agency the file leaves out.
        let holders = stored.filter { $0.active && $0.kabupatenCode == kabupaten && !inFile.contains($0.id ?? "") }
        for entry in entries {
            if let agency = byKey[entry.key] {
                if agency.kabupatenCode != kabupaten {
                    refusals.append(Phrase("Baris \(entry.line): kode \(entry.key) milik wilayah lain.", "Line \(entry.line): the key \(entry.key) belongs to another region."))
                } else if agency.mergedInto != nil, entry.active {
                    refusals.append(Phrase("Baris \(entry.line): \(agency.shortName) sudah digabung; tulis aktif = tidak atau hapus barisnya.",
                                           "Line \(entry.line): \(agency.shortName) was merged; write aktif = tidak or remove the line."))
                }
            }
            guard entry.active else { continue }
            let taken = AgencyAudit.taken(entry.sectors, among: holders)
            if !taken.isEmpty {
                let phrase = AgencyAudit.takenPhrase(taken)
                refusals.append(Phrase("Baris \(entry.line): \(phrase.id)", "Line \(entry.line): \(phrase.en)"))
            }
        }
        guard refusals.isEmpty else { return .refused(refusals) }
        return try await ctx.writes.transaction { db in
            var created = 0, updated = 0, unchanged = 0
            for entry in entries {
                if let agency = byKey[entry.key] {
                    let sectors = entry.active ? entry.sectors : []
                    guard agency.name != entry.name || agency.shortName != entry.shortName || agency.sectors != sectors || agency.active != entry.active else {
                        unchanged += 1
                        continue
                    }
                    agency.name = entry.name
                    agency.shortName = entry.shortName
                    agency.sectors = sectors
                    agency.active = entry.active
                    try await agency.update(on: db)
                    try await AgencyAudit.append("agency.updated", agency, reason: "impor CSV baris \(entry.line)", in: ctx, on: db)
                    updated += 1
                } else {
                    let agency = Agency(slug: entry.key, name: entry.name, shortName: entry.shortName, kabupatenCode: kabupaten,
                                        sectors: entry.active ? entry.sectors : [], active: entry.active)
                    try await agency.create(on: db)
                    try await AgencyAudit.append("agency.created", agency, reason: "impor CSV baris \(entry.line)", in: ctx, on: db)
                    created += 1
                }
            }
            return .imported(created: created, updated: updated, unchanged: unchanged)
        }
    }

    static func phrase(_ line: AgencyCSV.LineProblem) -> Phrase {
        let parts = line.problems.map { problem -> Phrase in
            switch problem {
            case let .rule(rule): AgencyAudit.phrase(rule)
            case let .duplicateKey(key, first): Phrase("kode \(key) sudah dipakai di baris \(first)", "the key \(key) is used on line \(first) already")
            case let .sectorTwice(sector, first): Phrase("bidang \(sector.rawValue) sudah diambil baris \(first)", "the sector \(sector.rawValue) is taken on line \(first) already")
            }
        }
        return Phrase("Baris \(line.line): " + parts.map(\.id).joined(separator: "; "), "Line \(line.line): " + parts.map(\.en).joined(separator: "; "))
    }
}
