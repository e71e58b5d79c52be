"""FakeMiro's HTTP side: a threaded server on 127.0.0.1, routing, auth, faults, the log.

Behaviour comes from Miro's OpenAPI description and API-NOTES, never from this SDK: this
package imports nothing from ``miro`` outside ``miro.testing``.
"""

from __future__ import annotations

import dataclasses
import json
import re
import secrets
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional, Pattern, Tuple
from urllib.parse import parse_qsl, unquote, urlsplit

from .errors import ApiFault, error_body
from .state import Store

#: A handler answers (status, JSON payload) or (status, payload, extra headers).
Handler = Callable[["Request"], Tuple[Any, ...]]

#: Credits a call costs by the spec's rate-limit level (API-NOTES §6).
LEVEL_COST = {1: 50, 2: 100, 3: 500, 4: 2000}


@dataclasses.dataclass(frozen=True)
class Exchange:
    """One request FakeMiro received and the answer it gave."""

    method: str
    path: str
    query: str
    request_headers: Dict[str, str]
    request_body: bytes
    status: int
    response_headers: Dict[str, str]
    response_body: bytes


@dataclasses.dataclass
class Request:
    """What a route handler sees."""

    fake: FakeServer
    store: Store
    user_id: str
    method: str
    path: str
    params: Dict[str, str]
    query: Dict[str, str]
    query_keys: List[str]
    headers: Dict[str, str]
    body: bytes
    #: Every query parameter in order, repeats included (``k=a&k=b``: exploded arrays).
    pairs: List[Tuple[str, str]] = dataclasses.field(default_factory=list)

    def query_list(self, name: str) -> List[str]:
        """Every value of a repeated query parameter, in order."""
        return [v for k, v in self.pairs if k == name]

    def json(self, required: bool = True) -> Any:
        """The JSON body; 400 when it is missing (and required) or malformed."""
        if not self.body:
            if required:
                raise ApiFault(400, "invalidParameters", "Request body is required")
            return None
        if "multipart/form-data" in self.content_type:
            raise ApiFault(415, "unsupportedMediaType", "Expected application/json")
        try:
            return json.loads(self.body)
        except ValueError:
            raise ApiFault(400, "invalidParameters", "Malformed JSON body") from None

    @property
    def content_type(self) -> str:
        """The request's Content-Type."""
        return self.headers.get("content-type", "")

    @property
    def is_multipart(self) -> bool:
        """Whether the body is ``multipart/form-data``."""
        return self.content_type.startswith("multipart/form-data")

    def url(self, path: str) -> str:
        """An absolute link to ``path`` on this fake."""
        return self.fake.url + path


@dataclasses.dataclass
class Route:
    """One operation: verb, path pattern, an optional predicate, the handler, its cost level."""

    method: str
    pattern: Pattern[str]
    handler: Handler
    when: Optional[Callable[[Request], bool]] = None
    level: int = 1
    public: bool = False


def route(
    method: str,
    template: str,
    handler: Handler,
    *,
    level: int = 1,
    when: Optional[Callable[[Request], bool]] = None,
    public: bool = False,
) -> Route:
    """A route from a ``/v2/boards/{board_id}`` style template."""
    regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)
    return Route(method, re.compile(f"^{regex}$"), handler, when, level, public)


@dataclasses.dataclass
class Fault:
    """An injected failure for the next matching requests."""

    status: int
    times: int
    retry_after: Optional[float] = None
    reset_in: Optional[float] = None
    code: Optional[str] = None
    message: Optional[str] = None
    path: Optional[str] = None
    method: Optional[str] = None
    after: int = 0

    def matches(self, method: str, path: str) -> bool:
        """Whether this fault applies to a request."""
        return (self.method is None or self.method.upper() == method) and (
            self.path is None or path.startswith(self.path)
        )


class _Http(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class FakeServer:
    """The HTTP server, its routes, tokens, faults and the exchange log."""

    def __init__(self, routes: List[Route], store: Store, rate_limit: Optional[int]) -> None:
        self.routes = routes
        self.store = store
        self.rate_limit = rate_limit
        self.tokens: Dict[str, str] = {}
        self.token_expiry: Dict[str, float] = {}  # access token -> epoch (OAuth tokens)
        self.main_user = ""
        self.oauth: Any = None  # the registered app (FakeMiro sets it)
        self.lock = threading.RLock()
        self.log: List[Exchange] = []
        self.faults: List[Fault] = []
        self.delays: List[List[float]] = []
        self.credits: Dict[str, Tuple[float, float]] = {}
        self._http: Optional[_Http] = None
        self._thread: Optional[threading.Thread] = None
        self.url = ""
        self.app_id = store.number_id()  # the app the experimental metrics describe

    def start(self) -> None:
        """Listen on an ephemeral port of 127.0.0.1."""
        server = self

        class Handler(_RequestHandler):
            fake = server

        self._http = _Http(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}"
        self._thread = threading.Thread(
            target=self._http.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop listening and close the socket."""
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()
            self._http = None

    def issue_token(self, user_id: str) -> str:
        """A new access token for ``user_id``."""
        token = secrets.token_urlsafe(24)
        with self.lock:
            self.tokens[token] = user_id
        return token

    def take_fault(self, method: str, path: str) -> Optional[Fault]:
        """The injected fault this request triggers, if any (consuming one use)."""
        with self.lock:
            for fault in self.faults:
                if fault.matches(method, path):
                    if fault.after > 0:
                        fault.after -= 1
                        return None
                    fault.times -= 1
                    if fault.times <= 0:
                        self.faults.remove(fault)
                    return fault
        return None

    def take_delay(self) -> float:
        """Seconds to stall this request, if a delay was injected."""
        with self.lock:
            if not self.delays:
                return 0.0
            seconds, times = self.delays[0]
            if times <= 1:
                self.delays.pop(0)
            else:
                self.delays[0][1] = times - 1
            return seconds

    def charge(self, token: str, level: int) -> Tuple[int, int, int]:
        """Spend credits; returns (limit, remaining, reset epoch). Remaining < 0: over."""
        limit = self.rate_limit or 100_000
        now = time.time()
        with self.lock:
            window, spent = self.credits.get(token, (now, 0.0))
            if now - window >= 60:
                window, spent = now, 0.0
            if self.rate_limit is not None:
                spent += LEVEL_COST.get(level, 100)
            self.credits[token] = (window, spent)
        return limit, int(limit - spent), int(window + 60)

    def dispatch(
        self, method: str, raw_path: str, query: str, headers: Dict[str, str], body: bytes
    ) -> Tuple[int, Dict[str, str], bytes, bool]:
        """Answer one request: (status, headers, body, drop connection)."""
        fault = self.take_fault(method, raw_path)
        extra: Dict[str, str] = {}
        if fault is not None:
            extra["X-FakeMiro-Fault"] = "injected"
            if fault.status == 0:
                return 0, extra, b"", True
            if fault.retry_after is not None:
                extra["Retry-After"] = f"{fault.retry_after:g}"
            if fault.reset_in is not None:
                extra["X-RateLimit-Reset"] = str(int(time.time() + fault.reset_in))
            default_code = {429: "tooManyRequests"}.get(fault.status, "injectedFault")
            payload = error_body(
                fault.status, fault.code or default_code, fault.message or "Injected by FakeMiro"
            )
            return fault.status, extra, _dump(payload), False
        try:
            status, payload, extra = self._route(method, raw_path, query, headers, body)
        except ApiFault as failure:
            status, payload = failure.status, failure.body()
            extra = dict(failure.headers)
        if status == 204 or payload is None:
            return status, extra, b"", False
        if isinstance(payload, bytes):  # a file (export downloads): sent as it is
            return status, extra, payload, False
        return status, extra, _dump(payload), False

    def _route(
        self, method: str, raw_path: str, query: str, headers: Dict[str, str], body: bytes
    ) -> Tuple[int, Any, Dict[str, str]]:
        pairs = parse_qsl(query, keep_blank_values=True)
        request = Request(
            self,
            self.store,
            "",
            method,
            raw_path,
            {},
            dict(pairs),
            [k for k, _ in pairs],
            headers,
            body,
            pairs,
        )
        known_path = False
        for candidate in self.routes:
            match = candidate.pattern.match(raw_path)
            if not match:
                continue
            known_path = True
            if candidate.method != method:
                continue
            request.params = {k: unquote(v) for k, v in match.groupdict().items()}
            if candidate.when is not None and not candidate.when(request):
                continue
            extra: Dict[str, str] = {}
            if not candidate.public:
                with self.lock:
                    token = self._token(headers)
                    request.user_id = self.tokens[token]
                limit, remaining, reset = self.charge(token, candidate.level)
                extra = {
                    "X-RateLimit-Limit": str(limit),
                    "X-RateLimit-Remaining": str(max(remaining, 0)),
                    "X-RateLimit-Reset": str(reset),
                }
                if remaining < 0:
                    raise ApiFault(429, "tooManyRequests", "Rate limit exceeded", headers=extra)
            with self.lock:
                answer = candidate.handler(request)
            if len(answer) > 2:
                extra.update(answer[2])
            return answer[0], answer[1], extra
        if known_path:
            raise ApiFault(405, "methodNotAllowed", f"{method} is not supported on this path")
        raise ApiFault(404, "notFound", f"No route for {method} {raw_path}")

    def _token(self, headers: Dict[str, str]) -> str:
        auth = headers.get("authorization", "")
        if not auth:
            raise ApiFault(401, "tokenNotProvided", "No access token in the Authorization header")
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer" or token not in self.tokens:
            raise ApiFault(401, "tokenNotFound", "The access token is invalid or has been revoked")
        expiry = self.token_expiry.get(token)
        if expiry is not None and time.time() >= expiry:
            raise ApiFault(401, "tokenExpired", "The access token has expired")
        return token

    def record(self, exchange: Exchange) -> None:
        """Append to the exchange log."""
        with self.lock:
            self.log.append(exchange)


def _dump(payload: Any) -> bytes:
    return json.dumps(payload, separators=(",", ":")).encode()


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    fake: FakeServer

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes; without this, Nagle's algorithm and
        # delayed ACKs add ~40 ms to every keep-alive exchange.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass  # quiet: tests read fake.exchanges instead

    def _handle(self) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        delay = self.fake.take_delay()
        if delay:
            time.sleep(delay)
        status, extra, payload, drop = self.fake.dispatch(
            self.command, parts.path, parts.query, headers, body
        )
        response_headers = dict(extra)
        if not drop:
            response_headers["Content-Length"] = str(len(payload))
            if payload and "Content-Type" not in response_headers:
                response_headers["Content-Type"] = "application/json"
        self.fake.record(
            Exchange(
                self.command,
                parts.path,
                parts.query,
                dict(self.headers.items()),
                body,
                status,
                response_headers,
                payload,
            )
        )
        if drop:
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        self.send_response(status)
        for key, value in response_headers.items():
            self.send_header(key, value)
        self.end_headers()
        if payload:
            self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle
