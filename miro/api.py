"""``MiroApi``: the stateless client, fluent roots plus the official flat methods."""

from __future__ import annotations

import functools
import sys
from typing import TYPE_CHECKING, Any, Callable, Dict, Optional

import requests

from .core.transport import (
    DEFAULT_DEADLINE,
    DEFAULT_TIMEOUT,
    TokenProvider,
    Transport,
    default_base_url,
)

if TYPE_CHECKING:
    from .boards import Board, Boards
    from .compat._declared import FlatMethods as _FlatMethods  # per-call keywords too
    from .compat.client import MiroApiClient
    from .connectors import Connectors
    from .enterprise.logs import AuditLogs
    from .enterprise.organizations import Organizations
    from .enterprise.sessions import Sessions
    from .experimental import ApiExperimental, BoardExperimental
    from .groups import Groups
    from .items.collection import Items
    from .scim_api import ScimApi
    from .tags import Tags
    from .tokens import Token
else:  # the families load on first use (miro.compat.lazy)
    from .compat.lazy import LazyFlatMethods as _FlatMethods


class MiroApi(_FlatMethods):
    """A Miro REST API v2 client for one access token.

    Fluent: ``api.boards.create(name=...)``, ``board.items.sticky_notes.create(...)``.
    Official names: ``api.get_boards()``, ``api.create_sticky_note_item(board_id, body)`` …

    Args:
        access_token: the token, or a callable returning the current one (asked per request).
        base_url: API root: ``https://api.miro.com``, or ``MIRO_BASE_URL`` when set;
            point it at ``FakeMiro().url`` in tests.
        timeout: seconds for connecting and for each read (None waits forever).
        max_retries: retries of one call on 429 (any method) and on 5xx/timeouts (GET only).
        max_retry_wait: longest 429 wait accepted before raising ``RateLimited``.
        session: a ``requests.Session`` to send through (proxies, adapters …).
        on_unauthorized: called once when a call answers 401, with the refused token;
            returning True retries the call (an OAuth client refreshes its token here).
        deadline: longest one attempt may take end to end (a slow-drip answer is cut).
        pacing: pace requests from Miro's rate-limit headers so the credit budget is never
            overdrawn (False: only wait after a 429).
        allow_http: allow plain ``http://`` to a host other than this machine.
    """

    def __init__(
        self,
        access_token: TokenProvider,
        *,
        base_url: Optional[str] = None,
        timeout: Optional[float] = DEFAULT_TIMEOUT,
        max_retries: int = 3,
        max_retry_wait: float = 60.0,
        session: Optional[requests.Session] = None,
        on_unauthorized: Optional[Callable[[str], bool]] = None,
        deadline: Optional[float] = DEFAULT_DEADLINE,
        pacing: bool = True,
        allow_http: bool = False,
    ) -> None:
        #: What every transport of this client shares (the REST one and, made on first use,
        #: the SCIM one).
        self._options: Dict[str, Any] = dict(
            timeout=timeout,
            max_retries=max_retries,
            max_retry_wait=max_retry_wait,
            on_unauthorized=on_unauthorized,
            deadline=deadline,
            pacing=pacing,
            allow_http=allow_http,
        )
        self._transport = Transport(
            access_token,
            base_url=base_url or _official_default_host() or default_base_url(),
            session=session,
            **self._options,
        )
        self._scim: Optional[ScimApi] = None

    @functools.cached_property
    def boards(self) -> Boards:
        """Boards: ``api.boards.create(name=...)``, ``api.boards.get(id)``, ``for board in
        api.boards: ...``."""
        from .boards import Boards

        return Boards(self._transport)

    @functools.cached_property
    def experimental(self) -> ApiExperimental:
        """Experimental endpoints (app metrics); board-level ones hang off
        ``board.experimental``."""
        from .experimental import ApiExperimental

        return ApiExperimental(self._transport)

    @functools.cached_property
    def token(self) -> Token:
        """The access token itself: ``api.token.info()``, ``api.token.revoke(...)``."""
        from .tokens import Token

        return Token(self._transport)

    @functools.cached_property
    def organizations(self) -> Organizations:
        """The organization side (Enterprise plan): ``api.organizations.get(org_id)``."""
        from .enterprise.organizations import Organizations

        return Organizations(self._transport)

    @functools.cached_property
    def audit_logs(self) -> AuditLogs:
        """The audit log (no organization in its path): ``api.audit_logs(created_after=...,
        created_before=...)`` iterates every event of the range."""
        from .enterprise.logs import AuditLogs

        return AuditLogs(self._transport)

    @functools.cached_property
    def sessions(self) -> Sessions:
        """Users' sessions (Enterprise): ``api.sessions.reset_all(email)``."""
        from .enterprise.sessions import Sessions

        return Sessions(self._transport)

    @functools.cached_property
    def api_client(self) -> MiroApiClient:
        """The official client's ``api.api_client``: ``api.api_client.configuration.host =
        url`` points this client elsewhere; ``proxy``, ``verify_ssl``, ``ssl_ca_cert``,
        ``retries``, ``default_headers`` and ``user_agent`` act on it too."""
        from .compat.client import MiroApiClient

        return MiroApiClient(self._transport)

    def __repr__(self) -> str:
        return f"MiroApi(base_url={self._transport.base_url!r})"

    def __enter__(self) -> MiroApi:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP connections (the SCIM client's too, if one was made)."""
        self._transport.close()
        if self._scim is not None:
            self._scim.close()

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        """Call any endpoint (``api.request("GET", "/v2/boards")``): an escape hatch for
        operations this SDK does not wrap yet. Keywords: ``params``, ``json``, ``files``."""
        return self._transport.request(method, path, **kwargs)

    @property
    def scim(self) -> ScimApi:
        """SCIM provisioning with this client's token, at the SCIM base URL (made on first
        use): ``MIRO_SCIM_BASE_URL``, else ``/api/v1/scim`` beside a non-default
        ``base_url`` (a FakeMiro), else ``https://miro.com/api/v1/scim``. SCIM calls need a
        SCIM API token: use :class:`~miro.ScimApi` directly when you hold both kinds."""
        if self._scim is None:
            from .scim.transport import default_scim_base_url
            from .scim_api import ScimApi

            self._scim = ScimApi(
                self._transport._token,
                base_url=default_scim_base_url(self._transport.base_url),
                **self._options,
            )
        return self._scim

    def _scim_client(self) -> ScimApi:
        return self.scim

    def _board(self, board_id: str) -> Board:
        return self.boards.get(board_id, lazy=True)

    def _items(self, board_id: str) -> Items:
        return self._board(board_id).items

    def _connectors(self, board_id: str) -> Connectors:
        return self._board(board_id).connectors

    def _tags(self, board_id: str) -> Tags:
        return self._board(board_id).tags

    def _groups(self, board_id: str) -> Groups:
        return self._board(board_id).groups

    def _experimental(self, board_id: str) -> BoardExperimental:
        return self._board(board_id).experimental


def _official_default_host() -> Optional[str]:
    """The host code set on the official ``Configuration.get_default()`` (the official
    ``MiroApi`` reads it), if any: the module is only loaded when code used it."""
    client = sys.modules.get("miro.compat.client")
    default = getattr(getattr(client, "Configuration", None), "_default", None)
    host: Optional[str] = getattr(default, "host", None)
    return host if host and host != getattr(client, "DEFAULT_HOST", None) else None
