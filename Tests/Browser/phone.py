"""Issue 8 in a real headless Chromium: a citizen signs up with only a phone number and a code from the (stand-in)
gateway, files an usulan, signs out and back in by code; an operator desa registers an assisted citizen, prints
the claim slip, serves her and files an usulan for her, and the usulan page says who entered it.

Arguments: base URL, screenshot folder, the gateway's capture file (Tests/Browser/gateway.py)."""
import sys
import time

from selenium.webdriver.common.by import By

import browserkit as kit
from browserkit import check, click_and_wait, fill, shot, shows, sign_in, sign_out

driver = kit.start(sys.argv[1], sys.argv[2])
base, gateway = kit.base, sys.argv[3]
stamp = int(time.time())
local = "0857-%04d-%04d" % (stamp % 9000 + 1000, stamp % 10000)
e164 = "+62" + local.replace("-", "")[1:]


def ask_code(phone):
    driver.get(base + "/masuk/hp")
    fill("phone", phone)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "main form.stack button[type=submit]"))


def file_usulan(title):
    driver.get(base + "/usulan/baru")
    kit.fill_usulan(title, "Saluran air tersumbat sampah sehingga air meluap ke jalan setiap hujan deras.",
                    "Normalisasi dan penutupan saluran air sepanjang 120 meter.", "Kampung Babakan, dekat masjid", "120", "m", "48.000.000")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "button[value=ajukan]"))


try:
    # A new number: the code page asks for a name; the code comes from the gateway.
    ask_code(local)
    check("code page names the masked number", shows("Tulis kode dari HP Anda", "••••"))
    code = kit.last_code(gateway, e164)
    check("the gateway received a code", code is not None)
    fill("name", "Euis Sumarni")
    fill("code", code or "")
    driver.find_element(By.ID, "f-consent").click()
    shot("14a-kode-hp")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "main form.stack button[type=submit]"))
    check("signed up without a password", shows("Selamat datang di Rembuk", "Euis Sumarni", "Buat kata sandi"))
    shot("14b-akun-dari-hp")

    file_usulan("Normalisasi saluran air Kampung Babakan %d" % (stamp % 1000))
    check("the phone citizen's usulan is submitted", shows("Posisi sekarang: Diajukan"))
    sign_out()

    # Back in by code: a known number gets no name field.
    ask_code(local)
    check("second code page has no name field", shows("Tulis kode dari HP Anda") and not driver.find_elements(By.NAME, "name"))
    time.sleep(0.5)
    code = kit.last_code(gateway, e164)
    fill("code", code or "")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "main form.stack button[type=submit]"))
    check("signed in again by code", shows("Akun saya", "Euis Sumarni"))
    driver.get(base + "/usulan/saya")
    check("her usulan is hers", shows("Normalisasi saluran air Kampung Babakan"))
    sign_out()

    # Assisted participation: the operator registers Mak Iyah, prints the slip, serves her, files an usulan for her.
    sign_in("operator.desa@rembuk.test")
    driver.find_element(By.LINK_TEXT, "Warga dibantu").click()
    check("assisted desk", shows("Warga dibantu", "Daftarkan warga"))
    name = "Mak Iyah %d" % (stamp % 1000)
    fill("name", name)
    driver.find_element(By.CSS_SELECTOR, "input[name=gender][value=perempuan]").click()
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "main form.stack button[type=submit]"))
    check("the claim slip is shown", shows("Lembar klaim akun Rembuk", "Kode klaim:", name))
    shot("14c-lembar-klaim")
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Layani']"))
    check("serving banner", shows("Anda melayani " + name))
    file_usulan("Lampu penerangan jalan gang Mak Iyah %d" % (stamp % 1000))
    check("the assisted usulan is submitted", shows("Posisi sekarang: Diajukan"))
    check("the usulan says who entered it", shows("Diinput oleh", "Asep Saepudin (Operator desa/kelurahan), untuk warga yang dibantu"))
    shot("14d-usulan-warga-dibantu")
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Selesai melayani']"))
    check("back at the desk", shows("Warga dibantu", name, absent=("Anda melayani",)))
    driver.get(base + "/audit")
    check("the trail names operator for citizen", shows("Asep Saepudin (Operator desa/kelurahan) untuk Warga #"))
except Exception as error:  # a crash is a failure with its message, and the browser still quits
    check("no exception (%s)" % error, False)
kit.finish("phone and assisted journey")
