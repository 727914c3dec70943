import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
@testable import RembukApp

/// Every protected route, as every role: who may, who may not.
@Suite struct PermissionMatrixTests {
    enum Who: String, CaseIterable {
        case visitor, warga, operatorDesa, operatorKecamatan, opd, moderator, mitra, bappeda

        var email: String? {
            switch self {
            case .visitor: nil
            case .warga: "warga@rembuk.test"
            case .operatorDesa: "operator.desa@rembuk.test"
            case .operatorKecamatan: "operator.kecamatan@rembuk.test"
            case .opd: "opd@rembuk.test"
            case .moderator: "moderator@rembuk.test"
            case .mitra: "mitra@rembuk.test"
            case .bappeda: "admin@rembuk.test"
            }
        }
    }

    enum Expect { case allowed, forbidden, signIn }

    struct Case {
        var method: HTTPMethod
        var path: (UUID, UUID) -> String
        var form: [String: String] = [:]
        var allowed: Set<Who>
    }

    static let admin: Set<Who> = [.bappeda]
    static let signedIn = Set(Who.allCases).subtracting([.visitor])
    static let everyone = Set(Who.allCases)

    let cases: [Case] = [
        Case(method: .GET, path: { _, _ in "/" }, allowed: everyone),
        Case(method: .GET, path: { _, _ in SiteRoute.region("32.14.01").path }, allowed: everyone),
        Case(method: .GET, path: { _, _ in SiteRoute.audit.path }, allowed: everyone),
        Case(method: .GET, path: { _, _ in SiteRoute.account.path }, allowed: signedIn),
        Case(method: .GET, path: { _, _ in SiteRoute.inbox.path }, allowed: signedIn),
        Case(method: .POST, path: { _, _ in SiteRoute.follow.path }, form: ["subject_type": "region", "subject_id": "32.14.01"], allowed: signedIn),
        Case(method: .GET, path: { _, _ in SiteRoute.moderationQueue.path }, allowed: [.moderator, .bappeda]),
        Case(method: .GET, path: { _, _ in SiteRoute.forumNew.path }, allowed: [.operatorDesa, .operatorKecamatan, .bappeda]),
        Case(method: .GET, path: { _, _ in SiteRoute.forums.path }, allowed: everyone),
        Case(method: .GET, path: { _, _ in SiteRoute.usulanQueue.path }, allowed: [.operatorDesa, .operatorKecamatan]),
        Case(method: .GET, path: { _, _ in SiteRoute.myUsulan.path }, allowed: signedIn),
        Case(method: .GET, path: { _, _ in SiteRoute.usulanNew.path }, allowed: signedIn),
        Case(method: .GET, path: { _, _ in SiteRoute.adminAccounts.path }, allowed: admin),
        Case(method: .GET, path: { _, _ in SiteRoute.adminNewAccount.path }, allowed: admin),
        Case(method: .POST, path: { _, _ in SiteRoute.adminNewAccount.path }, form: ["name": "Staf Baru", "email": "staf@contoh.id",
             "password": "kopi-tubruk-2026", "password_confirmation": "kopi-tubruk-2026", "role": "operator_desa", "region_code": "32.14.02.2001"], allowed: admin),
        Case(method: .GET, path: { target, _ in SiteRoute.adminAccount(target.uuidString).path }, allowed: admin),
        Case(method: .POST, path: { target, _ in SiteRoute.adminGrant(target.uuidString).path },
             form: ["role": "operator_desa", "region_code": "32.14.02.2002"], allowed: admin),
        Case(method: .POST, path: { target, grant in SiteRoute.adminRevoke(target.uuidString, grant.uuidString).path },
             form: ["reason": "mutasi"], allowed: admin),
        Case(method: .POST, path: { target, _ in SiteRoute.adminAccountStatus(target.uuidString).path },
             form: ["action": "disable", "reason": "uji"], allowed: admin),
        Case(method: .GET, path: { _, _ in SiteRoute.discussions.path }, allowed: everyone),
        Case(method: .GET, path: { _, _ in SiteRoute.discussionNew.path }, allowed: signedIn),
        Case(method: .GET, path: { _, _ in SiteRoute.holidays.path }, allowed: everyone),
        Case(method: .GET, path: { _, _ in SiteRoute.phoneSignIn.path }, allowed: everyone),
        Case(method: .GET, path: { _, _ in SiteRoute.claimAccount.path }, allowed: everyone),
        Case(method: .GET, path: { _, _ in SiteRoute.assisted.path }, allowed: [.operatorDesa, .operatorKecamatan]),
        Case(method: .GET, path: { _, _ in SiteRoute.adminTokens.path }, allowed: admin),
        Case(method: .POST, path: { _, _ in SiteRoute.adminTokens.path },
             form: ["name": "Sinkron SIMDA", "agency_id": "dinas-pupr", "days": "30", "scopes[]": "projects:report"], allowed: admin),
        Case(method: .GET, path: { _, _ in SiteRoute.adminIdentity.path }, allowed: admin),
        Case(method: .POST, path: { _, _ in SiteRoute.adminIdentity.path },
             form: ["government": "Pemerintah Kabupaten Purwakarta", "minutes_pattern": "{nomor}/BA/{tahun}", "certificate_pattern": "{nomor}/SERT/{tahun}"],
             allowed: admin),
        Case(method: .POST, path: { _, _ in SiteRoute.adminLogoRemove.path }, allowed: admin),
        Case(method: .GET, path: { _, _ in SiteRoute.adminAgencies.path }, allowed: admin),
        Case(method: .GET, path: { _, _ in SiteRoute.adminAgencyNew.path }, allowed: admin),
        Case(method: .POST, path: { _, _ in SiteRoute.adminAgencyNew.path },
             form: ["name": "Dinas Pemadam Kebakaran dan Penyelamatan", "short_name": "Damkar"], allowed: admin),
        Case(method: .GET, path: { _, _ in SiteRoute.adminAgency("dlh").path }, allowed: admin),
        Case(method: .POST, path: { _, _ in SiteRoute.adminAgency("disparbud").path },
             form: ["name": "Dinas Kebudayaan dan Pariwisata", "short_name": "Disbudpar", "active": "on", "reason": "Perda 2026"], allowed: admin),
        Case(method: .GET, path: { _, _ in SiteRoute.adminAgencyImport.path }, allowed: admin),
        Case(method: .GET, path: { _, _ in SiteRoute.adminAgencyTemplate.path }, allowed: admin),
        Case(method: .POST, path: { _, _ in SiteRoute.adminAgencyMerge("bpbd").path }, form: ["into": "dinsos", "reason": "Perda 2026"], allowed: admin),
        Case(method: .GET, path: { _, _ in SiteRoute.projectReportsUpload.path }, allowed: [.opd, .bappeda]),
        Case(method: .GET, path: { _, _ in SiteRoute.projectReportsTemplate.path }, allowed: [.opd, .bappeda]),
        Case(method: .GET, path: { _, _ in SiteRoute.apiTokens.path }, allowed: signedIn),
        Case(method: .POST, path: { _, _ in SiteRoute.assisted.path },
             form: ["name": "Mak Iyah", "desa_code": "32.14.01.2010", "gender": "perempuan"], allowed: [.operatorDesa, .operatorKecamatan]),
        Case(method: .GET, path: { _, _ in SiteRoute.partners.path }, allowed: everyone),
        Case(method: .GET, path: { _, _ in SiteRoute.partner("yayasan-citarum-lestari").path }, allowed: everyone),
        Case(method: .GET, path: { _, _ in SiteRoute.partnerNew.path }, allowed: admin),
        Case(method: .GET, path: { _, _ in SiteRoute.partnerEdit("yayasan-citarum-lestari").path }, allowed: [.bappeda, .mitra]),
        Case(method: .GET, path: { _, _ in SiteRoute.partnerEdit("pt-sinar-purwakarta-sejahtera").path }, allowed: admin),
        Case(method: .POST, path: { _, _ in SiteRoute.holidays.path },
             form: ["day": HolidayTests.nextWeekday(after: LocalDate(year: LocalDate(Date()).year + 1, month: 3, day: 1)!).iso, "name": "Cuti bersama"],
             allowed: admin),
    ]

    @Test func everyRouteAsEveryRole() async throws {
        var checked = 0
        for who in Who.allCases {
            try await withRembuk { app in
                // given: the operator desa's account and grant are the targets of the admin actions
                let target = try #require(try await Account.query(on: app.db).filter(\.$email == "operator.desa@rembuk.test").first())
                let grant = try #require(try await RoleGrant.query(on: app.db).filter(\.$account.$id == target.id!).first())
                var browser = TestBrowser(app)
                if let email = who.email { try await browser.signIn(email) }
                for test in cases {
                    let path = test.path(target.id!, grant.id!)
                    let before = try await auditCount(app)
                    // when
                    let response = test.method == .GET ? try await browser.get(path) : try await browser.post(path, test.form)
                    // then
                    let allowed = test.allowed.contains(who)
                    if allowed {
                        #expect([.ok, .created, .seeOther].contains(response.status), "\(who) \(test.method) \(path) → \(response.status)")
                    } else {
                        let refused = response.status == .forbidden || response.status == .unauthorized
                            || (response.status == .seeOther && response.location?.hasPrefix(SiteRoute.login.path) == true)
                        #expect(refused, "\(who) \(test.method) \(path) → \(response.status)")
                        #expect(try await auditCount(app) == before, "\(who) \(test.method) \(path) wrote an audit record")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked == cases.count * Who.allCases.count)
    }

    @Test func adminCannotScopeRolesOutsideTheKabupaten() async throws {
        try await withRembuk { app in
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let target = try #require(try await Account.query(on: app.db).filter(\.$email == "warga@rembuk.test").first())
            for (role, region) in [("operator_desa", "33.02.01.2001"), ("operator_desa", "32.14.01"), ("operator_kecamatan", "32.14.01.2010"), ("bappeda", "33.02")] {
                let response = try await admin.post(SiteRoute.adminGrant(target.id!.uuidString).path, ["role": role, "region_code": region])
                #expect(response.status == .unprocessableEntity, "\(role) @ \(region)")
            }
            #expect(try await RoleGrant.query(on: app.db).filter(\.$account.$id == target.id!).count() == 0)
        }
    }

    @Test func grantingAndRevokingIsAuditedAndNotified() async throws {
        try await withRembuk { app in
            // given
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let warga = try #require(try await Account.query(on: app.db).filter(\.$email == "warga@rembuk.test").first())
            let inboxBefore = try await InboxItem.query(on: app.db).filter(\.$account.$id == warga.id!).count()
            // when
            let granted = try await admin.post(SiteRoute.adminGrant(warga.id!.uuidString).path,
                                               ["role": "operator_desa", "region_code": "32.14.02.2001", "reason": "SK Kades 12/2026"])
            let grant = try #require(try await RoleGrant.query(on: app.db).filter(\.$account.$id == warga.id!).first())
            let missingReason = try await admin.post(SiteRoute.adminRevoke(warga.id!.uuidString, grant.id!.uuidString).path, ["reason": ""])
            let revoked = try await admin.post(SiteRoute.adminRevoke(warga.id!.uuidString, grant.id!.uuidString).path, ["reason": "pindah tugas"])
            // then
            #expect(granted.status == .seeOther)
            #expect(missingReason.status == .unprocessableEntity)
            #expect(revoked.status == .seeOther)
            let actions = try await AuditRecord.query(on: app.db).filter(\.$subjectID == warga.id!.uuidString).sort(\.$id).all().map(\.action)
            #expect(actions.suffix(2) == ["role.granted", "role.revoked"])
            #expect(try await InboxItem.query(on: app.db).filter(\.$account.$id == warga.id!).count() == inboxBefore + 2)
            // and the operator desa of 32.14.02.2001 is now no operator at all
            var browser = TestBrowser(app)
            try await browser.signIn("warga@rembuk.test")
            #expect(try await browser.get(SiteRoute.account.path).text.contains("Operator desa") == false)
        }
    }
}
