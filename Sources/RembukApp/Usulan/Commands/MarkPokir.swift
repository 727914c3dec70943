import Fluent
import Foundation
import RembukCore

/// Bappeda records that an usulan is a DPRD member's pokir (member and dapil), or takes the mark off with a
/// reason. The usulan stays in the same pipeline; the source is shown wherever the usulan is listed.
struct MarkPokir {
    struct Input: Codable, Sendable {
        var member: String?
        var dapil: String?
        var reason: String?
    }

    enum Outcome {
        case saved
        case invalid(FormErrors)
    }

    func run(_ input: Input, usulan: Usulan, in ctx: Invocation) async throws -> Outcome {
        guard ctx.principal.accountID != nil else { throw UserFacingError.signInRequired }
        guard ctx.actor.can(.managePlanning(kabupaten: ctx.settings.kabupaten)) else { throw UserFacingError.forbidden }
        var errors = FormErrors()
        let member = AccountRules.cleanName(input.member ?? "")
        let dapil = CleanText.line(input.dapil ?? "")
        let reason = CleanText.paragraphs(input.reason ?? "")
        if member.isEmpty {
            guard usulan.pokirMember != nil else {
                errors.add("member", Phrase("Tulis nama anggota DPRD pengusul.", "Enter the council member's name."))
                return .invalid(errors)
            }
            if !(5...300).contains(reason.count) {
                errors.add("reason", Phrase("Tulis alasan tanda pokir dihapus (5–300 huruf).", "Give the reason for removing the pokir mark (5–300 characters)."))
            }
        } else {
            if !(3...100).contains(member.count) { errors.add("member", Phrase("Nama anggota DPRD 3–100 huruf.", "The member's name has 3–100 characters.")) }
            if !(1...40).contains(dapil.count) { errors.add("dapil", Phrase("Tulis daerah pemilihannya, mis. Dapil 2.", "Enter the electoral district, e.g. Dapil 2.")) }
        }
        guard errors.isEmpty else { return .invalid(errors) }
        let before = usulan.pokirLabel
        try await ctx.writes.transaction { db in
            usulan.pokirMember = member.isEmpty ? nil : member
            usulan.pokirDapil = member.isEmpty ? nil : dapil
            try await usulan.save(on: db)
            try await AuditLog.append(AuditDraft(actor: ctx.identity, action: member.isEmpty ? "usulan.pokir_removed" : "usulan.pokir_marked",
                                                 subjectType: "usulan", subjectID: try usulan.requireID().uuidString, regionCode: usulan.desaCode,
                                                 summary: "\(usulan.number): \(usulan.pokirLabel ?? "bukan pokir")" + (before.map { " (sebelumnya \($0))" } ?? ""),
                                                 reason: reason), on: db, now: ctx.now)
        }
        return .saved
    }
}
