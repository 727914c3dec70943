import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// Operators register citizens without phone or e-mail and act for them; the citizen can take the account over.
@Suite struct AssistedCitizenTests {
    static let citizen = ["name": "Mak Iyah", "desa_code": "32.14.01.2010", "gender": "perempuan", "nik": ""]

    /// Registers an assisted citizen as the signed-in operator: the account and the claim code from the slip.
    static func register(_ browser: inout TestBrowser, _ fields: [String: String] = citizen) async throws -> (Account?, String?) {
        let response = try await browser.post(SiteRoute.assisted.path, fields)
        guard response.status == .created else { return (nil, nil) }
        let code = response.text.range(of: #"[A-Z2-9]{4}-[A-Z2-9]{4}"#, options: .regularExpression).map { String(response.text[$0]) }
        let account = try await Account.query(on: browser.app.db).filter(\.$name == fields["name"] ?? "").first()
        return (account, code)
    }

    @Test func operatorFilesAnUsulanForTheCitizenAndItSaysWhoEnteredIt() async throws {
        try await withRembuk { app in
            // given
            var desk = TestBrowser(app)
            try await desk.signIn("operator.desa@rembuk.test")
            let (registered, code) = try await Self.register(&desk)
            let citizen = try #require(registered)
            // when
            let serve = try await desk.post(SiteRoute.assistStart(citizen.id!.uuidString).path, [:])
            let form = try await desk.get(SiteRoute.usulanNew.path)
            let submitted = try await desk.post(SiteRoute.usulanNew.path, UsulanTests.form)
            let usulanID = String(submitted.location?.split(separator: "/").last ?? "")
            let page = try await desk.get(SiteRoute.usulan(usulanID).path)
            // then
            #expect(code != nil)
            #expect(citizen.isAssisted && citizen.phone == nil && citizen.email == nil && citizen.gender == "perempuan")
            #expect(serve.status == .seeOther)
            #expect(form.text.contains("Anda melayani Mak Iyah"))
            #expect(submitted.status == .seeOther)
            let usulan = try #require(try await Usulan.find(UUID(uuidString: usulanID), on: app.db))
            #expect(usulan.proposerID == citizen.id)
            #expect(usulan.enteredBy == "Asep Saepudin (Operator desa/kelurahan)")
            #expect(page.text.contains("Diinput oleh") && page.text.contains("untuk warga yang dibantu"))
            let record = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "usulan.submit").filter(\.$subjectID == usulanID).first())
            // (the citizen by their pseudonym on this usulan: PublicIdentityTests)
            #expect(record.actorLabel == "Asep Saepudin (Operator desa/kelurahan) untuk " + Principal.citizenLabel(citizen.id!, secret: testSecret, on: "usulan:" + usulanID))
            #expect(!record.actorLabel.contains("Mak Iyah"))
        }
    }

    @Test func supportsRegistrationsAndComplaintsAreTheCitizensAndNameTheOperator() async throws {
        try await withRembuk { app in
            // given an operator serving an assisted citizen, a submitted usulan and a programme open for registration
            let (program, session) = try await ProgramTests.open(app)
            let usulan = try #require(try await Usulan.query(on: app.db).filter(\.$status == UsulanStatus.diajukan.rawValue).first())
            var desk = TestBrowser(app)
            try await desk.signIn("operator.desa@rembuk.test")
            let (registered, _) = try await Self.register(&desk)
            let citizen = try #require(registered)
            _ = try await desk.post(SiteRoute.assistStart(citizen.id!.uuidString).path, [:])
            // when
            let support = try await desk.post(SiteRoute.usulanSupport(usulan.id!.uuidString).path, [:])
            let seat = try await desk.post(SiteRoute.sessionRegister(session.id!.uuidString).path, ["desa_code": "32.14.01.2010"])
            let complaint = try await ComplaintTests.file(&desk)
            let complaintPage = try await desk.get(complaint.location ?? "")
            // then
            #expect(support.status == .seeOther && seat.status == .seeOther && complaint.status == .seeOther)
            #expect(try await UsulanSupport.query(on: app.db).filter(\.$accountID == citizen.id!).count() == 1)
            let registration = try #require(try await Registration.query(on: app.db).filter(\.$accountID == citizen.id!).first())
            #expect(registration.programID == program.id && registration.enteredBy == "Asep Saepudin (Operator desa/kelurahan)")
            let filed = try #require(try await Complaint.query(on: app.db).filter(\.$reporterID == citizen.id!).first())
            #expect(complaintPage.text.contains("Asep Saepudin (Operator desa/kelurahan) untuk Warga #"))
            let records = try await AuditRecord.query(on: app.db).filter(\.$actorLabel ~~ "Asep Saepudin (Operator desa/kelurahan) untuk Warga #").all()
            #expect(Set(records.map(\.action)).isSuperset(of: ["usulan.supported", "program.registered"]))
            #expect(records.contains { $0.subjectID == filed.id!.uuidString })
        }
    }

    @Test func theOperatorsPagesStayUnderThePageBudget() async throws {
        try await withRembuk { app in
            // given an operator at the desk, then serving a citizen on the heaviest form
            var desk = TestBrowser(app)
            try await desk.signIn("operator.desa@rembuk.test")
            let css = try await desk.get(SiteRoute.stylesheet.path).body.readableBytes
            let (registered, _) = try await Self.register(&desk)
            let citizen = try #require(registered)
            let list = try await desk.get(SiteRoute.assisted.path)
            let slip = try await desk.get(SiteRoute.assistedCitizen(citizen.id!.uuidString).path)
            _ = try await desk.post(SiteRoute.assistStart(citizen.id!.uuidString).path, [:])
            // when
            let form = try await desk.get(SiteRoute.usulanNew.path)
            // then
            for page in [list, slip, form] {
                #expect(page.status == .ok)
                #expect(page.body.readableBytes + css <= 30_000, "\(page.body.readableBytes) B + \(css) B of CSS")
            }
        }
    }

    /// Security finding 9: an assisted citizen's name was written raw into the serve button's `aria-label`.
    @Test func anAssistedCitizensNameIsEscapedEverywhereItIsShown() async throws {
        try await withRembuk { app in
            // given a citizen registered with a name that tries to close an attribute
            var desk = TestBrowser(app)
            try await desk.signIn("operator.desa@rembuk.test")
            let name = #"Mak Iyah" onfocus="alert(1)"#
            let (citizen, _) = try await Self.register(&desk, Self.citizen.merging(["name": name]) { $1 })
            let id = try #require(citizen?.id).uuidString
            // when the operator opens the list and the citizen's page
            let pages = [try await desk.get(SiteRoute.assisted.path).text, try await desk.get(SiteRoute.assistedCitizen(id).path).text]
            // then the name is there, escaped, and never as an attribute of its own
            for page in pages {
                #expect(page.contains("Mak Iyah"))
                #expect(EscapedAttributesTests.malformedTags(page).isEmpty, "\(EscapedAttributesTests.malformedTags(page))")
            }
            #expect(pages[0].contains(#"aria-label="Layani Mak Iyah&quot; onfocus=&quot;alert(1)""#))
        }
    }

    @Test func aStaffRoleNeedsAPassword() async throws {
        try await withRembuk { app in
            // given an assisted citizen (no password)
            var desk = TestBrowser(app)
            try await desk.signIn("operator.desa@rembuk.test")
            let (registered, _) = try await Self.register(&desk)
            let citizen = try #require(registered)
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            // when
            let response = try await admin.post(SiteRoute.adminGrant(citizen.id!.uuidString).path, ["role": "operator_desa", "region_code": "32.14.01.2010"])
            // then
            #expect(response.status == .unprocessableEntity && response.text.contains("Petugas wajib masuk dengan kata sandi"))
            #expect(try await RoleGrant.query(on: app.db).filter(\.$account.$id == citizen.id!).count() == 0)
        }
    }

    @Test func whileServingTheOperatorHasOnlyTheCitizensRights() async throws {
        try await withRembuk { app in
            // given an operator serving an assisted citizen
            var desk = TestBrowser(app)
            try await desk.signIn("operator.desa@rembuk.test")
            let (registered, _) = try await Self.register(&desk)
            let citizen = try #require(registered)
            _ = try await desk.post(SiteRoute.assistStart(citizen.id!.uuidString).path, [:])
            // when
            let queue = try await desk.get(SiteRoute.usulanQueue.path)
            let password = try await desk.post(SiteRoute.changePassword.path, ["new_password": "sawah-hijau-2026", "new_password_confirmation": "sawah-hijau-2026"])
            let desks = try await desk.get(SiteRoute.assisted.path)
            let stop = try await desk.post(SiteRoute.assistStop.path, [:])
            let back = try await desk.get(SiteRoute.usulanQueue.path)
            // then
            #expect(queue.status == .forbidden)
            #expect(password.status == .forbidden && password.text.contains("Selesai melayani dulu"))
            #expect(desks.status == .forbidden)
            #expect(stop.status == .seeOther)
            #expect(back.status == .ok)
            #expect(try await Account.find(citizen.id, on: app.db)?.passwordHash.isEmpty == true)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action ~~ ["assist.started", "assist.stopped"]).count() == 2)
        }
    }

    @Test func operatorsServeOnlyTheirOwnDesa() async throws {
        try await withRembuk { app in
            // given a citizen registered by the kecamatan operator in a desa of the kecamatan, and one in another kecamatan
            var kecamatan = TestBrowser(app)
            try await kecamatan.signIn("operator.kecamatan@rembuk.test")
            let other = Account(name: "Abah Odin", email: nil, phone: nil, passwordHash: "")
            other.assistedRegion = "32.14.02.2001"
            other.gender = "laki_laki"
            try await other.create(on: app.db)
            let (registered, _) = try await Self.register(&kecamatan, ["name": "Ma Ecin", "desa_code": "32.14.01.2010", "gender": "perempuan"])
            let own = try #require(registered)
            var desa = TestBrowser(app)
            try await desa.signIn("operator.desa@rembuk.test")
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            // when
            let outside = try await desa.post(SiteRoute.assisted.path, ["name": "Ki Dalang", "desa_code": "32.14.02.2001", "gender": "laki_laki"])
            let foreign = try await desa.post(SiteRoute.assistStart(other.id!.uuidString).path, [:])
            let foreignPage = try await desa.get(SiteRoute.assistedCitizen(other.id!.uuidString).path)
            let list = try await desa.get(SiteRoute.assisted.path)
            let ownServe = try await desa.post(SiteRoute.assistStart(own.id!.uuidString).path, [:])
            let byCitizen = try await citizen.get(SiteRoute.assisted.path)
            let citizenServe = try await citizen.post(SiteRoute.assistStart(own.id!.uuidString).path, [:])
            // then
            #expect(outside.status == .unprocessableEntity && outside.text.contains("wilayah tugas Anda"))
            #expect(try await Account.query(on: app.db).filter(\.$name == "Ki Dalang").count() == 0)
            #expect(foreign.status == .notFound && foreignPage.status == .notFound)
            #expect(list.text.contains("Ma Ecin") && !list.text.contains("Abah Odin"))
            #expect(ownServe.status == .seeOther)
            #expect(byCitizen.status == .forbidden && citizenServe.status == .forbidden)
        }
    }

    @Test func theCitizenClaimsTheAccountAndOperatorsLoseIt() async throws {
        try await withGateway { app, gateway in
            // given an assisted citizen with an usulan entered for them, and an operator serving them in another browser
            var desk = TestBrowser(app)
            try await desk.signIn("operator.desa@rembuk.test")
            let (registered, slip) = try await Self.register(&desk)
            let citizen = try #require(registered)
            let code = try #require(slip)
            _ = try await desk.post(SiteRoute.assistStart(citizen.id!.uuidString).path, [:])
            _ = try await desk.post(SiteRoute.usulanNew.path, UsulanTests.form)
            var own = TestBrowser(app)
            // when
            let wrong = try await own.post(SiteRoute.claimAccount.path, ["claim_code": "AAAA-BBBB", "phone": "0857-4444-1212"])
            let asked = try await own.post(SiteRoute.claimAccount.path, ["claim_code": code.lowercased(), "phone": "0857-4444-1212"])
            let challenge = asked.location.flatMap { URLComponents(string: $0)?.queryItems?.first { $0.name == "c" }?.value } ?? ""
            let unconsented = try await own.post(SiteRoute.phoneCode.path, ["challenge": challenge, "code": gateway.code(for: "+6285744441212") ?? ""])
            let claimed = try await own.post(SiteRoute.phoneCode.path, ["challenge": challenge, "code": gateway.code(for: "+6285744441212") ?? "",
                                                                         "consent": "ya"])
            let mine = try await own.get(SiteRoute.myUsulan.path)
            let afterwards = try await desk.get(SiteRoute.usulanNew.path)
            let reopen = try await desk.post(SiteRoute.assistStart(citizen.id!.uuidString).path, [:])
            let page = try await desk.get(SiteRoute.assistedCitizen(citizen.id!.uuidString).path)
            var late = TestBrowser(app)
            let reuse = try await late.post(SiteRoute.claimAccount.path, ["claim_code": code, "phone": "0857-4444-3434"])
            // then
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("Kode klaim tidak dikenal"))
            #expect(asked.status == .seeOther)
            #expect(unconsented.status == .unprocessableEntity && unconsented.text.contains("Centang persetujuan"))
            #expect(claimed.location == SiteRoute.account.path + "?pesan=klaim")
            #expect(mine.text.contains("Perbaikan jalan desa rusak"))
            #expect(!afterwards.text.contains("Anda melayani"))
            #expect(reopen.status == .notFound && page.status == .notFound)
            #expect(reuse.status == .unprocessableEntity)
            let stored = try #require(try await Account.find(citizen.id, on: app.db))
            #expect(stored.phone == "+6285744441212" && stored.claimedAt != nil && stored.claimDigest == nil && !stored.isAssisted)
            #expect(stored.consentedAt != nil && stored.phoneVerifiedAt != nil, "the citizen agreed to the notice, and the code proved the number")
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "account.claimed").count() == 1)
        }
    }

    @Test(arguments: [("gender", "", "Pilih jenis kelamin"), ("nik", "12345", "NIK harus 16 angka"), ("name", "", "Tulis nama"),
                      ("desa_code", "32.14.01", "Pilih desa")])
    func badInputIsExplainedAndStoresNothing(field: String, value: String, message: String) async throws {
        try await withRembuk { app in
            // given
            var desk = TestBrowser(app)
            try await desk.signIn("operator.desa@rembuk.test")
            let before = try await Account.query(on: app.db).count()
            var fields = Self.citizen
            fields[field] = value
            // when
            let response = try await desk.post(SiteRoute.assisted.path, fields)
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(message))
            #expect(try await Account.query(on: app.db).count() == before)
        }
    }
}
