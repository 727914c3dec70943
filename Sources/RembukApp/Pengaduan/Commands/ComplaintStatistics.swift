import Fluent
import Foundation
import RembukCore

/// How each perangkat daerah handles the complaints passed to it: how many, how many answered, the median
/// working days to the first answer, and how many are overdue now. Counts only: no complaint is shown, so
/// confidential ones count without appearing.
struct ComplaintStatistics {
    struct Line: Sendable {
        var agency: String
        var name: String
        var passed: Int
        var answered: Int
        var medianDays: Double?
        var overdue: Int
    }

    var lines: [Line]
    var byStatus: [(ComplaintStatus, Int)]
    var waitingVerification: Int
    var overdueVerification: Int

    static func load(clock: ComplaintClock, today: LocalDate, on db: any Database) async throws -> ComplaintStatistics {
        let all = try await Complaint.query(on: db).field(\.$id).field(\.$status).field(\.$agency).field(\.$clockSince)
            .field(\.$disposedOn).field(\.$firstResponseOn).all()
        let names = try await AgencyNames.load(on: db)
        func overdue(_ complaint: Complaint) -> Bool {
            LocalDate(iso: complaint.clockSince).map { clock.isOverdue(complaint.complaintStatus, since: $0, today: today) } ?? false
        }
        let lines = Dictionary(grouping: all.filter { !$0.agency.isEmpty }, by: \.agency).map { agency, items in
            let days = items.compactMap { item -> Int? in
                guard let disposed = item.disposedOn.flatMap(LocalDate.init(iso:)), let answered = item.firstResponseOn.flatMap(LocalDate.init(iso:)) else { return nil }
                return clock.responseDays(disposed: disposed, answered: answered)
            }
            return Line(agency: agency, name: names[agency] ?? agency, passed: items.count, answered: days.count, medianDays: Median.of(days),
                        overdue: items.filter(overdue).count)
        }.sorted { ($0.overdue, $0.passed, $1.name) > ($1.overdue, $1.passed, $0.name) }
        let waiting = all.filter { [.diterima, .ditahan].contains($0.complaintStatus) }
        return ComplaintStatistics(
            lines: lines,
            byStatus: ComplaintStatus.allCases.map { status in (status, all.filter { $0.status == status.rawValue }.count) }.filter { $0.1 > 0 },
            waitingVerification: waiting.count, overdueVerification: waiting.filter(overdue).count)
    }
}
