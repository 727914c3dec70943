"""Two Rembuk instances behind HAProxy on one PostgreSQL, checked from outside (issue 9, scale-out).

Fills a fresh database with `rembuk bench-data --scale tiny`, starts two `rembuk serve` with their outbox workers
on, and HAProxy with deploy/haproxy.cfg in front (round robin, no sticky sessions). Then, through the balancer:
  - a session made on one instance is valid on the other;
  - 40 citizens support the same usulan at once, each clicking twice: every count is exact afterwards;
  - visitors' cached pages on both instances show the new count at once (the cache follows the audit head);
  - 30 comments notify an usulan's owner by webhook: both workers drain the one outbox and every message reaches
    the gateway exactly once;
  - `rembuk audit verify` passes.
Usage: scaleout.py REMBUK_BINARY POSTGRES_URL_WITHOUT_DATABASE WORK_DIR. Loopback only; stops what it started."""
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from httpkit import Visitor, free_port, wait_for  # noqa: E402

binary, server_url, work = sys.argv[1], sys.argv[2].rstrip("/"), sys.argv[3]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
database_url = server_url + "/rembuk_scaleout?sslmode=disable"
passed = failed = 0
children = []


def check(name, condition):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAIL:", name)


def sql(statement):
    return subprocess.run(["psql", database_url, "-tAc", statement], capture_output=True, text=True, check=True).stdout.strip()


def main():
    subprocess.run(["psql", server_url + "/postgres?sslmode=disable", "-qc", "DROP DATABASE IF EXISTS rembuk_scaleout"], check=True)
    subprocess.run(["psql", server_url + "/postgres?sslmode=disable", "-qc", "CREATE DATABASE rembuk_scaleout"], check=True)
    env = dict(os.environ, DATABASE_URL=database_url, REMBUK_SECRET="scale-out-secret-that-is-long-enough-0123456789",
               REMBUK_TRUST_PROXY="1", REMBUK_WORKER="1", REMBUK_WORKER_INTERVAL="0.3", LOG_LEVEL="warning")
    subprocess.run([binary, "bench-data", "--scale", "tiny", "--seed", "11"], env=env, check=True, stdout=subprocess.DEVNULL)

    gateway_port = free_port()
    gateway_log = os.path.join(work, "scaleout-gateway.jsonl")
    if os.path.exists(gateway_log):
        os.remove(gateway_log)
    children.append(subprocess.Popen([sys.executable, os.path.join(root, "Tests/Browser/gateway.py"), str(gateway_port), gateway_log]))
    env["REMBUK_WEBHOOK_URL"] = "http://127.0.0.1:%d/kirim" % gateway_port
    ports = [free_port(), free_port()]
    for n, port in enumerate(ports):
        log = open(os.path.join(work, "scaleout-app%d.log" % (n + 1)), "w")
        children.append(subprocess.Popen([binary, "serve", "--port", str(port)], env=env, stdout=log, stderr=log))
    for port in ports:
        if not wait_for("http://127.0.0.1:%d/healthz" % port):
            raise SystemExit("an instance did not start")
    balancer = free_port()
    lb_env = dict(os.environ, REMBUK_LB_BIND="127.0.0.1:%d" % balancer, REMBUK_APP1="127.0.0.1:%d" % ports[0],
                  REMBUK_APP2="127.0.0.1:%d" % ports[1])
    children.append(subprocess.Popen(["haproxy", "-db", "-f", os.path.join(root, "deploy/haproxy.cfg")], env=lb_env,
                                     stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "scaleout-haproxy.log"), "w")))
    base = "http://127.0.0.1:%d" % balancer
    if not wait_for(base + "/healthz"):
        raise SystemExit("haproxy did not start")
    time.sleep(2.5)   # both servers pass their first health check

    # A session made on one instance is valid on the other.
    citizen = Visitor(base)
    check("a bench citizen signs in through the balancer", citizen.sign_in("+6285711100001", "bench-rembuk-2026") == 303)
    seen = set()
    for _ in range(6):
        status, page = citizen.request("/akun")
        seen.add(citizen.instance)
        check("the session holds on %s" % citizen.instance, status == 200 and "Keluar" in page)
    check("both instances answered one session (%s)" % sorted(filter(None, seen)), {"app1", "app2"} <= seen)

    # 40 citizens support the same three usulan at once, each clicking twice.
    usulan = [row.split("|") for row in sql(
        "SELECT id, support_count FROM usulan WHERE status = 'diajukan' AND hidden_at IS NULL ORDER BY submitted_at DESC LIMIT 3").splitlines()]
    phones = ["+62857%d" % (11100000 + n) for n in range(2, 42)]
    listed = ",".join("'%s'" % p for p in phones)
    # Who cannot add a support: those who gave one already, and the proposer (told 409).
    already = {u[0]: int(sql("SELECT COUNT(*) FROM usulan_supports s JOIN accounts a ON a.id = s.account_id "
                             "WHERE s.usulan_id = '%s' AND a.phone IN (%s)" % (u[0], listed)))
               + int(sql("SELECT COUNT(*) FROM usulan u JOIN accounts a ON a.id = u.proposer_id WHERE u.id = '%s' AND a.phone IN (%s)" % (u[0], listed)))
               for u in usulan}
    people = []
    for phone in phones:
        person = Visitor(base)
        if person.sign_in(phone, "bench-rembuk-2026") == 303:
            people.append((person, person.token("/akun")))
    check("40 citizens signed in across both instances", len(people) == 40)

    def support(job):
        person, token, usulan_id = job
        return person.request("/usulan/%s/dukung" % usulan_id.lower(), {"_csrf": token})[0]

    jobs = [(p, t, u[0]) for p, t in people for u in usulan for _ in range(2)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=32) as pool:
        statuses = list(pool.map(support, jobs))
    check("every support request was answered (%s)" % sorted(set(statuses)), all(s in (303, 409) for s in statuses))
    for usulan_id, before in usulan:
        rows = int(sql("SELECT COUNT(*) FROM usulan_supports WHERE usulan_id = '%s'" % usulan_id))
        stored = int(sql("SELECT support_count FROM usulan WHERE id = '%s'" % usulan_id))
        expected = int(before) + len(people) - already[usulan_id]
        check("usulan %s: %d supports stored, %d counted, %d expected" % (usulan_id[:8], rows, stored, expected), rows == stored == expected)
        # Visitors on both instances see the new count at once, cached or not.
        counts = set()
        for _ in range(4):
            page = Visitor(base).request("/usulan/%s" % usulan_id.lower())[1]
            counts.add(re.search(r"<dt>Dukungan</dt><dd>(\d+)</dd>", page).group(1))
        check("visitors on both instances see %d supports (%s)" % (stored, counts), counts == {str(stored)})

    # Comments notify the owner by webhook; two workers share one outbox.
    sql("UPDATE accounts SET notify_whatsapp = true WHERE email = 'warga@rembuk.test'")
    target = sql("SELECT u.id FROM usulan u JOIN accounts a ON a.id = u.proposer_id WHERE a.email = 'warga@rembuk.test' "
                 "AND u.status <> 'draft' AND u.hidden_at IS NULL LIMIT 1").lower()
    before = int(sql("SELECT COUNT(*) FROM outbox WHERE channel = 'webhook'"))

    def comment(job):
        n, (person, token) = job
        return person.request("/usulan/%s/komentar" % target, {"_csrf": token, "body": "Setuju, saluran ini sering meluap (%d)." % n})[0]

    with concurrent.futures.ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(comment, enumerate(people[:30])))
    check("30 comments were posted (%s)" % sorted(set(statuses)), statuses.count(303) == 30)
    expected = int(sql("SELECT COUNT(*) FROM outbox WHERE channel = 'webhook'")) - before
    deadline = time.time() + 60
    while time.time() < deadline and sql("SELECT COUNT(*) FROM outbox WHERE channel = 'webhook' AND status <> 'sent'") != "0":
        time.sleep(0.5)
    check("30 webhook messages were queued (%d)" % expected, expected == 30)
    check("the outbox is drained", sql("SELECT COUNT(*) FROM outbox WHERE channel = 'webhook' AND status <> 'sent'") == "0")
    with open(gateway_log) as f:
        delivered = [json.loads(line)["id"] for line in f if line.strip()]
    check("every message reached the gateway exactly once (%d lines, %d distinct)" % (len(delivered), len(set(delivered))),
          len(delivered) == len(set(delivered)) == int(sql("SELECT COUNT(*) FROM outbox WHERE channel = 'webhook'")))

    many_supports(base, people)
    registrations_at_capacity(base, people)
    scorers_at_once(base)

    verified = subprocess.run([binary, "audit", "verify"], env=env, capture_output=True, text=True)
    check("audit verify passes after the load on two instances", verified.returncode == 0)


def many_supports(base, people):
    """Thousands of supports through the balancer at once: 40 citizens, 60 usulan each."""
    targets = sql("SELECT id FROM usulan WHERE status = 'diajukan' AND hidden_at IS NULL ORDER BY id LIMIT 60").lower().splitlines()

    def support(job):
        person, token, usulan_id = job
        return person.request("/usulan/%s/dukung" % usulan_id, {"_csrf": token})[0]

    jobs = [(p, t, u) for p, t in people for u in targets]
    with concurrent.futures.ThreadPoolExecutor(max_workers=48) as pool:
        statuses = list(pool.map(support, jobs))
    check("%d support requests answered with 303 or 409 (%s)" % (len(jobs), sorted(set(statuses))), all(s in (303, 409) for s in statuses))
    check("at least a thousand supports were given", statuses.count(303) >= 1000)
    wrong = sql("SELECT COUNT(*) FROM usulan u WHERE support_count <> (SELECT COUNT(*) FROM usulan_supports s WHERE s.usulan_id = u.id)")
    check("every usulan's count equals its support rows after %d supports on two instances (%s differ)" % (statuses.count(303), wrong), wrong == "0")
    twice = sql("SELECT COUNT(*) FROM (SELECT usulan_id, account_id FROM usulan_supports GROUP BY 1, 2 HAVING COUNT(*) > 1) d")
    check("no one supports an usulan twice", twice == "0")


def registrations_at_capacity(base, people):
    """40 citizens take the seats of one UMKM session at once, half through each instance: no overbooking."""
    session, capacity = sql("SELECT s.id, s.capacity FROM program_sessions s JOIN programs p ON p.id = s.program_id "
                            "WHERE p.status = 'pendaftaran' AND p.umkm_only ORDER BY s.starts_ms LIMIT 1").split("|")
    seated_before = int(sql("SELECT COUNT(*) FROM program_registrations WHERE session_id = '%s' AND status = 'terdaftar'" % session))
    business = {"desa_code": "32.14.01.2010", "business[business_name]": "Keripik Uji", "business[sector]": "makanan olahan",
                "business[start_year]": "2021", "business[employees]": "2", "business[monthly_revenue]": "3.000.000",
                "business[channels][]": "offline", "business[reach]": "desa"}

    def register(job):
        person, token = job
        return person.request("/program/sesi/%s/daftar" % session.lower(), dict(business, _csrf=token))[0]

    with concurrent.futures.ThreadPoolExecutor(max_workers=40) as pool:
        statuses = list(pool.map(register, people))
    seated = int(sql("SELECT COUNT(*) FROM program_registrations WHERE session_id = '%s' AND status = 'terdaftar'" % session))
    waiting = int(sql("SELECT COUNT(*) FROM program_registrations WHERE session_id = '%s' AND status = 'menunggu'" % session))
    twice = sql("SELECT COUNT(*) FROM (SELECT account_id FROM program_registrations WHERE session_id = '%s' AND status <> 'batal' "
                "GROUP BY 1 HAVING COUNT(*) > 1) d" % session)
    check("40 registrations answered (%s)" % sorted(set(statuses)), all(s == 303 for s in statuses))
    check("the session is full and not overbooked (%d of %s seats)" % (seated, capacity), seated == int(capacity))
    check("the rest wait (%d seated before, %d waiting)" % (seated_before, waiting), seated - seated_before + waiting == 40)
    check("no one holds two places", twice == "0")


def scorers_at_once(base):
    """Eight scorers' sheets for the forum bench-data left in session, each sent twice at once through both instances."""
    forum = sql("SELECT id FROM forums WHERE status = 'berlangsung' LIMIT 1").lower()
    runner = Visitor(base)
    check("the forum's runner signs in", runner.sign_in("admin@rembuk.test", "demo-rembuk-2026") == 303)
    path = "/musrenbang/%s/penilaian" % forum
    page = runner.request(path)[1]
    token = re.search(r'name="_csrf" value="([A-Za-z0-9_-]+)"', page).group(1)
    names = re.findall(r'name="(s\[[0-9A-Fa-f-]{36}\]\[[a-z_]+\])"', page)
    check("the scoring sheet lists usulan and criteria (%d fields)" % len(names), len(names) >= 4)
    before = int(sql("SELECT COUNT(*) FROM forum_scores WHERE forum_id = '%s'" % forum))

    def sheet(n):
        return runner.request(path, dict({name: str(1 + (n + i) % 5) for i, name in enumerate(names)}, scorer="Penilai serentak %d" % (n % 8),
                                         _csrf=token))[0]

    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(sheet, range(16)))
    check("16 sheets answered (%s)" % sorted(set(statuses)), all(s == 303 for s in statuses))
    usulan = len({name.split("]")[0] for name in names})
    rows = int(sql("SELECT COUNT(*) FROM forum_scores WHERE forum_id = '%s'" % forum))
    check("eight scorers' sheets stored once each (%d rows for %d usulan)" % (rows - before, usulan), rows - before == 8 * usulan)


try:
    main()
finally:
    for child in reversed(children):
        child.terminate()
    for child in children:
        try:
            child.wait(10)
        except subprocess.TimeoutExpired:
            child.kill()
print("scale-out: %d checks passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
