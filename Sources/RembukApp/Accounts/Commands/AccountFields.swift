import Fluent
import Foundation
import RembukCore

/// Validation of the fields an account has, shared by self-registration and staff account creation.
enum AccountFields {
    static func name(_ raw: String?, into errors: inout FormErrors) -> String {
        let name = AccountRules.cleanName(raw ?? "")
        if name.count < 2 {
            errors.add("name", Phrase("Tulis nama Anda (minimal 2 huruf).", "Enter your name (at least 2 letters)."))
        } else if name.count > AccountRules.maximumNameLength {
            errors.add("name", Phrase("Nama terlalu panjang (maksimal 120 huruf).", "The name is too long (120 letters at most)."))
        }
        return name
    }

    static func email(_ raw: String?, into errors: inout FormErrors) -> String? {
        guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard let email = AccountRules.normaliseEmail(raw) else {
            errors.add("email", Phrase("Alamat e-mail tidak valid, contoh: nama@contoh.id.", "That is not a valid e-mail address, e.g. name@example.id."))
            return nil
        }
        return email
    }

    static func phone(_ raw: String?, into errors: inout FormErrors) -> PhoneNumber? {
        guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        switch PhoneNumber.parse(raw) {
        case let .success(phone): return phone
        case let .failure(problem):
            errors.add("phone", phrase(for: problem))
            return nil
        }
    }

    static func phrase(for problem: PhoneNumber.Problem) -> Phrase {
        switch problem {
        case .empty: Phrase("Tulis nomor HP.", "Enter a phone number.")
        case .invalidCharacters: Phrase("Nomor HP hanya boleh berisi angka, spasi, tanda hubung, dan + di depan.",
                                        "A phone number may only contain digits, spaces, dashes and a leading +.")
        case .foreignNumber: Phrase("Gunakan nomor Indonesia (+62).", "Use an Indonesian number (+62).")
        case .tooShort: Phrase("Nomor HP terlalu pendek.", "The phone number is too short.")
        case .tooLong: Phrase("Nomor HP terlalu panjang.", "The phone number is too long.")
        case .invalidPrefix: Phrase("Nomor HP harus diawali 08, 62, atau +62.", "The phone number must start with 08, 62 or +62.")
        }
    }

    /// `personal`: the account's name, e-mail and phone, which a password must not be made of.
    static func password(_ password: String?, confirmation: String?, personal: [String] = [], into errors: inout FormErrors,
                         field: String = "password") -> String {
        let password = password ?? ""
        switch AccountRules.checkPassword(password, personal: personal) {
        case .tooShort: errors.add(field, Phrase("Kata sandi minimal 8 karakter.", "The password needs at least 8 characters."))
        case .tooLong: errors.add(field, Phrase("Kata sandi paling panjang 72 huruf dan angka (huruf beraksen atau emoji terhitung lebih).",
                                                "The password may have at most 72 letters and digits (accented letters and emoji count more)."))
        case .tooCommon: errors.add(field, Phrase("Kata sandi ini terlalu mudah ditebak. Pilih yang lain, misalnya tiga kata acak.",
                                                  "This password is too easy to guess. Choose another, for example three random words."))
        case .tooPersonal: errors.add(field, Phrase("Kata sandi jangan memuat nama, e-mail, atau nomor HP Anda sendiri.",
                                                    "The password must not contain your own name, e-mail or phone number."))
        case nil:
            if password != (confirmation ?? "") {
                errors.add(field + "_confirmation", Phrase("Ulangan kata sandi tidak sama.", "The repeated password does not match."))
            }
        }
        return password
    }

    static func nik(_ raw: String?, today: LocalDate, into errors: inout FormErrors) -> NIK? {
        guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        switch NIK.parse(raw, today: today, isKnownKecamatan: { RegionCatalog.kecamatanCodes.contains($0) }) {
        case let .success(nik): return nik
        case let .failure(problem):
            let phrase = switch problem {
            case .notSixteenDigits: Phrase("NIK harus 16 angka.", "A NIK has 16 digits.")
            case .unknownRegion: Phrase("Enam angka pertama NIK bukan kode kecamatan yang terdaftar.", "The first six digits of the NIK are not a registered kecamatan code.")
            case .invalidBirthDate: Phrase("Tanggal lahir di dalam NIK tidak valid (untuk perempuan, tanggal ditambah 40).", "The birth date inside the NIK is not valid (for women the day has 40 added).")
            case .zeroSerial: Phrase("Empat angka terakhir NIK tidak boleh 0000.", "The last four digits of a NIK cannot be 0000.")
            }
            errors.add("nik", phrase)
            return nil
        }
    }

    /// Adds "already registered" errors for identifiers another account holds.
    static func checkUnique(email: String?, phone: PhoneNumber?, nikDigest: String?, on ctx: Invocation,
                            into errors: inout FormErrors) async throws {
        if let email, try await exists(\Account.$email, email, on: ctx) {
            errors.add("email", Phrase("E-mail ini sudah terdaftar. Silakan masuk.", "This e-mail is already registered. Please sign in."))
        }
        if let phone, try await exists(\Account.$phone, phone.e164, on: ctx) {
            errors.add("phone", Phrase("Nomor HP ini sudah terdaftar. Silakan masuk.", "This phone number is already registered. Please sign in."))
        }
        if let nikDigest, try await exists(\Account.$nikDigest, nikDigest, on: ctx) {
            errors.add("nik", Phrase("NIK ini sudah dipakai akun lain.", "This NIK is already used by another account."))
        }
    }

    static func exists(_ field: KeyPath<Account, OptionalFieldProperty<Account, String>>, _ value: String, on ctx: Invocation) async throws -> Bool {
        try await Account.query(on: ctx.db).filter(field == value).first() != nil
    }

    /// Name, contact and password as every new account needs them; at least one of e-mail and phone.
    static func basics(name: String?, email: String?, phone: String?, password: String?, confirmation: String?,
                       into errors: inout FormErrors) -> (name: String, email: String?, phone: PhoneNumber?, password: String) {
        let cleanName = self.name(name, into: &errors)
        let cleanEmail = self.email(email, into: &errors)
        let cleanPhone = self.phone(phone, into: &errors)
        if cleanEmail == nil, cleanPhone == nil, errors["email"] == nil, errors["phone"] == nil {
            errors.add("email", Phrase("Isi e-mail atau nomor HP (salah satu cukup).", "Enter an e-mail or a phone number (one is enough)."))
        }
        let cleanPassword = self.password(password, confirmation: confirmation,
                                          personal: [cleanName, cleanEmail ?? "", cleanPhone?.e164 ?? ""], into: &errors)
        return (cleanName, cleanEmail, cleanPhone, cleanPassword)
    }

    static let alreadyRegistered = Phrase("Data ini baru saja didaftarkan oleh akun lain. Periksa e-mail, nomor HP, dan NIK.",
                                          "These details were just registered by another account. Check the e-mail, phone and NIK.")
}
