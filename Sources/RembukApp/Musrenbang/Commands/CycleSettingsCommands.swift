import Fluent
import Foundation
import RembukCore

/// Bappeda sets a cycle's scoring criteria (physical and non-physical, weights summing to 100 %) and the
/// target share of women at forums. The form has six rows per kind; empty rows are left out.
struct SaveCycleSettings {
    static let rows = 6
    static let kinds = ["fisik", "nonfisik"]

    struct Input: Sendable {
        var fields: [String: String]

        /// The form's values of a cycle's settings, for showing them again.
        static func from(_ settings: CycleSettings) -> Input {
            var fields = ["women_target": Percent.text(settings.womenTargetBasisPoints)]
            for (kind, criteria) in zip(SaveCycleSettings.kinds, [settings.physical, settings.nonPhysical]) {
                for (index, criterion) in criteria.enumerated() {
                    fields["\(kind)_\(index)_name"] = criterion.name
                    fields["\(kind)_\(index)_weight"] = Percent.text(criterion.weightBasisPoints)
                    fields["\(kind)_\(index)_low"] = criterion.scale[1] ?? ""
                    fields["\(kind)_\(index)_high"] = criterion.scale[5] ?? ""
                }
            }
            return Input(fields: fields)
        }
    }

    enum Outcome {
        case saved
        case invalid(FormErrors)
    }

    func run(year: Int, _ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard ctx.actor.can(.managePlanning(kabupaten: ctx.settings.kabupaten)) else { throw UserFacingError.forbidden }
        guard let cycle = try await PlanningCycle.query(on: ctx.db).filter(\.$year == year).first() else { throw UserFacingError.notFound }
        var errors = FormErrors()
        func value(_ key: String) -> String { CleanText.line(input.fields[key] ?? "") }
        let target = Percent.basisPoints(value("women_target"))
        if target == nil || target! < 1_000 || target! > 10_000 {
            errors.add("women_target", Phrase("Target keterwakilan perempuan 10–100 %, mis. 30.", "The women's target is 10–100 %, e.g. 30."))
        }
        var sets: [[ScoringCriterion]] = []
        for kind in Self.kinds {
            var criteria: [ScoringCriterion] = []
            for index in 0..<Self.rows {
                let name = value("\(kind)_\(index)_name")
                let weightText = value("\(kind)_\(index)_weight")
                if name.isEmpty && weightText.isEmpty { continue }
                guard (3...60).contains(name.count), let weight = Percent.basisPoints(weightText) else {
                    errors.add("\(kind)_\(index)_name", Phrase("Baris \(index + 1): tulis nama kriteria (3–60 huruf) dan bobotnya dalam persen.",
                                                               "Row \(index + 1): enter the criterion's name (3–60 characters) and its weight in percent."))
                    continue
                }
                var scale: [Int: String] = [:]
                if !value("\(kind)_\(index)_low").isEmpty { scale[1] = String(value("\(kind)_\(index)_low").prefix(200)) }
                if !value("\(kind)_\(index)_high").isEmpty { scale[5] = String(value("\(kind)_\(index)_high").prefix(200)) }
                let key = IndonesianText.tokens(name).joined(separator: "-")
                criteria.append(ScoringCriterion(key: key.isEmpty ? "k\(index)" : key, name: name, weightBasisPoints: weight, scale: scale))
            }
            switch ScoringScheme.make(criteria) {
            case .success: break
            case .failure(.empty):
                errors.add("\(kind)_0_name", Phrase("Isi paling sedikit satu kriteria.", "Enter at least one criterion."))
            case let .failure(.weightsDoNotSumToOne(total)):
                errors.add("\(kind)_0_weight", Phrase("Jumlah bobot harus 100 % (sekarang \(Percent.text(total)) %).",
                                                      "The weights must add up to 100 % (now \(Percent.text(total)) %)."))
            case let .failure(.nonPositiveWeight(key)):
                errors.add("\(kind)_0_weight", Phrase("Bobot kriteria “\(key)” harus lebih dari 0.", "The weight of “\(key)” must be above 0."))
            case let .failure(.duplicateKey(key)):
                errors.add("\(kind)_0_name", Phrase("Nama kriteria “\(key)” dipakai dua kali.", "The criterion “\(key)” is named twice."))
            }
            sets.append(criteria)
        }
        guard errors.isEmpty, let target else { return .invalid(errors) }
        let settings = CycleSettings(womenTargetBasisPoints: target, physical: sets[0], nonPhysical: sets[1])
        let json = String(decoding: try JSONEncoder.rembuk.encode(settings), as: UTF8.self)
        let summary = "perempuan \(Percent.text(target)) %; fisik: " + sets[0].map { "\($0.name) \(Percent.text($0.weightBasisPoints))" }.joined(separator: ", ")
            + "; nonfisik: " + sets[1].map { "\($0.name) \(Percent.text($0.weightBasisPoints))" }.joined(separator: ", ")
        let identity = ctx.identity
        let now = ctx.now
        let kabupaten = ctx.settings.kabupaten.value
        try await ctx.writes.transaction { db in
            cycle.settingsJSON = json
            try await cycle.update(on: db)
            try await AuditLog.append(AuditDraft(actor: identity, action: "cycle.settings_changed", subjectType: "planning_cycle",
                                                 subjectID: String(year), regionCode: kabupaten, summary: summary), on: db, now: now)
        }
        return .saved
    }
}

/// Bappeda sets the pagu indikatif of each kecamatan for a cycle (whole rupiah; empty means not set).
struct SavePagu {
    enum Outcome {
        case saved
        case invalid(FormErrors)
    }

    func run(year: Int, amounts: [String: String], in ctx: Invocation) async throws -> Outcome {
        guard ctx.actor.can(.managePlanning(kabupaten: ctx.settings.kabupaten)) else { throw UserFacingError.forbidden }
        guard let cycle = try await PlanningCycle.query(on: ctx.db).filter(\.$year == year).first(), let cycleID = cycle.id else {
            throw UserFacingError.notFound
        }
        let kecamatan = try await Region.query(on: ctx.db).filter(\.$parentCode == ctx.settings.kabupaten.value).all()
        var errors = FormErrors()
        var values: [String: Int64] = [:]
        for region in kecamatan {
            let code = region.id ?? ""
            let text = (amounts["pagu_\(code)"] ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if let amount = Rupiah.parse(text)?.amount, amount >= 0, amount <= 1_000_000_000_000 { values[code] = amount } else {
                errors.add("pagu_\(code)", Phrase("Pagu Kecamatan \(region.name) dalam rupiah utuh, 0 atau lebih.",
                                                  "The ceiling of \(region.name) in whole rupiah, 0 or more."))
            }
        }
        // A new total may not fall below the sub-ceilings already set for the kecamatan's agencies.
        let existing = try await PaguIndikatif.query(on: ctx.db).filter(\.$cycle.$id == cycleID).all()
        for row in existing where !row.perAgency.isEmpty {
            let sum = row.perAgency.values.reduce(0, +)
            if let amount = values[row.kecamatanCode], amount < sum {
                let name = kecamatan.first { $0.id == row.kecamatanCode }?.name ?? row.kecamatanCode
                errors.add("pagu_\(row.kecamatanCode)", Phrase("Pagu Kecamatan \(name) tidak boleh di bawah jumlah pagu per perangkat daerahnya (\(Rupiah(sum).formatted)).",
                                                              "The ceiling of \(name) cannot be below its agency ceilings (\(Rupiah(sum).formatted))."))
            }
        }
        guard errors.isEmpty else { return .invalid(errors) }
        let kept = existing.reduce(into: [String: String]()) { $0[$1.kecamatanCode] = $1.perAgencyJSON }
        let total = values.values.reduce(0, +)
        let identity = ctx.identity
        let now = ctx.now
        let kabupaten = ctx.settings.kabupaten.value
        let chosen = values
        try await ctx.writes.transaction { db in
            try await PaguIndikatif.query(on: db).filter(\.$cycle.$id == cycleID).delete()
            for (code, amount) in chosen.sorted(by: { $0.key < $1.key }) {
                let row = PaguIndikatif()
                row.$cycle.id = cycleID
                row.kecamatanCode = code
                row.amount = amount
                row.perAgencyJSON = kept[code] ?? nil
                try await row.create(on: db)
            }
            try await AuditLog.append(AuditDraft(actor: identity, action: "cycle.pagu_set", subjectType: "planning_cycle", subjectID: String(year),
                                                 regionCode: kabupaten,
                                                 summary: "\(chosen.count) kecamatan, jumlah \(Rupiah(total).formatted)"), on: db, now: now)
        }
        return .saved
    }
}

/// Bappeda sets ceilings per perangkat daerah inside one kecamatan's pagu (empty fields mean no ceiling for
/// that agency); together they may not exceed the kecamatan's pagu.
struct SaveAgencyCeilings {
    enum Outcome {
        case saved
        case invalid(FormErrors)
    }

    func run(year: Int, kecamatan code: String, amounts: [String: String], in ctx: Invocation) async throws -> Outcome {
        guard ctx.actor.can(.managePlanning(kabupaten: ctx.settings.kabupaten)) else { throw UserFacingError.forbidden }
        guard let cycle = try await PlanningCycle.query(on: ctx.db).filter(\.$year == year).first(), let cycleID = cycle.id,
              let region = try await Region.find(code, on: ctx.db), region.depth == 2 else { throw UserFacingError.notFound }
        var errors = FormErrors()
        guard let row = try await PaguIndikatif.query(on: ctx.db).filter(\.$cycle.$id == cycleID).filter(\.$kecamatanCode == code).first() else {
            errors.add(Phrase("Isi dulu pagu indikatif Kecamatan \(region.name).", "Set the district's ceiling first."))
            return .invalid(errors)
        }
        let agencies = try await Agency.query(on: ctx.db).all()
        var values: [String: Int64] = [:]
        for agency in agencies {
            let id = agency.id ?? ""
            let text = (amounts["opd_\(id)"] ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if let amount = Rupiah.parse(text)?.amount, amount >= 0 { values[id] = amount } else {
                errors.add("opd_\(id)", Phrase("Pagu \(agency.name) dalam rupiah utuh, 0 atau lebih.", "The ceiling of \(agency.name) in whole rupiah, 0 or more."))
            }
        }
        guard errors.isEmpty else { return .invalid(errors) }
        if case let .failure(.agenciesExceedTotal(sum)) = Pagu.make(total: row.amount, perAgency: values) {
            errors.add(Phrase("Jumlah pagu per perangkat daerah \(Rupiah(sum).formatted) melebihi pagu Kecamatan \(region.name) \(Rupiah(row.amount).formatted).",
                              "The agency ceilings add up to \(Rupiah(sum).formatted), above the district's \(Rupiah(row.amount).formatted)."))
            return .invalid(errors)
        }
        let json = values.isEmpty ? nil : String(decoding: try JSONEncoder.rembuk.encode(values), as: UTF8.self)
        let summary = values.isEmpty ? "tanpa pagu per perangkat daerah"
            : values.sorted { $0.key < $1.key }.map { "\($0.key) \(Rupiah($0.value).formatted)" }.joined(separator: ", ")
        try await ctx.writes.transaction { db in
            row.perAgencyJSON = json
            try await row.save(on: db)
            try await AuditLog.append(AuditDraft(actor: ctx.identity, action: "cycle.pagu_agency_set", subjectType: "planning_cycle", subjectID: String(year),
                                                 regionCode: code, summary: "Kecamatan \(region.name): \(summary)"), on: db, now: ctx.now)
        }
        return .saved
    }
}
