"""examples/flask_app.py end to end with Flask's test client against FakeMiro: the login
link, Miro's consent page, the callback, the user's boards, per-user sessions, logout."""

import html
import importlib.util
import re
from pathlib import Path

import pytest
import requests

pytest.importorskip("flask")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "flask_app.py"
REDIRECT = "http://localhost:5000/"


@pytest.fixture
def app(fake, tmp_path):
    spec = importlib.util.spec_from_file_location("flask_app_example", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.create_app(
        str(tmp_path / "tokens.db"),
        {
            "client_id": fake.client_id,
            "client_secret": fake.client_secret,
            "redirect_url": REDIRECT,
            "base_url": fake.url,
            "authorize_url": fake.authorize_url,
        },
    )


def login_link(page):
    found = re.search(r"href='([^']+)'>Login to Miro", page.get_data(as_text=True))
    assert found, page.get_data(as_text=True)
    return html.unescape(found.group(1))


def callback_path(redirect):
    assert redirect.startswith(REDIRECT)
    return "/" + redirect[len(REDIRECT) :]


def test_login_callback_and_the_users_boards(fake, app):
    for name in ("Roadmap", "Retro <2026>"):
        requests.post(
            f"{fake.url}/v2/boards",
            json={"name": name},
            headers={"Authorization": f"Bearer {fake.token}"},
        )
    browser = app.test_client()
    link = login_link(browser.get("/"))
    assert link.startswith(fake.authorize_url) and "state=" in link
    callback = browser.get(callback_path(fake.authorize(link)))
    assert callback.status_code == 302 and callback.headers["Location"].endswith("/")
    page = browser.get("/").get_data(as_text=True)
    assert "<li>Roadmap</li>" in page and "<li>Retro &lt;2026&gt;</li>" in page
    assert fake.token_requests == ["authorization_code"]

    stranger = app.test_client()  # another browser is another user: not logged in
    assert login_link(stranger.get("/"))

    assert browser.get("/logout").status_code == 302
    assert [e.status for e in fake.exchanges if e.path == "/v2/oauth/revoke"] == [204]
    assert login_link(browser.get("/"))


def test_tokens_stay_out_of_the_session_cookie(fake, app):
    browser = app.test_client()
    first = browser.get("/")
    callback = browser.get(callback_path(fake.authorize(login_link(first))))
    boards = browser.get("/")
    cookies = " ".join(
        " ".join(answer.headers.getlist("Set-Cookie")) for answer in (first, callback, boards)
    )
    exchange = next(e for e in fake.exchanges if e.path == "/v1/oauth/token")
    assert b"access_token" in exchange.response_body
    token = exchange.response_body.split(b'"access_token":"')[1].split(b'"')[0].decode()
    assert cookies and token not in cookies


def test_a_callback_from_another_browser_is_refused(fake, app):
    victim, attacker = app.test_client(), app.test_client()
    redirect = fake.authorize(login_link(attacker.get("/")))
    answer = victim.get(callback_path(redirect))  # state not issued to this session
    assert answer.status_code == 400 and "Authorization failed" in answer.get_data(as_text=True)
    assert fake.token_requests == []


def test_a_declined_consent_shows_an_error(fake, app):
    browser = app.test_client()
    redirect = fake.authorize(login_link(browser.get("/")), approve=False)
    answer = browser.get(callback_path(redirect))
    assert answer.status_code == 400 and "access_denied" in answer.get_data(as_text=True)
