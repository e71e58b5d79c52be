"""``import miro`` loads what a token client needs on first use, and the core imports
nothing that sits above it (checked in fresh interpreters)."""

import os
import pathlib
import subprocess
import sys
import textwrap

import pytest

import miro


def _run(code):
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_oauth_storage_and_login_load_on_first_use():
    _run(
        """
        import sys
        import miro
        # the add-on registry (a few lines, no imports) knows where display and snapshots load from
        assert sorted(m for m in sys.modules if m.startswith("miro.")) == [
            "miro._addons", "miro._version"]
        api = miro.MiroApi("token", base_url="http://127.0.0.1:9")
        heavy = ("requests_oauthlib", "oauthlib", "miro.oauth", "miro.storage", "miro.login",
                 "sqlite3", "redis")
        assert not [m for m in heavy if m in sys.modules], [m for m in heavy if m in sys.modules]
        assert miro.Miro.__module__ == "miro.oauth" and "oauthlib" in sys.modules
        assert miro.SQLiteStorage.__module__ == "miro.storage"
        """
    )


#: The SDK modules a token client loads: the transport, and the index of flat methods.
TOKEN_CLIENT = [
    "miro", "miro._addons", "miro._official_errors", "miro._version", "miro.api",
    "miro.compat", "miro.compat._index", "miro.compat.lazy", "miro.core", "miro.core.answered",
    "miro.core.pacing", "miro.core.redact", "miro.core.registry", "miro.core.transport",
    "miro.errors",
]  # fmt: skip

#: ... and what its first listing of a board of sticky notes adds: the board and item
#: bases and the sticky note's own module, no other item type, no tags, bulk or uploads
#: (no connectors: ``item.connect_to`` loads its keywords from the connector body on use).
FIRST_LISTING = [
    "miro.boards", "miro.core.convert", "miro.core.geometry",
    "miro.core.official", "miro.core.pagination", "miro.core.params", "miro.core.paths",
    "miro.core.progress", "miro.core.public", "miro.core.resource", "miro.core.signatures",
    "miro.items", "miro.items.base", "miro.items.collection", "miro.items.sticky_notes",
    "miro.items.styles", "miro.members", "miro.models",
]  # fmt: skip


def test_a_token_client_and_its_first_listing_load_only_what_they_need():
    _run(
        f"""
        import sys
        import requests
        from miro.testing import FakeMiro  # imports nothing from the SDK

        def loaded():
            return sorted(m for m in sys.modules
                          if m.startswith("miro") and not m.startswith("miro.testing"))

        with FakeMiro() as fake:
            raw = requests.Session()
            raw.headers["Authorization"] = f"Bearer {{fake.token}}"
            board = raw.post(f"{{fake.url}}/v2/boards", json={{"name": "b"}}).json()["id"]
            notes = f"{{fake.url}}/v2/boards/{{board}}/sticky_notes"
            for text in ("one", "two"):
                raw.post(notes, json={{"data": {{"content": text}}}}).raise_for_status()

            import miro
            api = miro.MiroApi(fake.token, base_url=fake.url)
            assert loaded() == {TOKEN_CLIENT!r}, loaded()
            # a token client defines no model class yet: attrs loads with the first model
            assert "attrs" not in sys.modules and "cattrs" not in sys.modules

            items = api.boards.get(board, lazy=True).items
            assert [item.data.content for item in items] == ["one", "two"]
            assert loaded() == sorted({TOKEN_CLIENT!r} + {FIRST_LISTING!r}), loaded()
            assert "cattrs" not in sys.modules and "concurrent.futures" not in sys.modules
            assert miro.items.ITEM_TYPES.loaded() == ["sticky_note"]
            # the connector keywords of connect_to load with the method, and are the real ones
            import inspect
            note = next(iter(items))
            assert "miro.connectors" not in sys.modules
            assert "end_snap_to" in inspect.signature(note.connect_to).parameters
            assert "miro.connectors" in sys.modules

            # an item of another type loads that type's module when it first arrives
            cards = f"{{fake.url}}/v2/boards/{{board}}/cards"
            raw.post(cards, json={{"data": {{"title": "c"}}}}).raise_for_status()
            assert [type(item).__name__ for item in items] == ["StickyNote"] * 2 + ["Card"]
            assert miro.items.ITEM_TYPES.loaded() == ["card", "sticky_note"]
            assert "miro.items.cards" in sys.modules and "miro.items.frames" not in sys.modules
            assert items.frames.list().take(1) == []  # a typed collection loads its type
            assert miro.items.ITEM_TYPES.loaded() == ["card", "frame", "sticky_note"]
        """
    )


def test_a_token_client_loads_each_domain_on_first_use():
    _run(
        """
        import inspect, sys
        import miro

        def loaded(prefix):
            return sorted(m for m in sys.modules if m.startswith(prefix))

        api = miro.MiroApi("token", base_url="http://127.0.0.1:9")
        assert loaded("miro.compat.") == ["miro.compat._index", "miro.compat.lazy"]
        domains = ("miro.boards", "miro.items", "miro.enterprise", "miro.scim", "cattrs")
        assert not [m for m in domains if m in sys.modules], loaded("miro")

        api.get_boards  # one family: the board methods and the fluent boards behind them
        assert loaded("miro.compat.boards") == ["miro.compat.boards"]
        assert "miro.boards" in sys.modules and "miro.compat.items" not in sys.modules
        assert not [m for m in domains[2:4] if m in sys.modules], loaded("miro")
        assert "get_boards" in vars(type(api).__mro__[1])  # the real method is in place now
        assert api.boards is api.boards  # the fluent root is made once

        # asking for any name loads its family: signatures, docs and helpers are the real ones
        assert list(inspect.signature(miro.MiroApi.enterprise_get_team).parameters)[:3] == [
            "self", "org_id", "team_id"]
        assert "miro.enterprise.teams" in sys.modules and "miro.scim" not in sys.modules
        assert api.enterprise_get_team.__doc__ and callable(api._org)
        assert "create_sticky_note_item" in dir(api)
        """
    )


def test_the_core_imports_nothing_above_it():
    _run(
        """
        import sys
        from miro.core import convert, pagination, params, paths, registry, resource, signatures
        from miro.core import transport
        above = [m for m in sys.modules if m.startswith("miro.")
                 and not m.startswith("miro.core")
                 and m not in ("miro.errors", "miro._official_errors", "miro._version",
                               "miro._addons")]
        assert above == [], above
        assert registry.operations() == []  # nothing registered until miro.api is imported
        import miro.api
        assert len(registry.operations()) > 100
        """
    )


def test_every_public_name_resolves_and_is_listed():
    for name in miro.__all__:
        assert getattr(miro, name) is not None
    assert set(miro.__all__) == set(miro._EXPORTS) | {"__version__", "errors"}
    assert "MiroApi" in dir(miro) and miro.items.StickyNoteSpec.item_type == "sticky_note"


INDEX = pathlib.Path(miro.__file__).parent / "compat" / "_index.py"
INDEX_HEADER = "\n".join(
    [
        '"""Which attributes each family of flat methods gives ``MiroApi``: ``"module.Class"``',
        "in :mod:`miro.compat` -> names, read by :mod:`miro.compat.lazy` so that a family loads",
        "on first use. Generated: after adding or renaming a flat method, run",
        "``MIRO_WRITE_FLAT_INDEX=1 python -m pytest tests/test_imports.py``.",
        '"""',
        "",
        "from typing import Dict, Tuple",
        "",
        "FAMILIES: Dict[str, Tuple[str, ...]] = {",
        "",
    ]
)


def _family(klass):
    return f"{klass.__module__.rsplit('.', 1)[1]}.{klass.__name__}"


def _families():
    """``"module.Class"`` -> the names it defines for ``MiroApi``, from the real mixins.

    Families in the order of the mixins' MROs, names sorted: nothing depends on the order
    of a set, so the file is the same under every ``PYTHONHASHSEED``."""
    from miro.api import MiroApi
    from miro.compat.flat import FlatMethods

    own = set(vars(MiroApi))
    order = [_family(k) for mixin in FlatMethods.__bases__ for k in mixin.__mro__[:-1]]
    families, home = {}, {}
    for mixin in FlatMethods.__bases__:
        for name in sorted({n for klass in mixin.__mro__[:-1] for n in vars(klass)}):
            if name.startswith("__") or name in own:
                continue
            family = _family(next(k for k in mixin.__mro__ if name in vars(k)))
            assert home.setdefault(name, family) == family, (name, family, home[name])
            families.setdefault(family, set()).add(name)
    ranked = sorted(families, key=order.index)
    return {family: sorted(families[family]) for family in ranked}


def _render(families):
    lines = [INDEX_HEADER]
    for family, names in families.items():
        if len(names) == 1:
            lines.append(f'    "{family}": ("{names[0]}",),\n')
            continue
        lines.append(f'    "{family}": (\n')
        lines.extend(f'        "{name}",\n' for name in names)
        lines.append("    ),\n")
    lines.append("}\n")
    return "".join(lines)


#: Hash seeds the generators are run under (28 and 104 broke the index before #18).
HASH_SEEDS = ("0", "28", "104")


def rendered_under(seed, module, expression):
    """``expression`` (a str) evaluated in a fresh interpreter with ``PYTHONHASHSEED=seed``,
    after importing the test module ``module`` (this directory on the path)."""
    code = (
        f"import sys; sys.path.insert(0, {str(pathlib.Path(__file__).parent)!r}); "
        f"import {module} as m; sys.stdout.write({expression})"
    )
    env = dict(os.environ, PYTHONHASHSEED=seed)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.generated
def test_the_flat_index_generator_gives_the_same_file_under_any_hash_seed():
    texts = {
        seed: rendered_under(seed, "test_imports", "m._render(m._families())")
        for seed in HASH_SEEDS
    }
    assert len(set(texts.values())) == 1, sorted(texts)
    assert texts["0"] == INDEX.read_text()


@pytest.mark.generated
def test_the_flat_index_lists_every_family_and_name():
    text = _render(_families())
    if os.environ.get("MIRO_WRITE_FLAT_INDEX"):
        INDEX.write_text(text)
    assert INDEX.read_text() == text, (
        "miro/compat/_index.py is stale: run MIRO_WRITE_FLAT_INDEX=1 python -m pytest "
        "tests/test_imports.py"
    )


def test_threads_loading_a_family_at_once_all_get_the_real_methods():
    _run(
        """
        import threading
        import miro
        from miro.testing import FakeMiro

        with FakeMiro() as fake:
            api = miro.MiroApi(fake.token, base_url=fake.url)
            api.create_board({"name": "one"})  # loads the boards family; items not yet
            barrier, results, errors = threading.Barrier(8), [], []

            def first_call():
                barrier.wait()
                try:
                    board = api.get_boards().data[0]
                    results.append(api.get_items(board.id).total)
                except Exception as exc:  # noqa: BLE001 - reported below
                    errors.append(exc)

            threads = [threading.Thread(target=first_call) for _ in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert errors == [] and results == [0] * 8, (errors, results)
        """
    )
