/// A spreadsheet export whose first line names its columns, in any order: comma or semicolon separated (Indonesian
/// Excel writes `;`), UTF-8 or Windows-1252. Column names are matched without case, spaces read as `_`.
public enum HeaderedCSV {
    public struct Row<Column: Hashable & Sendable>: Sendable, Equatable {
        /// The line in the file (the header is line 1).
        public let line: Int
        public let values: [Column: String]

        public init(line: Int, values: [Column: String]) {
            self.line = line
            self.values = values
        }

        public subscript(_ column: Column) -> String { values[column] ?? "" }
    }

    public enum Problem: Error, Sendable, Equatable {
        case encoding(UploadedText.Problem)
        case malformed(line: Int, message: String)
        case missingColumns([String])
        case unknownColumns([String])
        case noRows
        case tooManyRows(Int)
    }

    public static func parse<Column>(_ bytes: [UInt8], required: [Column], maximumRows: Int) -> Result<[Row<Column>], Problem>
    where Column: RawRepresentable & CaseIterable & Hashable & Sendable, Column.RawValue == String {
        let text: String
        switch UploadedText.decode(bytes) {
        case let .success(decoded): text = decoded
        case let .failure(problem): return .failure(.encoding(problem))
        }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let separator: Character = firstLine.contains(";") && !firstLine.contains(",") ? ";" : ","
        let table: [[String]]
        do { table = try CSV.parse(text, separator: separator) } catch { return .failure(.malformed(line: error.line, message: error.message)) }
        guard let head = table.first else { return .failure(.noRows) }
        let names = head.map { $0.trimmingSpaces().lowercased().replacingOccurrences(of: " ", with: "_") }
        let unknown = names.filter { !$0.isEmpty && Column(rawValue: $0) == nil }
        if !unknown.isEmpty { return .failure(.unknownColumns(unknown)) }
        let index = Dictionary(names.enumerated().compactMap { offset, name in Column(rawValue: name).map { ($0, offset) } }, uniquingKeysWith: { a, _ in a })
        let missing = required.filter { index[$0] == nil }.map(\.rawValue)
        if !missing.isEmpty { return .failure(.missingColumns(missing)) }
        var rows: [Row<Column>] = []
        for (offset, fields) in table.dropFirst().enumerated() {
            if fields.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            var values: [Column: String] = [:]
            for (column, position) in index where position < fields.count { values[column] = fields[position].trimmingSpaces() }
            rows.append(Row(line: offset + 2, values: values))
        }
        if rows.isEmpty { return .failure(.noRows) }
        if rows.count > maximumRows { return .failure(.tooManyRows(rows.count)) }
        return .success(rows)
    }
}
