import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// Finding 5 of the security probe: multipart forms were read whole (64 MB) before the session and token were checked.
@Suite struct UploadLimitsTests {
    /// A multipart body with its parts in the order given (a file part has a filename).
    static func body(_ parts: [(name: String, filename: String?, bytes: [UInt8])], boundary: String) -> ByteBuffer {
        var body = ByteBuffer()
        for part in parts {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\"")
            if let filename = part.filename { body.writeString("; filename=\"\(filename)\"\r\nContent-Type: image/png") }
            body.writeString("\r\n\r\n")
            body.writeBytes(part.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return body
    }

    static func send(_ browser: inout TestBrowser, _ parts: [(name: String, filename: String?, bytes: [UInt8])],
                     headers extra: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        let boundary = "----RembukBatas\(UUID().uuidString)"
        var headers = extra
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await browser.send(.POST, SiteRoute.complaintNew.path, headers: headers, body: body(parts, boundary: boundary))
    }

    static func complaintFields(_ token: String?) -> [(name: String, filename: String?, bytes: [UInt8])] {
        (token.map { [(CSRF.fieldName, nil, Array($0.utf8))] } ?? [])
            + ComplaintTests.form.sorted { $0.key < $1.key }.map { ($0.key, nil, Array($0.value.utf8)) }
    }

    static let photo = (name: StoreUploads.field, filename: Optional("jalan.png"), bytes: [UInt8](repeating: 0x41, count: 600_000))

    static func stored(_ app: Application) async throws -> Int {
        try await Attachment.query(on: app.db).count() + Complaint.query(on: app.db).count()
    }

    @Test func aFileBeforeTheFormsTokenIsRefusedWithNothingKept() async throws {
        try await withRembuk { app in
            // given a signed-in citizen whose form puts a photo before the token (as a forged form would)
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let before = try await Self.stored(app)
            let audit = try await auditCount(app)
            // when it is sent, with the token after the photo, and again by a visitor with no session at all
            let late = try await Self.send(&citizen, [Self.photo] + Self.complaintFields(citizen.csrfToken))
            var stranger = TestBrowser(app)
            let anonymous = try await Self.send(&stranger, [Self.photo] + Self.complaintFields(nil))
            // then both are refused (the visitor before anything is read): nothing stored, nothing audited, nothing in flight
            #expect(late.status == .forbidden && late.text.contains("Formulir ini sudah kedaluwarsa"))
            #expect(anonymous.status == .unauthorized)
            #expect(try await Self.stored(app) == before)
            #expect(try await auditCount(app) == audit)
            #expect(app.uploadBudget.inFlight == 0)
        }
    }

    @Test func theTokenMayComeFirstOrAsAHeader() async throws {
        try await withRembuk { app in
            // given a citizen
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let before = try await Complaint.query(on: app.db).count()
            // when one form carries the token first and another carries it only in the header, the photo first
            let first = try await Self.send(&citizen, Self.complaintFields(citizen.csrfToken) + [Self.photo])
            var headers = HTTPHeaders()
            headers.add(name: SubmittedForm.csrfHeader, value: citizen.csrfToken)
            let header = try await Self.send(&citizen, [Self.photo] + Self.complaintFields(nil), headers: headers)
            // then both get past the token (the photo is not an image, so each comes back to be fixed, nothing stored)
            #expect(first.status == .unprocessableEntity && header.status == .unprocessableEntity, "\(first.status) \(header.status)")
            #expect(first.text.contains("Jalan berlubang di Gang Melati RT 02"))
            #expect(try await Complaint.query(on: app.db).count() == before)
        }
    }

    @Test func uploadsPastWhatOneClientMayHaveInFlightAreTurnedAwayClearly() async throws {
        try await withRembuk(settings: { $0.uploadBytesPerClient = 1_000_000 }) { app in
            // given an instance that takes at most 1 MB of uploads at once from one address
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let before = try await Self.stored(app)
            // when a form brings three photos of 600 KB
            let response = try await Self.send(&citizen, Self.complaintFields(citizen.csrfToken) + [Self.photo, Self.photo, Self.photo])
            // then it is told to try again shortly, with nothing stored and the budget given back
            #expect(response.status == .serviceUnavailable)
            #expect(response.headers.first(name: .retryAfter) == "30")
            #expect(response.text.contains("Server sedang menerima banyak berkas"))
            #expect(try await Self.stored(app) == before)
            #expect(app.uploadBudget.inFlight == 0)
        }
    }

    @Test func theBudgetCountsEachClientAndTheWholeInstance() {
        // given a budget of 10 bytes in all and 6 per client
        let budget = UploadBudget(total: 10, perClient: 6)
        // when two clients reserve and release
        // then each stays under its own limit and both under the total
        #expect(budget.reserve(6, client: "a") && !budget.reserve(1, client: "a"))
        #expect(budget.reserve(4, client: "b") && !budget.reserve(1, client: "b") && !budget.reserve(1, client: "c"))
        budget.release(6, client: "a")
        #expect(budget.reserve(1, client: "c") && budget.inFlight == 5)
    }

    @Test func theSpoolKeepsFilesOnDiskAndIsRemoved() throws {
        // given a spool with two files' bytes
        let spool = try SubmittedForm.Spool()
        try spool.append([1, 2, 3])
        try spool.append([4, 5])
        // when they are read back and the spool removed
        let second = try spool.read(3..<5)
        let first = try spool.read(0..<3)
        spool.remove()
        // then each file's bytes come back, and nothing is left on disk
        #expect(first == [1, 2, 3] && second == [4, 5])
        #expect(!FileManager.default.fileExists(atPath: spool.path))
    }
}
