import RembukCore

/// Who may use each route: one line per registered route, the one place a reviewer reads to know who can do what.
/// The commands enforce it (they check the actor's grants within the region, agency or partner the thing belongs
/// to); `AccessPolicyTests` walks every registered route as every role — including an operator desa acting on
/// another desa and an OPD of another agency — and checks the answers match this table. A route without a line here
/// fails that test.
enum AccessPolicy {
    /// Who a rule lets in.
    enum Audience: Hashable, Sendable {
        /// Anyone, signed in or not.
        case visitor
        /// Any account, acting on what is its own (its profile, its inbox, its supports, its registrations).
        case account
        /// The account the thing belongs to (the proposer of an usulan, the complainant, a token's holder), not others.
        case owner
        /// Staff holding this role within the rule's scope.
        case role(Role)
        /// A bearer API token with this scope (never a browser session).
        case token(ApiScope)
    }

    /// Where a staff role must hold for the rule to let it in.
    enum Scope: Sendable, Equatable {
        /// Anywhere in the installation (the grant covers the kabupaten, or the action is not tied to a place).
        case installation
        /// The region of the thing: an operator desa only in its desa, an operator kecamatan in its kecamatan.
        case region
        /// The agency (OPD) the thing belongs to.
        case agency
        /// The partner organisation the thing belongs to.
        case partner
    }

    struct Rule: Sendable {
        let who: Set<Audience>
        let scope: Scope
        /// Why, in a few words, where the reason is not plain from the route.
        let note: String

        /// A sign-in form: it answers wrong credentials with 401, which is its answer and not a refusal.
        var checksCredentials = false

        init(_ who: Set<Audience>, _ scope: Scope = .installation, _ note: String = "", checksCredentials: Bool = false) {
            self.who = who
            self.scope = scope
            self.note = note
            self.checksCredentials = checksCredentials
        }
    }

    static let everyone = Rule([.visitor])
    static let signIn = Rule([.visitor], .installation, "wrong credentials: 401", checksCredentials: true)
    static let accounts = Rule([.account])
    static let admin = Rule([.role(.bappeda)])
    static func staff(_ roles: Role..., scope: Scope = .installation, _ note: String = "") -> Rule {
        Rule(Set(roles.map(Audience.role)), scope, note)
    }
    static let regionStaff: [Role] = [.operatorDesa, .operatorKecamatan, .bappeda]

    /// Every route: "METHOD /path/:parameter" → rule. Written as a list so a line given twice is caught by
    /// `AccessPolicyTests` instead of stopping the program.
    static let routes: [String: Rule] = Dictionary(lines.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    static var duplicated: [String] { Dictionary(grouping: lines, by: \.key).filter { $0.value.count > 1 }.keys.sorted() }

    static let lines: KeyValuePairs<String, Rule> = [
        // Public pages, feeds, open data and the read API
        "GET /": everyone, "GET /plain": everyone, "GET /healthz": everyone, "GET /metrics": everyone,
        "GET /static/rembuk.css": everyone, "GET /bahasa/:code": everyone,
        "GET /wilayah": everyone, "GET /wilayah/:code": everyone, "GET /api/v1/wilayah/:code": everyone, "GET /api/v1/opd": everyone,
        "GET /audit": everyone, "GET /api/v1/audit": everyone, "GET /api/v1/audit/head": everyone,
        "GET /usulan": everyone, "GET /usulan/:id": everyone,
        "GET /usulan/unduh.csv": everyone, "GET /usulan/unduh.json": everyone, "GET /usulan/unduh-sipd.csv": everyone,
        "GET /data": everyone, "GET /data/:id": everyone, "GET /api/v1/openapi.json": everyone,
        "GET /lampiran/:id": Rule([.visitor], .installation, "public attachments only; a private one answers 404 to others"),
        "GET /diskusi": everyone, "GET /diskusi/:id": everyone,
        "GET /pengaduan/unduh.csv": everyone, "GET /pengaduan/unduh.json": everyone, "GET /pengaduan/kabar": everyone,
        "GET /api/v1/pengaduan": everyone, "GET /api/v1/pengaduan/:id": everyone,
        "GET /pengaduan": everyone, "GET /pengaduan/statistik": everyone,
        "GET /pengaduan/:id": Rule([.visitor], .installation, "a confidential complaint answers 404 to all but its complainant and the staff handling it"),
        "GET /jadwal/hari-libur": everyone, "GET /jadwal": everyone,
        "GET /jadwal/:year/pengaturan": Rule([.visitor], .installation, "the cycle's settings are public; only an admin gets the form"),
        "GET /jadwal/:year/pagu/:kecamatan": Rule([.visitor], .installation, "the ceilings are public; only an admin gets the form"),
        "GET /jadwal/pagu.csv": everyone, "GET /jadwal/pagu.json": everyone, "GET /api/v1/pagu": everyone,
        "GET /program": everyone, "GET /program/:id": everyone,
        "GET /program/:id/evaluasi": Rule([.visitor], .installation, "the programme's evaluation summary; the form only for participants"),
        "GET /program/lingkungan": everyone,
        "GET /sertifikat": everyone, "GET /sertifikat/:code": everyone, "GET /logo/:file": everyone,
        "GET /program/unduh.csv": everyone, "GET /program/unduh.json": everyone, "GET /program/sesi.csv": everyone,
        "GET /api/v1/program": everyone, "GET /api/v1/program/:id": everyone,
        "GET /mitra": everyone, "GET /mitra/:code": everyone,
        "GET /musrenbang": everyone, "GET /musrenbang/ringkasan": everyone, "GET /musrenbang/:id": everyone,
        "GET /musrenbang/:id/berita-acara": everyone,
        "GET /musrenbang/unduh.csv": everyone, "GET /musrenbang/unduh.json": everyone, "GET /api/v1/musrenbang/hasil": everyone,
        "GET /proyek": everyone, "GET /proyek/:id": everyone, "GET /proyek/unduh.csv": everyone, "GET /proyek/unduh.json": everyone,
        "GET /proyek/laporan.csv": everyone, "GET /api/v1/proyek": everyone, "GET /api/v1/proyek/:id": everyone,
        "GET /proyek/kabar/:kecamatan": everyone, "GET /dasbor": everyone, "GET /dasbor/unduh/:name": everyone,
        "GET /informasi": everyone, "GET /informasi/kabar": everyone, "GET /informasi/:id": everyone,
        "GET /dokumen": everyone, "GET /dokumen/:id/unduh": everyone,
        "GET /api/v1/usulan": everyone, "GET /api/v1/usulan/:id": everyone, "GET /api/v1/usulan/serupa": everyone,
        "GET /kamus-usulan": everyone,

        // Signing in and one's own account
        "GET /daftar": everyone, "POST /daftar": everyone, "GET /masuk": everyone, "POST /masuk": signIn,
        "GET /masuk/hp": everyone, "POST /masuk/hp": everyone, "GET /masuk/hp/kode": everyone, "POST /masuk/hp/kode": everyone,
        "GET /klaim": everyone, "POST /klaim": everyone,
        "GET /privasi": everyone, "GET /akun/data-saya.json": accounts, "GET /akun/hapus": accounts, "POST /akun/hapus": accounts,
        "GET /lupa-sandi": everyone, "POST /lupa-sandi": everyone, "GET /lupa-sandi/kode": everyone, "POST /lupa-sandi/kode": everyone,
        "GET /lupa-sandi/tautan/:token": everyone, "POST /lupa-sandi/tautan/:token": everyone,
        "GET /akun/data-diri": accounts, "POST /akun/data-diri": accounts, "POST /akun/verifikasi": accounts,
        "GET /akun/verifikasi-email/:token": everyone, "POST /akun/verifikasi-email/:token": everyone,
        "POST /keluar": Rule([.visitor], .installation, "signing out a visitor changes nothing"),
        "GET /akun": accounts, "POST /akun/sandi": accounts, "POST /akun/notifikasi": accounts,
        "GET /akun/kotak-masuk": accounts, "POST /akun/kotak-masuk/:id/dibaca": Rule([.owner]),
        "POST /ikuti": accounts, "POST /berhenti-ikuti": accounts,
        "GET /akun/token": accounts, "POST /akun/token": accounts, "POST /akun/token/:id/cabut": Rule([.owner]),

        // Assisted accounts: citizens without phone or e-mail, served at the village office
        "GET /bantuan-warga": staff(.operatorDesa, .operatorKecamatan), "POST /bantuan-warga": staff(.operatorDesa, .operatorKecamatan),
        "GET /bantuan-warga/:id": staff(.operatorDesa, .operatorKecamatan, scope: .region),
        "POST /bantuan-warga/:id/layani": staff(.operatorDesa, .operatorKecamatan, scope: .region),
        "POST /bantuan-warga/:id/kode-klaim": staff(.operatorDesa, .operatorKecamatan, scope: .region),
        "POST /bantuan-warga/selesai": Rule([.visitor], .installation, "ends acting for a citizen; for anyone else it changes nothing"),

        // Administration (Bappeda)
        "GET /admin/akun": admin, "GET /admin/akun/baru": admin, "POST /admin/akun/baru": admin, "GET /admin/akun/:id": admin,
        "POST /admin/akun/:id/peran": admin, "POST /admin/akun/:id/peran/:grant/cabut": admin, "POST /admin/akun/:id/status": admin,
        "GET /admin/token": admin, "POST /admin/token": admin, "POST /admin/token/:id/cabut": admin,
        "POST /admin/akun/:id/ganti-sandi": admin,
        "GET /admin/identitas": admin, "POST /admin/identitas": admin, "POST /admin/identitas/logo": admin,
        "POST /admin/identitas/logo/hapus": admin,
        "GET /admin/opd": admin, "GET /admin/opd/baru": admin, "POST /admin/opd/baru": admin, "GET /admin/opd/impor": admin,
        "POST /admin/opd/impor": admin, "GET /admin/opd/templat.csv": admin, "GET /admin/opd/:key": admin, "POST /admin/opd/:key": admin,
        "POST /admin/opd/:key/gabung": admin,
        "POST /jadwal/hari-libur": admin, "POST /jadwal/hari-libur/:day/hapus": admin,
        "POST /wilayah/:code/penduduk": admin,
        "POST /jadwal": admin, "GET /jadwal/:year/ubah": admin, "POST /jadwal/:year/pengaturan": admin,
        "POST /jadwal/:year/pagu": admin, "POST /jadwal/:year/pagu/:kecamatan": admin,
        "POST /kamus-usulan": admin, "GET /kamus-usulan/:id/ubah": admin, "POST /kamus-usulan/:id/ubah": admin,
        "GET /pengaduan/kategori": admin, "POST /pengaduan/kategori": admin,
        "POST /pengaduan/:id/rahasia": Rule([.role(.bappeda)], .installation, "an admin hides a complaint that turns out to need it"),

        // Usulan
        "GET /usulan/baru": accounts, "POST /usulan/baru": accounts, "GET /usulan/saya": accounts,
        "GET /usulan/antrean": staff(.operatorDesa, .operatorKecamatan),
        "GET /usulan/:id/ubah": Rule([.owner, .role(.operatorDesa)], .region, "the proposer or its desa's operator, while a draft or returned"),
        "POST /usulan/:id/ubah": Rule([.owner, .role(.operatorDesa)], .region, "the proposer or its desa's operator, while a draft or returned"),
        "POST /usulan/:id/langkah": Rule([.role(.operatorDesa), .role(.operatorKecamatan)], .region,
                                         "for a sent usulan; each stage has its own party (UsulanWorkflow: the proposer or its desa "
                                         + "for a draft, the kecamatan, the agency, Bappeda later on)"),
        "POST /usulan/:id/pokir": staff(.bappeda),
        "POST /usulan/:id/dukung": accounts, "POST /usulan/:id/batal-dukung": accounts,
        "POST /usulan/:id/komentar": accounts,
        "GET /usulan/impor-sipd": admin, "POST /usulan/impor-sipd": admin,
        "POST /lapor/:kind/:id": accounts,
        "GET /moderasi": staff(.moderator, .bappeda), "POST /moderasi/:kind/:id/sembunyikan": staff(.moderator, .bappeda),
        "POST /moderasi/:kind/:id/tampilkan": staff(.moderator, .bappeda), "POST /moderasi/:kind/:id/abaikan": staff(.moderator, .bappeda),

        // Discussions
        "GET /diskusi/baru": accounts, "POST /diskusi/baru": accounts, "POST /diskusi/:id/komentar": accounts,
        "POST /diskusi/:id/tutup": staff(.moderator, .bappeda), "POST /diskusi/:id/buka": staff(.moderator, .bappeda),

        // Musrenbang forums: held by the operators of their region
        "GET /musrenbang/baru": staff(.operatorDesa, .operatorKecamatan, .bappeda),
        "POST /musrenbang/baru": staff(.operatorDesa, .operatorKecamatan, .bappeda),
        "GET /musrenbang/:id/daftar-hadir": staff(.operatorDesa, .operatorKecamatan, .bappeda, scope: .region, "names and phones"),
        "GET /musrenbang/:id/hadir": staff(.operatorDesa, .operatorKecamatan, .bappeda, scope: .region),
        "POST /musrenbang/:id/hadir": staff(.operatorDesa, .operatorKecamatan, .bappeda, scope: .region),
        "POST /musrenbang/:id/hadir/:attendee/hapus": staff(.operatorDesa, .operatorKecamatan, .bappeda, scope: .region),
        "GET /musrenbang/:id/hadir-kertas": staff(.operatorDesa, .operatorKecamatan, .bappeda, scope: .region),
        "POST /musrenbang/:id/hadir-kertas": staff(.operatorDesa, .operatorKecamatan, .bappeda, scope: .region),
        "POST /musrenbang/:id/utusan": staff(.operatorDesa, .operatorKecamatan, .bappeda, scope: .region),
        "GET /musrenbang/:id/penilaian": staff(.operatorDesa, .operatorKecamatan, .bappeda, scope: .region),
        "POST /musrenbang/:id/penilaian": staff(.operatorDesa, .operatorKecamatan, .bappeda, scope: .region),
        "GET /musrenbang/:id/usulan/:usulan/sesuaikan": staff(.operatorDesa, .operatorKecamatan, .bappeda, scope: .region),
        "POST /musrenbang/:id/usulan/:usulan/sesuaikan": staff(.operatorDesa, .operatorKecamatan, .bappeda, scope: .region),
        "GET /musrenbang/:id/usulan/:usulan/keputusan": staff(.operatorDesa, .operatorKecamatan, .bappeda, scope: .region),
        "POST /musrenbang/:id/usulan/:usulan/keputusan": staff(.operatorDesa, .operatorKecamatan, .bappeda, scope: .region),
        "POST /musrenbang/:id/status": staff(.operatorDesa, .operatorKecamatan, .bappeda, scope: .region),
        "POST /musrenbang/:id/lampiran": staff(.operatorDesa, .operatorKecamatan, .bappeda, scope: .region),
        "POST /musrenbang/:id/lampiran/:file/hapus": staff(.operatorDesa, .operatorKecamatan, .bappeda, scope: .region),

        // Projects: their agency reports progress
        "GET /proyek/baru": staff(.opd, .bappeda), "POST /proyek/baru": staff(.opd, .bappeda),
        "GET /proyek/:id/ubah": staff(.opd, .bappeda, scope: .agency), "POST /proyek/:id/ubah": staff(.opd, .bappeda, scope: .agency),
        "GET /proyek/:id/laporan": staff(.opd, .bappeda, scope: .agency), "POST /proyek/:id/laporan": staff(.opd, .bappeda, scope: .agency),
        "POST /proyek/:id/status": staff(.opd, .bappeda, scope: .agency), "POST /proyek/:id/pagu": staff(.opd, .bappeda, scope: .agency),
        "GET /proyek/laporan-massal": staff(.opd, .bappeda), "POST /proyek/laporan-massal": staff(.opd, .bappeda),
        "GET /proyek/laporan-massal/templat.csv": staff(.opd, .bappeda),

        // Complaints: the complainant, and the agency that handles it
        "GET /pengaduan/baru": accounts, "POST /pengaduan/baru": accounts, "GET /pengaduan/saya": accounts,
        "GET /pengaduan/papan": staff(.opd, .bappeda),
        "POST /pengaduan/:id/tindakan": Rule([.owner, .role(.opd), .role(.bappeda)], .agency,
                                             "the agency answers, an admin assigns, the complainant confirms or reopens"),
        "POST /pengaduan/:id/nilai": Rule([.owner]),

        // Community programmes: run by their agency (and a co-hosting partner)
        "GET /program/baru": staff(.opd, .bappeda), "POST /program/baru": staff(.opd, .bappeda),
        "GET /program/saya": accounts,
        "GET /program/:id/ubah": staff(.opd, .bappeda, scope: .agency), "POST /program/:id/ubah": staff(.opd, .bappeda, scope: .agency),
        "POST /program/:id/status": staff(.opd, .bappeda, scope: .agency), "POST /program/:id/sesi": staff(.opd, .bappeda, scope: .agency),
        "POST /program/:id/sertifikat": staff(.opd, .bappeda, scope: .agency),
        "GET /program/sesi/:id/daftar": accounts, "POST /program/sesi/:id/daftar": accounts, "POST /program/sesi/:id/batal": accounts,
        "GET /program/sesi/:id/hadir": Rule([.role(.opd), .role(.mitra), .role(.bappeda)], .agency, "the agency, and a co-hosting partner"),
        "POST /program/sesi/:id/hadir": Rule([.role(.opd), .role(.mitra), .role(.bappeda)], .agency, "the agency, and a co-hosting partner"),
        "GET /program/:id/usaha": Rule([.account], .installation, "one's own business record; without a registration baseline: 409"),
        "POST /program/:id/usaha": Rule([.account], .installation, "one's own business record; without a registration baseline: 409"),
        "GET /program/:id/peserta": staff(.opd, .bappeda, scope: .agency),
        "POST /program/:id/kegiatan": Rule([.role(.opd), .role(.mitra), .role(.bappeda)], .agency, "the agency, and a co-hosting partner"),
        "GET /program/:id/pendampingan": Rule([.owner, .role(.opd), .role(.mitra), .role(.bappeda)], .agency,
                                              "the participant sees its mentoring; the agency and a co-hosting partner run it"),
        "POST /program/:id/pendampingan": Rule([.role(.opd), .role(.mitra), .role(.bappeda)], .agency, "the agency, and a co-hosting partner"),
        "POST /program/:id/evaluasi": Rule([.owner], .installation, "a participant evaluates a programme it attended"),
        "POST /program/evaluasi/:id/moderasi": staff(.moderator, .bappeda),

        // Partners
        "GET /mitra/baru": admin, "POST /mitra/baru": admin,
        "GET /mitra/:code/ubah": Rule([.role(.mitra), .role(.bappeda)], .partner),
        "POST /mitra/:code/ubah": Rule([.role(.mitra), .role(.bappeda)], .partner),
        "POST /mitra/:code/kerja-sama": staff(.opd, .bappeda),
        "POST /mitra/kerja-sama/:id/kontribusi": staff(.opd, .bappeda, scope: .agency, "the agency that signed the agreement"),

        // Public information
        "GET /informasi/baru": staff(.opd, .bappeda), "POST /informasi/baru": staff(.opd, .bappeda),
        "GET /dokumen/baru": staff(.opd, .bappeda), "POST /dokumen/baru": staff(.opd, .bappeda),

        // The API that writes: bearer tokens only
        "POST /api/v1/usulan": Rule([.token(.usulanWrite)]),
        "POST /api/v1/usulan/:id/dukungan": Rule([.token(.usulanWrite)]),
        "DELETE /api/v1/usulan/:id/dukungan": Rule([.token(.usulanWrite)]),
        "POST /api/v1/proyek/laporan": Rule([.token(.projectsReport)]),
    ]
}
