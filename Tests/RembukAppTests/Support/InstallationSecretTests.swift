import Fluent
import Testing
@testable import RembukApp

@Suite struct InstallationSecretTests {
    @Test func madeOnceAndSharedByEveryCaller() async throws {
        try await withRembuk { app in
            // given: no secret stored yet
            #expect(try await InstallationValue.query(on: app.db).count() == 0)
            // when: several instances ask at once
            let secrets = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<5 { group.addTask { try await InstallationSecret.obtain(on: app.db) } }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            // then
            #expect(secrets.count == 1)
            #expect(secrets.first!.count >= 32)
            #expect(try await InstallationValue.query(on: app.db).count() == 1)
        }
    }
}
