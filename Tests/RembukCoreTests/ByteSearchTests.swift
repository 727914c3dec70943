import Testing
@testable import RembukCore

@Suite struct ByteSearchTests {
    @Test func findsTheFirstOccurrenceAtOrAfterTheStart() {
        // given
        let haystack = Array("--a--ab--abc".utf8)
        // when / then
        #expect(ByteSearch.first(Array("ab".utf8), in: haystack) == 5)
        #expect(ByteSearch.first(Array("ab".utf8), in: haystack, from: 6) == 9)
        #expect(ByteSearch.first(Array("--".utf8), in: haystack) == 0)
        #expect(ByteSearch.first(Array("abc".utf8), in: haystack) == 9)
    }

    @Test func aNeedleCutOffAtTheEndOrAbsentIsNotFound() {
        // given
        let haystack = Array("xxxxab".utf8)
        // when / then
        #expect(ByteSearch.first(Array("abc".utf8), in: haystack) == nil)
        #expect(ByteSearch.first(Array("q".utf8), in: haystack) == nil)
        #expect(ByteSearch.first(Array("ab".utf8), in: haystack, from: 5) == nil)
        #expect(ByteSearch.first(Array("ab".utf8), in: haystack, from: 40) == nil)
        #expect(ByteSearch.first([], in: haystack) == nil)
        #expect(ByteSearch.first(Array("a".utf8), in: []) == nil)
    }

    @Test func aLongRunOfTheFirstByteDoesNotHideAMatch() {
        // given: every position starts like the needle, only the last completes it
        let haystack = [UInt8](repeating: 60, count: 100_000) + Array("<script".utf8)
        // when / then
        #expect(ByteSearch.first(Array("<script".utf8), in: haystack) == 100_000)
    }

    @Test func onlyASCIICapitalsAreMadeSmall() {
        // given: the bytes around A–Z ('@', '[') and high bytes stay as they were
        let bytes: [UInt8] = [64, 65, 77, 90, 91, 96, 97, 122, 0xC0, 0xDA, 0xFF, 0]
        // when
        let folded = ByteSearch.asciiLowercased(bytes)
        // then
        #expect(folded == [64, 97, 109, 122, 91, 96, 97, 122, 0xC0, 0xDA, 0xFF, 0])
    }
}
