import Fluent
import Foundation
import RembukCore
import Vapor

/// What every command runs with: the application (database, write path, settings, password hasher),
/// who is acting, and the time. Commands are plain structs, so the web, the CLI and tests call them alike.
public struct Invocation: Sendable {
    public let app: Application
    public let principal: Principal
    public let identity: Principal.Identity
    public let now: Date

    public init(app: Application, principal: Principal, now: Date = Date()) {
        self.app = app
        self.principal = principal
        self.identity = principal.identity.keyed(secret: app.settings.secret)
        self.now = now
    }

    /// Rembuk itself acting (demo data, imports from the command line).
    public static func system(_ app: Application, now: Date = Date()) -> Invocation {
        Invocation(app: app, principal: .visitor(token: ""), identity: .system, now: now)
    }

    init(app: Application, principal: Principal, identity: Principal.Identity, now: Date) {
        self.app = app
        self.principal = principal
        self.identity = identity
        self.now = now
    }

    public var actor: Actor {
        identity == .system ? Actor(accountID: "system", grants: [try! Grant.make(role: .bappeda, scope: .region(settings.kabupaten)).get()]) : principal.actor
    }
    public var settings: Settings { app.settings }

    /// Refuses an API token that was not given `scope` (browser sessions have every scope).
    func requireScope(_ scope: ApiScope) throws {
        if let scopes = principal.scopes, !scopes.contains(scope) {
            throw UserFacingError(.forbidden, Phrase("Token API ini tidak punya izin “\(scope.rawValue)” (\(scope.label(.id))).",
                                                     "This API token lacks the “\(scope.rawValue)” scope (\(scope.label(.en)))."))
        }
    }
    public var db: any Database { app.db }
    public var writes: Writes { app.writes }
    public var today: LocalDate { LocalDate(now) }

    func hashPassword(_ password: String) async throws -> String {
        try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(password).get()
    }

    func verifyPassword(_ password: String, hash: String) async throws -> Bool {
        try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).verify(password, created: hash).get()
    }
}

extension Request {
    public var invocation: Invocation { Invocation(app: application, principal: principal) }
}

extension Error {
    /// A unique or foreign-key constraint refused the write (a race the command's own checks lost).
    var isConstraintFailure: Bool { (self as? any DatabaseError)?.isConstraintFailure ?? false }
}
