import Fluent
import Foundation

/// A person's account. Only what is needed is kept: a NIK is stored as a masked form and a keyed digest,
/// never whole; the phone number is stored normalised (+62) and shown masked.
public final class Account: Model, @unchecked Sendable {
    public static let schema = "accounts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @OptionalField(key: "email") public var email: String?
    @OptionalField(key: "phone") public var phone: String?
    @Field(key: "password_hash") public var passwordHash: String
    @OptionalField(key: "nik_digest") public var nikDigest: String?
    @OptionalField(key: "nik_masked") public var nikMasked: String?
    @Field(key: "notify_email") public var notifyEmail: Bool
    @Field(key: "notify_whatsapp") public var notifyWhatsApp: Bool
    /// E-mail and WhatsApp/SMS carry one daily digest instead of each notice (the inbox always gets each one).
    @Field(key: "notify_digest") public var notifyDigest: Bool
    /// The moment the last digest reached; notices after it go into the next one.
    @OptionalField(key: "digest_cutoff") public var digestCutoff: Date?
    @OptionalField(key: "disabled_at") public var disabledAt: Date?
    /// An assisted account: made by an operator for a citizen without phone or e-mail, in this desa.
    @OptionalField(key: "assisted_region") public var assistedRegion: String?
    @OptionalField(key: "assisted_by") public var assistedBy: UUID?
    /// Asked only of assisted citizens, for the forum's inclusion figures (`perempuan`, `laki_laki`).
    @OptionalField(key: "gender") public var gender: String?
    /// Keyed digest of the claim code on the citizen's slip.
    @OptionalField(key: "claim_digest") public var claimDigest: String?
    /// When the citizen took the account over with their own phone; from then on no operator may act for it.
    @OptionalField(key: "claimed_at") public var claimedAt: Date?
    /// When the owner agreed to the privacy notice, and to which version of it (`PrivacyNotice.version`).
    @OptionalField(key: "consented_at") public var consentedAt: Date?
    @OptionalField(key: "consent_version") public var consentVersion: String?
    /// When the owner deleted the account: its personal data is gone, the row keeps public records' pointers.
    @OptionalField(key: "deleted_at") public var deletedAt: Date?
    /// When the owner last proved the e-mail (a link) or phone (a code) reaches them; nil until then.
    @OptionalField(key: "email_verified_at") public var emailVerifiedAt: Date?
    @OptionalField(key: "phone_verified_at") public var phoneVerifiedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Children(for: \.$account) public var grants: [RoleGrant]

    public init() {}

    public init(id: UUID? = nil, name: String, email: String?, phone: String?, passwordHash: String,
                nikDigest: String? = nil, nikMasked: String? = nil) {
        self.id = id
        self.name = name
        self.email = email
        self.phone = phone
        self.passwordHash = passwordHash
        self.nikDigest = nikDigest
        self.nikMasked = nikMasked
        self.notifyEmail = email != nil
        self.notifyWhatsApp = false
        self.notifyDigest = false
    }

    public var isDisabled: Bool { disabledAt != nil }
    /// Kept by an operator for a citizen who has not claimed it yet.
    public var isAssisted: Bool { assistedRegion != nil && claimedAt == nil }
    /// Signs in by code only (phone sign-up, or a claimed assisted account) until a password is set.
    public var hasPassword: Bool { !passwordHash.isEmpty }
    /// Notifications go only to a contact proven to reach the owner, and only if the owner chose that channel.
    public var notifiedEmail: String? { notifyEmail && emailVerifiedAt != nil ? email : nil }
    public var notifiedPhone: String? { notifyWhatsApp && phoneVerifiedAt != nil ? phone : nil }
}
