import Fluent
import Foundation
import RembukCore

/// Bappeda registers a partner organisation; Bappeda or the partner's own users update its profile.
struct SavePartner {
    struct Input: Codable, Sendable {
        var name: String?
        var kind: String?
        var description: String?
        var website: String?
    }

    enum Outcome {
        case saved(Partner)
        case invalid(FormErrors)
    }

    var existing: Partner?

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        try PartnerGuard.requireSignedIn(ctx)
        if let existing {
            guard PartnerGuard.mayEditProfile(existing, ctx.actor, ctx.settings) else {
                throw UserFacingError(.forbidden, Phrase("Profil ini diubah oleh Bappeda atau pengguna mitra itu sendiri.",
                                                         "Only Bappeda or the partner's own users change this profile."))
            }
        } else if !ctx.actor.can(.managePlanning(kabupaten: ctx.settings.kabupaten)) {
            throw UserFacingError(.forbidden, Phrase("Mitra baru didaftarkan oleh admin Bappeda.", "New partners are registered by Bappeda."))
        }
        var errors = FormErrors()
        let name = CleanText.line(input.name ?? "")
        var code = existing?.id ?? PartnerCode.make(name)
        if ["baru", "kerja-sama"].contains(code) { code += "-mitra" }
        if !(3...160).contains(name.count) || code.isEmpty {
            errors.add("name", Phrase("Nama organisasi 3–160 huruf.", "The organisation's name has 3–160 characters."))
        } else if let other = try await Partner.query(on: ctx.db).group(.or, { $0.filter(\.$name == name).filter(\.$id == code) }).first(),
                  other.id != existing?.id {
            errors.add("name", Phrase("“\(other.name)” sudah terdaftar sebagai mitra.", "“\(other.name)” is registered already."))
        }
        let kind = PartnerKind(rawValue: input.kind ?? "")
        if kind == nil { errors.add("kind", Phrase("Pilih jenis mitra.", "Choose the kind of partner.")) }
        let description = TextInput.clean(input.description ?? "")
        if description.count > 2000 { errors.add("description", Phrase("Profil paling panjang 2.000 huruf.", "At most 2,000 characters.")) }
        let typed = (input.website ?? "").trimmingCharacters(in: .whitespaces)
        let website = WebAddress(typed)?.description ?? ""
        if !typed.isEmpty, website.isEmpty {
            errors.add("website", Phrase("Alamat situs diawali https://, misalnya https://citarumlestari.or.id.", "A web address starting with https://."))
        }
        guard errors.isEmpty, let kind else { return .invalid(errors) }
        let partner = existing ?? Partner()
        let isNew = existing == nil
        let partnerCode = code
        if isNew {
            partner.id = partnerCode
            partner.createdMillis = ctx.now.millis
        }
        partner.name = name
        partner.kind = kind.rawValue
        partner.description = description
        partner.website = website
        do {
            try await ctx.writes.transaction { db in
                try await partner.save(on: db)
                try await PartnerGuard.audit(isNew ? "partner.created" : "partner.updated", partner: name, subjectID: partnerCode,
                                             kind.label(.id), ctx: ctx, on: db)
            }
        } catch where error.isConstraintFailure {
            errors.add("name", Phrase("“\(name)” sudah terdaftar sebagai mitra.", "“\(name)” is registered already."))
            return .invalid(errors)
        }
        return .saved(partner)
    }
}
