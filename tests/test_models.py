"""The converter: names, datetimes, unknown fields and unknown item types survive."""

import datetime

import miro
from miro.core.convert import camel, parse_datetime, snake, structure, unstructure

STICKY_JSON = {
    "id": "3458764517517819000",
    "type": "sticky_note",
    "data": {"content": "Hi", "shape": "square", "newDataField": 1},
    "style": {"fillColor": "yellow", "textAlign": "center", "textAlignVertical": "top"},
    "position": {"x": 1.5, "y": -2.0, "origin": "center", "relativeTo": "canvas_center"},
    "geometry": {"width": 199.0, "height": 228.0},
    "createdAt": "2026-11-24T10:00:00Z",
    "createdBy": {"id": "3074457362577955221", "type": "user"},
    "modifiedAt": "2026-11-24T10:00:01.123Z",
    "modifiedBy": {"id": "3074457362577955221", "type": "user"},
    "links": {"self": "https://api.miro.com/v2/boards/x/items/3458764517517819000"},
    "someFutureField": {"a": [1, 2]},
}


def test_typed_item_from_json_and_back_loses_nothing():
    note = structure(STICKY_JSON, miro.Item)
    assert type(note) is miro.StickyNote
    assert note.style.fill_color == "yellow" and note.position.relative_to == "canvas_center"
    assert note.created_at == datetime.datetime(2026, 11, 24, 10, tzinfo=datetime.timezone.utc)
    assert note.modified_at.microsecond == 123000
    assert note.links.self_url.endswith("3458764517517819000")
    assert note.extra == {"someFutureField": {"a": [1, 2]}}
    assert note.data.extra == {"newDataField": 1}
    assert unstructure(note) == STICKY_JSON


def test_an_unknown_item_type_arrives_as_a_plain_item():
    data = {
        "id": "1",
        "type": "kanban",
        "data": {"columns": 3},
        "style": {"x": 1},
        "position": {"x": 0, "y": 0},
    }
    item = structure(data, miro.Item)
    assert type(item) is miro.Item and item.type == "kanban"
    assert item.data == {"columns": 3} and item.position.x == 0
    assert unstructure(item) == data


def test_item_ids_stay_strings_and_reprs_are_short():
    note = structure(STICKY_JSON, miro.Item)
    assert note.id == "3458764517517819000"
    assert repr(note) == "StickyNote(id='3458764517517819000', content='Hi')"
    assert repr(miro.Board(id="uXjV=", name="Retro")) == "Board(id='uXjV=', name='Retro')"


def test_names_and_datetimes():
    assert (
        camel("text_align_vertical") == "textAlignVertical"
        and snake("textAlignVertical") == "text_align_vertical"
    )
    assert snake("create-sticky-note-item") == "create_sticky_note_item"
    assert parse_datetime("2026-01-02T03:04:05.1234567Z").tzinfo is not None
    assert parse_datetime("2026-01-02T03:04:05+02:00").utcoffset() == datetime.timedelta(hours=2)


def test_repeated_timestamps_and_floats_are_shared_and_zero_keeps_its_sign():
    # Equal immutable values become one object (memory held per listed item, #24).
    def note(n, x, y):
        return dict(STICKY_JSON, id=str(n), position=dict(STICKY_JSON["position"], x=x, y=y))

    first, second = (structure(note(n, 20.5 + n, y), miro.Item) for n, y in ((1, 0.0), (2, -0.0)))
    assert first.created_at == second.created_at and first.created_at is second.created_at
    assert first.geometry.height is second.geometry.height == 228.0
    assert (first.position.x, second.position.x) == (21.5, 22.5)
    assert str(first.position.y) == "0.0" and str(second.position.y) == "-0.0"
    assert (
        unstructure(second)["position"]["y"] == -0.0
        and str(unstructure(second)["position"]["y"]) == "-0.0"
    )
    bad = dict(STICKY_JSON, createdAt={"not": "a time"})
    try:
        structure(bad, miro.Item)
    except miro.errors.MalformedResponse as error:
        assert "createdAt" in str(error)
    else:
        raise AssertionError("a timestamp that is an object was accepted")


def _models():
    """Every model class of the SDK (every family loaded, so every module is imported)."""
    import typing

    from miro.compat import lazy
    from miro.core.resource import Model

    lazy.load_all(type("Host", (), {}))
    found, todo = [], [Model]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    ours = {cls for cls in found if cls.__module__.startswith("miro.")}  # not tests' models
    return sorted(ours, key=lambda c: f"{c.__module__}.{c.__qualname__}"), typing


def test_every_free_form_map_of_the_models_keeps_any_json_value():
    """A dict field stands for an object the spec leaves open (typed objects are models):
    its values must be ``Any``, so a field Miro adds, of any JSON type, is kept."""
    import attrs

    models, typing = _models()
    narrow = []
    for model in models:
        hints = typing.get_type_hints(model)
        for field in attrs.fields(model):
            todo = [hints.get(field.name)]
            while todo:
                kind = todo.pop()
                args = typing.get_args(kind)
                if typing.get_origin(kind) is dict and args[1] is not typing.Any:
                    narrow.append(f"{model.__module__}.{model.__qualname__}.{field.name}")
                todo.extend(args)
    assert len(models) > 100 and not narrow, narrow
