"""``multipart/form-data`` bodies: single uploads and the bulk upload (API-NOTES §7)."""

from __future__ import annotations

import dataclasses
import email.parser
import email.policy
import json
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

from . import checks as c
from .errors import ApiFault, bad
from .kinds import BY_TYPE, MAX_FILE_BYTES

if TYPE_CHECKING:
    from .kinds import Kind
    from .server import Request


@dataclasses.dataclass
class Part:
    """One part of a multipart body."""

    name: str
    filename: Optional[str]
    content_type: str
    content: bytes


def parse(request: Request) -> Dict[str, List[Part]]:
    """The parts of the request body, by name."""
    head = f"Content-Type: {request.content_type}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.body)
    if not message.is_multipart():
        raise bad("Malformed multipart body")
    parts: Dict[str, List[Part]] = {}
    for piece in message.iter_parts():
        name = piece.get_param("name", header="content-disposition")
        if not name:
            raise bad("Multipart part without a name")
        payload = piece.get_payload(decode=True)
        content = payload if isinstance(payload, bytes) else b""
        parts.setdefault(str(name), []).append(
            Part(str(name), piece.get_filename(), piece.get_content_type(), content)
        )
    return parts


def json_part(parts: Dict[str, List[Part]], name: str) -> Any:
    """The JSON value of a part, or None when the part is absent."""
    if name not in parts:
        return None
    try:
        return json.loads(parts[name][0].content)
    except ValueError:
        raise bad(f"part '{name}' must contain JSON") from None


def bulk_upload(request: Request) -> List[Tuple[Kind, Dict[str, Any]]]:
    """Item bodies for a bulk upload: a JSON file ``data`` and files ``resources``."""
    parts = parse(request)
    if set(parts) - {"data", "resources"} or "data" not in parts or "resources" not in parts:
        raise bad("bulk upload needs a 'data' JSON file and 'resources' files")
    described = json_part(parts, "data")
    files = parts["resources"]
    if not isinstance(described, list) or len(described) != len(files) or len(files) > 20:
        raise bad("'data' must describe each of the (at most 20) resources, in order")
    if sum(len(f.content) for f in files) > MAX_FILE_BYTES:
        raise ApiFault(413, "payloadTooLarge", "The files may total at most 6 MB")
    fields = {
        "type": c.enum("image", "document"),
        "title": c.string,
        "position": c.POSITION,
        "geometry": c.fixed_ratio(rotation=True),
        "parent": c.PARENT,
        "altText": c.string,
    }
    bodies = []
    for index, (entry, file) in enumerate(zip(described, files)):
        c.check_object(f"data[{index}]", entry, fields, required=("type",))
        kind = BY_TYPE[entry["type"]]
        url = request.url(
            f"/v2/boards/{request.params['board_id']}/resources/{kind.segment}/"
            f"{request.store.number_id()}?format=preview&redirect=false"
        )
        body = {k: v for k, v in entry.items() if k in ("position", "geometry", "parent")}
        body["data"] = {"url": url, "title": entry.get("title", file.filename or "")}
        bodies.append((kind, body))
    return bodies
