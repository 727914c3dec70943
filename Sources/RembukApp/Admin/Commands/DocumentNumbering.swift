import Fluent
import RembukCore

/// Numbers for the documents Rembuk prints, made from the installation's patterns when a document comes to be:
/// a berita acara when its forum first closes, a certificate when it is issued. Called inside the writing
/// transaction, so the series moves only with the document it numbers.
enum DocumentNumbering {
    static func minutes(_ forum: Forum, in ctx: Invocation, on db: any Database) async throws -> String {
        let identity = try await InstallationIdentity.load(ctx.settings, on: db)
        let code = RegionCode(forum.regionCode)
        let kecamatanCode = code.flatMap { $0.level >= .kecamatan ? $0.ancestor(at: .kecamatan)?.value : nil }
        let names = try await RegionNames.load([forum.regionCode] + [kecamatanCode].compactMap { $0 }, on: db)
        let agency = forum.agency.isEmpty ? nil : try await Agency.find(forum.agency, on: db)
        let today = ctx.today
        let number = try await DocumentSeries.minutes.next(year: today.year, on: db)
        return identity.minutesNumber.format(number: number, year: today.year, month: today.month, region: names[forum.regionCode] ?? "",
                                             kecamatan: kecamatanCode.flatMap { names[$0] } ?? "", agency: agency?.shortName ?? "")
    }

    /// One certificate's number; `identity` read once for a batch.
    static func certificate(agency: Agency?, identity: InstallationIdentity, in ctx: Invocation, on db: any Database) async throws -> String {
        let today = ctx.today
        let number = try await DocumentSeries.certificate.next(year: today.year, on: db)
        return identity.certificateNumber.format(number: number, year: today.year, month: today.month,
                                                 region: await Installation.regionName(ctx.settings, on: db), agency: agency?.shortName ?? "")
    }
}
