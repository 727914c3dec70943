/// The way from a citizen's idea to the RKPD, counted: how many usulan of a year reached each stage.
extension UsulanStatus {
    /// The main line of the pipeline, in order; the side exits (ditolak, ditunda, dialihkan, digabung) are not on it.
    public static let pipeline: [UsulanStatus] = [.draft, .diajukan, .diverifikasi, .disepakatiDesa, .diteruskan, .disepakatiKecamatan,
                                                  .diterimaOPD, .masukRKPD, .dianggarkan, .dilaksanakan, .selesai]

    public func isAtOrAfter(_ other: UsulanStatus) -> Bool {
        guard let a = Self.pipeline.firstIndex(of: self), let b = Self.pipeline.firstIndex(of: other) else { return false }
        return a >= b
    }
}

public enum Funnel {
    /// The stages a public funnel shows.
    public static let stages: [UsulanStatus] = [.diajukan, .diverifikasi, .disepakatiDesa, .disepakatiKecamatan, .diterimaOPD, .masukRKPD]

    /// How far one usulan got, from its timeline in order (each entry the status it moved to, and whether
    /// the move undid a forum's closing). A postponed or rejected usulan keeps the stage it had reached;
    /// a reopened forum takes back what its closing gave.
    public static func furthest(_ moves: [(to: UsulanStatus, undo: Bool)]) -> UsulanStatus? {
        var reached: UsulanStatus?
        for move in moves {
            guard UsulanStatus.pipeline.contains(move.to) else { continue }
            if move.undo || reached.map({ !$0.isAtOrAfter(move.to) }) ?? true { reached = move.to }
        }
        return reached
    }

    /// For each stage, how many of the usulan reached it.
    public static func counts(_ furthest: [UsulanStatus]) -> [(stage: UsulanStatus, count: Int)] {
        stages.map { stage in (stage, furthest.filter { $0.isAtOrAfter(stage) }.count) }
    }
}
