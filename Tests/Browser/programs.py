"""Issue 7 in a real headless Chromium: an UMKM training fills up, a waiting citizen is promoted when another cancels,
staff take attendance and issue certificates, a certificate prints and verifies by its public address, and the
participants' follow-up revenue appears (as a median) in the programme's outcome. Also the partners page.

Arguments: base URL, screenshot folder, the server's SQLite file. The session is booked for tomorrow (a session
cannot be created in the past); when the registrations are done, the script moves that one session to an hour
ago in the database, which is what the passing of a day would do, so attendance can be taken."""
import sqlite3
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import browserkit as kit
from browserkit import check, click_and_wait, fill, shot, shows, sign_in, sign_out

driver = kit.start(sys.argv[1], sys.argv[2])
base, database = kit.base, sys.argv[3]
stamp = int(time.time())
TITLE = "Kelas foto produk dan toko daring %d" % (stamp % 100000)


def register_account(name, number):
    driver.get(base + "/daftar")
    fill("name", name)
    fill("email", "umkm%d.%d@contoh.id" % (stamp, number))
    fill("phone", "0815-%04d-%04d" % (stamp % 9000 + 1000, number))
    fill("password", "kopi-tubruk-2026")
    fill("password_confirmation", "kopi-tubruk-2026")
    driver.find_element(By.ID, "f-consent").click()
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
    check("account for " + name, shows("Akun saya"))


def business(revenue, channel, reach):
    fill("business[business_name]", "Keripik Singkong Barokah")
    fill("business[sector]", "makanan olahan")
    fill("business[start_year]", "2019")
    fill("business[employees]", "2")
    fill("business[monthly_revenue]", revenue)
    driver.find_element(By.ID, "c-channels-" + channel).click()
    driver.find_element(By.ID, "c-reach-" + reach).click()


def register(program_url, revenue, expect):
    driver.get(program_url)
    click_and_wait(driver.find_element(By.XPATH, "//a[contains(@href,'/daftar') and (normalize-space()='Daftar' or normalize-space()='Masuk daftar tunggu')]"))
    Select(driver.find_element(By.NAME, "desa_code")).select_by_value("32.14.01.2010")
    business(revenue, "offline", "desa")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "main form.stack button[type=submit]"))
    check("registration: " + expect, shows(expect))


try:
    # Bappeda (acting for the Dinas Koperasi dan UKM) creates the training with one session of three seats tomorrow.
    sign_in("admin@rembuk.test")
    driver.get(base + "/program/baru")
    fill("title", TITLE)
    Select(driver.find_element(By.NAME, "type")).select_by_value("pelatihan_umkm")
    fill("description", "Satu sesi praktik: memotret produk dengan ponsel dan membuka toko di marketplace. Omzet dipantau 3 dan 6 bulan kemudian.")
    fill("target_group", "Pelaku UMKM makanan olahan")
    Select(driver.find_element(By.NAME, "agency")).select_by_value("dinas-koperasi-ukm")
    fill("budget", "7.500.000")
    fill("minimum_sessions", "1")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "main form.stack button[type=submit]"))
    check("programme created", shows(TITLE, "Direncanakan"))
    program_url = driver.current_url
    tomorrow = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 7 * 3600 + 86400))
    fill("title", "Praktik foto produk")
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, "s-date"), tomorrow)
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, "s-starts"), "09:00")
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, "s-ends"), "12:00")
    fill("place", "Gedung Koperasi, Jl. K.K. Singawinata")
    fill("capacity", "3")
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Tambah sesi']"))
    check("session added", shows("Praktik foto produk", "3 dari 3 tersisa"))
    Select(driver.find_element(By.NAME, "status")).select_by_value("pendaftaran")
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Simpan status']"))
    check("registration open", shows("Pendaftaran dibuka"))
    sign_out()

    # Siti and two new citizens take the three seats; a fourth is put on the waiting list.
    sign_in("warga@rembuk.test")
    register(program_url, "1.500.000", "Anda terdaftar")
    shot("15a-program-terdaftar")
    sign_out()
    people = [("Dewi Lestari", "2.000.000", 1), ("Rina Marlina", "3.000.000", 2), ("Sari Wulandari", "1.000.000", 3)]
    for name, revenue, number in people:
        register_account(name, number)
        register(program_url, revenue, "Anda di daftar tunggu" if number == 3 else "Anda terdaftar")
        if number == 3:
            check("the session is full", shows("Penuh · 1 menunggu"))
            shot("15b-program-daftar-tunggu")
        sign_out()

    # Siti cancels: Sari moves up and is told.
    sign_in("warga@rembuk.test")
    driver.get(program_url)
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Batalkan']"))
    check("Siti's place is gone", shows("1 dari 3 tersisa", absent=("Anda terdaftar",)) or shows("Penuh · 0 menunggu", absent=("Anda terdaftar",)))
    sign_out()
    sign_in("umkm%d.3@contoh.id" % stamp, "kopi-tubruk-2026")
    driver.get(program_url)
    check("Sari promoted", shows("Anda terdaftar"))
    driver.get(base + "/akun/kotak-masuk")
    check("Sari told of her seat", shows(TITLE))
    shot("15c-naik-dari-daftar-tunggu")
    sign_out()

    # The day of the session arrives (see the docstring); staff tick who came and issue certificates.
    db = sqlite3.connect(database)
    now_ms = int(time.time() * 1000)
    db.execute("UPDATE program_sessions SET starts_ms = ?, ends_ms = ? WHERE title = 'Praktik foto produk' AND program_id IN "
               "(SELECT id FROM programs WHERE title = ?)", (now_ms - 3600_000, now_ms - 600_000, TITLE))
    db.commit()
    db.close()
    sign_in("admin@rembuk.test")
    driver.get(program_url)
    click_and_wait(driver.find_element(By.LINK_TEXT, "Peserta dan kehadiran"))
    check("attendance list", shows("Dewi Lestari", "Rina Marlina", "Sari Wulandari", absent=("Siti Aminah",)))
    for box in driver.find_elements(By.CSS_SELECTOR, "input[type=checkbox][name='attended[]']"):
        box.click()
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Simpan kehadiran']"))
    check("attendance saved", shows("Kehadiran disimpan: 3 hadir."))
    shot("15d-daftar-hadir")
    driver.get(program_url)
    Select(driver.find_element(By.NAME, "status")).select_by_value("berjalan")
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Simpan status']"))
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Terbitkan sertifikat bagi yang memenuhi syarat']"))
    check("three certificates", shows("3 sertifikat sudah diterbitkan"))
    sign_out()

    # Each participant has a certificate, prints it, and anyone can check its code; each reports three months on.
    certificate_url = ""
    for name, revenue, number in people:
        sign_in("umkm%d.%d@contoh.id" % (stamp, number), "kopi-tubruk-2026")
        driver.get(program_url)
        if number == 1:
            click_and_wait(driver.find_element(By.XPATH, "//div[contains(@class,'alert')]//a"))
            check("printable certificate", shows("SERTIFIKAT", "Dewi Lestari", TITLE))
            certificate_url = driver.current_url
            shot("15e-sertifikat")
            driver.get(program_url)
        click_and_wait(driver.find_element(By.LINK_TEXT, "Laporkan perkembangan usaha Anda"))
        driver.find_element(By.ID, "c-moment-3_bulan").click()
        fill("business[employees]", "3")
        fill("business[monthly_revenue]", {"2.000.000": "2.600.000", "3.000.000": "3.300.000", "1.000.000": "1.400.000"}[revenue])
        driver.find_element(By.ID, "c-channels-marketplace").click()
        driver.find_element(By.ID, "c-reach-kabupaten").click()
        click_and_wait(driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        sign_out()

    driver.get(certificate_url)
    check("the public verification confirms it", shows("Sertifikat ini sah", "Dewi Lestari"))
    shot("15f-sertifikat-diperiksa")
    driver.get(program_url)
    check("the outcome shows the follow-up revenue as a median", shows("Dari 3 peserta", "Rp2.000.000 → Rp2.600.000", absent=("Dewi Lestari", "Rina Marlina")))
    shot("15g-hasil-program")

    driver.get(base + "/mitra")
    check("partners page with totals", shows("Mitra pembangunan", "Yayasan Citarum Lestari", "Rp37.000.000"))
    shot("15h-mitra")
except Exception:
    shot("zz-programs-failure")
    print("FAILED at", driver.current_url)
    driver.quit()
    raise

kit.finish("programme journey")
