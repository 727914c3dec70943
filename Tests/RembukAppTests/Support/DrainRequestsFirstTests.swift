import Foundation
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// A shutdown waits for the requests still running (their database pool closes after), and no longer than allowed.
struct DrainRequestsFirstTests {
    struct Slow: AsyncResponder {
        let wait: Duration
        func respond(to request: Request) async throws -> Response {
            try await Task.sleep(for: wait)
            return Response(status: .ok)
        }
    }

    @Test func drainingWaitsForTheRunningRequests() async throws {
        try await withApp { app in
            // given: a request that takes 300 ms is running
            let inFlight = InFlightRequests()
            let request = Request(application: app, on: app.eventLoopGroup.next())
            let answered = Task { try await inFlight.respond(to: request, chainingTo: Slow(wait: .milliseconds(300))).status }
            try await Task.sleep(for: .milliseconds(50))
            #expect(inFlight.running == 1)
            // when
            let started = ContinuousClock.now
            await inFlight.drained(before: started + .seconds(5))
            // then: it returned once the request had its answer
            #expect(inFlight.running == 0)
            #expect(try await answered.value == .ok)
            #expect(ContinuousClock.now - started >= .milliseconds(200))
        }
    }

    @Test func drainingStopsWaitingAtTheDeadline() async throws {
        try await withApp { app in
            // given: a request that would take 5 s
            let inFlight = InFlightRequests()
            let request = Request(application: app, on: app.eventLoopGroup.next())
            let answered = Task { try await inFlight.respond(to: request, chainingTo: Slow(wait: .seconds(5))) }
            try await Task.sleep(for: .milliseconds(50))
            // when
            await inFlight.drained(before: ContinuousClock.now + .milliseconds(100))
            // then: still running, and no longer waited for
            #expect(inFlight.running == 1)
            answered.cancel()
            _ = await answered.result
            #expect(inFlight.running == 0)
        }
    }

    @Test func aFailedRequestIsNoLongerCounted() async throws {
        try await withApp { app in
            // given
            struct Failing: AsyncResponder {
                func respond(to request: Request) async throws -> Response { throw Abort(.badRequest) }
            }
            let inFlight = InFlightRequests()
            // when
            _ = try? await inFlight.respond(to: Request(application: app, on: app.eventLoopGroup.next()), chainingTo: Failing())
            // then
            #expect(inFlight.running == 0)
        }
    }

    func withApp(_ body: (Application) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do { try await body(app) } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
