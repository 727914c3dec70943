import Fluent
import NIOConcurrencyHelpers
import RembukCore
import SQLKit
import Vapor

/// A short-lived cache of public pages as visitors (not signed in) see them, kept in each instance's memory.
/// An entry is served only while the audit trail's head is the one it was rendered at: every state change writes an
/// audit record in its own transaction, on whichever instance made it, so one small query (`MAX(sequence)`) tells
/// every instance that anything changed. Entries also expire after `lifetime`, for text that changes with the clock.
/// Only GET responses of the routes that opt in (`routes.cached`), with status 200, without a form token and
/// without a cookie of their own are kept; signed-in people are never served from it and never fill it.
/// When many visitors ask for the same page at once and it is not stored, one renders it and the others wait for
/// that page instead of rendering it again each (a popular page just invalidated by a write).
final class PublicPageCache: @unchecked Sendable {
    struct Entry: Sendable {
        let generation: Int64
        let stored: Date
        let status: HTTPResponseStatus
        let headers: HTTPHeaders
        let body: ByteBuffer
    }

    let capacity: Int
    let lifetime: TimeInterval
    private let lock = NIOLock()
    private var entries: [String: Entry] = [:]
    private var rendering: [String: EventLoopFuture<Entry?>] = [:]

    init(capacity: Int = 512, lifetime: TimeInterval) {
        self.capacity = capacity
        self.lifetime = lifetime
    }

    func entry(_ key: String, generation: Int64, now: Date) -> Entry? {
        lock.withLock {
            guard let entry = entries[key] else { return nil }
            guard entry.generation == generation, now.timeIntervalSince(entry.stored) < lifetime else {
                entries[key] = nil
                return nil
            }
            return entry
        }
    }

    func store(_ key: String, _ entry: Entry) {
        lock.withLock {
            if entries.count >= capacity, entries[key] == nil {
                // Full: drop the oldest half, so eviction stays rare and cheap.
                for old in entries.sorted(by: { $0.value.stored < $1.value.stored }).prefix(capacity / 2) { entries[old.key] = nil }
            }
            entries[key] = entry
        }
    }

    var count: Int { lock.withLock { entries.count } }

    /// The page being rendered for `key` by another request, or nil after making `promise` the one others wait for.
    func rendering(_ key: String, orPromise promise: EventLoopPromise<Entry?>) -> EventLoopFuture<Entry?>? {
        lock.withLock {
            if let running = rendering[key] { return running }
            rendering[key] = promise.futureResult
            return nil
        }
    }

    func rendered(_ key: String, _ entry: Entry?, promise: EventLoopPromise<Entry?>) {
        lock.withLock { rendering[key] = nil }
        promise.succeed(entry)
    }

    /// The audit trail's head sequence: changes with every state change on any instance.
    static func generation(on db: any Database) async throws -> Int64 {
        struct Row: Decodable { let head: Int64? }
        return try await (db as! any SQLDatabase).raw("SELECT MAX(sequence) AS head FROM audit_records").first(decoding: Row.self)?.head ?? 0
    }
}

struct PublicPageCacheMiddleware: AsyncMiddleware {
    /// A page with a form token is a session's own and never cached.
    private static let tokenField = Array(#"name="_csrf""#.utf8)

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .GET, request.principal.accountID == nil, let cache = request.application.publicPageCache else {
            return try await next.respond(to: request)
        }
        let key = request.language.rawValue + " " + request.url.string
        let generation = try await PublicPageCache.generation(on: request.db)
        if let entry = cache.entry(key, generation: generation, now: Date()) { return Self.response(entry) }
        let promise = request.eventLoop.makePromise(of: PublicPageCache.Entry?.self)
        if let running = cache.rendering(key, orPromise: promise) {
            promise.succeed(nil)
            if let entry = try await running.get() { return Self.response(entry) }
            return try await next.respond(to: request)
        }
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            cache.rendered(key, nil, promise: promise)
            throw error
        }
        var entry: PublicPageCache.Entry?
        if response.status == .ok, !response.headers.contains(name: .setCookie), let body = response.body.buffer,
           body.withUnsafeReadableBytes({ ByteSearch.first(Self.tokenField, in: $0.bindMemory(to: UInt8.self)) }) == nil {
            entry = .init(generation: generation, stored: Date(), status: response.status, headers: response.headers, body: body)
            cache.store(key, entry!)
        }
        cache.rendered(key, entry, promise: promise)
        return response
    }

    static func response(_ entry: PublicPageCache.Entry) -> Response {
        var headers = entry.headers
        headers.replaceOrAdd(name: "X-Rembuk-Cache", value: "hit")
        return Response(status: entry.status, headers: headers, body: .init(buffer: entry.body))
    }
}

extension Application {
    struct PublicPageCacheKey: StorageKey { typealias Value = PublicPageCache }

    /// Nil when caching is turned off (`REMBUK_PAGE_CACHE_SECONDS=0`).
    var publicPageCache: PublicPageCache? {
        get { storage[PublicPageCacheKey.self] }
        set { storage[PublicPageCacheKey.self] = newValue }
    }
}

extension RoutesBuilder {
    /// Routes whose visitor pages may be served from `PublicPageCache`.
    var cached: any RoutesBuilder { grouped(PublicPageCacheMiddleware()) }
}
