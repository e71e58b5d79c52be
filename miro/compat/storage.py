"""The official ``miro_api.storage.State``: three fields, a naive local expiry time.

``miro.State`` keeps more (user, team, scopes) and an aware expiry; programs written for
the official client compare ``state.token_expires_at < datetime.now()`` and call
``dataclasses.asdict(state)``, so ``miro_api``'s stateful client stores this shape.
"""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any, Optional


@dataclasses.dataclass
class State:
    """A dataclass containing access token, refresh token and access token expiration time
    (the official one; ``token_expires_at`` is naive local time, as the official client
    writes it)."""

    access_token: str
    refresh_token: Optional[str]
    token_expires_at: Optional[datetime.datetime]

    def __repr__(self) -> str:
        hidden = "None" if self.refresh_token is None else "'<hidden>'"
        return (
            f"State(access_token='<hidden>', refresh_token={hidden}, "
            f"token_expires_at={self.token_expires_at!r})"
        )


def official_state(state: Any) -> Optional[State]:
    """``state`` (a :class:`miro.State`) in the official shape; ``None`` stays ``None``."""
    if state is None or isinstance(state, State):
        return state
    expires = state.token_expires_at
    if expires is not None and expires.tzinfo is not None:
        expires = expires.astimezone().replace(tzinfo=None)
    return State(state.access_token, state.refresh_token, expires)
