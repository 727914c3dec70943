import Vapor

extension Request {
    /// A query-string value with the spaces around it trimmed, or nil when it is missing or empty.
    func queryValue(_ key: String) -> String? {
        guard let value = query[String.self, at: key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// `?tahun=2027`: a budget year between 2000 and 2100, or nil.
    var budgetYearQuery: Int? {
        queryValue("tahun").flatMap { Int($0) }.flatMap { (2000...2100).contains($0) ? $0 : nil }
    }
}
