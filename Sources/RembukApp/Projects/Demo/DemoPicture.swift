import Foundation

/// Small real PNG pictures for the demo's progress reports: a site seen from the roadside, with the finished
/// stretch of road growing with the reported progress. Written by hand (stored deflate blocks), so the demo
/// needs no image library and its photos are real images a browser shows.
enum DemoPicture {
    static let width = 96, height = 64

    static func site(progress basisPoints: Int, tint: UInt8) -> [UInt8] {
        var rows: [UInt8] = []
        rows.reserveCapacity((width * 3 + 1) * height)
        let done = width * min(max(basisPoints, 0), 10_000) / 10_000
        for y in 0..<height {
            rows.append(0)   // no filter
            for x in 0..<width {
                let pixel: (UInt8, UInt8, UInt8)
                switch y {
                case ..<22: pixel = (UInt8(150 + y * 2), UInt8(190 + y), 235)                         // sky
                case ..<38: pixel = (60, UInt8(120 + (x * 7 + y * 3) % 40), tint)                  // hills, trees
                case ..<52: pixel = x < done ? (70, 72, 78) : (150, 118, 80)                       // asphalt or earth
                default: pixel = (UInt8(90 + (x + y) % 30), UInt8(140 + (x * 3) % 30), 70)         // verge
                }
                rows += [pixel.0, pixel.1, pixel.2]
            }
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png += chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0])
        png += chunk("IDAT", zlibStored(rows))
        png += chunk("IEND", [])
        return png
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    /// A zlib stream of uncompressed deflate blocks (at most 65 535 bytes each).
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let size = min(65_535, data.count - offset)
            let last: UInt8 = offset + size == data.count ? 1 : 0
            out += [last, UInt8(size & 0xFF), UInt8(size >> 8), UInt8(~size & 0xFF), UInt8((~size >> 8) & 0xFF)]
            out += data[offset..<offset + size]
            offset += size
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        return out + bigEndian(b << 16 | a)
    }

    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in data { c = crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
