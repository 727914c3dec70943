"""Plain-HTTP helpers for the checks that drive Rembuk from outside without a browser (scaleout.py, crash.py):
a visitor with its own cookies and CSRF token, a free loopback port, waiting for an answer."""
import http.cookiejar
import re
import socket
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
