import Fluent
import Foundation
import RembukCore

/// Staff add a session to their programme: a day, start and end times (WIB), a place and its seats.
struct AddSession {
    struct Input: Codable, Sendable {
        var title: String?
        var date: String?
        var starts: String?
        var ends: String?
        var place: String?
        var capacity: String?
    }

    enum Outcome {
        case added(ProgramSession)
        case invalid(FormErrors)
    }

    /// `09.00` or `09:00` → minutes after midnight.
    static func minutes(_ text: String?) -> Int? {
        let parts = (text ?? "").trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return hour * 60 + minute
    }

    func run(_ program: Program, _ input: Input, in ctx: Invocation) async throws -> Outcome {
        try ProgramGuard.requireManager(program, ctx)
        guard ![.selesai, .dibatalkan].contains(program.programStatus) else {
            throw UserFacingError(.conflict, Phrase("Program ini sudah \(program.programStatus.label(.id).lowercased()).", "This programme is \(program.programStatus.label(.en).lowercased())."))
        }
        var errors = FormErrors()
        let title = CleanText.line(input.title ?? "")
        if !(3...120).contains(title.count) { errors.add("title", Phrase("Nama sesi 3–120 huruf, misalnya “Hari 1: Pemasaran digital”.", "Name the session (3–120 characters).")) }
        let day = LocalDate(iso: (input.date ?? "").trimmingCharacters(in: .whitespaces))
        let starts = Self.minutes(input.starts), ends = Self.minutes(input.ends)
        if day == nil { errors.add("date", Phrase("Isi tanggal sesi.", "Enter the session's date.")) }
        if starts == nil { errors.add("starts", Phrase("Isi jam mulai, misalnya 09.00.", "Enter the start time, e.g. 09:00.")) }
        if ends == nil || (starts != nil && ends! <= starts!) { errors.add("ends", Phrase("Jam selesai setelah jam mulai.", "The end comes after the start.")) }
        var startsAt: Date?
        if let day, let starts {
            let moment = day.startOfDay().addingTimeInterval(Double(starts * 60))
            if moment <= ctx.now { errors.add("date", Phrase("Sesi tidak bisa dijadwalkan di waktu yang sudah lewat.", "A session cannot be scheduled in the past.")) }
            startsAt = moment
        }
        let place = CleanText.line(input.place ?? "")
        if !(3...200).contains(place.count) { errors.add("place", Phrase("Sebutkan tempatnya, misalnya “Aula Kecamatan Purwakarta”.", "Name the place.")) }
        let capacity = Int((input.capacity ?? "").trimmingCharacters(in: .whitespaces))
        if capacity == nil || !(1...10_000).contains(capacity!) { errors.add("capacity", Phrase("Kapasitas 1 sampai 10.000 peserta.", "Capacity is 1 to 10,000 people.")) }
        guard errors.isEmpty, let day, let ends, let startsAt, let capacity else { return .invalid(errors) }
        let session = ProgramSession()
        session.$program.id = try program.requireID()
        session.title = title
        session.startsMillis = startsAt.millis
        session.endsMillis = day.startOfDay().addingTimeInterval(Double(ends * 60)).millis
        session.place = place
        session.capacity = capacity
        session.confirmed = 0
        try await ctx.writes.transaction { db in
            try await session.create(on: db)
            try await ProgramGuard.audit(program, "program.session_added", "sesi “\(title)” \(DateText.dateTime(startsAt)), \(capacity) kursi, \(place)",
                                         ctx: ctx, on: db)
        }
        return .added(session)
    }
}

/// The business a UMKM participant describes, at registration or at a follow-up.
struct BusinessInput: Codable, Sendable {
    var business_name: String?
    var sector: String?
    var start_year: String?
    var employees: String?
    var monthly_revenue: String?
    var channels: [String]?
    var reach: String?

    var isEmpty: Bool { (business_name ?? "").trimmingCharacters(in: .whitespaces).isEmpty }

    /// The report's fields when valid; errors are added to `errors`.
    func checked(_ errors: inout FormErrors, today: LocalDate) -> (name: String, sector: String, startYear: Int, figures: BusinessFigures)? {
        let name = CleanText.line(business_name ?? "")
        if !(2...120).contains(name.count) { errors.add("business_name", Phrase("Tulis nama usaha Anda.", "Enter your business's name.")) }
        let sector = CleanText.line(self.sector ?? "")
        if !(3...80).contains(sector.count) { errors.add("sector", Phrase("Tulis bidang usaha, misalnya “makanan olahan”.", "Enter the line of business.")) }
        let year = Int((start_year ?? "").trimmingCharacters(in: .whitespaces))
        if year == nil || !(1950...today.year).contains(year!) { errors.add("start_year", Phrase("Tahun mulai usaha antara 1950 dan \(today.year).", "The year it started, 1950 to \(today.year).")) }
        let employees = Int((self.employees ?? "").trimmingCharacters(in: .whitespaces))
        if employees == nil || !(0...10_000).contains(employees!) { errors.add("employees", Phrase("Jumlah pekerja 0 atau lebih (di luar pemilik).", "Employees, 0 or more (besides the owner).")) }
        let revenueText = (monthly_revenue ?? "").trimmingCharacters(in: .whitespaces)
        let revenue = Rupiah.parse(revenueText)
        if revenueText.hasPrefix("-") || (revenue?.amount ?? 0) < 0 {
            errors.add("monthly_revenue", Phrase("Omzet tidak bisa negatif; isi 0 bila belum ada penjualan.", "Revenue cannot be negative; enter 0 if there are no sales yet."))
        } else if revenue == nil || revenue!.amount > 100_000_000_000 {
            errors.add("monthly_revenue", Phrase("Omzet sebulan dalam rupiah, misalnya 3.500.000.", "Monthly revenue in rupiah, e.g. 3.500.000."))
        }
        let channels = Set((self.channels ?? []).compactMap(SalesChannel.init(rawValue:)))
        if channels.isEmpty { errors.add("channels", Phrase("Pilih paling sedikit satu cara berjualan.", "Choose at least one sales channel.")) }
        let reach = MarketReach(rawValue: self.reach ?? "")
        if reach == nil { errors.add("reach", Phrase("Pilih jangkauan pasar.", "Choose the market reach.")) }
        guard let year, let employees, let revenue, revenue.amount >= 0, let reach, !channels.isEmpty,
              (2...120).contains(name.count), (3...80).contains(sector.count) else { return nil }
        return (name, sector, year, BusinessFigures(employees: employees, monthlyRevenue: revenue.amount, channels: channels, reach: reach))
    }

    static func report(program: UUID, account: UUID, moment: BusinessReport.Moment,
                       _ fields: (name: String, sector: String, startYear: Int, figures: BusinessFigures), now: Date) -> BusinessReport {
        let report = BusinessReport()
        report.programID = program
        report.accountID = account
        report.moment = moment.rawValue
        report.businessName = fields.name
        report.sector = fields.sector
        report.startYear = fields.startYear
        report.employees = fields.figures.employees
        report.monthlyRevenue = fields.figures.monthlyRevenue
        report.channels = fields.figures.channels.map(\.rawValue).sorted().joined(separator: " ")
        report.reach = fields.figures.reach.rawValue
        report.createdMillis = now.millis
        return report
    }
}
