import Foundation
import NIOConcurrencyHelpers

/// Writes a backup file's lines through a buffer; the file is only given its name once it is complete, so a
/// backup cut short (a full disk, a killed process) never looks like a finished one. Readable by its owner only:
/// a backup holds every account and every complaint.
final class BackupFileWriter: Sendable {
    private let handle: FileHandle
    private let buffer = NIOLockedValueBox([UInt8]())
    let path: String
    private var partialPath: String { path + ".partial" }

    struct CannotWrite: Error, CustomStringConvertible {
        let path: String
        var description: String { "tidak bisa menulis \(path)" }
    }

    init(path: String) throws {
        self.path = path
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: partial) else { throw CannotWrite(path: partial) }
        self.handle = handle
    }

    func write(_ line: String) throws {
        let full = buffer.withLockedValue { bytes -> [UInt8]? in
            bytes.append(contentsOf: line.utf8)
            bytes.append(UInt8(ascii: "\n"))
            guard bytes.count >= 1 << 20 else { return nil }
            defer { bytes.removeAll(keepingCapacity: true) }
            return bytes
        }
        if let full { try handle.write(contentsOf: full) }
    }

    /// Writes what is buffered, syncs the file to disk and gives it its name.
    func finish() throws {
        try handle.write(contentsOf: buffer.withLockedValue { bytes in defer { bytes.removeAll() }; return bytes })
        try handle.synchronize()
        try handle.close()
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: partialPath, toPath: path)
    }

    /// Removes the unfinished file.
    func abandon() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: partialPath)
    }
}

/// Reads a file line by line without loading it whole.
struct LineReader: AsyncSequence {
    typealias Element = Substring
    private let handle: FileHandle

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CannotRead(path: path) }
        self.handle = handle
    }

    struct CannotRead: Error, CustomStringConvertible {
        let path: String
        var description: String { "tidak bisa membaca \(path)" }
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        let handle: FileHandle
        var pending: [UInt8] = []
        var start = 0
        var atEnd = false

        mutating func next() async throws -> Substring? {
            while true {
                if let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                    defer { start = newline + 1 }
                    return Substring(decoding: pending[start ..< newline], as: UTF8.self)
                }
                if atEnd {
                    guard start < pending.count else { return nil }
                    defer { start = pending.count }
                    return Substring(decoding: pending[start...], as: UTF8.self)
                }
                pending.removeSubrange(0 ..< start)
                start = 0
                if let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { pending.append(contentsOf: chunk) } else { atEnd = true }
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(handle: handle) }
}
