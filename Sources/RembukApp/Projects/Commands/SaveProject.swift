import Fluent
import Foundation
import RembukCore

/// An OPD (or Bappeda) creates a project, from accepted usulan or directly, or edits its details.
/// Creating one budgets its usulan (their timelines say so). The pagu changes only through
/// `ChangeProjectPagu`, which keeps the reason; the agency and the usulan stay as created.
struct SaveProject {
    struct Input: Codable, Sendable {
        var title: String?
        var description: String?
        var agency: String?
        var bidang: String?
        var year: String?
        var sub_kegiatan: String?
        var nomenclature: String?
        var funding_source: String?
        var pagu: String?
        var contractor: String?
        var desa_code: String?
        var latitude: String?
        var longitude: String?
        var planned_start: String?
        var planned_end: String?
        var usulan: [String]?
    }

    enum Outcome {
        case saved(Project)
        case invalid(FormErrors)
    }

    static let maximumPagu: Int64 = 1_000_000_000_000

    /// The project being edited, or nil to create one.
    var existing: Project?

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard let account = ctx.principal.accountID ?? (ctx.identity == .system ? UUID() : nil) else { throw UserFacingError.signInRequired }
        if let existing { try ProjectGuard.requireManager(existing, ctx) }
        if existing?.projectStatus == .selesai { throw ProjectGuard.finished }
        var errors = FormErrors()
        func text(_ raw: String?, _ field: String, _ range: ClosedRange<Int>, _ message: Phrase, multiline: Bool = false) -> String {
            let value = multiline ? TextInput.clean(raw ?? "") : CleanText.line(raw ?? "")
            if !range.contains(value.count) { errors.add(field, message) }
            return value
        }
        let title = text(input.title, "title", 10...200, Phrase("Tulis nama kegiatan (10–200 huruf), seperti di papan proyek.", "Enter the activity's name (10–200 characters)."))
        let description = text(input.description, "description", 0...3000, Phrase("Uraian paling panjang 3.000 huruf.", "At most 3,000 characters."), multiline: true)

        let agencyID = existing?.agency ?? (input.agency ?? "")
        if existing == nil {
            if try await Agency.find(agencyID, on: ctx.db) == nil {
                errors.add("agency", Phrase("Pilih perangkat daerah pelaksana.", "Choose the agency carrying it out."))
            } else if !ctx.actor.can(.actForAgency(agencyID)) {
                throw UserFacingError(.forbidden, Phrase("Anda hanya bisa membuat proyek untuk perangkat daerah Anda sendiri.", "You can only create projects for your own agency."))
            }
        }
        let bidang = Bidang(rawValue: input.bidang ?? "")
        if bidang == nil { errors.add("bidang", Phrase("Pilih bidang.", "Choose a sector.")) }
        let year = Int((input.year ?? "").trimmingCharacters(in: .whitespaces))
        if year == nil || !(2020...2100).contains(year!) { errors.add("year", Phrase("Tahun anggaran berupa tahun, misalnya 2027.", "The budget year, e.g. 2027.")) }
        let code = SubKegiatanCode(input.sub_kegiatan ?? "")
        if code == nil {
            errors.add("sub_kegiatan", Phrase("Kode sub-kegiatan seperti 1.03.02.2.01.0001 (urusan.bidang.program.kegiatan.sub-kegiatan).",
                                              "A sub-activity code like 1.03.02.2.01.0001."))
        }
        let nomenclature = Nomenclature(rawValue: input.nomenclature ?? "")
        if nomenclature == nil { errors.add("nomenclature", Phrase("Pilih versi nomenklatur.", "Choose the nomenclature version.")) }
        let source = FundingSource(rawValue: input.funding_source ?? "")
        if source == nil { errors.add("funding_source", Phrase("Pilih sumber dana.", "Choose the funding source.")) }

        var pagu = existing?.pagu ?? 0
        if existing == nil {
            if let parsed = Rupiah.parse(input.pagu ?? ""), parsed.amount > 0, parsed.amount <= Self.maximumPagu {
                pagu = parsed.amount
            } else {
                errors.add("pagu", Phrase("Pagu dalam rupiah, lebih dari 0, misalnya 450.000.000.", "The budget in whole rupiah above 0, e.g. 450.000.000."))
            }
        }
        let contractor = text(input.contractor, "contractor", 0...150, Phrase("Nama pelaksana paling panjang 150 huruf.", "At most 150 characters."))

        let desa = try await ctx.region(input.desa_code, at: .desa)
        if desa == nil {
            errors.add("desa_code", Phrase("Pilih desa/kelurahan lokasi kegiatan.", "Choose the village where the work is."))
        }
        let point = TypedLocation.point(latitude: input.latitude, longitude: input.longitude, errors: &errors)
        let start = LocalDate(iso: (input.planned_start ?? "").trimmingCharacters(in: .whitespaces))
        let end = LocalDate(iso: (input.planned_end ?? "").trimmingCharacters(in: .whitespaces))
        if start == nil { errors.add("planned_start", Phrase("Isi tanggal rencana mulai.", "Enter the planned start.")) }
        if end == nil { errors.add("planned_end", Phrase("Isi tanggal rencana selesai.", "Enter the planned end.")) }
        if let start, let end, end < start {
            errors.add("planned_end", Phrase("Rencana selesai tidak boleh sebelum rencana mulai.", "The planned end cannot be before the start."))
        }

        let usulan = existing == nil ? try await linkable(input.usulan ?? [], agency: agencyID, errors: &errors, on: ctx.db) : []
        guard errors.isEmpty, let bidang, let year, let code, let nomenclature, let source, let desa, let start, let end else { return .invalid(errors) }

        let project = existing ?? Project()
        let before = existing.map(Self.summary)
        project.title = title
        project.description = description
        project.bidang = bidang.rawValue
        project.year = year
        project.subKegiatan = code.value
        project.nomenclature = nomenclature.rawValue
        project.fundingSource = source.rawValue
        project.contractor = contractor
        project.desaCode = desa.value
        project.kecamatanCode = desa.parent?.value ?? ""
        project.latitude = point?.latitude
        project.longitude = point?.longitude
        project.plannedStart = start.iso
        project.plannedEnd = end.iso
        if existing == nil {
            project.agency = agencyID
            project.pagu = pagu
            project.status = ProjectStatus.perencanaan.rawValue
            project.progress = 0
            project.realised = 0
            project.createdBy = account
        }
        let creating = existing == nil
        let linked = usulan
        do {
            try await ctx.writes.transaction { db in
                if creating {
                    try await project.create(on: db)
                    let id = try project.requireID()
                    for item in linked { try await ProjectUsulan(projectID: id, usulanID: item.requireID()).create(on: db) }
                    try await ProjectEvent(projectID: id, kind: .created, from: "", to: ProjectStatus.perencanaan.rawValue,
                                           note: "", actor: ctx.identity.label, at: ctx.now).create(on: db)
                    try await ProjectGuard.audit(project, "project.created",
                                                 "\(Rupiah(project.pagu).formatted), \(source.label(.id)), sub-kegiatan \(code.value)"
                                                 + (linked.isEmpty ? "" : "; usulan " + linked.map(\.number).joined(separator: ", ")), ctx: ctx, on: db)
                    try await ProjectGuard.moveLinkedUsulan(linked, to: .perencanaan, project: project, ctx: ctx, on: db)
                } else {
                    try await project.update(on: db)
                    let after = Self.summary(project)
                    if after != before {
                        try await ProjectGuard.audit(project, "project.edited", after, ctx: ctx, on: db)
                    }
                }
            }
        } catch where error.isConstraintFailure {
            errors.add("usulan", Phrase("Salah satu usulan baru saja dijadikan proyek lain; muat ulang halamannya.",
                                        "One of the proposals has just become another project; reload the page."))
            return .invalid(errors)
        }
        return .saved(project)
    }

    /// The usulan named in the form, each checked: accepted, aimed at this agency, in no project yet.
    func linkable(_ ids: [String], agency: String, errors: inout FormErrors, on db: any Database) async throws -> [Usulan] {
        let wanted = Array(Set(ids.compactMap { UUID(uuidString: $0) }))
        if wanted.count != Set(ids.filter { !$0.isEmpty }).count {
            errors.add("usulan", Phrase("Usulan yang dipilih tidak dikenal.", "Unknown proposal chosen."))
        }
        guard !wanted.isEmpty else { return [] }
        let found = try await Usulan.query(on: db).filter(\.$id ~~ wanted).all()
        let taken = Set(try await ProjectUsulan.query(on: db).filter(\.$usulan.$id ~~ wanted).all().map(\.$usulan.id))
        var problems: [String] = []
        for item in found {
            if !ProjectStatus.linkableUsulan.contains(item.workflowStatus) {
                problems.append("\(item.number) berstatus \(item.workflowStatus.label(.id))")
            } else if item.targetAgency != agency {
                problems.append("\(item.number) ditangani perangkat daerah lain")
            } else if taken.contains(item.id!) {
                problems.append("\(item.number) sudah menjadi proyek lain")
            }
        }
        if found.count != wanted.count { problems.append("ada usulan yang tidak ditemukan") }
        if !problems.isEmpty {
            errors.add("usulan", Phrase("Usulan ini tidak bisa dijadikan proyek: " + problems.joined(separator: "; ") + ". Yang bisa: usulan yang sudah diterima perangkat daerah ini atau masuk RKPD.",
                                        "These proposals cannot become a project: " + problems.joined(separator: "; ") + "."))
        }
        return found.sorted { $0.title < $1.title }
    }

    /// The editable facts in one line, for the audit record of an edit.
    static func summary(_ project: Project) -> String {
        ["\(project.title)", project.bidang, "sub-kegiatan \(project.subKegiatan) (\(project.nomenclature))", project.fundingSource,
         "pelaksana \(project.contractor.isEmpty ? "-" : project.contractor)", "lokasi \(project.desaCode)",
         project.point.map { "\($0.latitude),\($0.longitude)" } ?? "tanpa koordinat",
         "\(project.plannedStart)–\(project.plannedEnd)", project.description.isEmpty ? "" : "uraian \(project.description.count) huruf"]
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }
}
