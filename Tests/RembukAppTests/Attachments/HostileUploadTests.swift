import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// Disguised and oversized files on every form that takes a file (found by reading the pages, as in
/// `HostileInputTests`): each is refused with a 4xx, and no blob, attachment or audit record is stored.
@Suite(.serialized) struct HostileUploadTests {
    /// A GIF that is also a script, a PDF that is also a web page, a PDF with JavaScript, an SVG with a script
    /// (named as SVG and as a photo), a zip whose header promises 4 GB (a zip bomb's opening; it is never expanded),
    /// an HTML page named as a photo, a photo over the upload limit, a PDF whose JavaScript names are hex-escaped, and
    /// small PNG and JPEG files whose headers declare 300 and 900 million pixels (decompression bombs).
    static func files(maxUpload: Int) -> [(name: String, filename: String, bytes: [UInt8])] {
        let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert('rembuk')"><script>alert('rembuk')</script></svg>"#.utf8)
        var zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 8, 0, 0, 0]
        zip += Array("bomb.csv".utf8) + [0x63, 0x18, 0x05, 0xA3, 0x60, 0x14, 0x8C, 0x54, 0, 0, 0, 0, 0, 0, 0, 0]
        return [
            ("gif-script polyglot", "foto-jalan.gif", Array("GIF89a/*".utf8) + [1, 0, 1, 0] + Array("*/=1;<script>alert('rembuk')</script>".utf8)),
            ("pdf-html polyglot", "notulen.pdf", Array("%PDF-1.4\n<html><body onload=\"alert('rembuk')\">Notulen</body></html>".utf8)),
            ("pdf with javascript", "rab.pdf", Array("%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj\n2 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\n%%EOF".utf8)),
            ("svg with script", "peta.svg", svg),
            ("svg named as a photo", "foto.png", svg),
            ("zip bomb header", "data.csv", zip),
            ("html named as a photo", "foto.jpg", Array("<!doctype html><script>alert('rembuk')</script>".utf8)),
            ("oversized photo", "besar.jpg", [0xFF, 0xD8, 0xFF, 0xE0] + [UInt8](repeating: 0x41, count: maxUpload + 1024)),
            ("pdf with hex-escaped javascript", "rab2.pdf",
             Array("%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj\n2 0 obj << /S /J#61va#53cript /J#53 (app.alert(1)) >> endobj\n%%EOF".utf8)),
            ("png decompression bomb", "peta.png", HostileImages.png(width: 20_000, height: 15_000)),
            ("jpeg decompression bomb", "foto-udara.jpg", HostileImages.jpeg(width: 30_000, height: 30_000)),
        ]
    }

    /// On PostgreSQL only the admin, who sees every file form.
    static let actors: [AccessPolicyTests.Actor] = testsRunOnPostgres ? [.bappeda] : [.warga, .operatorDesa, .opd, .bappeda]

    @Test(arguments: actors)
    func everyFileFieldRefusesDisguisedFiles(_ actor: AccessPolicyTests.Actor) async throws {
        try await withRembuk { app in
            // given: every form with a file field this actor is shown
            let fixture = try await AccessPolicyTests.Fixture.make(app)
            var browser = TestBrowser(app)
            try await browser.signIn(actor.email!)
            var forms: [String: HostileInputTests.Form] = [:]
            for page in try HostileInputTests.pages(app, fixture) {
                let response = try await browser.get(page)
                guard response.status == .ok, response.headers.contentType?.subType == "html" else { continue }
                for form in HostileInputTests.Form.all(in: response.text) where !form.files.isEmpty && form.multipart {
                    forms[form.action] = form
                }
            }
            #expect(forms.count >= (actor == .bappeda ? 8 : 3), "file forms found: \(forms.keys.sorted())")
            var problems: [String] = []
            let plain = HostileInputTests.Entry(name: "plain", text: "Foto kondisi jalan rusak di Dusun Krajan")
            for form in forms.values.sorted(by: { $0.action < $1.action }) {
                for file in Self.files(maxUpload: app.settings.maxUploadSize) {
                    let before = (try await Blob.query(on: app.db).count(), try await Attachment.query(on: app.db).count(), try await auditCount(app))
                    let (single, repeated) = HostileInputTests.Form.split(form.filled(with: plain))
                    // when
                    let response = try await browser.postMultipart(form.action, single, repeated: repeated,
                                                                   files: form.files.map { (field: $0, filename: file.filename, bytes: file.bytes) })
                    // then
                    let after = (try await Blob.query(on: app.db).count(), try await Attachment.query(on: app.db).count(), try await auditCount(app))
                    if !(400 ..< 500).contains(Int(response.status.code)) { problems.append("\(form.action) [\(file.name)]: \(response.status.code)") }
                    if after != before { problems.append("\(form.action) [\(file.name)]: stored something \(before) → \(after)") }
                }
            }
            #expect(problems.isEmpty, Testing.Comment(rawValue: "\(actor.rawValue), \(forms.count) forms: \(forms.keys.sorted())\n" + problems.joined(separator: "\n")))
        }
    }
}

/// Headers of images far larger than they weigh: what a decompression bomb shows before its pixels.
enum HostileImages {
    static func png(width: UInt32, height: UInt32) -> [UInt8] {
        func big(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + big(width) + big(height)
            + [8, 6, 0, 0, 0, 0x12, 0x34, 0x56, 0x78] + [UInt8](repeating: 0, count: 2_000)
    }

    static func jpeg(width: UInt16, height: UInt16) -> [UInt8] {
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
            + [0xFF, 0xC0, 0x00, 0x11, 8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 3]
            + [1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1] + [UInt8](repeating: 0x42, count: 2_000)
    }
}
