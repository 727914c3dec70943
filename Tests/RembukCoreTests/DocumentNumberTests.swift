import Testing
@testable import RembukCore

@Suite struct DocumentNumberTests {
    @Test func aPatternIsFilledFromTheDocument() throws {
        // given
        let minutes = try DocumentNumber.parse(DocumentNumber.minutesDefault).get()
        let certificate = try DocumentNumber.parse(DocumentNumber.certificateDefault).get()
        // when / then
        #expect(minutes.format(number: 7, year: 2027, month: 2, region: "Pasir Panjang") == "050/007/BA-MUSRENBANG/PASIR PANJANG/2027")
        #expect(certificate.format(number: 123, year: 2026, month: 12, agency: "Diskoperindag") == "123/SERT/DISKOPERINDAG/XII/2026")
        #expect(minutes.format(number: 1234, year: 2027, month: 1) == "050/1234/BA-MUSRENBANG//2027")
    }

    @Test func placeholdersAreReadInAnyCaseAndKeptInOrder() throws {
        // given
        let pattern = try DocumentNumber.parse("  {TAHUN}.{Nomor}/{kecamatan}-{bulan}  ").get()
        // when / then
        #expect(pattern.pattern == "{TAHUN}.{Nomor}/{kecamatan}-{bulan}")
        #expect(pattern.format(number: 1, year: 2027, month: 4, kecamatan: "Campaka") == "2027.001/CAMPAKA-IV")
    }

    @Test(arguments: [
        ("", DocumentNumber.Problem.empty),
        ("050/BA/{tahun}", .noNumber),
        ("050/{nomor}/{desa}/{tahun}", .unknown("desa")),
        ("050/{nomor/{tahun}", .unknown("nomor/{tahun")),
        ("050/{nomor}/{tahun", .unclosed),
        ("050/{nomor}}/x", .unclosed),
        ("050/{nomor}/<b>", .character("<")),
        ("050/{nomor}\n/x", .character("\n")),
        (String(repeating: "A", count: 115) + "{nomor}", .tooLong),
    ])
    func wrongPatternsAreNamed(raw: String, problem: DocumentNumber.Problem) {
        // given / when / then
        #expect(throws: problem) { try DocumentNumber.parse(raw).get() }
    }

    @Test func monthsAreRomanAndOthersStayDigits() {
        #expect((1...12).map(DocumentNumber.roman) == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"])
        #expect(DocumentNumber.roman(0) == "0" && DocumentNumber.roman(13) == "13")
    }
}
