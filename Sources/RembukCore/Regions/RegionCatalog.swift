import Foundation

/// One row of the national region list shipped with Rembuk (Kepmendagri 300.2.2-2138/2025).
public struct RegionRecord: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case provinsi, kabupaten, kota, kecamatan, desa, kelurahan
    }

    public let code: RegionCode
    public let name: String
    public let kind: Kind

    public init(code: RegionCode, name: String, kind: Kind) {
        self.code = code
        self.name = name
        self.kind = kind
    }
}

public struct Population: Sendable, Hashable {
    public let male: Int
    public let female: Int
    public var total: Int { male + female }
}

/// The national list of provinces, kabupaten/kota, kecamatan and desa/kelurahan, and population per kabupaten.
public enum RegionCatalog {
    public enum Problem: Error, Sendable, Equatable {
        case resourceMissing(String)
        case malformed(line: Int, reason: String)
        case notAKabupaten(String)
        case unknownKabupaten(String)
    }

    /// Every region in Indonesia, in file order (parents before children).
    public static func national() throws(Problem) -> [RegionRecord] {
        let rows = try load("wilayah")
        var records: [RegionRecord] = []
        records.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated().dropFirst() where !row.isEmpty {
            guard row.count == 3, let code = RegionCode(row[0]) else {
                throw .malformed(line: index + 1, reason: "expected kode,nama,tingkat")
            }
            let kind: RegionRecord.Kind
            switch row[2] {
            case "provinsi": kind = .provinsi
            case "kabupaten": kind = row[1].hasPrefix("Kota ") ? .kota : .kabupaten
            case "kecamatan": kind = .kecamatan
            case "desa": kind = .desa
            case "kelurahan": kind = .kelurahan
            default: throw .malformed(line: index + 1, reason: "unknown tingkat \(row[2])")
            }
            records.append(RegionRecord(code: code, name: row[1], kind: kind))
        }
        return records
    }

    /// A kabupaten/kota with its province, kecamatan and desa/kelurahan: what `rembuk wilayah import` loads.
    public static func kabupaten(_ text: String) throws(Problem) -> [RegionRecord] {
        guard let code = RegionCode(text), code.level == .kabupaten else { throw .notAKabupaten(text) }
        let all = try national()
        let selected = all.filter { $0.code == code.parent || code.contains($0.code) }
        guard selected.contains(where: { $0.code == code }) else { throw .unknownKabupaten(text) }
        return selected
    }

    /// Kecamatan codes of all Indonesia, for checking the region prefix of a NIK.
    public static let kecamatanCodes: Set<RegionCode> = {
        let records = (try? national()) ?? []
        return Set(records.lazy.filter { $0.kind == .kecamatan }.map(\.code))
    }()

    /// Population per province and kabupaten/kota (Dukcapil figures shipped with the project).
    public static func population() throws(Problem) -> [RegionCode: Population] {
        var result: [RegionCode: Population] = [:]
        for (index, row) in try load("penduduk").enumerated().dropFirst() where row.count == 5 {
            guard let male = Int(row[2]), let female = Int(row[3]) else {
                throw .malformed(line: index + 1, reason: "population is not a number")
            }
            if let code = RegionCode(row[0]) { result[code] = Population(male: male, female: female) }
        }
        return result
    }

    static func load(_ name: String) throws(Problem) -> [[String]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv"),
              let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw .resourceMissing(name + ".csv")
        }
        do { return try CSV.parse(text) } catch { throw .malformed(line: error.line, reason: error.message) }
    }
}
