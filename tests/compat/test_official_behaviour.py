"""What programs written for the official ``miro_api`` rely on, against FakeMiro: assigned
fields sent, alias keywords, official defaults, pydantic's errors, ``api_client``
settings, only the caller's query parameters, the official ``State`` and result shapes."""

from __future__ import annotations

import dataclasses
import datetime
import json
import sys
import uuid
from typing import Any
from urllib.parse import parse_qs

import pytest

import miro
from miro.compat import official_checks


def _query(exchange: Any) -> dict:
    return {k: v[0] for k, v in parse_qs(exchange.query).items()}


def test_assigned_fields_are_sent_nested_too(api: Any, fake: Any) -> None:
    from miro_api.models import BoardChanges, StickyNoteCreateRequest, StickyNoteData

    board = api.create_board(BoardChanges(name="Before"))
    changes = BoardChanges()
    changes.name = "After"
    changes.description = "stamped"
    assert api.update_board(board.id, changes).name == "After"
    assert json.loads(fake.exchanges[-1].request_body) == {
        "name": "After",
        "description": "stamped",
    }

    body = StickyNoteCreateRequest(style={"fillColor": "blue"})
    body.data = StickyNoteData(content="hello")
    body.style.fill_color = "yellow"
    note = api.create_sticky_note_item(board.id, body)
    assert (note.data.content, note.style.fill_color) == ("hello", "yellow")


def test_what_a_model_cannot_hold_raises_before_anything_is_sent(api: Any, fake: Any) -> None:
    import pydantic

    from miro_api.models import BoardChanges, StickyNoteStyle

    changes = BoardChanges()
    sent = len(fake.exchanges)
    with pytest.raises(ValueError, match="titel"):
        changes.titel = "typo"
    with pytest.raises(pydantic.ValidationError) as caught:
        changes.name = 42
    assert caught.value.errors()[0]["type"] == "string_type"
    with pytest.raises(pydantic.ValidationError, match="must be one of enum values"):
        StickyNoteStyle(fill_color="mauve")
    with pytest.raises(pydantic.ValidationError, match="at most 60"):
        BoardChanges(name="x" * 61)
    assert len(fake.exchanges) == sent and changes.to_dict() == {"name": "Untitled"}


def test_constructors_take_json_and_python_names_and_ignore_unknown_ones() -> None:
    from miro_api.models import ConnectorStyle, Position, StickyNoteStyle

    assert StickyNoteStyle(fillColor="yellow") == StickyNoteStyle(fill_color="yellow")
    assert StickyNoteStyle(fillColor="yellow").to_dict() == {"fillColor": "yellow"}
    assert ConnectorStyle(lineColor="#ff0000", strokeColor="#00ff00").to_dict() == {
        "strokeColor": "#00ff00"
    }
    assert Position(x=1, y=2).to_dict() == {"origin": "center", "x": 1, "y": 2}


def test_the_pydantic_surface() -> None:
    from miro_api.models import Position, StickyNoteCreateRequest

    body = StickyNoteCreateRequest.model_validate(
        {"data": {"content": "c"}, "position": {"x": 1, "y": 2}}
    )
    assert body.model_fields_set == {"data", "position"}
    assert body.model_dump(by_alias=True, exclude_none=True)["data"] == {
        "content": "c",
        "shape": "square",
        "additional_properties": {},
    }
    same = StickyNoteCreateRequest.model_validate_json(body.to_json())
    assert same == body and same is not body
    moved = body.model_copy(update={"position": None})
    assert moved.position is None and body.position.x == 1
    assert set(Position.model_fields) == {
        "origin",
        "relative_to",
        "x",
        "y",
        "additional_properties",
    }
    assert Position.model_fields["relative_to"].alias == "relativeTo"
    assert Position.from_dict({"x": 1, "extra": True}).additional_properties == {"extra": True}
    assert "'origin': 'center'" in Position().to_str()
    assert Position.from_dict(None) is None


def test_without_pydantic_the_error_is_a_value_error_with_the_same_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pydantic

    from miro_api.models import Position

    with pytest.raises(pydantic.ValidationError) as real:
        Position(x="left")
    monkeypatch.setitem(sys.modules, "pydantic_core", None)  # import fails: no pydantic
    with pytest.raises(ValueError) as ours:
        Position(x="left")
    assert isinstance(ours.value, official_checks.ValidationError)
    drop_url = [{k: v for k, v in e.items() if k != "url"} for e in real.value.errors()]
    assert ours.value.errors() == drop_url
    assert ours.value.error_count() == 2 and "for Position" in str(ours.value)


def test_api_client_configuration_points_the_client_elsewhere(
    fake: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MIRO_BASE_URL", raising=False)
    import miro_api

    api = miro_api.MiroApi(fake.token)
    assert api.api_client.configuration.host == "https://api.miro.com"
    api.api_client.configuration.host = fake.url
    api.api_client.user_agent = "my-app/1.0"
    api.api_client.set_default_header("X-Trace", "t-1")
    assert api.get_boards().total == 0
    sent = fake.exchanges[-1].request_headers
    assert (sent["User-Agent"], sent["X-Trace"]) == ("my-app/1.0", "t-1")
    assert "Authorization" not in api.api_client.default_headers
    api.api_client.access_token = "not-a-token"
    with pytest.raises(miro_api.exceptions.UnauthorizedException):
        api.get_boards()
    api.api_client.access_token = fake.token
    api.api_client.configuration.retries = 0
    fake.fail_next(429, retry_after=0)
    with pytest.raises(miro_api.exceptions.ApiException) as caught:
        api.get_boards()
    assert caught.value.status == 429
    api.api_client.configuration.verify_ssl = False
    assert api._transport.session.verify is False
    api.api_client.configuration.proxy = "http://proxy.example:3128"
    assert api._transport.session.proxies["https"] == "http://proxy.example:3128"
    with pytest.raises(ValueError, match="configuration.host"):
        api.api_client.configuration.host = "ftp://nowhere"


def test_single_pages_send_only_what_the_caller_passed(api: Any, fake: Any) -> None:
    board = api.create_board()
    for i in range(12):
        api.create_sticky_note_item(board.id, {"data": {"content": str(i)}})
    page = api.get_items(board.id)
    assert "limit" not in _query(fake.exchanges[-1])
    assert (len(page.data), page.limit, page.total) == (10, 10, 12) and page.cursor
    page = api.get_items(board.id, limit="11")
    assert _query(fake.exchanges[-1])["limit"] == "11" and len(page.data) == 11
    api.get_boards()
    assert "limit" not in _query(fake.exchanges[-1]) and "offset" not in _query(fake.exchanges[-1])
    api.get_tags_from_board(board.id)
    assert "limit" not in _query(fake.exchanges[-1])
    assert len(list(api.get_all_items(board.id))) == 12  # every page, whatever the size


def test_the_storage_state_is_the_official_dataclass(
    fake: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in {
        "MIRO_CLIENT_ID": fake.client_id,
        "MIRO_CLIENT_SECRET": fake.client_secret,
        "MIRO_REDIRECT_URL": "https://example.com/redirect",
        "MIRO_BASE_URL": fake.url,
        "MIRO_AUTHORIZE_URL": fake.authorize_url,
    }.items():
        monkeypatch.setenv(name, value)
    import miro_api
    from miro_api.storage import InMemoryStorage, State

    assert [f.name for f in dataclasses.fields(State)] == [
        "access_token",
        "refresh_token",
        "token_expires_at",
    ]
    storage = InMemoryStorage()
    client = miro_api.Miro(storage=storage)
    client.exchange_code_for_access_token(fake.authorize(client.auth_url))
    state = storage.get()
    assert type(state) is State and state.token_expires_at.tzinfo is None
    assert state.token_expires_at > datetime.datetime.now()  # naive local, as the official
    assert len(dataclasses.astuple(state)) == 3 and "<hidden>" in repr(state)
    assert client.api.get_boards().total == 0  # read back from the official shape
    assert miro.State("a", None, None).scopes == ()  # miro.State keeps its extras


def test_a_board_export_starts_with_the_official_job_id_model(api: Any, fake: Any) -> None:
    from miro_api.models import BoardExportJobId

    board = api.create_board()
    created = api.enterprise_create_board_export(
        fake.org_id, str(uuid.uuid4()), {"boardIds": [board.id]}
    )
    assert type(created) is BoardExportJobId and created.to_dict() == {"jobId": created.job_id}


def test_a_lasting_429_is_the_official_api_exception(api: Any, fake: Any) -> None:
    from miro_api.exceptions import ApiException

    api._transport.max_retries = 1
    fake.fail_next(429, times=2, retry_after=0)
    with pytest.raises(ApiException) as caught:
        api.get_boards()
    error = caught.value
    assert (error.status, error.reason) == (429, "Too Many Requests")
    assert error.headers["Retry-After"] == "0" and json.loads(error.body)["status"] == 429


def test_assignment_on_envelopes_takes_effect(api: Any) -> None:
    board = api.create_board()
    note = api.create_sticky_note_item(board.id, {"data": {"content": "n"}})
    tag = api.create_tag(board.id, {"title": "t"})
    api.attach_tag_to_item(board.id, note.id, tag.id)
    envelope = api.get_tags_from_item(board.id, note.id)
    envelope.tags = envelope.tags[:0]
    envelope.next_cursor = "c"
    assert envelope.to_dict() == {"tags": [], "nextCursor": "c"}
    page = api.get_boards()
    page.links.var_self = "elsewhere"
    assert page.links.var_self == "elsewhere"


def test_models_copy_and_pickle_with_what_was_set() -> None:
    import copy
    import pickle

    from miro_api.models import ItemDataCreate, StickyNoteCreateRequest, TextData

    body = StickyNoteCreateRequest(data={"content": "x"}, style={"fillColor": "yellow"})
    again = pickle.loads(pickle.dumps(body))
    assert again == body and again.model_fields_set == {"data", "style"}
    deep = copy.deepcopy(body)
    deep.style.fill_color = "blue"
    assert body.style.fill_color == "yellow"
    wrapped = pickle.loads(pickle.dumps(ItemDataCreate(TextData(content="t"))))
    assert wrapped.to_dict() == {"content": "t"}


def test_a_model_module_loads_alone() -> None:
    """The 403 model modules are thin: importing one loads it and the models it names."""
    import subprocess

    code = (
        "import sys\n"
        "from miro_api.models.sticky_note_create_request import StickyNoteCreateRequest\n"
        "StickyNoteCreateRequest(data={'content': 'x'})\n"
        "print(sorted(m for m in sys.modules if m.startswith('miro_api.models.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["['miro_api.models.sticky_note_create_request']"]


def test_a_host_set_on_the_default_configuration_is_used(
    fake: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MIRO_BASE_URL", raising=False)
    import miro_api
    from miro_api.configuration import Configuration

    monkeypatch.setattr(Configuration, "_default", None)
    Configuration.get_default().host = fake.url
    api = miro_api.MiroApi(fake.token)
    assert api.get_boards().total == 0 and api.api_client.configuration.host == fake.url
