"""Miro's error answers: ``{"status", "code", "message", "type": "error"}`` (API-NOTES §4)."""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional


def error_body(status: int, code: str, message: str, context: Any = None) -> Dict[str, Any]:
    """The JSON body Miro sends with an error status."""
    body: Dict[str, Any] = {"status": status, "code": code, "message": message, "type": "error"}
    if context is not None:
        body["context"] = context
    return body


class ApiFault(Exception):
    """Raised by a handler to answer with an error."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        context: Any = None,
        headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.context = context
        self.headers = dict(headers or {})

    def body(self) -> Dict[str, Any]:
        """The error body."""
        return error_body(self.status, self.code, self.message, self.context)


def bad(message: str, context: Any = None) -> ApiFault:
    """A 400 ``invalidParameters``."""
    return ApiFault(400, "invalidParameters", message, context=context)


def not_found(what: str, ident: str) -> ApiFault:
    """A 404 for a missing object."""
    return ApiFault(404, "notFound", f"{what} {ident} not found")
