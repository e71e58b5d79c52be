"""Comparing two snapshots: which items, connectors, tags and groups were added, removed
or changed.

Items are paired by id; items left over (two different boards, e.g. a board and its
restored copy) are paired by type, content and absolute place. A paired item has changed
when its data, style, size, absolute place, parent (by its pair) or tag titles differ;
ids, timestamps, authors and links are not compared. Connectors and groups are compared by
what they join, tags by title.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

import attrs

from ..display.rows import content_of
from .places import absolute_places

if TYPE_CHECKING:
    from . import Snapshot

_NOISE = ("id", "createdAt", "createdBy", "modifiedAt", "modifiedBy", "links", "parent", "position")


@attrs.define
class SnapshotDiff:
    """What differs between two snapshots (``before.diff(after)``).

    ``added``/``removed`` are item JSON, ``changed`` is ``(before id, after id, {field:
    (before, after)})``; ``ids`` pairs items whose ids differ but are otherwise the same
    item (a restored copy); connectors, tags and groups are listed by what they join.
    """

    added: List[Dict[str, Any]]
    removed: List[Dict[str, Any]]
    changed: List[Tuple[str, str, Dict[str, Tuple[Any, Any]]]]
    ids: Dict[str, str]
    connectors_added: List[Any]
    connectors_removed: List[Any]
    tags_added: List[str]
    tags_removed: List[str]
    groups_added: List[Any]
    groups_removed: List[Any]

    def __bool__(self) -> bool:
        return any(
            (
                self.added, self.removed, self.changed, self.connectors_added,
                self.connectors_removed, self.tags_added, self.tags_removed,
                self.groups_added, self.groups_removed,
            )
        )  # fmt: skip

    def __repr__(self) -> str:
        return (
            f"<SnapshotDiff items +{len(self.added)} -{len(self.removed)} "
            f"~{len(self.changed)}, connectors +{len(self.connectors_added)} "
            f"-{len(self.connectors_removed)}, tags +{len(self.tags_added)} "
            f"-{len(self.tags_removed)}, groups +{len(self.groups_added)} "
            f"-{len(self.groups_removed)}; {len(self.ids)} items paired across ids>"
        )

    def _repr_html_(self) -> str:
        from ..display.html import container, fields_table

        pairs = [
            ("items added", [content_of_json(i) for i in self.added]),
            ("items removed", [content_of_json(i) for i in self.removed]),
            ("items changed", [f"{a}: {', '.join(f)}" for a, _, f in self.changed]),
            ("connectors added", len(self.connectors_added) or None),
            ("connectors removed", len(self.connectors_removed) or None),
            ("tags added", self.tags_added),
            ("tags removed", self.tags_removed),
            ("groups added", len(self.groups_added) or None),
            ("groups removed", len(self.groups_removed) or None),
            ("paired across ids", len(self.ids) or None),
        ]
        verdict = "no differences" if not self else "differences"
        return container(f"SnapshotDiff: {verdict}", fields_table(pairs))


def content_of_json(data: Dict[str, Any]) -> str:
    """``type: content`` of an item's JSON."""
    from ..items.base import Item

    return f"{data.get('type')}: {content_of(Item.from_dict(data))}"


class _Side:
    """One snapshot, indexed for comparison."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.items = {data["id"]: data for data in snapshot.items}
        self.places = absolute_places(snapshot)
        titles = {t["id"]: t.get("title") for t in snapshot.tags}
        self.titles = sorted(t or "" for t in titles.values())
        self.item_tags = {
            k: sorted(titles.get(t) or "" for t in v) for k, v in snapshot.item_tags.items()
        }
        self.connectors = snapshot.connectors
        self.groups = snapshot.groups

    def key(self, ident: str) -> Tuple[Any, ...]:
        data = self.items[ident]
        place = self.places.get(ident)
        rounded = (round(place[0], 1), round(place[1], 1)) if place else None
        return (data.get("type"), content_of_json(data), rounded)

    def comparable(self, ident: str, parent: Optional[str]) -> Dict[str, Any]:
        data = self.items[ident]
        out = {k: v for k, v in data.items() if k not in _NOISE}
        place = self.places.get(ident)
        out["place"] = (round(place[0], 1), round(place[1], 1)) if place else None
        out["parent"] = parent
        out["tags"] = self.item_tags.get(ident, [])
        return out


def _pair(before: _Side, after: _Side) -> Dict[str, str]:
    pairs = {i: i for i in before.items if i in after.items}
    left = [i for i in after.items if i not in pairs.values()]
    by_key: Dict[Tuple[Any, ...], List[str]] = {}
    for ident in left:
        by_key.setdefault(after.key(ident), []).append(ident)
    for ident in before.items:
        if ident in pairs:
            continue
        candidates = by_key.get(before.key(ident))
        if candidates:
            pairs[ident] = candidates.pop(0)
    return pairs


def diff(before_snap: Snapshot, after_snap: Snapshot) -> SnapshotDiff:
    """Compare two snapshots (see the module docstring)."""
    before, after = _Side(before_snap), _Side(after_snap)
    pairs = _pair(before, after)
    paired_after = set(pairs.values())
    changed = []
    for old, new in pairs.items():
        parent_before = _parent(before.items[old])
        parent_after = _parent(after.items[new])
        mapped = pairs.get(parent_before) if parent_before else None
        a = before.comparable(old, mapped)
        b = after.comparable(new, parent_after)
        fields = {k: (a.get(k), b.get(k)) for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)}
        if fields:
            changed.append((old, new, fields))
    c_before = {_link(c, pairs) for c in before.connectors}
    c_after = {_link(c, None) for c in after.connectors}
    g_before = {frozenset(pairs.get(i, "?") for i in g.get("items", [])) for g in before.groups}
    g_after = {frozenset(g.get("items", [])) for g in after.groups}
    return SnapshotDiff(
        added=[after.items[i] for i in after.items if i not in paired_after],
        removed=[before.items[i] for i in before.items if i not in pairs],
        changed=changed,
        ids={old: new for old, new in pairs.items() if old != new},
        connectors_added=sorted(c_after - c_before, key=repr),
        connectors_removed=sorted(c_before - c_after, key=repr),
        tags_added=sorted(set(after.titles) - set(before.titles)),
        tags_removed=sorted(set(before.titles) - set(after.titles)),
        groups_added=sorted((sorted(g) for g in g_after - g_before), key=repr),
        groups_removed=sorted((sorted(g) for g in g_before - g_after), key=repr),
    )


def _parent(data: Dict[str, Any]) -> Optional[str]:
    parent = data.get("parent")
    return parent.get("id") if isinstance(parent, dict) else None


def _link(data: Dict[str, Any], pairs: Optional[Dict[str, str]]) -> Tuple[Any, ...]:
    start = str((data.get("startItem") or {}).get("id"))
    end = str((data.get("endItem") or {}).get("id"))
    if pairs is not None:
        start, end = pairs.get(start, f"?{start}"), pairs.get(end, f"?{end}")
    captions = tuple(c.get("content") for c in data.get("captions") or [])
    return (
        start,
        end,
        data.get("shape"),
        captions,
        repr(sorted((data.get("style") or {}).items())),
    )
