import Fluent
import Foundation
import RembukCore

/// An agency (or Bappeda) records a partnership agreement with a partner: document number, period, scope, and the
/// agency's programmes and projects it covers. Partner users of a covered programme may then help run it.
struct SaveAgreement {
    struct Input: Codable, Sendable {
        var agency: String?
        var document_number: String?
        var scope: String?
        var starts_on: String?
        var ends_on: String?
        var programs: [String]?
        var projects: [String]?
    }

    enum Outcome {
        case saved(Agreement)
        case invalid(FormErrors)
    }

    func run(_ partner: Partner, _ input: Input, in ctx: Invocation) async throws -> Outcome {
        try PartnerGuard.requireSignedIn(ctx)
        let agency = input.agency ?? ""
        var errors = FormErrors()
        if try await Agency.find(agency, on: ctx.db) == nil {
            guard ctx.actor.can(.managePlanning(kabupaten: ctx.settings.kabupaten)) || !ctx.actor.agencies().isEmpty else {
                throw UserFacingError(.forbidden, Phrase("Perjanjian kerja sama dicatat oleh perangkat daerah atau Bappeda.",
                                                         "Agreements are recorded by an agency or Bappeda."))
            }
            errors.add("agency", Phrase("Pilih perangkat daerah yang menandatangani.", "Choose the signing agency."))
        } else if !ctx.actor.can(.actForAgency(agency)) {
            throw UserFacingError(.forbidden, Phrase("Anda hanya bisa mencatat perjanjian untuk perangkat daerah Anda sendiri.",
                                                     "You can only record agreements for your own agency."))
        }
        let number = CleanText.line(input.document_number ?? "")
        if !(3...80).contains(number.count) {
            errors.add("document_number", Phrase("Nomor dokumen perjanjian, misalnya 027/PKS/DLH/2026.", "The agreement's document number."))
        }
        let scope = TextInput.clean(input.scope ?? "")
        if !(10...1000).contains(scope.count) {
            errors.add("scope", Phrase("Ruang lingkup kerja sama, 10–1.000 huruf.", "The agreement's scope, 10–1,000 characters."))
        }
        let start = LocalDate(iso: (input.starts_on ?? "").trimmingCharacters(in: .whitespaces))
        let end = LocalDate(iso: (input.ends_on ?? "").trimmingCharacters(in: .whitespaces))
        if start == nil { errors.add("starts_on", Phrase("Isi tanggal mulai, misalnya 2026-01-01.", "Enter the start date.")) }
        if end == nil { errors.add("ends_on", Phrase("Isi tanggal berakhir, misalnya 2026-12-31.", "Enter the end date.")) }
        if let start, let end, case let .failure(problem) = AgreementPeriod.make(start: start, end: end) {
            switch problem {
            case .endsBeforeStart: errors.add("ends_on", Phrase("Tanggal berakhir tidak boleh sebelum tanggal mulai.", "The end cannot be before the start."))
            case .longerThanFiveYears: errors.add("ends_on", Phrase("Satu perjanjian paling lama lima tahun.", "One agreement lasts at most five years."))
            }
        }
        let programIDs = Set((input.programs ?? []).compactMap(UUID.init(uuidString:)))
        let projectIDs = Set((input.projects ?? []).compactMap(UUID.init(uuidString:)))
        let ownPrograms = try await Program.query(on: ctx.db).filter(\.$id ~~ programIDs).filter(\.$agency == agency).count()
        if programIDs.count != Set((input.programs ?? []).filter { !$0.isEmpty }).count || ownPrograms != programIDs.count {
            errors.add("programs", Phrase("Pilih program milik perangkat daerah yang menandatangani.", "Choose programmes of the signing agency."))
        }
        let ownProjects = try await Project.query(on: ctx.db).filter(\.$id ~~ projectIDs).filter(\.$agency == agency).count()
        if projectIDs.count != Set((input.projects ?? []).filter { !$0.isEmpty }).count || ownProjects != projectIDs.count {
            errors.add("projects", Phrase("Pilih proyek milik perangkat daerah yang menandatangani.", "Choose projects of the signing agency."))
        }
        guard errors.isEmpty, let start, let end else { return .invalid(errors) }
        let agreement = Agreement()
        agreement.id = UUID()
        agreement.partnerCode = try partner.requireID()
        agreement.agency = agency
        agreement.documentNumber = number
        agreement.scope = scope
        agreement.startsOn = start.iso
        agreement.endsOn = end.iso
        agreement.createdMillis = ctx.now.millis
        let id = try agreement.requireID()
        let name = partner.name
        let links = programIDs.map { AgreementLink(agreement: id, subject: .program, id: $0) } + projectIDs.map { AgreementLink(agreement: id, subject: .project, id: $0) }
        try await ctx.writes.transaction { db in
            try await agreement.create(on: db)
            for link in links { try await link.create(on: db) }
            try await PartnerGuard.audit("partner.agreement", partner: name, subjectType: "partner_agreement", subjectID: id.uuidString,
                                         "perjanjian \(number) dengan \(agency), \(DateText.long(start)) s.d. \(DateText.long(end)); \(programIDs.count) program, \(projectIDs.count) proyek",
                                         ctx: ctx, on: db)
        }
        return .saved(agreement)
    }
}

/// The agency of an agreement (or Bappeda) records what the partner gave: money, or goods and services at an estimated value.
struct RecordContribution {
    struct Input: Codable, Sendable {
        var kind: String?
        var description: String?
        var value: String?
        var given_on: String?
    }

    enum Outcome {
        case recorded(Contribution)
        case invalid(FormErrors)
    }

    static let maximum: Int64 = 1_000_000_000_000

    func run(_ agreement: Agreement, _ input: Input, in ctx: Invocation) async throws -> Outcome {
        try PartnerGuard.requireSignedIn(ctx)
        guard ctx.actor.can(.actForAgency(agreement.agency)) else {
            throw UserFacingError(.forbidden, Phrase("Kontribusi dicatat oleh perangkat daerah yang menandatangani perjanjian, atau Bappeda.",
                                                     "Contributions are recorded by the signing agency or Bappeda."))
        }
        var errors = FormErrors()
        let kind = ContributionKind(rawValue: input.kind ?? "")
        if kind == nil { errors.add("kind", Phrase("Pilih bentuk kontribusi: dana atau barang/jasa.", "Choose money or in kind.")) }
        let description = CleanText.line(input.description ?? "")
        if !(3...300).contains(description.count) {
            errors.add("description", Phrase("Sebutkan apa yang diberikan, 3–300 huruf, misalnya “500 bibit mahoni”.", "Say what was given, 3–300 characters."))
        }
        let value = Rupiah.parse(input.value ?? "")
        if value == nil || value!.amount <= 0 || value!.amount > Self.maximum {
            errors.add("value", Phrase("Nilai dalam rupiah utuh, lebih dari 0, misalnya 2.500.000.", "The value in whole rupiah, more than 0."))
        }
        let day = LocalDate(iso: (input.given_on ?? "").trimmingCharacters(in: .whitespaces))
        if let day {
            if day > ctx.today {
                errors.add("given_on", Phrase("Kontribusi dicatat setelah diterima; tanggalnya tidak boleh di masa depan.", "Record a contribution once received; not a future date."))
            } else if let period = agreement.period, !period.contains(day) {
                errors.add("given_on", Phrase("Tanggal harus dalam masa perjanjian (\(DateText.long(period.start)) s.d. \(DateText.long(period.end))).",
                                              "The date must fall within the agreement (\(DateText.long(period.start, .en)) to \(DateText.long(period.end, .en)))."))
            }
        } else {
            errors.add("given_on", Phrase("Isi tanggal diterima, misalnya 2026-03-15.", "Enter the date received."))
        }
        guard errors.isEmpty, let kind, let value, let day else { return .invalid(errors) }
        let contribution = Contribution()
        contribution.id = UUID()
        contribution.agreementID = try agreement.requireID()
        contribution.partnerCode = agreement.partnerCode
        contribution.kind = kind.rawValue
        contribution.description = description
        contribution.value = value.amount
        contribution.givenOn = day.iso
        contribution.createdMillis = ctx.now.millis
        let partner = try await Partner.find(agreement.partnerCode, on: ctx.db)?.name ?? agreement.partnerCode
        try await ctx.writes.transaction { db in
            try await contribution.create(on: db)
            try await PartnerGuard.audit("partner.contribution", partner: partner, subjectType: "partner_contribution", subjectID: contribution.id!.uuidString,
                                         "\(kind.label(.id)) \(Rupiah(value.amount).formatted): \(description) (perjanjian \(agreement.documentNumber))",
                                         ctx: ctx, on: db)
        }
        return .recorded(contribution)
    }
}
