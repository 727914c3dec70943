/// The arithmetic of the dashboards' bar charts: an axis that ends on a round number and bar lengths on it.
public enum ChartScale {
    /// The smallest 1, 2 or 5 × 10ⁿ at or above `value` (at least 1), so the axis ends on a number people read.
    public static func niceMax(_ value: Int64) -> Int64 {
        guard value > 1 else { return 1 }
        var power: Int64 = 1
        while power <= value / 10 { power *= 10 }
        for step in [1, 2, 5, 10] as [Int64] where step * power >= value { return step * power }
        return 10 * power
    }

    /// The length of a bar for `value` on an axis of `axis` drawn `width` long; anything above zero shows.
    public static func length(_ value: Int64, axis: Int64, width: Int) -> Int {
        guard value > 0, axis > 0 else { return 0 }
        return max(1, Int((Double(min(value, axis)) / Double(axis) * Double(width)).rounded()))
    }

    /// A share in whole per cent, 0 when there is nothing to share.
    public static func percent(_ part: Int64, of whole: Int64) -> Int {
        guard whole > 0 else { return 0 }
        return Int((Double(part) / Double(whole) * 100).rounded())
    }
}
