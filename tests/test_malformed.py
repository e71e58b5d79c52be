"""Answers of the wrong shape: no silent coercion, a typed error naming the field, and one
bad element of a listed page skipped with a warning while the others still arrive."""

import datetime
import re
import warnings
from typing import Dict, List, Optional

import attrs
import pytest

import miro
from miro.core.convert import structure, unstructure
from miro.core.pagination import MalformedElementWarning
from miro.core.resource import Model
from miro.errors import MalformedResponse


@attrs.define(kw_only=True)
class Sample(Model):
    """Every leaf type the models use."""

    text: Optional[str] = None
    count: Optional[int] = None
    ratio: Optional[float] = None
    flag: Optional[bool] = None
    when: Optional[datetime.datetime] = None
    tags: Optional[List[str]] = None
    meta: Optional[Dict[str, str]] = None
    child: Optional["Sample"] = None


@pytest.mark.parametrize(
    "json, where",
    [
        ({"text": {}}, "text: expected a string, got an object"),
        ({"text": 3}, "text: expected a string, got an integer"),
        ({"count": True}, "count: expected an integer, got a boolean"),
        ({"count": 1.5}, "count: expected an integer, got a number"),
        ({"count": "3"}, "count: expected an integer, got a string"),
        ({"ratio": "1.5"}, "ratio: expected a number, got a string"),
        ({"ratio": False}, "ratio: expected a number, got a boolean"),
        ({"ratio": 10**400}, "ratio: number out of range"),
        ({"flag": 1}, "flag: expected a boolean, got an integer"),
        ({"when": "yesterday"}, "when: not an ISO-8601 timestamp"),
        ({"when": 1700000000}, "when: expected an ISO-8601 timestamp string"),
        ({"tags": ["a", 2]}, "tags[1]: expected a string, got an integer"),
        ({"meta": {"k": None}}, "meta.k: expected a string, got null"),
        ({"child": {"child": {"count": "x"}}}, "child.child.count: expected an integer"),
        ({"child": []}, "child: expected an object, got an array"),
    ],
)
def test_a_wrong_json_type_is_refused_naming_the_field(json, where):
    expected = re.escape(f"Sample does not fit: {where}")
    with pytest.raises(MalformedResponse, match=expected):
        structure(json, Sample)


def test_the_right_types_pass_and_ints_stay_ints_in_number_fields():
    sample = structure(
        {"text": "a", "count": 2, "ratio": 2, "flag": False, "when": "2026-01-02T03:04:05.1Z"},
        Sample,
    )
    # A JSON integer stays an int in a float field, as in the JSON and the official client
    # (its to_dict() gives position.x == 10, not 10.0): issue 10's parity.
    assert sample.ratio == 2 and type(sample.ratio) is int and sample.count == 2
    assert structure({"text": "a", "ratio": 2.5}, Sample).ratio == 2.5
    assert sample.when == datetime.datetime(
        2026, 1, 2, 3, 4, 5, 100000, tzinfo=datetime.timezone.utc
    )


def test_a_missing_required_field_is_malformed():
    with pytest.raises(MalformedResponse, match="Board does not fit: .*id"):
        structure({"name": "no id"}, miro.Board)


def test_unknown_enum_values_and_unknown_types_are_still_accepted():
    item = structure(
        {"id": "1", "type": "sticky_note", "style": {"fillColor": "ultraviolet"}}, miro.Item
    )
    assert item.style.fill_color == "ultraviolet"
    assert type(structure({"id": "2", "type": "hologram", "data": [1]}, miro.Item)) is miro.Item


def test_extra_is_created_on_first_use_and_still_round_trips():
    plain = structure({"text": "a"}, Sample)
    assert plain._extra is None and plain.extra == {} and plain == Sample(text="a", extra={})
    plain.extra["added"] = 1
    assert unstructure(plain) == {"text": "a", "added": 1}
    kept = structure({"text": "a", "future": [1]}, Sample)
    assert kept.extra == {"future": [1]} and unstructure(kept) == {"text": "a", "future": [1]}
    assert kept != plain


@pytest.mark.contract_exempt("the fake is made to answer off-contract on purpose")
def test_a_board_whose_name_is_an_object_raises_malformed_response(fake, api):
    board = api.boards.create(name="fine")
    fake.store.boards[board.id]["name"] = {}
    with pytest.raises(MalformedResponse) as caught:
        api.boards.get(board.id)
    error = caught.value
    assert error.method == "GET" and error.path == api.boards.url(board.id)
    assert "name: expected a string, got an object" in str(error) and '"name":{}' in error.excerpt
    assert isinstance(error, miro.errors.MiroError)


@pytest.mark.contract_exempt("the fake is made to answer off-contract on purpose")
def test_one_malformed_element_is_skipped_with_a_warning_and_the_rest_arrive(fake, api):
    board = api.boards.create(name="lists")
    notes = board.items.create_many([{"type": "sticky_note", "content": str(i)} for i in range(25)])
    fake.store.items[board.id][notes[12].id]["position"] = {"x": "far"}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        listed = [n.id for n in board.items.list(limit=10)]
    assert listed == [n.id for n in notes if n is not notes[12]]
    (warning,) = [w.message for w in caught if isinstance(w.message, MalformedElementWarning)]
    assert warning.data["id"] == notes[12].id and warning.data["position"]["x"] == "far"
    assert warning.error.path == board.items.url() and "position.x" in str(warning)
    with warnings.catch_warnings():
        warnings.simplefilter("error", MalformedElementWarning)
        with pytest.raises(MalformedElementWarning):
            board.items.list(limit=10).all()


def _board_with_a_bad_timestamp(fake, api):
    board = api.boards.create(name="when?")
    fake.store.boards[board.id]["createdAt"] = 5
    return board


def _item_with_a_bad_tag(fake, api):
    board = api.boards.create(name="tagged")
    note = board.items.sticky_notes.create(content="n")
    tag = board.tags.create(title="t")
    note.tags.attach(tag)
    fake.store.tags[board.id][tag.id]["title"] = 5
    return note


MALFORMED_CALLS = {
    "fluent get": (_board_with_a_bad_timestamp, lambda api, b: api.boards.get(b.id), "GET"),
    "flat get": (_board_with_a_bad_timestamp, lambda api, b: api.get_specific_board(b.id), "GET"),
    "flat update": (
        _board_with_a_bad_timestamp,
        lambda api, b: api.update_board(b.id, {"name": "x"}),
        "PATCH",
    ),
    "an item's tags": (_item_with_a_bad_tag, lambda api, note: note.tags.list(), "GET"),
}


@pytest.mark.contract_exempt("the fake is made to answer off-contract on purpose")
@pytest.mark.parametrize("case", sorted(MALFORMED_CALLS))
def test_every_malformed_response_says_status_method_path_and_field(fake, api, case):
    setup, call, method = MALFORMED_CALLS[case]
    thing = setup(fake, api)
    fake.clear_exchanges()
    with pytest.raises(MalformedResponse) as caught:
        call(api, thing)
    error, answered = caught.value, fake.exchanges[-1]
    assert (error.status, error.method) == (200, method)
    assert error.path == answered.path and error.field in ("createdAt", "title"), vars(error)
    assert f"({method} {answered.path} -> 200)" in str(error)


@pytest.mark.contract_exempt("the fake is made to answer off-contract on purpose")
def test_a_skipped_element_of_a_listing_says_where_it_came_from(fake, api):
    board = _board_with_a_bad_timestamp(fake, api)
    with pytest.warns(MalformedElementWarning) as caught:
        assert board.id not in [b.id for b in api.boards]
    error = caught[0].message.error
    assert (error.status, error.method, error.path, error.field) == (
        200,
        "GET",
        "/v2/boards",
        "createdAt",
    )


def test_data_not_from_an_answer_names_no_request():
    api_answer_free = {"id": "b", "createdAt": 5}
    with pytest.raises(MalformedResponse) as caught:
        structure(api_answer_free, miro.Board)
    error = caught.value
    assert (error.status, error.method, error.path, error.field) == (None, "", "", "createdAt")
