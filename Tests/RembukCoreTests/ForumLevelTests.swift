import Testing
@testable import RembukCore

@Suite struct ForumLevelTests {
    let kabupaten = RegionCode("32.14")!
    let kecamatan = RegionCode("32.14.01")!
    let desa = RegionCode("32.14.01.2010")!
    let otherDesa = RegionCode("32.14.02.2001")!

    func actor(_ role: Role, _ scope: Scope) throws -> Actor {
        Actor(accountID: "x", grants: [try Grant.make(role: role, scope: scope).get()])
    }

    @Test func operatorsScheduleOnlyTheirOwnRegionsForums() throws {
        let operatorDesa = try actor(.operatorDesa, .region(desa))
        let operatorKecamatan = try actor(.operatorKecamatan, .region(kecamatan))
        let bappeda = try actor(.bappeda, .region(kabupaten))
        #expect(ForumLevel.desa.canSchedule(operatorDesa, in: desa))
        #expect(!ForumLevel.desa.canSchedule(operatorDesa, in: otherDesa))
        #expect(!ForumLevel.kecamatan.canSchedule(operatorDesa, in: kecamatan))
        #expect(ForumLevel.desa.canSchedule(operatorKecamatan, in: desa))
        #expect(!ForumLevel.desa.canSchedule(operatorKecamatan, in: otherDesa))
        #expect(ForumLevel.kecamatan.canSchedule(operatorKecamatan, in: kecamatan))
        #expect(!ForumLevel.kabupaten.canSchedule(operatorKecamatan, in: kabupaten))
        for level in ForumLevel.allCases {
            let region = level.regionLevel == .desa ? desa : level.regionLevel == .kecamatan ? kecamatan : kabupaten
            #expect(level.canSchedule(bappeda, in: region), "\(level)")
            #expect(!level.canSchedule(try actor(.moderator, .region(kabupaten)), in: region), "\(level)")
            #expect(!level.canSchedule(Actor.visitor, in: region), "\(level)")
        }
        // the region must be of the forum's level
        #expect(!ForumLevel.desa.canSchedule(bappeda, in: kecamatan))
    }

    @Test func theKindsOfForumEachRoleMaySchedule() throws {
        #expect(ForumLevel.schedulable(by: try actor(.operatorDesa, .region(desa))) == [.desa])
        #expect(ForumLevel.schedulable(by: try actor(.operatorKecamatan, .region(kecamatan))) == [.desa, .kecamatan])
        #expect(ForumLevel.schedulable(by: try actor(.bappeda, .region(kabupaten))) == ForumLevel.allCases)
        #expect(ForumLevel.schedulable(by: try actor(.moderator, .region(kabupaten))).isEmpty)
        #expect(ForumLevel.schedulable(by: .visitor).isEmpty)
    }

    @Test func eachForumBelongsToItsPhase() {
        #expect(ForumLevel.desa.phases == [.desa])
        #expect(ForumLevel.tematikPerempuan.phases.contains(.kabupaten))
        #expect(ForumLevel.allCases.allSatisfy { !$0.phases.isEmpty && !$0.label(.id).isEmpty })
    }
}
