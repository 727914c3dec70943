import Fluent
import Foundation
import RembukCore

/// Bappeda keeps the complaint categories and where each is routed: renames them, changes the agency a
/// category goes to, adds new ones. Categories in use are never deleted (old complaints keep their category).
struct SaveComplaintCategories {
    struct Input: Codable, Sendable {
        /// name[key] and agency[key] for existing categories.
        var name: [String: String]?
        var agency: [String: String]?
        var new_name: String?
        var new_agency: String?
    }

    enum Outcome {
        case saved(changes: Int)
        case invalid(FormErrors)
    }

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard ctx.principal.accountID != nil else { throw UserFacingError.signInRequired }
        guard ComplaintAccess.isAdmin(ctx.actor, kabupaten: ctx.settings.kabupaten) else { throw UserFacingError.forbidden }
        let categories = try await ComplaintCategory.query(on: ctx.db).sort(\.$position).all()
        let agencies = Set(try await Agency.query(on: ctx.db).filter(\.$active == true).all().compactMap(\.id))
        var errors = FormErrors()
        var changes: [(ComplaintCategory, String, String)] = []
        for category in categories {
            let key = category.id ?? ""
            let name = CleanText.line(input.name?[key] ?? category.name)
            let agency = input.agency?[key] ?? category.agency
            if !(3...80).contains(name.count) { errors.add("name[\(key)]", Phrase("Nama kategori 3–80 huruf.", "Category names have 3–80 characters.")) }
            if !agency.isEmpty, !agencies.contains(agency) { errors.add("agency[\(key)]", Phrase("Perangkat daerah itu tidak dikenal.", "Unknown agency.")) }
            if name != category.name || agency != category.agency { changes.append((category, name, agency)) }
        }
        let newName = CleanText.line(input.new_name ?? "")
        let newAgency = input.new_agency ?? ""
        var newKey = ""
        if !newName.isEmpty {
            newKey = Self.key(newName)
            if !(3...80).contains(newName.count) || newKey.isEmpty {
                errors.add("new_name", Phrase("Nama kategori baru 3–80 huruf.", "New category names have 3–80 characters."))
            } else if categories.contains(where: { $0.id == newKey || $0.name.lowercased() == newName.lowercased() }) {
                errors.add("new_name", Phrase("Kategori itu sudah ada.", "That category exists already."))
            }
            if !newAgency.isEmpty, !agencies.contains(newAgency) { errors.add("new_agency", Phrase("Perangkat daerah itu tidak dikenal.", "Unknown agency.")) }
        }
        guard errors.isEmpty else { return .invalid(errors) }
        let position = (categories.map(\.position).max() ?? 0) + 1
        let pending = changes
        let key = newKey
        try await ctx.writes.transaction { db in
            for (category, name, agency) in pending {
                let summary = "\(category.name) → \(name); disposisi \(category.agency.isEmpty ? "-" : category.agency) → \(agency.isEmpty ? "-" : agency)"
                category.name = name
                category.agency = agency
                try await category.update(on: db)
                try await AuditLog.append(AuditDraft(actor: ctx.identity, action: "complaint_category.changed", subjectType: "complaint_category",
                                                     subjectID: category.id ?? "", regionCode: ctx.settings.kabupaten.value, summary: summary), on: db, now: ctx.now)
            }
            if !key.isEmpty {
                try await ComplaintCategory(key: key, name: newName, agency: newAgency, position: position).create(on: db)
                try await AuditLog.append(AuditDraft(actor: ctx.identity, action: "complaint_category.created", subjectType: "complaint_category",
                                                     subjectID: key, regionCode: ctx.settings.kabupaten.value,
                                                     summary: "\(newName); disposisi \(newAgency.isEmpty ? "-" : newAgency)"), on: db, now: ctx.now)
            }
        }
        return .saved(changes: pending.count + (key.isEmpty ? 0 : 1))
    }

    /// `Kebisingan & Polusi Udara` → `kebisingan-polusi-udara`.
    static func key(_ name: String) -> String {
        let folded = name.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
        return String(folded).split(separator: "-").joined(separator: "-").prefix(40).description
    }
}
