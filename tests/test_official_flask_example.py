"""The official ``miro_api`` Flask example runs unchanged on this distribution, against
FakeMiro, through the whole OAuth round trip: tokens kept in Flask's cookie session (the
``State`` goes through Flask's JSON and comes back as a plain dict), ``miro.auth_url``,
``exchange_code_for_access_token(code)``, ``get_all_boards()``.

The example is not shipped in the official wheel, so it is reproduced verbatim below from
https://github.com/miroapp/api-clients/blob/main/packages/miro-api-python/example/app.py
(Copyright (c) 2022 Miro, MIT License; the licence text is at the end of this module).
"""

import dataclasses
import datetime
import html
import importlib.util
import json
import re
import sys

import pytest
import requests

from miro import Miro, State
from miro.storage import Storage

flask = pytest.importorskip("flask")
pytest.importorskip("dotenv")

OFFICIAL_EXAMPLE = """\
from flask import Flask, session, request
from miro_api import Miro
from miro_api.storage import Storage

from dotenv import load_dotenv

load_dotenv()

app = Flask(__name__)

app.secret_key = b'very_random_secret'

class SessionStorage(Storage):
    session_key = 'miro_state'

    def get(self):
        return session[self.session_key]

    def set(self, state):
        if not state:
            session.pop(self.session_key, None)
            return
        session[self.session_key] = state

miro = Miro(storage=SessionStorage())

def render_boards():
    boards = miro.api.get_all_boards()
    names = '<br/>'.join([board.name for board in boards])
    return f"<p>List of boards in the team: {names}</p>"


@app.route("/")
def hello_world():
    if miro.is_authorized:
        return render_boards()

    if code := request.args.get('code', ''):
        miro.exchange_code_for_access_token(code)
        return render_boards()

    return f"<a href='{miro.auth_url}'>Login to Miro</a>"
"""

REDIRECT = "http://localhost:5000/"


@pytest.fixture
def example(fake, tmp_path, monkeypatch):
    """The official app.py, imported from a file as ``flask --app app run`` would."""
    monkeypatch.setenv("MIRO_CLIENT_ID", fake.client_id)
    monkeypatch.setenv("MIRO_CLIENT_SECRET", fake.client_secret)
    monkeypatch.setenv("MIRO_REDIRECT_URL", REDIRECT)
    monkeypatch.setenv("MIRO_BASE_URL", fake.url)
    monkeypatch.setenv("MIRO_AUTHORIZE_URL", fake.authorize_url)
    monkeypatch.chdir(tmp_path)  # load_dotenv() finds no .env here
    path = tmp_path / "app.py"
    path.write_text(OFFICIAL_EXAMPLE)
    spec = importlib.util.spec_from_file_location("official_flask_app", path)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "official_flask_app", module)
    spec.loader.exec_module(module)
    yield module
    module.miro.close()


def seed_boards(fake, *names):
    for name in names:
        requests.post(
            f"{fake.url}/v2/boards",
            json={"name": name},
            headers={"Authorization": f"Bearer {fake.token}"},
        )


def test_the_official_flask_example_lists_the_boards(fake, example):
    seed_boards(fake, "Roadmap", "Retro")
    browser = example.app.test_client()

    first = browser.get("/")
    assert first.status_code == 200
    link = html.unescape(re.search(r"href='([^']+)'", first.get_data(as_text=True)).group(1))
    assert link.startswith(fake.authorize_url)

    redirect = fake.authorize(link)
    assert redirect.startswith(REDIRECT) and "code=" in redirect
    callback = browser.get("/" + redirect[len(REDIRECT) :])
    assert callback.status_code == 200, callback.get_data(as_text=True)
    page = callback.get_data(as_text=True)
    assert page.startswith("<p>List of boards in the team: ")
    assert "Roadmap" in page and "Retro" in page
    assert "Set-Cookie" in callback.headers  # the State went into Flask's cookie session

    # The next request reads the State back from the cookie: a plain dict by now.
    again = browser.get("/")
    assert again.status_code == 200 and again.get_data(as_text=True) == page
    assert fake.token_requests == ["authorization_code"]

    stranger = example.app.test_client()  # another browser has no session: a login link
    assert "Login to Miro" in stranger.get("/").get_data(as_text=True)


def test_the_state_in_flasks_session_is_the_official_dataclass_dict(fake, example):
    browser = example.app.test_client()
    link = html.unescape(
        re.search(r"href='([^']+)'", browser.get("/").get_data(as_text=True)).group(1)
    )
    browser.get("/" + fake.authorize(link)[len(REDIRECT) :])
    serializer = example.app.session_interface.get_signing_serializer(example.app)
    cookie = browser.get_cookie("session")
    stored = serializer.loads(cookie.value)["miro_state"]
    assert isinstance(stored, dict)
    assert {"access_token", "refresh_token", "token_expires_at"} <= set(stored)
    assert re.match(r"^\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$", stored["token_expires_at"])
    back = State.from_stored(stored)
    assert back.refresh_token == stored["refresh_token"]
    assert back.expires_in() == pytest.approx(fake_token_ttl(fake), abs=5)


def fake_token_ttl(fake):
    exchange = next(e for e in fake.exchanges if e.path == "/v1/oauth/token")
    return json.loads(exchange.response_body)["expires_in"]


# -- State and dict-returning storages, without Flask's help ---------------------------------


def test_state_is_a_dataclass_that_json_round_trips():
    expires = datetime.datetime(2026, 12, 1, 12, 0, tzinfo=datetime.timezone.utc)
    state = State("a", "r", expires, user_id="7", team_id=3458764517517819000, scopes="x y")
    assert dataclasses.is_dataclass(state)
    assert [f.name for f in dataclasses.fields(State)][:3] == [
        "access_token",
        "refresh_token",
        "token_expires_at",
    ]
    as_text = json.dumps(dataclasses.asdict(state), default=str)
    assert State.from_stored(json.loads(as_text)) == state
    assert State.from_stored(state) is state and State.from_stored(None) is None
    assert State.from_stored({"access_token": "a", "refresh_token": None, "token_expires_at": None})
    with pytest.raises(TypeError, match="get\\(\\) must return a State"):
        State.from_stored(["a"])


class DictStorage(Storage):
    """What a JSON-backed storage written for the official client does."""

    def __init__(self):
        self.text = None

    def set(self, state):
        self.text = None if state is None else json.dumps(dataclasses.asdict(state), default=str)

    def get(self):
        return None if self.text is None else json.loads(self.text)


def test_a_storage_returning_dicts_authorizes_and_refreshes(fake):
    seed_boards(fake, "Plan")
    storage = DictStorage()
    with Miro(
        fake.client_id,
        fake.client_secret,
        REDIRECT,
        storage,
        base_url=fake.url,
        authorize_url=fake.authorize_url,
    ) as client:
        assert client.is_authorized is False
        client.exchange_code_for_access_token(fake.authorize(client.auth_url))
        assert client.is_authorized and isinstance(storage.get(), dict)
        assert [b.name for b in client.api.get_all_boards()] == ["Plan"]
        fake.expire_access_tokens()
        stale = json.loads(storage.text)
        stale["token_expires_at"] = "2000-01-01 00:00:00+00:00"
        storage.text = json.dumps(stale)
        assert [b.name for b in client.api.get_all_boards()] == ["Plan"]
        assert fake.token_requests == ["authorization_code", "refresh_token"]
        assert json.loads(storage.text)["access_token"] != stale["access_token"]


# The official example's licence (https://github.com/miroapp/api-clients, LICENSE):
#
# MIT License
#
# Copyright (c) 2022 Miro
#
# Permission is hereby granted, free of charge, to any person obtaining a copy
# of this software and associated documentation files (the "Software"), to deal
# in the Software without restriction, including without limitation the rights
# to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
# FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
# AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
# LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
# SOFTWARE.
