import Fluent
import RembukCore
import Vapor

/// `/admin/identitas`: Bappeda keeps the government's name, contacts, logo and document-number patterns.
/// `/logo/{sha}.{png|svg}`: the logo, for every page; the address changes with the file, so it is cached for good.
struct IdentityController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.adminIdentity) { try await page($0, input: nil, errors: FormErrors(), logoError: nil, status: .ok) }
        routes.post(.adminIdentity, use: save)
        routes.postStreamingForm(.adminLogo, use: uploadLogo)
        routes.post(.adminLogoRemove, use: removeLogo)
        routes.get(.logo(":file"), use: logo)
    }

    func page(_ req: Request, input: SaveIdentity.Input?, errors: FormErrors, logoError: Phrase?, status: HTTPResponseStatus) async throws -> Response {
        _ = try req.requireAccount()
        try StaffRules.requireAdmin(req.invocation)
        let identity = try await InstallationIdentity.load(req.settings, on: req.db)
        let head = identity.letterhead
        let shown = input ?? .init(government: head.government, address: head.address, phone: head.phone, email: head.email, website: head.website,
                                   minutes_pattern: identity.minutesNumber.pattern, certificate_pattern: identity.certificateNumber.pattern)
        let notice: String? = switch req.queryValue("pesan") {
        case "tersimpan": req.language == .id ? "Identitas tersimpan." : "Identity saved."
        case "logo": req.language == .id ? "Logo terpasang." : "Logo put up."
        case "logo-dihapus": req.language == .id ? "Logo dihapus." : "Logo removed."
        default: nil
        }
        return IdentityPage(identity: identity, input: shown, errors: errors, logoError: logoError, notice: notice)
            .render(await req.viewContext()).response(status: status)
    }

    func save(_ req: Request) async throws -> Response {
        let input = try req.content.decode(SaveIdentity.Input.self)
        switch try await SaveIdentity().run(input, in: req.invocation) {
        case .saved: return req.redirect(to: SiteRoute.adminIdentity.path + "?pesan=tersimpan")
        case let .invalid(errors): return try await page(req, input: input, errors: errors, logoError: nil, status: .unprocessableEntity)
        }
    }

    func uploadLogo(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        try StaffRules.requireAdmin(req.invocation)   // before the upload is read
        let form = try await SubmittedForm.read(req)
        let files = form.files.filter { $0.field == StoreUploads.field }
        let outcome: SetLogo.Outcome
        if !form.oversized.isEmpty {
            outcome = .refused(IdentityAudit.phrase(LogoImage.Problem.tooLarge))
        } else if files.count != 1 {
            outcome = .refused(IdentityAudit.phrase(LogoImage.Problem.empty))
        } else {
            outcome = try await SetLogo().run(files[0].bytes, in: req.invocation)
        }
        switch outcome {
        case .saved: return req.redirect(to: SiteRoute.adminIdentity.path + "?pesan=logo#logo")
        case let .refused(phrase): return try await page(req, input: nil, errors: FormErrors(), logoError: phrase, status: .unprocessableEntity)
        }
    }

    func removeLogo(_ req: Request) async throws -> Response {
        try await SetLogo().remove(in: req.invocation)
        return req.redirect(to: SiteRoute.adminIdentity.path + "?pesan=logo-dihapus#logo")
    }

    func logo(_ req: Request) async throws -> Response {
        let file = req.parameters.get("file") ?? ""
        let parts = file.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, ContentAddress.isValid(parts[0]), let kind = LogoImage.Kind(rawValue: parts[1]),
              let current = try await InstallationIdentity.load(req.settings, on: req.db).logo,
              current.sha256 == parts[0], current.kind == kind,
              let blob = try await Blob.find(parts[0], on: req.db) else {
            throw UserFacingError(.notFound, Phrase("Logo itu tidak ada.", "That logo does not exist."))
        }
        var headers = HTTPHeaders()
        headers.contentType = kind == .png ? .png : HTTPMediaType(type: "image", subType: "svg+xml")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        headers.replaceOrAdd(name: .eTag, value: "\"\(parts[0])\"")
        headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
        return Response(status: .ok, headers: headers, body: .init(data: blob.data))
    }
}
