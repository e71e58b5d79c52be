"""``import miro`` loads what a token client needs on first use, and the core imports
nothing that sits above it (checked in fresh interpreters)."""

import subprocess
import sys
import textwrap

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
        assert [m for m in sys.modules if m.startswith("miro.")] == ["miro._version"]
        api = miro.MiroApi("token", base_url="http://127.0.0.1:9")
        heavy = ("requests_oauthlib", "oauthlib", "miro.oauth", "miro.storage", "miro.login",
                 "sqlite3", "redis")
        assert not [m for m in heavy if m in sys.modules], [m for m in heavy if m in sys.modules]
        assert miro.Miro.__module__ == "miro.oauth" and "oauthlib" in sys.modules
        assert miro.SQLiteStorage.__module__ == "miro.storage"
        """
    )


def test_the_core_imports_nothing_above_it():
    _run(
        """
        import sys
        from miro.core import convert, pagination, params, paths, registry, resource, transport
        above = [m for m in sys.modules if m.startswith("miro.")
                 and not m.startswith("miro.core")
                 and m not in ("miro.errors", "miro._official_errors", "miro._version")]
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
