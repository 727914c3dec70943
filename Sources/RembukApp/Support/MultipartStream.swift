import Foundation
import RembukCore

/// A `multipart/form-data` reader fed chunk by chunk. It looks for the boundary with `memchr`/`memcmp`
/// instead of stepping through every byte, so a large file costs little even in a debug build, and it
/// hands each part's bytes on as they arrive, so the caller decides what to keep.
final class MultipartStream {
    enum Failure: Error { case malformed, headersTooLarge }

    var onHeaders: ([(String, String)]) -> Void = { _ in }
    var onBody: ([UInt8]) -> Void = { _ in }
    var onPartComplete: () -> Void = {}

    private enum State { case preamble, headers, body, afterDelimiter, epilogue }

    private let delimiter: [UInt8]
    private var state = State.preamble
    /// Bytes received and not yet handed on: a possible partial delimiter, or headers still coming in.
    private var pending: [UInt8]
    static let maxHeaderBytes = 16 * 1024

    init(boundary: String) {
        delimiter = Array("\r\n--\(boundary)".utf8)
        // The first boundary has no line break before it; pretend it had one.
        pending = [13, 10]
    }

    func feed(_ bytes: some Collection<UInt8>) throws {
        pending.append(contentsOf: bytes)
        var start = 0
        defer { pending.removeFirst(start) }
        loop: while start < pending.count {
            switch state {
            case .preamble:
                guard let found = find(delimiter, from: start) else {
                    start = max(start, pending.count - delimiter.count + 1)
                    break loop
                }
                start = found + delimiter.count
                state = .afterDelimiter
            case .afterDelimiter:
                guard pending.count - start >= 2 else { break loop }
                if pending[start] == 45, pending[start + 1] == 45 {           // "--": the last boundary
                    state = .epilogue
                } else if pending[start] == 13, pending[start + 1] == 10 {   // CRLF: a part follows
                    state = .headers
                } else {
                    throw Failure.malformed
                }
                start += 2
            case .headers:
                guard let end = find([13, 10, 13, 10], from: start) else {
                    if pending.count - start > Self.maxHeaderBytes { throw Failure.headersTooLarge }
                    break loop
                }
                onHeaders(Self.headerLines(pending[start..<end]))
                start = end + 4
                state = .body
            case .body:
                if let found = find(delimiter, from: start) {
                    if found > start { onBody(Array(pending[start..<found])) }
                    onPartComplete()
                    start = found + delimiter.count
                    state = .afterDelimiter
                } else {
                    // Keep what could be the beginning of a delimiter split across chunks.
                    let safe = pending.count - (delimiter.count - 1)
                    if safe > start { onBody(Array(pending[start..<safe])); start = safe }
                    break loop
                }
            case .epilogue:
                start = pending.count
            }
        }
    }

    /// True once the closing boundary has been read.
    var isComplete: Bool { state == .epilogue }

    private func find(_ needle: [UInt8], from: Int) -> Int? {
        ByteSearch.first(needle, in: pending, from: from)
    }

    private static func headerLines(_ bytes: ArraySlice<UInt8>) -> [(String, String)] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\r\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].trimmingCharacters(in: .whitespaces).lowercased(),
                    line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
    }
}
