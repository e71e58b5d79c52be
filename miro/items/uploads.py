"""Images and documents from local files: ``board.items.images.upload("logo.png", ...)``.

Uploads are ``multipart/form-data`` with a file part ``resource`` and a JSON part ``data``
(``title``, ``altText`` for images, ``position``, ``geometry``, ``parent``), as the spec and
Miro's upload docs describe. A file may be a path, an open binary file or ``bytes``; Miro
accepts at most 6 MB per file, checked here before sending.
"""

from __future__ import annotations

import json
import mimetypes
import os
from typing import IO, Any, Dict, Optional, Tuple, Union

import attrs

from ..core import params as p
from ..errors import InvalidArgument, InvalidArgumentType

MAX_UPLOAD_BYTES = 6 * 1024 * 1024

Source = Union[str, "os.PathLike[str]", bytes, bytearray, IO[bytes]]


@attrs.frozen
class FileUpload:
    """A file read into memory, ready to send as one multipart part."""

    filename: str
    content: bytes
    content_type: str

    @property
    def size(self) -> int:
        """Size in bytes."""
        return len(self.content)

    def part(self) -> Tuple[str, bytes, str]:
        """The ``(filename, content, content type)`` triple ``requests`` sends."""
        return (self.filename, self.content, self.content_type)


def read_source(name: str, source: Any, filename: Optional[str] = None) -> FileUpload:
    """Read a path, binary file object or bytes, enforcing Miro's 6 MB limit."""
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if not os.path.isfile(path):
            raise InvalidArgument(f"{name}: no such file {path!r}")
        if os.path.getsize(path) > MAX_UPLOAD_BYTES:
            raise InvalidArgument(_too_big(name, os.path.getsize(path)))
        with open(path, "rb") as handle:
            content = handle.read()
        filename = filename or os.path.basename(path)
    elif isinstance(source, (bytes, bytearray)):
        content = bytes(source)
        if not filename:
            raise InvalidArgumentType(f"{name}: give filename= when uploading bytes")
    elif hasattr(source, "read"):
        content = source.read(MAX_UPLOAD_BYTES + 1)
        if not isinstance(content, bytes):
            raise InvalidArgumentType(f"{name} must be opened in binary mode ('rb')")
        filename = filename or os.path.basename(getattr(source, "name", "") or "") or None
        if not filename:
            raise InvalidArgumentType(f"{name}: give filename= for this file object")
    else:
        raise InvalidArgumentType(
            f"{name} must be a path, a binary file or bytes, got {type(source).__name__}"
        )
    if len(content) > MAX_UPLOAD_BYTES:
        raise InvalidArgument(_too_big(name, len(content)))
    if not content:
        raise InvalidArgument(f"{name} is empty")
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return FileUpload(filename, content, content_type)


def _too_big(name: str, size: int) -> str:
    return f"{name} is {size:,} bytes; Miro accepts files up to 6 MB ({MAX_UPLOAD_BYTES:,} bytes)"


def _data_part(data: Dict[str, Any]) -> Tuple[None, str, str]:
    return (None, json.dumps(data, separators=(",", ":")), "application/json")


def multipart(resource: FileUpload, data: Dict[str, Any]) -> Dict[str, Any]:
    """The multipart parts of a single upload: ``resource`` and (if any) ``data``."""
    parts: Dict[str, Any] = {"resource": resource.part()}
    if data:
        parts["data"] = _data_part(data)
    return parts


_PLACEMENT = (p.POSITION, p.FIXED_RATIO, p.PARENT)
#: The ``data`` part of an image upload (``UploadFileFromDevice.data``).
IMAGE_UPLOAD = p.Body(
    p.top(title=p.TEXT, alt_text=p.TEXT), *_PLACEMENT, exclusive=[("width", "height")]
)
#: The ``data`` part of a document upload.
DOCUMENT_UPLOAD = p.Body(p.top(title=p.TEXT), *_PLACEMENT, exclusive=[("width", "height")])
#: The ``data`` part of a document update from a file (takes ``altText`` too).
DOCUMENT_UPLOAD_UPDATE = IMAGE_UPLOAD
