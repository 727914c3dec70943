/// What an operator desa confirms before verifying an usulan (the checks of Permendagri 86's desa stage).
public enum VerificationCheck: String, Sendable, CaseIterable, Codable {
    case complete = "cek_lengkap"
    case catalogue = "cek_kamus"
    case asset = "cek_aset"
    case notDuplicate = "cek_duplikat"

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.complete, .id): "Data lengkap dan lokasi jelas"
        case (.complete, .en): "Complete data and a clear location"
        case (.catalogue, .id): "Sesuai kamus usulan, atau harganya wajar"
        case (.catalogue, .en): "Matches the catalogue, or the price is reasonable"
        case (.asset, .id): "Lokasi/aset milik pemerintah desa atau daerah (bukan tanah pribadi)"
        case (.asset, .en): "The site or asset belongs to the village or regency (not private land)"
        case (.notDuplicate, .id): "Bukan duplikat usulan lain"
        case (.notDuplicate, .en): "Not a duplicate of another proposal"
        }
    }

    /// The sentence recorded on the timeline when all checks are confirmed.
    public static let confirmedNote = "Pemeriksaan operator: data lengkap, sesuai kamus/harga wajar, aset milik pemerintah, bukan duplikat."
}
