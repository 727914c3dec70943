"""Crash safety (issue 10): kill -9 the server in the middle of a write load, start it again, and check from the
database that every write it acknowledged is there, nothing is half-written, and the audit chain verifies.

On SQLite (write-ahead log) and, given a PostgreSQL server, on PostgreSQL. The load: 24 citizens of
`rembuk bench-data --scale tiny` signed in, each supporting usulan one after another and commenting on every fourth;
a write counts as acknowledged when its 303 arrived. After the restart:
  - every acknowledged support and comment is stored;
  - every usulan's stored support count equals its support rows, and every stored comment has its audit record;
  - `rembuk audit verify` passes, and the server answers again.
Usage: crash.py REMBUK_BINARY WORK_DIR [POSTGRES_URL_WITHOUT_DATABASE]. Loopback only; stops what it started."""
import os
import signal
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from httpkit import WriteLoad, bench_citizens, free_port, postgres_query, sqlite_query, wait_for  # noqa: E402

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
        people = bench_citizens(base, SEED, PEOPLE)
        check("%s: %d citizens sign in" % (engine, PEOPLE), len(people) == PEOPLE)
        load = WriteLoad(base, people, "Catatan uji mogok %s" % engine).start()
        load.wait_until(200)
        server.send_signal(signal.SIGKILL)   # mid-load: requests in flight, transactions open
        server.wait()
        killed_after = load.count()
        load.stop()
        check("%s: writes were acknowledged before the kill" % engine, killed_after >= 100)

        server = start(env, port, log)
        check("%s: the server starts again after kill -9" % engine, wait_for(base + "/healthz"))
        lost = load.lost(query)
        check("%s: every acknowledged write is stored (%d lost)" % (engine, len(lost)), not lost)
        wrong, unaudited = load.inconsistencies(query)
        check("%s: every support count equals its rows (%s differ)" % (engine, wrong), wrong == 0)
        check("%s: every stored comment has its audit record (%s without)" % (engine, unaudited), unaudited == 0)
        verified = subprocess.run([binary, "audit", "verify"], env=env, capture_output=True, text=True)
        check("%s: audit verify passes after the crash" % engine, verified.returncode == 0)
        print("crash safety (%s): kill -9 after %d acknowledged writes (%d by the time every client had noticed); none lost, "
              "counts exact, audit chain verifies" % (engine, killed_after, load.count()) if not failures else
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

    crash_run("sqlite", sqlite_env, sqlite_query(path))
    if server_url:
        subprocess.run(["psql", server_url + "/postgres?sslmode=disable", "-qc", "DROP DATABASE IF EXISTS rembuk_crash"], check=True)
        subprocess.run(["psql", server_url + "/postgres?sslmode=disable", "-qc", "CREATE DATABASE rembuk_crash"], check=True)
        url = server_url + "/rembuk_crash?sslmode=disable"

        crash_run("postgres", dict(env, DATABASE_URL=url), postgres_query(url))
    sys.exit(1 if failures else 0)


main()
