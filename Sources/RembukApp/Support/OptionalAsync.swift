extension Optional {
    /// `flatMap` for an async transform: a lookup that only runs when there is something to look up.
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
