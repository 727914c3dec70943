"""Issue 24 in a real headless Chromium, on an installation that is not the demo: `rembuk setup` makes Kota Bitung
(71.72, kelurahan only) from an empty database; its admin signs in, loads the agencies from a CSV, opens the planning
calendar; a citizen registers and files an usulan in a kelurahan, which goes to the agency the CSV named, then forgets
her password and sets a new one with a code sent to her phone (the stand-in gateway, Tests/Browser/gateway.py).

Arguments: the rembuk binary, a work folder, the screenshot folder."""
import datetime
import os
import socket
import subprocess
import sys
import time
import struct
import urllib.request
import zlib

from selenium.webdriver.common.by import By

import browserkit as kit
from browserkit import check, click_and_wait, fill, shot, shows, sign_in, sign_out

binary, work, shots = sys.argv[1], sys.argv[2], sys.argv[3]
database = os.path.join(work, "bitung.sqlite")
env = dict(os.environ, REMBUK_SQLITE_PATH=database, REMBUK_WORKER="0")
env.pop("REMBUK_KABUPATEN", None)
admin_email, admin_password = "perencanaan@bitungkota.go.id", "Selat-Lembeh-2027"


def logo_png(path, size=96):
    """A small lambang: a green disc with a yellow star-ish centre on transparent ground, written as a real PNG."""
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            dx, dy = x - size / 2 + 0.5, y - size / 2 + 0.5
            r = (dx * dx + dy * dy) ** 0.5
            row += bytes((242, 169, 0, 255)) if r < size / 6 else bytes((11, 93, 59, 255)) if r < size / 2 - 2 else bytes(4)
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b""))


def free_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    number = probe.getsockname()[1]
    probe.close()
    return number


gateway_port, gateway_file = free_port(), os.path.join(work, "gateway.jsonl")
gateway = subprocess.Popen([sys.executable, os.path.join(os.path.dirname(__file__), "gateway.py"), str(gateway_port), gateway_file])
env["REMBUK_WEBHOOK_URL"] = "http://127.0.0.1:%d/kirim" % gateway_port


def run(*arguments, stdin=None):
    """Runs the binary; its answer is in `.text` (standard output and error together, as a terminal shows them)."""
    done = subprocess.run([binary, *arguments], env=env, input=stdin, capture_output=True, text=True)
    done.text = done.stdout + done.stderr
    return done


# Set-up from nothing, as a new Bappeda would: the password from a file, never the command line.
password_file = os.path.join(work, "admin-password")
with open(password_file, "w") as f:
    f.write(admin_password + "\n")
os.chmod(password_file, 0o600)
empty = run("serve", "--port", "1")
check("serve on an empty database says how to set up", empty.returncode != 0 and "rembuk setup" in empty.text)
done = run("setup", "--kabupaten", "71.72", "--agency-name", "Bappeda Kota Bitung", "--admin-name", "Meiske Lumentut",
           "--admin-email", admin_email, "--admin-password-file", password_file)
check("setup installs Kota Bitung", done.returncode == 0 and "Kota Bitung: 8 kecamatan, 69 kelurahan" in done.text)
again = run("setup", "--kabupaten", "71.72", "--agency-name", "Bappeda Kota Bitung", "--admin-name", "Orang Lain",
            "--admin-email", "lain@bitungkota.go.id", "--admin-password-file", password_file)
check("setup again is refused", again.returncode == 1 and "sudah terpasang" in again.text)
demo = run("demo")
check("the demo is not loaded into it", demo.returncode != 0 and "data demo" in demo.text)

port_number = free_port()
log = open(os.path.join(work, "bitung-serve.log"), "w")
server = subprocess.Popen([binary, "serve", "--port", str(port_number)], env=env, stdout=log, stderr=log)
base = "http://127.0.0.1:%d" % port_number
for _ in range(120):
    try:
        urllib.request.urlopen(base + "/healthz", timeout=1)
        break
    except Exception:
        time.sleep(0.5)

driver = kit.start(base, shots)
try:
    # The admin: agencies from a spreadsheet.
    sign_in(admin_email, admin_password)
    driver.get(base + "/admin/opd")
    check("agencies page starts with Bappeda and the sectors no one takes",
          shows("Perangkat daerah (OPD)", "Bappeda", "Bidang yang belum punya perangkat daerah"))
    csv = os.path.join(work, "opd-bitung.csv")
    with open(csv, "w", encoding="utf-8-sig") as f:
        f.write("nama;singkatan;bidang;aktif\n"
                "Dinas Pekerjaan Umum dan Penataan Ruang;Dinas PUPR;infrastruktur; ya\n"
                "Dinas Kesehatan;Dinkes;kesehatan;ya\n"
                "Dinas Perikanan dan Kelautan;DKP;ekonomi;\n"
                "RSUD Manembo-nembo;RSUD;kesehatan;ya\n")
    driver.get(base + "/admin/opd/impor")
    driver.find_element(By.ID, "f-berkas").send_keys(csv)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    check("a sector twice is refused, naming the line", shows("Tidak ada yang diimpor", "Baris 5", "kesehatan sudah diambil baris 3"))
    with open(csv, "w", encoding="utf-8-sig") as f:
        f.write("nama;singkatan;bidang;aktif\n"
                "Dinas Pekerjaan Umum dan Penataan Ruang;Dinas PUPR;\"infrastruktur; perhubungan\";ya\n"
                "Dinas Kesehatan;Dinkes;kesehatan;ya\n"
                "Dinas Perikanan dan Kelautan;DKP;ekonomi;\n")
    driver.find_element(By.ID, "f-berkas").send_keys(csv)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    check("the agencies are imported", shows("Impor selesai: 3 ditambahkan", "Dinas PUPR", "Dinkes", "DKP"))
    shot("bitung-opd")
    driver.set_window_size(360, 800)
    shot("bitung-opd-360")
    driver.set_window_size(1280, 1000)

    # The government's identity: name and contacts for letterheads, then the logo (a drawing with script is refused).
    driver.get(base + "/admin/identitas")
    check("the identity starts from the region's name", shows("Nama dan kontak", "PEMERINTAH KOTA BITUNG"))
    fill("address", "Jl. Sam Ratulangi No. 1, Bitung")
    fill("phone", "(0438) 21234")
    fill("email", "bappeda@bitungkota.go.id")
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Simpan']"))
    check("the letterhead is saved", shows("Identitas tersimpan.", "Jl. Sam Ratulangi No. 1, Bitung · Telp. (0438) 21234"))
    hostile = os.path.join(work, "logo-berbahaya.svg")
    with open(hostile, "w") as f:
        f.write('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>')
    driver.find_element(By.ID, "f-logo").send_keys(hostile)
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Pasang logo']"))
    check("an SVG with an event handler is refused", shows("SVG itu memuat", "onload="))
    logo = os.path.join(work, "lambang-bitung.png")
    logo_png(logo)
    driver.find_element(By.ID, "f-logo").send_keys(logo)
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Pasang logo']"))
    check("the logo is put up", shows("Logo terpasang."))
    loaded = driver.execute_script("var i = document.querySelector('header.site .brand img'); return i ? i.naturalWidth : 0")
    check("the header shows the logo (%s px wide)" % loaded, loaded == 96)
    shot("bitung-identitas")
    driver.set_window_size(360, 800)
    check("the identity page fits 360 px", driver.execute_script("return document.documentElement.scrollWidth") <= 360)
    shot("bitung-identitas-360")
    driver.set_window_size(1280, 1000)

    # The planning calendar: collecting open today.
    today = datetime.date.today()
    driver.get(base + "/jadwal")
    year = today.year + 1
    dates = {"aspirasi": ("%d-01-01" % today.year, "%d-12-31" % today.year), "desa": ("%d-01-15" % today.year, "%d-02-10" % today.year),
             "kecamatan": ("%d-02-11" % today.year, "%d-02-28" % today.year), "forum_opd": ("%d-03-02" % today.year, "%d-03-13" % today.year),
             "kabupaten": ("%d-03-24" % today.year, "%d-03-26" % today.year), "rkpd": ("%d-05-04" % today.year, "%d-06-30" % today.year)}
    fill("year", str(year))
    for phase, (start, end) in dates.items():
        for field, value in ((phase + "_start", start), (phase + "_end", end)):
            driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.NAME, field), value)
    check("the calendar form speaks of kelurahan and kota", shows("Musrenbang Kelurahan", "Musrenbang Kota", absent=("Musrenbang Desa",)))
    click_and_wait(driver.find_element(By.XPATH, "//button[normalize-space()='Simpan jadwal']"))
    check("the calendar is set", shows("Tahun anggaran %d" % year, "Sedang berlangsung"))
    sign_out()

    # A citizen of Bitung: registers, proposes road work in a kelurahan.
    driver.get(base + "/daftar")
    fill("name", "Rivaldo Pangemanan")
    stamp = int(time.time())
    phone = "0813-%04d-%04d" % (stamp % 9000 + 1000, stamp % 10000)
    e164 = "+62" + phone.replace("-", "")[1:]
    fill("email", "rivaldo.%d@contoh.id" % stamp)
    fill("phone", phone)
    fill("password", "Cakalang-Fufu-2027")
    fill("password_confirmation", "Cakalang-Fufu-2027")
    driver.find_element(By.ID, "f-consent").click()
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    check("the citizen is registered", shows("Akun saya"))
    driver.get(base + "/usulan/baru")
    check("the form speaks of kelurahan", shows("operator kelurahan lalu dibahas di Musrenbang Kelurahan", "— pilih kelurahan —"))
    kit.fill_usulan("Perbaikan talud jalan lingkungan Pasir Panjang", "Talud jalan lingkungan runtuh sehingga jalan amblas dan berbahaya saat hujan.",
                    "Pembangunan kembali talud batu sepanjang 80 meter.", "Lingkungan II, dekat dermaga", "80", "m", "240.000.000",
                    desa="71.72.01.1001")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "button[value=ajukan]"))
    check("the usulan goes to the agency the CSV named", shows("Perbaikan talud jalan lingkungan Pasir Panjang", "Perangkat daerah tujuan",
                                                            "Dinas Pekerjaan Umum dan Penataan Ruang", "· Kelurahan "))
    shot("bitung-usulan")
    driver.set_window_size(360, 800)
    shot("bitung-usulan-360")
    driver.set_window_size(1280, 1000)
    sign_out()

    # She forgets her password: a code to her phone, a new password, every session ends.
    driver.get(base + "/masuk")
    click_and_wait(driver.find_element(By.LINK_TEXT, "Lupa kata sandi?"))
    fill("identifier", phone)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    check("the code page does not say whether the number is registered", shows("Buat kata sandi baru", "Bila ", "terdaftar, kode 6 angka"))
    code = kit.last_code(gateway_file, e164)
    check("the gateway received the reset code", code is not None)
    fill("code", code or "")
    fill("password", "Pantai-Tanjung-Merah-8")
    fill("password_confirmation", "Pantai-Tanjung-Merah-8")
    shot("bitung-reset")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "main form.stack button[type=submit]"))
    check("the new password is saved", shows("Kata sandi baru tersimpan"))
    fill("identifier", phone)
    fill("password", "Pantai-Tanjung-Merah-8")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
    check("she signs in with the new password", shows("Akun saya"))
finally:
    gateway.terminate()
    server.terminate()
    server.wait()
    verified = run("audit", "verify")
    check("the trail verifies", verified.returncode == 0 and "OK:" in verified.text)
    kit.finish("setup journey (Kota Bitung)")
