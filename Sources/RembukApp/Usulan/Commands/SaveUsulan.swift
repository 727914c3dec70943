import Fluent
import Foundation
import RembukCore

/// A citizen (or an operator on behalf of a group) saves an usulan as a draft, or submits it.
/// A draft needs only a title and a desa; submitting needs everything, checked field by field.
struct SaveUsulan {
    struct Input: Codable, Sendable {
        var title: String?
        var problem: String?
        var proposal: String?
        var bidang: String?
        var desa_code: String?
        var address: String?
        var rt: String?
        var rw: String?
        var latitude: String?
        var longitude: String?
        var volume: String?
        var satuan: String?
        var cost: String?
        var beneficiaries: String?
        var proposer_group: String?
        var target_agency: String?
        var kamus: String?
        var aksi: String?
    }

    enum Intent: String { case check = "periksa", draft = "draf", submit = "ajukan" }

    enum Outcome {
        case saved(Usulan)
        case checked([SimilarUsulan])
        case invalid(FormErrors)
    }

    static let maximumCost: Int64 = 50_000_000_000

    /// Who may change an usulan already written: its proposer, or the operator of its desa, while it is a draft or
    /// has been returned for revision. The edit page and the upload of its files ask this too, before reading anything.
    static func mayEdit(_ usulan: Usulan, accountID: UUID?, actor: Actor) -> Bool {
        guard let accountID, let parties = usulan.parties, [.draft, .revisi].contains(usulan.workflowStatus) else { return false }
        return usulan.proposerID == accountID || actor.covers(parties.desa, as: [.operatorDesa])
    }

    /// `existing` is a draft or a returned usulan being edited by its proposer. `attachments` are the ids
    /// the form keeps (the usulan's own and the proposer's pending uploads); `uploadErrors` name files
    /// refused on the way in, which makes the form invalid so the person sees them before anything is saved.
    func run(_ input: Input, attachments: [UUID] = [], uploadErrors: FormErrors = FormErrors(), existing: Usulan?,
             in ctx: Invocation) async throws -> Outcome {
        guard let account = ctx.principal.account, let accountID = account.id else { throw UserFacingError.signInRequired }
        try ctx.requireScope(.usulanWrite)
        let intent = Intent(rawValue: input.aksi ?? "") ?? .submit
        if let existing, !Self.mayEdit(existing, accountID: accountID, actor: ctx.actor) { throw UserFacingError.forbidden }
        var errors = uploadErrors
        let fields = try await UsulanFields.validate(input, complete: intent != .draft, in: ctx, errors: &errors)
        let kept = try await AttachmentSet.candidates(ids: attachments, subjectType: "usulan", subjectID: existing?.id?.uuidString,
                                                      owner: accountID, on: ctx.db)
        if kept.count > AttachmentSet.maximum {
            errors.add(StoreUploads.field, Phrase("Paling banyak \(AttachmentSet.maximum) lampiran; hilangkan centang pada yang tidak perlu.",
                                                  "At most \(AttachmentSet.maximum) attachments; untick the ones not needed."))
        }
        // Only a first submission waits for the collecting phase; a returned usulan may be fixed any time.
        var cycleYear: Int?
        if intent == .submit, existing?.workflowStatus != .revisi {
            let window = try await SubmissionWindow.on(ctx.today, db: ctx.db)
            if let open = window.open { cycleYear = open.year } else { errors.add(window.closedMessage) }
        }
        guard errors.isEmpty, let fields else { return .invalid(errors) }
        if intent == .check {
            return .checked(try await SimilarUsulan.find(for: fields, excluding: existing?.id, on: ctx.db))
        }

        let usulan = existing ?? Usulan()
        fields.apply(to: usulan)
        if existing == nil {
            usulan.proposerID = accountID
            usulan.enteredBy = ctx.principal.enteredBy
            usulan.status = UsulanStatus.draft.rawValue
            usulan.supportCount = 0
            usulan.year = ctx.today.year + 1   // planned in year N for the budget of N+1
        }
        if let cycleYear { usulan.year = cycleYear }
        let from = usulan.workflowStatus
        var to = from
        if intent == .submit {
            let step: UsulanStep = from == .revisi ? .resubmit : .submit
            guard let parties = usulan.parties else { throw UserFacingError.notFound }
            switch UsulanWorkflow.take(step, from: from, by: ctx.actor, on: UsulanParties(
                desa: parties.desa, targetAgency: usulan.targetAgency, proposerAccountID: usulan.proposerID.uuidString)) {
            case let .success(next): to = next
            case .failure: throw UserFacingError.forbidden
            }
        }
        // A first submission counts against the citizen's daily allowance (staff are accountable by name instead).
        let throttle = intent == .submit && from == .draft && Throttle.applies(to: ctx.actor) ? Throttle.key(.submit, account: accountID) : nil
        if let throttle { try await Throttle.check(.submit, key: throttle, in: ctx) }
        let identity = ctx.identity
        let now = ctx.now
        let isNew = existing == nil
        let target = to
        try await ctx.writes.transaction { db in
            if let throttle { try await Throttle.record(.submit, key: throttle, on: db, in: ctx) }
            usulan.status = target.rawValue
            if target == .diajukan { usulan.submittedAt = now }
            if isNew { try await usulan.create(on: db) } else { try await usulan.update(on: db) }
            try await UsulanTermIndex.replace(for: usulan, on: db)
            if target == .diajukan { try await Participants.record(year: usulan.year, account: usulan.proposerID, on: db) }
            let id = try usulan.requireID()
            if from != target {
                try await UsulanTimeline.record(usulan, step: from == .revisi ? .resubmit : .submit, from: from, to: target,
                                                actor: identity, note: "", on: db, now: now)
            } else {
                try await AuditLog.append(AuditDraft(actor: identity, action: isNew ? "usulan.draft_created" : "usulan.draft_updated",
                                                     subjectType: "usulan", subjectID: id.uuidString, regionCode: usulan.desaCode,
                                                     summary: "draf (belum publik)"), on: db, now: now)
            }
            let change = try await AttachmentSet.attach(kept, subjectType: "usulan", subjectID: id.uuidString, on: db)
            if !change.isEmpty {
                try await AuditLog.append(AuditDraft(actor: identity, action: "usulan.attachments_changed", subjectType: "usulan",
                                                     subjectID: id.uuidString, regionCode: usulan.desaCode, summary: change), on: db, now: now)
            }
        }
        return .saved(usulan)
    }
}

/// The checked fields of an usulan form.
struct UsulanFields: Sendable {
    var title: String
    var problem: String
    var proposal: String
    var bidang: Bidang
    var desa: RegionCode
    var address: String
    var rt: Int?
    var rw: Int?
    var point: GeoPoint?
    var volume: Double
    var satuan: String
    var cost: Int64
    var beneficiaries: Int
    var proposerGroup: String
    var targetAgency: String
    var kamusID: UUID?

    func apply(to usulan: Usulan) {
        usulan.title = title
        usulan.problem = problem
        usulan.proposal = proposal
        usulan.bidang = bidang.rawValue
        usulan.desaCode = desa.value
        usulan.kecamatanCode = desa.ancestor(at: .kecamatan)?.value ?? desa.value
        usulan.address = address
        usulan.rt = rt
        usulan.rw = rw
        usulan.latitude = point?.latitude
        usulan.longitude = point?.longitude
        usulan.volume = volume
        usulan.satuan = satuan
        usulan.cost = cost
        usulan.beneficiaries = beneficiaries
        usulan.proposerGroup = proposerGroup
        usulan.targetAgency = targetAgency
        usulan.kamusID = kamusID
        usulan.searchTerms = Usulan.terms(title: title, problem: problem, proposal: proposal)
    }

    /// Checks every field; `complete` is false for a draft, which needs only a title and a desa.
    static func validate(_ input: SaveUsulan.Input, complete: Bool, in ctx: Invocation, errors: inout FormErrors) async throws -> UsulanFields? {
        func text(_ raw: String?, _ field: String, _ range: ClosedRange<Int>, _ what: Phrase, required: Bool) -> String {
            let value = TextInput.clean(raw ?? "")
            if value.isEmpty {
                if required { errors.add(field, what) }
            } else if !range.contains(value.count) {
                errors.add(field, Phrase("Panjangnya \(range.lowerBound)–\(range.upperBound) huruf (sekarang \(value.count)).",
                                         "Use \(range.lowerBound)–\(range.upperBound) characters (now \(value.count))."))
            }
            return value
        }
        var kamus: KamusItem?
        if let chosen = input.kamus, !chosen.isEmpty {
            if let id = UUID(uuidString: chosen), let item = try await KamusItem.find(id, on: ctx.db), item.active { kamus = item } else {
                errors.add("kamus", Phrase("Pilih item dari kamus usulan, atau kosongkan.", "Choose an item of the catalogue, or leave it empty."))
            }
        }
        let title = text(input.title, "title", 10...150, Phrase("Tulis judul usulan.", "Enter a title."), required: true)
        let problem = text(input.problem, "problem", 20...2000, Phrase("Jelaskan masalahnya.", "Describe the problem."), required: complete)
        let proposal = text(input.proposal, "proposal", 20...2000, Phrase("Jelaskan apa yang diusulkan.", "Describe what you propose."), required: complete)
        let bidang = Bidang(rawValue: input.bidang ?? "") ?? kamus?.sector
        if bidang == nil, complete || !(input.bidang ?? "").isEmpty { errors.add("bidang", Phrase("Pilih bidang.", "Choose a sector.")) }

        let desa = try await ctx.region(input.desa_code, at: .desa)
        if desa == nil {
            errors.add("desa_code", Phrase("Pilih desa/kelurahan di \(ctx.settings.kabupaten.value).", "Choose a village in \(ctx.settings.kabupaten.value)."))
        }
        let address = text(input.address, "address", 5...200, Phrase("Tulis alamat lokasi (dusun, jalan, patokan).", "Enter the location's address."), required: complete)
        func small(_ raw: String?, _ field: String, _ label: String) -> Int? {
            let value = (raw ?? "").trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { return nil }
            guard let n = Int(value), (1...999).contains(n) else {
                errors.add(field, Phrase("\(label) berupa angka 1–999.", "\(label) is a number 1–999."))
                return nil
            }
            return n
        }
        let rt = small(input.rt, "rt", "RT")
        let rw = small(input.rw, "rw", "RW")

        let point = TypedLocation.point(latitude: input.latitude, longitude: input.longitude, errors: &errors)

        var volume = 0.0
        let volumeText = (input.volume ?? "").trimmingCharacters(in: .whitespaces)
        if !volumeText.isEmpty || complete {
            if let v = DecimalText.volume(volumeText) { volume = v } else {
                errors.add("volume", Phrase("Volume berupa angka lebih dari 0, misalnya 500 atau 2,5.", "Volume is a number above 0, e.g. 500 or 2.5."))
            }
        }
        let satuan = kamus?.satuan ?? text(input.satuan, "satuan", 1...30, Phrase("Tulis satuannya (m, unit, paket, orang …).", "Enter the unit (m, unit, package, people …)."), required: complete)

        var cost: Int64 = 0
        let costText = (input.cost ?? "").trimmingCharacters(in: .whitespaces)
        if let kamus {
            // From the kamus the cost is the catalogue's: volume × unit price, in whole rupiah.
            let computed = (volume * Double(kamus.unitPrice)).rounded()
            if computed > Double(SaveUsulan.maximumCost) {
                errors.add("volume", Phrase("Volume × harga satuan melebihi \(Rupiah(SaveUsulan.maximumCost).formatted); periksa volumenya.",
                                            "Volume × unit price exceeds \(Rupiah(SaveUsulan.maximumCost).formatted); check the volume."))
            } else {
                cost = Int64(computed)
            }
        } else if !costText.isEmpty || complete {
            if let parsed = Rupiah.parse(costText), parsed.amount > 0, parsed.amount <= SaveUsulan.maximumCost {
                cost = parsed.amount
            } else if let parsed = Rupiah.parse(costText), parsed.amount > SaveUsulan.maximumCost {
                errors.add("cost", Phrase("Perkiraan biaya lebih dari \(Rupiah(SaveUsulan.maximumCost).formatted); periksa lagi angkanya.",
                                          "The estimate is above \(Rupiah(SaveUsulan.maximumCost).formatted); check the figure."))
            } else {
                errors.add("cost", Phrase("Perkiraan biaya dalam rupiah, lebih dari 0, misalnya 150.000.000.", "The estimate in whole rupiah above 0, e.g. 150.000.000."))
            }
        }
        var beneficiaries = 0
        let beneficiariesText = (input.beneficiaries ?? "").replacingOccurrences(of: ".", with: "").trimmingCharacters(in: .whitespaces)
        if !beneficiariesText.isEmpty {
            if let n = Int(beneficiariesText), (0...5_000_000).contains(n) { beneficiaries = n } else {
                errors.add("beneficiaries", Phrase("Jumlah penerima manfaat berupa angka 0–5.000.000.", "Beneficiaries is a number 0–5,000,000."))
            }
        }
        let group = text(input.proposer_group, "proposer_group", 2...100, Phrase("", ""), required: false)

        var agency = kamus?.agency ?? ""
        if agency.isEmpty, let bidang { agency = try await AgencyRouting.agency(for: bidang, kabupaten: ctx.settings.kabupaten.value, on: ctx.db) ?? "" }
        if let chosen = input.target_agency, !chosen.isEmpty {
            if let found = try await Agency.find(chosen, on: ctx.db), found.active { agency = chosen } else {
                errors.add("target_agency", Phrase("Pilih perangkat daerah dari daftar.", "Choose an agency from the list."))
            }
        }
        guard errors.isEmpty, let desa else { return nil }
        return UsulanFields(title: title, problem: problem, proposal: proposal, bidang: bidang ?? .infrastruktur, desa: desa,
                            address: address, rt: rt, rw: rw, point: point, volume: volume, satuan: satuan, cost: cost,
                            beneficiaries: beneficiaries, proposerGroup: group, targetAgency: agency, kamusID: kamus?.id)
    }
}

/// Free text as people type it: see `CleanText` in RembukCore.
enum TextInput {
    static func clean(_ raw: String) -> String { CleanText.paragraphs(raw) }
}
