import Fluent
import NIOConcurrencyHelpers
import Foundation
import RembukCore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// Hostile input on every form the app shows: each role opens every page it can (the access walk's real things in
/// the parameters), reads every form on it, and sends each form once per entry of the corpus — markup and script,
/// SQL meta-characters, Unicode tricks (direction overrides, zero-width and combining characters, a NUL), overlong
/// text, values of the wrong type. Nothing may crash (5xx); an
/// overlong or wrong-typed form is refused (4xx) and writes no audit record; afterwards no page shows the markup
/// unescaped and no stored text holds a direction override, a zero-width character or a NUL.
@Suite(.serialized) struct HostileInputTests {
    /// What goes into the form's text fields; `typed` says what goes into its typed fields (numbers, dates, choices).
    struct Entry: Sendable {
        let name: String
        let text: String
        var typed: Typed = .plausible
        /// Must be refused with a 4xx that changes nothing.
        var refused = false
        enum Typed { case plausible, wrong }
    }

    static let script = "<script>alert('rembuk')</script>"
    static let attribute = "\"><img src=x onerror=alert('rembuk')>"
    /// `onfocus` as an attribute of a tag (not inside another's quoted value): only a value that broke out of its
    /// attribute can put it there.
    nonisolated(unsafe) static let injectedAttribute = try! Regex(#"<[a-z][a-z0-9]*(?:\s+[a-zA-Z:-]+(?:="[^"]*"|='[^']*')?)*\s+onfocus="#)
    static let corpus: [Entry] = [
        Entry(name: "markup", text: "Jalan rusak " + script + " " + attribute),
        Entry(name: "sql", text: "Jalan'; DROP TABLE usulan; -- \" OR 1=1 /* %_ \\"),
        // A value that closes its attribute without `>` and adds one (security finding 3), and a TAB return path (2).
        Entry(name: "attribute-breaking", text: "Jalan rusak\" autofocus onfocus=\"alert('rembuk')\" x=' /\t/evil.example/x"),
        Entry(name: "unicode", text: "Jalan \u{202E}kalaj\u{202C} \u{2066}desa\u{2069} ru\u{200B}sak\u{FEFF} e"
                                     + String(repeating: "\u{0301}", count: 40) + " \u{200D}parah\u{0000}"),
        Entry(name: "overlong", text: String(repeating: "Jalan rusak parah ", count: 6_000), refused: true),
        Entry(name: "wrong-type", text: "Jalan rusak", typed: .wrong, refused: true),
    ]

    /// The operator kecamatan's and the moderator's forms are among the Bappeda admin's (same pages, wider scope).
    /// On PostgreSQL the citizen's and the admin's forms (what the database makes of the corpus; the forms themselves
    /// and their escaping are the same code on both engines).
    static let actors: [AccessPolicyTests.Actor] = testsRunOnPostgres ? [.warga, .bappeda] : [.warga, .operatorDesa, .opd, .mitra, .bappeda]

    @Test(arguments: actors) func everyFormWithstandsTheCorpus(_ actor: AccessPolicyTests.Actor) async throws {
        try await withRembuk { app in
            // given: every form this actor is shown
            let fixture = try await AccessPolicyTests.Fixture.make(app)
            var browser = TestBrowser(app)
            try await browser.signIn(actor.email!)
            let pages = try Self.pages(app, fixture)
            var forms: [String: Form] = [:]
            for page in pages {
                let response = try await browser.get(page)
                guard response.status == .ok, response.headers.contentType?.subType == "html" else { continue }
                for form in Form.all(in: response.text) where Self.sendable(form) { forms[form.method + " " + form.action] = form }
            }
            #expect(forms.count > (actor == .bappeda ? 25 : 5), "only \(forms.count) forms found")
            var problems: [String] = []
            // when: each form, once per corpus entry
            for form in forms.values.sorted(by: { $0.action < $1.action }) {
                for entry in Self.corpus {
                    let before = try await auditCount(app)
                    let (single, repeated) = Form.split(form.filled(with: entry))
                    let response: TestingHTTPResponse
                    if form.method == "get" {
                        let query = TestBrowser.encode(single)
                        response = try await browser.get(form.action + (form.action.contains("?") ? "&" : "?") + query)
                    } else if form.multipart {
                        response = try await browser.postMultipart(form.action, single, repeated: repeated, files: [])
                    } else {
                        response = try await browser.post(form.action, single, repeated: repeated)
                    }
                    // then
                    let status = response.status.code
                    if status >= 500 { problems.append("\(form.method) \(form.action) [\(entry.name)]: \(status)") }
                    if entry.refused, form.method == "post", form.takes(entry) {
                        if !(400 ..< 500).contains(status) { problems.append("\(form.action) [\(entry.name)]: accepted with \(status)") }
                        if try await auditCount(app) != before { problems.append("\(form.action) [\(entry.name)]: refused but audited") }
                    }
                }
            }
            // then: no page shows the markup as markup, to this actor or to a visitor
            var visitor = TestBrowser(app)
            for page in pages {
                for var reader in [browser, visitor] {
                    let response = try await reader.get(page)
                    guard response.headers.contentType?.subType == "html" else { continue }
                    for raw in [Self.script, "<img src=x onerror"] where response.text.contains(raw) {
                        problems.append("\(page) shows \(raw) unescaped")
                    }
                    if let match = response.text.firstMatch(of: Self.injectedAttribute) {
                        problems.append("\(page) has an attribute from a form value: \(response.text[match.range].suffix(160))")
                    }
                }
            }
            _ = visitor
            // and no stored text keeps an invisible or control character
            let catalog = try await DatabaseCatalog.read(app.db)
            for (table, columns) in catalog.tables where table != "blobs" {
                let found = try await Self.invisibleCharacters(in: app.db, table: table, columns: columns)
                if !found.isEmpty { problems.append("\(table) stores invisible characters in \(found.sorted())") }
            }
            #expect(problems.isEmpty, Testing.Comment(rawValue: "\(actor.rawValue), \(forms.count) forms × \(Self.corpus.count):\n"
                                                       + problems.prefix(60).joined(separator: "\n")))
        }
    }

    /// Every page the walk can open: each GET route with the walk's things in its parameters.
    static func pages(_ app: Application, _ fixture: AccessPolicyTests.Fixture) throws -> [String] {
        try app.routes.all.filter { $0.method == .GET }.map { try fixture.path($0.path) }.sorted()
    }

    /// Forms that change the session itself, or send nothing of the person's, are left out.
    static func sendable(_ form: Form) -> Bool {
        let path = form.action.split(separator: "?").first.map(String.init) ?? form.action
        return !["/keluar", "/masuk", "/bahasa"].contains(where: { path.hasPrefix($0) })
            && !path.hasSuffix("/layani") && !path.hasSuffix("/selesai")
    }

    static func invisibleCharacters(in db: any Database, table: String, columns: [DatabaseCatalog.Column]) async throws -> Set<String> {
        let text = columns.filter { $0.type == .text }
        guard !text.isEmpty else { return [] }
        let found = NIOLockedValueBox(Set<String>())
        try await TableRows.each(in: db, table: table, columns: text) { values in
            for (value, column) in zip(values, text) {
                if case let .text(string) = value,
                   string.unicodeScalars.contains(where: { ["\u{202E}", "\u{2066}", "\u{200B}", "\u{FEFF}", "\u{0000}"].contains($0) }) {
                    found.withLockedValue { _ = $0.insert(column.name) }
                }
            }
        }
        return found.withLockedValue { $0 }
    }

    /// A form as a page shows it: where it goes, and its fields with their kinds and values.
    struct Form {
        struct Field { let name: String; let kind: String; let value: String; let options: [String] }
        let action: String
        let method: String
        let multipart: Bool
        let fields: [Field]
        /// The names of its file inputs.
        var files: [String] = []

        static func all(in html: String) -> [Form] {
            html.ranges(of: #/<form\b[^>]*>.*?</form>/#.dotMatchesNewlines()).compactMap { range in
                let text = String(html[range])
                let open = attributes(String(text.prefix { $0 != ">" }))
                guard let action = open["action"], action.hasPrefix("/") else { return nil }
                var fields: [Field] = []
                var files: [String] = []
                for match in text.matches(of: #/<(input|textarea|select)\b([^>]*)>/#) {
                    let attributes = attributes(String(match.output.2))
                    guard let name = attributes["name"], attributes["disabled"] == nil else { continue }
                    let tag = String(match.output.1)
                    var options: [String] = []
                    if tag == "select", let end = text[match.range.upperBound...].range(of: "</select>") {
                        options = text[match.range.upperBound ..< end.lowerBound].matches(of: #/<option\b([^>]*)>/#)
                            .compactMap { Self.attributes(String($0.output.1))["value"] }
                    }
                    let kind = tag == "input" ? (attributes["type"] ?? "text") : tag
                    if kind == "file" { files.append(name) }
                    if kind == "submit" || kind == "button" || kind == "file" { continue }
                    if (kind == "radio" || kind == "checkbox"), attributes["checked"] == nil, fields.contains(where: { $0.name == name }) { continue }
                    fields.append(Field(name: name, kind: kind, value: attributes["value"] ?? "", options: options))
                }
                return Form(action: action.replacingOccurrences(of: "&amp;", with: "&"), method: (open["method"] ?? "get").lowercased(),
                            multipart: open["enctype"] == "multipart/form-data", fields: fields, files: files)
            }
        }

        static func attributes(_ tag: String) -> [String: String] {
            var out: [String: String] = [:]
            for match in tag.matches(of: #/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/#) {
                let value = String(match.output.2 ?? "")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
                    .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
                    .replacingOccurrences(of: "&amp;", with: "&")
                out[String(match.output.1).lowercased()] = value
            }
            return out
        }

        static let typedKinds: Set<String> = ["number", "date", "time", "email", "tel", "select"]
        static let textKinds: Set<String> = ["text", "search", "textarea", "url"]

        /// Whether the entry reaches a field of this form that must refuse it (a wrong-typed value needs a typed
        /// field, overlong text a text field).
        func takes(_ entry: Entry) -> Bool {
            fields.contains { entry.typed == .wrong ? Self.typedKinds.contains($0.kind) : Self.textKinds.contains($0.kind) }
        }

        /// Fields as the test browser sends them: the first value of each name, and the names given again.
        static func split(_ fields: [(String, String)]) -> (single: [String: String], repeated: [(String, String)]) {
            var single: [String: String] = [:]
            var repeated: [(String, String)] = []
            for (name, value) in fields { if single[name] == nil { single[name] = value } else { repeated.append((name, value)) } }
            return (single, repeated)
        }

        /// The fields as a person would send them, with the entry's text in every text field.
        func filled(with entry: Entry) -> [(String, String)] {
            fields.map { field in
                let value: String
                switch (field.kind, entry.typed) {
                case ("hidden", _), ("checkbox", _), ("radio", _): value = field.value
                case ("text", _), ("search", _), ("textarea", _), ("url", _): value = entry.text
                case ("number", .plausible): value = "5"
                case ("date", .plausible): value = "2027-03-10"
                case ("time", .plausible): value = "09.00"
                case ("email", .plausible): value = "uji.\(entry.name)@contoh.id"
                case ("tel", .plausible): value = "081234567890"
                case ("password", .plausible): value = "kata-sandi-uji-2026"
                case ("select", .plausible): value = field.options.first { !$0.isEmpty } ?? ""
                case ("number", .wrong): value = "lima juta"
                case ("date", .wrong): value = "kemarin sore"
                case ("time", .wrong): value = "pagi"
                case ("email", .wrong): value = "bukan surel"
                case ("tel", .wrong): value = "nomor saya"
                case ("select", .wrong): value = "bukan-pilihan"
                default: value = entry.text
                }
                return (field.name, value)
            }
        }
    }
}
