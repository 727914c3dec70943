/// A secret written into pages as a fresh random pad followed by the secret XOR that pad, so the bytes differ in
/// every response and a compressed page's length cannot be used to guess the secret byte by byte (BREACH).
/// Any masked form of the secret unmasks to it. Text is base64url without padding: 16 bytes → 43 characters.
public enum MaskedToken {
    public static func mask(_ secret: [UInt8], pad: [UInt8]) -> String {
        precondition(pad.count == secret.count, "the pad is as long as the secret")
        return Base64URL.encode(pad + zip(pad, secret).map { $0 ^ $1 })
    }

    /// A pad of `count` bytes from the system's secure generator.
    public static func pad(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// The secret inside a masked token, or nil when the text is not a masked token of that length.
    public static func unmask(_ text: String, length: Int) -> [UInt8]? {
        guard let bytes = Base64URL.decode(text), bytes.count == 2 * length else { return nil }
        return zip(bytes.prefix(length), bytes.suffix(length)).map { $0 ^ $1 }
    }

    /// Equal in time that does not depend on where the bytes differ.
    public static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count == b.count && zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Base64 with `-` and `_` for `+` and `/`, and no `=`: safe in URLs, cookies and form fields as it is.
public enum Base64URL {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    static let values: [UInt8: UInt8] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, UInt8($0)) })

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * $1.offset) }
            for position in 0...chunk.count { out.append(alphabet[Int(value >> (18 - 6 * position) & 63)]) }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Nil for any character outside the alphabet, or a length no encoding has.
    public static func decode(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        var index = 0
        while index < digits.count {
            let chunk = digits[index..<min(index + 4, digits.count)]
            var value: UInt32 = 0
            for (position, digit) in chunk.enumerated() {
                guard let six = values[digit] else { return nil }
                value |= UInt32(six) << (18 - 6 * position)
            }
            for position in 0..<(chunk.count - 1) { out.append(UInt8(value >> (16 - 8 * position) & 0xFF)) }
            index += 4
        }
        return out
    }
}
