"""The official ``miro_api`` README's snippets run verbatim on this distribution.

``MIRO_BASE_URL``/``MIRO_AUTHORIZE_URL`` point the unchanged code at a FakeMiro, as a
user would to test their own app offline."""

import textwrap
from urllib.parse import parse_qs, urlsplit

import pytest

import miro
from miro.testing import FakeMiro


@pytest.fixture
def fake_with_readme_token():
    with FakeMiro(token="<access_token>") as fake:
        yield fake


def run(snippet, **names):
    """Execute a README snippet exactly as written (dedented)."""
    scope = dict(names)
    exec(compile(textwrap.dedent(snippet), "<README>", "exec"), scope)
    return scope


def test_quickstart_from_the_environment(monkeypatch, capsys):
    monkeypatch.setenv("MIRO_CLIENT_ID", "3458764517517819000")
    monkeypatch.setenv("MIRO_CLIENT_SECRET", "secret")
    monkeypatch.setenv("MIRO_REDIRECT_URL", "https://example.com/miro/redirect/url")
    run(
        """
        import miro_api

        miro = miro_api.Miro()

        print(miro.auth_url)
        """
    )
    printed = capsys.readouterr().out.strip()
    assert printed.startswith("https://miro.com/oauth/authorize?")
    assert parse_qs(urlsplit(printed).query)["client_id"] == ["3458764517517819000"]


def test_quickstart_with_custom_configuration(capsys):
    run(
        """
        import miro_api

        miro = miro_api.Miro(
          client_id='<your_app_client_id>>',
          client_secret='<your_app_client_secret>',
          redirect_url='https://example.com/miro/redirect/url',
        )

        print(miro.auth_url)
        """
    )
    query = parse_qs(urlsplit(capsys.readouterr().out.strip()).query)
    assert query == {
        "client_id": ["<your_app_client_id>>"],
        "redirect_uri": ["https://example.com/miro/redirect/url"],
        "response_type": ["code"],
    }


def test_low_level_client(fake_with_readme_token, monkeypatch, capsys):
    monkeypatch.setenv("MIRO_BASE_URL", fake_with_readme_token.url)
    run(
        """
        import miro_api

        api = miro_api.MiroApi('<access_token>')

        print(api.get_boards())
        """
    )
    assert "Page" in capsys.readouterr().out
    assert [e.path for e in fake_with_readme_token.exchanges] == ["/v2/boards"]


def test_storage_subclass_example_through_the_whole_flow(fake, monkeypatch):
    monkeypatch.setenv("MIRO_CLIENT_ID", fake.client_id)
    monkeypatch.setenv("MIRO_CLIENT_SECRET", fake.client_secret)
    monkeypatch.setenv("MIRO_REDIRECT_URL", "https://example.com/miro/redirect/url")
    monkeypatch.setenv("MIRO_BASE_URL", fake.url)
    monkeypatch.setenv("MIRO_AUTHORIZE_URL", fake.authorize_url)
    scope = run(
        """
        from abc import ABC, abstractmethod
        from typing import Optional

        import miro_api
        from miro_api.storage import State, Storage


        class CustomMiroStorage(Storage):
            rows = {}

            def set(self, state: Optional[State]) -> None:
                self.rows["me"] = state

            def get(self) -> Optional[State]:
                return self.rows.get("me")


        miro = miro_api.Miro(
          storage=CustomMiroStorage(),
        )
        """
    )
    miro = scope["miro"]
    assert miro.is_authorized is False
    miro.exchange_code_for_access_token(fake.authorize(miro.auth_url))
    assert miro.is_authorized
    assert scope["CustomMiroStorage"].rows["me"].access_token == miro.access_token
    boards = list(miro.api.get_all_boards())
    assert boards == []


def test_the_official_module_layout_imports():
    from miro_api import Miro, MiroApi
    from miro_api.miro_api_wrapper import InMemoryStorage, State
    from miro_api.storage import Storage

    assert issubclass(InMemoryStorage, Storage)
    assert State("a", None, None).refresh_token is None
    assert issubclass(Miro, miro.Miro) and MiroApi is miro.MiroApi
