import Foundation

/// The backup file: JSON lines, readable by any tool and the same whichever engine wrote it.
///
///     {"format":"rembuk-backup","version":1,"created":"…","engine":"sqlite","migrations":["M001_…",…]}
///     {"table":"accounts","columns":[{"name":"id","type":"uuid"},…]}
///     ["3f0c…","warga@…",…]                       one line per row, cells in the column order above
///     {"end":"accounts","rows":7,"checksum":"…"}   the row count and the order-free checksum of the table
///     …
///     {"complete":true,"tables":58,"rows":12345}   only a finished backup has this last line
public enum BackupFormat {
    public static let name = "rembuk-backup"
    public static let version = 1

    public struct Header: Codable, Sendable, Equatable {
        public var format = BackupFormat.name
        public var version = BackupFormat.version
        public var created: String
        public var engine: String
        public var migrations: [String]

        public init(created: String, engine: String, migrations: [String]) {
            self.created = created
            self.engine = engine
            self.migrations = migrations
        }
    }

    public struct Column: Codable, Sendable, Equatable {
        public var name: String
        public var type: BackupColumnType
        public init(name: String, type: BackupColumnType) { self.name = name; self.type = type }
    }

    public struct TableStart: Codable, Sendable, Equatable {
        public var table: String
        public var columns: [Column]
        public init(table: String, columns: [Column]) { self.table = table; self.columns = columns }
    }

    public struct TableEnd: Codable, Sendable, Equatable {
        public var end: String
        public var rows: Int
        public var checksum: String
        public init(end: String, rows: Int, checksum: String) { self.end = end; self.rows = rows; self.checksum = checksum }
    }

    public struct Trailer: Codable, Sendable, Equatable {
        public var complete = true
        public var tables: Int
        public var rows: Int
        public init(tables: Int, rows: Int) { self.tables = tables; self.rows = rows }
    }

    public enum Line: Sendable, Equatable {
        case header(Header)
        case tableStart(TableStart)
        case row([BackupValue])
        case tableEnd(TableEnd)
        case trailer(Trailer)
    }

    public struct Malformed: Error, Sendable, Equatable, CustomStringConvertible {
        public let reason: String
        public init(_ reason: String) { self.reason = reason }
        public var description: String { reason }
    }

    /// One line of the file, without its newline.
    public static func line(_ line: Line) -> String {
        if case let .row(values) = line { return rowText(values) }   // the hot path: no encoder for a row
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json(_ value: some Encodable) -> String {
            // The control lines are plain structs of strings and numbers: encoding cannot fail.
            String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
        }
        switch line {
        case let .header(header): return json(header)
        case let .tableStart(start): return json(start)
        case let .tableEnd(end): return json(end)
        case let .trailer(trailer): return json(trailer)
        case .row: return ""   // answered above
        }
    }

    static func rowText(_ values: [BackupValue]) -> String {
        var out = "["
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(",") }
            switch value {
            case .null: out.append("null")
            case let .uuid(id): out.append("\"\(id.uuidString.lowercased())\"")
            case let .time(micros): out.append(String(micros))
            case let .integer(number): out.append(String(number))
            case let .real(number):
                // As text: Foundation's JSON reader on Linux rounds some doubles wrongly; `Double(String)` does not.
                out.append("\"\(number)\"")
            case let .text(text): JSONText.appendQuoted(text, to: &out)
            case let .bytes(bytes): out.append("\"\(Data(bytes).base64EncodedString())\"")
            }
        }
        out.append("]")
        return out
    }

    /// Reads one line; a row line needs the column types of the table it belongs to.
    public static func parse(_ text: Substring, types: [BackupColumnType]) throws -> Line {
        let data = Data(text.utf8)
        if text.first == "[" { return .row(try row(data, types: types)) }
        let decoder = JSONDecoder()
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Malformed("sebuah baris bukan baris data maupun tanda bagian (berkas terpotong atau rusak)")
        }
        do {
            if object["format"] != nil { return .header(try decoder.decode(Header.self, from: data)) }
            if object["table"] != nil { return .tableStart(try decoder.decode(TableStart.self, from: data)) }
            if object["end"] != nil { return .tableEnd(try decoder.decode(TableEnd.self, from: data)) }
            if object["complete"] != nil { return .trailer(try decoder.decode(Trailer.self, from: data)) }
        } catch {
            throw Malformed("tanda bagian tidak lengkap: \(text.prefix(80))")
        }
        throw Malformed("tanda bagian tidak dikenal: \(text.prefix(80))")
    }

    static func row(_ data: Data, types: [BackupColumnType]) throws -> [BackupValue] {
        guard let cells = try? JSONSerialization.jsonObject(with: data) as? [Any] else { throw Malformed("sebuah baris data bukan larik JSON (berkas terpotong atau rusak)") }
        guard cells.count == types.count else { throw Malformed("sebuah baris punya \(cells.count) sel untuk \(types.count) kolom") }
        return try zip(cells, types).map { cell, type in
            if cell is NSNull { return .null }
            switch type {
            case .uuid:
                guard let text = cell as? String, let id = UUID(uuidString: text) else { throw Malformed("bukan UUID: \(cell)") }
                return .uuid(id)
            case .time:
                guard let number = cell as? NSNumber else { throw Malformed("bukan waktu: \(cell)") }
                return .time(number.int64Value)
            case .integer:
                guard let number = cell as? NSNumber else { throw Malformed("bukan bilangan bulat: \(cell)") }
                return .integer(number.int64Value)
            case .real:
                guard let text = cell as? String, let number = Double(text) else { throw Malformed("bukan angka: \(cell)") }
                return .real(number)
            case .text:
                guard let text = cell as? String else { throw Malformed("bukan teks: \(cell)") }
                return .text(text)
            case .bytes:
                guard let text = cell as? String, let bytes = Data(base64Encoded: text) else { throw Malformed("bukan base64: \(cell)") }
                return .bytes(Array(bytes))
            }
        }
    }
}
