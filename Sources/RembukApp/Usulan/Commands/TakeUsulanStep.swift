import Fluent
import Foundation
import RembukCore

/// An operator, agency or Bappeda takes a step on an usulan: verify, return, reject with a reason, merge,
/// agree (optionally changing volume and cost), forward, accept, redirect, postpone, budget, start, finish.
struct TakeUsulanStep {
    struct Input: Codable, Sendable {
        var step: String?
        var note: String?
        var reason_code: String?
        var merge_into: String?
        var volume: String?
        var cost: String?
        var cek_lengkap: String?
        var cek_kamus: String?
        var cek_aset: String?
        var cek_duplikat: String?

        func confirmed(_ check: VerificationCheck) -> Bool {
            switch check {
            case .complete: cek_lengkap == "1"
            case .catalogue: cek_kamus == "1"
            case .asset: cek_aset == "1"
            case .notDuplicate: cek_duplikat == "1"
            }
        }
    }

    enum Outcome {
        case taken(UsulanStatus)
        case invalid(FormErrors)
    }

    func run(usulanID: UUID, _ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard let usulan = try await Usulan.find(usulanID, on: ctx.db), let parties = usulan.parties else { throw UserFacingError.notFound }
        let from = usulan.workflowStatus
        guard ctx.actor.isSignedIn else { throw UserFacingError.signInRequired }
        guard let step = UsulanStep(rawValue: input.step ?? "") else {
            guard UsulanWorkflow.mayTakeAnyStep(from: from, by: ctx.actor, on: parties) else { throw UserFacingError.forbidden }
            throw UserFacingError(.badRequest, Phrase("Langkah tidak dikenal.", "Unknown step."))
        }
        let to: UsulanStatus
        switch UsulanWorkflow.take(step, from: from, by: ctx.actor, on: parties) {
        case let .success(next): to = next
        case .failure(.notPermitted): throw UserFacingError.forbidden
        case .failure(.notFromStatus):
            throw UserFacingError(.conflict, Phrase("Langkah ini tidak bisa diambil: status usulan sudah \(from.label(.id)).",
                                                    "This step is not possible: the proposal is already \(from.label(.en))."))
        }
        var errors = FormErrors()
        var note = TextInput.clean(input.note ?? "")
        if step == .verify {
            let missing = VerificationCheck.allCases.filter { !input.confirmed($0) }
            if !missing.isEmpty {
                errors.add("checks", Phrase("Centang semua pemeriksaan sebelum memverifikasi; yang belum: " + missing.map { $0.label(.id) }.joined(separator: "; ")
                                            + ". Bila ada yang tidak terpenuhi, kembalikan atau tolak usulannya.",
                                            "Tick every check before verifying; not yet: " + missing.map { $0.label(.en) }.joined(separator: "; ")
                                            + ". If one does not hold, return or reject the proposal."))
            }
            note = note.isEmpty ? VerificationCheck.confirmedNote : VerificationCheck.confirmedNote + " " + note
        }
        if note.count > 1000 { errors.add("note", Phrase("Catatan maksimal 1.000 huruf.", "A note has 1,000 characters at most.")) }
        var reason: RejectionReason?
        if step == .reject {
            reason = RejectionReason(rawValue: input.reason_code ?? "")
            if reason == nil { errors.add("reason_code", Phrase("Pilih alasan penolakan.", "Choose the reason for rejecting.")) }
            if reason == .lainnya, note.isEmpty { errors.add("note", Phrase("Jelaskan alasannya.", "Explain the reason.")) }
        }
        if [.returnForRevision, .postpone, .redirect].contains(step), note.count < 5 {
            errors.add("note", step == .returnForRevision
                ? Phrase("Tulis apa yang perlu diperbaiki pengusul.", "Say what the proposer needs to fix.")
                : Phrase("Tulis alasannya (dan tujuan pengalihan).", "Give the reason (and where it is redirected)."))
        }
        var target: Usulan?
        if step == .merge {
            let text = (input.merge_into ?? "").trimmingCharacters(in: .whitespaces).uppercased()
            let prefix = text.hasPrefix("U-") ? String(text.dropFirst(2)) : text
            if prefix.count == 8 {
                let matches = try await Usulan.query(on: ctx.db).filter(\.$kecamatanCode == usulan.kecamatanCode).all()
                    .filter { $0.id?.uuidString.hasPrefix(prefix) == true && $0.id != usulan.id && !$0.workflowStatus.isFinal && $0.workflowStatus != .draft }
                target = matches.count == 1 ? matches[0] : nil
            }
            if target == nil {
                errors.add("merge_into", Phrase("Tulis nomor usulan tujuan (mis. U-3F2A9C1D) di kecamatan yang sama, yang masih berjalan.",
                                                "Enter the number of a live proposal in the same district (e.g. U-3F2A9C1D)."))
            }
        }
        var changedVolume: Double?
        var changedCost: Int64?
        if [.agreeAtDesa, .agreeAtKecamatan, .acceptByAgency, .budget].contains(step) {
            if let raw = input.volume?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
                if let v = Double(raw.replacingOccurrences(of: ",", with: ".")), v > 0, v <= 1_000_000 { changedVolume = v == usulan.volume ? nil : v }
                else { errors.add("volume", Phrase("Volume berupa angka lebih dari 0.", "Volume is a number above 0.")) }
            }
            if let raw = input.cost?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
                if let c = Rupiah.parse(raw), c.amount > 0, c.amount <= SaveUsulan.maximumCost { changedCost = c.amount == usulan.cost ? nil : c.amount }
                else { errors.add("cost", Phrase("Biaya dalam rupiah, lebih dari 0.", "Cost in whole rupiah above 0.")) }
            }
            if (changedVolume != nil || changedCost != nil), note.count < 5 {
                errors.add("note", Phrase("Tulis alasan perubahan volume atau biaya.", "Give the reason for changing volume or cost."))
            }
        }
        guard errors.isEmpty else { return .invalid(errors) }

        let (changedVolumeValue, changedCostValue, targetUsulan, reasonValue, recordedNote) = (changedVolume, changedCost, target, reason, note)
        let identity = ctx.identity
        let now = ctx.now
        try await ctx.writes.transaction { db in
            usulan.status = to.rawValue
            if let changedVolumeValue { usulan.volume = changedVolumeValue }
            if let changedCostValue { usulan.cost = changedCostValue }
            if let targetUsulan, let targetUsulanID = targetUsulan.id {
                usulan.mergedInto = targetUsulanID
                try await SupportCounts.carry(from: usulanID, to: targetUsulanID, on: db)
            }
            try await usulan.update(on: db)
            try await UsulanTimeline.record(usulan, step: step, from: from, to: to, actor: identity, note: recordedNote, reason: reasonValue,
                                            changedVolume: changedVolumeValue, changedCost: changedCostValue, related: targetUsulan?.id,
                                            on: db, now: now, notify: ctx)
        }
        return .taken(to)
    }
}
