"""The official ``miro_api`` Flask example, on this SDK: a login link, the OAuth callback,
and the list of the user's boards.

Each browser session is one user: the session cookie holds only a random key, and that
user's tokens live server-side in a keyed :class:`miro.SQLiteStorage` (one ``Miro`` per
user key), so tokens never travel in cookies. The login link carries a CSRF ``state``
kept in the session and checked on the way back.

Run it against real Miro (the redirect URL registered in your app's settings)::

    pip install . flask
    export MIRO_CLIENT_ID=... MIRO_CLIENT_SECRET=... MIRO_REDIRECT_URL=http://localhost:5000/
    flask --app examples/flask_app run

``tests/test_flask_example.py`` drives it with Flask's test client against FakeMiro.
"""

from __future__ import annotations

import html
import os
import secrets
from typing import Any, Dict, Optional

from flask import Flask, redirect, request, session

from miro.errors import AuthError
from miro_api import Miro
from miro_api.storage import SQLiteStorage


def create_app(
    token_db: Optional[str] = None, miro_options: Optional[Dict[str, Any]] = None
) -> Flask:
    """The app. ``token_db`` is the SQLite file for tokens; ``miro_options`` go to ``Miro``
    (client id, secret, redirect URL, or ``base_url``/``authorize_url`` of a FakeMiro)."""
    app = Flask(__name__)
    app.secret_key = os.environ.get("FLASK_SECRET_KEY") or secrets.token_bytes(32)
    tokens = SQLiteStorage(token_db or os.environ.get("MIRO_TOKEN_DB", "miro-tokens.sqlite3"))
    options = dict(miro_options or {})

    def miro_for_this_user() -> Miro:
        if "user_key" not in session:
            session["user_key"] = secrets.token_urlsafe(16)
        return Miro(storage=tokens.with_key(session["user_key"]), **options)

    @app.route("/")
    def index() -> Any:
        miro = miro_for_this_user()
        if "code" in request.args or "error" in request.args:
            expected = session.pop("oauth_state", None)
            try:
                miro.exchange_code_for_access_token(request.url, state=expected)
            except AuthError as exc:  # declined, forged state, used or expired code
                failure = html.escape(str(exc))
                return f"<p>Authorization failed: {failure}</p><a href='/'>Try again</a>", 400
            return redirect("/")
        if miro.is_authorized:
            names = "".join(
                f"<li>{html.escape(board.name or '')}</li>" for board in miro.api.get_all_boards()
            )
            return f"<p>Your boards:</p><ul>{names}</ul><a href='/logout'>Log out</a>"
        session["oauth_state"] = state = secrets.token_urlsafe(16)
        link = html.escape(miro.get_auth_url(state=state), quote=True)
        return f"<a href='{link}'>Login to Miro</a>"

    @app.route("/logout")
    def logout() -> Any:
        miro = miro_for_this_user()
        if miro.is_authorized:
            miro.revoke_token()
        session.clear()
        return redirect("/")

    return app


if (
    __name__ == "__main__"
):  # pragma: no cover - `flask --app examples/flask_app run` finds create_app
    create_app().run(port=5000)
