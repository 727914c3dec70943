import Fluent
import Foundation
import RembukCore

/// An agency reports the progress of many projects at once from a CSV (its finance system's export).
/// Each row is checked like a report typed on the project's page and stored in its own transaction, so a
/// rejected row stores nothing and does not hold back the good ones; the answer names every row's fate.
struct ReportProgressInBulk {
    struct Line: Sendable, Encodable {
        var line: Int
        var key: String
        var project: String?
        var accepted: Bool
        var problems: [String]
    }

    enum Outcome {
        case processed([Line])
        /// The file as a whole cannot be read (encoding, columns): nothing was looked at.
        case refused(Phrase)
    }

    func run(_ bytes: [UInt8], language: Language, in ctx: Invocation) async throws -> Outcome {
        guard ctx.principal.accountID != nil else { throw UserFacingError.signInRequired }
        let agencies = ctx.actor.agencies()
        let bappeda = ctx.actor.has(.bappeda)
        guard !agencies.isEmpty || bappeda else { throw UserFacingError.forbidden }
        try ctx.requireScope(.projectsReport)
        let rows: [ProgressCSV.Row]
        switch ProgressCSV.parse(bytes) {
        case let .success(parsed): rows = parsed
        case let .failure(problem): return .refused(Self.phrase(problem))
        }
        let projects = try await Project.query(on: ctx.db).all()
        let byNumber = Dictionary(projects.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        let byCode = Dictionary(grouping: projects.filter { !$0.subKegiatan.isEmpty }, by: { $0.subKegiatan.uppercased() })
        var lines: [Line] = []
        for row in rows {
            let key = row[.kode]
            var line = Line(line: row.line, key: key, project: nil, accepted: false, problems: [])
            let upper = key.uppercased()
            let project: Project?
            if let found = byNumber[upper] ?? UUID(uuidString: key).flatMap({ id in projects.first { $0.id == id } }) {
                project = found
            } else if let matches = byCode[upper], !matches.isEmpty {
                // A budget code names one project only when the agency has one project under it.
                let mine = matches.filter { ProjectGuard.mayManage($0, ctx.actor) && $0.projectStatus != .selesai }
                project = mine.count == 1 ? mine[0] : (matches.count == 1 ? matches[0] : nil)
                if project == nil {
                    line.problems.append(Phrase("Kode anggaran ini dipakai \(matches.count) proyek; tulis nomor proyek Rembuk (P-…).",
                                                "This budget code belongs to \(matches.count) projects; use the Rembuk project number (P-…).")(language))
                }
            } else {
                project = nil
                line.problems.append(key.isEmpty ? Phrase("Kolom kode kosong.", "The kode column is empty.")(language)
                                                 : Phrase("Tidak ada proyek dengan nomor atau kode anggaran “\(key)”.", "No project has the number or budget code “\(key)”.")(language))
            }
            guard let project else { lines.append(line); continue }
            line.project = project.number + " " + project.title
            do {
                try ReportProgress.authorise(project, ctx)
                let input = ReportProgress.Input(reported_on: SIPDFormat.date(row[.tanggal])?.iso ?? row[.tanggal], progress: row[.fisikPersen],
                                                 realised: row[.realisasiRp], notes: row[.catatan], problems: row[.kendala], reason: row[.alasan])
                let (checked, errors) = try await ReportProgress.check(input, project: project, in: ctx)
                if let checked {
                    _ = try await ReportProgress.store(checked, photos: [], project: project, in: ctx)
                    line.accepted = true
                } else {
                    line.problems = Self.messages(errors, language)
                }
            } catch let error as UserFacingError {
                line.problems.append(error.message(language))
            }
            lines.append(line)
        }
        return .processed(lines)
    }

    /// The errors of a row, named by the CSV column they belong to.
    static func messages(_ errors: FormErrors, _ language: Language) -> [String] {
        let columns = ["reported_on": "tanggal", "progress": "fisik_persen", "realised": "realisasi_rp", "notes": "catatan",
                       "problems": "kendala", "reason": "alasan"]
        return errors.general.map { $0(language) }
            + errors.fields.sorted { $0.key < $1.key }.map { "\(columns[$0.key] ?? $0.key): \($0.value(language))" }
    }

    static func phrase(_ problem: ProgressCSV.Problem) -> Phrase {
        CSVProblemText.phrase(problem, columns: ProgressCSV.Column.allCases.map(\.rawValue), maximumRows: ProgressCSV.maximumRows,
                              rows: Phrase("laporan", "report"))
    }
}
