import Foundation
import RembukCore
import Vapor

/// An Atom feed (RFC 4287) as Rembuk serves them: projects per kecamatan, information, public complaints.
/// Links are paths here and made absolute with the installation's base address when written.
struct AtomFeed {
    struct Entry {
        var id: String
        var title: String
        var summary: String
        var link: String
        var updated: Date
    }

    /// The feed's own path: its id and its `rel="self"` link.
    var path: String
    var title: String
    /// The page the feed follows.
    var alternate: String?
    var entries: [Entry]

    func xml(baseURL: String, now: Date) -> String {
        let stamp = ISO8601DateFormatter()
        func esc(_ text: String) -> String { HTMLEscape.attribute(text) }
        var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"id\">"
        text += "<id>\(esc(baseURL + path))</id><title>\(esc(title))</title>"
        text += "<updated>\(stamp.string(from: entries.map(\.updated).max() ?? now))</updated>"
        text += "<link rel=\"self\" href=\"\(esc(baseURL + path))\"/>"
        if let alternate { text += "<link rel=\"alternate\" type=\"text/html\" href=\"\(esc(baseURL + alternate))\"/>" }
        text += "<author><name>Rembuk</name></author>"
        for entry in entries {
            text += "<entry><id>\(esc(entry.id))</id><title>\(esc(entry.title))</title><updated>\(stamp.string(from: entry.updated))</updated>"
            text += "<link href=\"\(esc(baseURL + entry.link))\"/><summary>\(esc(entry.summary))</summary></entry>"
        }
        return text + "</feed>\n"
    }

    func response(baseURL: String, now: Date = Date()) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/atom+xml; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return Response(status: .ok, headers: headers, body: .init(string: xml(baseURL: baseURL, now: now)))
    }
}
