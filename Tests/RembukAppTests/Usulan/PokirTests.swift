import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

@Suite struct PokirTests {
    @Test func bappedaMarksAPokirAndEveryListShowsItsSource() async throws {
        try await withRembuk { app in
            // given
            let usulan = try #require(try await Usulan.publicQuery(on: app.db).sort(\.$title).first())
            let id = usulan.id!.uuidString
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            // when
            let noDapil = try await admin.post(SiteRoute.usulanPokir(id).path, ["member": "H. Ahmad Sanusi", "dapil": ""])
            let marked = try await admin.post(SiteRoute.usulanPokir(id).path, ["member": "H. Ahmad Sanusi", "dapil": "Dapil 2"])
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.usulan(id).path)
            let list = try await visitor.get(SiteRoute.usulanIndex.path + "?q=" + (usulan.title.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            let csv = try await visitor.get(SiteRoute.usulanExportCSV.path + "?tahun=\(usulan.year)")
            let api = try await visitor.get(SiteRoute.apiUsulan(id).path)
            let removeWithoutReason = try await admin.post(SiteRoute.usulanPokir(id).path, ["member": "", "dapil": "", "reason": ""])
            // then
            #expect(noDapil.status == .unprocessableEntity && noDapil.text.contains("Tulis daerah pemilihannya"))
            #expect(marked.status == .seeOther)
            #expect(page.text.contains("Pokir DPRD: H. Ahmad Sanusi (Dapil 2)") && list.text.contains("Pokir DPRD: H. Ahmad Sanusi (Dapil 2)"))
            #expect(csv.text.contains(";H. Ahmad Sanusi;Dapil 2;"))
            #expect(api.text.contains(#""pokir":{"dapil":"Dapil 2","member":"H. Ahmad Sanusi"}"#))
            #expect(removeWithoutReason.status == .unprocessableEntity && removeWithoutReason.text.contains("Tulis alasan tanda pokir dihapus (5–300 huruf)."))
            let record = try await AuditRecord.query(on: app.db).filter(\.$action == "usulan.pokir_marked").first()
            #expect(record?.summary.contains("Pokir DPRD: H. Ahmad Sanusi (Dapil 2)") == true)
            let removed = try await admin.post(SiteRoute.usulanPokir(id).path, ["member": "", "reason": "Ternyata usulan warga, bukan pokir."])
            #expect(removed.status == .seeOther)
            #expect(try await Usulan.find(usulan.id, on: app.db)?.pokirMember == nil)
        }
    }

    @Test(arguments: ["operator.desa@rembuk.test", "operator.kecamatan@rembuk.test", "opd@rembuk.test", "warga@rembuk.test", "moderator@rembuk.test"])
    func onlyBappedaMarksPokir(account: String) async throws {
        try await withRembuk { app in
            let usulan = try #require(try await Usulan.publicQuery(on: app.db).first())
            var someone = TestBrowser(app)
            try await someone.signIn(account)
            let before = try await auditCount(app)
            let response = try await someone.post(SiteRoute.usulanPokir(usulan.id!.uuidString).path, ["member": "H. Ahmad Sanusi", "dapil": "Dapil 2"])
            #expect(response.status == .forbidden)
            #expect(try await auditCount(app) == before)
            #expect(try await Usulan.find(usulan.id, on: app.db)?.pokirMember == nil)
        }
    }
}
