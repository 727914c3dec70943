import Fluent
import Foundation
import RembukCore

/// The demo's discussions: Bappeda asks about next year's priorities, a citizen raises flooding and an agency
/// answers, and one discussion closed with its public reason; all through the same commands as in use.
enum DemoDiscussions {
    static func load(in ctx: Invocation) async throws {
        guard try await DiscussionThread.query(on: ctx.db).count() == 0, let citizen = try await DemoProjects.citizen(in: ctx) else { return }
        let admin = try await DemoProjects.principal(for: nil, in: ctx)
        let pupr = try await DemoProjects.principal(for: "dinas-pupr", in: ctx)
        let today = ctx.today
        func at(_ principal: Principal, _ daysAgo: Int, hour: Int = 9) -> Invocation {
            Invocation(app: ctx.app, principal: principal, now: today.adding(days: -daysAgo).startOfDay().addingTimeInterval(Double(hour) * 3_600))
        }
        let kabupaten = ctx.settings.kabupaten.value
        let priorities = try await open(.init(
            title: "Prioritas pembangunan tahun \(today.year + 1): apa yang paling mendesak di desa Anda?",
            body: "Bappelitbangda sedang menyusun rancangan awal RKPD tahun \(today.year + 1).\n\nCeritakan kebutuhan yang paling mendesak di desa atau kelurahan Anda: jalan, air bersih, sekolah, layanan kesehatan, atau usaha warga. Masukan di sini menjadi bahan diskusi Musrenbang; usulan resmi tetap diajukan lewat menu Usulan.",
            topic: "umum", region: kabupaten), by: at(admin, 6))
        let need = try await comment(on: priorities, "Di Citalang air bersih masih sulit saat kemarau; sumur warga kering sejak Agustus.", by: at(citizen, 5))
        _ = try await comment(on: priorities, "Terima kasih, Bu Siti. Kebutuhan air bersih Citalang kami catat untuk dibahas bersama Dinas PUPR di Musrenbang Kecamatan.",
                              replyTo: need, by: at(admin, 4))
        let flooding = try await open(.init(
            title: "Banjir di Jalan Veteran setiap musim hujan: drainase atau sumur resapan?",
            body: "Setiap hujan deras, air menggenang setinggi lutut di Jalan Veteran dekat pasar. Saluran yang ada tersumbat sampah.\n\nMana yang lebih tepat diusulkan tahun depan: normalisasi drainase atau sumur resapan di permukiman?",
            topic: Bidang.infrastruktur.rawValue, region: "32.14.01"), by: at(citizen, 3))
        _ = try await comment(on: flooding, "Dinas PUPR: keduanya saling melengkapi. Normalisasi saluran bisa masuk pemeliharaan rutin; sumur resapan cocok diusulkan per RT lewat Musrenbang Desa.",
                              by: at(pupr, 2, hour: 14))
        let schedule = try await open(.init(
            title: "Kapan Musrenbang Kecamatan Purwakarta tahun ini diadakan?",
            body: "Saya ingin ikut sebagai perwakilan karang taruna. Apakah jadwalnya sudah ditentukan dan bagaimana cara mendaftar sebagai peserta?",
            topic: "umum", region: "32.14.01"), by: at(citizen, 10))
        guard case .done = try await CloseDiscussion(close: true).run(
            schedule, .init(reason: "Sudah dijawab: jadwal Musrenbang diumumkan di menu Informasi dan di Jadwal perencanaan."), in: at(admin, 9)) else {
            throw LoadDemoData.DemoProblem(description: "closing a demo discussion")
        }
    }

    static func open(_ input: OpenDiscussion.Input, by ctx: Invocation) async throws -> DiscussionThread {
        guard case let .opened(thread) = try await OpenDiscussion().run(input, in: ctx) else {
            throw LoadDemoData.DemoProblem(description: "demo discussion \(input.title ?? "")")
        }
        return thread
    }

    static func comment(on thread: DiscussionThread, _ body: String, replyTo parent: Comment? = nil, by ctx: Invocation) async throws -> Comment {
        guard case let .posted(comment) = try await PostComment().run(on: .thread(thread), .init(body: body, parent: parent?.id?.uuidString), in: ctx) else {
            throw LoadDemoData.DemoProblem(description: "demo comment on \(thread.title)")
        }
        return comment
    }
}
