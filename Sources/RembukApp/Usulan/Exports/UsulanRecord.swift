import Fluent
import Foundation
import RembukCore
import Vapor

/// One usulan as open data: what the JSON API returns and what the CSV exports are made from.
/// Names of places and agencies are resolved once per batch.
struct UsulanRecord: Content {
    struct Place: Content {
        var code: String
        var name: String
    }

    var id: String
    var number: String
    var year: Int
    var title: String
    var problem: String
    var proposal: String
    var bidang: String
    var bidangLabel: String
    var desa: Place
    var kecamatan: Place
    var address: String
    var rt: Int?
    var rw: Int?
    var latitude: Double?
    var longitude: Double?
    var volume: Double
    var satuan: String
    var cost: Int64
    var beneficiaries: Int
    var proposerGroup: String
    /// A DPRD member's pokir: the member and the dapil.
    var pokir: Pokir?
    var targetAgency: Place
    var kamusCode: String?
    var status: String
    var statusLabel: String
    var supportCount: Int
    var submittedAt: Date?
    var url: String
    var attachments: [String]?
    var timeline: [Event]?

    struct Pokir: Content {
        var member: String
        var dapil: String
    }

    struct Event: Content {
        var step: String
        var status: String
        var statusLabel: String
        var by: String
        var reason: String?
        var note: String
        var changedVolume: Double?
        var changedCost: Int64?
        var at: Date
    }

    /// Records for a batch of usulan (hidden ones are never given out).
    static func load(_ items: [Usulan], baseURL: String, on db: any Database) async throws -> [UsulanRecord] {
        let visible = items.filter { !$0.isHidden && $0.workflowStatus != .draft }
        let regionNames = try await RegionNames.load(visible.flatMap { [$0.desaCode, $0.kecamatanCode] }, on: db)
        let agencyNames = try await AgencyNames.load(on: db)
        let kamusIDs = Array(Set(visible.compactMap(\.kamusID)))
        let kamus = kamusIDs.isEmpty ? [] : try await KamusItem.query(on: db).filter(\.$id ~~ kamusIDs).all()
        let kamusCodes = Dictionary(kamus.map { ($0.id!, $0.code) }, uniquingKeysWith: { a, _ in a })
        return visible.map { u in
            UsulanRecord(
                id: u.id?.uuidString ?? "", number: u.number, year: u.year, title: u.title, problem: u.problem, proposal: u.proposal,
                bidang: u.bidang, bidangLabel: u.sector?.label(.id) ?? u.bidang,
                desa: Place(code: u.desaCode, name: regionNames[u.desaCode] ?? ""),
                kecamatan: Place(code: u.kecamatanCode, name: regionNames[u.kecamatanCode] ?? ""),
                address: u.address, rt: u.rt, rw: u.rw, latitude: u.latitude, longitude: u.longitude,
                volume: u.volume, satuan: u.satuan, cost: u.cost, beneficiaries: u.beneficiaries, proposerGroup: u.proposerGroup,
                pokir: u.pokirMember.map { Pokir(member: $0, dapil: u.pokirDapil ?? "") },
                targetAgency: Place(code: u.targetAgency, name: agencyNames[u.targetAgency] ?? ""),
                kamusCode: u.kamusID.flatMap { kamusCodes[$0] },
                status: u.status, statusLabel: u.workflowStatus.label(.id), supportCount: u.supportCount, submittedAt: u.submittedAt,
                url: baseURL + SiteRoute.usulan(u.id?.uuidString ?? "").path, attachments: nil, timeline: nil)
        }
    }

    /// The full record of one usulan, with its attachments and timeline.
    static func full(_ usulan: Usulan, baseURL: String, on db: any Database) async throws -> UsulanRecord? {
        guard var record = try await load([usulan], baseURL: baseURL, on: db).first, let id = usulan.id else { return nil }
        record.attachments = try await Attachment.query(on: db).filter(\.$subjectType == "usulan").filter(\.$subjectID == id.uuidString)
            .sort(\.$createdAt).all().map { baseURL + SiteRoute.attachment($0.id?.uuidString ?? "").path }
        record.timeline = try await UsulanEvent.query(on: db).filter(\.$usulan.$id == id).sort(\.$at).all().map { event in
            Event(step: event.step, status: event.toStatus, statusLabel: UsulanStatus(rawValue: event.toStatus)?.label(.id) ?? event.toStatus,
                  by: event.actorLabel, reason: event.reasonCode.flatMap(RejectionReason.init(rawValue:))?.label(.id),
                  note: event.note, changedVolume: event.changedVolume, changedCost: event.changedCost, at: event.at)
        }
        return record
    }
}
