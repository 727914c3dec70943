import Foundation
import RembukCore

/// The usulan list as a spreadsheet file: UTF-8 with a byte-order mark and semicolons, which is what Excel
/// with Indonesian settings opens directly (its list separator is `;` because the decimal mark is `,`).
/// Money is a plain integer so it stays a number; volumes use a decimal comma; dates are ISO.
enum UsulanSpreadsheet {
    static let bom = "\u{FEFF}"
    static let separator: Character = ";"

    static let header = ["Nomor", "Tahun", "Judul", "Masalah", "Yang diusulkan", "Bidang", "Kecamatan", "Desa/Kelurahan", "Alamat",
                         "RT", "RW", "Lintang", "Bujur", "Volume", "Satuan", "Perkiraan biaya (Rp)", "Penerima manfaat", "Pengusul",
                         "Pokir DPRD (anggota)", "Dapil", "Perangkat daerah tujuan", "Kode kamus", "Status", "Dukungan", "Tanggal diajukan", "Alamat halaman"]

    static func csv(_ records: [UsulanRecord]) -> String {
        var text = bom + CSV.line(header, separator: separator) + "\r\n"
        for r in records {
            let fields: [String] = [
                r.number, String(r.year), r.title, r.problem, r.proposal, r.bidangLabel, r.kecamatan.name, r.desa.name, r.address,
                r.rt.map(String.init) ?? "", r.rw.map(String.init) ?? "", decimal(r.latitude), decimal(r.longitude), decimal(r.volume),
                r.satuan, String(r.cost), String(r.beneficiaries), r.proposerGroup,
                r.pokir?.member ?? "", r.pokir?.dapil ?? "", r.targetAgency.name, r.kamusCode ?? "",
                r.statusLabel, String(r.supportCount), r.submittedAt.map { LocalDate($0).iso } ?? "", r.url,
            ]
            text += CSV.line(fields.map(SpreadsheetSafety.neutralise), separator: separator) + "\r\n"
        }
        return text
    }

    /// A whole spreadsheet in these conventions: byte-order mark, the header, then the rows with every cell
    /// made formula-safe.
    static func document(header: [String], rows: [[String]]) -> String {
        var text = bom + CSV.line(header, separator: separator) + "\r\n"
        for row in rows { text += CSV.line(row.map(SpreadsheetSafety.neutralise), separator: separator) + "\r\n" }
        return text
    }

    /// `2,5` for 2.5; whole numbers without decimals.
    static func decimal(_ value: Double?) -> String {
        value.map { DecimalText.plain($0) } ?? ""
    }
}
