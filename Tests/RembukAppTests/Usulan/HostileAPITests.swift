import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// The hostile corpus of `HostileInputTests` against the API's writes: an usulan sent with a token, a support, a
/// progress report. No 5xx; overlong text and wrong JSON types get a 4xx problem object and store nothing; what is
/// accepted is shown escaped and kept without invisible characters.
@Suite(.serialized) struct HostileAPITests {
    static func usulanJSON(text: String, wrong: Bool) -> String {
        func quoted(_ value: String) -> String { var out = ""; JSONText.appendQuoted(value, to: &out); return out }
        let title = quoted("Usulan: " + text), problem = quoted("Masalahnya: " + text), proposal = quoted("Usulannya: " + text)
        let numbers = wrong ? #""volume":["banyak"],"cost":true,"desa_code":3214012010,"bidang":{"nama":"jalan"}"#
                            : #""volume":"300","cost":"135000000","desa_code":"32.14.01.2010","bidang":"infrastruktur""#
        return #"{"title":\#(title),"problem":\#(problem),"proposal":\#(proposal),"address":\#(quoted(text)),"satuan":"m",\#(numbers)}"#
    }

    @Test func theAPIsWritesWithstandTheCorpus() async throws {
        try await withRembuk { app in
            // given
            let citizen = try await UsulanAPITests().token(app, for: "warga@rembuk.test")
            let agency = try await BulkProgressTests.agencyToken(app)
            let project = try #require(try await BulkProgressTests.running(app).first)
            var problems: [String] = []
            var accepted: [String] = []
            for entry in HostileInputTests.corpus {
                let before = (try await Usulan.query(on: app.db).count(), try await ProjectReport.query(on: app.db).count(), try await auditCount(app))
                // when: an usulan, a support of an usulan named by the entry, a progress report whose note is the entry
                let sent = try await UsulanAPITests().send(app, .POST, SiteRoute.apiUsulanList.path, token: citizen,
                                                           json: Self.usulanJSON(text: entry.text, wrong: entry.typed == .wrong))
                let support = try await UsulanAPITests().send(app, .POST, "/api/v1/usulan/" + (entry.text.prefix(200).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "x") + "/dukungan",
                                                              token: citizen)
                let csv = "kode,tanggal,fisik_persen,realisasi_rp,catatan\n\(project.number),\(LocalDate(Date()).iso),"
                    + (entry.typed == .wrong ? "separuh,banyak" : "\(project.progress / 100 + 1),\(project.realised)") + ",\"\(entry.text.replacingOccurrences(of: "\"", with: "\"\""))\"\n"
                let report = try await BulkProgressTests.post(app, csv, token: agency)
                // then
                for (what, response) in [("usulan", sent), ("support", support), ("report", report)] where response.status.code >= 500 {
                    problems.append("\(what) [\(entry.name)]: \(response.status.code)")
                }
                if sent.status.code >= 400, sent.headers.contentType?.description.hasPrefix("application/problem+json") != true {
                    problems.append("usulan [\(entry.name)]: \(sent.status.code) without a problem object")
                }
                if !(400 ..< 500).contains(Int(support.status.code)) { problems.append("support [\(entry.name)]: \(support.status.code)") }
                if entry.refused {
                    if !(400 ..< 500).contains(Int(sent.status.code)) { problems.append("usulan [\(entry.name)]: accepted with \(sent.status.code)") }
                    let after = (try await Usulan.query(on: app.db).count(), try await ProjectReport.query(on: app.db).count(), try await auditCount(app))
                    if after.0 != before.0 { problems.append("usulan [\(entry.name)]: stored") }
                    if after.1 != before.1 { problems.append("report [\(entry.name)]: stored \(report.text.prefix(200))") }
                } else if sent.status == .created, let id = sent.text.firstMatch(of: /"id":"([0-9A-Fa-f-]{36})"/)?.output.1 {
                    accepted.append(String(id))
                }
            }
            // then: what was accepted reads back escaped, without invisible characters
            #expect(accepted.count >= 3, "accepted: \(accepted.count)")
            var visitor = TestBrowser(app)
            for id in accepted {
                let page = try await visitor.get(SiteRoute.usulan(id).path)
                if page.text.contains(HostileInputTests.script) || page.text.contains("<img src=x onerror") { problems.append("\(id) shows markup") }
            }
            let catalog = try await DatabaseCatalog.read(app.db)
            for table in ["usulan", "project_reports", "audit_records"] {
                let found = try await HostileInputTests.invisibleCharacters(in: app.db, table: table, columns: catalog.tables[table] ?? [])
                if !found.isEmpty { problems.append("\(table) stores invisible characters in \(found.sorted())") }
            }
            #expect(problems.isEmpty, Testing.Comment(rawValue: problems.joined(separator: "\n")))
        }
    }
}
