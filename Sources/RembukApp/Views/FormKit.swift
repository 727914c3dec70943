import Plot
import RembukCore

/// Errors of a submitted form, by field name, in both languages.
public struct FormErrors: Sendable, Error {
    public private(set) var fields: [String: Phrase] = [:]
    public private(set) var general: [Phrase] = []

    public init() {}
    public init(_ phrase: Phrase) { general = [phrase] }

    public var isEmpty: Bool { fields.isEmpty && general.isEmpty }
    public subscript(field: String) -> Phrase? { fields[field] }
    public mutating func add(_ field: String, _ phrase: Phrase) { if fields[field] == nil { fields[field] = phrase } }
    public mutating func add(_ phrase: Phrase) { general.append(phrase) }
    public mutating func merge(_ other: FormErrors) {
        for (field, phrase) in other.fields { add(field, phrase) }
        general += other.general
    }
    /// The same errors with one field's key changed, for a field posted under a nested name (`business[sector]`).
    func renamed(_ field: String, to name: String) -> FormErrors {
        var copy = self
        if let phrase = fields[field] { copy.fields[name] = phrase }
        return copy
    }
}

/// Accessible form parts: every input has a label, errors are tied to their input and summarised on top.
enum FormKit {
    static func csrf(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .input(.type(.hidden), .name(CSRF.fieldName), .value(ctx.csrfToken))
    }

    struct Field {
        var name: String
        var label: String
        var type: HTMLInputType = .text
        var value: String = ""
        var hint: String? = nil
        var autocomplete: String? = nil
        var required: Bool = false
        var inputMode: String? = nil
    }

    static func field(_ ctx: ViewContext, _ field: Field, errors: FormErrors, idPrefix: String = "f-") -> Node<HTML.BodyContext> {
        let id = idPrefix + field.name
        let error = errors[field.name]
        let described = [field.hint.map { _ in id + "-hint" }, error.map { _ in id + "-error" }].compactMap { $0 }
        return .div(.class(error == nil ? "field" : "field invalid"),
            .label(.for(id), .text(field.label), .if(!field.required, .span(.class("optional"), .text(" " + ctx.t("(tidak wajib)", "(optional)"))))),
            .unwrap(field.hint) { .p(.class("hint"), .id(id + "-hint"), .text($0)) },
            .unwrap(error) { .p(.class("error"), .id(id + "-error"), .text(ctx.t($0))) },
            input([
                ("type", field.type.rawValue), ("id", id), ("name", field.name),
                field.type == .password ? nil : ("value", field.value),
                field.required ? ("required", "required") : nil,
                field.autocomplete.map { ("autocomplete", $0) },
                field.inputMode.map { ("inputmode", $0) },
                error == nil ? nil : ("aria-invalid", "true"),
                described.isEmpty ? nil : ("aria-describedby", described.joined(separator: " ")),
            ])
        )
    }

    struct Choice {
        var value: String
        var label: String
        /// Consecutive choices with the same group are shown under one `<optgroup>` heading.
        var group: String? = nil
    }

    static func select(_ ctx: ViewContext, name: String, label: String, choices: [Choice], selected: String,
                       errors: FormErrors, idPrefix: String = "f-") -> Node<HTML.BodyContext> {
        let id = idPrefix + name
        let error = errors[name]
        // A single select shows its first option unless another is marked; the first needs no mark.
        let shown: String? = choices.first?.value == selected ? nil : selected
        return .div(.class(error == nil ? "field" : "field invalid"),
            .label(.for(id), .text(label)),
            .unwrap(error) { .p(.class("error"), .id(id + "-error"), .text(ctx.t($0))) },
            .element(named: "select", nodes: [
                .attribute(named: "id", value: id), .attribute(named: "name", value: name),
                .if(error != nil, .attribute(named: "aria-describedby", value: id + "-error")),
                .forEach(groupRuns(choices)) { run in
                    if let group = run.group {
                        return .element(named: "optgroup", nodes: [.attribute(named: "label", value: group),
                                                                   .forEach(run.choices) { option($0, selected: shown) }])
                    }
                    return .group(run.choices.map { option($0, selected: shown) })
                },
            ])
        )
    }

    static func option(_ choice: Choice, selected: String?) -> Node<HTML.BodyContext> {
        .element(named: "option", nodes: [
            // An empty value must still be sent as empty, not fall back to the option's text.
            .escaped("value", choice.value, ignoreIfValueIsEmpty: false),
            .if(choice.value == selected, .escaped("selected", "", ignoreIfValueIsEmpty: false)),
            .text(choice.label),
        ])
    }

    /// Consecutive choices of the same group, in order.
    static func groupRuns(_ choices: [Choice]) -> [(group: String?, choices: [Choice])] {
        var runs: [(group: String?, choices: [Choice])] = []
        for choice in choices {
            if let last = runs.last, last.group == choice.group { runs[runs.count - 1].choices.append(choice) } else { runs.append((choice.group, [choice])) }
        }
        return runs
    }

    static func textarea(_ ctx: ViewContext, name: String, label: String, value: String, errors: FormErrors,
                         idPrefix: String = "f-", hint: String? = nil, required: Bool = false, rows: Int = 3) -> Node<HTML.BodyContext> {
        let id = idPrefix + name
        let error = errors[name]
        let described = [hint.map { _ in id + "-hint" }, error.map { _ in id + "-error" }].compactMap { $0 }
        return .div(.class(error == nil ? "field" : "field invalid"),
            .label(.for(id), .text(label), .if(!required, .span(.class("optional"), .text(" " + ctx.t("(tidak wajib)", "(optional)"))))),
            .unwrap(hint) { .p(.class("hint"), .id(id + "-hint"), .text($0)) },
            .unwrap(error) { .p(.class("error"), .id(id + "-error"), .text(ctx.t($0))) },
            .element(named: "textarea", nodes: [
                .attribute(named: "id", value: id), .attribute(named: "name", value: name), .attribute(named: "rows", value: String(rows)),
                .if(required, .escaped("required", "", ignoreIfValueIsEmpty: false)),
                .if(error != nil, .attribute(named: "aria-invalid", value: "true")),
                .if(!described.isEmpty, .attribute(named: "aria-describedby", value: described.joined(separator: " "))),
                .text(value),
            ]))
    }

    /// The list of problems above a form, so a screen-reader user hears them first.
    static func summary(_ ctx: ViewContext, _ errors: FormErrors) -> Node<HTML.BodyContext> {
        guard !errors.isEmpty else { return .empty }
        let messages = errors.general + errors.fields.sorted { $0.key < $1.key }.map(\.value)
        return .div(.class("alert error"), .attribute(named: "role", value: "alert"),
            .p(.strong(.text(ctx.t("Periksa lagi isian Anda:", "Please check what you entered:")))),
            .ul(.forEach(messages) { .li(.text(ctx.t($0))) }))
    }

    static func notice(_ text: String) -> Node<HTML.BodyContext> {
        .div(.class("alert ok"), .attribute(named: "role", value: "status"), .p(.text(text)))
    }
}

extension FormKit {
    /// A `<form>` whose children are ordinary body nodes (Plot types form children separately).
    /// `novalidate`, written bare: the server checks every field and answers in the page's language.
    static var noValidation: Node<HTML.BodyContext> { .attribute(named: "novalidate", value: "", ignoreIfValueIsEmpty: false) }

    static func form(_ nodes: Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> {
        .element(named: "form", nodes: nodes)
    }
}

extension FormKit {
    /// An `<input>` from name/value pairs; nil pairs are left out (Plot has no conditional input attributes).
    /// A boolean attribute given as its own name (`("required", "required")`) is written bare, as HTML has it;
    /// only HTML's boolean attributes are, so a field called `name` keeps `name="name"`.
    static func input(_ pairs: [(String, String)?]) -> Node<HTML.BodyContext> {
        .selfClosedElement(named: "input", attributes: pairs.compactMap { $0 }.map {
            Attribute<HTML.BodyContext>.escaped($0.0, booleanAttributes.contains($0.0) && $0.0 == $0.1 ? "" : $0.1, ignoreIfValueIsEmpty: false)
        })
    }

    static let booleanAttributes: Set<String> = ["required", "checked", "disabled", "readonly", "multiple", "autofocus", "hidden"]
}

extension FormKit {
    /// A group of checkboxes (posting `field[]`, repeated) or radio buttons under one legend; `name` is the field's
    /// error key, `field` what the form posts (defaults to `name`).
    static func choices(_ ctx: ViewContext, name: String, field: String? = nil, legend: String, choices: [Choice], selected: Set<String>,
                        errors: FormErrors, radio: Bool = false, hint: String? = nil) -> Node<HTML.BodyContext> {
        let error = errors[name]
        let posted = (field ?? name) + (radio ? "" : "[]")
        return .element(named: "fieldset", nodes: [
            .class(error == nil ? "field" : "field invalid"),
            .element(named: "legend", text: legend),
            .unwrap(hint) { .p(.class("hint"), .text($0)) },
            .unwrap(error) { .p(.class("error"), .text(ctx.t($0))) },
            .group(choices.map { choice in
                let id = "c-\(name)-\(choice.value)".replacingOccurrences(of: ".", with: "-")
                return .div(.class("field check"),
                    input([("type", radio ? "radio" : "checkbox"), ("id", id), ("name", posted), ("value", choice.value),
                           selected.contains(choice.value) ? ("checked", "checked") : nil]),
                    .label(.for(id), .text(" " + choice.label)))
            }),
        ])
    }
}

extension FormKit {
    /// A spreadsheet upload: where to get a template to fill, how to save it from Excel, the file input (after the
    /// CSRF token, which must come before any file) and the button.
    static func csvUpload(_ ctx: ViewContext, template: String, templateLabel: String, action: String, button: String) -> Node<HTML.BodyContext> {
        .group([
            .p(.a(.href(template), .text(templateLabel)),
               .text(ctx.t(". Simpan dari Excel sebagai “CSV UTF-8”; pemisah koma atau titik koma.", ". Save from Excel as “CSV UTF-8”; comma or semicolon separated."))),
            form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: action),
                .attribute(named: "enctype", value: "multipart/form-data"),
                csrf(ctx),
                .div(.class("field"),
                     .label(.for("f-berkas"), .text(ctx.t("Berkas CSV", "CSV file"))),
                     input([("type", "file"), ("id", "f-berkas"), ("name", StoreUploads.field), ("accept", ".csv,text/csv"), ("required", "required")])),
                .button(.type(.submit), .text(button))),
        ])
    }
}
