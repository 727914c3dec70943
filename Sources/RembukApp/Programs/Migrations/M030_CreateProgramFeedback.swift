import Fluent
import SQLKit

/// Mentoring notes, evaluation answers and the record of follow-up prompts sent.
struct M030_CreateProgramFeedback: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MentoringEntry.schema)
            .id()
            .field("program_id", .uuid, .required, .references(Program.schema, .id))
            .field("account_id", .uuid, .required, .references(Account.schema, .id))
            .field("met_on", .string, .required)
            .field("topic", .string, .required)
            .field("notes", .string, .required)
            .field("next_steps", .string, .required)
            .field("mentor_id", .uuid, .required, .references(Account.schema, .id))
            .field("mentor_label", .string, .required)
            .field("created_ms", .int64, .required)
            .create()
        try await database.schema(ProgramEvaluation.schema)
            .id()
            .field("program_id", .uuid, .required, .references(Program.schema, .id))
            .field("account_id", .uuid, .required, .references(Account.schema, .id))
            .field("satisfaction", .int, .required)
            .field("usefulness", .int, .required)
            .field("comment", .string, .required)
            .field("comment_status", .string, .required)
            .field("created_ms", .int64, .required)
            .unique(on: "program_id", "account_id")
            .create()
        try await database.schema(FollowUpPrompt.schema)
            .id()
            .field("program_id", .uuid, .required, .references(Program.schema, .id))
            .field("account_id", .uuid, .required, .references(Account.schema, .id))
            .field("moment", .string, .required)
            .field("sent_ms", .int64, .required)
            .unique(on: "program_id", "account_id", "moment")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX program_mentoring_program ON program_mentoring (program_id, account_id, met_on)").run()
        try await sql.raw("CREATE INDEX program_evaluations_pending ON program_evaluations (comment_status, program_id)").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [FollowUpPrompt.schema, ProgramEvaluation.schema, MentoringEntry.schema] {
            try await database.schema(schema).delete()
        }
    }
}
