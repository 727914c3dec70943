import Fluent
import RembukCore

extension Invocation {
    /// The typed code when it names an existing desa/kelurahan (or kecamatan) of this installation's kabupaten, else nil.
    func region(_ typed: String?, at level: RegionCode.Level) async throws -> RegionCode? {
        guard let code = RegionCode(typed ?? ""), code.level == level, settings.kabupaten.contains(code),
              try await Region.find(code.value, on: db) != nil else { return nil }
        return code
    }
}
