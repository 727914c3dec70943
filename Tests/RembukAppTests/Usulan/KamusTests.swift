import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

@Suite struct KamusTests {
    func item(_ app: Application, _ code: String) async throws -> KamusItem {
        try #require(try await KamusItem.query(on: app.db).filter(\.$code == code).first())
    }

    @Test func anUsulanFromTheKamusCostsVolumeTimesUnitPrice() async throws {
        try await withRembuk { app in
            // given
            let rabat = try await item(app, "PU-001")
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            // when: the cost is left empty and the unit typed differently
            let response = try await citizen.post(SiteRoute.usulanNew.path, UsulanTests.form.merging(
                ["kamus": rabat.id!.uuidString, "cost": "", "satuan": "meter", "bidang": "", "volume": "250"]) { $1 })
            // then
            #expect(response.status == .seeOther)
            let stored = try #require(try await Usulan.query(on: app.db).filter(\.$kamusID == rabat.id).first())
            #expect(stored.cost == 250 * 450_000)
            #expect(stored.satuan == "m")
            #expect(stored.bidang == "infrastruktur")
            #expect(stored.targetAgency == "dinas-pupr")
        }
    }

    @Test func anUnknownOrRetiredKamusItemIsRefused() async throws {
        try await withRembuk { app in
            // given
            let retired = try await item(app, "HUB-002")
            retired.active = false
            try await retired.save(on: app.db)
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            // when
            let unknown = try await citizen.post(SiteRoute.usulanNew.path, UsulanTests.form.merging(["kamus": UUID().uuidString]) { $1 })
            let old = try await citizen.post(SiteRoute.usulanNew.path, UsulanTests.form.merging(["kamus": retired.id!.uuidString]) { $1 })
            let huge = try await citizen.post(SiteRoute.usulanNew.path, UsulanTests.form.merging(
                ["kamus": try await item(app, "DIK-001").id!.uuidString, "volume": "999999"]) { $1 })
            // then
            #expect(unknown.status == .unprocessableEntity && old.status == .unprocessableEntity)
            #expect(unknown.text.contains("Pilih item dari kamus usulan, atau kosongkan."))
            #expect(huge.status == .unprocessableEntity)
            #expect(huge.text.contains("Volume × harga satuan melebihi"))
            #expect(try await Usulan.query(on: app.db).filter(\.$title == UsulanTests.form["title"]!).count() == 0)
        }
    }

    @Test func bappedaKeepsTheKamusAndPriceChangesLeaveFiledUsulanAlone() async throws {
        try await withRembuk { app in
            // given: an usulan priced from the kamus
            let rabat = try await item(app, "PU-001")
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            _ = try await citizen.post(SiteRoute.usulanNew.path, UsulanTests.form.merging(["kamus": rabat.id!.uuidString, "volume": "100"]) { $1 })
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let fields = ["code": "pu-001", "name": rabat.name, "satuan": "m", "unit_price": "Rp500.000", "agency": "dinas-pupr",
                          "bidang": "infrastruktur", "fisik": "1", "active": "1"]
            // when
            let duplicate = try await admin.post(SiteRoute.kamus.path, fields.merging(["name": "Rabat beton versi lain"]) { $1 })
            let changed = try await admin.post(SiteRoute.kamusEdit(rabat.id!.uuidString).path, fields)
            let added = try await admin.post(SiteRoute.kamus.path, ["code": "LH-003", "name": "Komposter rumah tangga", "satuan": "unit",
                                                                     "unit_price": "350.000", "agency": "dlh", "bidang": "lingkungan"])
            // then
            #expect(duplicate.status == .unprocessableEntity)
            #expect(duplicate.text.contains("Kode PU-001 sudah dipakai"))
            #expect(changed.status == .seeOther && added.status == .seeOther)
            #expect(try await item(app, "PU-001").unitPrice == 500_000)
            #expect(try await item(app, "LH-003").fisik == false)
            #expect(try await Usulan.query(on: app.db).filter(\.$kamusID == rabat.id).first()?.cost == 45_000_000)
            let audit = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "kamus.updated").first())
            #expect(audit.summary == "PU-001 Rp450.000/m → PU-001 Rp500.000/m")
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.kamus.path)
            #expect(page.text.contains("Komposter rumah tangga") && page.text.contains("Rp500.000"))
            #expect(!page.text.contains("Tambah ke kamus"))
        }
    }

    @Test(arguments: ["warga@rembuk.test", "operator.desa@rembuk.test", "opd@rembuk.test", "moderator@rembuk.test"])
    func othersCannotChangeTheKamus(account: String) async throws {
        try await withRembuk { app in
            // given
            let rabat = try await item(app, "PU-001")
            var someone = TestBrowser(app)
            try await someone.signIn(account)
            let before = try await auditCount(app)
            // when
            let add = try await someone.post(SiteRoute.kamus.path, ["code": "X-1", "name": "Sesuatu yang baru", "satuan": "unit",
                                                                    "unit_price": "1000", "agency": "dlh", "bidang": "lingkungan"])
            let edit = try await someone.get(SiteRoute.kamusEdit(rabat.id!.uuidString).path)
            // then
            #expect(add.status == .forbidden && edit.status == .forbidden)
            #expect(try await auditCount(app) == before)
        }
    }
}

@Suite struct VerificationQueueTests {
    @Test func theQueuePointsOutMissingDataTheKamusAndLikelyDuplicates() async throws {
        try await withRembuk { app in
            // given: two usulan about the same road in Citalang, one priced from the kamus
            let rabat = try #require(try await KamusItem.query(on: app.db).filter(\.$code == "PU-001").first())
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            _ = try await citizen.post(SiteRoute.usulanNew.path, UsulanTests.form.merging(["kamus": rabat.id!.uuidString]) { $1 })
            var neighbour = TestBrowser(app)
            try await neighbour.signIn("mitra@rembuk.test")
            _ = try await neighbour.post(SiteRoute.usulanNew.path, UsulanTests.form.merging(["title": "Jalan rusak RT 3 perlu diperbaiki",
                                                                                             "latitude": "-6.5569", "longitude": "107.4431"]) { $1 })
            let first = try #require(try await Usulan.query(on: app.db).filter(\.$kamusID == rabat.id).first())
            var operatorDesa = TestBrowser(app)
            try await operatorDesa.signIn("operator.desa@rembuk.test")
            // when
            let queue = try await operatorDesa.get(SiteRoute.usulanQueue.path)
            // then
            #expect(queue.status == .ok)
            #expect(queue.text.contains("✓ Dari kamus usulan PU-001"))
            #expect(queue.text.contains("! Bukan dari kamus usulan: periksa kewajaran harga"))
            #expect(queue.text.contains("! Belum ada: foto atau dokumen, koordinat"))
            #expect(queue.text.contains("! Belum ada: foto atau dokumen\n") || queue.text.contains("! Belum ada: foto atau dokumen<"))
            #expect(queue.text.contains("Mirip dengan: <a href=\"/usulan/\(first.id!.uuidString)\">\(first.number)"))
            #expect(queue.text.contains("? Kepemilikan aset: periksa di lokasi"))
        }
    }
}
