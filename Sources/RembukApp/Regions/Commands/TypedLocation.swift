import RembukCore

/// The optional coordinates of a form (usulan, project): both or neither, within Indonesia, with the error
/// beside the latitude field.
enum TypedLocation {
    static func point(latitude: String?, longitude: String?, errors: inout FormErrors) -> GeoPoint? {
        switch GeoPoint.typed(latitude: latitude ?? "", longitude: longitude ?? "") {
        case .empty: return nil
        case let .point(point): return point
        case .invalid:
            errors.add("latitude", Phrase("Koordinat harus di Indonesia, misalnya -6.5569 dan 107.4431 (isi keduanya atau kosongkan).",
                                          "Coordinates must lie in Indonesia, e.g. -6.5569 and 107.4431 (both or neither)."))
            return nil
        }
    }
}
