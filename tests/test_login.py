"""``Miro.login()`` and ``python -m miro login``: the redirect served on localhost, the
browser played by FakeMiro's consent page, tokens stored."""

import os
import socket
import subprocess
import sys
import threading

import pytest
import requests

import miro
from miro import Miro, SQLiteStorage
from miro.__main__ import main
from miro.errors import AuthorizationDenied, InvalidArgument, NotAuthorized, StateMismatch


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def browser_for(fake, approve=True, answers=None):
    """A stand-in for webbrowser.open: the user consents, the browser follows the redirect."""

    def open_browser(url):
        redirect = fake.authorize(url, approve=approve)
        page = requests.get(redirect, timeout=10)
        if answers is not None:
            answers.append(page)
        return True

    return open_browser


def local_client(fake, storage=None, path="/callback"):
    return Miro(
        fake.client_id,
        fake.client_secret,
        f"http://localhost:{free_port()}{path}",
        storage,
        base_url=fake.url,
        authorize_url=fake.authorize_url,
    )


def test_login_serves_the_redirect_and_stores_the_tokens(fake, tmp_path, capsys):
    storage = SQLiteStorage(tmp_path / "tokens.db", key="me")
    miro = local_client(fake, storage)
    pages = []
    state = miro.login(open_browser=browser_for(fake, answers=pages), timeout=10)
    assert state.user_id == fake.user_id and state == storage.get()
    assert pages[0].status_code == 200 and "you can close this tab" in pages[0].text
    assert miro.is_authorized
    assert fake.token_requests == ["authorization_code"]
    assert fake.authorize_url in capsys.readouterr().err  # the URL is printed too
    # the server is gone afterwards
    with pytest.raises(requests.ConnectionError):
        requests.get(miro.redirect_url, timeout=2)


def test_login_reports_a_declined_consent(fake):
    miro = local_client(fake)
    pages = []
    with pytest.raises(AuthorizationDenied):
        miro.login(open_browser=browser_for(fake, approve=False, answers=pages), timeout=10)
    assert "Authorization failed" in pages[0].text and not miro.is_authorized


def test_login_ignores_other_paths_and_forged_states(fake):
    miro = local_client(fake)

    def browser(url):
        assert (
            requests.get(miro.redirect_url.replace("/callback", "/favicon.ico")).status_code == 404
        )
        forged = requests.get(miro.redirect_url + "?code=stolen&state=forged", timeout=10)
        assert "Authorization failed" in forged.text

    with pytest.raises(StateMismatch):
        miro.login(open_browser=browser, timeout=10)
    assert fake.token_requests == []


def test_login_times_out_when_no_redirect_comes(fake):
    with pytest.raises(NotAuthorized, match="within 0.3 s"):
        local_client(fake).login(open_browser=lambda url: None, timeout=0.3)


def test_login_needs_a_localhost_redirect_url(fake):
    miro = Miro("1", "s", "https://app.example.com/cb", base_url=fake.url)
    with pytest.raises(InvalidArgument, match="localhost"):
        miro.login(open_browser=lambda url: None)


def test_login_says_when_the_port_is_taken(fake):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        miro = Miro(fake.client_id, fake.client_secret, f"http://127.0.0.1:{port}/cb")
        with pytest.raises(InvalidArgument, match=f"{port}"):
            miro.login(open_browser=lambda url: None)


def test_python_dash_m_miro_login(fake, tmp_path):
    db = tmp_path / "cli.db"
    env = dict(
        os.environ,
        MIRO_CLIENT_ID=fake.client_id,
        MIRO_CLIENT_SECRET=fake.client_secret,
        MIRO_REDIRECT_URL=f"http://127.0.0.1:{free_port()}/cb",
    )
    command = [sys.executable, "-m", "miro", "login", "--db", str(db), "--key", "me"]
    command += ["--base-url", fake.url, "--authorize-url", fake.authorize_url, "--no-browser"]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    url = ""
    while fake.authorize_url not in url:
        url = process.stderr.readline()
        assert url, "the command printed no authorization URL"
    done = threading.Event()

    def consent():
        requests.get(fake.authorize(url.strip()), timeout=10)
        done.set()

    threading.Thread(target=consent).start()
    out, err = process.communicate(timeout=30)
    assert done.wait(10) and process.returncode == 0, err
    assert f"Authorized user {fake.user_id}" in out
    stored = SQLiteStorage(db, key="me").get()
    assert stored is not None and stored.user_id == fake.user_id
    assert stored.access_token not in out + err


def test_the_command_line_says_its_version_and_lists_login_once(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["--version"])
    assert exit.value.code == 0 and capsys.readouterr().out.strip() == f"miro {miro.__version__}"
    with pytest.raises(SystemExit):
        main(["--help"])
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines if line.strip().startswith("login")] == ["login"]


@pytest.mark.parametrize(
    "missing, advice",
    [
        ("MIRO_CLIENT_ID", "pass --client-id or set MIRO_CLIENT_ID"),
        ("MIRO_CLIENT_SECRET", "set MIRO_CLIENT_SECRET"),
        ("MIRO_REDIRECT_URL", "pass --redirect-url or set MIRO_REDIRECT_URL"),
    ],
)
def test_login_without_configuration_names_the_options(monkeypatch, capsys, missing, advice):
    settings = {
        "MIRO_CLIENT_ID": "3458764",
        "MIRO_CLIENT_SECRET": "secret",
        "MIRO_REDIRECT_URL": "http://localhost:8765/cb",
    }
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv(missing)
    assert main(["login", "--no-browser", "--timeout", "0.1"]) == 1
    err = capsys.readouterr().err
    assert advice in err and "Miro()" not in err, err


def test_login_takes_the_client_id_and_redirect_url_as_options(fake, tmp_path, monkeypatch):
    monkeypatch.delenv("MIRO_CLIENT_ID", raising=False)
    monkeypatch.delenv("MIRO_REDIRECT_URL", raising=False)
    monkeypatch.setenv("MIRO_CLIENT_SECRET", fake.client_secret)
    port = free_port()
    seen = []
    fake_browser = browser_for(fake)

    def open_browser(url):
        seen.append(url)
        return fake_browser(url)

    monkeypatch.setattr("webbrowser.open", open_browser)
    code = main(
        ["login", "--client-id", fake.client_id, "--redirect-url", f"http://127.0.0.1:{port}/cb"]
        + ["--db", str(tmp_path / "t.db"), "--base-url", fake.url]
        + ["--authorize-url", fake.authorize_url, "--timeout", "20"]
    )
    assert code == 0 and f"client_id={fake.client_id}" in seen[0]
    assert SQLiteStorage(tmp_path / "t.db", key="default").get().user_id == fake.user_id
