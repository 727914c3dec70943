import Foundation
import RembukCore

/// Who may see an usulan. A draft is seen only by its proposer and the desa's operators (who may file for
/// groups); everything else is public.
enum UsulanAccess {
    enum Visibility { case `public`, restricted }

    static func visibility(of usulan: Usulan, to principal: Principal) -> Visibility? {
        guard usulan.workflowStatus == .draft else { return .public }
        if principal.accountID == usulan.proposerID { return .restricted }
        if let desa = RegionCode(usulan.desaCode), principal.actor.covers(desa, as: [.operatorDesa]) { return .restricted }
        return nil
    }
}
