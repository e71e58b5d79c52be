"""The fake's clock: the current time as Miro writes it."""

from __future__ import annotations

import datetime


def now() -> str:
    """The current time as Miro writes it (UTC, ISO-8601, ``Z``)."""
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
