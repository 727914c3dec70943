import Fluent
import Plot
import RembukCore

/// Who issues a forum's documents, as the kop surat names them under the government: the kecamatan and desa or
/// kelurahan of a village forum, the kecamatan of a district forum, the agency or Bappeda (with its address and
/// contacts) for the rest.
struct ForumLetterhead: Sendable {
    var units: [String]
    var contacts: Bool

    static func load(_ forum: Forum, settings: Settings, on db: any Database) async throws -> ForumLetterhead {
        let code = RegionCode(forum.regionCode)
        switch forum.forumLevel {
        case .desa:
            guard let code, let kecamatan = code.ancestor(at: .kecamatan) else { return .init(units: [], contacts: false) }
            let names = try await RegionNames.load([code.value, kecamatan.value], on: db)
            return .init(units: ["Kecamatan " + (names[kecamatan.value] ?? ""), PlaceWords.of(code).Village(.id) + " " + (names[code.value] ?? "")],
                         contacts: false)
        case .kecamatan:
            let names = try await RegionNames.load([forum.regionCode], on: db)
            return .init(units: ["Kecamatan " + (names[forum.regionCode] ?? "")], contacts: false)
        default:
            let agency = forum.agency.isEmpty ? nil : try await Agency.find(forum.agency, on: db)
            return .init(units: [agency?.name ?? settings.planningAgencyName], contacts: agency == nil)
        }
    }

    func view(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        Letterhead.view(ctx.identity, units: units, contacts: contacts)
    }
}
