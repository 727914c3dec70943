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
    /// The header a script may send the form's token in, instead of (or before) the `_csrf` field.
    static let csrfHeader = "X-CSRF-Token"

    /// Reads the request's form. Routes registered with `postStreamingForm` come here with the body still
    /// streaming; the CSRF token is checked here for them, before anything is used.
    static func read(_ req: Request) async throws -> SubmittedForm {
        let type = req.headers.contentType
        if type?.type == "multipart", type?.subType == "form-data" {
            guard let boundary = type?.parameters["boundary"], !boundary.isEmpty else { throw CSRF.notAForm }
            return try await readMultipart(req, boundary: boundary, fileLimit: req.settings.maxUploadSize)
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

    /// Reads a multipart body as it arrives. Before the first byte of a file is taken, the form's token must have come
    /// (as the `_csrf` field, which every Rembuk form puts first, or the `X-CSRF-Token` header): a request without a
    /// session or with a forged token is refused there, having cost one part's worth of reading. Files are written to a
    /// temporary file as they arrive, not held in memory, and read back only once the whole body is in and the token
    /// checked. Every byte kept counts against `UploadBudget` (per client address and in all) until the handler of a
    /// `postStreamingForm` route has answered (elsewhere, until this returns).
    private static func readMultipart(_ req: Request, boundary: String, fileLimit: Int) async throws -> SubmittedForm {
        // Every form with files is a signed-in person's: a visitor's is refused before a byte of it is read.
        guard req.principal.account != nil else { throw UserFacingError.signInRequired }
        let spool = try Spool()
        defer { spool.remove() }
        let collector = Collector(fileLimit: fileLimit, spool: spool,
                                  checked: CSRF.accepts(req.headers.first(name: csrfHeader), for: req),
                                  accepts: { CSRF.accepts($0, for: req) })
        let parser = MultipartStream(boundary: boundary)
        parser.onHeaders = { collector.begin($0) }
        parser.onBody = { collector.body($0) }
        parser.onPartComplete = { collector.complete() }
        let budget = req.application.uploadBudget
        let client = req.clientAddress
        var total = 0, reserved = 0
        // On a `postStreamingForm` route the files stay counted until the handler has answered (they are in memory
        // till then); elsewhere, or when reading fails, they are given back here.
        let holdUntilAnswered = req.storage[UploadHold.self] != nil
        var done = false
        defer { if !(done && holdUntilAnswered) { budget.release(reserved, client: client) } }
        for try await chunk in req.body {
            total += chunk.readableBytes
            guard total <= ceiling else { throw Abort(.payloadTooLarge) }
            do { try parser.feed(chunk.readableBytesView) } catch { throw Abort(.badRequest, reason: "malformed multipart body") }
            if collector.refused { throw CSRF.rejected }
            // What is kept (fields in memory, files in the spool) counts; a file over the limit is only measured.
            if collector.held > reserved {
                guard budget.reserve(collector.held - reserved, client: client) else { throw UploadBudget.busy }
                reserved = collector.held
            }
            if let failure = collector.failure { throw failure }
            if collector.fieldTooLarge { throw Abort(.payloadTooLarge) }
        }
        guard parser.isComplete else { throw Abort(.badRequest, reason: "incomplete multipart body") }
        guard collector.checked || CSRF.accepts(collector.form.value(CSRF.fieldName), for: req) else { throw CSRF.rejected }
        var form = collector.form
        form.files = try collector.spooled.map { File(field: $0.field, filename: $0.filename, bytes: try spool.read($0.range)) }
        req.storage[UploadHold.self]?.add(reserved, client: client)
        done = true
        return form
    }

    /// One temporary file per request for the files of its form, removed when the request is done with them.
    final class Spool {
        let path: String
        private let handle: FileHandle
        private(set) var length = 0

        init() throws {
            path = NSTemporaryDirectory() + "rembuk-upload-\(UUID().uuidString)"
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
                  let handle = FileHandle(forUpdatingAtPath: path) else {
                throw Abort(.internalServerError, reason: "cannot create a temporary upload file")
            }
            self.handle = handle
        }

        func append(_ bytes: [UInt8]) throws {
            try handle.seekToEnd()
            try handle.write(contentsOf: bytes)
            length += bytes.count
        }

        func read(_ range: Range<Int>) throws -> [UInt8] {
            try handle.seek(toOffset: UInt64(range.lowerBound))
            return Array(try handle.read(upToCount: range.count) ?? Data())
        }

        func remove() {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Gathers parts as the parser finds them (used by one request's task only).
    private final class Collector {
        struct Spooled { var field: String; var filename: String; var range: Range<Int> }

        let fileLimit: Int
        let spool: Spool
        let accepts: (String?) -> Bool
        /// Whether the form's token has been seen and accepted; false with `refused` once a file came before it.
        private(set) var checked: Bool
        private(set) var refused = false
        private(set) var failure: (any Error)?
        var form = SubmittedForm()
        var spooled: [Spooled] = []
        var fieldTooLarge = false
        /// Bytes kept so far: field values in memory and files in the spool.
        private(set) var held = 0
        private var name: String?
        private var filename: String?
        private var buffer: [UInt8] = []
        private var start = 0
        private var size = 0

        init(fileLimit: Int, spool: Spool, checked: Bool, accepts: @escaping (String?) -> Bool) {
            self.fileLimit = fileLimit
            self.spool = spool
            self.checked = checked
            self.accepts = accepts
        }

        func begin(_ headers: [(String, String)]) {
            let disposition = headers.first { $0.0 == "content-disposition" }?.1 ?? ""
            let parameters = Self.parameters(disposition)
            name = parameters["name"]
            filename = parameters["filename"]
            buffer = []
            size = 0
            start = spool.length
            if filename != nil, !checked {
                checked = accepts(form.value(CSRF.fieldName))
                refused = !checked
            }
        }

        func body(_ chunk: [UInt8]) {
            guard !refused, failure == nil else { return }
            size += chunk.count
            guard let filename else {
                if size <= SubmittedForm.maxFieldSize { buffer += chunk; held += chunk.count } else { buffer = []; fieldTooLarge = true }
                return
            }
            // A file over the limit is only measured from then on; what was written of it is left unused in the spool.
            guard size <= fileLimit else { return }
            do { try spool.append(chunk); held += chunk.count } catch { failure = error }
        }

        func complete() {
            defer { name = nil; filename = nil; buffer = []; size = 0 }
            guard let name, !refused else { return }
            if let filename {
                // A file input left empty still sends a part with no name and no bytes.
                if filename.isEmpty && size == 0 { return }
                if size > fileLimit {
                    form.oversized.append(OversizedFile(field: name, filename: filename, size: size))
                } else {
                    spooled.append(Spooled(field: name, filename: filename, range: start..<spool.length))
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
        let registered = on(.POST, route.pathComponents, body: .stream) { req in
            let hold = UploadHold()
            req.storage[UploadHold.self] = hold
            defer { hold.release(to: req.application.uploadBudget) }
            return try await handler(req)
        }
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

/// The upload bytes a request keeps counted in `UploadBudget` while its handler works with the files.
final class UploadHold: @unchecked Sendable, StorageKey {
    typealias Value = UploadHold
    // Used by one request's task only.
    private var held: [(bytes: Int, client: String)] = []

    func add(_ bytes: Int, client: String) { held.append((bytes, client)) }

    func release(to budget: UploadBudget) {
        for entry in held { budget.release(entry.bytes, client: entry.client) }
        held = []
    }
}
