/// When to try a failed delivery again: 30 s, 1 min, 2 min, 4 min … capped at an hour, giving up after 8 tries.
public struct RetrySchedule: Sendable, Hashable {
    public var baseSeconds: Int
    public var capSeconds: Int
    public var maximumAttempts: Int

    public init(baseSeconds: Int = 30, capSeconds: Int = 3600, maximumAttempts: Int = 8) {
        self.baseSeconds = baseSeconds
        self.capSeconds = capSeconds
        self.maximumAttempts = maximumAttempts
    }

    /// Seconds to wait after `attempts` failed attempts, or nil when it is time to give up.
    public func delay(afterAttempts attempts: Int) -> Int? {
        guard attempts >= 1, attempts < maximumAttempts else { return nil }
        let exponent = min(attempts - 1, 30)
        let delay = baseSeconds.multipliedReportingOverflow(by: 1 << exponent)
        return delay.overflow ? capSeconds : min(delay.partialValue, capSeconds)
    }
}
