"""Plain-HTTP helpers for the checks that drive Rembuk from outside without a browser (scaleout.py, crash.py,
backup.py): a visitor with its own cookies and CSRF token, a free loopback port, waiting for an answer, and a write
load of signed-in citizens."""
import http.cookiejar
import json
import random
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Visitor:
    """One browser: its own cookies; remembers which instance answered last."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        self.instance = None

    def request(self, path, fields=None):
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        try:
            with self.opener.open(self.base + path, data=data, timeout=30) as r:
                self.instance = r.headers.get("X-Rembuk-Instance")
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            self.instance = e.headers.get("X-Rembuk-Instance")
            return e.code, e.read().decode()

    def token(self, path="/masuk"):
        page = self.request(path)[1]
        return re.search(r'name="_csrf" value="([A-Za-z0-9_-]+)"', page).group(1)

    def post(self, path, fields, token_from="/masuk"):
        return self.request(path, dict(fields, _csrf=self.token(token_from)))[0]

    def sign_in(self, identifier, password):
        return self.post("/masuk", {"identifier": identifier, "password": password})


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


def wait_for(url, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return True
        except Exception:
            time.sleep(0.2)
    return False


def bench_citizens(base, seed, count, password="bench-rembuk-2026"):
    """Signs in the first `count` citizens `rembuk bench-data --seed SEED` made; returns (phone, visitor) pairs."""
    number = 10_000_000 + (seed % 1000) * 100_000
    people = []
    for index in range(1, count + 1):
        visitor = Visitor(base)
        phone = "+62857%d" % (number + index)
        if visitor.sign_in(phone, password) == 303:
            people.append((phone, visitor))
    return people


class WriteLoad:
    """Each citizen in a thread of its own supports the usulan open for support one after another and comments on
    every fourth, until stopped or the server is gone. `acknowledged` holds each write whose 303 arrived:
    ("support", usulan id, phone) or ("comment", body)."""

    def __init__(self, base, people, tag):
        listed = json.loads(Visitor(base).request("/api/v1/usulan?per=100&status=diajukan")[1])["data"]
        self.usulan = [item["id"] for item in listed]
        self.people, self.tag = people, tag
        self.acknowledged = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self._run, args=(n, phone, visitor)) for n, (phone, visitor) in enumerate(people)]

    def _run(self, n, phone, visitor):
        order = self.usulan[:]
        random.Random(n).shuffle(order)
        try:
            token = visitor.token("/akun")   # any page's token serves the whole session
            for k, target in enumerate(order):
                if self.stopping.is_set():
                    return
                if k % 4 == 3:
                    body = "%s %d-%d" % (self.tag, n, k)
                    if visitor.request("/usulan/%s/komentar" % target, {"body": body, "_csrf": token})[0] == 303:
                        self._acknowledge(("comment", body))
                elif visitor.request("/usulan/%s/dukung" % target, {"_csrf": token})[0] == 303:
                    self._acknowledge(("support", target.lower(), phone))
        except Exception:
            return   # the server is gone

    def _acknowledge(self, write):
        with self.lock:
            self.acknowledged.append(write)

    def count(self):
        with self.lock:
            return len(self.acknowledged)

    def start(self):
        for thread in self.threads:
            thread.start()
        return self

    def wait_until(self, count, seconds=60):
        deadline = time.time() + seconds
        while self.count() < count and time.time() < deadline:
            time.sleep(0.05)
        return self.count()

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join()

    def lost(self, query, writes=None):
        """The acknowledged writes (or `writes`, some of them) a database (`query(sql)` → rows of strings) does not hold."""
        phones = {phone: account.lower() for phone, account in query("SELECT phone, id FROM accounts WHERE phone LIKE '+62857%'")}
        supports = {(u.lower(), a.lower()) for u, a in query("SELECT usulan_id, account_id FROM usulan_supports")}
        comments = {row[0] for row in query("SELECT body FROM comments WHERE body LIKE '%s%%'" % self.tag)}
        if writes is None:
            with self.lock:
                writes = list(self.acknowledged)
        return [w for w in writes if (w[0] == "support" and (w[1], phones.get(w[2])) not in supports)
                or (w[0] == "comment" and w[1] not in comments)]

    def inconsistencies(self, query):
        """Support counts that differ from their rows, and comments of this load without their audit record."""
        wrong = query("SELECT COUNT(*) FROM usulan u WHERE u.support_count <> "
                      "(SELECT COUNT(*) FROM usulan_supports s WHERE s.usulan_id = u.id)")[0][0]
        unaudited = query("SELECT COUNT(*) FROM comments c WHERE c.body LIKE '%s%%' AND NOT EXISTS "
                          "(SELECT 1 FROM audit_records a WHERE a.subject_type = 'comment' "
                          "AND UPPER(a.subject_id) = UPPER(CAST(c.id AS TEXT)))" % self.tag)[0][0]
        return int(wrong), int(unaudited)


def sqlite_query(path):
    import sqlite3

    def query(statement):
        with sqlite3.connect(path) as db:
            return [[str(v) for v in row] for row in db.execute(statement)]
    return query


def postgres_query(url):
    import subprocess

    def query(statement):
        out = subprocess.run(["psql", url, "-tAF", "\t", "-c", statement], capture_output=True, text=True, check=True).stdout
        return [line.split("\t") for line in out.splitlines() if line]
    return query
