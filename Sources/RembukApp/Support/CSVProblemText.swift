import RembukCore

/// What is wrong with an uploaded spreadsheet as a whole, told so the sender knows what to do in Excel.
enum CSVProblemText {
    /// `columns` are the known column names; `rows` names what one row holds ("laporan", "perangkat daerah").
    static func phrase(_ problem: HeaderedCSV.Problem, columns: [String], maximumRows: Int, rows: Phrase) -> Phrase {
        let expected = columns.joined(separator: ", ")
        switch problem {
        case .encoding(.empty), .noRows:
            return Phrase("Berkas tidak berisi baris \(rows.id). Baris pertama judul kolom: \(expected).",
                          "The file has no \(rows.en) rows. The first line names the columns: \(expected).")
        case .encoding(.utf16):
            return Phrase("Berkas tersimpan sebagai UTF-16 (“Unicode Text”). Simpan ulang dari Excel sebagai “CSV UTF-8 (Comma delimited)”.",
                          "The file is UTF-16 (“Unicode Text”). Save it again from Excel as “CSV UTF-8 (Comma delimited)”.")
        case .encoding(.workbook):
            return Phrase("Ini berkas Excel (.xlsx/.xls), bukan CSV. Di Excel pilih Simpan Sebagai → “CSV UTF-8 (Comma delimited)”.",
                          "This is an Excel workbook (.xlsx/.xls), not a CSV. In Excel choose Save As → “CSV UTF-8 (Comma delimited)”.")
        case .encoding(.binary):
            return Phrase("Berkas ini bukan teks CSV. Unggah CSV dengan kolom: \(expected).", "This file is not CSV text. Upload a CSV with the columns: \(expected).")
        case let .malformed(line, message):
            return Phrase("CSV rusak di baris \(line): \(message).", "The CSV is broken at line \(line): \(message).")
        case let .missingColumns(missing):
            return Phrase("Kolom wajib tidak ada: \(missing.joined(separator: ", ")). Kolom yang dikenal: \(expected).",
                          "Required columns are missing: \(missing.joined(separator: ", ")). Known columns: \(expected).")
        case let .unknownColumns(unknown):
            return Phrase("Kolom tidak dikenal: \(unknown.joined(separator: ", ")). Kolom yang dikenal: \(expected).",
                          "Unknown columns: \(unknown.joined(separator: ", ")). Known columns: \(expected).")
        case let .tooManyRows(count):
            return Phrase("Berkas berisi \(count) baris; paling banyak \(maximumRows) sekali unggah. Bagi menjadi beberapa berkas.",
                          "The file has \(count) rows; at most \(maximumRows) per upload. Split it.")
        }
    }
}
