import Foundation

/// A spreadsheet export as people send it: UTF-8 (with or without the BOM Excel adds) or Windows-1252
/// (Excel's plain "CSV" on Indonesian Windows). Anything else is named, so the sender knows what to change.
public enum UploadedText {
    public enum Problem: Error, Sendable, Equatable {
        case empty
        /// Excel's "Unicode Text" or a UTF-16 CSV.
        case utf16
        /// An .xlsx/.ods workbook (a zip) or an old .xls, not a CSV.
        case workbook
        /// Other binary content (a photo, a PDF …).
        case binary
    }

    public static func decode(_ bytes: [UInt8]) -> Result<String, Problem> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard !body.isEmpty else { return .failure(.empty) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .failure(.utf16) }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .failure(.workbook) }
        // UTF-16 without a BOM shows up as every other byte zero.
        if body.contains(0) {
            let zeros = body.prefix(200).filter { $0 == 0 }.count
            return .failure(zeros * 3 >= min(body.count, 200) ? .utf16 : .binary)
        }
        if let text = String(validating: body, as: UTF8.self) { return .success(text) }
        if let text = String(bytes: body, encoding: .windowsCP1252) { return .success(text) }
        return .failure(.binary)
    }
}
