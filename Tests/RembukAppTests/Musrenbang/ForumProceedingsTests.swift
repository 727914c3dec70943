import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// Running forums end to end over HTTP: daftar hadir, scoring, delegates, closing, allocation, decisions.
@Suite struct ForumProceedingsTests {
    static var year: Int { LocalDate(Date()).year }

    /// An usulan already at a forum's stage, as the earlier tiers would have left it.
    static func seed(_ app: Application, title: String, desa: String = "32.14.01.2010", status: UsulanStatus, cost: Int64,
                     supports: Int = 0, agency: String = "dinas-pupr", bidang: Bidang = .infrastruktur, minute: Int = 0) async throws -> Usulan {
        let proposer = try #require(try await Account.query(on: app.db).filter(\.$email == "warga@rembuk.test").first())
        let usulan = Usulan()
        usulan.year = year + 1
        usulan.title = title
        usulan.problem = "Masalah yang dibahas forum untuk \(title)."
        usulan.proposal = "Usulan kegiatan \(title)."
        usulan.bidang = bidang.rawValue
        usulan.desaCode = desa
        usulan.kecamatanCode = String(desa.prefix(8))
        usulan.address = "Dusun Krajan"
        usulan.volume = 100
        usulan.satuan = "m"
        usulan.cost = cost
        usulan.beneficiaries = 200
        usulan.proposerID = try proposer.requireID()
        usulan.proposerGroup = ""
        usulan.targetAgency = agency
        usulan.status = status.rawValue
        usulan.supportCount = supports
        usulan.searchTerms = Usulan.terms(title: title, problem: "", proposal: "")
        usulan.submittedAt = Date(timeIntervalSince1970: 1_767_225_600 + Double(minute) * 60)
        try await usulan.create(on: app.db)
        return usulan
    }

    /// A desa forum of 32.14.01.2010 scheduled and started by the village operator, whose browser comes back signed in.
    static func desaForumInSession(_ app: Application) async throws -> (operatorDesa: TestBrowser, forum: String) {
        var operatorDesa = TestBrowser(app)
        try await operatorDesa.signIn("operator.desa@rembuk.test")
        let forum = try await schedule(&operatorDesa, level: "desa", region: "32.14.01.2010", on: "01-20")
        _ = try await operatorDesa.post(SiteRoute.forumStatus(forum).path, ["change": "start"])
        return (operatorDesa, forum)
    }

    static func schedule(_ browser: inout TestBrowser, level: String, region: String, on day: String, agency: String = "") async throws -> String {
        let response = try await browser.post(SiteRoute.forumNew.path, ["level": level, "region_code": region, "held_on": "\(year)-\(day)",
                                                                         "starts_at": "09.00", "place": "Balai pertemuan", "agency": agency])
        #expect(response.status == .seeOther, "scheduling \(level) failed: \(response.text.prefix(300))")
        return String(response.location?.split(separator: "/").last ?? "")
    }

    static func attend(_ browser: inout TestBrowser, _ forum: String, _ name: String, _ gender: String, age: String = "dewasa",
                       disability: Bool = false) async throws -> TestingHTTPResponse {
        try await browser.post(SiteRoute.forumAttendance(forum).path, ["name": name, "gender": gender, "age_group": age, "unsur": "tokoh_masyarakat",
                                                                        "organisation": "RW 01", "phone": "0812-3456-7890", "disability": disability ? "1" : ""])
    }

    static func scores(_ usulan: Usulan, _ values: [Int]) -> [String: String] {
        let keys = ["urgensi", "jangkauan", "kerusakan", "biaya"]
        var fields: [String: String] = [:]
        for (key, value) in zip(keys, values) { fields["s[\(usulan.id!.uuidString)][\(key)]"] = String(value) }
        return fields
    }

    static func delegates(_ app: Application, _ forum: String, names: [String]) async throws -> [(String, String)] {
        try await ForumAttendee.query(on: app.db).filter(\.$forum.$id == UUID(uuidString: forum)!).all()
            .filter { names.contains($0.name) }.map { ("delegates[]", $0.id!.uuidString) }
    }

    @Test func aDesaForumRunsFromDaftarHadirToBeritaAcaraAndCanBeReopened() async throws {
        try await withRembuk { app in
            // given
            let jalan = try await Self.seed(app, title: "Rabat beton gang Mawar", status: .diverifikasi, cost: 45_000_000, minute: 1)
            let drainase = try await Self.seed(app, title: "Saluran drainase RW 02", status: .diverifikasi, cost: 65_000_000, minute: 2)
            var operatorDesa = TestBrowser(app)
            try await operatorDesa.signIn("operator.desa@rembuk.test")
            let forum = try await Self.schedule(&operatorDesa, level: "desa", region: "32.14.01.2010", on: "01-20")
            // when: the daftar hadir at the door, before the forum opens
            for (name, gender, age) in [("Siti Aminah", "perempuan", "dewasa"), ("Dedi Kurniawan", "laki_laki", "pemuda"),
                                        ("Asep Saepudin", "laki_laki", "dewasa"), ("Rina Marlina", "perempuan", "pemuda")] {
                #expect(try await Self.attend(&operatorDesa, forum, name, gender, age: age).status == .seeOther)
            }
            _ = try await Self.attend(&operatorDesa, forum, "Ujang Suryana", "laki_laki", disability: true)
            let hadir = try await operatorDesa.get(SiteRoute.forumAttendance(forum).path)
            let sheet = try await operatorDesa.get(SiteRoute.forumAttendanceSheet(forum).path)
            let earlyScore = try await operatorDesa.post(SiteRoute.forumScoring(forum).path, ["scorer": "Penilai 1"].merging(Self.scores(jalan, [5, 4, 4, 3])) { $1 })
            #expect(try await operatorDesa.post(SiteRoute.forumStatus(forum).path, ["change": "start"]).status == .seeOther)
            let first = try await operatorDesa.post(SiteRoute.forumScoring(forum).path,
                                                    ["scorer": "Penilai 1 – Ketua BPD"].merging(Self.scores(jalan, [5, 4, 4, 3])) { $1 }.merging(Self.scores(drainase, [3, 3, 3, 3])) { $1 })
            let second = try await operatorDesa.post(SiteRoute.forumScoring(forum).path,
                                                     ["scorer": "Penilai 2 – Ketua LPM"].merging(Self.scores(jalan, [4, 4, 4, 4])) { $1 }.merging(Self.scores(drainase, [5, 5, 5, 5])) { $1 })
            let noWoman = try await operatorDesa.post(SiteRoute.forumDelegates(forum).path, [:],
                                                      repeated: try await Self.delegates(app, forum, names: ["Dedi Kurniawan", "Asep Saepudin", "Ujang Suryana"]))
            let closeWithoutDelegates = try await operatorDesa.post(SiteRoute.forumStatus(forum).path, ["change": "close"])
            let chosen = try await operatorDesa.post(SiteRoute.forumDelegates(forum).path, [:],
                                                     repeated: try await Self.delegates(app, forum, names: ["Siti Aminah", "Dedi Kurniawan", "Asep Saepudin"]))
            let close = try await operatorDesa.post(SiteRoute.forumStatus(forum).path, ["change": "close"])
            // then
            #expect(hadir.text.contains("40 %") && hadir.text.contains("perempuan (2 orang)") && hadir.text.contains("Memenuhi target 30 %."))
            #expect(hadir.text.contains("pemuda 16–30 (2 orang)") && hadir.text.contains("penyandang disabilitas (1 orang)"))
            #expect(sheet.text.contains("DAFTAR HADIR") && sheet.text.contains("Tanda tangan") && !sheet.text.contains("+62812"))
            #expect(earlyScore.status == .unprocessableEntity && earlyScore.text.contains("Penilaian dimulai setelah forum dibuka"))
            #expect(first.status == .seeOther && second.status == .seeOther)
            #expect(noWoman.status == .unprocessableEntity && noWoman.text.contains("Paling sedikit satu utusan harus perempuan."))
            #expect(closeWithoutDelegates.status == .unprocessableEntity && closeWithoutDelegates.text.contains("Forum belum dapat ditutup: utusan ke forum berikutnya 3 sampai 5 orang"))
            #expect(chosen.status == .seeOther && close.status == .seeOther)
            // jalan: (43 000 + 40 000) / 2 = 4.15 ranks above drainase: (30 000 + 50 000) / 2 = 4.0.
            let results = try await ForumResult.query(on: app.db).filter(\.$forum.$id == UUID(uuidString: forum)!).sort(\.$position).all()
            let ours = results.filter { [jalan.id, drainase.id].contains($0.$usulan.id) }
            #expect(ours.map(\.$usulan.id) == [jalan.id!, drainase.id!] && ours.map(\.priority) == [1, 2])
            #expect(try await Usulan.find(jalan.id, on: app.db)?.workflowStatus == .diteruskan)
            let steps = try await UsulanEvent.query(on: app.db).filter(\.$usulan.$id == jalan.id!).all().map(\.step)
            #expect(steps == ["agree_at_desa", "forward"])
            let closed = try #require(try await Forum.find(UUID(uuidString: forum), on: app.db))
            let head = try await AuditLog.head(on: app.db)
            #expect(closed.forumStatus == .selesai && closed.closingHash == head?.hash)
            var visitor = TestBrowser(app)
            let minutes = try await visitor.get(SiteRoute.forumMinutes(forum).path)
            #expect(minutes.status == .ok && minutes.text.contains("BERITA ACARA") && minutes.text.contains("Rabat beton gang Mawar"))
            #expect(minutes.text.contains(closed.closingHash!) && minutes.text.contains("Siti Aminah (Perempuan") && !minutes.text.contains("DRAF"))
            #expect(minutes.text.contains("5 orang, terdiri atas 2 perempuan (40 %; target 30 %, terpenuhi)"))
            // the berita acara has the village's letterhead and the first number of the year's series
            #expect(closed.documentNumber?.hasPrefix("050/001/BA-MUSRENBANG/CITALANG/") == true)
            #expect(minutes.text.contains("Nomor: " + (closed.documentNumber ?? "-")) && minutes.text.contains("PEMERINTAH KABUPATEN PURWAKARTA"))
            #expect(minutes.text.contains("KECAMATAN PURWAKARTA") && minutes.text.contains("DESA CITALANG"))
            #expect(try await operatorDesa.get(SiteRoute.forumAttendanceSheet(forum).path).text.contains("Lampiran berita acara nomor " + (closed.documentNumber ?? "-")))

            // when: a late arrival after closing, then reopening
            let before = try await auditCount(app)
            let late = try await Self.attend(&operatorDesa, forum, "Terlambat", "perempuan")
            let rescore = try await operatorDesa.post(SiteRoute.forumScoring(forum).path, ["scorer": "Penilai 3"].merging(Self.scores(jalan, [1, 1, 1, 1])) { $1 })
            let adjust = try await operatorDesa.post(SiteRoute.forumAdjust(forum, jalan.id!.uuidString).path, ["volume": "10", "cost": "1000000", "reason": "Dipotong sesudah forum."])
            let noReason = try await operatorDesa.post(SiteRoute.forumStatus(forum).path, ["change": "reopen", "reason": ""])
            #expect([late.status, rescore.status, adjust.status] == [.conflict, .conflict, .conflict] && noReason.status == .unprocessableEntity)
            #expect(late.text.contains("Forum ini sudah ditutup dan hasilnya dibekukan."))
            #expect(try await auditCount(app) == before)
            let reopen = try await operatorDesa.post(SiteRoute.forumStatus(forum).path, ["change": "reopen", "reason": "Nilai penilai 2 salah ketik, dinilai ulang."])
            // then
            #expect(reopen.status == .seeOther)
            #expect(try await Usulan.find(jalan.id, on: app.db)?.workflowStatus == .diverifikasi)
            #expect(try await ForumResult.query(on: app.db).filter(\.$forum.$id == UUID(uuidString: forum)!).count() == 0)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "forum.reopened").first()?.reason == "Nilai penilai 2 salah ketik, dinilai ulang.")
            // a reopened forum keeps its number: closing again revises the same berita acara
            #expect(try await operatorDesa.post(SiteRoute.forumStatus(forum).path, ["change": "close"]).status == .seeOther)
            #expect(try await Forum.find(UUID(uuidString: forum), on: app.db)?.documentNumber == closed.documentNumber)
        }
    }

    @Test func threeClosesAtOnceCloseTheForumOnce() async throws {
        try await withRembuk { app in
            // given: a desa forum ready to close
            let jalan = try await Self.seed(app, title: "Rabat beton gang Melati", status: .diverifikasi, cost: 45_000_000)
            let started = try await Self.desaForumInSession(app)
            var operatorDesa = started.operatorDesa
            let forum = started.forum
            for (name, gender) in [("Nining", "perempuan"), ("Odih", "laki_laki"), ("Pepen", "laki_laki")] {
                _ = try await Self.attend(&operatorDesa, forum, name, gender)
            }
            _ = try await operatorDesa.post(SiteRoute.forumDelegates(forum).path, [:], repeated: try await Self.delegates(app, forum, names: ["Nining", "Odih", "Pepen"]))
            _ = try await operatorDesa.post(SiteRoute.forumScoring(forum).path, ["scorer": "Penilai 1"].merging(Self.scores(jalan, [4, 4, 4, 4])) { $1 })
            let id = try #require(UUID(uuidString: forum))
            // when: three people press "Tutup forum" at the same moment
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        let loaded = try #require(try await Forum.find(id, on: app.db))
                        do {
                            switch try await ChangeForumStatus().run(.close, reason: nil, forum: loaded, in: .system(app)) {
                            case .changed: return "closed"
                            case .refused: return "refused"
                            }
                        } catch let error as UserFacingError where error.status == .conflict {
                            return "conflict"
                        }
                    }
                }
                var all: [String] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
            // then
            #expect(outcomes.filter { $0 == "closed" }.count == 1, "\(outcomes)")
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "forum.closed").count() == 1)
            #expect(try await UsulanEvent.query(on: app.db).filter(\.$usulan.$id == jalan.id!).filter(\.$step == "agree_at_desa").count() == 1)
            #expect(try await Usulan.find(jalan.id, on: app.db)?.workflowStatus == .diteruskan)
        }
    }

    @Test func oneScorersSheetSentFourTimesAtOnceIsSavedOnce() async throws {
        try await withRembuk { app in
            // given: a desa forum in session
            let jalan = try await Self.seed(app, title: "Rabat beton gang Kenanga", status: .diverifikasi, cost: 45_000_000)
            let (_, forum) = try await Self.desaForumInSession(app)
            let id = try #require(UUID(uuidString: forum))
            let usulanID = try jalan.requireID()
            // when: the same sheet arrives four times at the same moment (a double click, on several instances)
            let saved = try await withThrowingTaskGroup(of: Int.self) { group in
                for value in 2...5 {
                    group.addTask {
                        let loaded = try #require(try await Forum.find(id, on: app.db))
                        let input = SaveScores.Input(scorer: "Penilai 1", s: [usulanID.uuidString: ["urgensi": "\(value)", "jangkauan": "3",
                                                                                                      "kerusakan": "3", "biaya": "3"]])
                        guard case let .saved(count) = try await SaveScores().run(input, forum: loaded, in: .system(app)) else { return 0 }
                        return count
                    }
                }
                return try await group.reduce(0, +)
            }
            // then: every save went through, and there is one sheet for the scorer
            #expect(saved == 4)
            #expect(try await ForumScoreSheet.query(on: app.db).filter(\.$forum.$id == id).filter(\.$scorer == "Penilai 1").count() == 1)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "forum.scored").count() == 4)
        }
    }

    @Test func theKecamatanFitsTheRankingIntoItsPaguAndAdjustsWithAReason() async throws {
        try await withRembuk { app in
            // given: Rp1 M of pagu; 600 jt (best), 500 jt, 300 jt
            let cycle = try #require(try await PlanningCycle.query(on: app.db).filter(\.$year == Self.year + 1).first())
            let pagu = try #require(try await PaguIndikatif.query(on: app.db).filter(\.$cycle.$id == cycle.requireID()).filter(\.$kecamatanCode == "32.14.01").first())
            pagu.amount = 1_000_000_000
            try await pagu.save(on: app.db)
            let a = try await Self.seed(app, title: "Jembatan Cilalawi", status: .diteruskan, cost: 600_000_000, minute: 1)
            let b = try await Self.seed(app, title: "Pengaspalan jalan poros", desa: "32.14.01.2001", status: .diteruskan, cost: 500_000_000, minute: 2)
            let c = try await Self.seed(app, title: "Drainase pasar", status: .diteruskan, cost: 300_000_000, minute: 3)
            var operatorKecamatan = TestBrowser(app)
            try await operatorKecamatan.signIn("operator.kecamatan@rembuk.test")
            let forum = try await Self.schedule(&operatorKecamatan, level: "kecamatan", region: "32.14.01", on: "02-20")
            _ = try await operatorKecamatan.post(SiteRoute.forumStatus(forum).path, ["change": "start"])
            for (name, gender) in [("Euis", "perempuan"), ("Cecep", "laki_laki"), ("Yayan", "laki_laki")] {
                _ = try await Self.attend(&operatorKecamatan, forum, name, gender)
            }
            _ = try await operatorKecamatan.post(SiteRoute.forumDelegates(forum).path, [:], repeated: try await Self.delegates(app, forum, names: ["Euis", "Cecep", "Yayan"]))
            _ = try await operatorKecamatan.post(SiteRoute.forumScoring(forum).path, ["scorer": "Tim perumus"]
                .merging(Self.scores(a, [5, 5, 5, 5])) { $1 }.merging(Self.scores(b, [4, 4, 4, 4])) { $1 }.merging(Self.scores(c, [3, 3, 3, 3])) { $1 })
            // when
            var visitor = TestBrowser(app)
            let provisional = try await visitor.get(SiteRoute.forum(forum).path)
            let noReason = try await operatorKecamatan.post(SiteRoute.forumAdjust(forum, b.id!.uuidString).path, ["volume": "80", "cost": "400.000.000", "reason": ""])
            let adjusted = try await operatorKecamatan.post(SiteRoute.forumAdjust(forum, b.id!.uuidString).path,
                                                            ["volume": "80", "cost": "400.000.000", "reason": "Panjang dikurangi menjadi 80 m agar muat pagu."])
            let close = try await operatorKecamatan.post(SiteRoute.forumStatus(forum).path, ["change": "close"])
            // then
            #expect(provisional.text.contains("Belum disepakati") && provisional.text.contains("melebihi sisa pagu (sisa Rp400.000.000)"))
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("Tulis alasan penyesuaian"))
            #expect(adjusted.status == .seeOther && close.status == .seeOther)
            #expect(try await Usulan.find(b.id, on: app.db)?.cost == 400_000_000)
            let adjust = try await UsulanEvent.query(on: app.db).filter(\.$usulan.$id == b.id!).filter(\.$step == "adjust").first()
            #expect(adjust?.changedCost == 400_000_000 && adjust?.note.contains("sebelumnya 100 m, Rp500.000.000") == true)
            #expect(try await Usulan.find(a.id, on: app.db)?.workflowStatus == .disepakatiKecamatan)
            #expect(try await Usulan.find(b.id, on: app.db)?.workflowStatus == .disepakatiKecamatan)
            let postponed = try #require(try await Usulan.find(c.id, on: app.db))
            #expect(postponed.workflowStatus == .ditunda)
            #expect(try await UsulanEvent.query(on: app.db).filter(\.$usulan.$id == c.id!).first()?.reasonCode == "melebihi_pagu")
            // Bappeda changing the pagu later does not rewrite the signed berita acara.
            pagu.amount = 5_000_000_000
            try await pagu.save(on: app.db)
            visitor = TestBrowser(app)
            let minutes = try await visitor.get(SiteRoute.forumMinutes(forum).path)
            #expect(minutes.text.contains("Pagu indikatif Rp1.000.000.000; disepakati Rp1.000.000.000; sisa Rp0."))
            #expect(minutes.text.contains("Belum disepakati: melebihi sisa pagu (sisa Rp0)"))
        }
    }

    @Test func anAgencyCeilingInsideThePaguSkipsThatAgencysNextUsulan() async throws {
        try await withRembuk { app in
            // given: Rp1 M, of which Dinas PUPR at most Rp500 jt; PUPR 400 jt (best), PUPR 300 jt, Dinkes 300 jt
            let cycle = try #require(try await PlanningCycle.query(on: app.db).filter(\.$year == Self.year + 1).first())
            let pagu = try #require(try await PaguIndikatif.query(on: app.db).filter(\.$cycle.$id == cycle.requireID()).filter(\.$kecamatanCode == "32.14.01").first())
            pagu.amount = 1_000_000_000
            pagu.perAgencyJSON = #"{"dinas-pupr":500000000}"#
            try await pagu.save(on: app.db)
            let a = try await Self.seed(app, title: "Jalan lingkungan RW 01", status: .diteruskan, cost: 400_000_000, minute: 1)
            let b = try await Self.seed(app, title: "Jalan lingkungan RW 02", status: .diteruskan, cost: 300_000_000, minute: 2)
            let c = try await Self.seed(app, title: "Posbindu lansia", status: .diteruskan, cost: 300_000_000, agency: "dinkes", bidang: .kesehatan, minute: 3)
            var operatorKecamatan = TestBrowser(app)
            try await operatorKecamatan.signIn("operator.kecamatan@rembuk.test")
            let forum = try await Self.schedule(&operatorKecamatan, level: "kecamatan", region: "32.14.01", on: "02-20")
            _ = try await operatorKecamatan.post(SiteRoute.forumStatus(forum).path, ["change": "start"])
            let physical = ["urgensi", "jangkauan", "kerusakan", "biaya"], social = ["urgensi", "jangkauan", "keberlanjutan", "biaya"]
            var fields = ["scorer": "Tim perumus"]
            for (usulan, keys, score) in [(a, physical, "5"), (b, physical, "4"), (c, social, "3")] {
                for key in keys { fields["s[\(usulan.id!.uuidString)][\(key)]"] = score }
            }
            // when
            let scored = try await operatorKecamatan.post(SiteRoute.forumScoring(forum).path, fields)
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.forum(forum).path)
            // then
            #expect(scored.status == .seeOther)
            let agenda = try await ForumAgenda.load(try #require(try await Forum.find(UUID(uuidString: forum), on: app.db)), on: app.db)
            let outcome = Dictionary(uniqueKeysWithValues: agenda.preview.map { ($0.id, $0.outcome) })
            #expect(outcome[a.id!.uuidString] == .disepakati && outcome[b.id!.uuidString] == .belumDisepakati && outcome[c.id!.uuidString] == .disepakati)
            #expect(page.text.contains("melebihi pagu Dinas Pekerjaan Umum dan Penataan Ruang (sisa Rp100.000.000)"))
        }
    }

    @Test func theForumOPDDecidesAndTheKabupatenSettlesTheRKPDList() async throws {
        try await withRembuk { app in
            // given
            let keep = try await Self.seed(app, title: "Jalan poros desa", status: .disepakatiKecamatan, cost: 900_000_000, minute: 1)
            let change = try await Self.seed(app, title: "Tembok penahan tanah", status: .disepakatiKecamatan, cost: 300_000_000, minute: 2)
            let refuse = try await Self.seed(app, title: "Gedung serbaguna", status: .disepakatiKecamatan, cost: 2_000_000_000, minute: 3)
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let forum = try await Self.schedule(&admin, level: "forum_opd", region: "32.14", on: "03-05", agency: "dinas-pupr")
            _ = try await opd.post(SiteRoute.forumStatus(forum).path, ["change": "start"])
            _ = try await Self.attend(&opd, forum, "Kepala Bidang Bina Marga", "laki_laki")
            // when
            let early = try await opd.post(SiteRoute.forumStatus(forum).path, ["change": "close"])
            let noReason = try await opd.post(SiteRoute.forumDecide(forum, refuse.id!.uuidString).path, ["decision": "tolak"])
            let sameCost = try await opd.post(SiteRoute.forumDecide(forum, change.id!.uuidString).path, ["decision": "terima_dengan_perubahan", "volume": "100", "cost": "300000000"])
            _ = try await opd.post(SiteRoute.forumDecide(forum, keep.id!.uuidString).path, ["decision": "terima"])
            _ = try await opd.post(SiteRoute.forumDecide(forum, change.id!.uuidString).path, ["decision": "terima_dengan_perubahan", "volume": "60", "cost": "180.000.000", "note": "Dikerjakan 60 m tahun ini."])
            _ = try await opd.post(SiteRoute.forumDecide(forum, refuse.id!.uuidString).path, ["decision": "tolak", "reason_code": "bukan_kewenangan", "note": "Aset desa."])
            let others = try await ForumAgenda.load(try #require(try await Forum.find(UUID(uuidString: forum), on: app.db)), on: app.db).usulan
                .filter { ![keep.id, change.id, refuse.id].contains($0.id) }
            for other in others { _ = try await opd.post(SiteRoute.forumDecide(forum, other.id!.uuidString).path, ["decision": "terima"]) }
            let close = try await opd.post(SiteRoute.forumStatus(forum).path, ["change": "close"])
            // then
            #expect(early.status == .unprocessableEntity && early.text.contains("usulan belum diputuskan"))
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("Pilih alasannya."))
            #expect(sameCost.status == .unprocessableEntity && sameCost.text.contains("ubah volume atau biayanya"))
            #expect(close.status == .seeOther)
            #expect(try await Usulan.find(keep.id, on: app.db)?.workflowStatus == .diterimaOPD)
            let changed = try #require(try await Usulan.find(change.id, on: app.db))
            #expect(changed.workflowStatus == .diterimaOPD && changed.cost == 180_000_000 && changed.volume == 60)
            #expect(try await Usulan.find(refuse.id, on: app.db)?.workflowStatus == .ditolak)

            // when: the kabupaten forum
            let kabupaten = try await Self.schedule(&admin, level: "kabupaten", region: "32.14", on: "03-25")
            _ = try await admin.post(SiteRoute.forumStatus(kabupaten).path, ["change": "start"])
            _ = try await Self.attend(&admin, kabupaten, "Kepala Bappeda", "perempuan")
            let agenda = try await ForumAgenda.load(try #require(try await Forum.find(UUID(uuidString: kabupaten), on: app.db)), on: app.db)
            for usulan in agenda.usulan { _ = try await admin.post(SiteRoute.forumDecide(kabupaten, usulan.id!.uuidString).path, ["decision": "masuk_rkpd"]) }
            let final = try await admin.post(SiteRoute.forumStatus(kabupaten).path, ["change": "close"])
            // then
            #expect(final.status == .seeOther)
            #expect(try await Usulan.find(keep.id, on: app.db)?.workflowStatus == .masukRKPD)
            #expect(try await Usulan.find(change.id, on: app.db)?.workflowStatus == .masukRKPD)
        }
    }

    @Test(arguments: [
        ("operator.desa@rembuk.test", "32.14.02.2001"),      // a desa of another kecamatan: not theirs
        ("operator.kecamatan@rembuk.test", "32.14.02.2001"),
        ("warga@rembuk.test", "32.14.01.2010"),
        ("moderator@rembuk.test", "32.14.01.2010"),
        ("opd@rembuk.test", "32.14.01.2010"),
        ("mitra@rembuk.test", "32.14.01.2010"),
    ])
    func nobodyRunsAnotherRegionsForum(account: String, desa: String) async throws {
        try await withRembuk { app in
            // given: a forum scheduled by Bappeda
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let forum = try await Self.schedule(&admin, level: "desa", region: desa, on: "01-20")
            var someone = TestBrowser(app)
            try await someone.signIn(account)
            let before = try await auditCount(app)
            // when
            let attend = try await Self.attend(&someone, forum, "Siapa Saja", "perempuan")
            let start = try await someone.post(SiteRoute.forumStatus(forum).path, ["change": "start"])
            let page = try await someone.get(SiteRoute.forumAttendance(forum).path)
            let scoring = try await someone.get(SiteRoute.forumScoring(forum).path)
            // then
            #expect([attend.status, start.status, page.status, scoring.status] == [.forbidden, .forbidden, .forbidden, .forbidden])
            #expect(try await auditCount(app) == before)
            #expect(try await ForumAttendee.query(on: app.db).count() == 0)
            let public_ = try await someone.get(SiteRoute.forum(forum).path)
            #expect(public_.status == .ok && !public_.text.contains("Jalannya forum"))
        }
    }

    @Test func badScoresAndAttendanceAreExplainedAndChangeNothing() async throws {
        try await withRembuk { app in
            // given
            let usulan = try await Self.seed(app, title: "Posyandu RW 04", status: .diverifikasi, cost: 30_000_000, bidang: .kesehatan)
            var operatorDesa = TestBrowser(app)
            try await operatorDesa.signIn("operator.desa@rembuk.test")
            let forum = try await Self.schedule(&operatorDesa, level: "desa", region: "32.14.01.2010", on: "01-20")
            _ = try await operatorDesa.post(SiteRoute.forumStatus(forum).path, ["change": "start"])
            let before = try await auditCount(app)
            let id = usulan.id!.uuidString
            // when
            let outOfRange = try await operatorDesa.post(SiteRoute.forumScoring(forum).path,
                                                         ["scorer": "Penilai 1", "s[\(id)][urgensi]": "7", "s[\(id)][jangkauan]": "3", "s[\(id)][keberlanjutan]": "3", "s[\(id)][biaya]": "3"])
            let halfway = try await operatorDesa.post(SiteRoute.forumScoring(forum).path, ["scorer": "Penilai 1", "s[\(id)][urgensi]": "4"])
            let noScorer = try await operatorDesa.post(SiteRoute.forumScoring(forum).path,
                                                       ["scorer": "", "s[\(id)][urgensi]": "4", "s[\(id)][jangkauan]": "3", "s[\(id)][keberlanjutan]": "3", "s[\(id)][biaya]": "3"])
            let noName = try await operatorDesa.post(SiteRoute.forumAttendance(forum).path, ["name": "", "gender": "x", "age_group": "", "unsur": "", "phone": "12"])
            // then
            #expect(outOfRange.status == .unprocessableEntity && outOfRange.text.contains("nilai Urgensi harus 1 sampai 5"))
            #expect(halfway.text.contains("isi juga nilai Jangkauan manfaat"))
            #expect(noScorer.text.contains("Tulis nama atau peran penilai"))
            #expect(noName.status == .unprocessableEntity)
            for message in ["Tulis nama peserta", "Pilih jenis kelamin.", "Pilih kelompok umur.", "Pilih unsur yang diwakili.", "Nomor HP seperti"] {
                #expect(noName.text.contains(message), "missing: \(message)")
            }
            #expect(try await ForumScoreSheet.query(on: app.db).count() == 0)
            #expect(try await ForumAttendee.query(on: app.db).count() == 0)
            #expect(try await auditCount(app) == before)
        }
    }
}

@Suite struct ForumFilesTests {
    @Test func runnersAttachPhotosAndScansThatEveryoneCanOpen() async throws {
        try await withRembuk { app in
            // given
            var operatorDesa = TestBrowser(app)
            try await operatorDesa.signIn("operator.desa@rembuk.test")
            let forum = try await ForumProceedingsTests.schedule(&operatorDesa, level: "desa", region: "32.14.01.2010", on: "01-20")
            var warga = TestBrowser(app)
            try await warga.signIn("warga@rembuk.test")
            // when
            let text = try await operatorDesa.postMultipart(SiteRoute.forumFiles(forum).path, [:], files: [("berkas", "catatan.txt", Array("bukan foto".utf8))])
            let stranger = try await warga.postMultipart(SiteRoute.forumFiles(forum).path, [:], files: [("berkas", "foto.jpg", AttachmentTests.jpeg)])
            let photo = try await operatorDesa.postMultipart(SiteRoute.forumFiles(forum).path, [:], files: [("berkas", "suasana forum.jpg", AttachmentTests.jpeg)])
            // then
            #expect(text.status == .unprocessableEntity && text.text.contains("bukan foto"))
            #expect(stranger.status == .forbidden)
            #expect(photo.status == .seeOther)
            let files = try await Attachment.query(on: app.db).filter(\.$subjectType == "forum").all()
            #expect(files.count == 1 && files.first?.subjectID == forum)
            var visitor = TestBrowser(app)
            let served = try await visitor.get(SiteRoute.attachment(files[0].id!.uuidString).path)
            let page = try await visitor.get(SiteRoute.forum(forum).path)
            let minutes = try await visitor.get(SiteRoute.forumMinutes(forum).path)
            #expect(served.status == .ok && files[0].filename.hasPrefix("suasana"))
            #expect(page.text.contains(files[0].filename) && minutes.text.contains("Lampiran: \(files[0].filename)."))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "forum.files_attached").count() == 1)
        }
    }
}
