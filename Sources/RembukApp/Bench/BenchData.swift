import Fluent
import Foundation
import RembukCore
import Vapor

/// Makes a large, realistic, deterministic installation for benchmarks: regions of the chosen scope, citizens,
/// usulan with long Indonesian texts skewed over desa, supports skewed over usulan (counts exact), timelines,
/// photos, projects with reports, and an audit trail whose chain verifies. Rows go in as multi-row inserts in
/// transactions of ten thousand with a large page cache (`load`), so the national scale takes minutes.
public struct BenchData {
    public let scale: BenchScale
    public let seed: UInt64
    /// Called with a line per phase ("usulan: 20 000 in 3.1 s").
    public var report: @Sendable (String) -> Void = { _ in }

    public init(scale: BenchScale, seed: UInt64, report: @escaping @Sendable (String) -> Void = { _ in }) {
        self.scale = scale
        self.seed = seed
        self.report = report
    }

    public struct Summary: Sendable, Equatable {
        public var desa = 0
        public var accounts = 0
        public var usulan = 0
        public var supports = 0
        public var projects = 0
        public var reports = 0
        public var auditRecords = 0
        /// The desa forum in session that the scoring scenario fills in.
        public var scoringForum: UUID?
    }

    static let loadedTables = ["accounts", "usulan", "usulan_events", "usulan_terms", "usulan_supports", "participants",
                               "projects", "project_reports", "attachments", "audit_records"]

    /// Rows per transaction (regions and photos, written with Fluent's own batch create, go 500 at a time).
    static let batch = 10_000
    static let smallBatch = 500
    static let statuses: [(UsulanStatus, [UsulanStep])] = [
        (.diajukan, [.submit]), (.diajukan, [.submit]), (.diajukan, [.submit]), (.diverifikasi, [.submit, .verify]),
        (.diverifikasi, [.submit, .verify]), (.disepakatiDesa, [.submit, .verify, .agreeAtDesa]), (.ditolak, [.submit, .reject]),
        (.diteruskan, [.submit, .verify, .agreeAtDesa, .forward]),
    ]

    public func run(on app: Application) async throws -> Summary {
        var random = SplitMix64(state: seed)
        var summary = Summary()
        let now = Date()
        let desa = try await timed("regions") { try await loadRegions(app) }
        summary.desa = desa.count
        guard !desa.isEmpty else { throw UserFacingError(.badRequest, Phrase("Tidak ada desa untuk data uji.", "No villages to generate for.")) }

        // The big tables' own indexes are built once at the end, from all their rows (SecondaryIndexes).
        let indexes = try await timed("indexes dropped") {
            try await app.writes.transaction { db in try await SecondaryIndexes.drop(on: Self.loadedTables, in: db) }
        }

        // Citizens: one password hash for all, so writes can sign in as anyone.
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(BenchScale.password).get()
        var accounts: [UUID] = []
        accounts.reserveCapacity(scale.accounts)
        let phoneBase = 10_000_000 + Int(seed % 1_000) * 100_000
        try await timed("accounts \(scale.accounts)") {
            for start in stride(from: 0, to: scale.accounts, by: Self.batch) {
                let rows: [Account] = (start..<min(start + Self.batch, scale.accounts)).map { index in
                    let account = Account(id: random.uuid(), name: random.pick(BenchText.firstNames) + " " + random.pick(BenchText.lastNames),
                                          email: nil, phone: "+62857\(phoneBase + index)", passwordHash: hash)
                    account.notifyEmail = false
                    account.createdAt = now
                    account.updatedAt = now
                    return account
                }
                accounts += rows.compactMap(\.id)
                try await Self.load(app) { db in try await BulkInsert.insert(rows, on: db) }
            }
        }
        summary.accounts = accounts.count

        // Supports first (as index pairs), so each usulan's count is known and exact when it is written.
        var counts = [Int](repeating: 0, count: scale.usulan)
        var pairs = Set<UInt64>()
        pairs.reserveCapacity(scale.supports)
        var tries = 0
        while pairs.count < scale.supports, tries < scale.supports * 3 {
            tries += 1
            let usulan = random.skewed(scale.usulan, power: 3)
            let account = Int(random.next() % UInt64(accounts.count))
            if pairs.insert(UInt64(usulan) << 32 | UInt64(account)).inserted { counts[usulan] += 1 }
        }

        var ids: [UUID] = []
        ids.reserveCapacity(scale.usulan)
        let year = LocalDate(now).year + 1
        try await timed("usulan \(scale.usulan) with timelines") {
            // A batch is written while the next one is made (a core each).
            var writing: Task<Void, any Error>?
            for start in stride(from: 0, to: scale.usulan, by: Self.batch) {
                var rows: [Usulan] = []
                var events: [UsulanEvent] = []
                for index in start..<min(start + Self.batch, scale.usulan) {
                    let (usulan, steps) = makeUsulan(index: index, support: counts[index], year: year, desa: desa, accounts: accounts, now: now, random: &random)
                    rows.append(usulan)
                    var from = UsulanStatus.draft
                    for (offset, step) in steps.enumerated() {
                        let to = UsulanWorkflow.next(step, from: from) ?? from
                        let event = UsulanEvent()
                        event.id = random.uuid()
                        event.$usulan.id = usulan.id!
                        event.step = step.rawValue
                        event.fromStatus = from.rawValue
                        event.toStatus = to.rawValue
                        event.actorLabel = offset == 0 ? Principal.citizenLabel(usulan.proposerID) : "Operator Desa (Operator desa/kelurahan)"
                        event.reasonCode = step == .reject ? "bukan_kewenangan" : nil
                        event.note = offset == 0 ? "" : "Diperiksa di lokasi bersama ketua RT."
                        event.changedVolume = nil
                        event.changedCost = nil
                        event.relatedUsulan = nil
                        event.at = usulan.submittedAt!.addingTimeInterval(Double(offset) * 86_400 * 3)
                        events.append(event)
                        from = to
                    }
                }
                ids += rows.compactMap(\.id)
                let terms = rows.concurrentMap(chunk: 256) { Usulan.terms(title: $0.title, problem: $0.problem, proposal: $0.proposal) }
                for (usulan, text) in zip(rows, terms) { usulan.searchTerms = text }
                try await writing?.value
                let (batch, timeline) = (rows, events)
                writing = Task {
                    try await Self.load(app) { db in
                        try await BulkInsert.insert(batch, on: db)
                        try await UsulanTermIndex.insert(batch, on: db)
                        try await Participants.record(batch.map { ($0.year, $0.proposerID) }, on: db)
                        try await BulkInsert.insert(timeline, on: db)
                    }
                }
            }
            try await writing?.value
        }
        summary.usulan = ids.count

        let ordered = pairs.sorted()
        try await timed("supports \(ordered.count)") {
            for start in stride(from: 0, to: ordered.count, by: Self.batch * 4) {
                let rows: [UsulanSupport] = ordered[start..<min(start + Self.batch * 4, ordered.count)].map { pair in
                    let support = UsulanSupport(usulanID: ids[Int(pair >> 32)], accountID: accounts[Int(pair & 0xFFFF_FFFF)])
                    support.id = random.uuid()
                    support.createdAt = now
                    return support
                }
                let taking = rows.map { (year, $0.accountID) }
                try await Self.load(app) { db in
                    try await BulkInsert.insert(rows, on: db)
                    try await Participants.record(taking, on: db)
                }
            }
        }
        summary.supports = ordered.count

        try await timed("photos") { try await attachPhotos(app, usulan: ids, owners: accounts, random: &random) }
        if let admin = try await Account.query(on: app.db).filter(\.$email == "admin@rembuk.test").first()?.requireID() {
            summary.scoringForum = try await timed("a desa forum in session") { try await makeScoringForum(app, year: year, runner: admin, now: now) }
        }
        let (projects, reports) = try await timed("projects \(scale.projects) with reports") {
            try await makeProjects(app, desa: desa, creator: accounts[0], year: year - 1, now: now, random: &random)
        }
        summary.projects = projects
        summary.reports = reports
        summary.auditRecords = try await timed("audit trail \(scale.auditRecords)") {
            try await appendAudit(app, usulan: ids, accounts: accounts, now: now, random: &random)
        }
        try await timed("\(indexes.count) indexes built") {
            try await Self.load(app) { db in try await SecondaryIndexes.create(indexes, tables: Self.loadedTables, in: db) }
        }
        return summary
    }

    /// One transaction of a bulk load; on SQLite with a 512 MB page cache, so the indexes of a million rows are not
    /// written out and read back in the middle of it (a seventh of the time at scale L).
    static func load(_ app: Application, _ body: @escaping @Sendable (any Database) async throws -> Void) async throws {
        try await app.writes.transaction { db in try await BulkInsert.withLargeCache(on: db, megabytes: 512) { try await body(db) } }
    }

    func timed<T>(_ label: String, _ body: () async throws -> T) async throws -> T {
        let start = Date()
        let result = try await body()
        report(String(format: "%@: %.1f s", label, Date().timeIntervalSince(start)))
        return result
    }

    /// The desa of the scope, loading the regions that are missing from the national list.
    func loadRegions(_ app: Application) async throws -> [(code: String, kecamatan: String)] {
        let prefix: String = switch scale.regions {
        case .kabupaten: app.settings.kabupaten.value + "."
        case .province: (app.settings.kabupaten.parent?.value ?? "32") + "."
        case .nation: ""
        }
        if scale.regions != .kabupaten {
            let population = try RegionCatalog.population()
            let existing = Set(try await Region.query(on: app.db).all(\.$id).compactMap { $0 })
            let missing = try RegionCatalog.national().filter { ($0.code.value.hasPrefix(prefix) || prefix.isEmpty) && !existing.contains($0.code.value) }
                .sorted { $0.code.value.count < $1.code.value.count }
            for start in stride(from: 0, to: missing.count, by: Self.smallBatch) {
                let rows = missing[start..<min(start + Self.smallBatch, missing.count)].map { Region(record: $0, population: population[$0.code]?.total) }
                try await app.writes.transaction { db in try await rows.create(on: db) }
            }
        }
        let depth = RegionCode.Level.desa.depth
        let query = Region.query(on: app.db).filter(\.$depth == depth)
        if !prefix.isEmpty { query.filter(\.$id =~ prefix) }
        return try await query.sort(\.$id).all().compactMap { region in
            guard let code = region.id, let parent = region.parentCode else { return nil }
            return (code, parent)
        }
    }

    func makeUsulan(index: Int, support: Int, year: Int, desa: [(code: String, kecamatan: String)], accounts: [UUID], now: Date,
                    random: inout SplitMix64) -> (Usulan, [UsulanStep]) {
        let place = desa[random.skewed(desa.count, power: 2.5)]
        let (object, bidang) = random.pick(BenchText.objects)
        let (status, steps) = support > 0 && random.unit() < 0.3 ? Self.statuses[0] : random.pick(Self.statuses)
        let usulan = Usulan()
        usulan.id = random.uuid()
        usulan.createdAt = now
        usulan.updatedAt = now
        usulan.year = year
        usulan.title = "\(random.pick(BenchText.works)) \(object) \(random.pick(BenchText.places)) RT \(String(format: "%02d", 1 + index % 12))"
        usulan.problem = BenchText.paragraph(&random, from: BenchText.problems, count: 3 + Int(random.next() % 4))
        usulan.proposal = BenchText.paragraph(&random, from: BenchText.proposals, count: 2 + Int(random.next() % 3))
        usulan.bidang = bidang
        usulan.desaCode = place.code
        usulan.kecamatanCode = place.kecamatan
        usulan.address = random.pick(BenchText.places)
        usulan.rt = 1 + index % 12
        usulan.rw = 1 + index % 5
        usulan.latitude = nil
        usulan.longitude = nil
        usulan.volume = Double(10 + random.next() % 500)
        usulan.satuan = "m"
        usulan.cost = Int64(5 + random.next() % 495) * 1_000_000
        usulan.beneficiaries = Int(20 + random.next() % 800)
        usulan.proposerID = accounts[Int(random.next() % UInt64(accounts.count))]
        usulan.proposerGroup = index % 3 == 0 ? "Warga RT \(1 + index % 12)" : ""
        usulan.targetAgency = "dinas-pupr"
        usulan.status = status.rawValue
        usulan.supportCount = support
        usulan.mergedInto = nil
        usulan.searchTerms = ""   // set for the whole batch on every core
        usulan.submittedAt = now.addingTimeInterval(-Double(random.next() % (300 * 86_400)))
        usulan.hiddenAt = nil
        usulan.hiddenReason = nil
        usulan.kamusID = nil
        usulan.sourceRef = nil
        usulan.pokirMember = nil
        usulan.pokirDapil = nil
        usulan.enteredBy = nil
        return (usulan, steps)
    }

    /// One usulan in fifty has a photo; forty small pictures are shared (content-addressed, stored once).
    func attachPhotos(_ app: Application, usulan: [UUID], owners: [UUID], random: inout SplitMix64) async throws {
        let pictures = (0..<40).map { tint in DemoPicture.site(progress: tint * 250, tint: UInt8(tint * 6)) }
        let blobs = pictures.map { (sha: KeyedDigest.sha256Hex($0), size: $0.count) }
        try await app.writes.transaction { db in
            for (bytes, blob) in zip(pictures, blobs) where try await Blob.find(blob.sha, on: db) == nil {
                let row = Blob()
                row.id = blob.sha
                row.mediaType = "image/png"
                row.byteCount = bytes.count
                row.data = Data(bytes)
                try await row.create(on: db)
            }
        }
        let chosen = usulan.enumerated().filter { $0.offset % 50 == 7 }.map(\.element)
        for start in stride(from: 0, to: chosen.count, by: Self.smallBatch) {
            let rows: [Attachment] = chosen[start..<min(start + Self.smallBatch, chosen.count)].map { id in
                let blob = random.pick(blobs)
                let attachment = Attachment()
                attachment.id = random.uuid()
                attachment.blobSHA256 = blob.sha
                attachment.ownerID = random.pick(owners)
                attachment.subjectType = "usulan"
                attachment.subjectID = id.uuidString
                attachment.filename = "lokasi.png"
                attachment.mediaType = "image/png"
                attachment.byteCount = blob.size
                return attachment
            }
            try await app.writes.transaction { db in try await rows.create(on: db) }
        }
    }

    func makeProjects(_ app: Application, desa: [(code: String, kecamatan: String)], creator: UUID, year: Int, now: Date,
                      random: inout SplitMix64) async throws -> (Int, Int) {
        let agencies = try await Agency.query(on: app.db).all(\.$id).compactMap { $0 }
        guard !agencies.isEmpty else { return (0, 0) }
        var made = 0, reports = 0
        for start in stride(from: 0, to: scale.projects, by: Self.batch) {
            var rows: [Project] = []
            var lines: [ProjectReport] = []
            for index in start..<min(start + Self.batch, scale.projects) {
                let place = desa[random.skewed(desa.count, power: 2)]
                let (object, bidang) = random.pick(BenchText.objects)
                let project = Project()
                project.id = random.uuid()
                project.year = year
                project.title = "\(random.pick(BenchText.works)) \(object) \(random.pick(BenchText.places))"
                project.description = BenchText.paragraph(&random, from: BenchText.proposals, count: 3)
                project.agency = random.pick(agencies)
                project.bidang = bidang
                project.subKegiatan = String(format: "1.03.10.2.01.%04d", index % 10_000)
                project.nomenclature = "Pembangunan dan rehabilitasi " + object
                project.fundingSource = FundingSource.apbd.rawValue
                project.pagu = Int64(50 + random.next() % 950) * 1_000_000
                project.contractor = "CV Karya Mandiri \(index % 97)"
                project.desaCode = place.code
                project.kecamatanCode = place.kecamatan
                project.latitude = nil
                project.longitude = nil
                project.plannedStart = LocalDate(year: year, month: 3, day: 1)!.iso
                project.plannedEnd = LocalDate(year: year, month: 11, day: 30)!.iso
                project.heldFrom = nil
                project.createdBy = creator
                let count = Int(random.next() % 5)
                var progress = 0
                var realised: Int64 = 0
                for n in 0..<count {
                    progress = min(10_000, progress + 1_000 + Int(random.next() % 2_500))
                    let report = ProjectReport()
                    report.id = random.uuid()
                    report.$project.id = project.id!
                    report.reportedOn = LocalDate(year: year, month: 4 + n * 2, day: 15)!.iso
                    report.progress = progress
                    realised = project.pagu * Int64(progress) / 10_000 * 9 / 10
                    report.realised = realised
                    report.notes = BenchText.paragraph(&random, from: BenchText.proposals, count: 2)
                    report.problems = ""
                    report.reason = ""
                    report.actorLabel = "Staf OPD (Staf perangkat daerah)"
                    report.createdMillis = now.millis - Int64(count - n) * 86_400_000
                    lines.append(report)
                }
                project.status = (progress >= 10_000 ? ProjectStatus.selesai : count == 0 ? .perencanaan : .pelaksanaan).rawValue
                project.progress = progress
                project.realised = realised
                project.lastReportAt = count == 0 ? nil : now
                rows.append(project)
            }
            made += rows.count
            reports += lines.count
            let (batch, reported) = (rows, lines)
            try await Self.load(app) { db in
                try await BulkInsert.insert(batch, on: db)
                try await BulkInsert.insert(reported, on: db)
            }
        }
        return (made, reports)
    }

    /// Continues the installation's chain with records of the usulan submitted and supported; every hash links.
    func appendAudit(_ app: Application, usulan: [UUID], accounts: [UUID], now: Date, random: inout SplitMix64) async throws -> Int {
        let head = try await AuditLog.head(on: app.db)
        var sequence = head?.id ?? 0
        var previous = head?.hash ?? AuditEntry.genesisHash
        var millis = max(head?.occurredAtMillis ?? 0, now.millis - Int64(scale.auditRecords) * 1_000)
        var buffer: [UInt8] = []
        for start in stride(from: 0, to: scale.auditRecords, by: Self.batch * 2) {
            var entries: [AuditEntry] = []
            var hashes: [String] = []
            for index in start..<min(start + Self.batch * 2, scale.auditRecords) {
                sequence += 1
                millis += 1 + Int64(random.next() % 1_000)
                let citizen = accounts[Int(random.next() % UInt64(accounts.count))]
                let subject = usulan[index % usulan.count]
                let submit = index % 3 == 0
                let entry = AuditEntry(sequence: sequence, occurredAtMillis: millis, actorID: citizen.uuidString,
                                       actorLabel: Principal.citizenLabel(citizen), action: submit ? "usulan.submit" : "usulan.supported",
                                       subjectType: "usulan", subjectID: subject.uuidString, regionCode: "",
                                       summary: submit ? "usulan diajukan" : "", reason: "", previousHash: previous)
                previous = entry.hash(reusing: &buffer)
                entries.append(entry)
                hashes.append(previous)
            }
            let (batch, links) = (entries, hashes)
            try await Self.load(app) { db in try await AuditLog.store(batch, hashes: links, on: db) }
        }
        return scale.auditRecords
    }
}
