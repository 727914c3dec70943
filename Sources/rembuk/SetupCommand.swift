import Foundation
import RembukApp
import RembukCore
import Vapor

/// `rembuk setup`: installs Rembuk for one kabupaten/kota on a fresh database. With `--kabupaten` it asks nothing
/// (scripts, CI); without, it asks on the terminal. The password is read from a file or standard input, never taken
/// from the command line (where `ps` and the shell history would keep it).
struct SetupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "kabupaten", help: "Kode kabupaten/kota Kemendagri, mis. 71.72 (Kota Bitung)") var kabupaten: String?
        @Option(name: "agency-name", help: "Nama badan perencanaan, mis. \"Bappeda Kota Bitung\"") var agencyName: String?
        @Option(name: "agency-short-name", help: "Singkatannya (bawaan: kata pertama nama), mis. Bappeda") var agencyShortName: String?
        @Option(name: "admin-name", help: "Nama admin Bappeda pertama") var adminName: String?
        @Option(name: "admin-email", help: "E-mail admin (atau --admin-phone)") var adminEmail: String?
        @Option(name: "admin-phone", help: "Nomor HP admin, mis. 0812…") var adminPhone: String?
        @Option(name: "admin-password-file", help: "Berkas berisi kata sandi admin, atau - untuk membacanya dari masukan standar") var passwordFile: String?
    }

    var help = "Memasang Rembuk untuk satu kabupaten/kota di basis data baru: wilayah, badan perencanaan, admin pertama"

    func run(using context: CommandContext, signature: Signature) async throws {
        let console = context.console
        let input: SetUpInstallation.Input
        if signature.kabupaten == nil {
            input = try ask(console, signature)
        } else {
            guard let file = signature.passwordFile else {
                console.error("Sebutkan --admin-password-file BERKAS (atau - untuk masukan standar); kata sandi tidak diterima di baris perintah.")
                throw ExitCode(2)
            }
            input = SetUpInstallation.Input(kabupaten: signature.kabupaten ?? "", agencyName: signature.agencyName ?? "",
                                            agencyShortName: signature.agencyShortName, adminName: signature.adminName ?? "",
                                            adminEmail: signature.adminEmail, adminPhone: signature.adminPhone,
                                            adminPassword: try Self.readPassword(file, console: console))
        }
        switch try await SetUpInstallation().run(input, in: .system(context.application)) {
        case .alreadyInstalled:
            console.error("Basis data ini sudah terpasang (ada akun atau wilayahnya sudah ditetapkan); tidak ada yang diubah.")
            console.error("Untuk memasang kabupaten/kota lain, pakai basis data baru (REMBUK_SQLITE_PATH atau DATABASE_URL lain).")
            throw ExitCode(1)
        case let .invalid(problems):
            console.error("Belum dipasang; perbaiki dulu:")
            for problem in problems { console.error("  - \(problem.id)") }
            throw ExitCode(1)
        case let .installed(done):
            let places = [done.desa > 0 ? "\(done.desa) desa" : nil, done.kelurahan > 0 ? "\(done.kelurahan) kelurahan" : nil].compactMap { $0 }
            console.print("Rembuk terpasang untuk \(done.region): \(done.kecamatan) kecamatan, \(places.joined(separator: " dan ")).")
            console.print("Admin \(done.agency) masuk dengan \(done.signIn) dan kata sandi yang diberikan.")
            console.print("Jalankan: rembuk serve   lalu buka \(context.application.settings.baseURL)\(SiteRoute.login.path)")
            console.print("Langkah berikutnya: daftar perangkat daerah di \(SiteRoute.adminAgencies.path), akun petugas di \(SiteRoute.adminAccounts.path).")
        }
    }

    static func readPassword(_ file: String, console: any Console) throws -> String {
        let data: Data?
        if file == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else { data = FileManager.default.contents(atPath: file) }
        guard let data, let text = String(data: data, encoding: .utf8) else {
            console.error("Berkas kata sandi tidak bisa dibaca: \(file)")
            throw ExitCode(2)
        }
        // The password is the first line: an editor's or `echo`'s newline is not part of it.
        return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
    }

    func ask(_ console: any Console, _ signature: Signature) throws -> SetUpInstallation.Input {
        func question(_ text: String, _ given: String?) -> String {
            if let given { return given }
            return console.ask(ConsoleText(stringLiteral: text)).trimmingCharacters(in: .whitespaces)
        }
        console.print("Memasang Rembuk. Jawab pertanyaan berikut (Ctrl-C untuk batal).")
        let kabupaten = question("Kode kabupaten/kota (mis. 71.72 untuk Kota Bitung):", signature.kabupaten)
        let agency = question("Nama badan perencanaan (mis. Bappeda Kota Bitung):", signature.agencyName)
        let name = question("Nama admin Bappeda pertama:", signature.adminName)
        let email = question("E-mail admin (kosongkan bila memakai nomor HP):", signature.adminEmail)
        let phone = email.isEmpty ? question("Nomor HP admin:", signature.adminPhone) : (signature.adminPhone ?? "")
        var password: String
        if let file = signature.passwordFile { password = try Self.readPassword(file, console: console) } else {
            let prompt = "Kata sandi admin (minimal \(AccountRules.minimumPasswordLength) karakter):"
            // Hidden on a terminal; from a pipe the lines are read as they come.
            let terminal = isatty(STDIN_FILENO) == 1
            password = console.ask(ConsoleText(stringLiteral: prompt), isSecure: terminal)
            let again = console.ask("Ulangi kata sandi:", isSecure: terminal)
            guard password == again else {
                console.error("Kedua kata sandi tidak sama; tidak ada yang diubah.")
                throw ExitCode(1)
            }
        }
        return SetUpInstallation.Input(kabupaten: kabupaten, agencyName: agency, agencyShortName: signature.agencyShortName,
                                       adminName: name, adminEmail: email.isEmpty ? nil : email, adminPhone: phone.isEmpty ? nil : phone,
                                       adminPassword: password)
    }
}

