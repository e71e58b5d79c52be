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
"""

from __future__ import annotations

import email.utils
import json as jsonlib
import logging
import os
import random
import time
from typing import Any, Callable, Dict, Mapping, Optional, Union

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .._version import __version__
from ..errors import ApiError, Timeout, TransportError, error_class

log = logging.getLogger("miro")

DEFAULT_BASE_URL = "https://api.miro.com"
DEFAULT_TIMEOUT = 30.0
DEFAULT_POOL_SIZE = 32  # connections kept per host; ensure_pool() grows it for more threads
USER_AGENT = f"miro-python/{__version__}"
_RETRY_ON_ERROR = frozenset({"GET", "HEAD"})

TokenProvider = Union[str, Callable[[], str]]


def default_base_url() -> str:
    """``MIRO_BASE_URL`` when set (point existing code at a FakeMiro), else Miro's API."""
    return os.environ.get("MIRO_BASE_URL") or DEFAULT_BASE_URL


def retry_delay(headers: Mapping[str, str], now: Optional[float] = None) -> Optional[float]:
    """Seconds a 429 answer asks us to wait: ``Retry-After``, else ``X-RateLimit-Reset``."""
    lowered = {k.lower(): v for k, v in headers.items()}
    retry_after = lowered.get("retry-after")
    if retry_after:
        try:
            return max(0.0, float(retry_after))
        except ValueError:
            parsed = email.utils.parsedate_to_datetime(retry_after)
            if parsed is not None:
                return max(0.0, parsed.timestamp() - (now or time.time()))
    reset = lowered.get("x-ratelimit-reset")
    if reset:
        try:
            return max(0.0, float(reset) - (now or time.time()))
        except ValueError:
            return None
    return None


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
    ) -> None:
        if not callable(token) and not (isinstance(token, str) and token.strip()):
            from ..errors import InvalidArgumentType

            raise InvalidArgumentType(
                "access_token must be a non-empty string or a callable returning one"
            )
        self._token = token
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_retry_wait = max_retry_wait
        self._sleep = sleep
        self._on_unauthorized = on_unauthorized
        self.session = session or self._new_session()
        self._pool_size = DEFAULT_POOL_SIZE if session is None else 0  # 0: not ours to size
        self._settings: Optional[Dict[str, Any]] = None

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
        return self._token() if callable(self._token) else self._token

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Optional[Mapping[str, Any]] = None,
        json: Any = None,
        files: Any = None,
        headers: Optional[Mapping[str, str]] = None,
    ) -> Any:
        """Send one API call and return its parsed JSON body (None for an empty body).

        ``path`` starts with ``/`` and is already encoded (see :func:`miro.core.paths.expand`).
        Raises :class:`~miro.errors.ApiError` subclasses for error statuses and
        :class:`~miro.errors.TransportError` when no answer arrives.
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
            started = time.monotonic()
            try:
                response = self._send(method, url, query, body, files, send_headers)
            except requests.RequestException as exc:
                if method in _RETRY_ON_ERROR and attempt < self.max_retries:
                    attempt += 1
                    self._sleep(_backoff(attempt))
                    continue
                kind = Timeout if isinstance(exc, requests.Timeout) else TransportError
                raise kind(
                    f"{method} {path} failed: {type(exc).__name__}", method=method, path=path
                ) from None
            status = response.status_code
            log.debug(
                "%s %s -> %s (%.0f ms)", method, path, status, 1000 * (time.monotonic() - started)
            )
            if status == 429 and attempt < self.max_retries:
                wait = retry_delay(response.headers)
                wait = _backoff(attempt + 1) if wait is None else wait
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
            return _parse(response)

    def _send(
        self,
        method: str,
        url: str,
        query: Optional[Dict[str, str]],
        body: Optional[str],
        files: Any,
        headers: Dict[str, str],
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
        return self.session.send(prepared, timeout=self.timeout, **self._environment())

    def _environment(self) -> Dict[str, Any]:
        """Proxy and TLS settings from the environment, read once: every request goes to
        the same host, and re-reading ``os.environ`` per call cost a fifth of its time."""
        if self._settings is None:
            self._settings = dict(
                self.session.merge_environment_settings(self.base_url, {}, None, None, None)
            )
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


def _query(params: Optional[Mapping[str, Any]]) -> Optional[Dict[str, str]]:
    if not params:
        return None
    out: Dict[str, str] = {}
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, bool):
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


def _parse(response: requests.Response) -> Any:
    if response.status_code == 204 or not response.content:
        return None
    content_type = response.headers.get("Content-Type", "")
    if "json" in content_type or response.content[:1] in (b"{", b"["):
        return response.json()
    return response.content


def _api_error(response: requests.Response, method: str, path: str) -> ApiError:
    status = response.status_code
    try:
        body = response.json()
    except ValueError:
        body = response.text
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
        body=body,
        headers=response.headers,
    )
