import Testing
@testable import RembukCore

@Suite struct UsulanWorkflowTests {
    enum Who: String, CaseIterable {
        case visitor, proposer, otherCitizen, operatorDesa, operatorOtherDesa, operatorKecamatan, operatorOtherKecamatan
        case targetAgency, otherAgency, bappeda, otherBappeda, moderator, mitra
    }

    static let desa = RegionCode("32.14.01.2010")!
    static let usulan = UsulanParties(desa: desa, targetAgency: "dinas-pupr", proposerAccountID: "siti")

    static func actor(_ who: Who) -> Actor {
        func grant(_ role: Role, _ scope: Scope) -> [Grant] { [try! Grant.make(role: role, scope: scope).get()] }
        switch who {
        case .visitor: return .visitor
        case .proposer: return Actor(accountID: "siti", grants: grant(.warga, .ownAccount))
        case .otherCitizen: return Actor(accountID: "budi", grants: grant(.warga, .ownAccount))
        case .operatorDesa: return Actor(accountID: "op1", grants: grant(.operatorDesa, .region(desa)))
        case .operatorOtherDesa: return Actor(accountID: "op2", grants: grant(.operatorDesa, .region(RegionCode("32.14.01.1001")!)))
        case .operatorKecamatan: return Actor(accountID: "op3", grants: grant(.operatorKecamatan, .region(RegionCode("32.14.01")!)))
        case .operatorOtherKecamatan: return Actor(accountID: "op4", grants: grant(.operatorKecamatan, .region(RegionCode("32.14.02")!)))
        case .targetAgency: return Actor(accountID: "opd1", grants: grant(.opd, .agency("dinas-pupr")))
        case .otherAgency: return Actor(accountID: "opd2", grants: grant(.opd, .agency("dlh")))
        case .bappeda: return Actor(accountID: "adm", grants: grant(.bappeda, .region(RegionCode("32.14")!)))
        case .otherBappeda: return Actor(accountID: "adm2", grants: grant(.bappeda, .region(RegionCode("33.02")!)))
        case .moderator: return Actor(accountID: "mod", grants: grant(.moderator, .region(RegionCode("32.14")!)))
        case .mitra: return Actor(accountID: "csr", grants: grant(.mitra, .organisation("Yayasan")))
        }
    }

    /// The specification, written out: from each status, which step leads where, and who may take it.
    static let spec: [(UsulanStatus, UsulanStep, UsulanStatus, Set<Who>)] = {
        let author: Set<Who> = [.proposer, .operatorDesa]
        let desaTier: Set<Who> = [.operatorDesa, .operatorKecamatan]
        let kecamatanTier: Set<Who> = [.operatorKecamatan]
        let agency: Set<Who> = [.targetAgency]
        let bappeda: Set<Who> = [.bappeda]
        return [
            (.draft, .submit, .diajukan, author),
            (.revisi, .resubmit, .diajukan, author),
            (.diajukan, .verify, .diverifikasi, desaTier),
            (.diajukan, .returnForRevision, .revisi, desaTier),
            (.diajukan, .reject, .ditolak, desaTier),
            (.diajukan, .merge, .digabung, desaTier),
            (.diverifikasi, .agreeAtDesa, .disepakatiDesa, desaTier),
            (.diverifikasi, .returnForRevision, .revisi, desaTier),
            (.diverifikasi, .reject, .ditolak, desaTier),
            (.diverifikasi, .merge, .digabung, desaTier),
            (.diverifikasi, .postpone, .ditunda, desaTier),
            (.disepakatiDesa, .forward, .diteruskan, desaTier),
            (.disepakatiDesa, .postpone, .ditunda, desaTier),
            (.diteruskan, .agreeAtKecamatan, .disepakatiKecamatan, kecamatanTier),
            (.diteruskan, .reject, .ditolak, kecamatanTier),
            (.diteruskan, .merge, .digabung, kecamatanTier),
            (.diteruskan, .postpone, .ditunda, kecamatanTier),
            (.disepakatiKecamatan, .acceptByAgency, .diterimaOPD, agency),
            (.disepakatiKecamatan, .reject, .ditolak, agency),
            (.disepakatiKecamatan, .redirect, .dialihkan, agency),
            (.disepakatiKecamatan, .postpone, .ditunda, agency),
            (.diterimaOPD, .includeInRKPD, .masukRKPD, bappeda),
            (.diterimaOPD, .budget, .dianggarkan, bappeda),
            (.diterimaOPD, .reject, .ditolak, bappeda),
            (.diterimaOPD, .postpone, .ditunda, bappeda),
            (.masukRKPD, .budget, .dianggarkan, bappeda),
            (.masukRKPD, .postpone, .ditunda, bappeda),
            (.dianggarkan, .start, .dilaksanakan, agency),
            (.dilaksanakan, .finish, .selesai, agency),
        ]
    }()

    @Test func everyStepFromEveryStatusForEveryKindOfActor() {
        var checked = 0
        for status in UsulanStatus.allCases {
            for step in UsulanStep.allCases {
                for who in Who.allCases {
                    // given
                    let expected = Self.spec.first { $0.0 == status && $0.1 == step }
                    // when
                    let result = UsulanWorkflow.take(step, from: status, by: Self.actor(who), on: Self.usulan)
                    // then
                    switch (expected, result) {
                    case let (entry?, .success(next)):
                        #expect(entry.3.contains(who), "\(who) may not \(step) from \(status)")
                        #expect(next == entry.2)
                    case let (entry?, .failure(problem)):
                        #expect(!entry.3.contains(who), "\(who) should be able to \(step) from \(status)")
                        #expect(problem == .notPermitted(step))
                    case (nil, .success):
                        Issue.record("\(step) from \(status) should not exist")
                    case let (nil, .failure(problem)):
                        #expect(problem == .notFromStatus(status, step))
                    }
                    checked += 1
                }
            }
        }
        #expect(checked == UsulanStatus.allCases.count * UsulanStep.allCases.count * Who.allCases.count)
    }

    @Test func finalStatusesHaveNoWayOut() {
        for status in UsulanStatus.allCases where status.isFinal {
            #expect(UsulanWorkflow.steps(from: status).isEmpty, "\(status)")
        }
        for status in UsulanStatus.allCases where !status.isFinal {
            #expect(!UsulanWorkflow.steps(from: status).isEmpty, "\(status)")
        }
    }

    @Test func theHappyPathReachesSelesai() throws {
        // given
        let path: [(UsulanStep, Who)] = [(.submit, .proposer), (.verify, .operatorDesa), (.agreeAtDesa, .operatorDesa),
                                         (.forward, .operatorDesa), (.agreeAtKecamatan, .operatorKecamatan),
                                         (.acceptByAgency, .targetAgency), (.includeInRKPD, .bappeda), (.budget, .bappeda),
                                         (.start, .targetAgency), (.finish, .targetAgency)]
        var status = UsulanStatus.draft
        // when
        for (step, who) in path { status = try UsulanWorkflow.take(step, from: status, by: Self.actor(who), on: Self.usulan).get() }
        // then
        #expect(status == .selesai)
    }

    @Test func anUsulanWithoutTargetAgencyCannotBeAcceptedByAnyAgency() {
        let noAgency = UsulanParties(desa: Self.desa, targetAgency: nil, proposerAccountID: "siti")
        #expect(throws: UsulanWorkflow.Problem.notPermitted(.acceptByAgency)) {
            try UsulanWorkflow.take(.acceptByAgency, from: .disepakatiKecamatan, by: Self.actor(.targetAgency), on: noAgency).get()
        }
    }

    @Test func everyStatusAndReasonHasDistinctLabelsInBothLanguages() {
        for language in Language.allCases {
            let statuses = UsulanStatus.allCases.map { $0.label(language) }
            let reasons = RejectionReason.allCases.map { $0.label(language) }
            #expect(Set(statuses).count == statuses.count && !statuses.contains(""))
            #expect(Set(reasons).count == reasons.count && !reasons.contains(""))
        }
    }
}
