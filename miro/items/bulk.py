"""Bulk creation: ``board.items.create_many([...])`` and ``board.items.upload_many([...])``.

Miro creates up to 20 items per request and each request is all-or-nothing
(API-NOTES §3.1). ``create_many`` validates every spec first — a bad one raises, naming its
index, before anything is sent — then sends chunks of 20 and returns the items in input
order. More than 20 specs are therefore *not* created atomically: each chunk is.

Nothing is lost and nothing is created twice:

* A chunk refused for a passing reason (5xx, 429, connection refused) is sent again, up
  to :data:`CHUNK_ATTEMPTS` times, once it is certain it was not created.
* A chunk whose fate is unknown (the connection broke or timed out after it was sent,
  the 2xx answer was unreadable, a 5xx may have come after the work was done) is looked
  for on the board: its items, matched by type and position among the items created
  since it was sent, are taken as created; if none are there it is sent again.
* One malformed element in a 201 answer does not lose the others: that item is kept with
  only its ``id`` and ``type`` read (the rest in ``.extra``) and a warning is logged.
* When it still fails, the error raised carries ``error.created`` (the items created, in
  input order) and ``error.bulk``, a :class:`BulkProgress` listing what was created, what
  was not, and what could not be confirmed; ``error.bulk.resume()`` finishes the job
  without duplicates::

      try:
          items = board.items.create_many(specs)
      except miro.MiroError as error:
          if error.bulk is None:
              raise
          items = error.bulk.resume()   # may raise again, with fresh progress

The board check matches by type, position and creation time (items created no earlier
than :data:`CLOCK_SLACK` seconds before the chunk was sent, by ids not already known):
a second writer creating the same types at the same positions at the same moment could
be mistaken for the chunk.
"""

from __future__ import annotations

import datetime
import json
import logging
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Type

from ..core.answered import origin
from ..core.params import is_mapping
from ..errors import (
    ApiError,
    InvalidArgument,
    InvalidArgumentType,
    MalformedResponse,
    MiroError,
    RateLimited,
    Timeout,
    TransportError,
    unbound,
)
from .base import ITEM_TYPES, Item
from .styles import BASIC_SHAPES
from .uploads import DOCUMENT_UPLOAD, IMAGE_UPLOAD, MAX_UPLOAD_BYTES, FileUpload, read_source

MAX_ITEMS_PER_REQUEST = 20
#: How many times one chunk is sent when it certainly failed for a passing reason.
CHUNK_ATTEMPTS = 3
#: Seconds to wait after a timeout before a chunk not found on the board is sent again.
SETTLE = 2.0
#: Seconds of clock difference tolerated when looking for a chunk's items on the board.
CLOCK_SLACK = 10.0

log = logging.getLogger("miro.bulk")
#: The ``type`` values bulk create accepts (``ItemCreate.type``).
BULK_TYPES = (
    "app_card", "text", "shape", "sticky_note", "image", "document", "card", "frame", "embed",
)  # fmt: skip
_JSON_SECTIONS = frozenset(("data", "style", "position", "geometry"))


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
        if not is_mapping(value):
            raise InvalidArgumentType(
                f"{name} must be an ItemSpec or a dict, got {type(value).__name__}"
            )
        fields = dict(value)
        kind = fields.pop("type", None)
        if kind is None:
            raise InvalidArgument(f"{name} needs a 'type'")
        if kind not in BULK_TYPES:
            return cls(kind)  # raises, naming the allowed types
        if not _JSON_SECTIONS.isdisjoint(fields) or is_mapping(fields.get("parent")):
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
    # Published (and so pickled) as miro.items.<Name>Spec.
    namespace = {"item_type": item_type, "__doc__": doc, "__module__": "miro.items"}
    return type(name, (ItemSpec,), namespace)


def validate_specs(specs: Iterable[Any], name: str = "items") -> List[ItemSpec]:
    """Validate every spec, naming the index of the first bad one."""
    check_list(specs, name)
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


def validate_uploads(uploads: Iterable[Any], name: str = "uploads") -> List[Upload]:
    """``Upload`` objects (paths become ``Upload(path)``), naming the first bad one."""
    check_list(uploads, name)
    checked = []
    for index, value in enumerate(uploads):
        try:
            checked.append(value if isinstance(value, Upload) else Upload(value))
        except (InvalidArgument, InvalidArgumentType) as error:
            raise type(error)(f"{name}[{index}]: {error}") from None
    if not checked:
        raise InvalidArgument(f"{name} is empty")
    return checked


def check_list(values: Any, name: str) -> None:
    """Raise naming ``name`` unless ``values`` is a list-like iterable (not None)."""
    if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Iterable):
        raise InvalidArgumentType(f"{name} must be a list, got {type(values).__name__}")


# --------------------------------------------------------------------------- progress

Indexed = List[Tuple[int, Any]]  # (input position, spec or upload)
Chunker = Callable[[Sequence[Any]], Sequence[Sequence[Any]]]


class BulkProgress:
    """What a bulk create had done when it failed (``error.bulk``).

    Attributes:
        created: the items created, in input order.
        not_created: the specs (or uploads) certainly not created, in input order.
        unconfirmed: specs sent whose creation could not be confirmed or ruled out.
    """

    def __init__(self, job: _BulkJob) -> None:
        self._job = job
        self.created: List[Item] = [job.results[i] for i in sorted(job.results)]
        self.not_created: List[Any] = [job.pending[i] for i in sorted(job.pending)]
        self.unconfirmed: List[Any] = [spec for chunk, _ in job.unknown for _, spec in chunk]

    def __repr__(self) -> str:
        return (
            f"BulkProgress(created={len(self.created)}, not_created={len(self.not_created)}, "
            f"unconfirmed={len(self.unconfirmed)})"
        )

    def __reduce__(self) -> Any:  # errors stay picklable; a revived progress cannot resume
        return (_revived_progress, (unbound(self.created), self.not_created, self.unconfirmed))

    def resume(self) -> List[Item]:
        """Finish the job: look for the unconfirmed chunks on the board, send what is left,
        and return every item of the original call in input order (raises again, with
        fresh progress, if it fails again)."""
        if self._job is None:
            raise InvalidArgument("this progress was unpickled: it cannot resume")
        return self._job.run()


def _revived_progress(created: List[Item], not_created: List[Any], unconfirmed: List[Any]):
    progress = BulkProgress.__new__(BulkProgress)
    progress._job = None  # type: ignore[assignment]
    progress.created, progress.not_created, progress.unconfirmed = (
        created,
        not_created,
        unconfirmed,
    )
    return progress


class Created(list):
    """The items a bulk create made, in input order (a ``list``). ``answer`` holds what
    Miro's answers said besides the items (``{"type": "bulk-list"}``); it is empty when
    every chunk's answer was lost and its items were found on the board instead."""

    answer: Dict[str, Any] = {}


class _BulkJob:
    """One bulk create: chunks to send, what each produced, and how to look for them."""

    def __init__(
        self,
        values: Sequence[Any],
        chunker: Chunker,
        send: Callable[[Any], Any],
        wrap: Callable[[Any], Item],
        board: Optional[Any],
        sleep: Callable[[float], None] = time.sleep,
        workers: int = 1,
    ) -> None:
        self.workers = workers
        self.chunker = chunker
        self.send = send
        self.wrap = wrap
        self.board = board  # the Items collection, to look for a chunk of unknown fate
        self.sleep = sleep
        self.results: Dict[int, Item] = {}
        self.pending: Dict[int, Any] = dict(enumerate(values))  # by input position
        self.unknown: List[Tuple[Indexed, float]] = []  # chunks of unknown fate, sent at
        self.answer: Dict[str, Any] = {}  # the answers' fields besides their items
        self.lock = threading.Lock()  # chunks may be sent from several threads

    def run(self) -> List[Item]:
        for chunk, sent_at in list(self.unknown):
            found = self.look_for(chunk, since=sent_at)
            if found is None:
                raise self.failure(TransportError("the board could not be checked"))
            self.unknown.remove((chunk, sent_at))
            if found:
                self.keep(chunk, found)
            else:
                self.pending.update(chunk)
        pending = [(index, self.pending[index]) for index in sorted(self.pending)]
        chunks = _indexed_chunks(pending, self.chunker)
        if self.workers > 1 and len(chunks) > 1:
            self._run_in_parallel(chunks)
        else:
            for chunk in chunks:
                create_chunk(self, chunk)
        created = Created(self.results[i] for i in sorted(self.results))
        created.answer = dict(self.answer)
        return created

    def _run_in_parallel(self, chunks: List[Indexed]) -> None:
        """Up to ``workers`` chunks in flight. After a failure no new chunk starts; the
        error raised then reports every chunk's outcome (items keep input order)."""
        failure: Optional[MiroError] = None
        with ThreadPoolExecutor(max_workers=min(self.workers, len(chunks))) as pool:
            futures = [pool.submit(create_chunk, self, chunk) for chunk in chunks]
            for future in futures:
                if future.cancelled():
                    continue
                try:
                    future.result()
                except MiroError as error:
                    if failure is None:
                        failure = error
                        for later in futures:
                            later.cancel()
        if failure is not None:
            self.failure(failure)  # again, now that every chunk in flight has settled
            raise failure

    def keep(self, chunk: Indexed, items: Sequence[Item]) -> None:
        with self.lock:
            for (index, _), item in zip(chunk, items):
                self.results[index] = item
            for index, _ in chunk:
                self.pending.pop(index, None)

    def unconfirmed(self, chunk: Indexed, sent_at: float) -> None:
        with self.lock:
            self.unknown.append((chunk, sent_at))
            for index, _ in chunk:
                self.pending.pop(index, None)

    def failure(self, error: MiroError) -> MiroError:
        with self.lock:
            progress = BulkProgress(self)
        error.bulk = progress
        error.created = progress.created
        return error

    def look_for(self, chunk: Indexed, since: Optional[float]) -> Optional[List[Item]]:
        """The chunk's items if they are on the board, [] if not, None if we cannot tell."""
        if self.board is None:
            return None
        try:
            return find_on_board(self.board, [spec for _, spec in chunk], since, self.known())
        except MiroError as error:
            log.warning("could not check the board for a bulk chunk: %s", error)
            return None

    def known(self) -> set:
        return {getattr(item, "id", None) for item in self.results.values()}


def _indexed_chunks(indexed: Indexed, chunker: Chunker) -> List[Indexed]:
    """Chunk ``(index, value)`` pairs as ``chunker`` chunks the values."""
    chunks: List[Indexed] = []
    position = 0
    for chunk in chunker([value for _, value in indexed]):
        chunks.append(indexed[position : position + len(chunk)])
        position += len(chunk)
    return chunks


def create_chunk(job: _BulkJob, chunk: Indexed) -> None:
    """Send one chunk until it is created, or raise with the job's progress.

    The one per-chunk call: several may run at once (on threads) for one job.
    """
    attempt = 0
    while True:
        attempt += 1
        sent_at = time.time()
        try:
            answer = job.send([spec for _, spec in chunk])
            items = _items(answer, job.wrap, len(chunk))
        except MiroError as error:
            fate = _fate(error)
            if fate == "unknown":
                found = job.look_for(chunk, since=sent_at)
                if found == [] and isinstance(error, Timeout):
                    # A request we stopped waiting for may still be carried out: give it
                    # time to land before concluding it never will.
                    job.sleep(SETTLE)
                    found = job.look_for(chunk, since=sent_at)
                if found:
                    job.keep(chunk, found)
                    return
                if found is None:
                    job.unconfirmed(chunk, sent_at)
                    job.failure(error)
                    raise  # the error itself, its cause kept
                fate = "again"  # not on the board: certainly not created
            if fate == "again" and attempt < CHUNK_ATTEMPTS:
                job.sleep(0.5 * attempt * (0.5 + random.random() / 2))
                continue
            job.failure(error)
            raise
        job.keep(chunk, items)
        with job.lock:
            job.answer.update((k, v) for k, v in answer.items() if k != "data")
        return


def _fate(error: MiroError) -> str:
    """``refused`` (sending again cannot help), ``again`` (certainly not created, a
    passing failure) or ``unknown`` (it may have been created)."""
    if isinstance(error, TransportError):
        return "again" if error.delivered is False else "unknown"
    if isinstance(error, MalformedResponse):
        return "unknown"  # a 2xx: created, but we cannot read what
    if isinstance(error, RateLimited):
        return "again"
    if isinstance(error, ApiError) and error.status >= 500:
        return "unknown"  # a gateway may answer 5xx after the work was done
    return "refused"


def _items(answer: Any, wrap: Callable[[Any], Item], expected: int) -> List[Item]:
    """The items of a bulk answer, keeping those whose elements are malformed."""
    elements = answer.get("data") if isinstance(answer, dict) else None
    if not isinstance(elements, list):
        raise MalformedResponse(
            "a bulk create answer without a data list", field="data", **origin(answer)
        )
    items = []
    for element in elements:
        try:
            items.append(wrap(element))
        except Exception as problem:  # one bad element must not orphan the others
            items.append(_kept(element, wrap, problem))
    if len(items) != expected:
        raise MalformedResponse(
            f"a bulk create of {expected} items answered with {len(items)} of them",
            field="data",
            **origin(answer),
        )
    return items


def _kept(element: Any, wrap: Callable[[Any], Item], problem: Exception) -> Item:
    """A malformed element as an item with only ``id`` and ``type`` read (rest in extra)."""
    if not isinstance(element, dict) or not isinstance(element.get("id"), str):
        raise MalformedResponse(
            f"a bulk create answer element without an id: {problem}", field="id", **origin(element)
        )
    item = wrap({"id": element["id"], "type": element.get("type")})
    item.extra = {k: v for k, v in element.items() if k not in ("id", "type")}
    log.warning(
        "item %s came back malformed (%s); kept with its id and type only, the rest is in .extra",
        element["id"],
        type(problem).__name__,
    )
    return item


def find_on_board(
    board: Any, specs: Sequence[Any], since: Optional[float], known: set
) -> List[Item]:
    """The items on the board matching ``specs`` (all of them, in order) or [] if none.

    A chunk is all-or-nothing, so finding some but not all is ambiguous: raises
    :class:`~miro.errors.MalformedResponse` then (the caller treats it as unknown).
    """
    wanted = [_signature(spec) for spec in specs]
    candidates = [raw for raw in _raw_items(board) if raw.get("id") not in known]
    if since is not None:
        candidates = [raw for raw in candidates if _created_after(raw, since - CLOCK_SLACK)]
    matched: List[Any] = []
    for signature in wanted:
        hit = next((raw for raw in candidates if _matches(raw, signature)), None)
        if hit is None:
            break
        candidates.remove(hit)
        matched.append(hit)
    if not matched:
        return []
    if len(matched) < len(wanted):
        raise MalformedResponse(
            f"found {len(matched)} of the {len(wanted)} items of a bulk chunk on the board"
        )
    return [board.wrap(raw) for raw in matched]


def _signature(spec: Any) -> Tuple[str, Optional[Tuple[float, float]]]:
    body = spec.body if isinstance(spec, ItemSpec) else spec.data
    position = body.get("position") or {}
    where = None
    if "x" in position or "y" in position:
        where = (float(position.get("x", 0)), float(position.get("y", 0)))
    return str(body.get("type") or spec.type), where


def _matches(raw: Dict[str, Any], signature: Tuple[str, Optional[Tuple[float, float]]]) -> bool:
    kind, where = signature
    if raw.get("type") != kind:
        return False
    if where is None:
        return True
    position = raw.get("position")
    if not isinstance(position, dict):
        return False
    try:
        x, y = float(position.get("x", 0)), float(position.get("y", 0))
    except (TypeError, ValueError):
        return False
    return abs(x - where[0]) < 1e-6 and abs(y - where[1]) < 1e-6


def _created_after(raw: Dict[str, Any], moment: float) -> bool:
    stamp = raw.get("createdAt")
    if not isinstance(stamp, str):
        return True  # cannot tell: keep it a candidate
    try:
        parsed = datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return True
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=datetime.timezone.utc)
    return parsed.timestamp() >= moment


def _raw_items(board: Any) -> List[Dict[str, Any]]:
    """Every item of the board as raw JSON (cursor pages of 50)."""
    url = board.url()
    items: List[Dict[str, Any]] = []
    cursor: Optional[str] = None
    seen = set()
    while True:
        query = {"limit": "50", **({"cursor": cursor} if cursor else {})}
        page = board.request("GET", url, params=query) or {}
        items.extend(raw for raw in page.get("data") or [] if isinstance(raw, dict))
        cursor = page.get("cursor")
        if not cursor or cursor in seen:
            return items
        seen.add(cursor)


def create_in_chunks(
    values: Sequence[Any],
    send: Callable[[Any], Any],
    wrap: Callable[[Any], Item],
    workers: int = 1,
    *,
    chunker: Optional[Chunker] = None,
) -> List[Item]:
    """Create ``values`` chunk by chunk (``workers`` chunks at once, on threads); return
    the items in input order.

    ``chunker`` cuts the values into requests; without it ``values`` is taken as already
    chunked (a list of chunks, the older form). Failures are handled as the module
    describes; the error raised carries ``created`` and ``bulk`` (a :class:`BulkProgress`
    that can ``resume()``).
    """
    if chunker is None:
        chunks = list(values)
        values = [value for chunk in chunks for value in chunk]
        sizes = [len(chunk) for chunk in chunks]

        def chunker(flat: Sequence[Any]) -> List[Sequence[Any]]:
            if len(flat) == sum(sizes):
                out, at = [], 0
                for size in sizes:
                    out.append(flat[at : at + size])
                    at += size
                return out
            return chunked(flat, MAX_ITEMS_PER_REQUEST)

    board = getattr(wrap, "__self__", None)
    board = board if callable(getattr(board, "request", None)) else None
    return _BulkJob(values, chunker, send, wrap, board, workers=workers).run()


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


__all__ = ["BulkProgress", "ItemSpec", "Upload", "spec_class"]
