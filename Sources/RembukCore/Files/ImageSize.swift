/// An image's width and height as its header declares them, read without decoding it. A 5 MB PNG can declare
/// 20 000 × 15 000 pixels (1.2 GB once decoded): every phone that opens it would choke, so such a file is refused.
public struct ImageSize: Sendable, Equatable {
    public let width: Int
    public let height: Int

    /// Far more than any phone camera makes (a 50-megapixel photo is 8 160 × 6 120), far less than a bomb.
    public static let maximumPixels = 60_000_000
    public static let maximumSide = 16_000

    public var pixels: Int { width * height }
    public var isTooLarge: Bool { width > Self.maximumSide || height > Self.maximumSide || pixels > Self.maximumPixels }

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The declared size, or nil when the header does not say (then nothing can be judged and nothing is refused).
    public static func of(_ bytes: [UInt8], kind: FileKind) -> ImageSize? {
        switch kind {
        case .png: png(bytes)
        case .gif: gif(bytes)
        case .jpeg: jpeg(bytes)
        case .webp: webp(bytes)
        case .pdf: nil
        }
    }

    static func big16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
    static func big32(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
    static func little16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
    static func little24(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 }

    /// Signature, then the IHDR chunk: width and height as 32-bit big-endian at bytes 16 and 20.
    static func png(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 24, Array(b[12..<16]) == Array("IHDR".utf8) else { return nil }
        return ImageSize(width: big32(b, 16), height: big32(b, 20))
    }

    /// The logical screen: 16-bit little-endian width and height at bytes 6 and 8.
    static func gif(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 10 else { return nil }
        return ImageSize(width: little16(b, 6), height: little16(b, 8))
    }

    /// Walks the markers to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC): height, then width.
    static func jpeg(_ b: [UInt8]) -> ImageSize? {
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }                  // fill byte
            if marker == 0xD8 || (0xD0...0xD7).contains(marker) { i += 2; continue }
            let length = big16(b, i + 2)
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return ImageSize(width: big16(b, i + 7), height: big16(b, i + 5))
            }
            guard length >= 2 else { return nil }
            i += 2 + length
        }
        return nil
    }

    /// `VP8 ` (lossy: 14-bit sizes after the start code), `VP8L` (lossless: 14-bit sizes packed after 0x2F) or
    /// `VP8X` (extended: 24-bit sizes minus one).
    static func webp(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 30 else { return nil }
        switch String(decoding: b[12..<16], as: UTF8.self) {
        case "VP8 ": return ImageSize(width: little16(b, 26) & 0x3FFF, height: little16(b, 28) & 0x3FFF)
        case "VP8L":
            guard b[20] == 0x2F else { return nil }
            let bits = Int(b[21]) | Int(b[22]) << 8 | Int(b[23]) << 16 | Int(b[24]) << 24
            return ImageSize(width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X": return ImageSize(width: little24(b, 24) + 1, height: little24(b, 27) + 1)
        default: return nil
        }
    }
}
