import NIOConcurrencyHelpers
import Vapor

/// How many bytes of form uploads this instance is receiving at once, in all and from each client address. A body is
/// counted as it arrives and released when its request is done with it, so a crowd of slow or oversized uploads
/// (anonymous ones included) is turned away with a clear "try again shortly" instead of filling memory or disk.
final class UploadBudget: Sendable {
    let total: Int
    let perClient: Int
    private let state = NIOLockedValueBox(State())

    private struct State {
        var total = 0
        var byClient: [String: Int] = [:]
    }

    init(total: Int, perClient: Int) {
        self.total = total
        self.perClient = perClient
    }

    /// Takes `bytes` more for `client`; false (and nothing taken) when either limit would be passed.
    func reserve(_ bytes: Int, client: String) -> Bool {
        state.withLockedValue { state in
            let mine = state.byClient[client, default: 0]
            guard state.total + bytes <= total, mine + bytes <= perClient else { return false }
            state.total += bytes
            state.byClient[client] = mine + bytes
            return true
        }
    }

    func release(_ bytes: Int, client: String) {
        guard bytes > 0 else { return }
        state.withLockedValue { state in
            state.total = max(0, state.total - bytes)
            let left = state.byClient[client, default: 0] - bytes
            state.byClient[client] = left > 0 ? left : nil
        }
    }

    var inFlight: Int { state.withLockedValue { $0.total } }

    static let busy = UserFacingError(.serviceUnavailable, Phrase(
        "Server sedang menerima banyak berkas sekaligus. Tunggu sebentar, lalu kirim lagi formulirnya.",
        "The server is receiving many files at once. Wait a moment, then send the form again."), retryAfter: 30)
}

extension Application {
    struct UploadBudgetKey: StorageKey { typealias Value = UploadBudget }

    var uploadBudget: UploadBudget {
        if let budget = storage[UploadBudgetKey.self] { return budget }
        let budget = UploadBudget(total: settings.uploadBytesInFlight, perClient: settings.uploadBytesPerClient)
        storage[UploadBudgetKey.self] = budget
        return budget
    }
}
