import Testing
@testable import RembukApp

@Suite struct MultipartStreamTests {
    static let body = Array((
        "preamble ignored\r\n--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nJalan rusak\r\n" +
        "--XyZ\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"a \\\"b\\\".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n" +
        "\r\n--XyNOT a boundary\r\n--XyZ\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"\"\r\n\r\n\r\n--XyZ--\r\n").utf8)

    struct Part: Equatable { var headers: [String]; var body: String }

    func parse(chunkSize: Int) throws -> ([Part], Bool) {
        let stream = MultipartStream(boundary: "XyZ")
        var parts: [Part] = []
        var current = Part(headers: [], body: "")
        stream.onHeaders = { current = Part(headers: $0.map { "\($0.0): \($0.1)" }, body: "") }
        stream.onBody = { current.body += String(decoding: $0, as: UTF8.self) }
        stream.onPartComplete = { parts.append(current) }
        var index = 0
        while index < Self.body.count {
            try stream.feed(Self.body[index..<min(index + chunkSize, Self.body.count)])
            index += chunkSize
        }
        return (parts, stream.isComplete)
    }

    @Test(arguments: [1, 2, 3, 7, 64, 10_000])
    func partsAreTheSameHoweverTheBodyIsCut(chunkSize: Int) throws {
        // given / when
        let (parts, complete) = try parse(chunkSize: chunkSize)
        // then
        #expect(complete)
        #expect(parts == [
            Part(headers: ["content-disposition: form-data; name=\"title\""], body: "Jalan rusak"),
            Part(headers: ["content-disposition: form-data; name=\"berkas\"; filename=\"a \\\"b\\\".jpg\"", "content-type: image/jpeg"],
                 body: "\r\n--XyNOT a boundary"),
            Part(headers: ["content-disposition: form-data; name=\"berkas\"; filename=\"\""], body: ""),
        ])
    }

    @Test func garbageAfterABoundaryIsRefused() {
        let stream = MultipartStream(boundary: "XyZ")
        #expect(throws: MultipartStream.Failure.self) { try stream.feed(Array("--XyZ!!\r\n".utf8)) }
    }

    @Test func endlessHeadersAreRefused() {
        let stream = MultipartStream(boundary: "XyZ")
        let flood = Array("--XyZ\r\nX-A: ".utf8) + Array(repeating: UInt8(97), count: MultipartStream.maxHeaderBytes + 10)
        #expect(throws: MultipartStream.Failure.self) { try stream.feed(flood) }
    }
}
