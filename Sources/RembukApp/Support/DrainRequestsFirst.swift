import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// On shutdown (SIGTERM from systemd, a rolling deploy) the HTTP server first stops taking connections, then the
/// requests already running finish, for up to `drainTime` in all, before anything else stops. Vapor otherwise shuts
/// its server and the database pools down in no fixed order, and a request still running when its pool is gone stops
/// the process. Waiting for the server alone is not enough: a request whose client hung up keeps running (a write
/// queued behind others on SQLite), so the running requests are counted (`InFlightRequests`).
struct DrainRequestsFirst: LifecycleHandler {
    /// Long enough for a queue of slow writes under load; docs/DEPLOYMENT.md asks process managers to wait longer.
    static let drainTime: Duration = .seconds(25)
    let inFlight: InFlightRequests

    func shutdownAsync(_ application: Application) async {
        let deadline = ContinuousClock.now + Self.drainTime
        await application.http.server.shared.shutdown()
        await inFlight.drained(before: deadline)
    }
}

/// Counts the requests being answered (the first middleware).
final class InFlightRequests: AsyncMiddleware, Sendable {
    private let count = NIOLockedValueBox(0)

    var running: Int { count.withLockedValue { $0 } }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        count.withLockedValue { $0 += 1 }
        defer { count.withLockedValue { $0 -= 1 } }
        return try await next.respond(to: request)
    }

    /// Returns once no request is running, or at `deadline`.
    func drained(before deadline: ContinuousClock.Instant) async {
        while running > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
