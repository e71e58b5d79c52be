"""Sessions: ``api.sessions.reset_all(email)`` signs a user out everywhere (Enterprise)."""

from __future__ import annotations

from typing import Any

from ..core import params as p
from ..core.resource import Collection, Model
from ..errors import InvalidArgument

EMAIL = p.text(min_length=3)


class Sessions(Collection[Any]):
    """``api.sessions``: end every session of a user of the organization."""

    path = "/v2/sessions"
    model = Model

    def reset_all(self, email: str) -> None:
        """Sign ``email`` out of every device; they must sign in again (Company Admins)."""
        address = EMAIL("email", email)
        if "@" not in address:
            raise InvalidArgument(f"email must be an email address, got {email!r}")
        self.request("POST", self.url(suffix="/reset_all"), params={"email": address})
