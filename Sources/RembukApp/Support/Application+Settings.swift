import Vapor

extension Application {
    struct SettingsKey: StorageKey { typealias Value = Settings }

    public var settings: Settings {
        get {
            guard let settings = storage[SettingsKey.self] else { fatalError("configure(_:settings:) was not called") }
            return settings
        }
        set { storage[SettingsKey.self] = newValue }
    }

    var isSQLite: Bool {
        if case .sqlite = settings.database { return true }
        return false
    }
}

extension Request {
    public var settings: Settings { application.settings }
}
