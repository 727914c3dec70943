import Crypto

/// A checksum of a table's rows that does not depend on their order (the engines return rows in different orders
/// and sort text differently): each row's SHA-256 is added, lane by lane, into four 64-bit sums. Adding the same
/// row twice counts twice, so a duplicated or a missing row changes the sum.
public struct TableChecksum: Sendable, Equatable {
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    public private(set) var rows: Int = 0
    private var buffer: [UInt8] = []

    public init() {}

    /// Adds one row; `values` must be in the same column order every time (the backup sorts columns by name).
    public mutating func add(_ values: [BackupValue]) {
        buffer.removeAll(keepingCapacity: true)
        for value in values { value.appendCanonical(to: &buffer) }
        let digest = Array(SHA256.hash(data: buffer))
        func lane(_ index: Int) -> UInt64 {
            digest[index * 8 ..< index * 8 + 8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }
        lanes.0 &+= lane(0)
        lanes.1 &+= lane(1)
        lanes.2 &+= lane(2)
        lanes.3 &+= lane(3)
        rows += 1
    }

    /// 64 hexadecimal digits.
    public var hex: String {
        [lanes.0, lanes.1, lanes.2, lanes.3].map { lane in
            let digits = String(lane, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }

    public static func == (lhs: TableChecksum, rhs: TableChecksum) -> Bool {
        lhs.rows == rhs.rows && lhs.hex == rhs.hex
    }
}
