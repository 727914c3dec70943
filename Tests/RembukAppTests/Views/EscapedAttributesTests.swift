import Foundation
import Plot
import RembukCore
import Testing
@testable import RembukApp

/// Every attribute modifier the views use escapes its value; views cannot build an unescaped one by hand.
@Suite struct EscapedAttributesTests {
    static let hostile = #"x" onfocus="alert(1)' <b>&"#
    static let escaped = "x&quot; onfocus=&quot;alert(1)&#39; &lt;b&gt;&amp;"

    static let ctx = ViewContext(language: .id, principal: .visitor(token: ""), csrfToken: "", path: "/", regionName: "Kabupaten Uji",
                                 planningAgencyName: "Bappeda", unreadNotifications: 0)

    /// (The modifiers are called from the app's own views: a test module sees Plot's and the app's declarations side by
    /// side, so it renders through the views, as the pages do.)
    @Test func formPartsEscapeEveryValue() {
        // given a field, a choice list and a text area whose every value tries to close its attribute
        let v = Self.hostile
        var errors = FormErrors()
        errors.add(v, Phrase(v, v))
        let field = FormKit.field(Self.ctx, .init(name: v, label: v, value: v, hint: v, autocomplete: v, inputMode: v), errors: errors)
        let select = FormKit.select(Self.ctx, name: v, label: v, choices: [.init(value: v, label: v, group: v)], selected: v, errors: errors)
        let area = FormKit.textarea(Self.ctx, name: v, label: v, value: v, errors: errors, hint: v)
        // when they are rendered
        let html = Node<HTML.BodyContext>.div(field, select, area).render()
        // then no value ends its attribute early, and each is there escaped
        #expect(Self.malformedTags(html).isEmpty, "\(Self.malformedTags(html))")
        #expect(!html.contains("<b>"))
        #expect(html.components(separatedBy: Self.escaped).count - 1 >= 20, "\(html)")
    }

    /// Start tags that are not `<name attr="value" …>` with no quote or angle bracket inside a value: where a value
    /// broke out of its attribute.
    static func malformedTags(_ html: String) -> [String] {
        let tag = try! Regex(#"^<[a-z][a-z0-9]*(?: [a-z][a-z-]*(?:="[^"<>]*")?)*/?>"#)
        var bad: [String] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            let candidate = rest[open...]
            if let next = candidate.dropFirst().first, next.isLetter, candidate.prefixMatch(of: tag) == nil {
                bad.append(String(candidate.prefix(80)))
            }
            rest = candidate.dropFirst()
        }
        return bad
    }

    @Test func linksEscapeTheirAddress() {
        // given a trail record about a subject whose key (not a UUID kind) carries a quote and an ampersand
        let record = AuditRecord(entry: AuditEntry(sequence: 1, occurredAtMillis: 0, actorID: "a", actorLabel: "A", action: "x.y", subjectType: "agency",
                                                   subjectID: "dinas-x", regionCode: "", summary: Self.hostile, reason: Self.hostile, previousHash: ""))
        // when the trail page is rendered
        let html = AuditPage(records: [record], head: nil, before: nil, subject: nil).render(Self.ctx).render()
        // then the link is there with its query escaped, and the record's text escaped as text
        #expect(html.contains(#"href="/audit?jenis=agency&amp;id=dinas-x""#))
        #expect(!html.contains("<b>"))
    }

    @Test func onlyBooleanAttributesAreWrittenBare() {
        // given a required field called "name" and a checkbox whose value is "checked"
        let name = FormKit.field(Self.ctx, .init(name: "name", label: "Nama", value: "", required: true), errors: FormErrors())
        let box = FormKit.input([("type", "checkbox"), ("name", "value"), ("value", "checked"), ("checked", "checked")])
        // when they are rendered
        let html = Node<HTML.BodyContext>.div(name, box).render()
        // then the field keeps its name, the values stay, and only the boolean attributes are bare
        #expect(html.contains(#"name="name""#), "\(html)")
        #expect(html.contains(#"name="value" value="checked" checked/>"#), "\(html)")
        #expect(html.contains(" required"))
    }

    @Test func plainValuesAreLeftAsTheyAre() {
        // given a value with nothing to escape // when // then it is the same string
        #expect(HTMLEscape.attribute("plain-value_123 ok") == "plain-value_123 ok")
        #expect(HTMLEscape.attribute(Self.hostile) == Self.escaped)
    }

    /// Walks Sources/RembukApp: an `Attribute` is only made through `EscapedAttributes.swift`, and raw markup only
    /// in the SVG bar chart, which escapes what it inserts.
    @Test func noViewWritesAnAttributeOrMarkupUnescaped() throws {
        // given the app's sources
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Sources/RembukApp").standardized
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 100)
        // when each is read for hand-made attributes and raw markup
        var offenders: [String] = []
        for file in files where file.lastPathComponent != "EscapedAttributes.swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            let handMade = text.range(of: #"Attribute(<[A-Za-z.]+>)?\(name:"#, options: .regularExpression) != nil
            let raw = text.range(of: #"(^|[^A-Za-z0-9_)\]])\.raw\("#, options: [.regularExpression]) != nil && file.lastPathComponent != "BarChart.swift"
            if handMade || raw { offenders.append(file.lastPathComponent) }
        }
        // then there are none
        #expect(offenders.isEmpty, "\(offenders)")
    }
}
