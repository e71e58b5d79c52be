"""``api.token``: what Miro knows of an access token, and revoking one (API-NOTES §5.1).

The stateful :class:`~miro.Miro` client uses these; with the stateless ``MiroApi`` they
are ``api.token.info()`` and ``api.token.revoke(client_id=..., client_secret=...)``.
"""

from __future__ import annotations

import warnings
from typing import List, Optional

import attrs

from .core import params as p
from .core.convert import structure
from .core.resource import Model
from .core.transport import Transport
from .errors import MiroDeprecationWarning
from .models import UserRef

#: ``RevokeTokenRequest``: all three fields are required.
_SECRET = p.text(min_length=1)
REVOKE = p.Body(
    p.top(access_token=_SECRET, client_id=_SECRET, client_secret=_SECRET),
    required=("access_token", "client_id", "client_secret"),
)


@attrs.define(kw_only=True)
class TokenInfo(Model):
    """What ``GET /v1/oauth-token`` says of a token: whose it is, where, with what scopes."""

    type: Optional[str] = None
    organization: Optional[UserRef] = None
    team: Optional[UserRef] = None
    created_by: Optional[UserRef] = None
    user: Optional[UserRef] = None
    scopes: List[str] = attrs.field(factory=list)


class Token:
    """``api.token``: the access token this client sends."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def __repr__(self) -> str:
        return "Token(<hidden>)"

    def info(self) -> TokenInfo:
        """Who the token belongs to (user, team, organization) and its scopes."""
        return structure(self._transport.request("GET", "/v1/oauth-token"), TokenInfo)

    def revoke(
        self, *, client_id: str, client_secret: str, access_token: Optional[str] = None
    ) -> None:
        """Revoke an access token (this client's own unless ``access_token`` is given).

        Its refresh token dies with it; the app stays installed for the user.
        """
        body = REVOKE.build(
            {
                "access_token": self._transport.token() if access_token is None else access_token,
                "client_id": client_id,
                "client_secret": client_secret,
            }
        )
        self._transport.request("POST", "/v2/oauth/revoke", json=body)

    def revoke_v1(self, access_token: Optional[str] = None) -> None:
        """Revoke through the deprecated v1 endpoint, which puts the token in the URL.

        Prefer :meth:`revoke`: URLs end up in proxy and server logs.
        """
        warnings.warn(
            "the v1 revoke endpoint sends the token in the URL; use api.token.revoke()",
            MiroDeprecationWarning,
            stacklevel=2,
        )
        token = _SECRET(
            "access_token", self._transport.token() if access_token is None else access_token
        )
        self._transport.request("POST", "/v1/oauth/revoke", params={"access_token": token})
