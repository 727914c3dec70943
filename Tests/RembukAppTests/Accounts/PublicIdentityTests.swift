import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// Security finding 9: a citizen's one pseudonym ran through the whole trail, and their comment (shown with their name)
/// tied it to them: now a citizen has one public name per subject, made with the installation secret.
@Suite struct PublicIdentityTests {
    @Test func aCitizensCommentCannotBeFollowedToTheirOtherActions() async throws {
        try await withRembuk { app in
            // given a citizen who comments on one usulan and supports another
            var citizen = TestBrowser(app)
            #expect(try await citizen.post(SiteRoute.register.path, AccountsTests().good).status == .seeOther)
            let account = try #require(try await Account.query(on: app.db).filter(\.$email == "nur@contoh.id").first())
            let open = try await Usulan.publicQuery(on: app.db).filter(\.$status == UsulanStatus.diajukan.rawValue).filter(\.$proposerID != account.id!).limit(2).all()
            try #require(open.count == 2)
            let before = try await AuditLog.head(on: app.db)?.id ?? 0
            #expect(try await CommentTests().commentOn(open[0], &citizen, "Saya setuju, jalan ini rusak parah.").status == .seeOther)
            #expect(try await citizen.post(SiteRoute.usulanSupport(open[1].id!.uuidString).path, [:]).status == .seeOther)
            // when anyone reads the new records
            let records = try await AuditRecord.query(on: app.db).filter(\.$id > before).sort(\.$id).all()
            let comment = try #require(records.first { $0.action == "comment.posted" })
            let support = try #require(records.first { $0.action == "usulan.supported" })
            // then the two carry different pseudonyms, neither is the account's id nor its everyday label, and the
            // comment's pseudonym appears on no other record
            #expect(comment.actorLabel.hasPrefix("Warga #") && support.actorLabel.hasPrefix("Warga #"))
            #expect(comment.actorLabel != support.actorLabel && comment.actorID != support.actorID)
            for record in [comment, support] {
                #expect(record.actorID != account.id!.uuidString && record.actorLabel != Principal.citizenLabel(account.id!))
            }
            let elsewhere = try await AuditRecord.query(on: app.db).filter(\.$actorLabel == comment.actorLabel).count()
            #expect(elsewhere == 1)
        }
    }

    @Test func theSamePersonKeepsOneNameOnOneSubject() async throws {
        try await withRembuk { app in
            // given a citizen who supports an usulan, withdraws and supports again
            var citizen = TestBrowser(app)
            #expect(try await citizen.post(SiteRoute.register.path, AccountsTests().good).status == .seeOther)
            let account = try #require(try await Account.query(on: app.db).filter(\.$email == "nur@contoh.id").first())
            let usulan = try #require(try await Usulan.publicQuery(on: app.db).filter(\.$status == UsulanStatus.diajukan.rawValue)
                .filter(\.$proposerID != account.id!).first())
            let before = try await AuditLog.head(on: app.db)?.id ?? 0
            for path in [SiteRoute.usulanSupport, SiteRoute.usulanUnsupport, SiteRoute.usulanSupport] {
                _ = try await citizen.post(path(usulan.id!.uuidString).path, [:])
            }
            // when // then: one name for all three, on that usulan
            let labels = Set(try await AuditRecord.query(on: app.db).filter(\.$id > before).filter(\.$subjectID == usulan.id!.uuidString).all().map(\.actorLabel))
            #expect(labels.count == 1 && labels.first?.hasPrefix("Warga #") == true)
        }
    }
}
