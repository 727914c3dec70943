/// Where a complaint (pengaduan/masukan) is, after the SP4N-LAPOR! flow: received, verified by the admin
/// within 3 working days, passed to an agency, answered by it within 5 working days, finished.
public enum ComplaintStatus: String, Sendable, CaseIterable, Codable {
    case diterima
    /// The admin asked the reporter for more before verifying.
    case ditahan
    case diverifikasi
    case didisposisikan
    case ditindaklanjuti
    case selesai
    case ditolak
    case bukanKewenangan = "bukan_kewenangan"
    case diarsipkan

    /// Nothing more happens (a finished complaint may still be reopened once by its reporter).
    public var isClosed: Bool { [.selesai, .ditolak, .bukanKewenangan, .diarsipkan].contains(self) }

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.diterima, .id): "Diterima"
        case (.diterima, .en): "Received"
        case (.ditahan, .id): "Menunggu keterangan pelapor"
        case (.ditahan, .en): "Waiting for the reporter"
        case (.diverifikasi, .id): "Diverifikasi"
        case (.diverifikasi, .en): "Verified"
        case (.didisposisikan, .id): "Didisposisikan ke perangkat daerah"
        case (.didisposisikan, .en): "Passed to the agency"
        case (.ditindaklanjuti, .id): "Ditindaklanjuti"
        case (.ditindaklanjuti, .en): "Answered by the agency"
        case (.selesai, .id): "Selesai"
        case (.selesai, .en): "Done"
        case (.ditolak, .id): "Ditolak"
        case (.ditolak, .en): "Turned down"
        case (.bukanKewenangan, .id): "Bukan kewenangan pemerintah kabupaten"
        case (.bukanKewenangan, .en): "Not the kabupaten's responsibility"
        case (.diarsipkan, .id): "Diarsipkan"
        case (.diarsipkan, .en): "Archived"
        }
    }
}

/// Who may see a complaint and its reporter.
public enum ComplaintPrivacy: String, Sendable, CaseIterable, Codable {
    /// Public, with the reporter's pseudonym.
    case publik
    /// Public, the reporter hidden from everyone but the admins who handle it.
    case anonim
    /// Never public: only the reporter, the admins and the agency it is passed to.
    case rahasia

    public var isPublic: Bool { self != .rahasia }
    public var showsReporter: Bool { self == .publik }
}

/// A step on a complaint, and whose it is.
public enum ComplaintAction: String, Sendable, CaseIterable, Codable {
    case verify, hold, notCompetent = "not_competent", archive, reject
    case dispose
    case respond
    case finish
    case reopen

    public enum Owner: Sendable, Equatable { case admin, agency, reporter, adminOrAgency }

    public var owner: Owner {
        switch self {
        case .verify, .hold, .notCompetent, .archive, .reject, .dispose: .admin
        case .respond: .agency
        case .finish: .adminOrAgency
        case .reopen: .reporter
        }
    }
}

/// The status machine of a complaint.
public enum ComplaintWorkflow {
    static let transitions: [ComplaintStatus: [ComplaintAction: ComplaintStatus]] = [
        .diterima: [.verify: .diverifikasi, .hold: .ditahan, .notCompetent: .bukanKewenangan, .archive: .diarsipkan, .reject: .ditolak],
        .ditahan: [.verify: .diverifikasi, .notCompetent: .bukanKewenangan, .archive: .diarsipkan, .reject: .ditolak],
        .diverifikasi: [.dispose: .didisposisikan, .reject: .ditolak],
        .didisposisikan: [.respond: .ditindaklanjuti, .dispose: .didisposisikan],
        .ditindaklanjuti: [.respond: .ditindaklanjuti, .finish: .selesai],
        .selesai: [.reopen: .didisposisikan],
    ]

    public enum Problem: Error, Sendable, Equatable {
        case notFromStatus(ComplaintStatus, ComplaintAction)
        /// A reporter reopens once only.
        case alreadyReopened
    }

    /// The status `action` leads to from `status`. `reopened` says whether the reporter has reopened it before.
    public static func next(_ action: ComplaintAction, from status: ComplaintStatus, reopened: Bool = false) -> Result<ComplaintStatus, Problem> {
        guard let next = transitions[status]?[action] else { return .failure(.notFromStatus(status, action)) }
        if action == .reopen, reopened { return .failure(.alreadyReopened) }
        return .success(next)
    }

    public static func actions(from status: ComplaintStatus) -> [ComplaintAction] {
        let available = transitions[status] ?? [:]
        return ComplaintAction.allCases.filter { available[$0] != nil }
    }
}

/// The service-level clocks: the admin verifies within 3 working days of receipt, the agency answers within
/// 5 working days of the disposition (a reopened complaint starts the agency's clock again).
public struct ComplaintClock: Sendable {
    public static let verifyWithin = 3
    public static let respondWithin = 5

    public let calendar: WorkingDayCalendar

    public init(calendar: WorkingDayCalendar) { self.calendar = calendar }

    public enum Stage: Sendable, Equatable {
        case verification(due: LocalDate)
        case response(due: LocalDate)
    }

    /// The clock running for a complaint in `status`, started on `since` (receipt, or the last disposition).
    public func stage(_ status: ComplaintStatus, since: LocalDate) -> Stage? {
        switch status {
        case .diterima, .ditahan: .verification(due: calendar.adding(workingDays: Self.verifyWithin, to: since))
        case .didisposisikan: .response(due: calendar.adding(workingDays: Self.respondWithin, to: since))
        default: nil
        }
    }

    /// Late when today is past the due date.
    public func isOverdue(_ status: ComplaintStatus, since: LocalDate, today: LocalDate) -> Bool {
        switch stage(status, since: since) {
        case let .verification(due)?, let .response(due)?: due < today
        case nil: false
        }
    }

    /// Working days an agency took to answer, from the disposition to its first answer.
    public func responseDays(disposed: LocalDate, answered: LocalDate) -> Int {
        max(0, calendar.workingDays(from: disposed, to: answered))
    }
}

/// Which complaints the public sees: not rahasia, and only once an admin has verified them (received and
/// held complaints may be spam or need more detail; archived and turned-down ones stay out of sight).
public enum ComplaintVisibility {
    public static let publicStatuses: Set<ComplaintStatus> = [.diverifikasi, .didisposisikan, .ditindaklanjuti, .selesai, .bukanKewenangan]

    public static func isPublic(_ privacy: ComplaintPrivacy, _ status: ComplaintStatus) -> Bool {
        privacy.isPublic && publicStatuses.contains(status)
    }
}

extension ComplaintAction {
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.verify, .id): "Verifikasi"
        case (.verify, .en): "Verify"
        case (.hold, .id): "Minta keterangan pelapor"
        case (.hold, .en): "Ask the reporter for more"
        case (.notCompetent, .id): "Bukan kewenangan"
        case (.notCompetent, .en): "Not our responsibility"
        case (.archive, .id): "Arsipkan"
        case (.archive, .en): "Archive"
        case (.reject, .id): "Tolak"
        case (.reject, .en): "Turn down"
        case (.dispose, .id): "Disposisikan ke perangkat daerah"
        case (.dispose, .en): "Pass to an agency"
        case (.respond, .id): "Kirim tindak lanjut"
        case (.respond, .en): "Send the follow-up"
        case (.finish, .id): "Nyatakan selesai"
        case (.finish, .en): "Mark as done"
        case (.reopen, .id): "Buka kembali"
        case (.reopen, .en): "Reopen"
        }
    }
}
