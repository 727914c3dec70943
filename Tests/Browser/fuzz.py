"""API fuzzing (issue 10): schemathesis against the OpenAPI document a running Rembuk serves.

Every operation of the document, with requests generated from its schemas (valid and deliberately invalid ones):
the reads and the citizen's writes with a citizen's API token (`usulan:write`), the progress upload with an agency
token (`projects:report`). Checks: no 5xx; every response fits its declared status, content type, headers and
schema; invalid requests are refused; undeclared methods get 405; and for reads, every schema-valid request is
accepted (writes may refuse a schema-valid body on a business rule: a desa outside the kabupaten, an unknown project
code, so that one check is left out for them). The document itself must validate (schemathesis loads and checks it
first). Bounded: a fixed number of examples per operation, a fixed seed, loopback only.
Usage: fuzz.py BASE_URL WORK_DIR"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from httpkit import Visitor  # noqa: E402

base, work = sys.argv[1].rstrip("/"), sys.argv[2]
EXAMPLES = "60"


def token(visitor, path, fields):
    status, page = visitor.request(path, dict(fields, _csrf=visitor.token(path)))
    found = re.search(r'<code class="hash">([^<]+)</code>', page)
    if status != 200 or not found:
        raise SystemExit("could not make an API token at %s (HTTP %s)" % (path, status))
    return found.group(1)


def fuzz(name, bearer, include):
    report = os.path.join(work, "fuzz-%s.txt" % name.replace(" ", "-"))
    command = [sys.executable, "-m", "schemathesis.cli", "run", base + "/api/v1/openapi.json", "--checks", "all", "--max-examples", EXAMPLES,
               "--seed", "20261202", "--header", "Authorization: Bearer " + bearer, "--request-timeout", "30",
               "--no-color"] + include
    with open(report, "w") as out:
        result = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, timeout=900, cwd=work)   # its cache stays there
    text = open(report).read()
    generated = re.search(r"(\d+) generated", text)
    print("schemathesis (%s): %s test cases generated, exit %d; report %s" % (
        name, generated.group(1) if generated else "?", result.returncode, report))
    if result.returncode != 0:
        print(text[-6000:])
    return result.returncode == 0, int(generated.group(1)) if generated else 0


def main():
    citizen = Visitor(base)
    if citizen.sign_in("warga@rembuk.test", "demo-rembuk-2026") != 303:
        raise SystemExit("the demo citizen could not sign in")
    personal = token(citizen, "/akun/token", {"name": "Uji fuzzing", "days": "1", "scopes[]": "usulan:write"})
    admin = Visitor(base)
    if admin.sign_in("admin@rembuk.test", "demo-rembuk-2026") != 303:
        raise SystemExit("the demo admin could not sign in")
    agency = token(admin, "/admin/token", {"name": "Uji fuzzing OPD", "agency_id": "dinas-pupr", "days": "1", "scopes[]": "projects:report"})
    writes = ["--exclude-checks", "positive_data_acceptance"]
    results = [fuzz("reads", personal, ["--include-method", "GET"]),
               fuzz("citizen writes", personal, ["--exclude-method", "GET", "--exclude-path", "/api/v1/proyek/laporan"] + writes),
               fuzz("agency writes", agency, ["--include-path", "/api/v1/proyek/laporan"] + writes)]
    total = sum(count for _, count in results)
    print("API fuzzing: %d generated test cases over every operation, %s" % (total, "no failure" if all(ok for ok, _ in results) else "FAILURES"))
    sys.exit(0 if all(ok for ok, _ in results) and total >= 1000 else 1)


main()
