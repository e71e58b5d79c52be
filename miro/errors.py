"""The exceptions `miro` raises.

``MiroError`` is the root. Bad arguments raise before any request is sent, as
``InvalidArgument`` (a ``ValueError``) or ``InvalidArgumentType`` (a ``TypeError``).
Every non-2xx answer becomes an ``ApiError`` subclass chosen by status, carrying Miro's
``code``, ``message`` and ``context``. Network failures are ``TransportError``.
No exception text ever contains an access token: messages name the method and path only.

The official ``miro_api`` exception names are bases of this tree (see
:mod:`miro._official_errors`): ``NotFound`` is a ``NotFoundException``, every ``ApiError``
an ``ApiException``, ``InvalidArgument`` an ``ApiValueError`` and ``InvalidArgumentType``
an ``ApiTypeError``.
"""

from __future__ import annotations

import datetime
import email.utils
import json
import time
from typing import Any, Dict, Mapping, Optional, Type

from . import _addons

# --- official miro_api exception bases (issue #10 part B) --------------------------------
from ._official_errors import (
    ApiException,
    ApiTypeError,
    ApiValueError,
    BadRequestException,
    ForbiddenException,
    NotFoundException,
    ServiceException,
    UnauthorizedException,
)

# --- end of official bases -----------------------------------------------------------------


class MiroWarning(UserWarning):
    """Base class of every warning this package gives (``error::miro.errors.MiroWarning``
    in a ``filterwarnings`` setting makes them all errors)."""


class MiroDeprecationWarning(MiroWarning, DeprecationWarning):
    """Something of this package that is deprecated (hidden by default, as any
    ``DeprecationWarning``, outside ``__main__`` and test runners)."""


class MiroError(Exception):
    """Base class of every error this package raises on purpose."""

    #: For a bulk create that failed part-way: the items that were created, in input order.
    created: Optional[list] = None
    #: For a bulk create that failed part-way: a ``miro.items.bulk.BulkProgress`` saying
    #: what was created, what was not, and what could not be confirmed either way.
    bulk: Any = None

    def __reduce__(self):  # picklable, with bulk progress unbound from its client
        return (type(self), self.args, portable_state(self.__dict__))

    def _repr_html_(self) -> str:  # by the notebook display add-on, loaded on first use
        return str(_addons.use("html")(self))


def portable_state(state: Dict[str, Any]) -> Dict[str, Any]:
    """An exception's ``__dict__`` that pickles: created items without their client."""
    state = dict(state)
    if state.get("created") is not None:
        state["created"] = unbound(state["created"])
    return state


def unbound(items: Any) -> list:
    """Copies of ``items`` not bound to a collection (so they pickle)."""
    import attrs

    return [attrs.evolve(item) if attrs.has(type(item)) else item for item in items]


class InvalidArgument(MiroError, ApiValueError):
    """An argument has a value the API would reject; raised before any request."""


class InvalidArgumentType(MiroError, ApiTypeError):
    """An argument is unknown or of the wrong type; raised before any request."""


class PaginationError(MiroError):
    """The server paged inconsistently (for example, it repeated a cursor)."""


class TransportError(MiroError):
    """The request did not get an HTTP answer: connection failure, timeout, cut response.

    ``delivered`` is False when the request certainly never reached the server (the
    connection could not be opened), None when it may have been (and acted upon).
    """

    def __init__(
        self,
        message: str,
        *,
        method: str = "",
        path: str = "",
        delivered: Optional[bool] = None,
    ) -> None:
        super().__init__(message)
        self.method = method
        self.path = path
        self.delivered = delivered


class Timeout(TransportError):
    """The server did not answer within the timeout."""


class MalformedResponse(MiroError):
    """Miro answered 2xx, but the body is not what the API documents.

    Raised for a body that is not JSON (an HTML page, a truncated answer), ``null`` where an
    object is due, or a field of the wrong type. Carries the request's ``method``, ``path``,
    the answer's ``status``, the ``field`` that did not fit (``"createdAt"``,
    ``"data[2].title"``; empty when the whole body is wrong), ``detail`` (what was wrong)
    and a short ``excerpt`` of the body (never a token).
    """

    def __init__(
        self,
        message: str,
        *,
        status: Optional[int] = None,
        method: str = "",
        path: str = "",
        excerpt: str = "",
        field: str = "",
    ) -> None:
        self.detail = message
        self.status = status
        self.method = method
        self.path = path
        self.excerpt = excerpt
        self.field = field
        where = f" ({method} {path}" + (f" -> {status}" if status else "") + ")" if method else ""
        shown = f": {excerpt!r}" if excerpt else ""
        super().__init__(f"{message}{where}{shown}")

    def located(self, method: str, path: str, status: Optional[int] = None) -> MalformedResponse:
        """This error, or a copy naming the request it answered when it does not yet."""
        if self.method:
            return self
        return MalformedResponse(
            self.detail,
            status=self.status if status is None else status,
            method=method,
            path=path,
            excerpt=self.excerpt,
            field=self.field,
        )

    def __reduce__(self):  # picklable with its keyword arguments
        return (
            _rebuild_malformed,
            (self.args[0], self.detail, self.status, self.method, self.path, self.excerpt),
            {"field": self.field},
        )


def _rebuild_malformed(
    text: str, detail: str, status: Any, method: str, path: str, excerpt: str
) -> MalformedResponse:
    error = MalformedResponse.__new__(MalformedResponse)
    Exception.__init__(error, text)
    error.detail, error.status, error.method, error.path = detail, status, method, path
    error.excerpt, error.field = excerpt, ""
    return error


class ErrorBody(str):
    """The raw text of an error answer (the official ``ApiException.body``), also readable
    as its parsed JSON: ``body["code"]``, ``body.get("context")``, ``body.json()``.

    ``ApiError.body`` was the parsed JSON before it became the official raw text; key
    access keeps such code working. ``ApiError.data`` holds the parsed JSON itself.
    """

    def json(self) -> Any:
        """The parsed JSON (None when the text is not JSON)."""
        try:
            return json.loads(self)
        except ValueError:
            return None

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            parsed = self.json()
            if isinstance(parsed, dict):
                return parsed[key]
            raise KeyError(key)
        return str.__getitem__(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        """A field of the parsed JSON body, or ``default``."""
        parsed = self.json()
        return parsed.get(key, default) if isinstance(parsed, dict) else default


def _raw_text(body: Any) -> Optional[ErrorBody]:
    if body is None:
        return None
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    elif not isinstance(body, str):
        body = json.dumps(body, separators=(",", ":"))
    return ErrorBody(body)


class ApiError(MiroError, ApiException):
    """Miro answered with an error status.

    Attributes mirror Miro's error body (``status``, ``code``, ``message``, ``context``,
    ``type``) plus the request's ``method`` and ``path`` and the ``request_id`` header
    when Miro sends one. The official ``ApiException`` attributes are here too:
    ``reason`` (the HTTP reason phrase), ``body`` (the raw text of the answer, an
    :class:`ErrorBody`), ``data`` (its parsed JSON) and ``headers``.
    """

    # Declared here, precisely, for type checkers (the official base declares ``status: Any``).
    status: int
    code: Optional[str]
    message: str
    context: Any
    type: Optional[str]
    method: str
    path: str
    request_id: Optional[str]
    body: Optional[ErrorBody]
    data: Any
    reason: Optional[str]
    headers: Dict[str, str]

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: Optional[str] = None,
        context: Any = None,
        type: Optional[str] = None,
        method: str = "",
        path: str = "",
        request_id: Optional[str] = None,
        body: Any = None,
        headers: Optional[Mapping[str, str]] = None,
        reason: Optional[str] = None,
        data: Any = None,
    ) -> None:
        self.status = status
        self.code = code
        self.message = message
        self.context = context
        self.type = type
        self.method = method
        self.path = path
        self.request_id = request_id
        self.body = _raw_text(body)
        if data is None and self.body is not None:
            data = body if not isinstance(body, (str, bytes)) else self.body.json()
        self.data = data
        self.reason = reason
        self.headers: Dict[str, str] = dict(headers or {})
        #: For a bulk create that failed part-way: the items earlier requests created.
        self.created: Optional[list] = None
        # Not ApiException.__init__: its positional arguments are (status, reason, http_resp).
        Exception.__init__(self, str(self))

    def __str__(self) -> str:
        code = f" {self.code}" if self.code else ""
        where = f" ({self.method} {self.path})" if self.method else ""
        return f"{self.status}{code}: {self.message}{where}"

    def __reduce__(self):  # keep exceptions picklable (multiprocessing, pytest-xdist)
        return (
            _rebuild_api_error,
            (type(self), self.status, self.message, portable_state(self.__dict__)),
        )


def _rebuild_api_error(cls: Type[ApiError], status: int, message: str, state: Dict[str, Any]):
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, f"{status}: {message}")
    return error


class BadRequest(ApiError, BadRequestException):
    """400: the request was malformed or had invalid parameters."""


class Unauthorized(ApiError, UnauthorizedException):
    """401: the access token is missing, invalid, expired or revoked."""


class Forbidden(ApiError, ForbiddenException):
    """403: the token lacks a scope or the user lacks access."""


class NotFound(ApiError, NotFoundException):
    """404: the board, item or other resource does not exist (or is not visible)."""


class Conflict(ApiError):
    """409: the request conflicts with the resource's current state."""


class PayloadTooLarge(ApiError):
    """413: the request body or uploaded file is too large."""


class TooEarly(ApiError):
    """425: the resource is not ready yet (for example an export job still running)."""


class RateLimited(ApiError):
    """429: the rate-limit budget is spent.

    ``retry_after`` is the number of seconds Miro asked us to wait (if known) and
    ``reset_at`` the time the budget refills (timezone-aware, if known).
    """

    @property
    def retry_after(self) -> Optional[float]:
        """Seconds to wait before retrying, from ``Retry-After`` or ``X-RateLimit-Reset``."""
        return retry_delay(self.headers)

    @property
    def reset_at(self) -> Optional[datetime.datetime]:
        """When the rate-limit window refills, from ``X-RateLimit-Reset``."""
        value = self.headers.get("X-RateLimit-Reset") or self.headers.get("x-ratelimit-reset")
        if value is None:
            return None
        try:
            return datetime.datetime.fromtimestamp(float(value), datetime.timezone.utc)
        except (TypeError, ValueError):
            return None


def retry_delay(headers: Mapping[str, str], now: Optional[float] = None) -> Optional[float]:
    """Seconds a 429 answer asks us to wait: ``Retry-After``, else ``X-RateLimit-Reset``."""
    lowered = {k.lower(): v for k, v in headers.items()}
    retry_after = lowered.get("retry-after")
    if retry_after:
        seconds = _seconds_from(retry_after, now)
        if seconds is not None:
            return seconds
    reset = lowered.get("x-ratelimit-reset")
    if reset:
        try:
            value = float(reset) - (now or time.time())
        except ValueError:
            return None
        return max(0.0, value) if value == value and value != float("inf") else None
    return None


def _seconds_from(retry_after: str, now: Optional[float]) -> Optional[float]:
    """``Retry-After`` as seconds or an HTTP date; None when it is neither (``soon``)."""
    try:
        seconds = float(retry_after)
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(retry_after)
        except (TypeError, ValueError, IndexError):
            return None
        if parsed is None:
            return None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=datetime.timezone.utc)
        return max(0.0, parsed.timestamp() - (now or time.time()))
    if seconds != seconds or seconds == float("inf"):
        return None
    return max(0.0, seconds)


class ServerError(ApiError, ServiceException):
    """5xx: Miro failed to handle the request."""


class AuthError(MiroError):
    """The OAuth side failed: the user must (re)authorize, or the app is misconfigured."""


class NotAuthorized(AuthError):
    """No usable token is stored for this user: send them to ``Miro.auth_url``."""


class OAuthError(AuthError):
    """Miro's OAuth endpoints refused a request.

    ``error`` is the OAuth error code (``invalid_grant``, ``invalid_client`` …, or Miro's
    own ``code`` when it answered with its REST error body), ``description`` its text and
    ``status`` the HTTP status (None for an error returned in a redirect URL).
    """

    def __init__(self, error: str, description: str = "", *, status: Optional[int] = None) -> None:
        self.error = error
        self.description = description
        self.status = status
        super().__init__(f"{error}: {description}" if description else error)


class InvalidGrant(OAuthError):
    """The authorization code or refresh token was refused: already used, expired or revoked."""


class AuthorizationDenied(OAuthError):
    """The user declined to authorize the app (the redirect carried ``error=...``)."""


class StateMismatch(AuthError):
    """The redirect's ``state`` is not the one this app issued (a possible CSRF attempt)."""


class LockTimeout(MiroError):
    """Another thread or process held the token-refresh lock for too long."""


_BY_STATUS: Dict[int, Type[ApiError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    413: PayloadTooLarge,
    425: TooEarly,
    429: RateLimited,
}


def error_class(status: int) -> Type[ApiError]:
    """Return the ``ApiError`` subclass for an HTTP status."""
    if status >= 500:
        return ServerError
    return _BY_STATUS.get(status, ApiError)


__all__ = [
    "ApiError",
    "AuthError",
    "AuthorizationDenied",
    "BadRequest",
    "Conflict",
    "ErrorBody",
    "Forbidden",
    "InvalidArgument",
    "InvalidArgumentType",
    "InvalidGrant",
    "LockTimeout",
    "MiroDeprecationWarning",
    "MiroError",
    "MiroWarning",
    "NotAuthorized",
    "NotFound",
    "OAuthError",
    "PaginationError",
    "PayloadTooLarge",
    "RateLimited",
    "ServerError",
    "StateMismatch",
    "Timeout",
    "TooEarly",
    "TransportError",
    "Unauthorized",
    "error_class",
]
