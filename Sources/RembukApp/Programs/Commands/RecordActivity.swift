import Fluent
import Foundation
import RembukCore

/// Staff of an environmental programme log a day's work: where, how many volunteers, and what it achieved
/// (trees planted, kilograms of waste collected or sorted, water sources protected).
struct RecordActivity {
    struct Input: Codable, Sendable {
        var done_on: String?
        var desa_code: String?
        var trees: String?
        var waste_kg: String?
        var water_sources: String?
        var volunteers: String?
        var note: String?
    }

    enum Outcome {
        case recorded(ActivityLog)
        case invalid(FormErrors)
    }

    func run(_ program: Program, _ input: Input, in ctx: Invocation) async throws -> Outcome {
        try await ProgramGuard.requireHelper(program, ctx)
        guard program.programType.isEnvironmental else {
            throw UserFacingError(.conflict, Phrase("Catatan kegiatan untuk program lingkungan.", "Activity logs are for environmental programmes."))
        }
        var errors = FormErrors()
        let day = LocalDate(iso: (input.done_on ?? "").trimmingCharacters(in: .whitespaces))
        if day == nil || day! > ctx.today || day!.year < ctx.today.year - 1 {
            errors.add("done_on", Phrase("Tanggal kegiatan, tidak di masa depan.", "The day of the work, not in the future."))
        }
        let desa = try await ctx.region(input.desa_code, at: .desa)
        if desa == nil {
            errors.add("desa_code", Phrase("Pilih desa/kelurahan lokasi kegiatan.", "Choose the village where it took place."))
        }
        func count(_ raw: String?, _ field: String, _ label: Phrase) -> Int {
            let text = (raw ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return 0 }
            guard let value = Int(text), (0...1_000_000).contains(value) else { errors.add(field, label); return 0 }
            return value
        }
        let trees = count(input.trees, "trees", Phrase("Jumlah pohon berupa bilangan 0 atau lebih.", "Trees: a whole number, 0 or more."))
        let water = count(input.water_sources, "water_sources", Phrase("Jumlah mata air berupa bilangan 0 atau lebih.", "Water sources: a whole number, 0 or more."))
        let volunteers = count(input.volunteers, "volunteers", Phrase("Jumlah relawan berupa bilangan 0 atau lebih.", "Volunteers: a whole number, 0 or more."))
        var wasteTenths: Int64 = 0
        let wasteText = (input.waste_kg ?? "").trimmingCharacters(in: .whitespaces)
        if !wasteText.isEmpty {
            if let kg = Double(wasteText.replacingOccurrences(of: ",", with: ".")), kg.isFinite, (0...10_000_000).contains(kg) {
                wasteTenths = Int64((kg * 10).rounded())
            } else {
                errors.add("waste_kg", Phrase("Berat sampah dalam kg, 0 atau lebih, misalnya 12,5.", "Waste in kg, 0 or more, e.g. 12.5."))
            }
        }
        if volunteers == 0 { errors.add("volunteers", Phrase("Berapa relawan yang ikut?", "How many volunteers took part?")) }
        if errors.isEmpty && trees == 0 && wasteTenths == 0 && water == 0 {
            errors.add("trees", Phrase("Isi paling sedikit satu hasil: pohon, sampah atau mata air.", "Enter at least one result: trees, waste or water sources."))
        }
        let note = CleanText.line(input.note ?? "")
        if note.count > 300 { errors.add("note", Phrase("Catatan paling panjang 300 huruf.", "At most 300 characters.")) }
        guard errors.isEmpty, let day, let desa else { return .invalid(errors) }
        let log = ActivityLog()
        log.programID = try program.requireID()
        log.doneOn = day.iso
        log.desaCode = desa.value
        log.kecamatanCode = desa.ancestor(at: .kecamatan)?.value ?? ""
        log.trees = trees
        log.wasteTenthKg = wasteTenths
        log.waterSources = water
        log.volunteers = volunteers
        log.note = note
        log.recordedBy = ctx.identity.label
        log.createdMillis = ctx.now.millis
        let waste = wasteTenths
        try await ctx.writes.transaction { db in
            try await log.create(on: db)
            try await ProgramGuard.audit(program, "program.activity",
                                         "kegiatan \(DateText.long(day)): \(volunteers) relawan, \(trees) pohon, \(EnvironmentTotals.kilograms(waste)) kg sampah, \(water) mata air",
                                         ctx: ctx, on: db)
        }
        return .recorded(log)
    }
}

/// Environmental results added up: per kecamatan and year for the public totals page, or for one programme.
struct EnvironmentTotals: Sendable {
    struct Line: Sendable {
        var kecamatan: String
        var year: Int
        var trees = 0
        var wasteTenthKg: Int64 = 0
        var waterSources = 0
        var volunteers = 0
        var activities = 0

        mutating func add(_ log: ActivityLog) {
            trees += log.trees
            wasteTenthKg += log.wasteTenthKg
            waterSources += log.waterSources
            volunteers += log.volunteers
            activities += 1
        }
    }

    static func byKecamatanAndYear(_ logs: [ActivityLog]) -> [Line] {
        var lines: [String: Line] = [:]
        for log in logs {
            let year = LocalDate(iso: log.doneOn)?.year ?? 0
            let key = "\(year) \(log.kecamatanCode)"
            var line = lines[key] ?? Line(kecamatan: log.kecamatanCode, year: year)
            line.add(log)
            lines[key] = line
        }
        return lines.values.sorted { ($1.year, $0.kecamatan) < ($0.year, $1.kecamatan) }
    }

    static func total(_ logs: [ActivityLog]) -> Line {
        var line = Line(kecamatan: "", year: 0)
        for log in logs { line.add(log) }
        return line
    }

    /// `12,5` for 125 tenths.
    static func kilograms(_ tenths: Int64) -> String {
        tenths % 10 == 0 ? Rupiah.groupThousands(UInt64(tenths / 10)) : Rupiah.groupThousands(UInt64(tenths / 10)) + ",\(tenths % 10)"
    }
}
