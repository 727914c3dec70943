import Fluent
import RembukCore
import Vapor

/// The public complaint list's filter, read from the query string (`?q=&status=&kategori=&kecamatan=&halaman=`),
/// shared by the page, its CSV/JSON downloads, the API and the Atom feed. It only ever narrows
/// `ComplaintAccess.publicQuery`: nothing confidential or unverified can be searched for.
struct ComplaintFilter: Sendable {
    static let perPage = 30
    var search: String
    var status: ComplaintStatus?
    var category: String?
    var kecamatan: String?
    var page: Int

    init(_ req: Request) {
        let value = req.queryValue
        search = String((value("q") ?? "").prefix(200))
        status = value("status").flatMap(ComplaintStatus.init(rawValue:)).flatMap { ComplaintVisibility.publicStatuses.contains($0) ? $0 : nil }
        category = value("kategori").map { String($0.prefix(60)) }
        kecamatan = value("kecamatan").flatMap { RegionCode($0)?.level == .kecamatan ? $0 : nil }
        page = max(1, min(value("halaman").flatMap(Int.init) ?? 1, 10_000))
    }

    /// Public complaints matching the filter, newest first.
    func query(on db: any Database) -> QueryBuilder<Complaint> {
        let query = ComplaintAccess.publicQuery(on: db)
        for term in Set(IndonesianText.terms(search)) { query.filter(\.$searchTerms ~~ " \(term) ") }
        if let status { query.filter(\.$status == status.rawValue) }
        if let category { query.filter(\.$category == category) }
        if let kecamatan { query.filter(\.$kecamatanCode == kecamatan) }
        return query.sort(\.$createdAt, .descending).sort(\.$id)
    }

    func query(page: Int?) -> String {
        var parts: [(String, String)] = []
        if !search.isEmpty { parts.append(("q", search)) }
        if let status { parts.append(("status", status.rawValue)) }
        if let category { parts.append(("kategori", category)) }
        if let kecamatan { parts.append(("kecamatan", kecamatan)) }
        if let page, page > 1 { parts.append(("halaman", String(page))) }
        return parts.isEmpty ? "" : "?" + parts.map { "\($0.0)=\($0.1.urlQueryEscaped)" }.joined(separator: "&")
    }
}
