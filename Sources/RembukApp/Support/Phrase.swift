import RembukCore

/// A piece of interface text in both languages, chosen when rendered.
public struct Phrase: Sendable, Hashable, Error {
    public let id: String
    public let en: String

    public init(_ id: String, _ en: String) {
        self.id = id
        self.en = en
    }

    public func callAsFunction(_ language: RembukCore.Language) -> String { language == .id ? id : en }
}

/// An error a person should read: a status and a message in both languages. Nothing internal leaks through it.
public struct UserFacingError: Error, Sendable {
    public let status: HTTPStatusCode
    public let message: Phrase
    /// Seconds until it may be tried again (a 429's `Retry-After`).
    public var retryAfter: Int?

    public init(_ status: HTTPStatusCode, _ message: Phrase, retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.retryAfter = retryAfter
    }

    public static let forbidden = UserFacingError(.forbidden, Phrase(
        "Anda tidak berwenang melakukan ini.", "You are not allowed to do this."))
    public static let notFound = UserFacingError(.notFound, Phrase(
        "Halaman atau data yang Anda cari tidak ada.", "The page or record you are looking for does not exist."))
    public static let signInRequired = UserFacingError(.unauthorized, Phrase(
        "Silakan masuk terlebih dahulu.", "Please sign in first."))
    public static let notWhileAssisting = UserFacingError(.forbidden, Phrase(
        "Saat melayani warga dibantu, pengaturan akunnya tidak bisa diubah. Selesai melayani dulu.",
        "While serving an assisted citizen, their account settings cannot be changed. Stop serving first."))
}

import Vapor
public typealias HTTPStatusCode = HTTPResponseStatus
