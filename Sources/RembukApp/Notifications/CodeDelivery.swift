import Vapor

extension Application {
    private struct CodeTransportKey: StorageKey { typealias Value = any DeliveryTransport }

    /// How sign-in codes leave: at once, not through the outbox, so the code is never stored readable and the
    /// person learns on the spot when the gateway is down. Tests put a capturing transport here.
    public var codeTransport: any DeliveryTransport {
        get { storage[CodeTransportKey.self] ?? LiveTransport(app: self) }
        set { storage[CodeTransportKey.self] = newValue }
    }
}
