"""``FakeMiro``: an in-memory Miro REST API v2 served over HTTP on 127.0.0.1.

For this SDK's tests and for yours, as ``moto`` is for AWS::

    from miro.testing import FakeMiro

    with FakeMiro() as fake:
        api = miro.MiroApi(fake.token, base_url=fake.url)
        ...
        fake.exchanges          # every request and answer, in order

It is built from Miro's OpenAPI description and API documentation, not from what this
SDK sends, and imports nothing from the SDK.
"""

from __future__ import annotations

import secrets
from typing import Any, Dict, List, Optional

from ._fake import boards, connectors, experimental, groups, items, tags
from ._fake.server import Exchange, FakeServer, Fault
from ._fake.state import Store

__all__ = ["Exchange", "FakeMiro"]


class FakeMiro:
    """A stateful fake of the Miro REST API on an ephemeral port of 127.0.0.1.

    Args:
        token: the access token of the first user (random when not given).
        rate_limit: credits per minute per token (Miro's levels cost 50–2000 credits);
            None for no limit. Past it, requests get Miro's 429 ``tooManyRequests``.
        seed: makes generated ids reproducible.

    Attributes:
        url: the base URL to give a client (``http://127.0.0.1:<port>``).
        token: a valid access token.
        user_id: the id of the user that token belongs to.
        app_id: an app id the experimental app-metrics endpoints know.
        store: the server-side state (boards, items, connectors, tags, groups …).
    """

    def __init__(
        self,
        token: Optional[str] = None,
        rate_limit: Optional[int] = None,
        seed: Optional[int] = None,
    ) -> None:
        self.store = Store(seed)
        # Order matters: fixed segments before the catch-all item-type routes.
        routes = (
            boards.ROUTES
            + connectors.ROUTES
            + tags.ROUTES
            + groups.ROUTES
            + items.ROUTES
            + experimental.ROUTES
        )
        self._server = FakeServer(routes, self.store, rate_limit)
        self.user_id = self.store.add_user("Fake User", "fake.user@example.com")
        self.token = token or secrets.token_urlsafe(24)
        self._server.tokens[self.token] = self.user_id

    def __repr__(self) -> str:
        return f"FakeMiro(url={self.url!r})"

    # -- lifecycle -------------------------------------------------------------------
    def start(self) -> FakeMiro:
        """Start serving (done by ``with FakeMiro() as fake``)."""
        self._server.start()
        return self

    def stop(self) -> None:
        """Stop serving."""
        self._server.stop()

    def __enter__(self) -> FakeMiro:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """The base URL, e.g. ``http://127.0.0.1:54321``."""
        return self._server.url

    @property
    def app_id(self) -> str:
        """An app id known to the app-metrics endpoints."""
        return self._server.app_id

    # -- users -----------------------------------------------------------------------
    def add_token(self, name: str = "Another User", email: Optional[str] = None) -> str:
        """A token for a new user (who sees only boards shared with them)."""
        return self._server.issue_token(self.store.add_user(name, email))

    # -- inspection ------------------------------------------------------------------
    @property
    def exchanges(self) -> List[Exchange]:
        """Every request received and the answer given, in arrival order (a copy)."""
        with self._server.lock:
            return list(self._server.log)

    def clear_exchanges(self) -> None:
        """Forget the recorded exchanges."""
        with self._server.lock:
            self._server.log.clear()

    @property
    def boards(self) -> Dict[str, Dict[str, Any]]:
        """The boards on the server, by id (internal records; read-only by convention)."""
        return self.store.boards

    # -- faults ----------------------------------------------------------------------
    def fail_next(
        self,
        status: int = 429,
        times: int = 1,
        retry_after: Optional[float] = None,
        reset_in: Optional[float] = None,
        code: Optional[str] = None,
        message: Optional[str] = None,
        path: Optional[str] = None,
        method: Optional[str] = None,
        after: int = 0,
    ) -> None:
        """Answer the next ``times`` matching requests with ``status`` and Miro's error body.

        ``status=0`` cuts the connection without answering. ``retry_after`` sets a
        ``Retry-After`` header and ``reset_in`` an ``X-RateLimit-Reset`` that many seconds
        ahead. ``path`` (a prefix of the raw path) and ``method`` narrow which requests
        match; ``after`` lets that many matching requests through first. Injected answers
        carry ``X-FakeMiro-Fault: injected``.
        """
        with self._server.lock:
            self._server.faults.append(
                Fault(status, times, retry_after, reset_in, code, message, path, method, after)
            )

    def delay(self, seconds: float, times: int = 1) -> None:
        """Make the next ``times`` requests wait ``seconds`` before being answered."""
        with self._server.lock:
            self._server.delays.append([seconds, times])
