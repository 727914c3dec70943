import Crypto

/// One record of the public audit trail: who did what to which subject, where, when and why.
/// Each record's hash covers its content and the previous record's hash, so rewriting any record
/// (or dropping, inserting or reordering one) breaks every hash after it.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var sequence: Int64
    /// Milliseconds since 1970-01-01 UTC; an integer so both databases store it exactly.
    public var occurredAtMillis: Int64
    public var actorID: String
    public var actorLabel: String
    public var action: String
    public var subjectType: String
    public var subjectID: String
    public var regionCode: String
    public var summary: String
    public var reason: String
    public var previousHash: String

    public init(sequence: Int64, occurredAtMillis: Int64, actorID: String, actorLabel: String, action: String,
                subjectType: String, subjectID: String, regionCode: String, summary: String, reason: String,
                previousHash: String) {
        self.sequence = sequence
        self.occurredAtMillis = occurredAtMillis
        self.actorID = actorID
        self.actorLabel = actorLabel
        self.action = action
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.regionCode = regionCode
        self.summary = summary
        self.reason = reason
        self.previousHash = previousHash
    }

    /// The hash of the record before the first one.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The bytes that are hashed: every field as `<byte length>:<UTF-8 text>`, in a fixed order, prefixed by
    /// a version tag. Length prefixes make the encoding unambiguous whatever the fields contain; anyone can
    /// recompute it from the public JSON (`docs/ARCHITECTURE.md`, "Audit trail").
    public var canonicalText: String {
        let fields = [String(sequence), String(occurredAtMillis), actorID, actorLabel, action, subjectType,
                      subjectID, regionCode, summary, reason, previousHash]
        return "rembuk-audit-v1\n" + fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "\n")
    }

    public var hash: String {
        var buffer: [UInt8] = []
        return hash(reusing: &buffer)
    }

    /// `hash`, writing the canonical bytes into `buffer` (kept between calls, so a verifier of a million records
    /// does not allocate a million times). The bytes are exactly the UTF-8 of `canonicalText`.
    public func hash(reusing buffer: inout [UInt8]) -> String {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: "rembuk-audit-v1".utf8)
        func field(_ text: String) {
            buffer.append(UInt8(ascii: "\n"))
            buffer.append(contentsOf: String(text.utf8.count).utf8)
            buffer.append(UInt8(ascii: ":"))
            buffer.append(contentsOf: text.utf8)
        }
        field(String(sequence))
        field(String(occurredAtMillis))
        for text in [actorID, actorLabel, action, subjectType, subjectID, regionCode, summary, reason, previousHash] { field(text) }
        return Hex.lowercase(SHA256.hash(data: buffer))
    }

    /// The hashes of many entries, computed on every core (each depends only on its own entry).
    public static func hashes(of entries: [AuditEntry]) -> [String] {
        entries.concurrentMap { $0.hash }
    }
}

/// Checks a chain record by record, so a chain of millions can be streamed from the database page by page.
public struct AuditChainVerifier: Sendable {
    public struct Break: Error, Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable { case gap, wrongPreviousHash, contentChanged }
        public let sequence: Int64
        public let kind: Kind

        public var description: String {
            switch kind {
            case .gap: "record \(sequence) is missing or out of order"
            case .wrongPreviousHash: "record \(sequence) does not point at the hash of the record before it"
            case .contentChanged: "record \(sequence) was changed after it was written (its hash does not match its content)"
            }
        }
    }

    public private(set) var count: Int64 = 0
    public private(set) var headHash: String = AuditEntry.genesisHash
    private var expectedSequence: Int64 = 1

    public init() {}

    /// Feeds the next record with the hash stored beside it.
    public mutating func feed(_ entry: AuditEntry, storedHash: String) throws(Break) {
        try feed(entry, storedHash: storedHash, contentHash: entry.hash)
    }

    /// Feeds the next records in order, their content hashes computed on every core first.
    public mutating func feed(_ entries: [AuditEntry], storedHashes: [String]) throws(Break) {
        precondition(entries.count == storedHashes.count, "one stored hash per entry")
        let computed = AuditEntry.hashes(of: entries)
        for index in entries.indices { try feed(entries[index], storedHash: storedHashes[index], contentHash: computed[index]) }
    }

    private mutating func feed(_ entry: AuditEntry, storedHash: String, contentHash: String) throws(Break) {
        guard entry.sequence == expectedSequence else { throw Break(sequence: expectedSequence, kind: .gap) }
        guard entry.previousHash == headHash else { throw Break(sequence: entry.sequence, kind: .wrongPreviousHash) }
        guard contentHash == storedHash else { throw Break(sequence: entry.sequence, kind: .contentChanged) }
        headHash = storedHash
        expectedSequence += 1
        count += 1
    }
}
