import Fluent
import Foundation
import RembukCore

/// Bappeda records a kecamatan's (or desa's) population from a published source, e.g. BPS "Kecamatan
/// Dalam Angka", so the dashboard can show usulan per 1 000 residents. The source goes into the audit record.
struct SetRegionPopulation {
    enum Outcome {
        case saved
        case invalid(FormErrors)
    }

    func run(region: Region, population raw: String?, source rawSource: String?, in ctx: Invocation) async throws -> Outcome {
        guard ctx.principal.accountID != nil || ctx.identity == .system else { throw UserFacingError.signInRequired }
        guard region.depth >= 2, ctx.actor.can(.managePlanning(kabupaten: ctx.settings.kabupaten)), ctx.settings.kabupaten.contains(region.code) else {
            throw UserFacingError(.forbidden, Phrase("Jumlah penduduk wilayah diisi oleh admin Bappeda.", "The Bappeda admin enters populations."))
        }
        var errors = FormErrors()
        let digits = (raw ?? "").replacingOccurrences(of: ".", with: "").trimmingCharacters(in: .whitespaces)
        let population = Int(digits)
        if population == nil || !(1...5_000_000).contains(population!) {
            errors.add("population", Phrase("Jumlah penduduk berupa angka 1–5.000.000, misalnya 98.250.", "A number 1–5,000,000, e.g. 98,250."))
        }
        let source = CleanText.line(rawSource ?? "")
        if !(5...200).contains(source.count) {
            errors.add("source", Phrase("Tulis sumbernya (5–200 huruf), mis. BPS, Kecamatan Purwakarta Dalam Angka 2025.", "Give the source (5–200 characters)."))
        }
        guard errors.isEmpty, let population else { return .invalid(errors) }
        let before = region.population
        try await ctx.writes.transaction { db in
            region.population = population
            try await region.update(on: db)
            try await AuditLog.append(AuditDraft(actor: ctx.identity, action: "region.population_set", subjectType: "region", subjectID: region.code.value,
                                                 regionCode: region.code.value,
                                                 summary: "\(region.name): penduduk \(before.map(String.init) ?? "-") → \(population)", reason: source),
                                      on: db, now: ctx.now)
        }
        return .saved
    }
}
