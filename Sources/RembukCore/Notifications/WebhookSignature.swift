import Crypto
import Foundation

/// Signs webhook deliveries so a WhatsApp/SMS gateway can check they came from Rembuk and were not replayed.
/// Header: `X-Rembuk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the shared secret>`.
public enum WebhookSignature {
    public static let headerName = "X-Rembuk-Signature"

    public static func sign(body: [UInt8], timestamp: Int64, secret: String) -> String {
        "t=\(timestamp),v1=\(mac(body: body, timestamp: timestamp, secret: secret))"
    }

    /// Checks a header against the body: right secret, untouched body, timestamp within `tolerance` seconds.
    public static func verify(header: String, body: [UInt8], secret: String, now: Int64, tolerance: Int64 = 300) -> Bool {
        var timestamp: Int64?
        var signature: String?
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = Int64(pair[1]) }
            if pair[0] == "v1" { signature = String(pair[1]) }
        }
        guard let timestamp, let signature, abs(now - timestamp) <= tolerance else { return false }
        let expected = mac(body: body, timestamp: timestamp, secret: secret)
        return MaskedToken.same(Array(expected.utf8), Array(signature.utf8))
    }

    static func mac(body: [UInt8], timestamp: Int64, secret: String) -> String {
        let key = SymmetricKey(data: Array(secret.utf8))
        let message = Array("\(timestamp).".utf8) + body
        return Hex.lowercase(HMAC<SHA256>.authenticationCode(for: message, using: key))
    }
}

/// Keyed digests for looking up personal identifiers (a NIK) without storing them.
public enum KeyedDigest {
    public static func hex(_ text: String, key: String) -> String {
        Hex.lowercase(bytes(text, key: key))
    }

    /// The 32 bytes of HMAC-SHA256.
    public static func bytes(_ text: String, key: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: SymmetricKey(data: Array(key.utf8))))
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        Hex.lowercase(SHA256.hash(data: bytes))
    }
}
