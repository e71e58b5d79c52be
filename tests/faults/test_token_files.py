"""Tokens at rest: private SQLite files, a warning for shared ones, the OS keyring
(``KeyringStorage``, ``python -m miro login --keyring``) (issue #12.8)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import warnings

import pytest
import requests

from miro import Miro, SQLiteStorage, State
from miro.storage import InsecureTokenFile, KeyringStorage

posix = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@posix
def test_a_new_token_file_is_private_and_so_are_its_new_folders(tmp_path):
    previous = os.umask(0o022)  # the usual umask: files 0644 unless we say otherwise
    try:
        path = tmp_path / "a" / "b" / "tokens.sqlite3"
        storage = SQLiteStorage(path)
    finally:
        os.umask(previous)
    storage.set(State("secret-access", "secret-refresh"))
    assert mode(path) == 0o600
    assert mode(tmp_path / "a") == 0o700 and mode(tmp_path / "a" / "b") == 0o700
    assert storage.get().access_token == "secret-access"


@posix
def test_opening_a_token_file_others_can_read_warns(tmp_path):
    path = tmp_path / "tokens.sqlite3"
    SQLiteStorage(path).set(State("t"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        SQLiteStorage(path)  # private: silent
    os.chmod(path, 0o644)
    with pytest.warns(InsecureTokenFile, match="chmod 600"):
        SQLiteStorage(path)


@pytest.fixture
def keyring_file(tmp_path, monkeypatch):
    keyring = pytest.importorskip("keyring")
    monkeypatch.setenv("MIRO_TEST_KEYRING_FILE", str(tmp_path / "keyring.json"))
    from .file_keyring import FileKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield tmp_path / "keyring.json"
    keyring.set_keyring(previous)


def test_keyring_storage_keeps_and_forgets_a_state(keyring_file):
    storage = KeyringStorage("me")
    assert storage.get() is None
    storage.set(State("secret-access", "secret-refresh", user_id=7))
    assert storage.get().refresh_token == "secret-refresh"
    assert storage.with_key("other").get() is None
    assert "secret" not in repr(storage)
    storage.set(None)
    storage.set(None)  # nothing stored: still fine
    assert storage.get() is None


def test_miro_authorizes_into_the_keyring(fake, keyring_file):
    client = Miro(
        fake.client_id,
        fake.client_secret,
        "https://app.example.com/cb",
        KeyringStorage("me"),
        base_url=fake.url,
        authorize_url=fake.authorize_url,
    )
    client.exchange_code_for_access_token(fake.authorize(client.auth_url))
    assert KeyringStorage("me").get().user_id == fake.user_id
    assert client.api.boards.create(name="from the keyring").name == "from the keyring"


def test_python_dash_m_miro_login_keyring(fake, keyring_file, tmp_path):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    here = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = dict(
        os.environ,
        MIRO_CLIENT_ID=fake.client_id,
        MIRO_CLIENT_SECRET=fake.client_secret,
        MIRO_REDIRECT_URL=f"http://127.0.0.1:{port}/cb",
        PYTHON_KEYRING_BACKEND="tests.faults.file_keyring.FileKeyring",
        PYTHONPATH=os.pathsep.join([here, os.environ.get("PYTHONPATH", "")]),
    )
    command = [sys.executable, "-m", "miro", "login", "--keyring", "--key", "cli"]
    command += ["--base-url", fake.url, "--authorize-url", fake.authorize_url, "--no-browser"]
    command += ["--db", str(tmp_path / "unused.db")]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    url = ""
    while fake.authorize_url not in url:
        url = process.stderr.readline()
        assert url, "the command printed no authorization URL"
    threading.Thread(target=lambda: requests.get(fake.authorize(url.strip()), timeout=10)).start()
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "the OS keyring" in out
    stored = KeyringStorage("cli").get()
    assert stored is not None and stored.user_id == fake.user_id
    assert stored.access_token not in out + err
    assert not (tmp_path / "unused.db").exists()
