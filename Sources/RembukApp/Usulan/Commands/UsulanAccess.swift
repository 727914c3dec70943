import Foundation
import RembukCore

/// Who may see an usulan. A draft is seen only by its proposer and the desa's operators (who may file for
/// groups); everything else is public, but an usulan hidden by a moderator shows its content (text, files)
/// only to its proposer and those who moderate its desa.
enum UsulanAccess {
    enum Visibility { case `public`, restricted }

    static func visibility(of usulan: Usulan, to principal: Principal) -> Visibility? {
        guard usulan.workflowStatus == .draft else { return .public }
        if principal.accountID == usulan.proposerID { return .restricted }
        if let desa = RegionCode(usulan.desaCode), principal.actor.covers(desa, as: [.operatorDesa]) { return .restricted }
        return nil
    }

    static func canModerate(_ usulan: Usulan, _ principal: Principal) -> Bool {
        RegionCode(usulan.desaCode).map { principal.actor.can(.moderate($0)) } ?? false
    }

    static func showsContent(of usulan: Usulan, to principal: Principal) -> Bool {
        !usulan.isHidden || principal.accountID == usulan.proposerID || canModerate(usulan, principal)
    }
}
