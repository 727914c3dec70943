import Fluent
import Foundation
import RembukCore
import Vapor

/// One public complaint as open data (CSV, JSON, API, Atom). Made only from `ComplaintAccess.publicQuery`
/// rows, and never with the reporter: not their name, not their pseudonym, not whether they rated it.
struct ComplaintRecord: Content {
    var id: String
    var number: String
    var category: UsulanRecord.Place
    var title: String
    var text: String
    /// What it is about: `project`, `usulan`, or empty.
    var about: String
    var aboutURL: String?
    var desa: UsulanRecord.Place
    var kecamatan: UsulanRecord.Place
    var status: String
    var statusLabel: String
    var agency: UsulanRecord.Place
    var receivedOn: String
    var firstResponseOn: String?
    /// The agency's latest public answer.
    var answer: String
    var reopened: Bool
    var url: String

    static func load(_ complaints: [Complaint], baseURL: String, on db: any Database) async throws -> [ComplaintRecord] {
        let names = try await RegionNames.load(complaints.flatMap { [$0.desaCode, $0.kecamatanCode] }, on: db)
        let agencies = try await AgencyNames.load(on: db)
        let categories = Dictionary(try await ComplaintCategory.query(on: db).all().map { ($0.id ?? "", $0.name) }, uniquingKeysWith: { a, _ in a })
        let ids = complaints.compactMap(\.id)
        let answers = ids.isEmpty ? [] : try await ComplaintEvent.query(on: db).filter(\.$complaint.$id ~~ ids)
            .filter(\.$action == ComplaintAction.respond.rawValue).sort(\.$atMillis).all()
        let latest = Dictionary(answers.map { ($0.$complaint.id, $0.note) }, uniquingKeysWith: { _, newer in newer })
        return complaints.map { c in
            let id = c.id?.uuidString ?? ""
            let aboutURL: String? = switch c.subjectType {
            case "project": baseURL + SiteRoute.project(c.subjectID).path
            case "usulan": baseURL + SiteRoute.usulan(c.subjectID).path
            default: nil
            }
            return ComplaintRecord(
                id: id, number: c.number, category: .init(code: c.category, name: categories[c.category] ?? c.category), title: c.title, text: c.text,
                about: c.subjectType, aboutURL: aboutURL,
                desa: .init(code: c.desaCode, name: names[c.desaCode] ?? ""), kecamatan: .init(code: c.kecamatanCode, name: names[c.kecamatanCode] ?? ""),
                status: c.status, statusLabel: c.complaintStatus.label(.id), agency: .init(code: c.agency, name: agencies[c.agency] ?? ""),
                receivedOn: c.receivedOn, firstResponseOn: c.firstResponseOn, answer: c.id.flatMap { latest[$0] } ?? "", reopened: c.reopened,
                url: baseURL + SiteRoute.complaint(id).path)
        }
    }

    static let header = ["Nomor", "Kategori", "Judul", "Isi", "Tentang", "Desa/Kelurahan", "Kode desa", "Kecamatan", "Status",
                         "Perangkat daerah", "Diterima", "Pertama ditanggapi", "Jawaban terakhir", "Dibuka kembali", "Alamat"]

    var row: [String] {
        [number, category.name, title, text, aboutURL ?? "", desa.name, desa.code, kecamatan.name, statusLabel, agency.name,
         receivedOn, firstResponseOn ?? "", answer, reopened ? "ya" : "tidak", url]
    }
}

struct ComplaintListJSON: Content {
    var data: [ComplaintRecord]
    var next: String?
}
