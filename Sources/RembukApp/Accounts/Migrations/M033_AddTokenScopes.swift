import Fluent
import Foundation
import SQLKit

/// API tokens get scopes and an expiry; agency tokens (made by the Bappeda admin for an OPD's system) name
/// their agency and who made them. Tokens made before get the one scope they were for and a year to live.
struct M033_AddTokenScopes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for (field, type) in [("scopes", DatabaseSchema.DataType.string), ("expires_at", .datetime), ("agency_id", .string), ("created_by", .uuid)] {
            try await database.schema(ApiToken.schema).field(.string(field), type).update()
        }
        let year = Date().addingTimeInterval(365 * 24 * 3600)
        try await (database as! any SQLDatabase).raw("UPDATE api_tokens SET scopes = 'usulan:write', expires_at = \(bind: year)").run()
    }

    func revert(on database: any Database) async throws {
        for field in ["created_by", "agency_id", "expires_at", "scopes"] {
            try await database.schema(ApiToken.schema).deleteField(.string(field)).update()
        }
    }
}
