import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

@Suite struct UsulanTests {
    static let form: [String: String] = [
        "title": "Perbaikan jalan desa rusak di RT 03", "problem": "Jalan desa berlubang besar, becek dan licin saat hujan turun.",
        "proposal": "Pengaspalan ulang jalan desa sepanjang 300 meter.", "bidang": "infrastruktur", "desa_code": "32.14.01.2010",
        "address": "Dusun Krajan, Jalan Citalang", "rt": "3", "rw": "1", "volume": "300", "satuan": "m", "cost": "135.000.000",
        "beneficiaries": "250", "proposer_group": "Warga RT 03", "aksi": "ajukan",
    ]

    func submit(_ browser: inout TestBrowser, _ changes: [String: String] = [:]) async throws -> (TestingHTTPResponse, Usulan?) {
        let response = try await browser.post(SiteRoute.usulanNew.path, Self.form.merging(changes) { $1 })
        guard let location = response.location, let id = UUID(uuidString: String(location.split(separator: "/").last ?? "")) else {
            return (response, nil)
        }
        return (response, try await Usulan.find(id, on: browser.app.db))
    }

    @Test func aCitizenSubmitsAndTheTrailRecordsIt() async throws {
        try await withRembuk { app in
            // given
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            // when
            let (response, usulan) = try await submit(&citizen)
            // then
            #expect(response.status == .seeOther)
            let stored = try #require(usulan)
            #expect(stored.workflowStatus == .diajukan)
            #expect(stored.cost == 135_000_000)
            #expect(stored.kecamatanCode == "32.14.01")
            #expect(stored.targetAgency == "dinas-pupr")
            #expect(stored.searchTerms.contains(" baik ") && stored.searchTerms.contains(" jalan "))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "usulan.submit").filter(\.$subjectID == stored.id!.uuidString).count() == 1)
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.usulan(stored.id!.uuidString).path)
            #expect(page.text.contains("Posisi sekarang: Diajukan"))
            #expect(page.text.contains("Rp135.000.000"))
        }
    }

    @Test func checkingShowsTheSimilarUsulanFirst() async throws {
        try await withRembuk { app in
            // given: a neighbour already asked for the same road
            var neighbour = TestBrowser(app)
            try await neighbour.signIn("admin@rembuk.test")
            let (_, existing) = try await submit(&neighbour, ["title": "Jalan rusak RT 3 perlu diperbaiki",
                                                               "problem": "Jalan desa rusak dan berlubang di RT 3, licin saat hujan.",
                                                               "proposal": "Perbaikan jalan desa dengan pengaspalan."])
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let before = try await Usulan.query(on: app.db).count()
            // when
            let response = try await citizen.post(SiteRoute.usulanNew.path, Self.form.merging(["aksi": "periksa"]) { $1 })
            // then
            #expect(response.status == .ok)
            #expect(response.text.contains("Usulan serupa sudah ada"))
            #expect(response.text.contains(try #require(existing).number))
            #expect(try await Usulan.query(on: app.db).count() == before)   // checking stores nothing
        }
    }

    @Test(arguments: [
        ("cost", "-5000", "Perkiraan biaya"), ("cost", "900.000.000.000", "periksa lagi angkanya"), ("desa_code", "33.02.01.2001", "Pilih desa"),
        ("title", "", "Tulis judul"), ("volume", "0", "Volume berupa angka"), ("latitude", "51.5", "Koordinat harus di Indonesia"),
        ("bidang", "antariksa", "Pilih bidang"), ("rt", "1000", "RT berupa angka"),
    ])
    func badInputIsExplainedKeptAndNotStored(field: String, value: String, message: String) async throws {
        try await withRembuk { app in
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let before = try await Usulan.query(on: app.db).count()
            let (response, stored) = try await submit(&citizen, [field: value, "longitude": field == "latitude" ? "0.1" : ""])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(message))
            #expect(response.text.contains("Dusun Krajan, Jalan Citalang"))   // what was typed is kept
            #expect(stored == nil)
            #expect(try await Usulan.query(on: app.db).count() == before)
        }
    }

    @Test func scriptIsStoredAsTextAndAlwaysEscaped() async throws {
        try await withRembuk { app in
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let (_, usulan) = try await submit(&citizen, ["title": "<script>alert('x')</script> jalan rusak"])
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.usulan(try #require(usulan).id!.uuidString).path)
            #expect(!page.text.contains("<script>alert"))
            #expect(page.text.contains("&lt;script&gt;"))
        }
    }

    @Test func draftsAreSeenOnlyByTheirProposer() async throws {
        try await withRembuk { app in
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let (_, draft) = try await submit(&citizen, ["aksi": "draf", "problem": "", "cost": ""])
            let id = try #require(draft).id!.uuidString
            #expect(draft?.workflowStatus == .draft)
            #expect(try await citizen.get(SiteRoute.usulan(id).path).status == .ok)
            var visitor = TestBrowser(app)
            #expect(try await visitor.get(SiteRoute.usulan(id).path).status == .notFound)
            // finishing the draft submits it
            let finished = try await citizen.post(SiteRoute.usulanEdit(id).path, Self.form)
            #expect(finished.status == .seeOther)
            #expect(try await Usulan.find(UUID(uuidString: id), on: app.db)?.workflowStatus == .diajukan)
        }
    }

    @Test func operatorsActOnlyInTheirOwnDesaAndReasonsAreRequired() async throws {
        try await withRembuk { app in
            // given: an usulan in Citalang (32.14.01.2010)
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let (_, created) = try await submit(&citizen)
            let id = try #require(created).id!.uuidString
            var ownOperator = TestBrowser(app)
            try await ownOperator.signIn("operator.desa@rembuk.test")
            var agency = TestBrowser(app)
            try await agency.signIn("opd@rembuk.test")
            // when / then: the agency may not verify at desa stage
            #expect(try await agency.post(SiteRoute.usulanStep(id).path, ["step": "verify"]).status == .forbidden)
            // rejecting needs a reason
            let noReason = try await ownOperator.post(SiteRoute.usulanStep(id).path, ["step": "reject"])
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.text.contains("Pilih alasan penolakan"))
            // returning needs a note, then the proposer revises and resubmits
            #expect(try await ownOperator.post(SiteRoute.usulanStep(id).path, ["step": "return_for_revision"]).status == .unprocessableEntity)
            let returned = try await ownOperator.post(SiteRoute.usulanStep(id).path, ["step": "return_for_revision", "note": "Lampirkan ukuran panjang jalan."])
            #expect(returned.status == .seeOther)
            let page = try await citizen.get(SiteRoute.usulan(id).path)
            #expect(page.text.contains("Perlu direvisi") && page.text.contains("Lampirkan ukuran panjang jalan."))
            #expect(try await InboxItem.query(on: app.db).filter(\.$titleID ~~ "Perlu direvisi").count() == 1)
            #expect(try await citizen.post(SiteRoute.usulanEdit(id).path, Self.form.merging(["volume": "320"]) { $1 }).status == .seeOther)
            // verifying needs the four checks ticked
            let unchecked = try await ownOperator.post(SiteRoute.usulanStep(id).path, ["step": "verify", "cek_lengkap": "1", "note": "Lokasi sudah ditinjau."])
            #expect(unchecked.status == .unprocessableEntity)
            #expect(unchecked.text.contains("Centang semua pemeriksaan sebelum memverifikasi; yang belum: Sesuai kamus usulan, atau harganya wajar;"))
            let verified = try await ownOperator.post(SiteRoute.usulanStep(id).path, ["step": "verify", "note": "Lokasi sudah ditinjau.",
                "cek_lengkap": "1", "cek_kamus": "1", "cek_aset": "1", "cek_duplikat": "1"])
            #expect(verified.status == .seeOther)
            #expect(try await UsulanEvent.query(on: app.db).filter(\.$usulan.$id == UUID(uuidString: id)!).filter(\.$step == "verify").first()?.note
                    == VerificationCheck.confirmedNote + " Lokasi sudah ditinjau.")
            let timeline = try await UsulanEvent.query(on: app.db).filter(\.$usulan.$id == UUID(uuidString: id)!).sort(\.$at).all().map(\.step)
            #expect(timeline == ["submit", "return_for_revision", "resubmit", "verify"])
            // a step that does not exist from this status is explained
            let again = try await ownOperator.post(SiteRoute.usulanStep(id).path, ["step": "verify"])
            #expect(again.status == .conflict)
        }
    }

    @Test func concurrentSupportsCountExactlyAndOncePerPerson() async throws {
        try await withRembuk { app in
            // given: 12 citizens and one usulan
            var proposer = TestBrowser(app)
            try await proposer.signIn("warga@rembuk.test")
            let (_, created) = try await submit(&proposer)
            let usulanID = try #require(created?.id)
            let usulan = try #require(try await Usulan.find(usulanID, on: app.db))
            var people: [Invocation] = []
            for n in 0..<12 {
                let account = Account(name: "Pendukung \(n)", email: "dukung\(n)@contoh.id", phone: nil, passwordHash: "x")
                try await account.create(on: app.db)
                people.append(Invocation(app: app, principal: Principal(sessionToken: "t\(n)", account: account, grants: [])))
            }
            // when: everyone presses "dukung" three times at once
            try await withThrowingTaskGroup(of: Void.self) { group in
                for person in people {
                    for _ in 0..<3 { group.addTask { try await SupportUsulan(support: true).run(usulan, in: person) } }
                }
                try await group.waitForAll()
            }
            // then
            #expect(try await UsulanSupport.query(on: app.db).filter(\.$usulan.$id == usulanID).count() == 12)
            #expect(try await Usulan.find(usulanID, on: app.db)?.supportCount == 12)
            // and the proposer cannot support their own
            await #expect(throws: UserFacingError.self) {
                try await SupportUsulan(support: true).run(usulan, in: Invocation(app: app, principal: Principal(
                    sessionToken: "p", account: try await Account.find(created?.proposerID, on: app.db), grants: [])))
            }
        }
    }

    @Test func mergingCarriesSupportsOverOnce() async throws {
        try await withRembuk { app in
            // given: two usulan about the same road; A has supporters 1, 2; B has supporters 2, 3
            var proposer = TestBrowser(app)
            try await proposer.signIn("warga@rembuk.test")
            let (_, a) = try await submit(&proposer)
            let (_, b) = try await submit(&proposer, ["title": "Jalan rusak RT 3 perlu diperbaiki"])
            let aID = try #require(a?.id), bID = try #require(b?.id)
            for (n, targets) in [(1, [aID]), (2, [aID, bID]), (3, [bID])] {
                let account = Account(name: "Warga \(n)", email: "w\(n)@contoh.id", phone: nil, passwordHash: "x")
                try await account.create(on: app.db)
                let person = Invocation(app: app, principal: Principal(sessionToken: "t", account: account, grants: []))
                for target in targets {
                    try await SupportUsulan(support: true).run(try #require(try await Usulan.find(target, on: app.db)), in: person)
                }
            }
            var op = TestBrowser(app)
            try await op.signIn("operator.desa@rembuk.test")
            // when: A is merged into B
            let merged = try await op.post(SiteRoute.usulanStep(aID.uuidString).path, ["step": "merge", "merge_into": try #require(b).number])
            // then
            #expect(merged.status == .seeOther)
            #expect(try await Usulan.find(aID, on: app.db)?.workflowStatus == .digabung)
            #expect(try await Usulan.find(bID, on: app.db)?.supportCount == 3)
            #expect(try await Usulan.find(aID, on: app.db)?.supportCount == 0)
        }
    }

    @Test func listFiltersSearchAndPages() async throws {
        try await withRembuk { app in
            var browser = TestBrowser(app)
            let all = try await browser.get(SiteRoute.usulanIndex.path)
            #expect(all.text.contains("60 usulan ditemukan"))
            let roads = try await browser.get(SiteRoute.usulanIndex.path + "?q=jalan+rusak")
            #expect(roads.text.contains("Perbaikan jalan lingkungan"))
            #expect(!roads.text.contains("Bank sampah"))
            let rejected = try await browser.get(SiteRoute.usulanIndex.path + "?status=ditolak")
            #expect(rejected.text.contains("5 usulan ditemukan"))
            let second = try await browser.get(SiteRoute.usulanIndex.path + "?halaman=3")
            #expect(second.text.contains("Halaman 3 dari 3"))
            #expect(try await browser.get(SiteRoute.usulanIndex.path + "?halaman=-4&status=draft&kecamatan=<b>").status == .ok)
        }
    }
}
