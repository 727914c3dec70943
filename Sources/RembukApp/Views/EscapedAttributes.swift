import Foundation
import Plot

// Plot escapes text nodes but writes attribute values as they are given, so `.href(x)` with a `"` in `x` ends the
// attribute and starts markup. The declarations below have the signatures of Plot's attribute modifiers that take text
// (for a URL: `String` and `URL`, the two `URLRepresentable`s); a declaration in this module shadows the imported one, so every `.href(…)`, `.id(…)`,
// `.attribute(named:value:)` … written in Rembuk's views lands here and escapes its value. An unescaped attribute
// cannot be written by calling the usual modifiers; `EscapedAttributesTests` renders each one with a hostile value, and
// fails when a view builds an `Attribute` by hand or inserts raw markup outside the few places that escape their own.

/// Escapes a value for a double- or single-quoted attribute: `&`, `"`, `'`, `<` and `>`.
enum HTMLEscape {
    static func attribute(_ value: String) -> String {
        guard value.utf8.contains(where: { [UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "<"), UInt8(ascii: ">")].contains($0) }) else {
            return value
        }
        var result = ""
        result.reserveCapacity(value.utf8.count + 16)
        for character in value.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}

extension Attribute {
    /// The one place an attribute is made from text: escaped.
    static func escaped(_ name: String, _ value: String?, ignoreIfValueIsEmpty: Bool = true) -> Attribute {
        Attribute(name: name, value: value.map(HTMLEscape.attribute), ignoreIfValueIsEmpty: ignoreIfValueIsEmpty)
    }

    static func attribute(named name: String, value: String?) -> Self { .escaped(name, value) }
}

extension Node {
    static func escaped(_ name: String, _ value: String?, ignoreIfValueIsEmpty: Bool = true) -> Node {
        .attribute(Attribute<Context>.escaped(name, value, ignoreIfValueIsEmpty: ignoreIfValueIsEmpty))
    }

    static func attribute(named name: String, value: String?, ignoreIfValueIsEmpty: Bool = true) -> Node {
        .escaped(name, value, ignoreIfValueIsEmpty: ignoreIfValueIsEmpty)
    }
}

extension Attribute where Context: HTMLContext {
    static func id(_ id: String) -> Attribute { .escaped("id", id) }
    static func `class`(_ className: String) -> Attribute { .escaped("class", className) }
    static func data(named name: String, value: String) -> Attribute { .escaped("data-\(name)", value) }
    static func title(_ title: String) -> Attribute { .escaped("title", title) }
}

extension Node where Context: HTMLContext {
    static func id(_ id: String) -> Node { .escaped("id", id) }
    static func `class`(_ className: String) -> Node { .escaped("class", className) }
    static func data(named name: String, value: String) -> Node { .escaped("data-\(name)", value) }
    static func title(_ title: String) -> Node { .escaped("title", title) }
}

extension Attribute where Context: HTMLNamableContext {
    static func name(_ name: String) -> Attribute { .escaped("name", name) }
}

extension Node where Context: HTMLNamableContext {
    static func name(_ name: String) -> Node { .escaped("name", name) }
}

extension Attribute where Context == HTML.MetaContext {
    static func property(_ property: String) -> Attribute { .escaped("property", property) }
    static func content(_ content: String) -> Attribute { .escaped("content", content) }
}

extension Attribute where Context: HTMLTypeContext {
    static func type(_ type: String) -> Attribute { .escaped("type", type) }
}

extension Attribute where Context: HTMLValueContext {
    static func value(_ value: String) -> Attribute { .escaped("value", value) }
}

extension Node where Context: HTMLValueContext {
    static func value(_ value: String) -> Node { .escaped("value", value) }
}

extension Attribute where Context == HTML.LinkContext {
    static func sizes(_ sizes: String) -> Attribute { .escaped("sizes", sizes) }
    static func color(_ color: String) -> Attribute { .escaped("color", color) }
}

extension Attribute where Context: HTMLLinkableContext {
    static func href(_ url: String) -> Attribute { .escaped("href", url) }
    static func href(_ url: URL) -> Attribute { .escaped("href", url.absoluteString) }
}

extension Node where Context: HTMLLinkableContext {
    static func href(_ url: String) -> Node { .escaped("href", url) }
    static func href(_ url: URL) -> Node { .escaped("href", url.absoluteString) }
}

extension Node where Context == HTML.TimeContext {
    static func datetime(_ datetime: String) -> Node { .escaped("datetime", datetime) }
}

extension Attribute where Context: HTMLSourceContext {
    static func src(_ url: String) -> Attribute { .escaped("src", url) }
    static func src(_ url: URL) -> Attribute { .escaped("src", url.absoluteString) }
}

extension Node where Context: HTMLSourceContext {
    static func src(_ url: String) -> Node { .escaped("src", url) }
    static func src(_ url: URL) -> Node { .escaped("src", url.absoluteString) }
}

extension Attribute where Context == HTML.ObjectContext {
    static func data(_ url: String) -> Attribute { .escaped("data", url) }
    static func data(_ url: URL) -> Attribute { .escaped("data", url.absoluteString) }
}

extension Node where Context == HTML.ObjectContext {
    static func data(_ url: String) -> Node { .escaped("data", url) }
    static func data(_ url: URL) -> Node { .escaped("data", url.absoluteString) }
}

extension Attribute where Context == HTML.PictureSourceContext {
    static func srcset(_ set: String) -> Attribute { .escaped("srcset", set) }
    static func media(_ query: String) -> Attribute { .escaped("media", query) }
    static func type(_ type: String) -> Attribute { .escaped("type", type) }
}

extension Node where Context == HTML.FormContext {
    static func action(_ url: String) -> Node { .escaped("action", url) }
    static func action(_ url: URL) -> Node { .escaped("action", url.absoluteString) }
}

extension Node where Context == HTML.LabelContext {
    static func `for`(_ target: String) -> Node { .escaped("for", target) }
}

extension Attribute where Context == HTML.InputContext {
    static func placeholder(_ placeholder: String) -> Attribute { .escaped("placeholder", placeholder) }
}

extension Node where Context == HTML.TextAreaContext {
    static func placeholder(_ placeholder: String) -> Node { .escaped("placeholder", placeholder) }
}

extension Attribute where Context == HTML.OptionContext {
    static func label(_ label: String) -> Attribute { .escaped("label", label, ignoreIfValueIsEmpty: false) }
}

extension Node where Context: HTMLStylableContext {
    static func style(_ css: String) -> Node { .escaped("style", css) }
}

extension Attribute where Context == HTML.ImageContext {
    static func alt(_ text: String) -> Attribute { .escaped("alt", text) }
}

extension Node where Context: HTML.BodyContext {
    static func ariaLabel(_ label: String) -> Node { .escaped("aria-label", label) }
    static func ariaControls(_ child: String) -> Node { .escaped("aria-controls", child) }
}

extension Attribute where Context: HTMLIntegrityContext {
    static func integrity(_ hash: String) -> Attribute { .escaped("integrity", hash) }
}

extension Node where Context: HTMLIntegrityContext {
    static func integrity(_ hash: String) -> Node { .escaped("integrity", hash) }
}
