"""Crash safety (issue 10): kill -9 the server in the middle of a write load, start it again, and check from the
database that every write it acknowledged is there, nothing is half-written, and the audit chain verifies.

On SQLite (write-ahead log) and, given a PostgreSQL server, on PostgreSQL. The load: 24 citizens of
`rembuk bench-data --scale tiny` signed in, each supporting usulan one after another and commenting on every fourth;
a write counts as acknowledged when its 303 arrived. After the restart:
  - every acknowledged support and comment is stored;
  - every usulan's stored support count equals its support rows, and every stored comment has its audit record;
  - `rembuk audit verify` passes, and the server answers again.
Usage: crash.py REMBUK_BINARY WORK_DIR [POSTGRES_URL_WITHOUT_DATABASE]. Loopback only; stops what it started."""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from httpkit import Visitor, free_port, wait_for  # noqa: E402

binary, work = sys.argv[1], sys.argv[2]
server_url = sys.argv[3].rstrip("/") if len(sys.argv) > 3 else None
SEED = 7
PEOPLE = 24
failures = []


def check(name, condition):
    if not condition:
        failures.append(name)
        print("FAIL:", name)


def start(env, port, log):
    return subprocess.Popen([binary, "serve", "--port", str(port)], env=env, stdout=log, stderr=log)


def crash_run(engine, env, query):
    subprocess.run([binary, "bench-data", "--scale", "tiny", "--seed", str(SEED)], env=env, check=True, stdout=subprocess.DEVNULL)
    log = open(os.path.join(work, "crash-%s.log" % engine), "w")
    port = free_port()
    base = "http://127.0.0.1:%d" % port
    server = start(env, port, log)
    try:
        check("%s: the server answers" % engine, wait_for(base + "/healthz"))
        listed = json.loads(Visitor(base).request("/api/v1/usulan?per=100&status=diajukan")[1])["data"]
        usulan = [item["id"] for item in listed]
        number = 10_000_000 + (SEED % 1000) * 100_000
        people = []
        for index in range(1, PEOPLE + 1):
            visitor = Visitor(base)
            phone = "+62857%d" % (number + index)
            check("%s: citizen %d signs in" % (engine, index), visitor.sign_in(phone, "bench-rembuk-2026") == 303)
            people.append((phone, visitor))

        acknowledged = []   # ("support", usulan id, phone) or ("comment", body)
        lock = threading.Lock()

        def load(n, phone, visitor):
            order = usulan[:]
            random.Random(n).shuffle(order)
            token = visitor.token("/akun")   # any page's token serves the whole session
            for k, target in enumerate(order):
                try:
                    if k % 4 == 3:
                        body = "Catatan uji mogok %s-%d-%d" % (engine, n, k)
                        if visitor.request("/usulan/%s/komentar" % target, {"body": body, "_csrf": token})[0] == 303:
                            with lock:
                                acknowledged.append(("comment", body))
                    elif visitor.request("/usulan/%s/dukung" % target, {"_csrf": token})[0] == 303:
                        with lock:
                            acknowledged.append(("support", target.lower(), phone))
                except Exception:
                    return   # the server is gone

        threads = [threading.Thread(target=load, args=(n, phone, visitor)) for n, (phone, visitor) in enumerate(people)]
        for thread in threads:
            thread.start()
        deadline = time.time() + 60
        while len(acknowledged) < 200 and time.time() < deadline:
            time.sleep(0.05)
        server.send_signal(signal.SIGKILL)   # mid-load: requests in flight, transactions open
        server.wait()
        killed_after = len(acknowledged)
        for thread in threads:
            thread.join()
        check("%s: writes were acknowledged before the kill" % engine, killed_after >= 100)

        server = start(env, port, log)
        check("%s: the server starts again after kill -9" % engine, wait_for(base + "/healthz"))
        phones = {phone: account.lower() for phone, account in query("SELECT phone, id FROM accounts WHERE phone LIKE '+62857%'")}
        supports = {(u.lower(), a.lower()) for u, a in query("SELECT usulan_id, account_id FROM usulan_supports")}
        comments = {row[0] for row in query("SELECT body FROM comments WHERE body LIKE 'Catatan uji mogok%'")}
        lost = [w for w in acknowledged if (w[0] == "support" and (w[1], phones.get(w[2])) not in supports)
                or (w[0] == "comment" and w[1] not in comments)]
        check("%s: every acknowledged write is stored (%d lost)" % (engine, len(lost)), not lost)
        wrong = query("SELECT COUNT(*) FROM usulan u WHERE u.support_count <> "
                      "(SELECT COUNT(*) FROM usulan_supports s WHERE s.usulan_id = u.id)")[0][0]
        check("%s: every support count equals its rows (%s differ)" % (engine, wrong), str(wrong) == "0")
        unaudited = query("SELECT COUNT(*) FROM comments c WHERE c.body LIKE 'Catatan uji mogok%' AND NOT EXISTS "
                          "(SELECT 1 FROM audit_records a WHERE a.subject_type = 'comment' AND UPPER(a.subject_id) = UPPER(CAST(c.id AS TEXT)))")[0][0]
        check("%s: every stored comment has its audit record (%s without)" % (engine, unaudited), str(unaudited) == "0")
        verified = subprocess.run([binary, "audit", "verify"], env=env, capture_output=True, text=True)
        check("%s: audit verify passes after the crash" % engine, verified.returncode == 0)
        print("crash safety (%s): kill -9 after %d acknowledged writes (%d by the time every client had noticed); none lost, "
              "counts exact, audit chain verifies" % (engine, killed_after, len(acknowledged)) if not failures else
              "crash safety (%s): %d checks failed" % (engine, len(failures)))
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait()
        log.close()


def main():
    env = dict(os.environ, REMBUK_SECRET="crash-test-secret-that-is-long-enough-0123456789", REMBUK_WORKER="0", LOG_LEVEL="warning")
    path = os.path.join(work, "crash.sqlite")
    for suffix in ["", "-wal", "-shm"]:
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    sqlite_env = dict(env, REMBUK_SQLITE_PATH=path)
    sqlite_env.pop("DATABASE_URL", None)

    def sqlite_query(statement):
        with sqlite3.connect(path) as db:
            return [[str(v) for v in row] for row in db.execute(statement)]

    crash_run("sqlite", sqlite_env, sqlite_query)
    if server_url:
        subprocess.run(["psql", server_url + "/postgres?sslmode=disable", "-qc", "DROP DATABASE IF EXISTS rembuk_crash"], check=True)
        subprocess.run(["psql", server_url + "/postgres?sslmode=disable", "-qc", "CREATE DATABASE rembuk_crash"], check=True)
        url = server_url + "/rembuk_crash?sslmode=disable"

        def postgres_query(statement):
            out = subprocess.run(["psql", url, "-tAF", "\t", "-c", statement], capture_output=True, text=True, check=True).stdout
            return [line.split("\t") for line in out.splitlines() if line]

        crash_run("postgres", dict(env, DATABASE_URL=url), postgres_query)
    sys.exit(1 if failures else 0)


main()
