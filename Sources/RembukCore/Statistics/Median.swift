/// The median of a list of numbers (the middle one, or the mean of the two middle ones); nil when empty. Used for
/// response times, revenues and revenue changes, where one large value must not swamp the rest.
public enum Median {
    public static func of(_ values: [Int]) -> Double? { of(values.map(Double.init)) }

    public static func of(_ values: [Int64]) -> Double? { of(values.map(Double.init)) }

    /// The middle value, or the mean of the two middle values of an even count; nil for none.
    public static func of(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        return (sorted[middle - 1] + sorted[middle]) / 2
    }
}
