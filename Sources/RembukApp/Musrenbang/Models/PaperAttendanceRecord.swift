import Fluent
import Foundation
import RembukCore

/// The totals of a forum's paper daftar hadir, with the scan of the signed sheet (an attachment of subject
/// `forum_hadir`). When it exists, the forum's inclusion figures come from here; named attendees are then the delegates.
public final class PaperAttendanceRecord: Model, @unchecked Sendable {
    public static let schema = "forum_paper_attendance"

    @ID(key: .id) public var id: UUID?
    @Field(key: "forum_id") public var forumID: UUID
    @Field(key: "women") public var women: Int
    @Field(key: "men") public var men: Int
    @Field(key: "age_anak") public var ageAnak: Int
    @Field(key: "age_pemuda") public var agePemuda: Int
    @Field(key: "age_dewasa") public var ageDewasa: Int
    @Field(key: "age_lansia") public var ageLansia: Int
    @Field(key: "disability") public var disability: Int
    /// `pkk=12;bpd=3`: the count per unsur, only those present.
    @Field(key: "unsur") public var unsur: String
    @Field(key: "recorded_by") public var recordedBy: String
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var totals: PaperAttendance {
        get {
            var byUnsur: [Unsur: Int] = [:]
            for pair in unsur.split(separator: ";") {
                let parts = pair.split(separator: "=")
                if parts.count == 2, let key = Unsur(rawValue: String(parts[0])), let count = Int(parts[1]) { byUnsur[key] = count }
            }
            return PaperAttendance(women: women, men: men, byAge: [.anak: ageAnak, .pemuda: agePemuda, .dewasa: ageDewasa, .lansia: ageLansia],
                                   withDisability: disability, byUnsur: byUnsur)
        }
        set {
            women = newValue.women
            men = newValue.men
            ageAnak = newValue.byAge[.anak] ?? 0
            agePemuda = newValue.byAge[.pemuda] ?? 0
            ageDewasa = newValue.byAge[.dewasa] ?? 0
            ageLansia = newValue.byAge[.lansia] ?? 0
            disability = newValue.withDisability
            unsur = Unsur.allCases.compactMap { key in newValue.byUnsur[key].flatMap { $0 > 0 ? "\(key.rawValue)=\($0)" : nil } }.joined(separator: ";")
        }
    }
}

/// A forum's attendance as its pages and the berita acara use it: the paper totals when there are any, otherwise the names.
struct ForumAttendanceFigures {
    let figures: InclusionFigures
    let paper: PaperAttendanceRecord?

    var isPaper: Bool { paper != nil }

    static func load(_ forumID: UUID, attendees: [ForumAttendee], womenTarget: Int, on db: any Database) async throws -> ForumAttendanceFigures {
        let paper = try await PaperAttendanceRecord.query(on: db).filter(\.$forumID == forumID).first()
        let figures = paper.map { InclusionFigures($0.totals, womenTargetBasisPoints: womenTarget) }
            ?? InclusionFigures(attendees.map(\.attendee), womenTargetBasisPoints: womenTarget)
        return ForumAttendanceFigures(figures: figures, paper: paper)
    }
}
