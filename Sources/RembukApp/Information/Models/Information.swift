import Fluent
import Foundation
import RembukCore

/// News, an announcement or an event on the agenda, published by Bappeda or a perangkat daerah.
/// Its cover and files are attachments with subject type `article`.
public final class Article: Model, @unchecked Sendable {
    public static let schema = "articles"

    public enum Kind: String, Sendable, CaseIterable {
        case berita, pengumuman, agenda

        func label(_ language: Language) -> String {
            switch (self, language) {
            case (.berita, .id): "Berita"
            case (.berita, .en): "News"
            case (.pengumuman, .id): "Pengumuman"
            case (.pengumuman, .en): "Announcement"
            case (.agenda, .id): "Agenda kegiatan"
            case (.agenda, .en): "Event"
            }
        }
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "kind") public var kind: String
    @Field(key: "title") public var title: String
    @Field(key: "summary") public var summary: String
    @Field(key: "body") public var body: String
    /// For an event: its day (ISO) and place.
    @Field(key: "event_on") public var eventOn: String
    @Field(key: "event_place") public var eventPlace: String
    /// The publishing agency, empty for Bappeda.
    @Field(key: "agency") public var agency: String
    @Field(key: "author_label") public var authorLabel: String
    @Field(key: "published_at") public var publishedAt: Date
    @Field(key: "read_count") public var readCount: Int
    @Field(key: "created_by") public var createdBy: UUID

    public init() {}

    var articleKind: Kind { Kind(rawValue: kind) ?? .berita }
}

/// A document of the library: RKPD, berita acara, regulations, reports; one PDF (an attachment with subject
/// type `document`), counted when downloaded.
public final class LibraryDocument: Model, @unchecked Sendable {
    public static let schema = "documents"

    public enum Category: String, Sendable, CaseIterable {
        case rkpd, beritaAcara = "berita_acara", regulasi, laporan, lainnya

        func label(_ language: Language) -> String {
            switch (self, language) {
            case (.rkpd, .id): "RKPD dan rencana"
            case (.rkpd, .en): "Annual plans"
            case (.beritaAcara, .id): "Berita acara"
            case (.beritaAcara, .en): "Minutes"
            case (.regulasi, .id): "Peraturan"
            case (.regulasi, .en): "Regulations"
            case (.laporan, .id): "Laporan"
            case (.laporan, .en): "Reports"
            case (.lainnya, .id): "Lainnya"
            case (.lainnya, .en): "Other"
            }
        }
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "category") public var category: String
    @Field(key: "year") public var year: Int
    @Field(key: "description") public var description: String
    @Field(key: "attachment_id") public var attachmentID: UUID
    @Field(key: "agency") public var agency: String
    @Field(key: "download_count") public var downloadCount: Int
    @Field(key: "published_at") public var publishedAt: Date
    @Field(key: "created_by") public var createdBy: UUID

    public init() {}

    var documentCategory: Category { Category(rawValue: category) ?? .lainnya }
}
