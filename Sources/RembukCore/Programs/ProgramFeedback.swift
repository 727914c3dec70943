import Foundation

/// When UMKM participants are asked how their business is doing: 3 and 6 months after the programme's last session.
public enum FollowUpSchedule {
    public static let months = [3, 6]

    /// The follow-ups (in months) that are due on `today` for a programme whose last session was on `lastSession`.
    public static func due(lastSession: LocalDate, today: LocalDate) -> [Int] {
        months.filter { lastSession.adding(months: $0) <= today }
    }
}

/// One participant's answers to the evaluation survey: satisfaction and usefulness, each 1 (low) to 5 (high).
public struct EvaluationAnswer: Sendable, Hashable {
    public let satisfaction: Int
    public let usefulness: Int

    public static let scale = 1...5

    public init?(satisfaction: Int, usefulness: Int) {
        guard Self.scale.contains(satisfaction), Self.scale.contains(usefulness) else { return nil }
        self.satisfaction = satisfaction
        self.usefulness = usefulness
    }

    public static func label(_ value: Int, _ language: Language) -> String {
        switch (value, language) {
        case (1, .id): "Sangat kurang"
        case (1, .en): "Very poor"
        case (2, .id): "Kurang"
        case (2, .en): "Poor"
        case (3, .id): "Cukup"
        case (3, .en): "Fair"
        case (4, .id): "Baik"
        case (4, .en): "Good"
        default: language == .id ? "Sangat baik" : "Very good"
        }
    }
}

/// What the public sees of a programme's evaluation: only once enough people answered that no one's answer can be read off.
public struct EvaluationSummary: Sendable, Hashable {
    public static let minimumResponses = 3

    public let responses: Int
    /// Mean satisfaction, 1–5.
    public let satisfaction: Double
    /// Mean usefulness, 1–5.
    public let usefulness: Double
    /// Share (0–100, rounded) who rated usefulness 4 or 5.
    public let usefulPercent: Int
    /// How many gave each satisfaction score, index 0 for score 1.
    public let satisfactionCounts: [Int]

    public static func of(_ answers: [EvaluationAnswer]) -> EvaluationSummary? {
        guard answers.count >= minimumResponses else { return nil }
        let n = Double(answers.count)
        var counts = [Int](repeating: 0, count: 5)
        for answer in answers { counts[answer.satisfaction - 1] += 1 }
        let useful = answers.filter { $0.usefulness >= 4 }.count
        return EvaluationSummary(responses: answers.count,
                                 satisfaction: Double(answers.map(\.satisfaction).reduce(0, +)) / n,
                                 usefulness: Double(answers.map(\.usefulness).reduce(0, +)) / n,
                                 usefulPercent: Int((Double(useful) * 100 / n).rounded()),
                                 satisfactionCounts: counts)
    }

    /// `4,3` — one decimal with a comma, as Indonesians write it.
    public static func decimal(_ value: Double, _ language: Language) -> String {
        let text = String(format: "%.1f", value)
        return language == .id ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
