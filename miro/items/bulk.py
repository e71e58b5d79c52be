"""Bulk creation: ``board.items.create_many([...])`` and ``board.items.upload_many([...])``.

Miro creates up to 20 items per request and each request is all-or-nothing
(API-NOTES §3.1). ``create_many`` validates every spec first — a bad one raises, naming its
index, before anything is sent — then sends chunks of 20 and returns the items in input
order. If a later chunk fails, the error raised carries ``created``: the items the
earlier (committed) chunks made.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Type

from ..errors import ApiError, InvalidArgument, InvalidArgumentType, MiroError
from .base import ITEM_TYPES, Item
from .styles import BASIC_SHAPES
from .uploads import DOCUMENT_UPLOAD, IMAGE_UPLOAD, MAX_UPLOAD_BYTES, FileUpload, read_source

MAX_ITEMS_PER_REQUEST = 20
#: The ``type`` values bulk create accepts (``ItemCreate.type``).
BULK_TYPES = (
    "app_card", "text", "shape", "sticky_note", "image", "document", "card", "frame", "embed",
)  # fmt: skip
_JSON_SECTIONS = ("data", "style", "position", "geometry")


class ItemSpec:
    """One item to create in bulk, validated when it is made.

    ``ItemSpec("sticky_note", content="Hi", x=0)`` takes the keywords of that type's
    ``create``; the typed subclasses (``StickyNoteSpec(content="Hi")``) fix the type.
    """

    item_type: str = ""

    def __init__(self, type: Optional[str] = None, **fields: Any) -> None:
        kind = type or self.item_type
        if kind not in BULK_TYPES:
            allowed = ", ".join(repr(t) for t in BULK_TYPES)
            raise InvalidArgument(f"type must be one of {allowed}; got {kind!r}")
        shape = fields.get("shape")
        if kind == "shape" and shape is not None and shape not in BASIC_SHAPES:
            raise InvalidArgument(
                f"shape {shape!r} cannot be created in bulk: bulk create takes the 21 basic "
                "shapes only; create flowchart shapes with board.items.shapes.create"
            )
        self.type = kind
        self.body: Dict[str, Any] = {"type": kind, **ITEM_TYPES[kind].create.build(fields)}

    @classmethod
    def from_value(cls, name: str, value: Any) -> ItemSpec:
        """Accept a spec, a keyword dict with ``type``, or an API JSON dict (``ItemCreate``)."""
        if isinstance(value, ItemSpec):
            return value
        if not isinstance(value, Mapping):
            raise InvalidArgumentType(
                f"{name} must be an ItemSpec or a dict, got {type(value).__name__}"
            )
        fields = dict(value)
        kind = fields.pop("type", None)
        if kind is None:
            raise InvalidArgument(f"{name} needs a 'type'")
        if kind not in BULK_TYPES:
            return cls(kind)  # raises, naming the allowed types
        if any(k in fields for k in _JSON_SECTIONS) or isinstance(fields.get("parent"), Mapping):
            fields = ITEM_TYPES[kind].create.from_json(fields, name)
        return cls(kind, **fields)

    def __repr__(self) -> str:
        return f"ItemSpec({self.body!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ItemSpec) and other.body == self.body


def spec_class(item_type: str) -> Type[ItemSpec]:
    """The ``ItemSpec`` subclass for one item type (``StickyNoteSpec`` …)."""
    name = "".join(part.title() for part in item_type.split("_")) + "Spec"
    doc = f"A {item_type.replace('_', ' ')} to create in bulk; keywords as its create."
    return type(name, (ItemSpec,), {"item_type": item_type, "__doc__": doc})


def validate_specs(specs: Iterable[Any], name: str = "items") -> List[ItemSpec]:
    """Validate every spec, naming the index of the first bad one."""
    checked = []
    for index, value in enumerate(specs):
        where = f"{name}[{index}]"
        try:
            checked.append(ItemSpec.from_value(where, value))
        except (InvalidArgument, InvalidArgumentType) as error:
            if str(error).startswith(where):
                raise
            raise type(error)(f"{where}: {error}") from None
    if not checked:
        raise InvalidArgument(f"{name} is empty")
    return checked


def create_in_chunks(
    chunks: Sequence[Any],
    send: Callable[[Any], Any],
    wrap: Callable[[Any], Item],
    workers: int = 1,
) -> List[Item]:
    """Send each chunk, collecting created items; on failure attach what was created."""
    if workers > 1 and len(chunks) > 1:
        return _create_in_parallel(chunks, send, wrap, workers)
    created: List[Item] = []
    for chunk in chunks:
        try:
            answer = send(chunk)
        except ApiError as error:
            error.created = list(created)
            raise
        created.extend(wrap(item) for item in (answer or {}).get("data", []))
    return created


def _create_in_parallel(
    chunks: Sequence[Any], send: Callable[[Any], Any], wrap: Callable[[Any], Item], workers: int
) -> List[Item]:
    """``create_in_chunks`` with up to ``workers`` requests in flight; items keep input
    order. After a failure, requests not started are not sent, and the error's
    ``created`` lists what every other request made, in input order."""
    created: List[Item] = []
    failure: Optional[BaseException] = None
    with ThreadPoolExecutor(max_workers=min(workers, len(chunks))) as pool:
        futures = [pool.submit(send, chunk) for chunk in chunks]
        for future in futures:
            if future.cancelled():
                continue
            try:
                answer = future.result()
            except BaseException as error:  # re-raised below, once the others are done
                if failure is None:
                    failure = error
                    for later in futures:
                        later.cancel()
                continue
            created.extend(wrap(item) for item in (answer or {}).get("data", []))
    if failure is not None:
        if isinstance(failure, MiroError):
            failure.created = list(created)  # type: ignore[attr-defined]
        raise failure
    return created


def chunked(values: Sequence[Any], size: int) -> List[Sequence[Any]]:
    """``values`` cut into runs of at most ``size``."""
    return [values[i : i + size] for i in range(0, len(values), size)]


class Upload:
    """A local file to create as an image or document in ``upload_many``.

    ``Upload("logo.png", title="Logo", x=0)``; the type is ``image`` for image files and
    ``document`` otherwise, unless ``type=`` says. Keywords: ``title``, ``x``, ``y``,
    ``width`` or ``height``, ``rotation``, ``parent``.
    """

    def __init__(
        self,
        source: Any,
        *,
        type: Optional[str] = None,
        filename: Optional[str] = None,
        **fields: Any,
    ) -> None:
        self.file: FileUpload = read_source("source", source, filename)
        kind = type or ("image" if self.file.content_type.startswith("image/") else "document")
        if kind not in ("image", "document"):
            raise InvalidArgument(f"type must be 'image' or 'document', got {kind!r}")
        spec = IMAGE_UPLOAD if kind == "image" else DOCUMENT_UPLOAD
        self.type = kind
        self.data: Dict[str, Any] = {"type": kind, **spec.build(fields)}

    def __repr__(self) -> str:
        return f"Upload({self.file.filename!r}, type={self.type!r})"


def upload_chunks(uploads: Sequence[Upload]) -> List[List[Upload]]:
    """Chunks of at most 20 files and 6 MB in all (Miro's per-request limits)."""
    chunks: List[List[Upload]] = []
    size = 0
    for upload in uploads:
        if (
            not chunks
            or len(chunks[-1]) == MAX_ITEMS_PER_REQUEST
            or size + upload.file.size > MAX_UPLOAD_BYTES
        ):
            chunks.append([])
            size = 0
        chunks[-1].append(upload)
        size += upload.file.size
    return chunks


def upload_parts(chunk: Sequence[Upload]) -> List[Any]:
    """The multipart parts of one bulk upload: a JSON file ``data``, files ``resources``."""
    data = json.dumps([u.data for u in chunk], separators=(",", ":")).encode()
    parts: List[Any] = [("data", ("data.json", data, "application/json"))]
    parts += [("resources", u.file.part()) for u in chunk]
    return parts


def specs_body(chunk: Sequence[ItemSpec]) -> List[Dict[str, Any]]:
    """The JSON body of one bulk create."""
    return [spec.body for spec in chunk]


__all__ = ["ItemSpec", "Upload", "spec_class"]
