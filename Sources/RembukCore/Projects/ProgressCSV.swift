/// Progress reports for many projects in one CSV, as an agency's finance or SIMDA export gives them:
/// one row per report, keyed by the project's Rembuk number (`P-1A2B3C4D`) or its budget code (kode sub kegiatan).
/// Comma or semicolon separated (Indonesian Excel writes `;`); the header names the columns, in any order.
public enum ProgressCSV {
    public enum Column: String, Sendable, CaseIterable {
        case kode
        case tanggal
        case fisikPersen = "fisik_persen"
        case realisasiRp = "realisasi_rp"
        case catatan
        case kendala
        case alasan
    }

    public static let required: [Column] = [.kode, .tanggal, .fisikPersen, .realisasiRp, .catatan]
    public static let maximumRows = 5_000

    public typealias Row = HeaderedCSV.Row<Column>
    public typealias Problem = HeaderedCSV.Problem

    public static var header: String { CSV.line(Column.allCases.map(\.rawValue)) }

    public static func parse(_ bytes: [UInt8]) -> Result<[Row], Problem> {
        HeaderedCSV.parse(bytes, required: required, maximumRows: maximumRows)
    }
}
