"""The citizen's first visit, in a real headless Chromium: register (with one mistake first), see the own
account page, sign out, sign in, switch to English, sign out. Screenshots go to the folder given."""
import os
import sys
import time

from selenium.webdriver.common.by import By

import browserkit as kit
from browserkit import check, click_and_wait, fill, shot, shows, sign_in, sign_out

driver = kit.start(sys.argv[1], sys.argv[2])
base, shots = kit.base, kit.shots


def photo(path):
    """A small real PNG (a grey road under a blue sky), so the page shows an actual image."""
    import struct
    import zlib
    width, height = 96, 64
    rows = b"".join(b"\x00" + b"".join(bytes((90, 140, 200) if y < 28 else (110, 105, 100)) for _ in range(width)) for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    return path


try:
    driver.get(base + "/")
    check("home in Indonesian", shows("Rencanakan pembangunan"))
    shot("01-beranda")

    driver.find_element(By.LINK_TEXT, "Daftar").click()
    stamp = int(time.time())
    email = "warga%d@contoh.id" % stamp
    phone_tail = "%04d" % (stamp % 9999 + 1)
    nik = "32140145089" + "0" + phone_tail
    fill("name", "Nur Aisyah")
    fill("email", email)
    fill("phone", "0813-2222-" + phone_tail)
    fill("password", "kopi-tubruk-2026")
    fill("password_confirmation", "kopi-tubruk-2026")
    fill("nik", "1234")
    driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    check("NIK error shown beside the field", shows("NIK harus 16 angka"))
    check("consent to the privacy notice asked for", shows("Centang persetujuan pemrosesan data pribadi"))
    check("typed name kept", driver.find_element(By.NAME, "name").get_attribute("value") == "Nur Aisyah")
    shot("02-daftar-salah")

    fill("password", "kopi-tubruk-2026")
    fill("password_confirmation", "kopi-tubruk-2026")
    fill("nik", nik)
    driver.find_element(By.ID, "f-consent").click()
    driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    check("account page after registering", shows("Akun saya", "Selamat datang"))
    check("NIK masked to its last four digits", "••••••••••••" + phone_tail in driver.page_source and "3214••" not in driver.page_source)
    check("NIK never whole", nik not in driver.page_source)
    check("phone masked", "+62813••••" + phone_tail in driver.page_source)
    shot("03-akun")

    driver.find_element(By.XPATH, "//button[normalize-space()='Keluar']").click()
    check("signed out", shows("Rencanakan pembangunan", absent=("Kotak masuk",)))
    driver.find_element(By.LINK_TEXT, "Masuk").click()
    fill("identifier", email)
    fill("password", "kopi-tubruk-2026")
    driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    check("signed in again", shows("Akun saya", "Kotak masuk"))

    driver.find_element(By.LINK_TEXT, "English").click()
    check("English account page", shows("My account", "Change password"))
    shot("04-account-english")

    driver.get(base + "/wilayah/32.14")
    check("kabupaten page", shows("Kabupaten Purwakarta", "Districts"))
    shot("05-region-english")

    driver.find_element(By.XPATH, "//button[normalize-space()='Sign out']").click()
    check("signed out in English", shows("Sign in", "Plan Kabupaten", absent=("Inbox",)))
    driver.find_element(By.LINK_TEXT, "Bahasa Indonesia").click()
    check("back to Indonesian", shows("Rencanakan pembangunan"))

    # The usulan journey: a citizen proposes, sees a similar one, submits; the operator verifies; the citizen sees why.
    driver.get(base + "/masuk")
    fill("identifier", "warga@rembuk.test")
    fill("password", "demo-rembuk-2026")
    driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    check("citizen signed in", shows("Akun saya"))
    driver.get(base + "/usulan/baru")
    kit.fill_usulan("Perbaikan jalan lingkungan rusak di RT 01 Nagri Kidul",
                    "Jalan lingkungan berlubang besar, becek dan licin saat hujan turun.",
                    "Pengaspalan ulang jalan lingkungan sepanjang 300 meter.", "Dusun Krajan, Jalan Citalang", "300", "m", "135.000.000")
    driver.find_element(By.NAME, "berkas").send_keys(photo(os.path.abspath(os.path.join(shots, "jalan-rusak.png"))))
    driver.find_element(By.CSS_SELECTOR, "button[value=periksa]").click()
    check("similar usulan shown before submitting", shows("Usulan serupa sudah ada"))
    check("the photo is kept while checking", shows("jalan-rusak.png ("))
    driver.execute_script("document.querySelector('input[name=lampiran]').scrollIntoView()")
    shot("07-usulan-serupa")
    driver.find_element(By.CSS_SELECTOR, "button[value=ajukan]").click()
    check("submitted", shows("Posisi sekarang: Diajukan"))
    check("the photo is on the page", shows("Foto: jalan-rusak.png"))
    image = driver.find_element(By.CSS_SELECTOR, ".gallery img")
    check("the photo loads", driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) == 96)
    usulan_url = driver.current_url
    fill("body", "Jalan ini dilalui anak-anak ke SD setiap pagi, mohon diprioritaskan.")
    driver.find_element(By.XPATH, "//button[normalize-space()='Kirim komentar']").click()
    check("comment shown", shows("Komentar (1)", "mohon diprioritaskan"))
    shot("07b-usulan-terkirim")
    driver.find_element(By.XPATH, "//button[normalize-space()='Keluar']").click()
    shows("Rencanakan pembangunan")

    driver.get(base + "/masuk")
    fill("identifier", "operator.desa@rembuk.test")
    fill("password", "demo-rembuk-2026")
    driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    shows("Akun saya")
    driver.find_element(By.LINK_TEXT, "Antrean verifikasi").click()
    check("queue lists it", shows("Antrean verifikasi", "Nagri Kidul"))
    check("queue points out what to check", shows("Kepemilikan aset: periksa di lokasi", "Mirip dengan"))
    shot("08a-antrean")
    driver.get(usulan_url)
    driver.find_element(By.XPATH, "//summary[normalize-space()='Verifikasi']").click()
    note = driver.find_element(By.ID, "s-verify-note")
    note.send_keys("Lokasi sudah ditinjau bersama ketua RT.")
    note.find_element(By.XPATH, "ancestor::form//button[@type='submit']").click()
    check("verifying without the checks is refused", shows("Centang semua pemeriksaan sebelum memverifikasi"))
    for name in ["cek_lengkap", "cek_kamus", "cek_aset", "cek_duplikat"]:
        driver.find_element(By.NAME, name).click()
    note = driver.find_element(By.ID, "s-verify-note")
    note.send_keys("Lokasi sudah ditinjau bersama ketua RT.")
    shot("08-usulan-operator")
    note.find_element(By.XPATH, "ancestor::form//button[@type='submit']").click()
    check("verified", shows("Posisi sekarang: Diverifikasi desa"))
    driver.find_element(By.XPATH, "//button[normalize-space()='Keluar']").click()
    shows("Rencanakan pembangunan")

    driver.get(base + "/masuk")
    fill("identifier", "warga@rembuk.test")
    fill("password", "demo-rembuk-2026")
    driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    shows("Akun saya")
    driver.get(usulan_url)
    check("citizen sees the new status and the reason", shows("Diverifikasi desa", "Lokasi sudah ditinjau bersama ketua RT."))
    shot("09-usulan-riwayat")
    driver.find_element(By.XPATH, "//button[normalize-space()='Keluar']").click()
    shows("Rencanakan pembangunan")

    # The desa forum: schedule, open, daftar hadir, delegates, score, close; berita acara and the usulan moved on.
    from selenium.webdriver.support.ui import Select
    driver.get(base + "/masuk")
    fill("identifier", "operator.desa@rembuk.test")
    fill("password", "demo-rembuk-2026")
    driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    shows("Akun saya")
    driver.get(base + "/musrenbang/baru")
    Select(driver.find_element(By.NAME, "level")).select_by_value("desa")
    Select(driver.find_element(By.NAME, "region_code")).select_by_value("32.14.01.2010")
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.NAME, "held_on"), "%d-01-20" % time.localtime().tm_year)
    fill("starts_at", "09.00")
    fill("place", "Balai Desa Citalang")
    fill("facilitator", "Dede Rohmat, Pendamping Desa")
    fill("agenda", "Pembukaan\nPemaparan usulan warga\nPenilaian dan pemeringkatan\nPemilihan utusan")
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Jadwalkan']"))
    check("forum scheduled", shows("Musrenbang Desa Citalang", "Dijadwalkan"))
    forum_url = driver.current_url
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Buka forum']"))
    check("forum opened", shows("Berlangsung"))
    click_and_wait(driver.find_element(By.LINK_TEXT, "Daftar hadir dan utusan"))
    people = [("Siti Aminah", "perempuan", "dewasa", "pkk", "PKK RW 01"), ("Dedi Kurniawan", "laki_laki", "pemuda", "karang_taruna", "Karang Taruna Citalang"),
              ("H. Asep Saepudin", "laki_laki", "lansia", "tokoh_agama", "DKM Al-Ikhlas"), ("Rina Marlina", "perempuan", "pemuda", "umkm", "Kelompok UMKM Citalang"),
              ("Ujang Suryana", "laki_laki", "dewasa", "rt_rw", "Ketua RT 03")]
    for number, (name, gender, age, unsur, organisation) in enumerate(people, start=1):
        fill("name", name)
        Select(driver.find_element(By.NAME, "gender")).select_by_value(gender)
        Select(driver.find_element(By.NAME, "age_group")).select_by_value(age)
        Select(driver.find_element(By.NAME, "unsur")).select_by_value(unsur)
        fill("organisation", organisation)
        click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Catat hadir']"))
        shows("Peserta no. %d tercatat." % number)
    check("inclusion figures live", shows("perempuan (2 orang)", "40 %", "Memenuhi target 30 %."))
    for number in (1, 2, 5):
        driver.find_element(By.ID, "d-%d" % number).click()
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Simpan utusan']"))
    shows("Catat peserta")
    shot("10a-daftar-hadir")
    driver.get(forum_url)
    click_and_wait(driver.find_element(By.LINK_TEXT, "Lembar penilaian usulan"))
    fill("scorer", "Penilai 1 – Ketua BPD")
    sheet = driver.find_element(By.XPATH, "//fieldset[contains(., 'Perbaikan jalan lingkungan rusak di RT 01 Nagri Kidul')]")
    for select, value in zip(sheet.find_elements(By.TAG_NAME, "select"), ["5", "4", "4", "3"]):
        Select(select).select_by_value(value)
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Simpan nilai']"))
    check("scores saved", shows("Nilai 1 usulan tersimpan."))
    driver.get(forum_url)
    check("ranked first with its score", shows("4,30", "Disepakati"))
    driver.execute_script("document.querySelector('.scroll').scrollIntoView()")
    shot("10b-forum-berlangsung")
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Tutup forum dan bekukan hasil']"))
    check("forum closed", shows("Hasil forum", "Selesai"))
    click_and_wait(driver.find_element(By.LINK_TEXT, "Berita acara"))
    check("berita acara", shows("BERITA ACARA", "Daftar prioritas usulan yang disepakati", "Siti Aminah (Perempuan", "Jejak audit Rembuk saat penutupan"))
    shot("10c-berita-acara")
    driver.get(forum_url.rstrip("/") + "/daftar-hadir")
    check("printable daftar hadir", shows("DAFTAR HADIR", "Tanda tangan"))
    shot("10d-daftar-hadir-cetak")
    driver.find_element(By.XPATH, "//button[normalize-space()='Keluar']").click()
    shows("Rencanakan pembangunan")
    driver.get(usulan_url)
    check("the usulan moved on to the kecamatan", shows("Diteruskan ke kecamatan", "prioritas 1"))

    # The rest of the cycle: the kecamatan forum fits it into the pagu, the forum OPD accepts, the kabupaten
    # forum puts it into the RKPD. Each berita acara is screenshotted.
    def schedule(level, region, day, place, agency=None):
        driver.get(base + "/musrenbang/baru")
        Select(driver.find_element(By.NAME, "level")).select_by_value(level)
        Select(driver.find_element(By.NAME, "region_code")).select_by_value(region)
        if agency:
            Select(driver.find_element(By.NAME, "agency")).select_by_value(agency)
        driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.NAME, "held_on"), "%d-%s" % (time.localtime().tm_year, day))
        fill("starts_at", "09.00")
        fill("place", place)
        click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Jadwalkan']"))
        shows("Dijadwalkan")
        return driver.current_url

    def open_and_attend(url, people):
        driver.get(url)
        click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Buka forum']"))
        shows("Berlangsung")
        driver.get(url + "/hadir")
        for number, (name, gender, unsur) in enumerate(people, start=1):
            fill("name", name)
            Select(driver.find_element(By.NAME, "gender")).select_by_value(gender)
            Select(driver.find_element(By.NAME, "age_group")).select_by_value("dewasa")
            Select(driver.find_element(By.NAME, "unsur")).select_by_value(unsur)
            click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Catat hadir']"))
            shows("Peserta no. %d tercatat." % number)

    def decide_all(choice):
        driver.get(forum)
        while True:
            links = driver.find_elements(By.LINK_TEXT, "Catat keputusan")
            if not links:
                break
            click_and_wait(links[0])
            Select(driver.find_element(By.NAME, "decision")).select_by_value(choice)
            click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Simpan keputusan']"))
            shows("Jalannya forum")

    def close_and_print(name):
        driver.get(forum)
        click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Tutup forum dan bekukan hasil']"))
        closed = shows("Hasil forum", "Selesai")
        click_and_wait(driver.find_element(By.LINK_TEXT, "Berita acara"))
        shows("BERITA ACARA")
        shot(name)
        return closed

    sign_in("operator.kecamatan@rembuk.test")
    forum = schedule("kecamatan", "32.14.01", "02-20", "Aula Kecamatan Purwakarta")
    open_and_attend(forum, [("Euis Sumiati", "perempuan", "tokoh_perempuan"), ("Cecep Supriatna", "laki_laki", "lpm"), ("Yayan Hidayat", "laki_laki", "bpd")])
    for number in (1, 2, 3):
        driver.find_element(By.ID, "d-%d" % number).click()
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Simpan utusan']"))
    shows("Catat peserta")
    driver.get(forum + "/penilaian")
    fill("scorer", "Tim perumus kecamatan")
    sheet = driver.find_element(By.XPATH, "//fieldset[contains(., 'Perbaikan jalan lingkungan rusak di RT 01 Nagri Kidul')]")
    for select in sheet.find_elements(By.TAG_NAME, "select"):
        Select(select).select_by_value("5")
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Simpan nilai']"))
    shows("tersimpan.")
    driver.get(forum)
    check("kecamatan shows what is left of the pagu", shows("Sisa pagu", "Pagu Rp"))
    check("kecamatan forum closed", close_and_print("11a-berita-acara-kecamatan"))
    check("kecamatan berita acara shows the pagu", shows("Pagu indikatif Rp", "Perbaikan jalan lingkungan rusak di RT 01 Nagri Kidul"))
    sign_out()

    sign_in("admin@rembuk.test")
    forum = schedule("forum_opd", "32.14", "03-05", "Aula Dinas PUPR", agency="dinas-pupr")
    sign_out()
    sign_in("opd@rembuk.test")
    open_and_attend(forum, [("Ir. Bambang Sutrisno", "laki_laki", "perangkat_daerah"), ("Nia Kurniasih", "perempuan", "perangkat_daerah")])
    decide_all("terima")
    check("forum OPD closed", close_and_print("11b-berita-acara-forum-opd"))
    sign_out()

    sign_in("admin@rembuk.test")
    forum = schedule("kabupaten", "32.14", "03-25", "Gedung Negara Purwakarta")
    open_and_attend(forum, [("Dra. Hj. Lilis Suryani", "perempuan", "perangkat_daerah"), ("H. Ahmad Sanusi", "laki_laki", "dprd")])
    decide_all("masuk_rkpd")
    check("kabupaten forum closed", close_and_print("11c-berita-acara-kabupaten"))
    driver.get(base + "/musrenbang/ringkasan")
    check("funnel counts the RKPD", shows("Masuk RKPD"))
    shot("11d-ringkasan")
    sign_out()
    driver.get(usulan_url)
    check("the citizen's usulan is in the RKPD", shows("Masuk RKPD", "Musrenbang Kabupaten"))
    shot("11e-usulan-masuk-rkpd")

    # Issue 5: the agency makes the usulan a project, reports progress twice with photos, a visitor follows it.
    def pupr_spent():
        driver.get(base + "/dasbor")
        row = driver.find_element(By.XPATH, "//section[@aria-labelledby='h-opd']//tr[td[1][normalize-space()='Dinas Pekerjaan Umum dan Penataan Ruang']]")
        return row.find_elements(By.TAG_NAME, "td")[3].text

    spent_before = pupr_spent()
    sign_in("opd@rembuk.test")
    driver.get(usulan_url)
    click_and_wait(driver.find_element(By.LINK_TEXT, "Jadikan proyek"))
    check("project form filled from the usulan", driver.find_element(By.NAME, "title").get_attribute("value").startswith("Perbaikan jalan lingkungan rusak"))
    fill("sub_kegiatan", "1.03.10.2.01.0036")
    year = time.localtime().tm_year
    for name, day in (("planned_start", "%d-01-10" % (year + 1)), ("planned_end", "%d-06-30" % (year + 1))):
        driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.NAME, name), day)
    fill("contractor", "CV Karya Mandiri Purwakarta")
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Buat proyek']"))
    check("project created in planning", shows("Papan informasi kegiatan", "Perencanaan", "Berasal dari usulan warga"))
    project_url = driver.current_url
    for status in ("pengadaan", "pelaksanaan"):
        Select(driver.find_element(By.NAME, "status")).select_by_value(status)
        click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Ubah status']"))
    check("project under way", shows("Status menjadi Pelaksanaan"))

    def report(progress, realised, notes, picture):
        driver.get(project_url + "/laporan")
        fill("progress", progress)
        fill("realised", realised)
        fill("notes", notes)
        if picture:
            driver.find_element(By.NAME, "berkas").send_keys(photo(os.path.abspath(os.path.join(shots, picture))))
        click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Kirim laporan']"))

    report("120", "50.000.000", "Galian badan jalan selesai.", None)
    check("progress above 100 % refused", shows("Kemajuan fisik harus antara 0 dan 100 %"))
    shot("12a-laporan-salah")
    report("35", "60.000.000", "Galian badan jalan dan lapis pondasi 120 m selesai.", "laporan-1.png")
    check("first report on the timeline", shows("Fisik 35 %", "lapis pondasi 120 m selesai"))
    report("70", "130.000.000", "Pengaspalan 250 m dari arah balai desa.", "laporan-2.png")
    check("second report on the timeline", shows("Fisik 70 %", "Pengaspalan 250 m"))
    sign_out()

    driver.get(project_url)
    check("visitor sees the billboard", shows("Papan informasi kegiatan", "CV Karya Mandiri Purwakarta", "70 %", "Rp130.000.000"))
    images = driver.find_elements(By.CSS_SELECTOR, "ol.timeline img")
    check("both reports' photos load", len(images) == 2 and all(driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", i) == 96 for i in images))
    shot("12b-proyek-publik")
    spent_after = pupr_spent()
    check("the dashboard's PUPR spending grew by the reports", spent_after != spent_before)
    check("the dashboard draws its charts as SVG", len(driver.find_elements(By.CSS_SELECTOR, "figure.chart svg[role=img]")) == 6)
    shot("12d-dasbor")
    driver.get(usulan_url)
    check("the citizen's usulan follows the project", shows("Dilaksanakan", "Dikerjakan dalam proyek"))
    driver.get(base + "/proyek")
    check("project list shows it", shows("Perbaikan jalan lingkungan rusak", "70 %"))
    shot("12c-daftar-proyek")

    # Issue 6: a citizen files a confidential complaint with a photo; the admin verifies and passes it to the
    # PUPR; the PUPR answers; the citizen reads the answer in the inbox and rates it; a visitor finds it nowhere.
    driver.get(base + "/masuk")
    fill("identifier", "warga@rembuk.test")
    fill("password", "demo-rembuk-2026")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
    driver.get(base + "/pengaduan/baru")
    Select(driver.find_element(By.NAME, "category")).select_by_value("jalan-jembatan")
    fill("title", "Pungutan liar pada pekerjaan jalan Nagri Kidul")
    fill("text", "Pekerja proyek meminta uang kepada warga yang rumahnya dilewati pekerjaan jalan, Rp50.000 per rumah.")
    Select(driver.find_element(By.NAME, "desa_code")).select_by_value("32.14.01.1001")
    driver.find_element(By.ID, "p-rahasia").click()
    driver.find_element(By.NAME, "berkas").send_keys(photo(os.path.abspath(os.path.join(shots, "bukti-pungli.png"))))
    shot("13a-pengaduan-baru")
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Kirim pengaduan']"))
    check("complaint received", shows("Pungutan liar pada pekerjaan jalan Nagri Kidul", "Diterima", "Rahasia"))
    complaint_url = driver.current_url
    sign_out()

    sign_in("admin@rembuk.test")
    driver.get(complaint_url)
    Select(driver.find_element(By.NAME, "action")).select_by_value("verify")
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Simpan']"))
    Select(driver.find_element(By.NAME, "action")).select_by_value("dispose")
    Select(driver.find_element(By.NAME, "agency")).select_by_value("dinas-pupr")
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Simpan']"))
    check("passed to the PUPR", shows("Didisposisikan ke perangkat daerah", "Dinas Pekerjaan Umum dan Penataan Ruang"))
    driver.get(base + "/pengaduan/papan")
    check("the board lists it", shows("Pungutan liar pada pekerjaan jalan Nagri Kidul"))
    shot("13b-papan-pengaduan")
    sign_out()

    sign_in("opd@rembuk.test")
    driver.get(complaint_url)
    fill("note", "Pengawas lapangan sudah memeriksa; pekerja yang meminta uang diberhentikan dan uang dikembalikan kepada warga.")
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Simpan']"))
    Select(driver.find_element(By.NAME, "action")).select_by_value("finish")
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Simpan']"))
    check("answered and finished", shows("Tindak lanjut", "Selesai"))
    sign_out()

    sign_in("warga@rembuk.test")
    driver.get(base + "/akun/kotak-masuk")
    check("the answer is in the inbox", shows("uang dikembalikan kepada warga"))
    shot("13c-kotak-masuk-pengaduan")
    driver.get(complaint_url)
    Select(driver.find_element(By.NAME, "rating")).select_by_value("5")
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Kirim penilaian']"))
    check("rated", shows("Penilaian pelapor", "5/5"))
    shot("13d-pengaduan-selesai")
    sign_out()

    driver.get(complaint_url)
    check("a visitor cannot open it", shows("tidak ada", absent=("Pungutan liar",)))
    for path in ("/pengaduan", "/audit", "/api/v1/audit?batas=1000", "/pengaduan/statistik"):
        driver.get(base + path)
        check("not on " + path, "Pungutan liar" not in driver.page_source and "Nagri Kidul, pekerjaan" not in driver.page_source)

    # Issue 6: a citizen takes notifications as a daily digest and opens a discussion; the PUPR answers in it;
    # the moderator closes it with a public reason.
    sign_in("warga@rembuk.test")
    driver.get(base + "/akun")
    driver.find_element(By.ID, "d-harian").click()
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Simpan pengaturan']"))
    check("daily digest chosen", shows("Pengaturan notifikasi disimpan") and driver.find_element(By.ID, "d-harian").is_selected())
    driver.get(base + "/diskusi/baru")
    fill("title", "Sumur resapan atau normalisasi saluran di Nagri Kidul?")
    Select(driver.find_element(By.NAME, "topic")).select_by_value("infrastruktur")
    Select(driver.find_element(By.NAME, "region")).select_by_value("32.14.01")
    fill("body", "Setiap hujan air menggenang di gang kami. Mana yang lebih tepat kita usulkan di Musrenbang Desa tahun depan?")
    shot("14a-diskusi-baru")
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Buka diskusi']"))
    check("discussion opened", shows("Sumur resapan atau normalisasi saluran di Nagri Kidul?", "Siti A.", "Komentar (0)"))
    discussion_url = driver.current_url
    sign_out()

    sign_in("opd@rembuk.test")
    driver.get(discussion_url)
    fill("body", "Sumur resapan bisa diusulkan per RT; normalisasi saluran kami masukkan ke pemeliharaan rutin.")
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Kirim komentar']"))
    check("the agency answered", shows("Hendra G.", "pemeliharaan rutin", "Komentar (1)"))
    sign_out()

    sign_in("moderator@rembuk.test")
    driver.get(discussion_url)
    driver.find_element(By.XPATH, "//summary[normalize-space()='Tutup diskusi']").click()
    driver.find_element(By.ID, "t-reason").send_keys("Sudah dijawab Dinas PUPR; lanjutkan lewat usulan Musrenbang Desa.")
    click_and_wait(driver.find_element(By.XPATH, "//form[contains(@action,'/tutup')]//button"))
    check("closed with its reason", shows("ditutup untuk komentar baru", "lanjutkan lewat usulan Musrenbang Desa", "Ditutup"))
    shot("14b-diskusi-ditutup")
    sign_out()
    driver.get(base + "/diskusi?status=ditutup")
    check("listed as closed", shows("Sumur resapan atau normalisasi saluran di Nagri Kidul?"))

    driver.set_window_size(360, 800)
    driver.get(base + "/audit")
    check("audit page", shows("Jejak audit publik"))
    shot("06-audit-ponsel")
except Exception:
    shot("zz-failure")
    print("FAILED at", driver.current_url)
    driver.quit()
    raise

kit.finish("browser journey")
