"""Snapshots: plain versioned data, save/load, diff, restore with every reference remapped."""

from __future__ import annotations

import json

import pytest

import miro
from miro.errors import InvalidArgument
from miro.snapshot import SnapshotWarning, UnsupportedItems


@pytest.fixture
def grouped(parts):
    parts["group"] = parts["board"].groups.create(items=[parts["star"], parts["card"]])
    return parts


def test_snapshot_is_plain_json_and_round_trips(grouped, tmp_path):
    snap = grouped["board"].snapshot()
    assert snap.counts() == {"frame": 1, "sticky_note": 1, "shape": 2, "text": 1, "card": 1}
    assert len(snap.connectors) == 2 and len(snap.tags) == 1 and len(snap.groups) == 1
    assert sorted(snap.item_tags) == sorted([grouped["inside"].id, grouped["card"].id])
    data = json.loads(json.dumps(snap.to_dict()))
    assert data["version"] == 1 and data["board"]["name"] == "Display <test> & co"
    path = snap.save(tmp_path / "board.json")
    loaded = miro.Snapshot.load(path)
    assert loaded.to_dict() == snap.to_dict()
    assert not loaded.diff(snap)
    assert grouped["board"]._item_counts == snap.counts()


def test_load_refuses_other_versions(tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"version": 99}))
    with pytest.raises(InvalidArgument, match="not a version-1 miro snapshot"):
        miro.Snapshot.load(path)


def test_diff_lists_added_removed_and_changed_items(grouped):
    board = grouped["board"]
    before = board.snapshot()
    grouped["star"].update(content="Big star")
    grouped["text"].delete()
    extra = board.items.sticky_notes.create(content="new")
    after = board.snapshot()
    diff = before.diff(after)
    assert [d["id"] for d in diff.added] == [extra.id]
    assert [d["id"] for d in diff.removed] == [grouped["text"].id]
    assert [(a, b, sorted(f)) for a, b, f in diff.changed] == [
        (grouped["star"].id, grouped["star"].id, ["data"])
    ]
    assert "+1 -1 ~1" in repr(diff) and "differences" in diff._repr_html_()


def test_restore_remaps_connectors_tags_groups_and_parents(grouped, api):
    snap = grouped["board"].snapshot()
    copy = snap.restore(api, name="Restored")
    assert copy.name == "Restored" and copy.id != grouped["board"].id
    ids = snap.restore_report.ids
    again = copy.snapshot()
    diff = snap.diff(again)
    assert not diff, diff
    assert diff.ids == {old: new for old, new in ids.items() if old in diff.ids}
    assert len(diff.ids) == 6
    new_inside = copy.items.get(ids[grouped["inside"].id])
    assert new_inside.parent.id == ids[grouped["frame"].id]
    assert (new_inside.absolute_position.x, new_inside.absolute_position.y) == (700.0, 380.0)
    ends = {(c.start_item.id, c.end_item.id) for c in copy.connectors.list()}
    assert (ids[grouped["inside"].id], ids[grouped["star"].id]) in ends
    assert [t.title for t in new_inside.tags] == ["urgent"]
    (group,) = list(copy.groups.list())
    assert set(group.item_ids) == {ids[grouped["star"].id], ids[grouped["card"].id]}
    every = {i.id for i in copy.items} | {c.id for c in copy.connectors.list()}
    assert {p.id for p in copy.items if p.parent} <= every  # nothing dangling


def test_unsupported_items_are_reported_not_skipped_silently(grouped, api):
    snap = grouped["board"].snapshot()
    image = dict(snap.items[0], id="999", type="image", data={"imageUrl": "https://x/y.png"})
    image.pop("parent", None)
    snap.items.append(image)
    snap.item_tags["999"] = [snap.tags[0]["id"]]
    with pytest.raises(UnsupportedItems, match="999: an image's file lives on Miro"):
        snap.restore(api, strict=True)
    assert [b.name for b in api.boards.list()] == ["Display <test> & co"]  # nothing made
    with pytest.warns(SnapshotWarning, match="item 999"):
        copy = snap.restore(api, progress=True)
    assert ("item", "999", snap.unsupported()[0][1]) in snap.restore_report.skipped
    assert sum(1 for _ in copy.items) == 6


def test_values_create_refuses_are_left_out_and_reported(parts, api):
    snap = parts["board"].snapshot()
    frame = next(d for d in snap.items if d["type"] == "frame")
    frame["data"]["format"] = "desktop"  # Miro reports formats create does not take
    with pytest.warns(SnapshotWarning, match="format must be one of 'custom'"):
        copy = snap.restore(api, name="partial")
    assert ("item field", frame["id"], "format must be one of 'custom'; got 'desktop'") in (
        snap.restore_report.skipped
    )
    restored = copy.items.get(snap.restore_report.ids[frame["id"]])
    assert restored.type == "frame" and restored.data.title == "Sprint"
