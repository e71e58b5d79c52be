"""``Miro``: the stateful client for app backends: OAuth 2.0, token storage, refresh.

The interface is the official ``miro_api.Miro``'s::

    miro = Miro()                                 # MIRO_CLIENT_ID, _SECRET, _REDIRECT_URL
    if not miro.is_authorized:
        redirect(miro.auth_url)                   # the user consents on miro.com …
    miro.exchange_code_for_access_token(request.url)   # … and comes back with a code
    miro.api.get_specific_board(board_id)         # refreshed automatically when due

Tokens live in a :class:`~miro.storage.Storage`. Token requests are written and read by
oauthlib as Miro's token endpoint documents them (a form body carrying ``client_id`` and
``client_secret``, API-NOTES §5.2) and sent through the official client's hook,
``ApiClient.call_api`` (:mod:`miro.compat.client`). Miro's refresh tokens are single-use
and rotate on every refresh, so a refresh runs under this client's lock *and* the
storage's lock, re-reads the storage inside them, and skips the refresh when another
thread or process has just done it: one refresh per expiry.

Tokens and the client secret never appear in a repr, an exception or a log record: the
libraries below log requests at DEBUG level, so their records are scrubbed of token fields
(:mod:`miro.core.redact`), and the token answer is never logged.

An outage of the token endpoint (a 5xx, a 429, no answer) while the access token is
still valid does not log the user out: the valid token is used, and the refresh is tried
again later with backoff; only a token that has really expired makes calls fail.
"""

from __future__ import annotations

import collections
import contextlib
import datetime
import hmac
import json
import logging
import os
import random
import threading
import time
from typing import Any, Callable, Dict, Iterator, Optional, Tuple
from urllib.parse import parse_qs, parse_qsl, urlsplit

from oauthlib.oauth2 import OAuth2Error, WebApplicationClient

from .api import MiroApi
from .compat.client import ApiClient
from .core.redact import SecretScrubber, protect_loggers
from .core.transport import (
    DEFAULT_TIMEOUT,
    Transport,
    check_base_url,
    default_base_url,
    is_loopback,
)
from .errors import (
    AuthError,
    AuthorizationDenied,
    InvalidArgument,
    InvalidArgumentType,
    InvalidGrant,
    NotAuthorized,
    NotFound,
    OAuthError,
    StateMismatch,
    TransportError,
)
from .secret import AccessToken
from .storage import InMemoryStorage, State, Storage
from .tokens import Token, TokenInfo

__all__ = ["AUTHORIZE_URL", "Miro", "SecretScrubber"]

AUTHORIZE_URL = "https://miro.com/oauth/authorize"
TOKEN_PATH = "/v1/oauth/token"
#: Refresh this long before the access token expires (the official clients use 120 s).
REFRESH_MARGIN = 120.0
#: How many issued ``state`` values a client remembers for checking redirects.
MAX_PENDING_STATES = 1000

_UTC = datetime.timezone.utc
log = logging.getLogger("miro.oauth")

#: Longest pause between two refresh attempts while the token endpoint is failing.
MAX_REFRESH_BACKOFF = 60.0


def _install_scrubber() -> None:
    protect_loggers()  # requests-oauthlib and oauthlib are imported by now


_install_scrubber()


# requests-oauthlib and oauthlib refuse plain http unless OAUTHLIB_INSECURE_TRANSPORT is
# set. Plain http to this machine (a FakeMiro, a local proxy) is allowed for the length of
# one call; every other http URL is still refused.
_INSECURE_FLAG = "OAUTHLIB_INSECURE_TRANSPORT"
_insecure_lock = threading.Lock()
_insecure_users = 0


@contextlib.contextmanager
def _loopback_http_allowed(url: str, allow_any: bool = False) -> Iterator[None]:
    global _insecure_users
    parts = urlsplit(url)
    if parts.scheme != "http" or not (allow_any or is_loopback(parts.hostname)):
        yield
        return
    with _insecure_lock:
        _insecure_users += 1
        if _insecure_users == 1 and _INSECURE_FLAG not in os.environ:
            os.environ[_INSECURE_FLAG] = "loopback"
    try:
        yield
    finally:
        with _insecure_lock:
            _insecure_users -= 1
            if _insecure_users == 0 and os.environ.get(_INSECURE_FLAG) == "loopback":
                del os.environ[_INSECURE_FLAG]


def _setting(value: Any, argument: str, variable: str) -> str:
    value = value if value is not None else os.environ.get(variable)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # client ids are numbers; people pass them as such
    if value is None or not str(value).strip():
        raise InvalidArgument(
            f"{argument} is required: pass {argument}=... to Miro() or set {variable}"
        )
    if not isinstance(value, str):
        raise InvalidArgumentType(f"{argument} must be a string")
    return value.strip()


def _url(value: str, argument: str) -> str:
    if not isinstance(value, str):
        raise InvalidArgumentType(f"{argument} must be a string")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidArgument(f"{argument} must be an http(s) URL, got {value!r}")
    return value


def _token_error(status: int, reason: str, text: str) -> OAuthError:
    """The :class:`OAuthError` for an error answer of the token endpoint.

    Miro's token endpoint answers errors as OAuth does (``error``, ``error_description``);
    its REST error body (``code``, ``message``) is understood as well.
    """
    try:
        body = json.loads(text)
    except ValueError:
        body = {}
    body = body if isinstance(body, dict) else {}
    error = str(body.get("error") or body.get("code") or f"http_{status}")
    description = str(body.get("error_description") or body.get("message") or reason)
    kind = InvalidGrant if error in ("invalid_grant", "invalidGrant") else OAuthError
    return kind(error, SecretScrubber.scrub(description), status=status)


def _transient(failure: Exception) -> bool:
    """Whether a failed refresh is the endpoint's trouble (retry later), not a refusal."""
    if isinstance(failure, TransportError):
        return True
    status = getattr(failure, "status", None)
    return status is not None and (status == 429 or status >= 500)


def state_from_token(token: Dict[str, Any], received_at: datetime.datetime) -> State:
    """A :class:`State` from the token endpoint's answer (API-NOTES §5.3)."""
    expires_in = token.get("expires_in")
    expires_at = None
    if expires_in is not None:
        expires_at = received_at + datetime.timedelta(seconds=float(expires_in))
    return State(
        token["access_token"],
        token.get("refresh_token"),
        expires_at,
        user_id=token.get("user_id"),
        team_id=token.get("team_id"),
        scopes=token.get("scope") or (),
    )


class Miro:
    """The stateful client: one app, one user's tokens (in ``storage``).

    Args:
        client_id: the app's client id (default: ``MIRO_CLIENT_ID``).
        client_secret: the app's client secret (default: ``MIRO_CLIENT_SECRET``).
        redirect_url: where Miro sends the user back (default: ``MIRO_REDIRECT_URL``); it
            must be registered in the app's settings.
        storage: where the tokens live; a new :class:`~miro.storage.InMemoryStorage`
            (private to this client) when not given.
        base_url: the API root: ``https://api.miro.com``, or ``MIRO_BASE_URL`` when set
            (a ``FakeMiro().url`` in tests).
        authorize_url: Miro's consent page: ``https://miro.com/oauth/authorize``, or
            ``MIRO_AUTHORIZE_URL`` when set (``FakeMiro().authorize_url`` in tests).
        refresh_margin: refresh the access token this many seconds before it expires
            (at most half the token's lifetime is used, so a margin at or above the
            lifetime does not refresh on every call).
        timeout: seconds to wait for Miro on each request.
        allow_http: allow a plain ``http://`` ``base_url`` other than this machine (the
            tokens and the client secret would cross the network unencrypted).

    Raises:
        InvalidArgument: a setting is missing (naming the argument and the variable).
    """

    def __init__(
        self,
        client_id: Optional[str] = None,
        client_secret: Optional[str] = None,
        redirect_url: Optional[str] = None,
        storage: Optional[Storage] = None,
        *,
        base_url: Optional[str] = None,
        authorize_url: Optional[str] = None,
        refresh_margin: float = REFRESH_MARGIN,
        timeout: Optional[float] = DEFAULT_TIMEOUT,
        allow_http: bool = False,
    ) -> None:
        self.client_id = _setting(client_id, "client_id", "MIRO_CLIENT_ID")
        self._client_secret = _setting(client_secret, "client_secret", "MIRO_CLIENT_SECRET")
        self.redirect_url = _url(
            _setting(redirect_url, "redirect_url", "MIRO_REDIRECT_URL"), "redirect_url"
        )
        if storage is None:
            storage = InMemoryStorage()
        if not all(callable(getattr(storage, name, None)) for name in ("get", "set")):
            raise InvalidArgumentType("storage must be a miro.Storage (with get() and set())")
        self._storage = storage
        self.base_url = check_base_url(base_url or default_base_url(), allow_http)
        self._allow_http = allow_http
        self.authorize_url = _url(
            authorize_url or os.environ.get("MIRO_AUTHORIZE_URL") or AUTHORIZE_URL,
            "authorize_url",
        )
        if isinstance(refresh_margin, bool) or not isinstance(refresh_margin, (int, float)):
            raise InvalidArgumentType("refresh_margin must be a number of seconds")
        self.refresh_margin = float(refresh_margin)
        self._lifetime: Optional[float] = None  # seconds the last refreshed token lived
        self._refresh_failures = 0
        self._next_refresh_try = 0.0  # time.monotonic() before which no refresh is tried
        self.timeout = timeout
        #: Sends the token requests, as the official client's ``Miro._api_client`` does
        #: (code written for it patches ``ApiClient.call_api`` in tests).
        self._api_client = ApiClient()
        self._lock = threading.Lock()  # held across a refresh
        self._states_lock = threading.Lock()
        self._pending_states: collections.OrderedDict[str, None] = collections.OrderedDict()
        self._api = MiroApi(
            lambda: self.access_token,
            base_url=self.base_url,
            timeout=timeout,
            on_unauthorized=self._on_unauthorized,
            allow_http=allow_http,
        )

    def __repr__(self) -> str:
        return (
            f"Miro(client_id={self.client_id!r}, redirect_url={self.redirect_url!r}, "
            f"storage={self._storage!r})"
        )

    def __enter__(self) -> Miro:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP connections of :attr:`api`."""
        self._api.close()

    # -- the authorization flow ----------------------------------------------------
    @property
    def auth_url(self) -> str:
        """The URL to send the user to so they can authorize the app."""
        return self.get_auth_url()

    def get_auth_url(self, state: Optional[str] = None, team_id: Optional[str] = None) -> str:
        """The authorization URL, with an optional CSRF ``state`` and a team to preselect.

        A ``state`` given here is remembered: a redirect URL passed to
        :meth:`exchange_code_for_access_token` must carry one this client issued.
        """
        for name, value in (("state", state), ("team_id", team_id)):
            if value is not None and (not isinstance(value, str) or not value):
                raise InvalidArgument(f"{name} must be a non-empty string")
        extra = {"team_id": team_id} if team_id else {}
        with _loopback_http_allowed(self.authorize_url):
            url = WebApplicationClient(self.client_id).prepare_request_uri(
                self.authorize_url, redirect_uri=self.redirect_url, state=state, **extra
            )
        if state:
            with self._states_lock:
                self._pending_states[state] = None
                while len(self._pending_states) > MAX_PENDING_STATES:
                    self._pending_states.popitem(last=False)
        return str(url)

    def exchange_code_for_access_token(self, url_or_code: str, state: Optional[str] = None) -> str:
        """Trade the authorization code for tokens, store them, return the access token
        (an :class:`~miro.secret.AccessToken`: the token ``str``, with a repr that hides it).

        Accepts the bare ``code`` or the whole redirect URL. A redirect URL's ``state``
        must equal ``state`` when given, else be one :meth:`get_auth_url` issued here.

        Raises:
            AuthorizationDenied: the user declined (the redirect carries ``error``).
            StateMismatch: the redirect's state is not the expected one.
            InvalidGrant: the code was already used, has expired or was issued for
                another redirect URL.
        """
        code, returned_state = self._read_redirect(url_or_code)
        self._check_state(returned_state, state, url_or_code)
        fresh = self._request_tokens(code=code)
        self._storage.set(self._stored(fresh))
        return AccessToken(fresh.access_token)  # a str whose repr hides it (issue #11)

    @staticmethod
    def _read_redirect(value: Any) -> Tuple[str, Optional[str]]:
        if not isinstance(value, str) or not value.strip():
            raise InvalidArgument("url_or_code must be the code or the redirect URL")
        if "?" not in value:
            return value.strip(), None
        query = parse_qs(urlsplit(value).query)
        if "error" in query:
            raise AuthorizationDenied(query["error"][0], query.get("error_description", [""])[0])
        code = query.get("code", [""])[0]
        if not code:
            raise InvalidArgument("url_or_code: the redirect URL has no code parameter")
        returned = query.get("state", [None])[0]
        return code, returned

    def _check_state(self, returned: Optional[str], expected: Optional[str], given: str) -> None:
        if expected is not None:
            if "?" not in given:
                raise InvalidArgument("state= can only be checked against the redirect URL")
            if returned is None or not hmac.compare_digest(returned, expected):
                raise StateMismatch("the redirect's state is not the one expected")
            return
        if returned is None:
            return
        with self._states_lock:
            issued_here = returned in self._pending_states
            if issued_here:
                del self._pending_states[returned]
        if not issued_here:
            raise StateMismatch(
                "the redirect carries a state this client did not issue; if another "
                "process issued it, pass state=<the value you issued> (e.g. from the "
                "user's session)"
            )

    def login(
        self,
        *,
        open_browser: Optional[Callable[[str], Any]] = None,
        timeout: float = 300.0,
        team_id: Optional[str] = None,
    ) -> State:
        """Authorize from a notebook or terminal: no web app needed.

        Serves ``redirect_url`` (which must be ``http://localhost:<port>/...`` and
        registered in the app's settings) on this machine, opens the consent page with
        ``open_browser`` (default: :func:`webbrowser.open`; the URL is printed too), waits
        up to ``timeout`` seconds for Miro's redirect, checks its state, exchanges the code
        and stores the tokens. Returns the stored :class:`~miro.storage.State`.
        """
        from .login import login

        return login(self, open_browser=open_browser, timeout=timeout, team_id=team_id)

    # -- tokens ----------------------------------------------------------------------
    @property
    def access_token(self) -> str:
        """The current access token, refreshed first when it expires within the margin.

        Raises:
            NotAuthorized: no token is stored (or it expired and cannot be refreshed).
            InvalidGrant: Miro refused the refresh token; the stored state was cleared.
        """
        state = self._load()
        if state is None:
            raise NotAuthorized(
                "no access token stored: send the user to auth_url, then call "
                "exchange_code_for_access_token()"
            )
        if state.needs_refresh(self._margin()):
            state = self._refresh_or_keep(state)
        elif (state.expires_in() or 1.0) <= 0:
            raise NotAuthorized(
                "the access token has expired and there is no refresh token: send the user "
                "to auth_url again"
            )
        return state.access_token

    def _margin(self) -> float:
        """The refresh margin, at most half the lifetime of the tokens Miro issues."""
        if self._lifetime is None:
            return self.refresh_margin
        return min(self.refresh_margin, self._lifetime / 2)

    def _refresh_or_keep(self, state: State) -> State:
        """Refresh a token that is due; while it is still valid, an outage of the token
        endpoint (5xx, 429, no answer) keeps it in use and the refresh is retried later."""
        still_valid = (state.expires_in() or 0.0) > 0
        if still_valid and time.monotonic() < self._next_refresh_try:
            return state  # backing off after a failed refresh
        try:
            fresh = self._refresh(state.access_token, forced=False)
        except (OAuthError, TransportError) as failure:
            if not still_valid or not _transient(failure):
                raise
            self._refresh_failures += 1
            pause = min(MAX_REFRESH_BACKOFF, 2.0 ** (self._refresh_failures - 1))
            pause *= 0.5 + random.random() / 2
            self._next_refresh_try = time.monotonic() + pause
            log.warning(
                "token refresh failed (%s); the access token is valid for %.0f s more: "
                "using it, next refresh attempt in %.1f s",
                type(failure).__name__,
                state.expires_in() or 0.0,
                pause,
            )
            return state
        self._refresh_failures = 0
        self._next_refresh_try = 0.0
        return fresh

    @property
    def is_authorized(self) -> bool:
        """Whether a usable access token is stored (refreshing it if due).

        False when nothing is stored or Miro refused the refresh token; network failures
        still raise, so an outage is not mistaken for a logged-out user.
        """
        try:
            return bool(self.access_token)
        except AuthError:
            return False

    @property
    def state(self) -> Optional[State]:
        """The stored :class:`~miro.storage.State` (user id, team id, scopes, expiry)."""
        return self._load()

    @property
    def api(self) -> MiroApi:
        """A :class:`~miro.MiroApi` sending this client's current token (refreshed as due)."""
        return self._api

    def token_info(self) -> TokenInfo:
        """What Miro knows of the current token: user, team, organization, scopes."""
        return self._api.token.info()

    def revoke_token(self) -> None:
        """Revoke the stored token (v2 endpoint; its refresh token dies with it) and forget it.

        An expired access token is refreshed first so that the live pair is revoked.
        """
        with self._locked():
            state = self._load()
            if state is None:
                raise NotAuthorized("no token stored: nothing to revoke")
            if state.needs_refresh(0.0):
                try:
                    state = self._rotate(state)
                except InvalidGrant:
                    return  # the pair was already dead; _rotate cleared the storage
            transport = Transport(
                state.access_token,
                base_url=self.base_url,
                timeout=self.timeout,
                allow_http=self._allow_http,
            )
            try:
                Token(transport).revoke(client_id=self.client_id, client_secret=self._client_secret)
            except NotFound:
                pass  # already revoked or expired: nothing left to revoke
            finally:
                transport.close()
            self._storage.set(None)

    # -- refresh -----------------------------------------------------------------------
    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        # This client's threads queue on its own lock; the storage lock then spans the
        # other clients and processes sharing the storage.
        with self._lock, self._storage_lock():
            yield

    def _storage_lock(self) -> Any:
        lock = getattr(self._storage, "lock", None)
        return lock() if callable(lock) else contextlib.nullcontext()

    def _stored(self, state: State) -> Any:
        """What goes into the storage for ``state`` (``miro_api.Miro`` stores the official
        three-field ``State``)."""
        return state

    def _load(self) -> Optional[State]:
        try:
            stored = self._storage.get()
        except LookupError:  # e.g. a session-backed storage without the key yet
            return None
        return State.from_stored(stored)  # a plain dict after a JSON round trip, too

    def _refresh(self, stale_token: str, forced: bool) -> State:
        with self._locked():
            current = self._load()
            if current is None:
                raise NotAuthorized("the stored token was removed while refreshing")
            if current.access_token != stale_token and (
                forced or not current.needs_refresh(self._margin())
            ):
                return current  # another thread or process refreshed it already
            return self._rotate(current)

    def _rotate(self, current: State) -> State:
        """Spend the refresh token (lock held); store and return the new pair."""
        if current.refresh_token is None:
            raise NotAuthorized(
                "the access token has expired and there is no refresh token: send the user "
                "to auth_url again"
            )
        try:
            fresh = self._request_tokens(refresh_token=current.refresh_token)
        except InvalidGrant as refused:
            self._storage.set(None)
            raise InvalidGrant(
                refused.error,
                "Miro refused the stored refresh token (already used, expired or revoked); "
                "the stored tokens were cleared: send the user to auth_url again",
                status=refused.status,
            ) from None
        self._storage.set(self._stored(fresh))
        self._lifetime = fresh.expires_in()
        return fresh

    def _on_unauthorized(self, refused_token: str) -> bool:
        """The API answered 401: refresh once (unless another thread just did), then retry."""
        state = self._load()
        if state is None or state.refresh_token is None:
            return False
        self._refresh(refused_token, forced=True)
        return True

    def _request_tokens(
        self, *, code: Optional[str] = None, refresh_token: Optional[str] = None
    ) -> State:
        """One call to the token endpoint: oauthlib writes the form and reads the answer;
        it is sent through :meth:`ApiClient.call_api`, as the official client sends it
        (tests written for the official client patch that method)."""
        token_url = self.base_url + TOKEN_PATH
        # base_url passed check_base_url: https, this machine, or http the caller allowed.
        client = WebApplicationClient(self.client_id)
        if code is not None:
            form = client.prepare_request_body(
                code=code,
                redirect_uri=self.redirect_url,
                client_secret=self._client_secret,
                include_client_id=True,
            )
        else:
            form = client.prepare_refresh_body(
                refresh_token=refresh_token,
                client_id=self.client_id,
                client_secret=self._client_secret,
            )
        answer = self._api_client.call_api(
            "POST",
            token_url,
            header_params={"Accept": "application/json"},
            post_params=parse_qsl(form, keep_blank_values=True),
            _request_timeout=self.timeout,
        )
        text = _text(answer.read())
        status = answer.status if isinstance(answer.status, int) else 200  # stand-ins may not say
        log.debug("POST %s (%s) -> %s", TOKEN_PATH, "code" if code else "refresh", status)
        if status >= 400:
            raise _token_error(status, str(getattr(answer, "reason", "") or ""), text)
        try:
            token = client.parse_request_body_response(text)
        except OAuth2Error as exc:
            raise OAuthError(exc.error, SecretScrubber.scrub(exc.description or "")) from None
        return state_from_token(dict(token), datetime.datetime.now(_UTC))


def _text(body: Any) -> str:
    return body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
