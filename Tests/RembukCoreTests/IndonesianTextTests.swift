import Testing
@testable import RembukCore

@Suite struct IndonesianStemmerTests {
    @Test(arguments: [
        ("perbaikan", "baik"), ("diperbaiki", "baik"), ("memperbaiki", "baik"), ("pembangunan", "bangun"),
        ("pengelolaan", "kelola"), ("menanam", "tanam"), ("penerangan", "terang"), ("jalan", "jalan"),
        ("rusak", "rusak"), ("membaca", "baca"), ("memukul", "pukul"), ("menyapu", "sapu"), ("bekerja", "kerja"),
        ("berjalan", "jalan"), ("ditanami", "tanam"), ("kesehatan", "sehat"), ("bukunya", "buku"), ("bacalah", "baca"),
        ("pelatihan", "latih"), ("pertanian", "tani"), ("makanan", "makan"), ("sekolah", "sekolah"), ("desa", "desa"),
        ("drainase", "drainase"), ("diaspal", "aspal"),
    ])
    func stems(word: String, root: String) {
        #expect(IndonesianStemmer.stem(word) == root)
    }
}

@Suite struct IndonesianTextTests {
    @Test func normalisesAbbreviationsNumbersAndAccents() {
        #expect(IndonesianText.tokens("Jl. Veteran Gg. 5, RT 03/RW 012") == ["jalan", "veteran", "gang", "5", "rt", "3", "rw", "12"])
        #expect(IndonesianText.tokens("rt03 Café") == ["rt", "3", "cafe"])
        #expect(IndonesianText.tokens("anak2 jalan-jalan") == ["anak", "jalan", "jalan"])
    }

    @Test func termsDropStopWordsAndStem() {
        #expect(IndonesianText.terms("Jalan rusak RT 3 perlu diperbaiki") == ["jalan", "rusak", "rt", "3", "baik"])
    }

    @Test func aSearchIndexHoldsEachTermOnceBetweenSpaces() {
        // given / when
        let index = IndonesianText.searchIndex("Jalan rusak", "jalan-jalan diperbaiki; perbaikan RT 3")
        // then
        #expect(index == " 3 baik jalan rt rusak ")
        #expect(IndonesianText.searchIndex("", "yang dan") == "  ")
    }

    @Test func theSameProblemWrittenTwoWaysIsFoundFirst() {
        // given
        let query = Similarity.Document(id: "baru", text: "Perbaikan jalan desa rusak di RT 03")
        let candidates = [
            Similarity.Document(id: "a", text: "Pengadaan bibit padi untuk kelompok tani"),
            Similarity.Document(id: "b", text: "Jalan rusak RT 3 perlu diperbaiki"),
            Similarity.Document(id: "c", text: "Perbaikan saluran irigasi Dusun Cibodas"),
            Similarity.Document(id: "d", text: "Penerangan jalan umum di Gg. 5"),
            Similarity.Document(id: "e", text: "Pelatihan pemasaran digital untuk UMKM"),
        ]
        // when
        let ranked = Similarity.mostSimilar(to: query, in: candidates)
        // then
        #expect(ranked.first?.id == "b")
        #expect(ranked.first!.score > 0.6)
        #expect(!ranked.contains { $0.id == "a" || $0.id == "e" })
    }

    @Test func nearbyPinsRaiseTheScoreAndOrderIsStable() throws {
        // given: two equally worded candidates, one 20 m away, one 3 km away
        let here = try #require(GeoPoint(latitude: -6.5569, longitude: 107.4431))
        let near = try #require(GeoPoint(latitude: -6.5570, longitude: 107.4432))
        let far = try #require(GeoPoint(latitude: -6.5300, longitude: 107.4431))
        let query = Similarity.Document(id: "q", text: "Perbaikan jembatan", point: here)
        let candidates = [Similarity.Document(id: "z-far", text: "Jembatan perlu diperbaiki", point: far),
                          Similarity.Document(id: "y-near", text: "Jembatan perlu diperbaiki", point: near)]
        // when
        let ranked = Similarity.mostSimilar(to: query, in: candidates)
        // then
        #expect(ranked.map(\.id) == ["y-near", "z-far"])
        #expect(Similarity.mostSimilar(to: query, in: candidates.reversed()).map(\.id) == ["y-near", "z-far"])
        #expect(abs(here.distance(to: far) - 3_000) < 50)
        #expect(GeoPoint(latitude: 91, longitude: 0) == nil)
    }
}
