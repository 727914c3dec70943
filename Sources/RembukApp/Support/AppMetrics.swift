import Fluent
import Metrics
import Prometheus
import Vapor

/// Prometheus metrics. Vapor itself counts requests and times them by route pattern
/// (`http_requests_total`, `http_request_duration_seconds`); Rembuk adds its own gauges.
enum AppMetrics {
    static let registry = PrometheusCollectorRegistry()

    private static let bootstrapped: Bool = {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return true
    }()

    static func bootstrap() { _ = bootstrapped }

    /// Refreshes the gauges that describe state in the database, then renders the exposition text.
    static func exposition(app: Application) async -> String {
        let db = app.db
        let pending = (try? await OutboxMessage.query(on: db).filter(\.$status == "pending").count()) ?? -1
        let failed = (try? await OutboxMessage.query(on: db).filter(\.$status == "failed").count()) ?? -1
        let audit = (try? await AuditRecord.query(on: db).count()) ?? -1
        let sessions = (try? await AccountSession.query(on: db).filter(\.$expiresAt > Date()).count()) ?? -1
        registry.makeGauge(name: "rembuk_outbox_messages", labels: [("status", "pending")]).set(to: Double(pending))
        registry.makeGauge(name: "rembuk_outbox_messages", labels: [("status", "failed")]).set(to: Double(failed))
        registry.makeGauge(name: "rembuk_audit_records").set(to: Double(audit))
        registry.makeGauge(name: "rembuk_active_sessions").set(to: Double(sessions))
        let started = ContinuousClock.now
        let healthy = (try? await db.sql.raw("SELECT 1 AS ok").first()) != nil
        let elapsed = ContinuousClock.now - started
        registry.makeGauge(name: "rembuk_db_up").set(to: healthy ? 1 : 0)
        registry.makeGauge(name: "rembuk_db_ping_seconds").set(to: Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
        registry.makeGauge(name: "rembuk_db_pool_connections_per_event_loop").set(to: Double(app.settings.connectionsPerEventLoop))
        registry.makeGauge(name: "rembuk_event_loops").set(to: Double(app.eventLoopGroup.makeIterator().reduce(0) { n, _ in n + 1 }))
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
