import Foundation

/// How often one account or one address may do something: at most `limit` times in any `window`. The times
/// are kept by the caller (Rembuk keeps them in the database, so every instance counts the same); this decides.
public struct RateRule: Sendable, Hashable {
    public let limit: Int
    public let window: TimeInterval

    public init(limit: Int, window: TimeInterval) {
        precondition(limit > 0 && window > 0, "a rate rule allows at least once in some time")
        self.limit = limit
        self.window = window
    }

    /// Whole seconds to wait before doing it once more, or nil when it may be done now. `times` are when it was
    /// done before, in any order; those outside the window do not count.
    public func wait(after times: [Date], now: Date) -> Int? {
        let since = now.addingTimeInterval(-window)
        let recent = times.filter { $0 > since && $0 <= now }.sorted()
        guard recent.count >= limit else { return nil }
        // Room comes back when the oldest of the last `limit` times leaves the window.
        let freed = recent[recent.count - limit].addingTimeInterval(window)
        return max(1, Int(freed.timeIntervalSince(now).rounded(.up)))
    }

    /// The earliest time still worth keeping for this rule.
    public func horizon(now: Date) -> Date { now.addingTimeInterval(-window) }
}

/// What people may do how often on Rembuk: enough for anyone taking part honestly (a busy village operator, a
/// citizen supporting every usulan of their desa in one evening), too little for a script.
public enum AbuseLimits {
    /// New accounts from one address (a warnet or a village office shares one: generous).
    public static let registration = RateRule(limit: 10, window: 3_600)
    /// Usulan a citizen submits. Staff entering usulan for assisted citizens act for them and count as them.
    public static let submission = RateRule(limit: 20, window: 86_400)
    /// Comments and replies by one account.
    public static let comment = RateRule(limit: 20, window: 600)
    /// Supports given or withdrawn by one account.
    public static let support = RateRule(limit: 120, window: 600)
    /// Complaints filed by one account.
    public static let complaint = RateRule(limit: 10, window: 86_400)
    /// Files sent with forms by one account, kept or refused (a refused upload costs the server as much as a kept one).
    public static let upload = RateRule(limit: 40, window: 3_600)
    /// Uploads one account may have waiting for their form to be saved (pending), and their bytes in all: past either,
    /// the oldest pending ones of that account make room.
    public static let pendingUploads = 15
    public static let pendingUploadBytes = 40 * 1024 * 1024
}
