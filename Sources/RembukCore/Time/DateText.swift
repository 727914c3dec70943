import Foundation

/// Dates as Indonesian readers expect them: `Kamis, 28 Maret 2024`; English as `Thursday, 28 March 2024`.
public enum DateText {
    static let weekdaysID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
    static let weekdaysEN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let monthsID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                           "Agustus", "September", "Oktober", "November", "Desember"]
    static let monthsEN = ["January", "February", "March", "April", "May", "June", "July",
                           "August", "September", "October", "November", "December"]

    public static func monthName(_ month: Int, _ language: Language = .id) -> String {
        (language == .id ? monthsID : monthsEN)[month - 1]
    }

    /// `Kamis, 28 Maret 2024`
    public static func long(_ date: LocalDate, _ language: Language = .id) -> String {
        let weekday = (language == .id ? weekdaysID : weekdaysEN)[date.weekday - 1]
        return "\(weekday), \(medium(date, language))"
    }

    /// `28 Maret 2024`
    public static func medium(_ date: LocalDate, _ language: Language = .id) -> String {
        "\(date.day) \(monthName(date.month, language)) \(date.year)"
    }

    /// `Kamis, 28 Maret 2024 pukul 14.05 WIB` (Indonesian writes times with a full stop).
    public static func dateTime(_ moment: Date, _ language: Language = .id, timeZone: TimeZone = .jakarta) -> String {
        let date = LocalDate(moment, timeZone: timeZone)
        let zone = zoneName(timeZone, at: moment)
        switch language {
        case .id: return "\(long(date, .id)) pukul \(clock(moment, .id, timeZone: timeZone)) \(zone)"
        case .en: return "\(long(date, .en)), \(clock(moment, .en, timeZone: timeZone)) \(zone)"
        }
    }

    /// `28 Mar 14.05`: a moment in a list where the year is plain from the context.
    public static func short(_ moment: Date, _ language: Language = .id, timeZone: TimeZone = .jakarta) -> String {
        let date = LocalDate(moment, timeZone: timeZone)
        return "\(date.day) \(monthName(date.month, language).prefix(3)) \(clock(moment, language, timeZone: timeZone))"
    }

    /// `14.05` in Indonesian, `14:05` in English.
    public static func clock(_ moment: Date, _ language: Language = .id, timeZone: TimeZone = .jakarta) -> String {
        let seconds = Int(moment.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: moment)
        let minuteOfDay = ((seconds % 86_400) + 86_400) % 86_400 / 60
        return String(format: language == .id ? "%02d.%02d" : "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60)
    }

    static func zoneName(_ timeZone: TimeZone, at moment: Date) -> String {
        switch timeZone.secondsFromGMT(for: moment) {
        case 7 * 3600: "WIB"
        case 8 * 3600: "WITA"
        case 9 * 3600: "WIT"
        case let offset: offset == 0 ? "UTC" : String(format: "UTC%+d", offset / 3600)
        }
    }
}
