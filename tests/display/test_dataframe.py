"""to_dataframe(): columns, dtypes, tags; the missing-extra error; create_many from rows."""

from __future__ import annotations

import sys

import pytest

pd = pytest.importorskip("pandas")

COLUMNS = [
    "id", "type", "content", "x", "y", "absolute_x", "absolute_y", "width", "height",
    "rotation", "parent_id", "tags", "fill_color", "shape", "created_at", "created_by",
    "modified_at", "modified_by",
]  # fmt: skip


def test_items_dataframe_columns_and_dtypes(parts):
    frame = parts["board"].items.to_dataframe()
    assert list(frame.columns) == COLUMNS
    assert len(frame) == 6
    for column in ("x", "y", "absolute_x", "absolute_y", "width", "height", "rotation"):
        assert frame[column].dtype == "float64", column
    for column in ("created_at", "modified_at"):
        assert isinstance(frame[column].dtype, pd.DatetimeTZDtype)
        assert str(frame[column].dt.tz) == "UTC"
    for column in ("id", "type", "content", "parent_id"):
        assert pd.api.types.is_string_dtype(frame[column]), column
    row = frame.set_index("id").loc[parts["inside"].id]
    assert row["content"] == "Ship it"
    assert (row["x"], row["y"], row["absolute_x"], row["absolute_y"]) == (100, 80, 700, 380)
    assert row["parent_id"] == parts["frame"].id and row["tags"] == ["urgent"]
    star = frame.set_index("id").loc[parts["star"].id]
    assert star["tags"] == [] and star["shape"] == "star" and pd.isna(star["parent_id"])


def test_any_paginator_and_page_of_models(parts):
    board = parts["board"]
    tags = board.tags.list().to_dataframe()
    assert list(tags["title"]) == ["urgent"] and "fill_color" in tags.columns
    connectors = board.connectors.list().to_dataframe()
    assert len(connectors) == 2 and "start_item.id" in connectors.columns
    assert isinstance(connectors["created_at"].dtype, pd.DatetimeTZDtype)
    page = board.items.page(limit=10).to_dataframe()
    assert len(page) == 6 and page["absolute_x"].dtype == "float64"


def test_missing_pandas_names_the_extra_before_any_request(parts, fake, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    fake.clear_exchanges()
    with pytest.raises(ImportError, match=r'pip install "miro\[pandas\]"'):
        parts["board"].items.to_dataframe()
    with pytest.raises(ImportError, match=r"miro\[pandas\]"):
        parts["board"].tags.list().to_dataframe()
    assert fake.exchanges == []


def test_create_many_takes_the_dataframe_back(parts, api):
    source = parts["board"].items.to_dataframe()
    copy = api.boards.create(name="copy")
    rows = source[source["parent_id"].isna() & (source["type"] != "frame")]
    created = copy.items.create_many(rows, progress=True)
    assert [i.type for i in created] == list(rows["type"])
    again = copy.items.to_dataframe().set_index("content")
    assert again.loc["Star", "shape"] == "star"
    assert again.loc["Task", "width"] == 320
    assert again.loc["Hello & goodbye", "type"] == "text"
    assert again.loc["Task", "tags"] == ["urgent"]  # tags by title, the tag created


def test_create_many_takes_a_list_of_dicts_with_parent_ids(api):
    board = api.boards.create(name="rows")
    frame = board.items.frames.create(title="F", x=0, y=0, width=400, height=400)
    created = board.items.create_many(
        [
            {"type": "sticky_note", "content": "a", "x": 10, "y": 20, "parent_id": frame.id,
             "width": 100, "height": 100, "fill_color": "pink", "id": "ignored"},
            {"type": "frame", "content": "titled", "x": 900, "y": 0, "width": 200, "height": 100},
        ]
    )  # fmt: skip
    assert created[0].parent.id == frame.id and created[0].style.fill_color == "pink"
    assert created[1].data.title == "titled"
    with pytest.raises(TypeError, match="did you mean 'content'"):
        board.items.create_many([{"type": "text", "contnet": "x"}])


def test_progress_bars_count_listings_with_their_total(api):
    for i in range(12):
        api.boards.create(name=f"b{i}")
    seen = []
    boards = api.boards.list(limit=5).all(progress=lambda done, total: seen.append(done))
    assert len(boards) == 12 and seen == [5, 10, 12]
    pytest.importorskip("tqdm")
    assert len(api.boards.list(limit=5).all(progress=True)) == 12
