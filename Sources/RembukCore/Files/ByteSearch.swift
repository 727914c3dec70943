import Foundation

/// Finding a short run of bytes in a long one with `memchr`/`memcmp`, so a 5 MB photo is scanned in
/// milliseconds even in a debug build (a generic `firstRange(of:)` took seconds for the same file).
public enum ByteSearch {
    /// Where `needle` first starts in `haystack` at or after `from`; nil when it does not occur.
    public static func first(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        guard let base = haystack.baseAddress, let lead = needle.first else { return nil }
        var index = max(0, from)
        while index + needle.count <= haystack.count {
            guard let hit = memchr(base + index, Int32(lead), haystack.count - index) else { return nil }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            guard position + needle.count <= haystack.count else { return nil }
            let same = needle.withUnsafeBufferPointer { memcmp(base + position, $0.baseAddress!, needle.count) == 0 }
            if same { return position }
            index = position + 1
        }
        return nil
    }

    public static func first(_ needle: [UInt8], in haystack: [UInt8], from: Int = 0) -> Int? {
        haystack.withUnsafeBufferPointer { first(needle, in: $0, from: from) }
    }

    /// The bytes with ASCII capitals made small (`<SCRIPT` → `<script`), other bytes as they were.
    public static func asciiLowercased(_ bytes: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { folded, count in
            bytes.withUnsafeBufferPointer { source in
                for index in 0..<source.count {
                    let byte = source[index]
                    folded[index] = byte &- 65 < 26 ? byte | 0x20 : byte
                }
            }
            count = bytes.count
        }
    }
}
