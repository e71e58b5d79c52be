"""Authorize from a notebook or a terminal, without writing a web app.

:meth:`miro.Miro.login` (and ``python -m miro login``) serves the app's redirect URL on
this machine, opens the consent page in the browser, catches Miro's redirect, checks its
``state``, exchanges the code and stores the tokens. The redirect URL must point at this
machine (``http://localhost:<port>/<path>``) and be registered in the app's settings.
"""

from __future__ import annotations

import html
import secrets
import sys
import threading
import webbrowser
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import TYPE_CHECKING, Any, Callable, Dict, Optional
from urllib.parse import urlsplit

from .errors import InvalidArgument, MiroError, NotAuthorized

if TYPE_CHECKING:
    from .oauth import Miro
    from .storage import State

_LOOPBACK = {"localhost": "127.0.0.1", "127.0.0.1": "127.0.0.1", "::1": "::1"}


def _listen_address(redirect_url: str) -> Any:
    parts = urlsplit(redirect_url)
    host = _LOOPBACK.get(parts.hostname or "")
    if parts.scheme != "http" or host is None:
        raise InvalidArgument(
            "login() serves the redirect on this machine: redirect_url must look like "
            f"http://localhost:<port>/callback (and be registered in the app), not {redirect_url!r}"
        )
    return host, parts.port or 80, parts.path or "/"


class _Server(HTTPServer):
    def __init__(self, address: Any, path: str, finish: Callable[[str], str]) -> None:
        if ":" in address[0]:
            import socket

            self.address_family = socket.AF_INET6
        super().__init__(address, _Callback)
        self.callback_path = path
        self.finish = finish


class _Callback(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass  # the query carries the code: keep it out of stderr

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        if urlsplit(self.path).path != self.server.callback_path:
            self._answer(404, "Not the Miro redirect.")
            return
        self._answer(200, self.server.finish(self.path))

    def _answer(self, status: int, text: str) -> None:
        page = f"<!doctype html><title>Miro</title><p>{html.escape(text)}</p>".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        self.wfile.write(page)


def login(
    miro: Miro,
    *,
    open_browser: Optional[Callable[[str], Any]] = None,
    timeout: float = 300.0,
    team_id: Optional[str] = None,
) -> State:
    """Run the authorization flow on this machine; see :meth:`miro.Miro.login`."""
    host, port, path = _listen_address(miro.redirect_url)
    outcome: Dict[str, Any] = {}
    done = threading.Event()
    state = secrets.token_urlsafe(16)

    def finish(request_path: str) -> str:
        if done.is_set():
            return "This login has already finished."
        parts = urlsplit(miro.redirect_url)
        try:
            miro.exchange_code_for_access_token(
                f"{parts.scheme}://{parts.netloc}{request_path}", state=state
            )
            outcome["state"] = miro.state
            message = "Authorized: you can close this tab and return to Python."
        except MiroError as exc:
            outcome["error"] = exc
            message = f"Authorization failed: {exc}"
        done.set()
        return message

    try:
        server = _Server((host, port), path, finish)
    except OSError as exc:
        raise InvalidArgument(
            f"cannot listen on {host}:{port} for the redirect ({exc.strerror}); is another "
            "login running?"
        ) from None
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        url = miro.get_auth_url(state=state, team_id=team_id)
        print(f"Authorize the app in your browser:\n{url}", file=sys.stderr)
        (open_browser or webbrowser.open)(url)
        if not done.wait(timeout):
            raise NotAuthorized(f"no redirect from Miro arrived within {timeout:g} s")
    finally:
        server.shutdown()
        server.server_close()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["state"]
