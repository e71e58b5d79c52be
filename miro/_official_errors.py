"""The exception classes of the official ``miro_api`` client, by their official names.

``miro.errors`` builds its own tree on these bases, so code written against the official
client keeps working: ``except NotFoundException`` catches :class:`miro.errors.NotFound`,
``except ApiException`` catches every :class:`miro.errors.ApiError`, and
``except ApiValueError``/``ApiTypeError`` catch our argument checks. ``miro_api.exceptions``
re-exports this module. (The layering rule: ``miro`` never imports the ``miro_api`` shim,
so the official names are defined here and the shim points at them.)

The signatures and attributes are the official ones (openapi-generator's, MIT-licensed):
``status``, ``reason``, ``body`` (the raw text of the answer), ``data`` and ``headers``.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence, Union


def render_path(path_to_item: Sequence[Union[int, str]]) -> str:
    """A path into a JSON document as ``['data'][0]['id']``."""
    return "".join(f"[{p}]" if isinstance(p, int) else f"['{p}']" for p in path_to_item)


def _with_path(msg: str, path_to_item: Any) -> str:
    return f"{msg} at {render_path(path_to_item)}" if path_to_item else msg


class OpenApiException(Exception):
    """The base of every official exception."""


class ApiTypeError(OpenApiException, TypeError):
    """An argument of the wrong type (``path_to_item`` locates it in a body)."""

    def __init__(
        self,
        msg: str,
        path_to_item: Any = None,
        valid_classes: Any = None,
        key_type: Optional[bool] = None,
    ) -> None:
        self.path_to_item = path_to_item
        self.valid_classes = valid_classes
        self.key_type = key_type
        super().__init__(_with_path(msg, path_to_item))


class ApiValueError(OpenApiException, ValueError):
    """An argument with a value the API would refuse."""

    def __init__(self, msg: str, path_to_item: Any = None) -> None:
        self.path_to_item = path_to_item
        super().__init__(_with_path(msg, path_to_item))


class ApiAttributeError(OpenApiException, AttributeError):
    """An attribute reference or assignment failed."""

    def __init__(self, msg: str, path_to_item: Any = None) -> None:
        self.path_to_item = path_to_item
        super().__init__(_with_path(msg, path_to_item))


class ApiKeyError(OpenApiException, KeyError):
    """A key is missing from a received document."""

    def __init__(self, msg: str, path_to_item: Any = None) -> None:
        self.path_to_item = path_to_item
        super().__init__(_with_path(msg, path_to_item))


class ApiException(OpenApiException):
    """An error answer: ``status``, ``reason``, ``body`` (raw text), ``data``, ``headers``.

    Built the official way (``ApiException(status, reason, http_resp, body=, data=)``);
    ``http_resp`` is anything with ``status``, ``reason``, ``data`` (bytes) and
    ``getheaders()``.
    """

    status: Any
    reason: Optional[str]
    body: Optional[str]
    data: Any
    headers: Any

    def __init__(
        self,
        status: Any = None,
        reason: Optional[str] = None,
        http_resp: Any = None,
        *,
        body: Optional[str] = None,
        data: Any = None,
    ) -> None:
        self.status = status
        self.reason = reason
        self.body = body
        self.data = data
        self.headers = None
        if http_resp is not None:
            if self.status is None:
                self.status = http_resp.status
            if self.reason is None:
                self.reason = http_resp.reason
            if self.body is None:
                try:
                    self.body = http_resp.data.decode("utf-8")
                except Exception:  # the official client leaves an undecodable body unset
                    pass
            self.headers = http_resp.getheaders()
        super().__init__(status, reason)

    @classmethod
    def from_response(cls, *, http_resp: Any, body: Optional[str], data: Any) -> ApiException:
        """Raise the exception for ``http_resp``'s status (the official factory)."""
        status = http_resp.status
        kind = _OFFICIAL_BY_STATUS.get(status, ServiceException if 500 <= status <= 599 else None)
        raise (kind or ApiException)(http_resp=http_resp, body=body, data=data)

    def __str__(self) -> str:
        text = f"({self.status})\nReason: {self.reason}\n"
        if self.headers:
            text += f"HTTP response headers: {self.headers}\n"
        if self.data or self.body:
            text += f"HTTP response body: {self.data or self.body}\n"
        return text


class BadRequestException(ApiException):
    """400."""


class UnauthorizedException(ApiException):
    """401."""


class ForbiddenException(ApiException):
    """403."""


class NotFoundException(ApiException):
    """404."""


class ServiceException(ApiException):
    """5xx."""


_OFFICIAL_BY_STATUS = {
    400: BadRequestException,
    401: UnauthorizedException,
    403: ForbiddenException,
    404: NotFoundException,
}

__all__ = [
    "ApiAttributeError",
    "ApiException",
    "ApiKeyError",
    "ApiTypeError",
    "ApiValueError",
    "BadRequestException",
    "ForbiddenException",
    "NotFoundException",
    "OpenApiException",
    "ServiceException",
    "UnauthorizedException",
    "render_path",
]
