import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// Security finding 7: the key of NIK digests lived in the database, so a copy of it (or a backup) let anyone test
/// the few million NIKs a masked one leaves. It lives in a key file now; masks show the last four digits only.
@Suite struct InstallationSecretTests {
    static func keyFile() -> String { NSTemporaryDirectory() + "rembuk-key-\(UUID().uuidString)" }

    @Test func madeOnceInAKeyFileAndSharedByEveryCaller() async throws {
        try await withRembuk { app in
            // given: no key file and no secret in the database
            let file = Self.keyFile()
            defer { try? FileManager.default.removeItem(atPath: file) }
            // when: several processes ask at once
            let secrets = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<5 { group.addTask { try await InstallationSecret.obtain(keyFile: file, on: app.db) } }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            // then: one secret, in a file only its owner reads, and none in the database
            #expect(secrets.count == 1 && secrets.first!.count >= 32)
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try await InstallationValue.query(on: app.db).filter(\.$id == "secret").count() == 0)
        }
    }

    @Test func anOlderInstallationsSecretLeavesTheDatabaseAndNoBackupHoldsIt() async throws {
        try await withRembuk { app in
            // given: an installation from before, whose secret is in the database
            let old = "secret-of-an-older-installation-0123456789abcdef"
            try await InstallationValue(key: "secret", value: old).create(on: app.db)
            let file = Self.keyFile(), backup = NSTemporaryDirectory() + "rembuk-backup-\(UUID().uuidString).jsonl"
            defer { try? FileManager.default.removeItem(atPath: file); try? FileManager.default.removeItem(atPath: backup) }
            // when: it starts, and a backup is taken
            let secret = try await InstallationSecret.obtain(keyFile: file, on: app.db)
            _ = try await Backups.backup(app, to: backup)
            // then: the same secret (digests still match), now only in the key file, and not in the backup
            #expect(secret == old)
            #expect(try await InstallationSecret.isInDatabase(on: app.db) == false)
            #expect(try String(contentsOfFile: backup, encoding: .utf8).contains(old) == false)
        }
    }

    @Test func aBackupLeavesOutASecretStillInTheDatabase() async throws {
        try await withRembuk { app in
            // given: an older installation backed up before it was started again
            let old = "secret-never-moved-out-0123456789abcdef-0123456789"
            try await InstallationValue(key: "secret", value: old).create(on: app.db)
            let backup = NSTemporaryDirectory() + "rembuk-backup-\(UUID().uuidString).jsonl"
            defer { try? FileManager.default.removeItem(atPath: backup) }
            // when
            _ = try await Backups.backup(app, to: backup)
            // then
            #expect(try String(contentsOfFile: backup, encoding: .utf8).contains(old) == false)
        }
    }

    @Test func aRegisteredNIKShowsItsLastFourDigitsOnly() async throws {
        try await withRembuk { app in
            // given: a citizen registering with a NIK
            var browser = TestBrowser(app)
            var form = AccountsTests().good
            form["nik"] = "3214014508900003"
            // when
            let response = try await browser.post(SiteRoute.register.path, form)
            let page = try await browser.get(SiteRoute.account.path).text
            // then: neither the region nor the birth date is shown or kept in the mask
            #expect(response.status == .seeOther)
            #expect(page.contains("••••••••••••0003") && !page.contains("3214••") && !page.contains("450890"))
            let stored = try #require(try await Account.query(on: app.db).filter(\.$email == form["email"]!).first())
            #expect(stored.nikMasked == "••••••••••••0003")
        }
    }

    @Test func masksStoredBeforeAreShortenedToTheLastFourDigits() async throws {
        try await withRembuk { app in
            // given: an account kept with the old eight-digit mask
            let account = Account(name: "Warga Lama", email: "lama@contoh.id", phone: nil, passwordHash: "", nikDigest: nil, nikMasked: "3214••••••••0007")
            try await account.create(on: app.db)
            // when: the migration runs again over it
            try await M039_MaskNIKToLastFour().prepare(on: app.db)
            // then
            #expect(try await Account.find(account.id, on: app.db)?.nikMasked == "••••••••••••0007")
        }
    }

    @Test func rotatingTheSecretDropsWhatTheOldOneKeyedAndIsAudited() async throws {
        try await withRembuk { app in
            // given: a citizen registered with a NIK
            var browser = TestBrowser(app)
            var form = AccountsTests().good
            form["nik"] = "3214014508900003"
            #expect(try await browser.post(SiteRoute.register.path, form).status == .seeOther)
            // when: the secret is rotated
            let outcome = try await RotateSecret().run(in: .system(app))
            // then: a new secret, no NIK digest left, the rotation in the trail
            #expect(outcome.secret.count >= 32 && outcome.secret != testSecret && outcome.nikDigestsDropped >= 1)
            #expect(try await Account.query(on: app.db).filter(\.$nikDigest != nil).count() == 0)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "installation.secret_rotated").count() == 1)
        }
    }
}
