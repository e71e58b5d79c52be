"""A loopback stub of the few Miro endpoints the benchmarks use, answering from memory.

FakeMiro checks and records every request, which would dilute the clients' differences;
this stub answers pre-encoded pages so the clients' own costs dominate. Items are copies
of one real FakeMiro sticky note (``template``) with their own ids and contents.

    GET  /v2/boards/{board}                  the board
    GET  /v2/boards/{board}/items?limit&cursor   cursor pages over ``count`` items
    POST /v2/boards/{board}/items/bulk       echoes 1..20 created sticky notes
"""

import copy
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

BOARD_ID = "uXjVbench0="


def make_item(template, i):
    """Item number ``i``, shaped like ``template``."""
    item = json.loads(json.dumps(template))
    item["id"] = str(3458764500000000000 + i)
    item["data"]["content"] = f"note {i}"
    item["position"]["x"] = float(i)
    item["links"]["self"] = f"http://127.0.0.1/v2/boards/{BOARD_ID}/items/{item['id']}"
    return item


class Stub:
    """The stub server; ``delay`` seconds are added to every answer (a slow Miro)."""

    def __init__(self, template, board, count, delay=0.0):
        self.template = template
        self.board = dict(board, id=BOARD_ID)
        self.count = count
        self.delay = delay
        self._pages = {}
        self._next_id = 4458764500000000000
        self._lock = threading.Lock()
        self.requests = 0
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body in one write, sent at once: otherwise Nagle's algorithm and
            # delayed ACKs add ~40 ms to every answer and every client looks the same.
            wbufsize = 1 << 16
            disable_nagle_algorithm = True

            def log_message(self, *args):
                pass

            def log_error(self, format, *args):
                sys.stderr.write(f"stub: {format % args}\n")

            def do_GET(self):
                stub._answer(self, "GET")

            def do_POST(self):
                stub._answer(self, "POST")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.request_queue_size = 128
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def page(self, start, limit):
        """The encoded cursor page of ``limit`` items from ``start`` (kept once made)."""
        key = (start, limit)
        if key in self._pages:
            return self._pages[key]
        data = [self.template_item(i) for i in range(start, min(start + limit, self.count))]
        body = {"data": data, "total": self.count, "size": len(data), "limit": limit}
        body["links"] = {"self": f"{self.url}/v2/boards/{BOARD_ID}/items?limit={limit}"}
        if start + limit < self.count:
            body["cursor"] = str(start + limit)
        self._pages[key] = encoded = json.dumps(body).encode()
        return encoded

    def template_item(self, i):
        """Item number ``i``."""
        return make_item(self.template, i)

    def created(self, specs):
        """Created sticky notes for a bulk body."""
        out = []
        with self._lock:
            for spec in specs:
                item = copy.deepcopy(self.template)
                self._next_id += 1
                item["id"] = str(self._next_id)
                item["data"]["content"] = spec.get("data", {}).get("content", "")
                out.append(item)
        return json.dumps({"data": out, "type": "bulk-list"}).encode()

    def _answer(self, handler, method):
        with self._lock:
            self.requests += 1
        parts = urlsplit(handler.path)
        query = parse_qs(parts.query)
        length = int(handler.headers.get("Content-Length") or 0)
        sent = handler.rfile.read(length) if length else b""
        if self.delay:
            time.sleep(self.delay)
        status = 200
        if method == "GET" and parts.path.endswith("/items"):
            start = int(query.get("cursor", ["0"])[0])
            body = self.page(start, int(query.get("limit", ["10"])[0]))
        elif method == "GET" and parts.path.startswith("/v2/boards/"):
            body = json.dumps(self.board).encode()
        elif method == "POST" and parts.path.endswith("/items/bulk"):
            status, body = 201, self.created(json.loads(sent))
        else:
            status, body = 404, b'{"status":404,"code":"notFound","message":"stub"}'
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
