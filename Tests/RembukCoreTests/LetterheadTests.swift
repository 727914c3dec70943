import Testing
@testable import RembukCore

@Suite struct LetterheadTests {
    @Test func aLetterheadIsTidiedAsTyped() throws {
        // given / when
        let head = try Letterhead.check(government: "  Pemerintah   Kota Bitung ", address: "Jl. Sam Ratulangi No. 1, Bitung",
                                        phone: "(0438) 21234", email: "Bappeda@BitungKota.go.id", website: "https://bitungkota.go.id").get()
        // then
        #expect(head.government == "Pemerintah Kota Bitung")
        #expect(head.email == "bappeda@bitungkota.go.id")
        #expect(head.website == "https://bitungkota.go.id/")
        #expect(head.contactLine == "Jl. Sam Ratulangi No. 1, Bitung · Telp. (0438) 21234 · bappeda@bitungkota.go.id · https://bitungkota.go.id/")
    }

    @Test func onlyTheNameIsRequired() throws {
        // given / when
        let head = try Letterhead.check(government: "Pemerintah Kabupaten Purwakarta", address: "", phone: "", email: "", website: "").get()
        // then
        #expect(head.contactLine.isEmpty)
        #expect(Letterhead.defaultGovernment(regionName: "Kabupaten Purwakarta") == head.government)
    }

    @Test func everyWrongFieldIsNamed() {
        // given / when
        let result = Letterhead.check(government: "Pem", address: String(repeating: "a", count: 201), phone: "telepon kantor",
                                      email: "bukan-surel", website: "javascript:alert(1)")
        // then
        #expect(throws: Letterhead.Problems(fields: [.government, .address, .phone, .email, .website])) { try result.get() }
    }

    @Test(arguments: ["(0264) 200036", "0438-21234", "+62 264 200036", "0264 200036 / 200037"])
    func officePhonesAsLetterheadsWriteThem(phone: String) {
        #expect(Letterhead.isOfficePhone(phone))
    }

    @Test(arguments: ["12345", "nomor 0264", "0264<script>", String(repeating: "1", count: 41)])
    func otherTextIsNotAPhone(phone: String) {
        #expect(!Letterhead.isOfficePhone(phone))
    }
}
