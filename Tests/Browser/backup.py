"""Backup, restore and moving an installation (issue 10), with the real binary:
  1. `rembuk backup` while the server takes a write load (citizens supporting and commenting): the backup is one
     snapshot — restored into a new SQLite file, every write acknowledged before it began is there, every support
     count equals its rows, every comment has its audit record, and `rembuk audit verify` passes;
  2. the same backup restored into PostgreSQL: the same rows and checksums in every table;
  3. `rembuk migrate-data` moves the finished installation from SQLite into PostgreSQL: every acknowledged write is
     there, `rembuk backup` of the target lists the same rows and checksums as the source, the chain verifies;
  4. restoring over an installation in use is refused without --replace-existing, and a cut backup changes nothing.
Usage: backup.py REMBUK_BINARY WORK_DIR POSTGRES_URL_WITHOUT_DATABASE. Loopback only; stops what it started."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from httpkit import WriteLoad, bench_citizens, free_port, postgres_query, sqlite_query, wait_for  # noqa: E402

binary, work, server_url = sys.argv[1], sys.argv[2], sys.argv[3].rstrip("/")
SEED = 11
failures = []
base_env = dict(os.environ, REMBUK_SECRET="backup-test-secret-that-is-long-enough-0123456789", REMBUK_WORKER="0",
                LOG_LEVEL="warning")
base_env.pop("DATABASE_URL", None)
quiet_psql = dict(os.environ, PGOPTIONS="-c client_min_messages=warning")


def check(name, condition):
    if not condition:
        failures.append(name)
        print("FAIL:", name)


def sqlite_env(name):
    path = os.path.join(work, name)
    return dict(base_env, REMBUK_SQLITE_PATH=path), path


def postgres_env(name):
    for statement in ["DROP DATABASE IF EXISTS %s" % name, "CREATE DATABASE %s" % name]:
        subprocess.run(["psql", server_url + "/postgres?sslmode=disable", "-qc", statement], check=True, env=quiet_psql)
    url = "%s/%s?sslmode=disable" % (server_url, name)
    return dict(base_env, DATABASE_URL=url), url


def rembuk(env, *arguments):
    return subprocess.run([binary, *arguments], env=env, capture_output=True, text=True)


def tables(output):
    """The table lines (name, rows, checksum) that backup, restore and migrate-data print."""
    return [line.split() for line in output.splitlines() if len(line.split()) == 3 and len(line.split()[2]) == 64]


def main():
    source_env, source_path = sqlite_env("source.sqlite")
    subprocess.run([binary, "bench-data", "--scale", "tiny", "--seed", str(SEED)], env=source_env, check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    base = "http://127.0.0.1:%d" % port
    log = open(os.path.join(work, "backup-serve.log"), "w")
    server = subprocess.Popen([binary, "serve", "--port", str(port)], env=source_env, stdout=log, stderr=log)
    snapshot = os.path.join(work, "while-serving.jsonl")
    try:
        check("the server answers", wait_for(base + "/healthz"))
        people = bench_citizens(base, SEED, 16)
        check("16 citizens sign in", len(people) == 16)
        load = WriteLoad(base, people, "Catatan uji cadangan").start()
        load.wait_until(60)
        with load.lock:
            before_backup = list(load.acknowledged)
        made = rembuk(source_env, "backup", snapshot)
        during = load.count() - len(before_backup)
        load.wait_until(load.count() + 60)
        load.stop()
        check("backup while serving exits 0 (%s)" % made.stderr.strip()[-200:], made.returncode == 0)
        check("writes went on while the backup ran or after it", load.count() > len(before_backup))
    finally:
        server.terminate()
        server.wait()
        log.close()

    # 1. the snapshot restored into a new SQLite installation
    restored_env, restored_path = sqlite_env("restored.sqlite")
    restored = rembuk(restored_env, "restore", snapshot)
    check("restore into SQLite exits 0 (%s)" % restored.stderr.strip()[-200:], restored.returncode == 0)
    check("restore reports the backup's tables", tables(restored.stdout) == tables(made.stdout) and len(tables(made.stdout)) > 50)
    query = sqlite_query(restored_path)
    lost = load.lost(query, before_backup)
    check("every write acknowledged before the backup began is in it (%d missing)" % len(lost), not lost)
    wrong, unaudited = load.inconsistencies(query)
    check("the snapshot is consistent: %d support counts differ from their rows, %d comments lack their audit record"
          % (wrong, unaudited), wrong == 0 and unaudited == 0)
    check("audit verify passes on the restored installation", rembuk(restored_env, "audit", "verify").returncode == 0)
    again = rembuk(restored_env, "restore", snapshot)
    check("restoring over an installation in use is refused", again.returncode != 0 and "--replace-existing" in again.stderr + again.stdout)
    check("and with --replace-existing it is done", rembuk(restored_env, "restore", snapshot, "--replace-existing").returncode == 0)

    # a backup cut short changes nothing
    cut = os.path.join(work, "cut.jsonl")
    with open(snapshot, "rb") as whole, open(cut, "wb") as part:
        part.write(whole.read()[: os.path.getsize(snapshot) * 2 // 3])
    cut_env, cut_path = sqlite_env("cut.sqlite")
    check("a cut backup is refused", rembuk(cut_env, "restore", cut).returncode != 0)
    check("and leaves no account behind", sqlite_query(cut_path)("SELECT COUNT(*) FROM accounts")[0][0] == "0")

    # 2. the same snapshot restored into PostgreSQL
    pg_restore_env, pg_restore_url = postgres_env("rembuk_restore")
    into_pg = rembuk(pg_restore_env, "restore", snapshot)
    check("restore into PostgreSQL exits 0 (%s)" % into_pg.stderr.strip()[-200:], into_pg.returncode == 0)
    listed = rembuk(pg_restore_env, "backup", os.path.join(work, "from-pg.jsonl"))
    check("PostgreSQL holds the backup's rows and checksums in every table", tables(listed.stdout) == tables(made.stdout))
    check("audit verify passes on PostgreSQL", rembuk(pg_restore_env, "audit", "verify").returncode == 0)

    # 3. the finished installation moved from SQLite into PostgreSQL
    target_env, target_url = postgres_env("rembuk_moved")
    moved = rembuk(source_env, "migrate-data", "--to", target_url, "--backup", os.path.join(work, "move.jsonl"))
    check("migrate-data exits 0 (%s)" % moved.stderr.strip()[-200:], moved.returncode == 0)
    source_tables = tables(rembuk(source_env, "backup", os.path.join(work, "source-final.jsonl")).stdout)
    target_tables = tables(rembuk(target_env, "backup", os.path.join(work, "target-final.jsonl")).stdout)
    check("the target lists the same rows and checksums as the source", target_tables == source_tables and source_tables == tables(moved.stdout))
    lost = load.lost(postgres_query(target_url))
    check("every acknowledged write was moved (%d missing)" % len(lost), not lost)
    check("audit verify passes on the moved installation", rembuk(target_env, "audit", "verify").returncode == 0)

    rows = sum(int(row[1]) for row in source_tables)
    print("backup: taken while %d writes were acknowledged during it; restored into SQLite and PostgreSQL and moved "
          "SQLite → PostgreSQL (%d tables, %d rows): counts and checksums equal, %d acknowledged writes none lost"
          % (during, len(source_tables), rows, load.count()) if not failures else "backup: %d checks failed" % len(failures))
    for name in ["rembuk_restore", "rembuk_moved"]:
        subprocess.run(["psql", server_url + "/postgres?sslmode=disable", "-qc", "DROP DATABASE IF EXISTS %s" % name], env=quiet_psql)
    sys.exit(1 if failures else 0)


main()
