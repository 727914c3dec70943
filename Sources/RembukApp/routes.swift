import Vapor

/// Every address of Rembuk, in one place: the same case registers the route and builds its links,
/// so a link can never point at a path that does not exist. Parameters are registered as `:name`.
public enum SiteRoute: Hashable, Sendable {
    case home, plain, healthz, metrics, stylesheet
    case language(String)
    case regions, region(String), regionPopulation(String)
    case register, login, logout, account, changePassword, notificationSettings
    case accountDetails, proveContact, emailProof(String)
    case phoneSignIn, phoneCode, claimAccount
    case passwordReset, passwordResetCode, passwordResetLink(String), adminPasswordReset(String)
    case privacy, myData, deleteAccount
    case assisted, assistedCitizen(String), assistStart(String), assistStop, assistedClaimCode(String)
    case inbox, inboxRead(String), apiTokens, apiTokenRevoke(String)
    case follow, unfollow
    case audit
    case usulanIndex, usulanNew, myUsulan, usulanQueue, usulan(String), usulanEdit(String), usulanStep(String), usulanPokir(String)
    case usulanSupport(String), usulanUnsupport(String), usulanComment(String), usulanExportCSV, usulanExportJSON, usulanExportSIPD, sipdImport
    case report(String, String), moderationQueue, moderationHide(String, String), moderationRestore(String, String), moderationDismiss(String, String)
    case openData
    case schedule, scheduleEdit(String), cycleSettings(String), cyclePagu(String), cycleAgencyCeilings(String, String), kamus, kamusEdit(String)
    case forums, forumNew, forum(String), forumFunnel
    case forumAttendance(String), forumPaperAttendance(String), forumAttendeeRemove(String, String), forumAttendanceSheet(String), forumDelegates(String)
    case forumScoring(String), forumAdjust(String, String), forumDecide(String, String), forumStatus(String), forumMinutes(String), forumFiles(String), forumFileRemove(String, String)
    case attachment(String)
    case projects, projectNew, project(String), projectEdit(String), projectReport(String), projectStatus(String), projectPagu(String)
    case projectExportCSV, projectExportJSON, projectReportsCSV, apiProjectList, apiProject(String), dashboard, dashboardCSV(String), projectFeed(String)
    case complaints, complaintNew, complaint(String), complaintAction(String), complaintRate(String), complaintConfidential(String), myComplaints, complaintBoard, complaintStatistics, complaintCategories
    case complaintsCSV, complaintsJSON, complaintFeed, apiComplaintList, apiComplaint(String)
    case holidays, holidayRemove(String)
    case programs, programNew, program(String), programEdit(String), programStatus(String), programSessionNew(String), programCertificates(String)
    case sessionRegister(String), sessionCancel(String), sessionAttendance(String), myPrograms, certificateLookup, certificate(String)
    case programBusiness(String), programParticipants(String)
    case programsCSV, programsJSON, programSessionsCSV, apiProgramList, apiProgram(String)
    case programActivity(String), environmentTotals
    case programMentoring(String), programEvaluation(String), evaluationModerate(String)
    case partners, partnerNew, partner(String), partnerEdit(String), partnerAgreementNew(String), agreementContribution(String)
    case information, informationNew, article(String), informationFeed, documents, documentNew, documentDownload(String)
    case discussions, discussionNew, discussion(String), discussionComment(String), discussionClose(String), discussionReopen(String)
    case forumResultsCSV, forumResultsJSON, paguCSV, paguJSON, apiForumResults, apiPagu, openDataset(String)
    case adminTokens, adminTokenRevoke(String)
    case projectReportsUpload, projectReportsTemplate, apiProjectReports
    case adminAccounts, adminNewAccount, adminAccount(String), adminGrant(String), adminRevoke(String, String), adminAccountStatus(String)
    case adminIdentity, adminLogo, adminLogoRemove, logo(String)
    case adminAgencies, adminAgencyNew, adminAgency(String), adminAgencyMerge(String), adminAgencyImport, adminAgencyTemplate
    case apiRegion(String), apiAgencies, apiAudit, apiAuditHead, openAPI
    case apiUsulanList, apiUsulanSimilar, apiUsulan(String), apiUsulanSupport(String)

    public var path: String {
        switch self {
        case .home: "/"
        case .plain: "/plain"
        case .healthz: "/healthz"
        case .metrics: "/metrics"
        case .stylesheet: "/static/rembuk.css"
        case let .language(code): "/bahasa/\(code)"
        case .regions: "/wilayah"
        case let .region(code): "/wilayah/\(code)"
        case let .regionPopulation(code): "/wilayah/\(code)/penduduk"
        case .register: "/daftar"
        case .login: "/masuk"
        case .logout: "/keluar"
        case .phoneSignIn: "/masuk/hp"
        case .phoneCode: "/masuk/hp/kode"
        case .claimAccount: "/klaim"
        case .passwordReset: "/lupa-sandi"
        case .privacy: "/privasi"
        case .myData: "/akun/data-saya.json"
        case .deleteAccount: "/akun/hapus"
        case .passwordResetCode: "/lupa-sandi/kode"
        case let .passwordResetLink(token): "/lupa-sandi/tautan/\(token)"
        case let .adminPasswordReset(id): "/admin/akun/\(id)/ganti-sandi"
        case .assisted: "/bantuan-warga"
        case let .assistedCitizen(id): "/bantuan-warga/\(id)"
        case let .assistStart(id): "/bantuan-warga/\(id)/layani"
        case .assistStop: "/bantuan-warga/selesai"
        case let .assistedClaimCode(id): "/bantuan-warga/\(id)/kode-klaim"
        case .account: "/akun"
        case .accountDetails: "/akun/data-diri"
        case .proveContact: "/akun/verifikasi"
        case let .emailProof(token): "/akun/verifikasi-email/\(token)"
        case .changePassword: "/akun/sandi"
        case .notificationSettings: "/akun/notifikasi"
        case .inbox: "/akun/kotak-masuk"
        case .apiTokens: "/akun/token"
        case let .apiTokenRevoke(id): "/akun/token/\(id)/cabut"
        case let .inboxRead(id): "/akun/kotak-masuk/\(id)/dibaca"
        case .follow: "/ikuti"
        case .unfollow: "/berhenti-ikuti"
        case .audit: "/audit"
        case .usulanIndex: "/usulan"
        case .usulanNew: "/usulan/baru"
        case .myUsulan: "/usulan/saya"
        case .usulanQueue: "/usulan/antrean"
        case let .usulan(id): "/usulan/\(id)"
        case let .usulanEdit(id): "/usulan/\(id)/ubah"
        case let .usulanStep(id): "/usulan/\(id)/langkah"
        case let .usulanPokir(id): "/usulan/\(id)/pokir"
        case let .usulanSupport(id): "/usulan/\(id)/dukung"
        case let .usulanUnsupport(id): "/usulan/\(id)/batal-dukung"
        case let .usulanComment(id): "/usulan/\(id)/komentar"
        case .usulanExportCSV: "/usulan/unduh.csv"
        case .usulanExportJSON: "/usulan/unduh.json"
        case .usulanExportSIPD: "/usulan/unduh-sipd.csv"
        case .sipdImport: "/usulan/impor-sipd"
        case let .report(kind, id): "/lapor/\(kind)/\(id)"
        case .moderationQueue: "/moderasi"
        case let .moderationHide(kind, id): "/moderasi/\(kind)/\(id)/sembunyikan"
        case let .moderationRestore(kind, id): "/moderasi/\(kind)/\(id)/tampilkan"
        case let .moderationDismiss(kind, id): "/moderasi/\(kind)/\(id)/abaikan"
        case .openData: "/data"
        case .schedule: "/jadwal"
        case let .scheduleEdit(year): "/jadwal/\(year)/ubah"
        case let .cycleSettings(year): "/jadwal/\(year)/pengaturan"
        case let .cyclePagu(year): "/jadwal/\(year)/pagu"
        case let .cycleAgencyCeilings(year, kecamatan): "/jadwal/\(year)/pagu/\(kecamatan)"
        case .kamus: "/kamus-usulan"
        case .forums: "/musrenbang"
        case .forumNew: "/musrenbang/baru"
        case .forumFunnel: "/musrenbang/ringkasan"
        case let .forum(id): "/musrenbang/\(id)"
        case let .forumAttendance(id): "/musrenbang/\(id)/hadir"
        case let .forumPaperAttendance(id): "/musrenbang/\(id)/hadir-kertas"
        case let .forumAttendeeRemove(id, attendee): "/musrenbang/\(id)/hadir/\(attendee)/hapus"
        case let .forumAttendanceSheet(id): "/musrenbang/\(id)/daftar-hadir"
        case let .forumDelegates(id): "/musrenbang/\(id)/utusan"
        case let .forumScoring(id): "/musrenbang/\(id)/penilaian"
        case let .forumAdjust(id, usulan): "/musrenbang/\(id)/usulan/\(usulan)/sesuaikan"
        case let .forumDecide(id, usulan): "/musrenbang/\(id)/usulan/\(usulan)/keputusan"
        case let .forumStatus(id): "/musrenbang/\(id)/status"
        case let .forumMinutes(id): "/musrenbang/\(id)/berita-acara"
        case let .forumFiles(id): "/musrenbang/\(id)/lampiran"
        case let .forumFileRemove(id, file): "/musrenbang/\(id)/lampiran/\(file)/hapus"
        case let .kamusEdit(id): "/kamus-usulan/\(id)/ubah"
        case let .attachment(id): "/lampiran/\(id)"
        case .projects: "/proyek"
        case .projectNew: "/proyek/baru"
        case let .project(id): "/proyek/\(id)"
        case let .projectEdit(id): "/proyek/\(id)/ubah"
        case let .projectReport(id): "/proyek/\(id)/laporan"
        case let .projectStatus(id): "/proyek/\(id)/status"
        case let .projectPagu(id): "/proyek/\(id)/pagu"
        case .projectExportCSV: "/proyek/unduh.csv"
        case .projectExportJSON: "/proyek/unduh.json"
        case .projectReportsCSV: "/proyek/laporan.csv"
        case .apiProjectList: "/api/v1/proyek"
        case .dashboard: "/dasbor"
        case let .projectFeed(kecamatan): "/proyek/kabar/\(kecamatan)"
        case .complaints: "/pengaduan"
        case .complaintNew: "/pengaduan/baru"
        case let .complaint(id): "/pengaduan/\(id)"
        case let .complaintAction(id): "/pengaduan/\(id)/tindakan"
        case let .complaintRate(id): "/pengaduan/\(id)/nilai"
        case let .complaintConfidential(id): "/pengaduan/\(id)/rahasia"
        case .myComplaints: "/pengaduan/saya"
        case .complaintBoard: "/pengaduan/papan"
        case .complaintStatistics: "/pengaduan/statistik"
        case .complaintCategories: "/pengaduan/kategori"
        case .information: "/informasi"
        case .informationNew: "/informasi/baru"
        case let .article(id): "/informasi/\(id)"
        case .informationFeed: "/informasi/kabar"
        case .documents: "/dokumen"
        case .documentNew: "/dokumen/baru"
        case let .documentDownload(id): "/dokumen/\(id)/unduh"
        case .complaintsCSV: "/pengaduan/unduh.csv"
        case .complaintsJSON: "/pengaduan/unduh.json"
        case .complaintFeed: "/pengaduan/kabar"
        case .apiComplaintList: "/api/v1/pengaduan"
        case let .apiComplaint(id): "/api/v1/pengaduan/\(id)"
        case .programs: "/program"
        case .programNew: "/program/baru"
        case let .program(id): "/program/\(id)"
        case let .programEdit(id): "/program/\(id)/ubah"
        case let .programStatus(id): "/program/\(id)/status"
        case let .programSessionNew(id): "/program/\(id)/sesi"
        case let .programCertificates(id): "/program/\(id)/sertifikat"
        case let .sessionRegister(id): "/program/sesi/\(id)/daftar"
        case let .sessionCancel(id): "/program/sesi/\(id)/batal"
        case let .sessionAttendance(id): "/program/sesi/\(id)/hadir"
        case let .programBusiness(id): "/program/\(id)/usaha"
        case let .programParticipants(id): "/program/\(id)/peserta"
        case let .programActivity(id): "/program/\(id)/kegiatan"
        case .environmentTotals: "/program/lingkungan"
        case .programsCSV: "/program/unduh.csv"
        case .programsJSON: "/program/unduh.json"
        case .programSessionsCSV: "/program/sesi.csv"
        case .apiProgramList: "/api/v1/program"
        case let .apiProgram(id): "/api/v1/program/\(id)"
        case .myPrograms: "/program/saya"
        case .certificateLookup: "/sertifikat"
        case let .certificate(code): "/sertifikat/\(code)"
        case let .programMentoring(id): "/program/\(id)/pendampingan"
        case let .programEvaluation(id): "/program/\(id)/evaluasi"
        case let .evaluationModerate(id): "/program/evaluasi/\(id)/moderasi"
        case .partners: "/mitra"
        case .partnerNew: "/mitra/baru"
        case let .partner(code): "/mitra/\(code)"
        case let .partnerEdit(code): "/mitra/\(code)/ubah"
        case let .partnerAgreementNew(code): "/mitra/\(code)/kerja-sama"
        case let .agreementContribution(id): "/mitra/kerja-sama/\(id)/kontribusi"
        case .holidays: "/jadwal/hari-libur"
        case let .holidayRemove(day): "/jadwal/hari-libur/\(day)/hapus"
        case .discussions: "/diskusi"
        case .discussionNew: "/diskusi/baru"
        case let .discussion(id): "/diskusi/\(id)"
        case let .discussionComment(id): "/diskusi/\(id)/komentar"
        case let .discussionClose(id): "/diskusi/\(id)/tutup"
        case let .discussionReopen(id): "/diskusi/\(id)/buka"
        case .forumResultsCSV: "/musrenbang/unduh.csv"
        case .forumResultsJSON: "/musrenbang/unduh.json"
        case .paguCSV: "/jadwal/pagu.csv"
        case .paguJSON: "/jadwal/pagu.json"
        case .apiForumResults: "/api/v1/musrenbang/hasil"
        case .apiPagu: "/api/v1/pagu"
        case let .openDataset(name): "/data/\(name)"
        case let .dashboardCSV(name): "/dasbor/unduh/\(name)"
        case let .apiProject(id): "/api/v1/proyek/\(id)"
        case .adminAccounts: "/admin/akun"
        case .adminTokens: "/admin/token"
        case let .adminTokenRevoke(id): "/admin/token/\(id)/cabut"
        case .projectReportsUpload: "/proyek/laporan-massal"
        case .projectReportsTemplate: "/proyek/laporan-massal/templat.csv"
        case .apiProjectReports: "/api/v1/proyek/laporan"
        case .adminNewAccount: "/admin/akun/baru"
        case let .adminAccount(id): "/admin/akun/\(id)"
        case let .adminGrant(id): "/admin/akun/\(id)/peran"
        case let .adminRevoke(id, grant): "/admin/akun/\(id)/peran/\(grant)/cabut"
        case let .adminAccountStatus(id): "/admin/akun/\(id)/status"
        case .adminIdentity: "/admin/identitas"
        case .adminLogo: "/admin/identitas/logo"
        case .adminLogoRemove: "/admin/identitas/logo/hapus"
        case let .logo(file): "/logo/\(file)"
        case .adminAgencies: "/admin/opd"
        case .adminAgencyNew: "/admin/opd/baru"
        case .adminAgencyImport: "/admin/opd/impor"
        case .adminAgencyTemplate: "/admin/opd/templat.csv"
        case let .adminAgency(key): "/admin/opd/\(key)"
        case let .adminAgencyMerge(key): "/admin/opd/\(key)/gabung"
        case let .apiRegion(code): "/api/v1/wilayah/\(code)"
        case .apiAgencies: "/api/v1/opd"
        case .apiAudit: "/api/v1/audit"
        case .apiAuditHead: "/api/v1/audit/head"
        case .openAPI: "/api/v1/openapi.json"
        case .apiUsulanList: "/api/v1/usulan"
        case .apiUsulanSimilar: "/api/v1/usulan/serupa"
        case let .apiUsulan(id): "/api/v1/usulan/\(id)"
        case let .apiUsulanSupport(id): "/api/v1/usulan/\(id)/dukungan"
        }
    }

    var pathComponents: [PathComponent] {
        path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }
}

extension RoutesBuilder {
    @discardableResult
    func get(_ route: SiteRoute, use handler: @escaping @Sendable (Request) async throws -> Response) -> Route {
        on(.GET, route.pathComponents, use: handler)
    }

    @discardableResult
    func post(_ route: SiteRoute, use handler: @escaping @Sendable (Request) async throws -> Response) -> Route {
        on(.POST, route.pathComponents, use: handler)
    }
}

func routes(_ app: Application) throws {
    let pages = app.grouped(CSRFMiddleware())
    HomeController().register(pages)
    RegionsController().register(pages)
    AccountController().register(pages)
    ContactController().register(pages)
    PhoneSignInController().register(pages)
    PasswordResetController().register(pages)
    PrivacyController().register(pages)
    AssistController().register(pages)
    InboxController().register(pages)
    ApiTokenController().register(pages)
    AdminAccountsController().register(pages)
    AgencyTokensController().register(pages)
    IdentityController().register(pages)
    AgenciesController().register(pages)
    AuditController().register(pages)
    UsulanController().register(pages)
    UsulanDataController().register(pages)
    SIPDController().register(pages)
    OpenDataController().register(pages)
    AttachmentController().register(pages)
    CommentsController().register(pages)
    DiscussionController().register(pages)
    ComplaintDataController().register(pages)
    HolidaysController().register(pages)
    ProgramController().register(pages)
    ProgramDataController().register(pages)
    ProgramFeedbackController().register(pages)
    PartnerController().register(pages)
    ScheduleController().register(pages)
    CycleSettingsController().register(pages)
    ForumController().register(pages)
    ForumProceedingsController().register(pages)
    ProjectController().register(pages)
    ProjectDataController().register(pages)
    DashboardController().register(pages)
    PlanningDataController().register(pages)
    ComplaintController().register(pages)
    InformationController().register(pages)
    // The JSON API that writes: bearer tokens only, no cookies, so no CSRF to guard against.
    let api = app.grouped(APIAuthMiddleware())
    UsulanAPIController().register(api)
    ProgressUploadController().register(pages: pages, api: api)
    KamusController().register(pages)
}
