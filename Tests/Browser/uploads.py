"""Memory under hostile uploads (security finding 5): 32 clients at once send forms with large files, and the
server's resident memory is sampled throughout.

  1. 32 visitors with a session and a valid token (anyone can have both) each send a 60 MB form to /pengaduan/baru:
     refused before the file is read (sign-in first), so memory stays where it was.
  2. 32 requests from 8 signed-in citizens, each with the token first and five files of 4.8 MB: files go to a
     temporary file as they arrive, and what one address may keep in flight is bounded, so most are told to try
     again shortly (503) and memory stays bounded.
Before the fix, (1) alone added about 880 MB. On a fresh `rembuk bench-data` installation (not the demo), SQLite.
Usage: uploads.py REMBUK_BINARY WORK_DIR. Loopback only; stops what it started."""
import http.client
import os
import re
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from httpkit import Visitor, bench_citizens, free_port, wait_for  # noqa: E402

binary, work = sys.argv[1], sys.argv[2]
SEED = 11
LIMIT_MB = {"visitors": 60, "citizens": 200}
failures = []


def check(name, condition):
    if not condition:
        failures.append(name)
        print("FAIL:", name)


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class Sampler(threading.Thread):
    """Reads the server's resident memory every 20 ms; `peak` is the highest since `reset`."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.stopping = pid, 0.0, threading.Event()

    def reset(self):
        self.peak = rss_mb(self.pid)

    def run(self):
        while not self.stopping.is_set():
            self.peak = max(self.peak, rss_mb(self.pid))
            time.sleep(0.02)


def cookie_header(visitor):
    return "; ".join("%s=%s" % (c.name, c.value) for c in visitor.jar)


def send_form(port, visitor, token, files, file_size):
    """POSTs a multipart complaint form, the token first, streaming each file; returns the status or 'closed'."""
    boundary = "----RembukUjiUnggah"
    head = "".join('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (boundary, name, value)
                   for name, value in [("_csrf", token), ("title", "Uji unggah"), ("text", "Uji memori unggahan")]).encode()
    part = ('--%s\r\nContent-Disposition: form-data; name="berkas"; filename="foto.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'
            % boundary).encode()
    tail = ("--%s--\r\n" % boundary).encode()
    length = len(head) + files * (len(part) + file_size + 2) + len(tail)
    chunk = b"\xff\xd8\xff\xe0" + b"B" * (256 * 1024 - 4)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.putrequest("POST", "/pengaduan/baru")
        connection.putheader("Content-Type", "multipart/form-data; boundary=" + boundary)
        connection.putheader("Content-Length", str(length))
        connection.putheader("Cookie", cookie_header(visitor))
        connection.endheaders()
        connection.send(head)
        for _ in range(files):
            connection.send(part)
            left = file_size
            while left > 0:
                connection.send(chunk[:min(left, len(chunk))])
                left -= min(left, len(chunk))
            connection.send(b"\r\n")
        connection.send(tail)
        return connection.getresponse().status
    except (BrokenPipeError, ConnectionResetError, TimeoutError):
        # The server answered before the whole body was sent (refused early) and stopped reading or closed.
        try:
            connection.sock.settimeout(10)
            return connection.getresponse().status
        except Exception:  # noqa: BLE001
            return "closed"
    finally:
        connection.close()


def wave(name, senders, sampler, baseline):
    results = []
    lock = threading.Lock()

    def run(sender):
        status = sender()
        with lock:
            results.append(status)

    sampler.reset()
    started = time.time()
    threads = [threading.Thread(target=run, args=(sender,)) for sender in senders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    grew = sampler.peak - baseline
    counts = {status: results.count(status) for status in set(results)}
    print("uploads (%s): %d forms in %.1f s, answers %s; peak memory %.0f MB above the %.0f MB before (limit %d)"
          % (name, len(results), time.time() - started, counts, grew, baseline, LIMIT_MB[name]))
    check("%s: memory grew %.0f MB, more than %d" % (name, grew, LIMIT_MB[name]), grew <= LIMIT_MB[name])
    return results


def main():
    env = dict(os.environ, REMBUK_SECRET="uploads-test-secret-that-is-long-enough-0123456789", REMBUK_WORKER="0", LOG_LEVEL="warning",
               REMBUK_SQLITE_PATH=os.path.join(work, "uploads.sqlite"))
    env.pop("DATABASE_URL", None)
    subprocess.run([binary, "bench-data", "--scale", "tiny", "--seed", str(SEED)], env=env, check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    base = "http://127.0.0.1:%d" % port
    log = open(os.path.join(work, "uploads.log"), "w")
    server = subprocess.Popen([binary, "serve", "--port", str(port)], env=env, stdout=log, stderr=log)
    try:
        check("the server answers", wait_for(base + "/healthz"))
        visitors = []
        for _ in range(32):
            visitor = Visitor(base)
            token = re.search(r'name="_csrf" value="([A-Za-z0-9_-]+)"', visitor.request("/masuk")[1]).group(1)
            visitors.append((visitor, token))
        citizens = [(visitor, visitor.token("/pengaduan/baru")) for _, visitor in bench_citizens(base, SEED, 8)]
        check("8 citizens sign in", len(citizens) == 8)
        for _ in range(20):
            Visitor(base).request("/")
        sampler = Sampler(server.pid)
        sampler.start()
        time.sleep(0.5)
        baseline = rss_mb(server.pid)

        answers = wave("visitors", [lambda v=v, t=t: send_form(port, v, t, 1, 60 * 1024 * 1024) for v, t in visitors], sampler, baseline)
        check("visitors: every form refused (%s)" % sorted(set(map(str, answers))), all(a in (401, 303, "closed") for a in answers))

        baseline = rss_mb(server.pid)
        senders = [lambda v=v, t=t: send_form(port, v, t, 5, 4_800_000) for v, t in citizens * 4]
        answers = wave("citizens", senders, sampler, baseline)
        check("citizens: some forms turned away to try again (503)", answers.count(503) > 0)
        check("citizens: some forms read whole and answered (%s)" % sorted(set(map(str, answers))),
              any(a in (200, 303, 422, 429) for a in answers))
        check("citizens: no server error", all(a not in (500, "closed") for a in answers))
        check("the server still answers", wait_for(base + "/healthz", 10))
        leftovers = [name for name in os.listdir("/tmp") if name.startswith("rembuk-upload-")]
        check("no temporary upload file left (%d)" % len(leftovers), not leftovers)
        sampler.stopping.set()
    finally:
        server.terminate()
        server.wait()
        log.close()
    print("uploads: %s" % ("every check passed" if not failures else "%d checks failed" % len(failures)))
    sys.exit(1 if failures else 0)


main()
