import Fluent
import Foundation
import RembukCore

/// Bappeda brings in usulan from a SIPD export (CSV, comma or semicolon). Every row is checked on its own;
/// the good rows enter together in one transaction as submitted usulan, each with its timeline entry and
/// audit record; the report names every row left out and why. A row whose `ID Usulan` was imported before
/// (or is a Rembuk number) is skipped, so importing the same file twice adds nothing.
public struct ImportSIPD {
    public struct Report: Sendable {
        public struct Line: Sendable {
            public var line: Int
            public var reference: String
            public var reasons: [String]
        }
        public var imported: [Line] = []
        public var skipped: [Line] = []
        public var rejected: [Line] = []
        public var fileProblem: String?
    }

    public init() {}

    /// A province's export fits; 100 000 rows take 75–100 s here (docs/PERFORMANCE.md, "Algorithmic budgets").
    static let maximumRows = 100_000

    public func run(csv text: String, in ctx: Invocation) async throws -> Report {
        guard ctx.actor.can(.managePlanning(kabupaten: ctx.settings.kabupaten)) else { throw UserFacingError.forbidden }
        var owner = ctx.principal.accountID
        if owner == nil { owner = try await systemOwner(ctx) }
        guard let owner else { throw UserFacingError.signInRequired }
        var report = Report()
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let separator: Character = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        let rows: [[String]]
        do { rows = try CSV.parse(text, separator: separator) } catch {
            report.fileProblem = "Berkas CSV rusak di baris \(error.line): \(error.message)."
            return report
        }
        guard let header = rows.first else { report.fileProblem = "Berkas kosong."; return report }
        let (columns, missing) = SIPDFormat.columns(of: header)
        guard missing.isEmpty else {
            report.fileProblem = "Kolom wajib tidak ada: " + missing.map(\.rawValue).joined(separator: ", ") + "."
            return report
        }
        guard rows.count - 1 <= Self.maximumRows else {
            report.fileProblem = "Paling banyak \(Self.maximumRows) baris per berkas; pecah berkasnya."
            return report
        }

        let places = try await Places.load(ctx)
        let references = rows.dropFirst().compactMap { row in columns[.id].flatMap { $0 < row.count ? row[$0].trimmingCharacters(in: .whitespaces) : nil } }
        var known: Set<String> = []
        for start in stride(from: 0, to: references.count, by: 5000) {
            let some = Array(references[start..<min(start + 5000, references.count)])
            known.formUnion(try await Usulan.query(on: ctx.db).filter(\.$sourceRef ~~ some).field(\.$id).field(\.$sourceRef).all().compactMap(\.sourceRef))
        }
        let ownNumbers = Set(references.filter { $0.hasPrefix("U-") })
        let existingOwn = ownNumbers.isEmpty ? Set<String>() : Set(try await Usulan.query(on: ctx.db).field(\.$id).all().map(\.number).filter { ownNumbers.contains($0) })
        // Each row is checked on its own, on every core; what depends on the rows before it (a reference seen
        // twice) is decided after, in file order.
        let year = ctx.today.year + 1
        let checked = rows.dropFirst().map { $0 }.concurrentMap { Self.check($0, columns: columns, places: places, owner: owner, year: year) }
        var seen: Set<String> = []
        var accepted: [(line: Int, reference: String, usulan: Usulan, note: String)] = []
        for (offset, row) in checked.enumerated() {
            let line = offset + 2
            guard let row else { continue }
            if known.contains(row.reference) { report.skipped.append(.init(line: line, reference: row.reference, reasons: ["sudah pernah diimpor"])); continue }
            if existingOwn.contains(row.reference) { report.skipped.append(.init(line: line, reference: row.reference, reasons: ["usulan Rembuk sendiri"])); continue }
            var reasons = row.reasons
            if row.referenceIsValid, !seen.insert(row.reference).inserted { reasons.insert("ID Usulan muncul dua kali dalam berkas", at: 0) }
            guard reasons.isEmpty, let usulan = row.usulan else {
                report.rejected.append(.init(line: line, reference: row.reference, reasons: reasons))
                continue
            }
            accepted.append((line, row.reference, usulan, row.note))
        }

        guard !accepted.isEmpty else { return report }
        // Stemming is most of the work per row, and each row's is its own: on every core.
        let terms = accepted.map { ($0.usulan.title, $0.usulan.problem) }.concurrentMap { Usulan.terms(title: $0.0, problem: $0.1, proposal: "") }
        for (item, text) in zip(accepted, terms) { item.usulan.searchTerms = text }
        let identity = ctx.identity
        let now = ctx.now
        let kabupaten = ctx.settings.kabupaten.value
        let batch = accepted
        let summary = "\(batch.count) diimpor, \(report.skipped.count) dilewati, \(report.rejected.count) ditolak"
        for item in batch {
            item.usulan.id = UUID()   // known before the insert: the timeline and audit records name them
            item.usulan.createdAt = now
            item.usulan.updatedAt = now
        }
        let steps = batch.map { UsulanTimeline.entry($0.usulan, step: .submit, from: .draft, to: .diajukan, actor: identity, note: $0.note, now: now) }
        let drafts = steps.map(\.1) + [AuditDraft(actor: identity, action: "usulan.imported", subjectType: "import", subjectID: "sipd",
                                                  regionCode: kabupaten, summary: summary)]
        try await ctx.writes.transaction { db in
            try await BulkInsert.withLargeCache(on: db) {
                try await BulkInsert.insert(batch.map(\.usulan), on: db)
                try await BulkInsert.insert(steps.map(\.0), on: db)
                try await UsulanTermIndex.insert(batch.map(\.usulan), on: db)
                try await Participants.record(batch.map { ($0.usulan.year, $0.usulan.proposerID) }, on: db)
                try await AuditLog.append(contentsOf: drafts, on: db, now: now)
            }
        }
        report.imported = batch.map { .init(line: $0.line, reference: $0.reference, reasons: [$0.usulan.number]) }
        return report
    }

    /// One row, checked: what is wrong with it, or the usulan it makes (nil for a blank row).
    struct CheckedRow: @unchecked Sendable {
        var reference: String
        var referenceIsValid: Bool
        var reasons: [String]
        var usulan: Usulan?
        var note: String
    }

    static func check(_ row: [String], columns: [SIPDFormat.Column: Int], places: Places, owner: UUID, year: Int) -> CheckedRow? {
        func cell(_ column: SIPDFormat.Column) -> String {
            guard let index = columns[column], index < row.count else { return "" }
            return CleanText.line(row[index])
        }
        if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { return nil }
        let reference = cell(.id)
        var reasons: [String] = []
        let referenceIsValid = !reference.isEmpty && reference.count <= 60
        if !referenceIsValid { reasons.append("ID Usulan kosong atau terlalu panjang") }
        let date = SIPDFormat.date(cell(.date))
        if date == nil { reasons.append("Tgl Usul “\(cell(.date))” bukan tanggal (mis. 23/11/2026)") }
        let bidang = SIPDFormat.bidang(urusan: cell(.urusan))
        if bidang == nil { reasons.append("Urusan “\(cell(.urusan))” tidak dikenal") }
        let title = cell(.usulan)
        if !(3...150).contains(title.count) { reasons.append("Usulan harus 3–150 huruf") }
        if columns[.kabupaten] != nil, !cell(.kabupaten).isEmpty, SIPDFormat.placeKey(cell(.kabupaten)) != places.kabupatenKey {
            reasons.append("Kab “\(cell(.kabupaten))” bukan \(places.kabupatenName)")
        }
        let kecamatan = places.kecamatan[SIPDFormat.placeKey(cell(.kecamatan))]
        var desa: Region?
        if let kecamatan {
            desa = places.desa[kecamatan.id ?? ""]?[SIPDFormat.placeKey(cell(.kelurahan))]
            if desa == nil { reasons.append("Kel “\(cell(.kelurahan))” tidak ada di Kecamatan \(kecamatan.name)") }
        } else {
            reasons.append("Kec “\(cell(.kecamatan))” tidak ada di \(places.kabupatenName)")
        }
        var agency = bidang.flatMap { places.routing[$0] } ?? ""
        if !cell(.agency).isEmpty {
            if let found = places.agencies[SIPDFormat.placeKey(cell(.agency))] { agency = found } else { reasons.append("OPD Tujuan “\(cell(.agency))” tidak dikenal") }
        }
        let volume = SIPDFormat.volume(cell(.volume))
        if volume == nil || volume! <= 0 || volume! > 1_000_000 { reasons.append("Volume “\(cell(.volume))” harus angka lebih dari 0") }
        let satuan = cell(.satuan)
        if !(1...30).contains(satuan.count) { reasons.append("Satuan kosong") }
        let amount = SIPDFormat.amount(cell(.budget))
        if amount == nil || amount! <= 0 || amount! > SaveUsulan.maximumCost { reasons.append("Anggaran “\(cell(.budget))” harus rupiah utuh lebih dari 0") }
        guard reasons.isEmpty, let date, let bidang, let desa, let kecamatan, let volume, let amount else {
            return CheckedRow(reference: reference, referenceIsValid: referenceIsValid, reasons: reasons, usulan: nil, note: "")
        }
        let usulan = Usulan()
        usulan.year = year
        usulan.title = title
        usulan.problem = cell(.problem)
        usulan.proposal = title
        usulan.bidang = bidang.rawValue
        usulan.desaCode = desa.id ?? ""
        usulan.kecamatanCode = kecamatan.id ?? ""
        usulan.address = cell(.address)
        usulan.volume = volume
        usulan.satuan = satuan
        usulan.cost = amount
        usulan.beneficiaries = 0
        usulan.proposerID = owner
        usulan.proposerGroup = cell(.proposer)
        usulan.targetAgency = agency
        usulan.status = UsulanStatus.diajukan.rawValue
        usulan.supportCount = 0
        usulan.sourceRef = reference
        usulan.submittedAt = date.startOfDay()
        let note = ["Diimpor dari SIPD (ID \(reference))", cell(.status).isEmpty ? nil : "status di SIPD: \(cell(.status))",
                    cell(.note).isEmpty ? nil : "catatan: \(cell(.note))"].compactMap { $0 }.joined(separator: "; ")
        return CheckedRow(reference: reference, referenceIsValid: referenceIsValid, reasons: [], usulan: usulan, note: note)
    }

    /// From the command line the import is filed under the first Bappeda account.
    private func systemOwner(_ ctx: Invocation) async throws -> UUID? {
        try await RoleGrant.query(on: ctx.db).filter(\.$role == Role.bappeda.rawValue).filter(\.$revokedAt == nil).first()?.$account.id
    }

    /// Names of the kabupaten's places and agencies, keyed loosely (see `SIPDFormat.placeKey`).
    struct Places {
        var kabupatenName: String
        var kabupatenKey: String
        var kecamatan: [String: Region]
        var desa: [String: [String: Region]]
        var agencies: [String: String]
        var routing: [Bidang: String]

        static func load(_ ctx: Invocation) async throws -> Places {
            let code = ctx.settings.kabupaten.value
            let regions = try await Region.query(on: ctx.db).within(code).all()
            let kabupaten = try await Region.find(code, on: ctx.db)
            var kecamatan: [String: Region] = [:]
            var desa: [String: [String: Region]] = [:]
            for region in regions {
                if region.depth == 2 { kecamatan[SIPDFormat.placeKey(region.name)] = region }
                if region.depth == 3, let parent = region.parentCode { desa[parent, default: [:]][SIPDFormat.placeKey(region.name)] = region }
            }
            // An export made before a reorganisation names the old agency: its usulan go to the one that took it over.
            var agencies: [String: String] = [:]
            let all = try await Agency.query(on: ctx.db).filter(\.$kabupatenCode == code).all()
            for agency in all.sorted(by: { $0.active && !$1.active }) {
                guard let target = agency.active ? agency.id : agency.mergedInto else { continue }
                for key in [SIPDFormat.placeKey(agency.name), SIPDFormat.placeKey(agency.shortName)] where agencies[key] == nil { agencies[key] = target }
            }
            let name = kabupaten?.name ?? code
            return Places(kabupatenName: name, kabupatenKey: SIPDFormat.placeKey(name), kecamatan: kecamatan, desa: desa, agencies: agencies,
                          routing: try await AgencyRouting.table(kabupaten: code, on: ctx.db))
        }
    }
}
