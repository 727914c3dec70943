/// A step someone takes on an usulan.
public enum UsulanStep: String, Sendable, CaseIterable, Codable, Hashable {
    case submit, resubmit
    case verify, returnForRevision = "return_for_revision", reject, merge, postpone
    case agreeAtDesa = "agree_at_desa", forward
    case agreeAtKecamatan = "agree_at_kecamatan"
    case acceptByAgency = "accept_by_agency", redirect
    case includeInRKPD = "include_in_rkpd", budget
    case start, finish
    /// A forum changed the volume or cost (the status stays).
    case adjust
    /// A closed forum was opened again: what its closing did is undone.
    case reopenForum = "reopen_forum"
}

/// The usulan facts that decide who may act: its desa, the agency it is aimed at, who proposed it.
public struct UsulanParties: Sendable, Hashable {
    public let desa: RegionCode
    public let targetAgency: String?
    public let proposerAccountID: String

    public init(desa: RegionCode, targetAgency: String?, proposerAccountID: String) {
        self.desa = desa
        self.targetAgency = targetAgency
        self.proposerAccountID = proposerAccountID
    }
}

/// The status machine of an usulan, and who owns each step. Each tier acts only on its own stage:
/// the proposer submits; the desa verifies and agrees; the kecamatan agrees; the target agency accepts,
/// redirects and carries out; Bappeda puts it in the RKPD and the budget.
public enum UsulanWorkflow {
    public enum Problem: Error, Sendable, Equatable {
        /// The step does not exist from this status (e.g. budgeting a draft).
        case notFromStatus(UsulanStatus, UsulanStep)
        /// The step exists, but this actor does not own it for this usulan.
        case notPermitted(UsulanStep)
    }

    /// Who owns a stage of the pipeline.
    enum Owner: Sendable {
        case proposerOrDesa, desa, kecamatan, agency, bappeda
    }

    static let transitions: [UsulanStatus: [UsulanStep: UsulanStatus]] = [
        .draft: [.submit: .diajukan],
        .revisi: [.resubmit: .diajukan],
        .diajukan: [.verify: .diverifikasi, .returnForRevision: .revisi, .reject: .ditolak, .merge: .digabung],
        .diverifikasi: [.agreeAtDesa: .disepakatiDesa, .returnForRevision: .revisi, .reject: .ditolak,
                        .merge: .digabung, .postpone: .ditunda],
        .disepakatiDesa: [.forward: .diteruskan, .postpone: .ditunda],
        .diteruskan: [.agreeAtKecamatan: .disepakatiKecamatan, .reject: .ditolak, .merge: .digabung, .postpone: .ditunda],
        .disepakatiKecamatan: [.acceptByAgency: .diterimaOPD, .reject: .ditolak, .redirect: .dialihkan, .postpone: .ditunda],
        // An accepted usulan may be budgeted straight away when its money does not come through the RKPD
        // (Dana Desa, DAK, a partner's CSR): the agency's project does that.
        .diterimaOPD: [.includeInRKPD: .masukRKPD, .budget: .dianggarkan, .reject: .ditolak, .postpone: .ditunda],
        .masukRKPD: [.budget: .dianggarkan, .postpone: .ditunda],
        .dianggarkan: [.start: .dilaksanakan],
        .dilaksanakan: [.finish: .selesai],
    ]

    /// The stage owner is decided by where the usulan is, not by the step: rejecting at the desa is the
    /// desa's call, rejecting after the kecamatan forum is the agency's.
    static func owner(of status: UsulanStatus) -> Owner? {
        switch status {
        case .draft, .revisi: .proposerOrDesa
        case .diajukan, .diverifikasi, .disepakatiDesa: .desa
        case .diteruskan: .kecamatan
        case .disepakatiKecamatan: .agency
        case .diterimaOPD, .masukRKPD: .bappeda
        case .dianggarkan, .dilaksanakan: .agency
        case .selesai, .ditolak, .ditunda, .dialihkan, .digabung: nil
        }
    }

    /// The steps that lead out of a status, in a stable order.
    public static func steps(from status: UsulanStatus) -> [UsulanStep] {
        let available = transitions[status] ?? [:]
        return UsulanStep.allCases.filter { available[$0] != nil }
    }

    /// The status the step leads to, if `actor` may take it on this usulan now.
    /// The status a step leads to from `status`, whoever takes it: for forums, whose authority is checked on
    /// the forum (`ForumLevel.canRun`), not on each usulan.
    public static func next(_ step: UsulanStep, from status: UsulanStatus) -> UsulanStatus? {
        transitions[status]?[step]
    }

    public static func take(_ step: UsulanStep, from status: UsulanStatus, by actor: Actor,
                            on usulan: UsulanParties) -> Result<UsulanStatus, Problem> {
        guard let next = transitions[status]?[step], let owner = owner(of: status) else {
            return .failure(.notFromStatus(status, step))
        }
        return mayAct(actor, as: owner, on: usulan) ? .success(next) : .failure(.notPermitted(step))
    }

    /// Whether `actor` may take some step out of `status` on this usulan: asked before a request names its step, so
    /// someone with no say gets "forbidden" whatever they sent.
    public static func mayTakeAnyStep(from status: UsulanStatus, by actor: Actor, on usulan: UsulanParties) -> Bool {
        steps(from: status).contains { step in
            if case .success = take(step, from: status, by: actor, on: usulan) { return true }
            return false
        }
    }

    static func mayAct(_ actor: Actor, as owner: Owner, on usulan: UsulanParties) -> Bool {
        switch owner {
        case .proposerOrDesa:
            return actor.accountID == usulan.proposerAccountID || actor.covers(usulan.desa, as: [.operatorDesa])
        case .desa:
            return actor.covers(usulan.desa, as: [.operatorDesa, .operatorKecamatan])
        case .kecamatan:
            return actor.covers(usulan.desa, as: [.operatorKecamatan])
        case .agency:
            guard let agency = usulan.targetAgency else { return false }
            return actor.agencies(for: .opd).contains(agency)
        case .bappeda:
            return actor.covers(usulan.desa, as: [.bappeda])
        }
    }
}
