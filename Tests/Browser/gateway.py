"""A stand-in SMS/WhatsApp gateway for the browser journeys: accepts Rembuk's signed webhook posts on 127.0.0.1
and appends each JSON body as one line to a file, where a journey reads the code a person would have received.

Arguments: port, output file. Runs until killed."""
import http.server
import sys

port, out = int(sys.argv[1]), sys.argv[2]


class Gateway(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with open(out, "ab") as f:
            f.write(body.replace(b"\n", b" ") + b"\n")
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


open(out, "ab").close()
http.server.HTTPServer(("127.0.0.1", port), Gateway).serve_forever()
