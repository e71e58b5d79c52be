"""Hand-made exchanges for testing the validator without a server.

:class:`Exchange` has the fields of ``miro.testing.Exchange`` (the record FakeMiro keeps);
:func:`exchange` builds one from JSON-ish arguments.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Dict, Optional, Tuple

BOARD = "uXjVOD6LSME="
BOARD_IN_PATH = "uXjVOD6LSME%3D"
ITEM = "3458764517517819000"
USER = {"id": "3074457345618265000", "type": "user"}
STAMP = "2024-05-07T10:00:00Z"


@dataclass(frozen=True)
class Exchange:
    """Same fields as ``miro.testing.Exchange``."""

    method: str
    path: str
    query: str = ""
    request_headers: Dict[str, str] = field(default_factory=dict)
    request_body: bytes = b""
    status: int = 200
    response_headers: Dict[str, str] = field(default_factory=dict)
    response_body: bytes = b""


def _encode(body: Any) -> bytes:
    if body is None:
        return b""
    if isinstance(body, bytes):
        return body
    return json.dumps(body).encode()


def exchange(
    method: str,
    path: str,
    query: str = "",
    *,
    body: Any = None,
    status: int = 200,
    response: Any = None,
    content_type: Optional[str] = None,
    response_type: Optional[str] = None,
    headers: Optional[Dict[str, str]] = None,
) -> Exchange:
    """An exchange with JSON bodies (``None``: no body); Content-Types set to match."""
    request_headers = {"Authorization": "Bearer t", **(headers or {})}
    if body is not None:
        request_headers.setdefault("Content-Type", content_type or "application/json")
    response_headers = {}
    if response is not None:
        response_headers["Content-Type"] = response_type or "application/json"
    return Exchange(
        method,
        path,
        query,
        request_headers,
        _encode(body),
        status,
        response_headers,
        _encode(response),
    )


def sticky_note(item_id: str = ITEM, **data: Any) -> Dict[str, Any]:
    """A sticky-note item as Miro returns it."""
    return {
        "id": item_id,
        "type": "sticky_note",
        "data": {"content": "Ship it", "shape": "square", **data},
        "style": {"fillColor": "light_yellow", "textAlign": "center", "textAlignVertical": "top"},
        "position": {"x": 0.0, "y": 0.0, "origin": "center", "relativeTo": "canvas_center"},
        "geometry": {"width": 199.0, "height": 228.0},
        "createdAt": STAMP,
        "createdBy": USER,
        "modifiedAt": STAMP,
        "modifiedBy": USER,
        "links": {"self": f"https://api.miro.com/v2/boards/{BOARD_IN_PATH}/sticky_notes/{item_id}"},
    }


def error(status: int, code: str = "invalidParameters") -> Dict[str, Any]:
    """Miro's error body."""
    return {"status": status, "code": code, "message": "no", "type": "error"}


def multipart(parts: Dict[str, Any], boundary: str = "b0undary") -> Tuple[Dict[str, str], bytes]:
    """``(headers, body)`` of a multipart/form-data request; values: bytes (a file) or
    ``(content_type, bytes)``."""
    chunks = []
    for name, value in parts.items():
        values = value if isinstance(value, list) else [value]
        for one in values:
            ctype, payload = one if isinstance(one, tuple) else ("application/octet-stream", one)
            chunks.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{name}.bin"\r\nContent-Type: {ctype}\r\n\r\n'.encode()
                + payload
                + b"\r\n"
            )
    body = b"".join(chunks) + f"--{boundary}--\r\n".encode()
    return {"Content-Type": f"multipart/form-data; boundary={boundary}"}, body
