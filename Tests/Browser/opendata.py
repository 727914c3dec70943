"""Checks Rembuk's open data from the outside, against the running demo after the browser journey:
every JSON list and record validates against its schema in the served OpenAPI document (jsonschema,
draft 2020-12, with format checks), and every CSV download parses with Python's csv module and says the
same as the JSON. Usage: opendata.py BASE_URL"""
import csv
import io
import json
import sys
import urllib.request

import jsonschema

base = sys.argv[1].rstrip("/")
passed = failed = 0


def check(name, condition):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAIL:", name)


def get(path):
    with urllib.request.urlopen(base + path) as response:
        return response.read(), response.headers.get("Content-Type", "")


def get_json(path):
    return json.loads(get(path)[0])


def get_csv(path):
    body, kind = get(path)
    check(path + " is CSV in UTF-8", kind.startswith("text/csv") and body.startswith(b"\xef\xbb\xbf"))
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""), delimiter=";"))


document = get_json("/api/v1/openapi.json")


def validate(value, schema_name, label):
    schema = {"$ref": "#/components/schemas/" + schema_name, "components": document["components"]}
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(value), key=lambda e: list(e.path))
    for error in errors[:3]:
        print("  %s: %s at %s" % (label, error.message, "/".join(map(str, error.path))))
    check(label + " matches " + schema_name, not errors)


# Projects: the API list and every record with its reports.
projects = get_json("/api/v1/proyek?per=100")
validate(projects, "ProjectPage", "/api/v1/proyek")
check("projects in the demo", len(projects["data"]) >= 8)
check("projects in every status", {p["status"] for p in projects["data"]} >= {"perencanaan", "pengadaan", "pelaksanaan", "selesai", "terhambat"})
report_count = 0
for project in projects["data"]:
    full = get_json("/api/v1/proyek/" + project["id"])
    validate(full, "Project", "/api/v1/proyek/" + project["number"])
    report_count += len(full["reports"])
    check(project["number"] + " realised within pagu", full["realised"] <= full["pagu"])

# The project CSV says what the JSON export says, row by row.
exported = get_json("/proyek/unduh.json")["data"]
validate({"data": exported}, "ProjectPage", "/proyek/unduh.json")
rows = get_csv("/proyek/unduh.csv")
header = rows[0]
check("project CSV header", header[:3] == ["Nomor", "Tahun", "Kegiatan"] and "Pagu (Rp)" in header)
check("one CSV row per project", len(rows) - 1 == len(exported))
by_number = {r["number"]: r for r in exported}
for row in rows[1:]:
    record = dict(zip(header, row))
    source = by_number.get(record["Nomor"])
    check("CSV row %s is a project" % record["Nomor"], source is not None)
    if source:
        check("CSV %s title and money" % record["Nomor"],
              record["Kegiatan"] == source["title"] and int(record["Pagu (Rp)"]) == source["pagu"] and int(record["Realisasi (Rp)"]) == source["realised"])
        check("CSV %s progress" % record["Nomor"], float(record["Kemajuan fisik (%)"].replace(",", ".")) == source["progressPercent"])
reports = get_csv("/proyek/laporan.csv")
check("one CSV row per progress report", len(reports) - 1 == report_count)

# The Atom feed of the journey's kecamatan parses as XML and carries the journey's two reports.
import xml.etree.ElementTree as ET
body, kind = get("/proyek/kabar/32.14.01")
check("Atom content type", kind.startswith("application/atom+xml"))
atom = "{http://www.w3.org/2005/Atom}"
feed = ET.fromstring(body)
entries = feed.findall(atom + "entry")
check("feed titled for the kecamatan", feed.findtext(atom + "title") == "Kabar proyek Kecamatan Purwakarta")
check("feed has entries, each complete", entries and all(e.findtext(atom + t) for e in entries for t in ("id", "title", "updated")))
check("feed carries the journey's reports", any("kemajuan 70 %" in (e.findtext(atom + "title") or "") for e in entries))
check("feed entries newest first", [e.findtext(atom + "updated") for e in entries] == sorted((e.findtext(atom + "updated") for e in entries), reverse=True))

# Forum results and pagu: API validates, CSV has the JSON's rows; the journey closed four forums.
results = get_json("/api/v1/musrenbang/hasil")
validate(results, "ForumResultList", "/api/v1/musrenbang/hasil")
check("the journey's closed forums have results", len(results["data"]) >= 4)
rows = get_csv("/musrenbang/unduh.csv")
check("one forum-result CSV row per result", len(rows) - 1 == len(get_json("/musrenbang/unduh.json")["data"]) == len(results["data"]))
check("forum-result CSV matches", all(r[7] == j["usulan"] and int(r[14]) == j["cost"] for r, j in zip(rows[1:], results["data"])))
pagu = get_json("/api/v1/pagu")
validate(pagu, "PaguList", "/api/v1/pagu")
rows = get_csv("/jadwal/pagu.csv")
check("one pagu CSV row per kecamatan and year", len(rows) - 1 == len(pagu["data"]) > 0)
check("pagu CSV matches", all(r[1] == j["kecamatan"]["code"] and int(r[3]) == j["pagu"] for r, j in zip(rows[1:], pagu["data"])))

# Public complaints: API and exports validate and agree; the journey's confidential complaint is in none of
# them, nor in any search, and no reporter is ever named.
complaints = get_json("/api/v1/pengaduan?per=100")
validate(complaints, "ComplaintPage", "/api/v1/pengaduan")
check("public complaints in the demo", len(complaints["data"]) >= 2)
for complaint in complaints["data"]:
    validate(get_json("/api/v1/pengaduan/" + complaint["id"]), "Complaint", "/api/v1/pengaduan/" + complaint["number"])
exported = get_json("/pengaduan/unduh.json")["data"]
validate({"data": exported}, "ComplaintPage", "/pengaduan/unduh.json")
rows = get_csv("/pengaduan/unduh.csv")
check("one complaint CSV row per public complaint", len(rows) - 1 == len(exported) == len(complaints["data"]))
check("complaint CSV matches", all(r[0] == j["number"] and r[2] == j["title"] and r[8] == j["statusLabel"] for r, j in zip(rows[1:], exported)))
body, kind = get("/pengaduan/kabar")
feed = ET.fromstring(body)
check("complaint feed parses with an entry per complaint", kind.startswith("application/atom+xml") and len(feed.findall(atom + "entry")) == len(exported))
secret = ("Pungutan liar pada pekerjaan jalan Nagri Kidul", "Pekerja proyek meminta uang", "uang dikembalikan kepada warga", "Siti Aminah", "Warga #")
for path in ("/api/v1/pengaduan?per=100", "/api/v1/pengaduan?q=pungutan", "/pengaduan/unduh.json", "/pengaduan/unduh.csv",
             "/pengaduan/unduh.csv?q=pungutan+liar", "/pengaduan/kabar", "/pengaduan/kabar?q=pungutan", "/pengaduan?q=pungutan",
             "/pengaduan?q=nagri+kidul", "/usulan?q=pungutan", "/api/v1/usulan?q=pungutan"):
    text = get(path)[0].decode("utf-8-sig")
    check("nothing confidential or personal on " + path, not any(s in text for s in secret))
check("a search finds a public complaint", "Lampu PJU tenaga surya mati" in get("/pengaduan?q=lampu+surya")[0].decode())

# Programmes: API and exports validate, sessions CSV has a row per session, and no participant is named.
programs = get_json("/api/v1/program")
validate(programs, "ProgramList", "/api/v1/program")
check("programmes in the demo", len(programs["data"]) >= 3)
for program in programs["data"]:
    validate(get_json("/api/v1/program/" + program["id"]), "Program", "/api/v1/program/" + program["number"])
rows = get_csv("/program/unduh.csv")
check("one programme CSV row per programme", len(rows) - 1 == len(get_json("/program/unduh.json")["data"]) == len(programs["data"]))
rows = get_csv("/program/sesi.csv")
check("one session CSV row per session", len(rows) - 1 == sum(len(p["sessions"]) for p in programs["data"]))
for path in ("/api/v1/program", "/program/unduh.csv", "/program/unduh.json", "/program/sesi.csv", "/program"):
    text = get(path)[0].decode("utf-8-sig")
    check("no participant on " + path, "Siti Aminah" not in text and "Warga #" not in text)

# The catalogue lists every dataset with a dictionary page.
catalogue = get("/data")[0].decode()
for dataset in ("usulan", "musrenbang", "proyek", "laporan-proyek", "pagu", "pengaduan", "program"):
    check("catalogue links the %s dictionary" % dataset, ('href="/data/%s"' % dataset) in catalogue)
    check("%s dictionary page" % dataset, "Kamus data" in get("/data/" + dataset)[0].decode())
check("catalogue states the licence", "CC BY 4.0" in catalogue)

# Usulan: the API list validates and the CSV has the JSON's rows.
usulan = get_json("/api/v1/usulan?per=100")
validate(usulan, "UsulanPage", "/api/v1/usulan")
rows = get_csv("/usulan/unduh.csv")
check("one usulan CSV row per usulan", len(rows) - 1 == len(get_json("/usulan/unduh.json")["data"]))

print("open data checks: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
