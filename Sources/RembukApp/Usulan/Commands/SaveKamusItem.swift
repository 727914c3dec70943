import Fluent
import Foundation
import RembukCore

/// Bappeda adds or changes an entry of the kamus usulan. A price change does not touch usulan already
/// filed (their cost was fixed when they were written); an entry no longer offered is made inactive, not deleted.
struct SaveKamusItem {
    struct Input: Codable, Sendable {
        var code: String?
        var name: String?
        var satuan: String?
        var unit_price: String?
        var agency: String?
        var bidang: String?
        var fisik: String?
        var active: String?
    }

    enum Outcome {
        case saved(KamusItem)
        case invalid(FormErrors)
    }

    func run(_ input: Input, existing: KamusItem?, in ctx: Invocation) async throws -> Outcome {
        guard ctx.actor.can(.managePlanning(kabupaten: ctx.settings.kabupaten)) else { throw UserFacingError.forbidden }
        var errors = FormErrors()
        let code = TextInput.clean(input.code ?? "").uppercased()
        if code.range(of: #"^[A-Z0-9][A-Z0-9.\-]{1,19}$"#, options: .regularExpression) == nil {
            errors.add("code", Phrase("Kode 2–20 huruf/angka, boleh titik atau tanda hubung, mis. PU-001.", "A code of 2–20 letters or digits, e.g. PU-001."))
        } else if let other = try await KamusItem.query(on: ctx.db).filter(\.$code == code).first(), other.id != existing?.id {
            errors.add("code", Phrase("Kode \(code) sudah dipakai “\(other.name)”.", "Code \(code) is already used by “\(other.name)”."))
        }
        let name = TextInput.clean(input.name ?? "")
        if !(5...150).contains(name.count) { errors.add("name", Phrase("Nama kegiatan 5–150 huruf.", "The activity name has 5–150 characters.")) }
        let satuan = TextInput.clean(input.satuan ?? "")
        if !(1...30).contains(satuan.count) { errors.add("satuan", Phrase("Tulis satuannya (m, unit, paket, orang …).", "Enter the unit.")) }
        let price = Rupiah.parse(input.unit_price ?? "")?.amount ?? 0
        if price <= 0 || price > SaveUsulan.maximumCost {
            errors.add("unit_price", Phrase("Harga satuan dalam rupiah, lebih dari 0.", "The unit price in whole rupiah above 0."))
        }
        let bidang = Bidang(rawValue: input.bidang ?? "")
        if bidang == nil { errors.add("bidang", Phrase("Pilih bidang.", "Choose a sector.")) }
        let agency = input.agency ?? ""
        if try await Agency.find(agency, on: ctx.db) == nil { errors.add("agency", Phrase("Pilih perangkat daerah.", "Choose an agency.")) }
        guard errors.isEmpty, let bidang else { return .invalid(errors) }

        let item = existing ?? KamusItem()
        let before = existing.map { "\($0.code) \(Rupiah($0.unitPrice).formatted)/\($0.satuan)\($0.active ? "" : " (nonaktif)")" }
        item.code = code
        item.name = name
        item.satuan = satuan
        item.unitPrice = price
        item.agency = agency
        item.bidang = bidang.rawValue
        item.fisik = input.fisik == "1"
        item.active = existing == nil ? true : input.active == "1"
        let after = "\(code) \(Rupiah(price).formatted)/\(satuan)\(item.active ? "" : " (nonaktif)")"
        let identity = ctx.identity
        let now = ctx.now
        let kabupaten = ctx.settings.kabupaten.value
        try await ctx.writes.transaction { db in
            if existing == nil { try await item.create(on: db) } else { try await item.update(on: db) }
            try await AuditLog.append(AuditDraft(actor: identity, action: existing == nil ? "kamus.created" : "kamus.updated", subjectType: "kamus",
                                                 subjectID: try item.requireID().uuidString, regionCode: kabupaten,
                                                 summary: before.map { "\($0) → \(after)" } ?? "\(after): \(name)"), on: db, now: now)
        }
        return .saved(item)
    }
}
