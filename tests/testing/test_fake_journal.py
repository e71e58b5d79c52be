"""The store's undo journal: a rolled-back transaction leaves every container as it was."""

import copy
import json

from miro.testing._fake.state import Store


def test_rollback_restores_values_order_and_attributes():
    store = Store(seed=1)
    store.boards.update({"a": {"name": "A", "tags": ["x"]}, "b": {"name": "B", "tags": []}})
    before = copy.deepcopy(store.boards)
    store.begin()
    store.boards["a"]["name"] = "changed"
    store.boards["a"]["tags"].append("y")
    store.boards["b"]["tags"] += ["z"]
    del store.boards["a"]  # re-inserting it would put it last
    store.boards["c"] = {"name": "C"}
    store.organization = {"id": "1"}
    store.rollback()
    assert store.boards == before and list(store.boards) == ["a", "b"]
    assert store.organization["name"] == "Fake organization"


def test_commit_keeps_changes_and_new_values_are_tracked_too():
    store = Store()
    store.begin()
    store.items["board"] = {"1": {"data": {"content": "x"}}}
    store.commit()
    store.begin()
    store.items["board"]["1"]["data"]["content"] = "y"
    store.items["board"].setdefault("2", {"data": {}})["data"]["content"] = "z"
    store.rollback()
    assert store.items == {"board": {"1": {"data": {"content": "x"}}}}


def test_copies_are_plain_and_json_sees_plain_values():
    store = Store()
    store.tags["b"] = {"t": {"title": "T", "ids": [1, 2]}}
    clone = copy.deepcopy(store.tags["b"])
    assert type(clone) is dict and type(clone["t"]["ids"]) is list
    assert type(copy.copy(store.tags["b"])) is dict
    assert json.loads(json.dumps(store.tags)) == {"b": {"t": {"title": "T", "ids": [1, 2]}}}
