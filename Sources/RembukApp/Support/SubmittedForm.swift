import Foundation
import NIOCore
import Vapor

/// A form as the browser sent it: text fields (repeatable) and files. A `multipart/form-data` body is read
/// as it arrives, so a 50 MB photo is measured and dropped without being held in memory, and the rest of the
/// form is still there to show again with a clear message beside the file field.
struct SubmittedForm: Sendable {
    struct File: Sendable {
        var field: String
        var filename: String
        var bytes: [UInt8]
    }

    /// A file that was not kept because it exceeded the size limit.
    struct OversizedFile: Sendable {
        var field: String
        var filename: String
        var size: Int
    }

    var fields: [String: [String]] = [:]
    var files: [File] = []
    var oversized: [OversizedFile] = []

    func value(_ name: String) -> String? { fields[name]?.first }
    func values(_ name: String) -> [String] { fields[name] ?? [] }

    /// The single-valued fields decoded into a form's input type (repeated fields keep their first value).
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let single = fields.compactMapValues(\.first)
        return try JSONDecoder().decode(T.self, from: JSONEncoder().encode(single))
    }

    /// Hard ceiling for one request, far above what a form may keep: beyond it the request is refused whole.
    static let ceiling = 64 * 1024 * 1024
    static let maxFieldSize = 64 * 1024

    /// Reads the request's form. Routes registered with `postStreamingForm` come here with the body still
    /// streaming; the CSRF token is checked here for them, before anything is used.
    static func read(_ req: Request) async throws -> SubmittedForm {
        let type = req.headers.contentType
        if type?.type == "multipart", type?.subType == "form-data" {
            guard let boundary = type?.parameters["boundary"], !boundary.isEmpty else { throw CSRF.notAForm }
            let form = try await readMultipart(req, boundary: boundary, fileLimit: req.settings.maxUploadSize)
            guard CSRF.accepts(form.value(CSRF.fieldName), for: req) else { throw CSRF.rejected }
            return form
        }
        guard type?.type == "application", type?.subType == "x-www-form-urlencoded" else { throw CSRF.notAForm }
        // The CSRF middleware has already collected and checked a urlencoded body.
        let body = try await req.body.collect(max: req.settings.maxBodySize.value).get()
        return SubmittedForm(fields: parseURLEncoded(body.map { String(buffer: $0) } ?? ""))
    }

    static func parseURLEncoded(_ text: String) -> [String: [String]] {
        var fields: [String: [String]] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            let name = decode(parts[0])
            guard !name.isEmpty else { continue }
            fields[name, default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
        return fields
    }

    private static func readMultipart(_ req: Request, boundary: String, fileLimit: Int) async throws -> SubmittedForm {
        let collector = Collector(fileLimit: fileLimit)
        let parser = MultipartStream(boundary: boundary)
        parser.onHeaders = { collector.begin($0) }
        parser.onBody = { collector.body($0) }
        parser.onPartComplete = { collector.complete() }
        var total = 0
        for try await chunk in req.body {
            total += chunk.readableBytes
            guard total <= ceiling else { throw Abort(.payloadTooLarge) }
            do { try parser.feed(chunk.readableBytesView) } catch { throw Abort(.badRequest, reason: "malformed multipart body") }
            if collector.fieldTooLarge { throw Abort(.payloadTooLarge) }
        }
        guard parser.isComplete else { throw Abort(.badRequest, reason: "incomplete multipart body") }
        return collector.form
    }

    /// Gathers parts as the parser finds them (used by one request's task only).
    private final class Collector {
        let fileLimit: Int
        var form = SubmittedForm()
        var fieldTooLarge = false
        private var name: String?
        private var filename: String?
        private var buffer: [UInt8] = []
        private var size = 0

        init(fileLimit: Int) { self.fileLimit = fileLimit }

        func begin(_ headers: [(String, String)]) {
            let disposition = headers.first { $0.0 == "content-disposition" }?.1 ?? ""
            let parameters = Self.parameters(disposition)
            name = parameters["name"]
            filename = parameters["filename"]
            buffer = []
            size = 0
        }

        func body(_ chunk: [UInt8]) {
            size += chunk.count
            let limit = filename == nil ? SubmittedForm.maxFieldSize : fileLimit
            if size <= limit { buffer += chunk } else {
                buffer = []
                if filename == nil { fieldTooLarge = true }
            }
        }

        func complete() {
            defer { name = nil; filename = nil; buffer = []; size = 0 }
            guard let name else { return }
            if let filename {
                // A file input left empty still sends a part with no name and no bytes.
                if filename.isEmpty && size == 0 { return }
                if size > fileLimit {
                    form.oversized.append(OversizedFile(field: name, filename: filename, size: size))
                } else {
                    form.files.append(File(field: name, filename: filename, bytes: buffer))
                }
            } else {
                form.fields[name, default: []].append(String(decoding: buffer, as: UTF8.self))
            }
        }

        /// `form-data; name="berkas"; filename="foto jalan.jpg"` → ["name": "berkas", "filename": "foto jalan.jpg"].
        static func parameters(_ header: String) -> [String: String] {
            var result: [String: String] = [:]
            var rest = Substring(header)
            while let semicolon = rest.firstIndex(of: ";") {
                rest = rest[rest.index(after: semicolon)...].drop { $0 == " " }
                guard let equals = rest.firstIndex(of: "=") else { break }
                let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
                var value = rest[rest.index(after: equals)...]
                if value.first == "\"" {
                    value = value.dropFirst()
                    var text = ""
                    var escaped = false
                    var end = value.endIndex
                    for index in value.indices {
                        let character = value[index]
                        if escaped { text.append(character); escaped = false }
                        else if character == "\\" { escaped = true }
                        else if character == "\"" { end = index; break }
                        else { text.append(character) }
                    }
                    result[key] = text
                    rest = end < value.endIndex ? value[value.index(after: end)...] : ""
                } else {
                    let end = value.firstIndex(of: ";") ?? value.endIndex
                    result[key] = value[..<end].trimmingCharacters(in: .whitespaces)
                    rest = value[end...]
                }
            }
            return result
        }
    }
}

extension RoutesBuilder {
    /// A POST whose form may carry files: the body streams to the handler, which reads it with
    /// `SubmittedForm.read` (that also checks the CSRF token of a multipart body).
    @discardableResult
    func postStreamingForm(_ route: SiteRoute, use handler: @escaping @Sendable (Request) async throws -> Response) -> Route {
        let registered = on(.POST, route.pathComponents, body: .stream, use: handler)
        registered.userInfo[SubmittedForm.streamsKey] = true
        return registered
    }
}

extension SubmittedForm {
    static let streamsKey: AnySendableHashable = "rembuk.streams-form"

    static func streams(_ req: Request) -> Bool {
        (req.route?.userInfo[streamsKey] as? Bool) == true
    }
}
