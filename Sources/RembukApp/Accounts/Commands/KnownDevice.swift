import Foundation
import RembukCore
import Vapor

/// A browser that has signed in to an account carries a signed cookie saying so. Failed sign-ins for that account
/// from anywhere else then cannot lock its owner out: the account's lock binds unknown browsers only, and a known
/// browser has an allowance of its own (`LogIn`).
enum KnownDevice {
    static let cookieName = "rembuk_perangkat"
    static let lifetime = 365 * 24 * 3600

    /// A new browser's random name.
    static func newName() -> String { SessionMiddleware.newToken() }

    /// "<name>.<signature>": the signature binds the name to the account, so the cookie says nothing to anyone else
    /// and cannot be made for another account.
    static func value(name: String, account: UUID, secret: String) -> String {
        name + "." + KeyedDigest.hex("device:\(account.uuidString):\(name)", key: secret)
    }

    /// The browser's name when `cookie` was given by a sign-in to `account`, otherwise nil.
    static func name(in cookie: String?, account: UUID, secret: String) -> String? {
        guard let cookie, let dot = cookie.firstIndex(of: ".") else { return nil }
        let name = String(cookie[..<dot])
        guard SessionMiddleware.isWellFormed(name), CSRF.constantTimeEqual(value(name: name, account: account, secret: secret), cookie) else { return nil }
        return name
    }

    static func cookie(_ value: String, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, expires: nil, maxAge: lifetime, domain: nil, path: SiteRoute.login.path,
                          isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

}
