import Fluent
import Foundation
import RembukCore

/// The Atom feed of a kecamatan's project news: every progress report and status change of its projects,
/// newest first, so a camat, a journalist or a village WhatsApp bot can follow them without visiting.
enum ProjectFeed {
    typealias Entry = AtomFeed.Entry

    static let size = 50

    static func load(kecamatan: Region, on db: any Database) async throws -> AtomFeed {
        let code = kecamatan.id ?? ""
        let projects = try await Project.query(on: db).filter(\.$kecamatanCode == code).all()
        let byID = Dictionary(projects.compactMap { p in p.id.map { ($0, p) } }, uniquingKeysWith: { a, _ in a })
        var entries: [Entry] = []
        if !byID.isEmpty {
            let ids = Array(byID.keys)
            let reports = try await ProjectReport.query(on: db).filter(\.$project.$id ~~ ids).sort(\.$createdMillis, .descending).limit(size).all()
            let events = try await ProjectEvent.query(on: db).filter(\.$project.$id ~~ ids).sort(\.$atMillis, .descending).limit(size).all()
            for report in reports {
                guard let project = byID[report.$project.id], let id = report.id else { continue }
                let day = LocalDate(iso: report.reportedOn).map { DateText.long($0) } ?? report.reportedOn
                entries.append(Entry(id: "urn:uuid:\(id.uuidString.lowercased())",
                                     title: "\(project.number) \(project.title): kemajuan \(ProgressRule.percentText(report.progress))",
                                     summary: "Keadaan \(day): fisik \(ProgressRule.percentText(report.progress)), realisasi \(Rupiah(report.realised).formatted) dari pagu \(Rupiah(project.pagu).formatted). \(report.notes)"
                                         + (report.problems.isEmpty ? "" : " Kendala: \(report.problems)"),
                                     link: SiteRoute.project(project.id!.uuidString).path + "#laporan-\(id.uuidString)", updated: Date(millis: report.createdMillis)))
            }
            for event in events {
                guard let project = byID[event.$project.id], let id = event.id else { continue }
                let title: String
                switch ProjectEvent.Kind(rawValue: event.kind) {
                case .created: title = "\(project.number) \(project.title): proyek baru, pagu \(Rupiah(project.originalPagu(events: events)).formatted)"
                case .status: title = "\(project.number) \(project.title): \(ProjectStatus(rawValue: event.toValue)?.label(.id) ?? event.toValue)"
                case .pagu: title = "\(project.number) \(project.title): pagu menjadi \(Rupiah(Int64(event.toValue) ?? 0).formatted)"
                case nil: continue
                }
                entries.append(Entry(id: "urn:uuid:\(id.uuidString.lowercased())", title: title, summary: event.note,
                                     link: SiteRoute.project(project.id!.uuidString).path, updated: Date(millis: event.atMillis)))
            }
        }
        entries.sort { $0.updated > $1.updated }
        return AtomFeed(path: SiteRoute.projectFeed(code).path, title: "Kabar proyek Kecamatan \(kecamatan.name)",
                        alternate: SiteRoute.projects.path + "?kecamatan=" + code, entries: Array(entries.prefix(size)))
    }
}
