import Testing
@testable import RembukCore

@Suite struct ReturnPathTests {
    @Test(arguments: ["/", "/akun", "/usulan?q=jalan%20desa&halaman=2", "/wilayah/32.14#peta", "/a/b/c?x=%2F%2Fy"])
    func pathsOnThisSiteAreKept(_ path: String) {
        // given a path on this site // when it is checked // then it is kept as it is
        #expect(ReturnPath.safe(path) == path)
    }

    /// Each of these is read by a WHATWG URL parser (every browser) as another host, or is not a plain path.
    @Test(arguments: [
        "//evil.example", "https://evil.example", "/\\evil.example", "\\\\evil.example", "/\t/evil.example/x", "/\n/evil.example",
        "/\r/evil.example", "\t//evil.example", " //evil.example", "/ /evil.example", "//\tevil.example", "/\u{0B}/evil.example",
        "/\u{0C}/evil.example", "/\u{00}/evil.example", "/\u{7F}/evil.example", "/\u{3000}/evil.example", "/\u{FEFF}/evil.example",
        "/\u{2028}/evil.example", "javascript:alert(1)", "evil.example", "", "/" + String(repeating: "a", count: 600),
    ])
    func anythingElseFallsBack(_ candidate: String) {
        // given a path a browser may take off-site // when it is checked // then the fallback is used
        #expect(ReturnPath.safe(candidate, fallback: "/akun") == "/akun")
    }

    @Test func nothingGivenFallsBack() {
        // given no path // when // then
        #expect(ReturnPath.safe(nil) == "/")
    }
}
