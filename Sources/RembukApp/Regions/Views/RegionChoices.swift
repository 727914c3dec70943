import Plot

extension ScopeChoices {
    /// Every desa/kelurahan of the kabupaten for a select, grouped under its kecamatan.
    func desaChoices(_ ctx: ViewContext) -> [FormKit.Choice] {
        var result = [FormKit.Choice(value: "", label: "— " + ctx.t("pilih ", "choose a ") + ctx.places.village(ctx.language) + " —")]
        for kecamatan in kecamatan {
            for desa in desa where desa.parentCode == kecamatan.id {
                result.append(.init(value: desa.id ?? "", label: desa.name, group: "Kecamatan \(kecamatan.name)"))
            }
        }
        return result
    }
}
