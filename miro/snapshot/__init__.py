"""Board snapshots: ``board.snapshot()``, ``Snapshot.save/load``, ``diff`` and ``restore``.

A :class:`Snapshot` is plain data — every item, connector, tag and group of a board as
Miro's JSON, plus which tags each item carries — JSON-serialisable and versioned
(:data:`VERSION`). ``diff`` compares two snapshots item by item (by id, or for snapshots of
different boards by type, content and absolute place), and ``restore`` recreates a
snapshot on a new board, remapping connectors, tags, groups and frame parents to the new
ids. What cannot be recreated (images and documents made from files, types this SDK does
not create) is reported — a :class:`SnapshotWarning` and ``restore_report.skipped`` — or,
with ``strict=True``, refused before anything is created.
"""

from __future__ import annotations

import datetime
import json
import os
import warnings
from typing import Any, Dict, List, Optional, Tuple

import attrs

from .. import _addons
from ..core.convert import format_datetime
from ..core.progress import collect, progress_bar
from ..errors import InvalidArgument, MiroWarning
from ..items.base import ITEM_TYPES, Item
from .restore import RestoreReport, restore

#: The snapshot format's version; :meth:`Snapshot.load` refuses others.
VERSION = 1
#: Types whose JSON does not carry what create needs (their file lives on Miro).
NOT_RECREATABLE = {
    "image": "an image's file lives on Miro; its JSON has no public URL to create it from",
    "document": "a document's file lives on Miro; its JSON has no public URL to create it from",
}


class SnapshotWarning(MiroWarning):
    """Some of a snapshot could not be restored (the message lists what and why)."""


class UnsupportedItems(InvalidArgument):
    """``restore(strict=True)`` of a snapshot holding items that cannot be recreated."""


def _plain(item: Item) -> Dict[str, Any]:
    return item.to_dict()


@attrs.define(eq=False)
class Snapshot:
    """Every item, connector, tag and group of a board, as plain JSON data."""

    board: Dict[str, Any]
    items: List[Dict[str, Any]]
    connectors: List[Dict[str, Any]]
    tags: List[Dict[str, Any]]
    item_tags: Dict[str, List[str]]
    groups: List[Dict[str, Any]]
    taken_at: str = ""
    version: int = VERSION
    restore_report: Optional[RestoreReport] = attrs.field(default=None, repr=False)

    def __repr__(self) -> str:
        return (
            f"<Snapshot of board {self.board.get('name')!r} ({self.board.get('id')}) taken "
            f"{self.taken_at}: {len(self.items)} items, {len(self.connectors)} connectors, "
            f"{len(self.tags)} tags, {len(self.groups)} groups>"
        )

    def _repr_html_(self) -> str:
        from ..display.html import container, esc, fields_table

        counts = ", ".join(f"{n} {t}" for t, n in sorted(self.counts().items()))
        pairs = [
            ("board", f"{self.board.get('name')} ({self.board.get('id')})"),
            ("taken at", self.taken_at),
            ("items", f"{len(self.items)}: {counts}" if counts else 0),
            ("connectors", len(self.connectors)),
            ("tags", ", ".join(str(t.get("title")) for t in self.tags)),
            ("groups", len(self.groups)),
            ("format", f"version {self.version}"),
        ]
        return container(
            f'Snapshot <span class="miro-dim">{esc(self.taken_at)}</span>', fields_table(pairs)
        )

    # --- capture, save, load -------------------------------------------------------------
    @classmethod
    def capture(cls, board: Any, *, progress: Any = False) -> Snapshot:
        """Read everything on ``board`` (one walk per list, one per tag)."""
        items = collect(board.items.list(), progress, "items")
        tags = list(board.tags.list())
        item_tags: Dict[str, List[str]] = {}
        for tag in tags:
            for item in board.items.with_tag(tag.id):
                item_tags.setdefault(item.id, []).append(tag.id)
        return cls(
            board={"id": board.id, "name": board.name, "description": board.description},
            items=[_plain(i) for i in items],
            connectors=[c.to_dict() for c in board.connectors.list()],
            tags=[t.to_dict() for t in tags],
            item_tags=item_tags,
            groups=[{"id": g.id, "items": g.item_ids} for g in board.groups.list()],
            taken_at=format_datetime(datetime.datetime.now(datetime.timezone.utc)),
        )

    def to_dict(self) -> Dict[str, Any]:
        """The snapshot as JSON-ready data."""
        return {
            "version": self.version,
            "taken_at": self.taken_at,
            "board": self.board,
            "items": self.items,
            "connectors": self.connectors,
            "tags": self.tags,
            "item_tags": self.item_tags,
            "groups": self.groups,
        }

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> Snapshot:
        """A snapshot from :meth:`to_dict`'s data; refuses other format versions."""
        if not isinstance(data, dict) or data.get("version") != VERSION:
            found = data.get("version") if isinstance(data, dict) else type(data).__name__
            raise InvalidArgument(f"not a version-{VERSION} miro snapshot (version: {found!r})")
        return cls(
            board=dict(data["board"]),
            items=list(data["items"]),
            connectors=list(data["connectors"]),
            tags=list(data["tags"]),
            item_tags={k: list(v) for k, v in data["item_tags"].items()},
            groups=list(data["groups"]),
            taken_at=data.get("taken_at", ""),
        )

    def save(self, path: Any) -> str:
        """Write the snapshot as JSON to ``path``; returns the path."""
        target = os.fspath(path)
        with open(target, "w", encoding="utf-8") as out:
            json.dump(self.to_dict(), out, indent=1, ensure_ascii=False)
        return target

    @classmethod
    def load(cls, path: Any) -> Snapshot:
        """Read a snapshot :meth:`save` wrote."""
        with open(os.fspath(path), encoding="utf-8") as source:
            return cls.from_dict(json.load(source))

    def counts(self) -> Dict[str, int]:
        """How many items of each type the snapshot holds."""
        counts: Dict[str, int] = {}
        for item in self.items:
            counts[item.get("type", "")] = counts.get(item.get("type", ""), 0) + 1
        return counts

    def models(self) -> List[Item]:
        """The items as models, each child told its parent (for absolute positions)."""
        from ..items.collection import placed

        return placed(Item.from_dict(data) for data in self.items)

    # --- diff and restore ---------------------------------------------------------------
    def diff(self, other: Snapshot) -> Any:
        """What changed from this snapshot to ``other``: a :class:`SnapshotDiff`."""
        from .diff import diff

        return diff(self, other)

    def unsupported(self) -> List[Tuple[str, str]]:
        """``(item id, reason)`` for every item :meth:`restore` cannot recreate."""
        out = []
        for data in self.items:
            kind = data.get("type", "")
            declaration = ITEM_TYPES.get(kind)
            if kind in NOT_RECREATABLE:
                out.append((data["id"], NOT_RECREATABLE[kind]))
            elif declaration is None or declaration.base_path != "/v2":
                out.append((data["id"], f"items of type {kind!r} cannot be created by this SDK"))
        return out

    def restore(
        self, api: Any, *, name: Optional[str] = None, strict: bool = False, progress: Any = False
    ) -> Any:
        """Recreate the snapshot on a new board (``name``, default: the old name) and return
        it. Connectors, tags, groups and frame parents point at the new items. Items that
        cannot be recreated are skipped and reported (a :class:`SnapshotWarning`; the list
        is in ``restore_report.skipped``), or with ``strict=True`` refused up front."""
        unsupported = self.unsupported()
        if strict and unsupported:
            listed = "; ".join(f"{ident}: {why}" for ident, why in unsupported[:10])
            raise UnsupportedItems(f"{len(unsupported)} item(s) cannot be restored: {listed}")
        board_name = name if name is not None else self.board.get("name") or "Restored board"
        with progress_bar(progress, total=len(self.items), desc="restoring", unit="item") as bar:
            report = restore(self, api, board_name, dict(unsupported), bar)
        self.restore_report = report
        if report.skipped:
            listed = "; ".join(f"{kind} {ident}: {why}" for kind, ident, why in report.skipped[:10])
            warnings.warn(
                f"{len(report.skipped)} part(s) of the snapshot were not restored: {listed}",
                SnapshotWarning,
                stacklevel=2,
            )
        return report.board


_addons.provide("snapshot", Snapshot.capture)

__all__ = ["RestoreReport", "Snapshot", "SnapshotWarning", "UnsupportedItems"]
