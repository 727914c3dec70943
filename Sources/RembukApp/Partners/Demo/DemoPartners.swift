import Fluent
import Foundation
import RembukCore

/// The demo's partners: an environmental foundation working with DLH (its user is the demo mitra account),
/// a company's CSR paying for the UMKM training, and a community group without an agreement yet.
enum DemoPartners {
    static let organisations: [(name: String, kind: PartnerKind, description: String, website: String)] = [
        ("Yayasan Citarum Lestari", .lsm,
         "Yayasan lingkungan yang mendampingi bank sampah RW dan penghijauan bantaran sungai di hulu Citarum sejak 2015.", "https://citarumlestari.or.id"),
        ("PT Sinar Purwakarta Sejahtera", .csr,
         "Program tanggung jawab sosial perusahaan untuk pengembangan UMKM di sekitar kawasan industri.", ""),
        ("Komunitas Purwakarta Berkebun", .komunitas,
         "Relawan kebun kota dan pembibitan di lahan tidur; terbuka untuk warga yang ingin belajar berkebun.", ""),
    ]

    /// Before the staff accounts: the mitra account names one of these.
    static func createOrganisations(in ctx: Invocation) async throws {
        for organisation in organisations where try await Partner.query(on: ctx.db).filter(\.$name == organisation.name).first() == nil {
            let input = SavePartner.Input(name: organisation.name, kind: organisation.kind.rawValue, description: organisation.description, website: organisation.website)
            if case let .invalid(errors) = try await SavePartner().run(input, in: ctx) {
                throw LoadDemoData.DemoProblem(description: "demo partner \(organisation.name): \(errors.fields.mapValues(\.en))")
            }
        }
    }

    /// After the programmes and projects: agreements covering them, and what was given.
    static func load(in ctx: Invocation) async throws {
        guard try await Agreement.query(on: ctx.db).count() == 0 else { return }
        let today = ctx.today
        let allPrograms = try await Program.query(on: ctx.db).all()
        func programs(of agency: String) -> [String] { allPrograms.filter { $0.agency == agency }.compactMap { $0.id?.uuidString } }
        let projects = try await Project.query(on: ctx.db).filter(\.$agency == "dlh").all().compactMap { $0.id?.uuidString }
        let start = today.adding(days: -90)
        let plans: [(partner: String, agency: String, number: String, scope: String, programs: [String], projects: [String],
                     given: [(ContributionKind, String, String, Int)])] = [
            (PartnerCode.make("Yayasan Citarum Lestari"), "dlh", "660.1/PKS.04/DLH/\(start.year)",
             "Pendampingan bank sampah tingkat RW dan penghijauan bantaran Sungai Cilalawi: pelatih, relawan, dan bibit pohon.",
             programs(of: "dlh"), projects,
             [(.barang, "Pelatih bank sampah untuk dua sesi pelatihan", "3.000.000", 44), (.barang, "600 bibit mahoni dan trembesi", "9.000.000", 10)]),
            (PartnerCode.make("PT Sinar Purwakarta Sejahtera"), "dinas-koperasi-ukm", "500/PKS.11/KUKM/\(today.year)",
             "Dukungan CSR untuk pelatihan pemasaran digital UMKM makanan olahan: honor narasumber, konsumsi, dan paket foto produk.",
             programs(of: "dinas-koperasi-ukm"), [],
             [(.uang, "Dana pelatihan pemasaran digital UMKM", "25.000.000", 3)]),
        ]
        for plan in plans {
            let partner = try await PartnerGuard.find(plan.partner, on: ctx.db)
            let input = SaveAgreement.Input(agency: plan.agency, document_number: plan.number, scope: plan.scope, starts_on: start.iso,
                                            ends_on: start.adding(days: 729).iso, programs: plan.programs, projects: plan.projects)
            guard case let .saved(agreement) = try await SaveAgreement().run(partner, input, in: ctx) else {
                throw LoadDemoData.DemoProblem(description: "demo agreement \(plan.number)")
            }
            for (kind, description, value, daysAgo) in plan.given {
                let input = RecordContribution.Input(kind: kind.rawValue, description: description, value: value, given_on: today.adding(days: -daysAgo).iso)
                guard case .recorded = try await RecordContribution().run(agreement, input, in: ctx) else {
                    throw LoadDemoData.DemoProblem(description: "demo contribution \(description)")
                }
            }
        }
    }
}
