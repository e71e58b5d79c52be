"""The one HTTP layer: a ``requests.Session`` with Miro's conventions.

Everything that reaches the network goes through :meth:`Transport.request`: base URL,
bearer token (a string or a callable, asked on every request so refreshed tokens are
picked up), default timeout, ``User-Agent``, JSON in and out, error mapping, and the
retry policy. Nothing else in the package imports ``requests``.

Retry policy (Miro has no idempotency keys, so only retries that cannot duplicate work):

* 429 is retried for every method, waiting as ``Retry-After`` or ``X-RateLimit-Reset``
  says; a wait longer than ``max_retry_wait`` raises :class:`~miro.errors.RateLimited`
  at once instead of freezing the caller.
* 5xx answers, timeouts and broken connections are retried only for GET and HEAD.
* A failure to connect is retried for every method: the request never left.

Reliability (issue #12): a 2xx whose body is not JSON (an HTML page, a truncated or
invalid body, ``null``) raises :class:`~miro.errors.MalformedResponse`; one attempt may
take at most ``deadline`` seconds end to end (a slow-drip answer is cut there); requests
are paced from Miro's ``X-RateLimit-*`` headers so a long job stays inside its credit
budget (:mod:`miro.core.pacing`); a token is only ever sent over https, or over plain
http to this machine (FakeMiro), unless ``allow_http=True``; and no token reaches a log
record or an exception text (:mod:`miro.core.redact`).
"""

from __future__ import annotations

import contextlib
import contextvars
import ipaddress
import json as jsonlib
import logging
import os
import random
import re
import time
from typing import Any, Callable, Dict, Iterator, Mapping, Optional, Tuple, Union
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .._version import __version__
from ..errors import (
    ApiError,
    AuthError,
    InvalidArgument,
    InvalidArgumentType,
    MalformedResponse,
    Timeout,
    TransportError,
    error_class,
    retry_delay,
)
from . import answered
from .pacing import RESET_MARGIN, Pacer
from .redact import SecretScrubber, protect_loggers, scrubbed_copy

log = logging.getLogger("miro")

DEFAULT_BASE_URL = "https://api.miro.com"
DEFAULT_TIMEOUT = 30.0
DEFAULT_POOL_SIZE = 32  # connections kept per host; ensure_pool() grows it for more threads

#: Longest one attempt (connect, send, whole answer) may take, in seconds.
DEFAULT_DEADLINE = 120.0
#: Characters of an unparseable body quoted in :class:`~miro.errors.MalformedResponse`.
EXCERPT_LENGTH = 120
USER_AGENT = f"miro-python/{__version__}"
_RETRY_ON_ERROR = frozenset({"GET", "HEAD"})
#: Failures that no retry can mend (a bad URL): raised at once.
_PERMANENT = (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
              requests.exceptions.MissingSchema, requests.exceptions.InvalidHeader)  # fmt: skip

TokenProvider = Union[str, Callable[[], str]]


def default_base_url() -> str:
    """``MIRO_BASE_URL`` when set (point existing code at a FakeMiro), else Miro's API."""
    return os.environ.get("MIRO_BASE_URL") or DEFAULT_BASE_URL


def is_loopback(host: Optional[str]) -> bool:
    """Whether ``host`` is this machine (``localhost``, 127.0.0.0/8, ``::1``)."""
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_base_url(base_url: Any, allow_http: bool = False, name: str = "base_url") -> str:
    """``base_url`` without its trailing slash, refused (before any request) unless it is
    an https URL, or plain http to this machine or with ``allow_http=True``."""
    if not isinstance(base_url, str):
        raise InvalidArgumentType(f"{name} must be a string URL, got {type(base_url).__name__}")
    parts = urlsplit(base_url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidArgument(
            f"{name} must be an absolute http(s) URL such as https://api.miro.com, got {base_url!r}"
        )
    if parts.scheme == "http" and not allow_http and not is_loopback(parts.hostname):
        raise InvalidArgument(
            f"{name} {base_url!r} is plain http: the access token would cross the network "
            "unencrypted. Use https, or pass allow_http=True if you really mean it "
            "(plain http to localhost/127.0.0.1, as for FakeMiro, is always allowed)"
        )
    return base_url.strip().rstrip("/")


def _count(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgumentType(f"{name} must be an int, got {type(value).__name__}")
    if value < 0:
        raise InvalidArgument(f"{name} must be 0 or more, got {value}")
    return value


def _duration(name: str, value: Any, optional: bool = True) -> Optional[float]:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidArgumentType(f"{name} must be a number of seconds, got {type(value).__name__}")
    if not value > 0 or value == float("inf"):
        raise InvalidArgument(f"{name} must be a positive finite number of seconds, got {value}")
    return float(value)


class Transport:
    """Send requests to Miro and turn answers into JSON or typed errors.

    Args:
        token: the access token, or a callable returning the current one.
        base_url: API root, ``https://api.miro.com`` by default (a FakeMiro URL in tests).
        timeout: seconds to wait for a connection and for each read.
        max_retries: how many times one call may be retried (429, safe 5xx/timeouts).
        max_retry_wait: longest wait a 429 may impose before we give up and raise.
        session: a ``requests.Session`` to use instead of a new one.
        sleep: the function used to wait (tests may pass their own).
        on_unauthorized: called once on a 401 with the token that was refused; if it
            returns True the call is retried (the OAuth client refreshes an expired token).
        deadline: longest one attempt may take end to end, answer included (None: no
            limit); an answer still dripping in then raises :class:`~miro.errors.Timeout`.
        pacing: pace requests from Miro's ``X-RateLimit-*`` headers so that the credit
            budget is never overdrawn (False: only react to 429 answers).
        allow_http: allow plain ``http://`` to a host other than this machine (the token
            then crosses the network unencrypted).

    Raises:
        InvalidArgument, InvalidArgumentType: an argument is wrong (naming it).
    """

    def __init__(
        self,
        token: TokenProvider,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: Optional[float] = DEFAULT_TIMEOUT,
        max_retries: int = 3,
        max_retry_wait: float = 60.0,
        session: Optional[requests.Session] = None,
        sleep: Callable[[float], None] = time.sleep,
        on_unauthorized: Optional[Callable[[str], bool]] = None,
        deadline: Optional[float] = DEFAULT_DEADLINE,
        pacing: bool = True,
        allow_http: bool = False,
    ) -> None:
        if not callable(token) and not (isinstance(token, str) and token.strip()):
            raise InvalidArgumentType(
                "access_token must be a non-empty string or a callable returning one"
            )
        for name, flag in (("pacing", pacing), ("allow_http", allow_http)):
            if not isinstance(flag, bool):
                raise InvalidArgumentType(f"{name} must be True or False")
        self._token = token
        self.base_url = check_base_url(base_url, allow_http)
        self.timeout = _duration("timeout", timeout)
        self.deadline = _duration("deadline", deadline)
        self.max_retries = _count("max_retries", max_retries)
        if max_retry_wait != 0:
            _duration("max_retry_wait", max_retry_wait, optional=False)
        self.max_retry_wait = float(max_retry_wait)
        if session is not None and not isinstance(session, requests.Session):
            raise InvalidArgumentType("session must be a requests.Session")
        for name, function in (("sleep", sleep), ("on_unauthorized", on_unauthorized)):
            if function is not None and not callable(function):
                raise InvalidArgumentType(f"{name} must be callable")
        self._sleep = sleep
        self._on_unauthorized = on_unauthorized
        #: The credit pacer shared by this client's threads (None when pacing is off).
        self.pacer: Optional[Pacer] = Pacer(sleep=self._pace_sleep) if pacing else None
        self.session = session or self._new_session()
        self._pool_size = DEFAULT_POOL_SIZE if session is None else 0  # 0: not ours to size
        self._settings: Optional[Dict[str, Any]] = None
        protect_loggers()

    def _pace_sleep(self, seconds: float) -> None:
        log.info("credit budget spent; pacing: waiting %.1f s for the window to refill", seconds)
        self._sleep(seconds)

    @staticmethod
    def _new_session() -> requests.Session:
        session = requests.Session()
        _mount(session, DEFAULT_POOL_SIZE)
        session.headers["User-Agent"] = USER_AGENT
        session.headers["Accept"] = "application/json"
        return session

    def ensure_pool(self, size: int) -> None:
        """Keep up to ``size`` connections open at once, for that many threads sharing this
        client (``create_many(workers=N)``); a session passed in is left as it was given."""
        if self._pool_size and size > self._pool_size:
            _mount(self.session, size)
            self._pool_size = size

    def __repr__(self) -> str:
        return f"Transport(base_url={self.base_url!r})"

    def close(self) -> None:
        """Close the underlying session and its connections."""
        self.session.close()

    def token(self) -> str:
        """The current access token (never logged, never put in an exception)."""
        value = self._token() if callable(self._token) else self._token
        if not isinstance(value, str) or not value.strip():
            got = "an empty string" if isinstance(value, str) else type(value).__name__
            raise AuthError(
                f"the access token provider returned {got}, not a token: nothing was sent"
            )
        return value

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Optional[Mapping[str, Any]] = None,
        json: Any = None,
        files: Any = None,
        headers: Optional[Mapping[str, str]] = None,
        raw: bool = False,
    ) -> Any:
        """Send one API call and return its parsed JSON body (None for an empty body).

        ``path`` starts with ``/`` and is already encoded (see :func:`miro.core.paths.expand`).
        With ``raw=True`` the body comes back as bytes, whatever it is.
        Raises :class:`~miro.errors.ApiError` subclasses for error statuses,
        :class:`~miro.errors.MalformedResponse` for a 2xx body that is not JSON, and
        :class:`~miro.errors.TransportError` when no (complete) answer arrives.
        """
        method = method.upper()
        url = self.base_url + path
        query = _query(params)
        body = None if json is None else jsonlib.dumps(json, separators=(",", ":"))
        attempt = 0
        refreshed = False
        while True:
            token = self.token()
            send_headers = {"Authorization": f"Bearer {token}"}
            if body is not None:
                send_headers["Content-Type"] = "application/json"
            if headers:
                send_headers.update(headers)
            options = _CALL_OPTIONS.get() or _NO_OPTIONS
            if options.headers:
                send_headers.update(options.headers)
            started = time.monotonic()
            failure: Optional[requests.RequestException] = None
            if self.pacer is not None:
                self.pacer.acquire(self.max_retry_wait)
            answer_headers: Optional[Mapping[str, str]] = None
            try:
                response = self._send(method, url, query, body, files, send_headers, options)
                answer_headers = response.headers
            except requests.RequestException as exc:
                failure = exc
            finally:
                if self.pacer is not None:
                    self.pacer.release(answer_headers)
            if failure is not None:
                permanent = isinstance(failure, _PERMANENT)
                if not permanent and method in _RETRY_ON_ERROR and attempt < self.max_retries:
                    attempt += 1
                    self._sleep(_backoff(attempt))
                    continue
                raise _transport_error(failure, method, path) from scrubbed_copy(failure)
            status = response.status_code
            log.debug(
                "%s %s -> %s (%.0f ms)", method, path, status, 1000 * (time.monotonic() - started)
            )
            if status == 429 and attempt < self.max_retries:
                wait = retry_delay(response.headers)
                if wait is None:
                    wait = _backoff(attempt + 1)
                elif "Retry-After" not in response.headers:
                    wait += RESET_MARGIN  # X-RateLimit-Reset is whole seconds: refill may lag
                if wait <= self.max_retry_wait:
                    attempt += 1
                    log.info("rate limited on %s %s; retrying in %.1f s", method, path, wait)
                    self._sleep(wait)
                    continue
            elif status >= 500 and method in _RETRY_ON_ERROR and attempt < self.max_retries:
                attempt += 1
                self._sleep(_backoff(attempt))
                continue
            elif status == 401 and not refreshed and self._on_unauthorized is not None:
                refreshed = True
                if self._on_unauthorized(token):
                    continue
            if status >= 400:
                raise _api_error(response, method, path)
            return response.content if raw else _parse(response, method, path)

    def download(self, url: str, *, chunk_size: int = 1 << 16) -> Download:
        """Open an absolute URL outside the API (a pre-signed export link) as a stream.

        The request carries no ``Authorization`` header: such links authorise themselves,
        and the access token must never travel to another host. A connection failure is
        retried as for GET; an error status raises the matching :class:`ApiError`.
        """
        attempt = 0
        while True:
            try:
                response = self.session.get(
                    url, stream=True, timeout=self.timeout, headers={"Accept": "*/*"}
                )
            except requests.RequestException as exc:
                if attempt < self.max_retries:
                    attempt += 1
                    self._sleep(_backoff(attempt))
                    continue
                kind = Timeout if isinstance(exc, requests.Timeout) else TransportError
                raise kind(f"GET {_without_query(url)} failed: {type(exc).__name__}") from None
            if response.status_code >= 500 and attempt < self.max_retries:
                response.close()
                attempt += 1
                self._sleep(_backoff(attempt))
                continue
            if response.status_code >= 400:
                try:
                    raise _api_error(response, "GET", _without_query(url))
                finally:
                    response.close()
            return Download(response, chunk_size)

    def _send(
        self,
        method: str,
        url: str,
        query: Optional[Dict[str, Any]],
        body: Optional[str],
        files: Any,
        headers: Dict[str, str],
        options: CallOptions,
    ) -> requests.Response:
        # Prepared directly rather than through Session.prepare_request: Miro's API uses no
        # cookies or session auth, and merging them cost ~15% of a small request.
        prepared = requests.PreparedRequest()
        prepared.prepare(
            method=method,
            url=url,
            params=query,
            data=body,
            files=files,
            headers={**self.session.headers, **headers},
        )
        # requests re-quotes URLs and turns %2E back into ".", so an id such as ".." would
        # become a dot segment; put our encoded path back before sending.
        sent = str(prepared.url)
        prepared.url = url + sent[len(sent.split("?", 1)[0]) :]
        timeout = self.timeout if options.timeout is None else options.timeout
        started = time.monotonic()
        response = self.session.send(prepared, timeout=timeout, **self._environment())
        _read_body(response, None if self.deadline is None else started + self.deadline)
        return response

    def _environment(self) -> Dict[str, Any]:
        """Proxy and TLS settings from the environment, read once: every request goes to
        the same host, and re-reading ``os.environ`` per call cost a fifth of its time."""
        if self._settings is None:
            self._settings = dict(
                self.session.merge_environment_settings(self.base_url, {}, None, None, None)
            )
            self._settings["stream"] = True  # the body is read by _read_body, to a deadline
        return self._settings


def _mount(session: requests.Session, pool_size: int) -> None:
    # Connection failures happen before the request is sent: safe to retry for any verb.
    adapter = HTTPAdapter(
        pool_maxsize=pool_size,
        max_retries=Retry(
            total=2,
            connect=2,
            read=0,
            status=0,
            other=0,
            redirect=0,
            respect_retry_after_header=False,  # 429 waits are ours, with our cap
        ),
    )
    session.mount("https://", adapter)
    session.mount("http://", adapter)


class Download:
    """An open download: ``size`` (bytes, when announced), ``filename`` (when the server
    names one), ``chunks()`` to read it; a context manager that closes the connection."""

    def __init__(self, response: requests.Response, chunk_size: int) -> None:
        self._response = response
        self._chunk_size = chunk_size
        length = response.headers.get("Content-Length", "")
        self.size: Optional[int] = int(length) if length.isdigit() else None
        self.content_type: str = response.headers.get("Content-Type", "")
        disposition = response.headers.get("Content-Disposition", "")
        match = re.search(r'filename="?([^";]+)"?', disposition)
        self.filename: Optional[str] = match.group(1) if match else None

    def chunks(self) -> Iterator[bytes]:
        """The body, chunk by chunk."""
        try:
            for chunk in self._response.iter_content(self._chunk_size):
                if chunk:
                    yield chunk
        except requests.RequestException as exc:
            raise TransportError(f"download cut short: {type(exc).__name__}") from None

    def close(self) -> None:
        """Close the connection."""
        self._response.close()

    def __enter__(self) -> Download:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def _without_query(url: str) -> str:
    """A URL without its query (pre-signed links carry credentials there)."""
    return url.split("?", 1)[0]


class Repeated(tuple):
    """A query parameter sent once per value (``k=a&k=b``: OpenAPI's exploded form arrays);
    a plain list or tuple is sent comma-separated."""


class _DeadlinePassed(requests.Timeout):
    """The answer was still arriving when the attempt's deadline passed."""


def _read_body(response: requests.Response, deadline: Optional[float]) -> None:
    """Read the whole body, giving up (and dropping the connection) past ``deadline``.

    Reads what has arrived (``read1``) rather than fixed-size blocks, so a body dripping
    in a few bytes at a time is noticed at the deadline (give or take one read timeout).
    """
    chunks = []
    try:
        for chunk in _arrivals(response):
            chunks.append(chunk)
            if deadline is not None and time.monotonic() > deadline:
                raise _DeadlinePassed("the answer was still arriving at the call's deadline")
    except BaseException:
        response.close()
        raise
    response._content = b"".join(chunks)


def _arrivals(response: requests.Response) -> Iterator[bytes]:
    read1 = getattr(response.raw, "read1", None)
    if read1 is None:  # urllib3 < 2
        yield from response.iter_content(64 * 1024)
        return
    import urllib3.exceptions as u3

    while True:
        try:
            data = read1(64 * 1024, decode_content=True)
        except u3.ReadTimeoutError as exc:
            raise requests.ConnectionError(exc) from exc
        except u3.DecodeError as exc:
            raise requests.exceptions.ContentDecodingError(exc) from exc
        except (u3.ProtocolError, u3.SSLError, OSError) as exc:
            raise requests.exceptions.ChunkedEncodingError(exc) from exc
        if not data:
            return
        yield data


def _transport_error(exc: requests.RequestException, method: str, path: str) -> TransportError:
    """The :class:`TransportError` for a failure, saying whether the request may have
    reached the server (``delivered`` None) or certainly did not (False)."""
    if isinstance(exc, _PERMANENT):
        kind: Any = TransportError
        reason = f"{type(exc).__name__} (check base_url)"
    else:
        kind = Timeout if isinstance(exc, requests.Timeout) else TransportError
        reason = str(exc) if isinstance(exc, _DeadlinePassed) else type(exc).__name__
    never_sent = isinstance(exc, (requests.ConnectTimeout, *_PERMANENT)) or _refused(exc)
    return kind(
        f"{method} {path} failed: {reason}",
        method=method,
        path=path,
        delivered=False if never_sent else None,
    )


def _refused(exc: BaseException) -> bool:
    """Whether the connection could not even be opened (the request never left)."""
    import urllib3.exceptions

    seen = set()
    current: Optional[BaseException] = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, urllib3.exceptions.MaxRetryError):
            current = current.reason
            continue
        if isinstance(current, (urllib3.exceptions.NewConnectionError, ConnectionRefusedError)):
            return True
        arg = current.args[0] if current.args else None
        current = arg if isinstance(arg, BaseException) else current.__cause__
    return False


def _query(params: Optional[Mapping[str, Any]]) -> Optional[Dict[str, Any]]:
    if not params:
        return None
    out: Dict[str, Any] = {}
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, Repeated):
            out[key] = [str(v) for v in value]
        elif isinstance(value, bool):
            out[key] = "true" if value else "false"
        elif isinstance(value, (list, tuple)):
            out[key] = ",".join(str(v) for v in value)
        else:
            out[key] = str(value)
    return out


def _backoff(attempt: int) -> float:
    """Exponential backoff with jitter: about 0.5, 1, 2 … seconds, capped at 8."""
    base: float = min(8.0, 0.5 * 2 ** (attempt - 1))
    return base * (0.5 + random.random() / 2)


def _parse(response: requests.Response, method: str, path: str) -> Any:
    """The JSON of a 2xx answer; :class:`MalformedResponse` when it is not JSON."""
    content = response.content
    if response.status_code == 204 or not content:
        return None
    try:
        parsed = jsonlib.loads(content)
    except ValueError:
        kind = "HTML" if content.lstrip()[:1] == b"<" else "not valid JSON"
        raise _malformed(f"the answer's body is {kind}", response, method, path) from None
    if parsed is None:
        raise _malformed("the answer's body is null", response, method, path)
    answered.remember(parsed, response.status_code, method, path)
    return parsed


def _malformed(what: str, response: requests.Response, method: str, path: str) -> MalformedResponse:
    text = response.content[:EXCERPT_LENGTH].decode("utf-8", "replace")
    excerpt = SecretScrubber.scrub(text)
    return MalformedResponse(
        what, status=response.status_code, method=method, path=path, excerpt=excerpt
    )


def _api_error(response: requests.Response, method: str, path: str) -> ApiError:
    status = response.status_code
    try:
        body = response.json()
    except ValueError:
        body = None
    fields = body if isinstance(body, dict) else {}
    message = fields.get("message") or fields.get("detail") or response.reason or "error"
    return error_class(status)(
        status,
        str(message),
        code=fields.get("code"),
        context=fields.get("context"),
        type=fields.get("type"),
        method=method,
        path=path,
        request_id=response.headers.get("X-Request-Id"),
        body=response.text,  # the raw text, as the official ApiException.body
        data=body,
        reason=response.reason,
        headers=response.headers,
    )


# --- per-call options and one-off requests (the official client's surface, issue #10 B) -----

TimeoutSetting = Union[None, float, Tuple[float, float]]


class CallOptions:
    """Settings for the requests of one call: ``timeout`` (seconds, or a (connect, read)
    pair) overrides the client's, ``headers`` are added last (they win)."""

    __slots__ = ("headers", "timeout")

    def __init__(
        self, timeout: TimeoutSetting = None, headers: Optional[Mapping[str, str]] = None
    ) -> None:
        self.timeout = timeout
        self.headers = dict(headers or {})


_NO_OPTIONS = CallOptions()
_CALL_OPTIONS: contextvars.ContextVar[Optional[CallOptions]] = contextvars.ContextVar(
    "miro_call_options", default=None
)


@contextlib.contextmanager
def call_options(
    timeout: TimeoutSetting = None, headers: Optional[Mapping[str, str]] = None
) -> Iterator[CallOptions]:
    """Apply ``timeout`` and ``headers`` to every request sent inside the ``with`` block
    (this thread or task only): what the official ``_request_timeout`` and ``_headers``
    keywords do for one call."""
    options = CallOptions(timeout, headers)
    token = _CALL_OPTIONS.set(options)
    try:
        yield options
    finally:
        _CALL_OPTIONS.reset(token)


class RawAnswer:
    """An HTTP answer as it came: ``status``, ``reason``, ``headers``, ``content`` (bytes)."""

    __slots__ = ("content", "headers", "reason", "status")

    def __init__(self, status: int, reason: str, headers: Mapping[str, str], content: bytes):
        self.status = status
        self.reason = reason
        self.headers = headers
        self.content = content


def raw_request(
    method: str,
    url: str,
    *,
    headers: Optional[Mapping[str, str]] = None,
    data: Any = None,
    timeout: TimeoutSetting = DEFAULT_TIMEOUT,
) -> RawAnswer:
    """One request to a full URL, no token, no retries, no error mapping (what the
    official ``ApiClient.call_api`` does). Raises :class:`~miro.errors.TransportError`
    (or :class:`~miro.errors.Timeout`) when no answer arrives; the message names the
    method and the path only, never the query (which may carry secrets)."""
    path = url.split("?", 1)[0]
    send = {"User-Agent": USER_AGENT, **(headers or {})}
    try:
        with requests.Session() as session:
            response = session.request(method, url, headers=send, data=data, timeout=timeout)
    except requests.RequestException as exc:
        raise _transport_error(exc, method, path) from scrubbed_copy(exc)  # cause kept, scrubbed
    return RawAnswer(
        response.status_code, response.reason or "", response.headers, response.content
    )
