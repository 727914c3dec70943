import Foundation

/// The kind of a column as a backup sees it, the same on SQLite and PostgreSQL: a boolean is an `integer` (SQLite
/// has no booleans), a timestamp is whole microseconds since 1970 (PostgreSQL's precision).
public enum BackupColumnType: String, Sendable, Codable, CaseIterable {
    case uuid, time, integer, real, text, bytes
}

/// One cell of a backed-up row, in its engine-neutral form.
public enum BackupValue: Sendable, Hashable {
    case null
    case uuid(UUID)
    /// Microseconds since 1970-01-01 UTC.
    case time(Int64)
    case integer(Int64)
    case real(Double)
    case text(String)
    case bytes([UInt8])

    /// A date as a `time` value, rounded to the microsecond.
    public static func time(_ date: Date) -> BackupValue {
        .time(Int64((date.timeIntervalSince1970 * 1_000_000).rounded()))
    }

    /// The date of a `time` value.
    public static func date(microseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(microseconds) / 1_000_000)
    }

    /// Appends a self-delimiting encoding (a tag, then a fixed width or a length-prefixed payload) to `out`, so
    /// the bytes of a row identify its cells unambiguously whatever they contain.
    public func appendCanonical(to out: inout [UInt8]) {
        func length(_ count: Int) { withUnsafeBytes(of: UInt64(count).bigEndian) { out.append(contentsOf: $0) } }
        switch self {
        case .null: out.append(0)
        case let .uuid(id):
            out.append(1)
            withUnsafeBytes(of: id.uuid) { out.append(contentsOf: $0) }
        case let .time(micros):
            out.append(2)
            withUnsafeBytes(of: micros.bigEndian) { out.append(contentsOf: $0) }
        case let .integer(value):
            out.append(3)
            withUnsafeBytes(of: value.bigEndian) { out.append(contentsOf: $0) }
        case let .real(value):
            out.append(4)
            withUnsafeBytes(of: value.bitPattern.bigEndian) { out.append(contentsOf: $0) }
        case let .text(text):
            out.append(5)
            length(text.utf8.count)
            out.append(contentsOf: text.utf8)
        case let .bytes(bytes):
            out.append(6)
            length(bytes.count)
            out.append(contentsOf: bytes)
        }
    }
}
