/// The list of perangkat daerah as Bappeda keeps it in a spreadsheet: one row per agency.
/// `kode` is optional (made from the short name), `bidang` lists the sectors it takes by default,
/// `aktif` is `ya` or `tidak` (empty: ya).
public enum AgencyCSV {
    public enum Column: String, Sendable, CaseIterable {
        case kode, nama, singkatan, bidang, aktif
    }

    public static let required: [Column] = [.nama, .singkatan]
    public static let maximumRows = 500
    public static var header: String { CSV.line(Column.allCases.map(\.rawValue)) }

    public struct Entry: Sendable, Equatable {
        public let line: Int
        public let key: String
        public let name: String
        public let shortName: String
        public let sectors: [Bidang]
        public let active: Bool

        public init(line: Int, key: String, name: String, shortName: String, sectors: [Bidang], active: Bool) {
            self.line = line
            self.key = key
            self.name = name
            self.shortName = shortName
            self.sectors = sectors
            self.active = active
        }
    }

    public struct LineProblem: Sendable, Equatable {
        public let line: Int
        public let problems: [Problem]
    }

    /// The wrong lines of a file, in order.
    public struct Refusal: Error, Sendable, Equatable {
        public let lines: [LineProblem]
    }

    public enum Problem: Sendable, Equatable {
        case rule(AgencyRules.Problem)
        case duplicateKey(String, firstLine: Int)
        case sectorTwice(Bidang, firstLine: Int)
    }

    /// Every row checked on its own and against the rows before it; either all entries or the lines that are wrong.
    public static func entries(_ rows: [HeaderedCSV.Row<Column>]) -> Result<[Entry], Refusal> {
        var entries: [Entry] = []
        var wrong: [LineProblem] = []
        var keyLines: [String: Int] = [:]
        var sectorLines: [Bidang: Int] = [:]
        for row in rows {
            var problems: [Problem] = []
            let name = CleanText.line(row[.nama])
            let shortName = CleanText.line(row[.singkatan])
            if !AgencyRules.names.contains(name.count) { problems.append(.rule(.name)) }
            if !AgencyRules.shortNames.contains(shortName.count) { problems.append(.rule(.shortName)) }
            let given = row[.kode].trimmingSpaces()
            let key = AgencyRules.key(given: given, shortName: shortName)
            if key == nil, !given.isEmpty || !problems.contains(.rule(.shortName)) { problems.append(.rule(.key)) }
            var sectors: [Bidang] = []
            switch AgencyRules.sectors(row[.bidang]) {
            case let .success(found): sectors = found
            case let .failure(problem): problems.append(.rule(problem))
            }
            var active = true
            switch AgencyRules.active(row[.aktif]) {
            case let .success(value): active = value
            case let .failure(problem): problems.append(.rule(problem))
            }
            if let key, let first = keyLines[key] { problems.append(.duplicateKey(key, firstLine: first)) }
            if active { for sector in sectors { if let first = sectorLines[sector] { problems.append(.sectorTwice(sector, firstLine: first)) } } }
            guard problems.isEmpty, let key else {
                wrong.append(LineProblem(line: row.line, problems: problems))
                continue
            }
            keyLines[key] = row.line
            if active { for sector in sectors { sectorLines[sector] = row.line } }
            entries.append(Entry(line: row.line, key: key, name: name, shortName: shortName, sectors: sectors, active: active))
        }
        return wrong.isEmpty ? .success(entries) : .failure(Refusal(lines: wrong))
    }

    public static func parse(_ bytes: [UInt8]) -> Result<[HeaderedCSV.Row<Column>], HeaderedCSV.Problem> {
        HeaderedCSV.parse(bytes, required: required, maximumRows: maximumRows)
    }
}
