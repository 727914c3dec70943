import Dispatch

extension Array where Element: Sendable {
    /// `map` on every core, in chunks; the results keep the order. For pure work on many elements (hashing a
    /// page of audit records, stemming the texts of an import).
    public func concurrentMap<T>(chunk: Int = 512, _ transform: @Sendable (Element) -> T) -> [T] {
        let chunks = (count + chunk - 1) / chunk
        var result = [T?](repeating: nil, count: count)
        result.withUnsafeMutableBufferPointer { out in
            // Each iteration writes its own slots only.
            nonisolated(unsafe) let slots = out
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                for position in index * chunk..<Swift.min(count, (index + 1) * chunk) {
                    slots[position] = transform(self[position])
                }
            }
        }
        return result.map { $0! }
    }
}
