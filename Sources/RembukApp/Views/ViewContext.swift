import Fluent
import RembukCore
import Vapor

/// What every page needs to render its frame: language, who is signed in, the CSRF token, where we are.
public struct ViewContext: Sendable {
    public let language: RembukCore.Language
    public let principal: Principal
    public let csrfToken: String
    public let path: String
    public let regionName: String
    public let planningAgencyName: String
    public let unreadNotifications: Int
    public var maxUploadSize: Int = 5 * 1024 * 1024
    public var kabupaten: RegionCode = RegionCode("32.14")!
    /// "desa", "kelurahan" or "desa/kelurahan"; "Kabupaten" or "Kota": as this installation's places are.
    public var places: PlaceWords = .general
    /// The government's name, contacts and logo, as Bappeda set them.
    public var identity: InstallationIdentity = .initial(regionName: "Kabupaten Purwakarta")

    /// The phrase in the reader's language.
    public func t(_ id: String, _ en: String) -> String { language == .id ? id : en }
    public func t(_ phrase: Phrase) -> String { phrase(language) }

    public var isSignedIn: Bool { principal.account != nil }

    /// A forum's kind as this place says it: "Musrenbang Kelurahan" in a kelurahan, "Musrenbang Kota" in a kota.
    public func forumLabel(_ level: ForumLevel, at code: String) -> String {
        guard level == .desa, let place = RegionCode(code), place.level == .desa else { return places.forum(level, language) }
        return PlaceWords.of(place).forum(.desa, language)
    }
    public func can(_ action: Action) -> Bool { principal.actor.can(action) }

    public static func make(for request: Request) async -> ViewContext {
        let settings = request.settings
        let regionName = await Installation.regionName(settings, on: request.db)
        let identity = (try? await InstallationIdentity.load(settings, on: request.db)) ?? .initial(regionName: regionName)
        var unread = 0
        if let id = request.principal.accountID {
            unread = (try? await InboxItem.query(on: request.db).filter(\.$account.$id == id)
                .filter(\.$readAt == nil).count()) ?? 0
        }
        return ViewContext(
            language: request.language, principal: request.principal,
            csrfToken: request.principal.sessionToken.isEmpty ? "" : CSRF.token(for: request),
            path: request.url.path, regionName: regionName,
            planningAgencyName: settings.planningAgencyName, unreadNotifications: unread, maxUploadSize: settings.maxUploadSize,
            kabupaten: settings.kabupaten, places: settings.places, identity: identity)
    }
}

extension Request {
    public func viewContext() async -> ViewContext { await ViewContext.make(for: self) }
}
