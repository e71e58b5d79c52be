"""FakeMiro's HTTP side: a threaded server on 127.0.0.1, routing, auth, faults, the log.

Behaviour comes from Miro's OpenAPI description and API-NOTES, never from this SDK: this
package imports nothing from ``miro`` outside ``miro.testing``.

The handler convention (for every route module, enterprise and SCIM included):

* A route is ``route(METHOD, "/v2/path/{param}", handler, level=…, when=…)``; a
  placeholder may carry its own pattern, ``{segment:texts|shapes}``. ``when`` tells apart
  operations sharing a verb and URL (API-NOTES §8.6) by their query or content type.
* A handler takes a :class:`Request` and returns ``(status, payload)`` or ``(status,
  payload, headers)``; it answers an error by raising :class:`~.errors.ApiFault` (``bad()``,
  ``not_found()``). ``request.json()`` is the body as a JSON object (400 for anything else;
  ``expect=list`` for an array body).
* Handlers run one at a time under the server lock, and **atomically**: every request that
  can write (any method but GET) runs in a transaction of :class:`~.state.Store`; when it
  answers an error status, raises, or crashes, the store is rolled back as it was. So a
  handler may validate and write in any order, and a rejected request never changes state.
  All state a handler changes must therefore live on the ``Store``, in dicts, lists and
  scalars (``journal.py`` tracks them; state kept elsewhere is not rolled back).
* A crash (any exception but ``ApiFault``) answers 500 with Miro's error body; the
  connection is never dropped except by an injected ``status=0`` fault.
* Every answer, whatever the method, is Miro's JSON error body with the right status: an
  unknown path is 404, a known path with another method is 405 with an ``Allow`` header.
"""

from __future__ import annotations

import dataclasses
import json
import re
import secrets
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional, Pattern, Tuple
from urllib.parse import parse_qsl, unquote, urlsplit

from . import faults
from .errors import ApiFault, error_body
from .state import Store

#: A handler answers (status, JSON payload) or (status, payload, extra headers).
Handler = Callable[["Request"], Tuple[Any, ...]]

#: Makes the server's own errors (404, 405, 500) for the paths under a prefix (SCIM's).
FaultMaker = Callable[[int, str, Dict[str, str]], ApiFault]

#: Credits a call costs by the spec's rate-limit level (API-NOTES §6).
LEVEL_COST = {1: 50, 2: 100, 3: 500, 4: 2000}


#: Query, form and JSON fields whose values a repr hides, as the SDK hides its tokens.
_SECRET_FIELDS = "access_token|refresh_token|client_secret"
_SECRET_PAIR = re.compile(rf"(?<![\w-])({_SECRET_FIELDS}|code)=[^&\s'\\]*")
_SECRET_JSON = re.compile(rf'("(?:{_SECRET_FIELDS})"\s*:\s*)"[^"]*"')


def _masked(value: Any) -> str:
    """The repr of ``value`` with every token and secret in it replaced by ``<hidden>``."""
    text = _SECRET_PAIR.sub(r"\1=<hidden>", repr(value))
    return _SECRET_JSON.sub(r'\1"<hidden>"', text)


@dataclasses.dataclass(frozen=True)
class Exchange:
    """One request FakeMiro received and the answer it gave.

    ``client_gone``: the client hung up before the whole answer was written. The repr hides
    the ``Authorization`` header and token fields (the attributes keep the real values).
    """

    method: str
    path: str
    query: str
    request_headers: Dict[str, str]
    request_body: bytes
    status: int
    response_headers: Dict[str, str]
    response_body: bytes
    client_gone: bool = False

    def __repr__(self) -> str:
        headers = {
            k: f"{v.partition(' ')[0]} <hidden>" if k.lower() == "authorization" else v
            for k, v in self.request_headers.items()
        }
        shown = dataclasses.replace(self, request_headers=headers)
        fields = ", ".join(
            f"{f.name}={_masked(getattr(shown, f.name))}" for f in dataclasses.fields(self)
        )
        return f"Exchange({fields})"


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

    def json(self, required: bool = True, expect: type = dict) -> Any:
        """The JSON body, which must be an ``expect`` (a JSON object unless told otherwise).

        400 when it is missing (and ``required``), malformed, or another JSON value (``null``,
        ``false``, ``0`` …); a missing optional body is an empty ``expect``.
        """
        if not self.body:
            if required:
                raise ApiFault(400, "invalidParameters", "Request body is required")
            return expect()
        if "multipart/form-data" in self.content_type:
            raise ApiFault(415, "unsupportedMediaType", "Expected application/json")
        try:
            value = json.loads(self.body)
        except ValueError:
            raise ApiFault(400, "invalidParameters", "Malformed JSON body") from None
        if not isinstance(value, expect):
            shape = "a JSON array" if expect is list else "a JSON object"
            raise ApiFault(400, "invalidParameters", f"The request body must be {shape}")
        return value

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
    free: int = 0  # placeholders matching any segment (``{name}``, not ``{name:a|b}``)


def route(
    method: str,
    template: str,
    handler: Handler,
    *,
    level: int = 1,
    when: Optional[Callable[[Request], bool]] = None,
    public: bool = False,
) -> Route:
    """A route from a ``/v2/boards/{board_id}`` style template.

    A placeholder matches one path segment; ``{name:a|b}`` matches only ``a`` or ``b``.
    """
    regex = re.sub(
        r"\{(\w+)(?::([^}]+))?\}",
        lambda m: f"(?P<{m.group(1)}>{m.group(2) or '[^/]+'})",
        template,
    )
    free = len(re.findall(r"\{\w+\}", template))
    return Route(method, re.compile(f"^{regex}$"), handler, when, level, public, free)


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
    request_queue_size = 128  # the listen backlog: 5 (the default) resets busy clients

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up is no server error: no traceback (the log says it)."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


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
        #: path prefix -> how its server errors look (default: Miro's REST error body)
        self.fault_makers: Dict[str, FaultMaker] = {}

    def own_fault(self, path: str, status: int, code: str, message: str,
                  headers: Optional[Dict[str, str]] = None) -> ApiFault:  # fmt: skip
        """An error the server itself answers, in the style of the API that owns ``path``."""
        for prefix, make in self.fault_makers.items():
            if path == prefix or path.startswith(prefix + "/"):
                return make(status, message, dict(headers or {}))
        return ApiFault(status, code, message, headers=headers)

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
        except Exception as crash:  # a bug in the fake: say so, keep the connection
            own = self.own_fault(raw_path, 500, "internalError", f"FakeMiro failed: {crash!r}")
            status, payload, extra = 500, own.body(), dict(own.headers)
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
        matches = [(r, m) for r in self.routes for m in [r.pattern.match(raw_path)] if m]
        # ``…/groups/items`` also fits ``…/groups/{group_id}``: a path is the resource of
        # the routes that spell most of it out (fewest placeholders); the others never see it.
        fixed = min((r.free for r, _ in matches), default=0)
        matches = [(r, m) for r, m in matches if r.free == fixed]
        refused = False  # the verb and URL match, but no operation's conditions do
        for candidate, match in matches:
            if candidate.method != method:
                continue
            request.params = {k: unquote(v) for k, v in match.groupdict().items()}
            if candidate.when is not None and not candidate.when(request):
                refused = True
                continue
            return self._call(candidate, request, headers)
        if refused:
            raise ApiFault(400, "invalidParameters", "Required query parameters are missing")
        if matches:
            allowed = dict.fromkeys(r.method for r, _ in matches)
            raise self.own_fault(
                raw_path,
                405,
                "methodNotAllowed",
                f"{method} is not supported on this path",
                headers={"Allow": ", ".join(allowed)},
            )
        raise self.own_fault(raw_path, 404, "notFound", f"No route for {method} {raw_path}")

    def _call(
        self, candidate: Route, request: Request, headers: Dict[str, str]
    ) -> Tuple[int, Any, Dict[str, str]]:
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
            answer = self._atomically(candidate.handler, request)
        if len(answer) > 2:
            extra.update(answer[2])
        return answer[0], answer[1], extra

    def _atomically(self, handler: Handler, request: Request) -> Tuple[Any, ...]:
        """Run a handler; unless it succeeds, the store is left as it was (see above)."""
        if request.method == "GET":
            return handler(request)
        self.store.begin()
        try:
            answer = handler(request)
        except BaseException:
            self.store.rollback()
            raise
        if answer[0] >= 400:
            self.store.rollback()
        else:
            self.store.commit()
        return answer

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

    def record_client_gone(self, exchange: Exchange) -> None:
        """Mark a logged exchange whose client hung up before its answer was written."""
        with self.lock:
            for index in range(len(self.log) - 1, -1, -1):
                if self.log[index] is exchange:
                    self.log[index] = dataclasses.replace(exchange, client_gone=True)
                    return


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

    def __getattr__(self, name: str) -> Any:
        # ``do_<METHOD>`` for every method, TRACE, OPTIONS, QUERY … included: the
        # dispatcher answers each in Miro's JSON (405 on a known path), never stdlib HTML.
        if name.startswith("do_"):
            return self._handle
        raise AttributeError(name)

    def send_error(self, code: int, message: Optional[str] = None, explain: Any = None) -> None:
        """Requests the stdlib itself refuses (malformed, too long …) get Miro's JSON too."""
        payload = _dump(error_body(code, "invalidRequest", message or "Malformed request"))
        self.close_connection = True
        self.request_version = self.protocol_version  # a status line even if unparsed
        self.send_response(code, message)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD" and code >= 200 and code not in (204, 304):
            self.wfile.write(payload)

    def _handle(self) -> None:
        parts = urlsplit(self.path)
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self.send_error(400, "Bad Content-Length")
            return
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        delay = self.fake.take_delay()
        if delay:
            time.sleep(delay)
        stormy = faults.storm_answer(self.fake, self.command, parts.path)
        if stormy is not None:
            (status, extra, payload), drop = stormy, False
        else:
            status, extra, payload, drop = self.fake.dispatch(
                self.command, parts.path, parts.query, headers, body
            )
        answer_fault = None if drop else faults.take(self.fake, self.command, parts.path)
        changed: Dict[str, str] = {}
        if answer_fault is not None:  # the work is done; the answer goes wrong (faults.py)
            payload, changed = faults.mangle(answer_fault, payload)
            changed[faults.FAULT_HEADER] = answer_fault.kind
        response_headers = dict(extra)
        if not drop:
            response_headers["Content-Length"] = str(len(payload))
            if payload and "Content-Type" not in response_headers:
                response_headers["Content-Type"] = "application/json"
        response_headers.update(changed)
        exchange = Exchange(
            self.command,
            parts.path,
            parts.query,
            dict(self.headers.items()),
            body,
            status,
            response_headers,
            payload,
        )
        self.fake.record(exchange)
        try:
            self._answer(answer_fault, drop, status, response_headers, payload)
        except ConnectionError:  # the client hung up: recorded, no traceback
            self.close_connection = True
            self.fake.record_client_gone(exchange)

    def _answer(
        self,
        answer_fault: Optional[faults.AnswerFault],
        drop: bool,
        status: int,
        response_headers: Dict[str, str],
        payload: bytes,
    ) -> None:
        if answer_fault is not None:
            faults.write(self, answer_fault, status, response_headers, payload)
            return
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
        if payload and self.command != "HEAD":
            self.wfile.write(payload)
