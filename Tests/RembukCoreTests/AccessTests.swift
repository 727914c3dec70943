import Testing
@testable import RembukCore

@Suite struct AccessTests {
    let desaA = RegionCode("32.14.01.2001")!
    let desaB = RegionCode("32.14.02.2001")!
    let kecamatanA = RegionCode("32.14.01")!
    let kabupaten = RegionCode("32.14")!
    let otherKabupaten = RegionCode("33.02")!

    func actor(_ role: Role, _ scope: Scope) throws -> Actor {
        Actor(accountID: "x", grants: [try Grant.make(role: role, scope: scope).get()])
    }

    @Test func grantsNeedTheRightKindOfScope() {
        #expect((try? Grant.make(role: .operatorDesa, scope: .region(desaA)).get()) != nil)
        #expect(throws: Grant.Problem.scopeDoesNotFitRole) { try Grant.make(role: .operatorDesa, scope: .region(kecamatanA)).get() }
        #expect(throws: Grant.Problem.scopeDoesNotFitRole) { try Grant.make(role: .opd, scope: .region(kabupaten)).get() }
        #expect(throws: Grant.Problem.scopeDoesNotFitRole) { try Grant.make(role: .bappeda, scope: .region(desaA)).get() }
        #expect((try? Grant.make(role: .mitra, scope: .organisation("csr-1")).get()) != nil)
    }

    @Test func operatorDesaOnlyTouchesOwnDesa() throws {
        // given
        let op = try actor(.operatorDesa, .region(desaA))
        // when / then
        #expect(op.can(.administerRegion(desaA)))
        #expect(!op.can(.administerRegion(desaB)))
        #expect(!op.can(.administerRegion(kecamatanA)))
        #expect(!op.can(.manageAccounts(kabupaten: kabupaten)))
    }

    @Test func operatorKecamatanCoversItsDesa() throws {
        let op = try actor(.operatorKecamatan, .region(kecamatanA))
        #expect(op.can(.administerRegion(desaA)))
        #expect(op.can(.administerRegion(kecamatanA)))
        #expect(!op.can(.administerRegion(desaB)))
    }

    @Test func bappedaManagesOnlyItsKabupaten() throws {
        let admin = try actor(.bappeda, .region(kabupaten))
        #expect(admin.can(.manageAccounts(kabupaten: kabupaten)))
        #expect(!admin.can(.manageAccounts(kabupaten: otherKabupaten)))
        #expect(admin.can(.administerRegion(desaB)))
        #expect(admin.can(.moderate(desaA)))
        #expect(admin.can(.managePlanning(kabupaten: kabupaten)))
        #expect(!admin.can(.managePlanning(kabupaten: otherKabupaten)))
    }

    @Test func onlyBappedaManagesPlanning() throws {
        for role in [Role.operatorDesa, .operatorKecamatan, .moderator] {
            let scope: Scope = role == .operatorDesa ? .region(desaA) : role == .operatorKecamatan ? .region(kecamatanA) : .region(kabupaten)
            #expect(!(try actor(role, scope)).can(.managePlanning(kabupaten: kabupaten)), "\(role)")
        }
        #expect(!(try actor(.opd, .agency("dinas-pupr"))).can(.managePlanning(kabupaten: kabupaten)))
        #expect(!(try actor(.mitra, .organisation("csr"))).can(.managePlanning(kabupaten: kabupaten)))
    }

    @Test func agencyStaffActOnlyForTheirAgency() throws {
        let staff = try actor(.opd, .agency("dinas-pupr"))
        #expect(staff.can(.actForAgency("dinas-pupr")))
        #expect(!staff.can(.actForAgency("dlh")))
        #expect(!staff.can(.administerRegion(desaA)))
    }

    @Test func partnerUsersSpeakOnlyForTheirOrganisation() throws {
        // given
        let partner = try actor(.mitra, .organisation("yayasan-citarum-lestari"))
        // when / then
        #expect(partner.partners == ["yayasan-citarum-lestari"])
        #expect(partner.can(.actForPartner("yayasan-citarum-lestari")))
        #expect(!partner.can(.actForPartner("pt-lain")))
        #expect(!partner.can(.actForAgency("dinas-pupr")))
        #expect(!(try actor(.bappeda, .region(kabupaten))).can(.actForPartner("yayasan-citarum-lestari")))
        #expect(!(try actor(.opd, .agency("dinas-pupr"))).can(.actForPartner("yayasan-citarum-lestari")))
    }

    @Test func visitorsAndCitizensCanDoNoStaffWork() throws {
        let citizen = try actor(.warga, .ownAccount)
        for who in [Actor.visitor, citizen] {
            #expect(!who.can(.manageAccounts(kabupaten: kabupaten)))
            #expect(!who.can(.administerRegion(desaA)))
            #expect(!who.can(.moderate(desaA)))
            #expect(!who.can(.actForAgency("dinas-pupr")))
            #expect(!who.can(.actForPartner("yayasan-citarum-lestari")))
        }
        #expect(citizen.can(.useOwnAccount))
        #expect(!Actor.visitor.can(.useOwnAccount))
    }
}

@Suite struct NotificationRulesTests {
    @Test func backoffDoublesThenCapsThenGivesUp() {
        let schedule = RetrySchedule(baseSeconds: 30, capSeconds: 3600, maximumAttempts: 9)
        #expect((1...8).map { schedule.delay(afterAttempts: $0) } == [30, 60, 120, 240, 480, 960, 1920, 3600])
        #expect(schedule.delay(afterAttempts: 9) == nil)
        #expect(schedule.delay(afterAttempts: 0) == nil)
    }

    @Test func webhookSignatureVerifiesAndRejectsTampering() {
        // given
        let body = Array(#"{"to":"+6281234567890","text":"Halo"}"#.utf8)
        let header = WebhookSignature.sign(body: body, timestamp: 1_800_000_000, secret: "rahasia-gateway")
        // when / then
        #expect(WebhookSignature.verify(header: header, body: body, secret: "rahasia-gateway", now: 1_800_000_010))
        #expect(!WebhookSignature.verify(header: header, body: body + [32], secret: "rahasia-gateway", now: 1_800_000_010))
        #expect(!WebhookSignature.verify(header: header, body: body, secret: "lain", now: 1_800_000_010))
        #expect(!WebhookSignature.verify(header: header, body: body, secret: "rahasia-gateway", now: 1_800_001_000))
        #expect(!WebhookSignature.verify(header: "garbage", body: body, secret: "rahasia-gateway", now: 1_800_000_000))
    }

    @Test func languageNegotiation() {
        #expect(Language.negotiate(acceptLanguage: nil) == .id)
        #expect(Language.negotiate(acceptLanguage: "en-US,en;q=0.9") == .en)
        #expect(Language.negotiate(acceptLanguage: "de-DE, en;q=0.5, id;q=0.8") == .id)
        #expect(Language.negotiate(acceptLanguage: "fr") == .id)
        #expect(Language.negotiate(acceptLanguage: "en;q=0") == .id)
    }

    @Test func accountRules() {
        #expect(AccountRules.checkPassword("short") == .tooShort)
        #expect(AccountRules.checkPassword("12345678") == .tooCommon)
        #expect(AccountRules.checkPassword("kopi-tubruk-2026") == nil)
        #expect(AccountRules.normaliseEmail(" Siti@Desa.ID ") == "siti@desa.id")
        #expect(AccountRules.normaliseEmail("no-at-sign") == nil)
        #expect(AccountRules.normaliseEmail("a@b") == nil)
        #expect(AccountRules.normaliseEmail("a b@c.id") == nil)
        #expect(AccountRules.cleanName("  Siti \u{202E}Aminah\n ") == "Siti Aminah")
        #expect(CleanText.paragraphs("\n Baris  satu\u{200B}\n\nbaris\u{0007} dua \n") == "Baris satu\n\nbaris dua")
        #expect(CleanText.line("a\tb\r\nc") == "a b c")
        #expect(CleanText.line("Kampung Babakan RT 03") == "Kampung Babakan RT 03")
        #expect(CleanText.line(" Kampung  Babakan ") == "Kampung Babakan")
        #expect(CleanText.line("Kampung\u{202E} Babakan") == "Kampung Babakan")
    }
}
