import Foundation
import Vapor

/// Holds the API to what its OpenAPI document (`Public/openapi.json`, served at `/api/v1/openapi.json`) says, so the
/// document cannot drift from the code: a query parameter that does not fit its declared schema (a number that is no
/// number or out of range, a value outside its list, a text too long or of the wrong shape) is answered 400 with a
/// problem naming the parameter, and a method the document does not declare for a path is answered 405 with `Allow`.
/// Read once at start; a request outside `/api/` costs one prefix test.
struct OpenAPIRequestCheck: AsyncMiddleware {
    struct Parameter: Sendable {
        enum Kind: Sendable {
            case integer(minimum: Int64?, maximum: Int64?)
            case string(choices: [String]?, pattern: NSRegularExpression?, minLength: Int?, maxLength: Int?)
        }

        let name: String
        let required: Bool
        let kind: Kind
        /// The document's example, shown when a value has the wrong shape.
        var example: String?

        /// nil when `value` fits; otherwise why not, in both languages.
        func problem(_ value: String) -> Phrase? {
            switch kind {
            case let .integer(minimum, maximum):
                guard let number = Int64(value) else {
                    return Phrase("Parameter \(name) harus bilangan bulat.", "The \(name) parameter must be a whole number.")
                }
                if let minimum, number < minimum {
                    return Phrase("Parameter \(name) paling kecil \(minimum).", "The \(name) parameter is at least \(minimum).")
                }
                if let maximum, number > maximum {
                    return Phrase("Parameter \(name) paling besar \(maximum).", "The \(name) parameter is at most \(maximum).")
                }
            case let .string(choices, pattern, minLength, maxLength):
                if let choices, !choices.contains(value) {
                    let list = choices.joined(separator: ", ")
                    return Phrase("Parameter \(name) harus salah satu dari: \(list).", "The \(name) parameter must be one of: \(list).")
                }
                let length = value.count
                if let minLength, length < minLength {
                    return Phrase("Parameter \(name) paling sedikit \(minLength) huruf.", "The \(name) parameter has at least \(minLength) characters.")
                }
                if let maxLength, length > maxLength {
                    return Phrase("Parameter \(name) paling banyak \(maxLength) huruf.", "The \(name) parameter has at most \(maxLength) characters.")
                }
                if let pattern, pattern.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) == nil {
                    let (id, en) = example.map { (", misalnya \($0)", ", e.g. \($0)") } ?? ("", "")
                    return Phrase("Parameter \(name) tidak berbentuk seperti yang diharapkan\(id).", "The \(name) parameter is not in the expected form\(en).")
                }
            }
            return nil
        }
    }

    struct Operation: Sendable {
        let query: [Parameter]
    }

    struct Path: Sendable {
        /// The template's segments; nil where the template has `{name}`.
        let segments: [String?]
        /// By method, upper-case ("GET").
        let operations: [String: Operation]

        var fixedSegments: Int { segments.count { $0 != nil } }

        func matches(_ parts: [Substring]) -> Bool {
            parts.count == segments.count && zip(parts, segments).allSatisfy { part, segment in segment == nil || segment! == part }
        }
    }

    let paths: [Path]

    init(document: String = OpenAPIDocument.json) {
        paths = Self.read(document)
    }

    static func read(_ document: String) -> [Path] {
        guard let root = try? JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any],
              let declared = root["paths"] as? [String: Any] else { return [] }
        return declared.compactMap { template, value -> Path? in
            guard let entries = value as? [String: Any] else { return nil }
            var operations: [String: Operation] = [:]
            for (method, body) in entries {
                guard ["get", "post", "put", "delete", "patch"].contains(method), let body = body as? [String: Any] else { continue }
                let parameters = (body["parameters"] as? [[String: Any]] ?? []).filter { $0["in"] as? String == "query" }
                operations[method.uppercased()] = Operation(query: parameters.compactMap(parameter))
            }
            let segments = template.split(separator: "/").map { $0.hasPrefix("{") ? nil : String($0) }
            return Path(segments: segments, operations: operations)
        }
    }

    static func parameter(_ entry: [String: Any]) -> Parameter? {
        guard let name = entry["name"] as? String, let schema = entry["schema"] as? [String: Any] else { return nil }
        let required = entry["required"] as? Bool ?? false
        func int(_ key: String) -> Int64? { (schema[key] as? NSNumber)?.int64Value }
        if schema["type"] as? String == "integer" {
            return Parameter(name: name, required: required, kind: .integer(minimum: int("minimum"), maximum: int("maximum")))
        }
        let pattern = (schema["pattern"] as? String).flatMap { try? NSRegularExpression(pattern: $0) }
        return Parameter(name: name, required: required, kind: .string(choices: schema["enum"] as? [String], pattern: pattern,
                                                                         minLength: int("minLength").map(Int.init), maxLength: int("maxLength").map(Int.init)),
                         example: entry["example"] as? String)
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        guard path.hasPrefix("/api/") else { return try await next.respond(to: request) }
        let parts = path.split(separator: "/")
        // `/usulan/serupa` before `/usulan/{id}`: the template with the most fixed segments wins, as in the router.
        guard let declared = paths.filter({ $0.matches(parts) }).max(by: { $0.fixedSegments < $1.fixedSegments }) else {
            return try await next.respond(to: request)
        }
        let method = request.method == .HEAD ? "GET" : request.method.rawValue
        guard let operation = declared.operations[method] else {
            let allowed = declared.operations.keys.sorted()
            let list = allowed.joined(separator: ", ")
            let phrase = Phrase("Alamat ini hanya menerima \(list).", "This address accepts only \(list).")
            let response = Problem(title: HTTPResponseStatus.methodNotAllowed.reasonPhrase, status: 405, detail: phrase(request.language))
                .response(status: .methodNotAllowed)
            response.headers.replaceOrAdd(name: "Allow", value: list)
            return response
        }
        let query = Self.queryItems(request.url.query)
        for parameter in operation.query {
            let values = query.filter { $0.name == parameter.name }.map(\.value)
            if values.isEmpty, parameter.required {
                throw UserFacingError(.badRequest, Phrase("Parameter \(parameter.name) wajib diisi.", "The \(parameter.name) parameter is required."))
            }
            for value in values {
                if let problem = parameter.problem(value) { throw UserFacingError(.badRequest, problem) }
            }
        }
        return try await next.respond(to: request)
    }

    /// `a=1&b=x%20y&b=z` → its items, decoded (`+` is a space, as forms send it).
    static func queryItems(_ query: String?) -> [(name: String, value: String)] {
        (query ?? "").split(separator: "&").map { item in
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            return (decode(pair[0]), pair.count > 1 ? decode(pair[1]) : "")
        }
    }
}
