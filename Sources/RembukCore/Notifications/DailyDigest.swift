import Foundation

/// When the daily digest goes out: once a day at a fixed hour, local time (07.00 WIB by default).
public struct DigestSchedule: Sendable, Hashable {
    public var hour: Int
    public var timeZone: TimeZone

    public init(hour: Int = 7, timeZone: TimeZone = .jakarta) {
        self.hour = min(max(hour, 0), 23)
        self.timeZone = timeZone
    }

    /// The latest sending moment at or before `now`: today's hour once it has struck, otherwise yesterday's.
    public func latestSending(atOrBefore now: Date) -> Date {
        let today = LocalDate(now, timeZone: timeZone)
        let todays = today.startOfDay(in: timeZone).addingTimeInterval(Double(hour) * 3600)
        if todays <= now { return todays }
        return LocalDate(daysSinceEpoch: today.daysSinceEpoch - 1).startOfDay(in: timeZone).addingTimeInterval(Double(hour) * 3600)
    }

    /// A person whose last digest covered notices up to `lastCutoff` is due for another one at `now`
    /// when a sending moment has passed since. Someone who never had one is due at the first sending moment.
    public func isDue(lastCutoff: Date?, now: Date) -> Bool {
        guard let lastCutoff else { return true }
        return lastCutoff < latestSending(atOrBefore: now)
    }
}

/// One message gathering a day's notifications, for people who chose a daily digest over one message per notice.
public struct DailyDigest: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var title: String
        public var body: String
        public var link: String
        public var at: Date

        public init(title: String, body: String, link: String, at: Date) {
            self.title = title
            self.body = body
            self.link = link
            self.at = at
        }
    }

    public var subject: String
    public var body: String

    /// How many notices a digest spells out; the rest are counted and wait in the inbox.
    public static let listed = 15
    /// How much of one notice's text a digest quotes.
    public static let excerpt = 160

    /// The e-mail form: a subject with the count, then each notice (oldest first) with its time, text and link,
    /// then a line for any beyond `listed`, and where to change the setting. Nil when there is nothing to send.
    public static func compose(_ items: [Item], date: LocalDate, baseURL: String, inboxPath: String, settingsPath: String,
                               timeZone: TimeZone = .jakarta) -> DailyDigest? {
        guard !items.isEmpty else { return nil }
        let ordered = items.sorted { $0.at < $1.at }
        let subject = "Ringkasan Rembuk \(DateText.long(date)): \(ordered.count) pemberitahuan"
        var lines = ["Pemberitahuan Anda sejak ringkasan terakhir:", ""]
        for (number, item) in ordered.prefix(listed).enumerated() {
            lines.append("\(number + 1). \(item.title) (\(DateText.short(item.at, timeZone: timeZone)))")
            lines.append("   " + shortened(item.body))
            lines.append("   " + baseURL + item.link)
            lines.append("")
        }
        if ordered.count > listed {
            lines.append("… dan \(ordered.count - listed) pemberitahuan lainnya di kotak masuk: \(baseURL)\(inboxPath)")
            lines.append("")
        }
        lines.append("Anda menerima satu ringkasan sehari karena memilihnya. Ubah di \(baseURL)\(settingsPath)")
        return DailyDigest(subject: subject, body: lines.joined(separator: "\n"))
    }

    /// The WhatsApp/SMS form: short, titles only, and one link to the inbox.
    public static func composeShort(_ items: [Item], baseURL: String, inboxPath: String, limit: Int = 5) -> String? {
        guard !items.isEmpty else { return nil }
        let ordered = items.sorted { $0.at < $1.at }
        var lines = ["Ringkasan Rembuk: \(ordered.count) pemberitahuan"]
        lines += ordered.prefix(limit).map { "• " + $0.title }
        if ordered.count > limit { lines.append("• … dan \(ordered.count - limit) lainnya") }
        lines.append("Baca: " + baseURL + inboxPath)
        return lines.joined(separator: "\n")
    }

    static func shortened(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= excerpt ? flat : String(flat.prefix(excerpt - 1)).trimmingSpaces() + "…"
    }
}
