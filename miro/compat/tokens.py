"""Official flat methods for tokens: ``token_info``, ``revoke_token_v2``, ``revoke_token``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..tokens import REVOKE, Token, TokenInfo
from .base import flat


class TokensFlat:
    """The token operations as the official ``MiroApi`` names them."""

    if TYPE_CHECKING:  # MiroApi provides it

        @property
        def token(self) -> Token:
            """The fluent root the flat methods go through."""

    @flat("token-info", "api.token.info")
    def token_info(self) -> TokenInfo:
        """Who this client's access token belongs to, and its scopes."""
        return self.token.info()

    @flat("revoke-token-v2", "api.token.revoke")
    def revoke_token_v2(self, revoke_token_request: Any) -> None:
        """Revoke an access token (``RevokeTokenRequest``: accessToken, clientId, clientSecret)."""
        self.token.revoke(**REVOKE.from_json(revoke_token_request, "revoke_token_request"))

    @flat("revoke-token", "api.token.revoke_v1")
    def revoke_token(self, access_token: str) -> None:
        """Revoke an access token through the deprecated v1 endpoint (token in the URL)."""
        self.token.revoke_v1(access_token)
