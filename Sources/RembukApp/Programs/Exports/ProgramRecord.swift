import Fluent
import Foundation
import RembukCore
import Vapor

/// One programme as open data, with its sessions' seats and its outcome (medians, only for a group large enough).
/// Never a participant: no names, no places of residence, no one's business figures.
struct ProgramRecord: Content {
    struct Session: Content {
        var id: String
        var title: String
        var startsAt: Date
        var endsAt: Date
        var place: String
        var capacity: Int
        var seatsTaken: Int
        var waiting: Int
        var attended: Int
    }

    struct Outcome: Content {
        var measured: Int
        var medianRevenueBefore: Double
        var medianRevenueAfter: Double
        var medianRevenueChange: Double
        var medianRevenueChangePercent: Double?
        var sellingOnlineBefore: Int
        var sellingOnlineAfter: Int
        var reachWidened: Int
    }

    var id: String
    var number: String
    var title: String
    var type: String
    var typeLabel: String
    var description: String
    var targetGroup: String
    var eligibleKecamatan: [String]
    var umkmOnly: Bool
    var agency: UsulanRecord.Place
    var year: Int
    var subKegiatan: String
    var budget: Int64
    var status: String
    var statusLabel: String
    var minimumSessions: Int
    var participants: Int
    var certificates: Int
    var sessions: [Session]
    var outcome: Outcome?
    var url: String

    static func load(_ programs: [Program], baseURL: String, on db: any Database) async throws -> [ProgramRecord] {
        let ids = programs.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let agencies = try await AgencyNames.load(on: db)
        let sessions = Dictionary(grouping: try await ProgramSession.query(on: db).filter(\.$program.$id ~~ ids).sort(\.$startsMillis).all(), by: { $0.$program.id })
        let registrations = try await Registration.query(on: db).filter(\.$programID ~~ ids).all()
        let bySession = Dictionary(grouping: registrations, by: { $0.$session.id })
        let participants = Dictionary(grouping: try await Participant.query(on: db).filter(\.$programID ~~ ids).all(), by: \.programID).mapValues(\.count)
        let certificates = Dictionary(grouping: try await Certificate.query(on: db).filter(\.$programID ~~ ids).all(), by: \.programID).mapValues(\.count)
        let reports = Dictionary(grouping: try await BusinessReport.query(on: db).filter(\.$programID ~~ ids).all(), by: \.programID)
        var records: [ProgramRecord] = []
        for p in programs {
            let id = p.id!
            let measured = p.programType.isUMKM ? ProgramOutcome.measure(reports[id] ?? []) : nil
            let outcome = measured.flatMap { o -> Outcome? in
                guard o.measured >= ProgramOutcome.minimumGroup, let before = o.medianRevenueBefore, let after = o.medianRevenueAfter,
                      let change = o.medianRevenueChange else { return nil }
                return Outcome(measured: o.measured, medianRevenueBefore: before, medianRevenueAfter: after, medianRevenueChange: change,
                               medianRevenueChangePercent: o.medianRevenueChangePercent, sellingOnlineBefore: o.sellingOnlineBefore,
                               sellingOnlineAfter: o.sellingOnlineAfter, reachWidened: o.reachWidened)
            }
            records.append(ProgramRecord(
                id: id.uuidString, number: p.number, title: p.title, type: p.type, typeLabel: p.programType.label(.id), description: p.description,
                targetGroup: p.targetGroup, eligibleKecamatan: p.eligibleKecamatan.split(separator: " ").map(String.init), umkmOnly: p.umkmOnly,
                agency: .init(code: p.agency, name: agencies[p.agency] ?? ""), year: p.year, subKegiatan: p.subKegiatan, budget: p.budget,
                status: p.status, statusLabel: p.programStatus.label(.id), minimumSessions: p.minimumSessions,
                participants: participants[id] ?? 0, certificates: certificates[id] ?? 0,
                sessions: (sessions[id] ?? []).map { s in
                    let mine = bySession[s.id!] ?? []
                    return Session(id: s.id!.uuidString, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt, place: s.place, capacity: s.capacity,
                                   seatsTaken: s.confirmed, waiting: mine.filter { $0.registrationStatus == .menunggu }.count,
                                   attended: mine.filter(\.attended).count)
                },
                outcome: outcome, url: baseURL + SiteRoute.program(id.uuidString).path))
        }
        return records
    }

    static let header = ["Nomor", "Program", "Jenis", "Perangkat daerah", "Tahun", "Sub-kegiatan", "Anggaran (Rp)", "Status", "Sesi", "Peserta",
                         "Sertifikat", "Diukur (UMKM)", "Median omzet sebelum (Rp)", "Median omzet sesudah (Rp)", "Alamat"]

    var row: [String] {
        [number, title, typeLabel, agency.name, String(year), subKegiatan, String(budget), statusLabel, String(sessions.count), String(participants),
         String(certificates), outcome.map { String($0.measured) } ?? "", outcome.map { String(Int64($0.medianRevenueBefore.rounded())) } ?? "",
         outcome.map { String(Int64($0.medianRevenueAfter.rounded())) } ?? "", url]
    }

    static let sessionHeader = ["Nomor program", "Program", "Sesi", "Mulai", "Selesai", "Tempat", "Kapasitas", "Terdaftar", "Menunggu", "Hadir"]

    var sessionRows: [[String]] {
        let stamp = ISO8601DateFormatter()
        stamp.timeZone = .jakarta
        return sessions.map { s in
            [number, title, s.title, stamp.string(from: s.startsAt), stamp.string(from: s.endsAt), s.place, String(s.capacity), String(s.seatsTaken),
             String(s.waiting), String(s.attended)]
        }
    }
}

struct ProgramListJSON: Content {
    var data: [ProgramRecord]
    var next: String?
}
