"""Bad input raises before any request, naming the argument; ids never change the path."""

import datetime

import pytest

import miro
from miro.errors import InvalidArgument, InvalidArgumentType


@pytest.fixture
def board(api, fake):
    board = api.boards.create(name="V")
    fake.clear_exchanges()
    return board


BAD_CALLS = [
    # (description, call, exception, message fragment)
    (
        "unknown keyword",
        lambda b: b.items.sticky_notes.create(contnet="x"),
        InvalidArgumentType,
        "unexpected keyword argument 'contnet'; did you mean 'content'",
    ),
    (
        "wrong type",
        lambda b: b.items.sticky_notes.create(content=5),
        InvalidArgumentType,
        "content must be a string, got int",
    ),
    (
        "wrong number type",
        lambda b: b.items.shapes.create(x="10"),
        InvalidArgumentType,
        "x must be a number",
    ),
    (
        "bool is not a number",
        lambda b: b.items.shapes.create(width=True),
        InvalidArgumentType,
        "width must be a number",
    ),
    (
        "invalid enum",
        lambda b: b.items.sticky_notes.create(fill_color="plaid"),
        InvalidArgument,
        "fill_color must be one of 'gray', 'light_yellow'",
    ),
    (
        "invalid shape",
        lambda b: b.items.shapes.create(shape="blob"),
        InvalidArgument,
        "shape must be one of",
    ),
    (
        "out of range",
        lambda b: b.items.shapes.create(border_width=30),
        InvalidArgument,
        "border_width must be at most 24",
    ),
    (
        "not a hex colour",
        lambda b: b.items.shapes.create(fill_color="red"),
        InvalidArgument,
        "fill_color must be a hex colour",
    ),
    (
        "naive datetime",
        lambda b: b.items.cards.create(due_date=datetime.datetime(2027, 1, 1)),
        InvalidArgument,
        "due_date must be timezone-aware",
    ),
    ("empty id", lambda b: b.items.get(""), InvalidArgument, "item_id must be a non-empty id"),
    (
        "missing id",
        lambda b: b.items.sticky_notes.get(None),
        InvalidArgumentType,
        "item_id must be an id string",
    ),
    (
        "parent not an id",
        lambda b: b.items.texts.create(content="t", parent=3.5),
        InvalidArgumentType,
        "parent must be an id string",
    ),
    (
        "bad list type filter",
        lambda b: b.items.list(type="sticky"),
        InvalidArgument,
        "type must be one of",
    ),
    (
        "name too long",
        lambda b: b.update(name="x" * 61),
        InvalidArgument,
        "name must have at most 60 characters",
    ),
    (
        "bad policy",
        lambda b: b.update(policy={"sharingPolicy": {"access": "everyone"}}),
        InvalidArgument,
        "access must be one of",
    ),
    (
        "unknown policy field",
        lambda b: b.update(policy={"sharingPolicy": {"acess": "view"}}),
        InvalidArgumentType,
        "unknown field 'acess'",
    ),
    (
        "too many emails",
        lambda b: b.members.share([f"u{i}@e.com" for i in range(21)]),
        InvalidArgument,
        "emails must have at most 20",
    ),
    (
        "bad role",
        lambda b: b.members.share("a@e.com", role="admin"),
        InvalidArgument,
        "role must be one of",
    ),
    (
        "bad app card field",
        lambda b: b.items.app_cards.create(fields=[{"icon_shape": "star"}]),
        InvalidArgument,
        "icon_shape must be one of 'round', 'square'",
    ),
    (
        "flat body unknown field",
        lambda b: b_api(b).create_sticky_note_item(b.id, {"data": {"colour": "x"}}),
        InvalidArgumentType,
        "sticky_note_create_request['data']['colour']: unknown field 'colour'",
    ),
    (
        "flat body bad enum",
        lambda b: b_api(b).create_sticky_note_item(b.id, {"style": {"fillColor": "plaid"}}),
        InvalidArgument,
        "fill_color must be one of",
    ),
    (
        "flat missing argument",
        lambda b: b_api(b).create_sticky_note_item(b.id),
        InvalidArgumentType,
        "create_sticky_note_item(): missing a required argument",
    ),
    (
        "flat bad limit",
        lambda b: b_api(b).get_items(b.id, limit="ten"),
        InvalidArgument,
        "limit must be a whole number",
    ),
]


def b_api(board):
    transport = board.items.transport
    return miro.MiroApi(transport.token(), base_url=transport.base_url)


@pytest.mark.parametrize("what, call, error, message", BAD_CALLS, ids=[c[0] for c in BAD_CALLS])
def test_bad_input_raises_before_any_request(fake, board, what, call, error, message):
    with pytest.raises(error) as raised:
        call(board)
    assert message in str(raised.value)
    assert fake.exchanges == []


def test_errors_are_value_and_type_errors():
    assert issubclass(InvalidArgument, ValueError) and issubclass(InvalidArgumentType, TypeError)
    assert issubclass(InvalidArgument, miro.errors.MiroError)


@pytest.mark.parametrize("evil", ["a/b", "a?b=c", "..", "../../v2/boards", "x#y", "%2F", "a b"])
def test_ids_are_encoded_and_never_change_the_path(fake, api, board, evil):
    with pytest.raises(miro.errors.NotFound):
        board.items.get(evil)
    with pytest.raises(miro.errors.NotFound):
        api.boards.get(evil)
    item_request, board_request = fake.exchanges
    prefix = f"/v2/boards/{board.id.replace('=', '%3D')}/items/"
    assert item_request.path.startswith(prefix)
    segment = item_request.path[len(prefix) :]
    assert "/" not in segment and "?" not in segment and "#" not in segment and ".." not in segment
    assert item_request.query == ""
    assert board_request.path.count("/") == 3 and board_request.query == ""


def test_board_ids_with_equals_are_percent_encoded(fake, api, board):
    assert "=" in board.id
    api.boards.get(board.id)
    assert fake.exchanges[-1].path == "/v2/boards/" + board.id.replace("=", "%3D")


def test_lazy_handles_validate_their_id(fake, api):
    with pytest.raises(InvalidArgument):
        api.boards.get("  ", lazy=True)
    with pytest.raises(InvalidArgumentType):
        api.boards.get(None, lazy=True)
    assert fake.exchanges == []
