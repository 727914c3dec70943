import Fluent
import Foundation
import RembukCore

/// The usulan list in SIPD's columns, for entering into (or comparing with) SIPD. `ID Usulan` is the
/// Rembuk number, so a file brought back in is recognised and nothing is imported twice.
enum SIPDExport {
    static func csv(_ records: [UsulanRecord], kabupatenName: String, notes: [String: String]) -> String {
        var text = UsulanSpreadsheet.bom + CSV.line(SIPDFormat.Column.allCases.map(\.rawValue), separator: UsulanSpreadsheet.separator) + "\r\n"
        for r in records {
            let fields: [String] = SIPDFormat.Column.allCases.map { column in
                switch column {
                case .id: r.number
                case .date: r.submittedAt.map { date in let d = LocalDate(date); return String(format: "%02d/%02d/%04d", d.day, d.month, d.year) } ?? ""
                case .proposer: r.proposerGroup.isEmpty ? "Warga" : r.proposerGroup
                case .urusan: Bidang(rawValue: r.bidang).map(SIPDFormat.urusan) ?? r.bidang
                case .usulan: r.title
                case .problem: r.problem
                case .address: [r.address, r.rt.map { "RT \($0)" }, r.rw.map { "RW \($0)" }].compactMap { $0 }.joined(separator: " ")
                case .kabupaten: kabupatenName
                case .kecamatan: r.kecamatan.name
                case .kelurahan: r.desa.name
                case .agency: r.targetAgency.name
                case .status: r.statusLabel
                case .note: notes[r.id] ?? ""
                case .volume: UsulanSpreadsheet.decimal(r.volume)
                case .satuan: r.satuan
                case .budget: String(r.cost)
                }
            }
            text += CSV.line(fields.map(SpreadsheetSafety.neutralise), separator: UsulanSpreadsheet.separator) + "\r\n"
        }
        return text
    }

    /// The latest note or reason of each usulan's timeline.
    static func notes(for records: [UsulanRecord], on db: any Database) async throws -> [String: String] {
        let ids = records.compactMap { UUID(uuidString: $0.id) }
        guard !ids.isEmpty else { return [:] }
        var result: [String: String] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let events = try await UsulanEvent.query(on: db).filter(\.$usulan.$id ~~ chunk).sort(\.$at).all()
            for event in events {
                let reason = event.reasonCode.flatMap(RejectionReason.init(rawValue:))?.label(.id)
                let text = [reason, event.note.isEmpty ? nil : event.note].compactMap { $0 }.joined(separator: ": ")
                if !text.isEmpty { result[event.$usulan.id.uuidString] = text }
            }
        }
        return result
    }
}
