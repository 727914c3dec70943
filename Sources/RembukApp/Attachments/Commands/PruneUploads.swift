import Fluent
import Foundation
import SQLKit

/// Removes pending uploads nobody saved within six hours (a form sent back with mistakes is fixed in minutes), and
/// file bytes no attachment (nor the installation's logo) refers to any more. The worker runs it every ten minutes.
/// Pending uploads were never public, so their removal is housekeeping, not an audited decision.
struct PruneUploads {
    static let pendingLifetime: TimeInterval = 6 * 3600
    static let interval: TimeInterval = 600

    @discardableResult
    func run(in ctx: Invocation) async throws -> (uploads: Int, blobs: Int) {
        let cutoff = ctx.now.addingTimeInterval(-Self.pendingLifetime)
        return try await ctx.writes.transaction { db in
            let stale = try await Attachment.query(on: db).filter(\.$subjectID == nil).filter(\.$createdAt < cutoff).all()
            for attachment in stale { try await attachment.delete(on: db) }
            let orphans = try await db.sql.raw("""
                SELECT sha256 FROM blobs WHERE NOT EXISTS (SELECT 1 FROM attachments WHERE attachments.blob_sha256 = blobs.sha256)
                AND NOT EXISTS (SELECT 1 FROM installation WHERE installation.key = 'logo_sha256' AND installation.value = blobs.sha256)
                """).all(decoding: Row.self)
            if !orphans.isEmpty {
                try await Blob.query(on: db).filter(\.$id ~~ orphans.map(\.sha256)).delete()
            }
            return (stale.count, orphans.count)
        }
    }

    private struct Row: Decodable { var sha256: String }
}
