import Testing
@testable import RembukCore

@Suite struct AuditChainTests {
    func chain(_ count: Int) -> [(AuditEntry, String)] {
        var previous = AuditEntry.genesisHash
        return (1...count).map { n in
            let entry = AuditEntry(sequence: Int64(n), occurredAtMillis: 1_700_000_000_000 + Int64(n), actorID: "u\(n)",
                                   actorLabel: "Admin Bappeda", action: "role.grant", subjectType: "account",
                                   subjectID: "s\(n)", regionCode: "32.14", summary: "operator_desa → 32.14.01.2001",
                                   reason: n % 2 == 0 ? "" : "penugasan", previousHash: previous)
            previous = entry.hash
            return (entry, previous)
        }
    }

    @Test func intactChainVerifies() throws {
        // given
        let records = chain(50)
        var verifier = AuditChainVerifier()
        // when
        for (entry, hash) in records { try verifier.feed(entry, storedHash: hash) }
        // then
        #expect(verifier.count == 50)
        #expect(verifier.headHash == records.last!.1)
    }

    @Test func changedContentIsNamed() {
        // given
        var records = chain(10)
        records[6].0.reason = "diubah"
        var verifier = AuditChainVerifier()
        // when / then
        #expect(throws: AuditChainVerifier.Break(sequence: 7, kind: .contentChanged)) {
            for (entry, hash) in records { try verifier.feed(entry, storedHash: hash) }
        }
    }

    @Test func rehashedRecordBreaksTheNextLink() {
        // given: someone rewrites record 4 and its stored hash, but not the rest
        var records = chain(10)
        records[3].0.summary = "dipalsukan"
        records[3].1 = records[3].0.hash
        var verifier = AuditChainVerifier()
        // when / then
        #expect(throws: AuditChainVerifier.Break(sequence: 5, kind: .wrongPreviousHash)) {
            for (entry, hash) in records { try verifier.feed(entry, storedHash: hash) }
        }
    }

    @Test func missingRecordIsAGap() {
        // given
        var records = chain(10)
        records.remove(at: 2)
        var verifier = AuditChainVerifier()
        // when / then
        #expect(throws: AuditChainVerifier.Break(sequence: 3, kind: .gap)) {
            for (entry, hash) in records { try verifier.feed(entry, storedHash: hash) }
        }
    }

    @Test func fieldBoundariesAreUnambiguous() {
        // given: the same characters split differently across fields
        var a = chain(1)[0].0
        var b = a
        a.summary = "x\n1:y"; a.reason = ""
        b.summary = "x"; b.reason = "y"
        // when / then
        #expect(a.hash != b.hash)
        #expect(a.hash.count == 64)
    }

    @Test func theHashIsTheSHA256OfTheCanonicalText() {
        // given: fields with multi-byte letters, a right-to-left mark and newlines
        var entry = chain(1)[0].0
        entry.summary = "Usulan “Jalan Desa” — ditolak\n\u{200F}ok"
        entry.actorLabel = "Ñoño Şahin"
        // when
        let hash = entry.hash
        // then: the published definition, computed the slow way
        #expect(hash == KeyedDigest.sha256Hex(Array(entry.canonicalText.utf8)))
        #expect(hash.count == 64 && hash.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test func aPageIsCheckedLikeOneRecordAtATime() throws {
        // given: more records than one hashing chunk, one of them changed
        var records = chain(1_300)
        records[1_100].0.reason = "diubah"
        var one = AuditChainVerifier()
        var page = AuditChainVerifier()
        // when
        let single = Result { () throws(AuditChainVerifier.Break) in for (entry, hash) in records { try one.feed(entry, storedHash: hash) } }
        let paged = Result { () throws(AuditChainVerifier.Break) in try page.feed(records.map(\.0), storedHashes: records.map(\.1)) }
        // then
        #expect(throws: AuditChainVerifier.Break(sequence: 1_101, kind: .contentChanged)) { try single.get() }
        #expect(throws: AuditChainVerifier.Break(sequence: 1_101, kind: .contentChanged)) { try paged.get() }
        #expect(one.count == 1_100 && page.count == 1_100 && one.headHash == page.headHash)
        #expect(AuditEntry.hashes(of: records.prefix(1_100).map(\.0)) == records.prefix(1_100).map(\.1))
    }
}
