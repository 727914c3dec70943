import Fluent
import Foundation
import RembukCore

/// The bytes of an uploaded file, stored once under their SHA-256 however many times they are attached,
/// in the database so every app instance can serve them.
public final class Blob: Model, @unchecked Sendable {
    public static let schema = "blobs"

    @ID(custom: "sha256", generatedBy: .user) public var id: String?
    @Field(key: "media_type") public var mediaType: String
    @Field(key: "byte_count") public var byteCount: Int
    @Field(key: "data") public var data: Data
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// One file attached to something (an usulan, later a complaint or a project report) by someone.
/// Until the form that carried it is saved, `subjectID` is empty: the upload is pending and only its
/// uploader can see it; pending uploads older than a day are pruned.
public final class Attachment: Model, @unchecked Sendable {
    public static let schema = "attachments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "blob_sha256") public var blobSHA256: String
    @Field(key: "owner_id") public var ownerID: UUID
    @Field(key: "subject_type") public var subjectType: String
    @OptionalField(key: "subject_id") public var subjectID: String?
    @Field(key: "filename") public var filename: String
    @Field(key: "media_type") public var mediaType: String
    @Field(key: "byte_count") public var byteCount: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public var kind: FileKind? { FileKind(mediaType: mediaType) }
    public var isPending: Bool { subjectID == nil }
}
