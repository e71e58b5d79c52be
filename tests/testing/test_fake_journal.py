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


def test_the_organization_and_state_kept_in_vars_are_rolled_back():
    """``store.org``, objects domain modules keep on it and dicts and sets they put in
    ``vars(store)`` are all journaled (enterprise modules keep state that way)."""
    from miro.testing._fake.journal import Tracked

    class Kept(Tracked):
        def __init__(self) -> None:
            self.jobs = {"a": {"state": "CREATED"}}

    store = Store(seed=1)
    team_id = next(iter(store.org.teams))
    vars(store).setdefault("tokens", set()).add("t1")
    vars(store.org).setdefault("kept", Kept())
    store.begin()
    store.org.teams[team_id]["name"] = "changed"
    store.org.add_team("new")
    store.org.plan = "free"
    store.org.events.append({"event": "x"})
    vars(store)["tokens"].add("t2")
    vars(store)["tokens"] -= {"t1"}
    vars(store)["cases"] = {"c": {"name": "case"}}
    vars(store.org).setdefault("more", Kept()).jobs["b"] = {}
    vars(store.org)["kept"].jobs["a"]["state"] = "FINISHED"
    del store.org.full_licenses_purchased
    store.rollback()
    assert store.org.teams[team_id]["name"] == "Fake team" and len(store.org.teams) == 1
    assert store.org.plan == "company" and store.org.events == []
    assert vars(store)["tokens"] == {"t1"} and "cases" not in vars(store)
    assert "more" not in vars(store.org) and store.org.full_licenses_purchased == 100
    assert vars(store.org)["kept"].jobs == {"a": {"state": "CREATED"}}


def test_a_committed_set_keeps_its_changes_and_copies_plain():
    store = Store()
    store.begin()
    vars(store)["names"] = {"x"}
    store.commit()
    store.begin()
    vars(store)["names"] |= {"y"}
    store.commit()
    assert vars(store)["names"] == {"x", "y"} and type(copy.copy(vars(store)["names"])) is set
