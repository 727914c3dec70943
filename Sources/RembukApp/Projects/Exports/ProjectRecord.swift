import Fluent
import Foundation
import RembukCore
import Vapor

/// One project as open data: what the JSON API returns and what the CSV export is made from.
struct ProjectRecord: Content {
    var id: String
    var number: String
    var year: Int
    var title: String
    var description: String
    var agency: UsulanRecord.Place
    var bidang: String
    var bidangLabel: String
    var subKegiatan: String
    var nomenclature: String
    var fundingSource: String
    var fundingSourceLabel: String
    var pagu: Int64
    var realised: Int64
    /// Physical progress of the latest report, in percent with up to two decimals.
    var progressPercent: Double
    var contractor: String
    var desa: UsulanRecord.Place
    var kecamatan: UsulanRecord.Place
    var latitude: Double?
    var longitude: Double?
    var plannedStart: String
    var plannedEnd: String
    var status: String
    var statusLabel: String
    var usulan: [String]
    var lastReportAt: Date?
    var url: String
    var reports: [Report]?

    struct Report: Content {
        var id: String
        var reportedOn: String
        var progressPercent: Double
        var realised: Int64
        var notes: String
        var problems: String
        var reason: String
        var by: String
        var photos: [String]
        var createdAt: Date
    }

    static func load(_ projects: [Project], baseURL: String, on db: any Database) async throws -> [ProjectRecord] {
        let names = try await RegionNames.load(projects.flatMap { [$0.desaCode, $0.kecamatanCode] }, on: db)
        let agencies = try await AgencyNames.load(on: db)
        let ids = projects.compactMap(\.id)
        let links = ids.isEmpty ? [] : try await ProjectUsulan.query(on: db).filter(\.$project.$id ~~ ids).with(\.$usulan).all()
        let usulan = Dictionary(grouping: links.filter { !$0.usulan.isHidden }, by: { $0.$project.id })
        return projects.map { p in
            ProjectRecord(
                id: p.id?.uuidString ?? "", number: p.number, year: p.year, title: p.title, description: p.description,
                agency: .init(code: p.agency, name: agencies[p.agency] ?? ""), bidang: p.bidang, bidangLabel: p.sector?.label(.id) ?? p.bidang,
                subKegiatan: p.subKegiatan, nomenclature: p.nomenclature, fundingSource: p.fundingSource, fundingSourceLabel: p.source.label(.id),
                pagu: p.pagu, realised: p.realised, progressPercent: Double(p.progress) / 100, contractor: p.contractor,
                desa: .init(code: p.desaCode, name: names[p.desaCode] ?? ""), kecamatan: .init(code: p.kecamatanCode, name: names[p.kecamatanCode] ?? ""),
                latitude: p.latitude, longitude: p.longitude, plannedStart: p.plannedStart, plannedEnd: p.plannedEnd,
                status: p.status, statusLabel: p.projectStatus.label(.id),
                usulan: (p.id.flatMap { usulan[$0] } ?? []).map(\.usulan.number).sorted(),
                lastReportAt: p.lastReportAt, url: baseURL + SiteRoute.project(p.id?.uuidString ?? "").path, reports: nil)
        }
    }

    /// One project with its reports (newest first) and their photos.
    static func full(_ project: Project, baseURL: String, on db: any Database) async throws -> ProjectRecord? {
        guard var record = try await load([project], baseURL: baseURL, on: db).first else { return nil }
        let reports = try await ProjectReport.query(on: db).filter(\.$project.$id == project.requireID()).sort(\.$createdMillis, .descending).all()
        let ids = reports.compactMap { $0.id?.uuidString }
        let photos = ids.isEmpty ? [] : try await Attachment.query(on: db).filter(\.$subjectType == "project_report").filter(\.$subjectID ~~ ids).sort(\.$createdAt).all()
        let byReport = Dictionary(grouping: photos) { $0.subjectID ?? "" }
        record.reports = reports.map { r in
            Report(id: r.id?.uuidString ?? "", reportedOn: r.reportedOn, progressPercent: Double(r.progress) / 100, realised: r.realised, notes: r.notes,
                   problems: r.problems, reason: r.reason, by: r.actorLabel,
                   photos: (byReport[r.id?.uuidString ?? ""] ?? []).map { baseURL + SiteRoute.attachment($0.id?.uuidString ?? "").path },
                   createdAt: Date(millis: r.createdMillis))
        }
        return record
    }
}

/// The project list and the progress reports as spreadsheet files (same conventions as the usulan CSV).
enum ProjectSpreadsheet {
    static let header = ["Nomor", "Tahun", "Kegiatan", "Perangkat daerah", "Bidang", "Kode sub-kegiatan", "Nomenklatur", "Sumber dana",
                         "Pagu (Rp)", "Realisasi (Rp)", "Kemajuan fisik (%)", "Pelaksana", "Kecamatan", "Desa/Kelurahan", "Lintang", "Bujur",
                         "Rencana mulai", "Rencana selesai", "Status", "Usulan asal", "Alamat halaman"]

    static func csv(_ records: [ProjectRecord]) -> String {
        UsulanSpreadsheet.document(header: header, rows: records.map { r in
            [
                r.number, String(r.year), r.title, r.agency.name, r.bidangLabel, r.subKegiatan, r.nomenclature, r.fundingSourceLabel,
                String(r.pagu), String(r.realised), UsulanSpreadsheet.decimal(r.progressPercent), r.contractor, r.kecamatan.name, r.desa.name,
                UsulanSpreadsheet.decimal(r.latitude), UsulanSpreadsheet.decimal(r.longitude), r.plannedStart, r.plannedEnd, r.statusLabel,
                r.usulan.joined(separator: ", "), r.url,
            ]
        })
    }

    static let reportHeader = ["Nomor proyek", "Kegiatan", "Keadaan per tanggal", "Kemajuan fisik (%)", "Realisasi (Rp)", "Catatan", "Kendala",
                               "Alasan koreksi", "Pelapor", "Jumlah foto", "Dicatat pada"]

    static func reportsCSV(_ rows: [(project: Project, report: ProjectReport, photos: Int)]) -> String {
        let stamp = ISO8601DateFormatter()
        return UsulanSpreadsheet.document(header: reportHeader, rows: rows.map { row in
            let r = row.report
            return [
                row.project.number, row.project.title, r.reportedOn, UsulanSpreadsheet.decimal(Double(r.progress) / 100), String(r.realised),
                r.notes, r.problems, r.reason, r.actorLabel, String(row.photos), stamp.string(from: Date(millis: r.createdMillis)),
            ]
        })
    }
}
