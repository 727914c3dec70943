import Fluent
import Foundation
import RembukCore

/// The demo's complaint routing (category → perangkat daerah) and a few complaints at different steps,
/// one of them overdue, filed by the demo citizen and handled through the same commands as in use.
enum DemoComplaints {
    static let routing: [String: String] = [
        "jalan-jembatan": "dinas-pupr", "drainase-banjir": "dinas-pupr", "penerangan-jalan": "dishub", "sampah-lingkungan": "dlh",
        "air-sanitasi": "disperkim", "pendidikan": "disdik", "kesehatan": "dinkes", "bantuan-sosial": "dinsos", "pelayanan-publik": "dpmd",
    ]

    static func load(in ctx: Invocation) async throws {
        try await ctx.writes.transaction { db in
            for category in try await ComplaintCategory.query(on: db).all() where category.agency.isEmpty {
                guard let agency = routing[category.id ?? ""], try await Agency.find(agency, on: db) != nil else { continue }
                category.agency = agency
                try await category.update(on: db)
            }
        }
        guard try await Complaint.query(on: ctx.db).count() == 0, let reporter = try await DemoProjects.citizen(in: ctx) else { return }
        let admin = try await DemoProjects.principal(for: nil, in: ctx)
        let pupr = try await DemoProjects.principal(for: "dinas-pupr", in: ctx)
        let today = ctx.today
        func at(_ principal: Principal, _ daysAgo: Int) -> Invocation {
            Invocation(app: ctx.app, principal: principal, now: today.adding(days: -daysAgo).startOfDay().addingTimeInterval(10 * 3_600))
        }
        let specs: [(category: String, title: String, text: String, desa: String, privacy: ComplaintPrivacy, daysAgo: Int, steps: [(ComplaintAction, Int, String)])] = [
            ("jalan-jembatan", "Jalan berlubang di depan SDN Citalang 1", "Lubang besar di tengah jalan sudah tiga minggu, dua pengendara motor jatuh saat hujan.",
             "32.14.01.2010", .publik, 20, [(.verify, 19, ""), (.dispose, 19, ""), (.respond, 15, "Lubang ditambal sementara dengan aspal dingin; perbaikan permanen masuk paket pemeliharaan bulan depan."),
                                              (.finish, 14, "")]),
            ("penerangan-jalan", "Lampu PJU tenaga surya mati di Jalan Veteran", "Tiga titik lampu tenaga surya yang baru dipasang sudah mati sejak dua minggu.",
             "32.14.04.2001", .anonim, 12, [(.verify, 11, ""), (.dispose, 10, "")]),
            ("sampah-lingkungan", "Tumpukan sampah di bantaran sungai dekat pasar", "Sampah pasar dibuang ke bantaran sungai setiap malam dan baunya sampai ke permukiman.",
             "32.14.03.2001", .publik, 2, []),
        ]
        for spec in specs {
            let form = SubmittedForm(fields: ["category": [spec.category], "title": [spec.title], "text": [spec.text], "desa_code": [spec.desa],
                                              "privacy": [spec.privacy.rawValue], "place": [""]])
            guard case let .submitted(complaint) = try await SubmitComplaint().run(form, in: at(reporter, spec.daysAgo)) else {
                throw LoadDemoData.DemoProblem(description: "demo complaint \(spec.title)")
            }
            for (action, daysAgo, note) in spec.steps {
                let actor = action == .respond ? pupr : admin
                let input = ActOnComplaint.Input(action: action.rawValue, note: note, agency: action == .dispose ? routing[spec.category] : nil)
                guard case .done = try await ActOnComplaint().run(input, complaint: complaint, in: at(actor, daysAgo)) else {
                    throw LoadDemoData.DemoProblem(description: "demo complaint step \(action) on \(spec.title)")
                }
            }
        }
    }
}
