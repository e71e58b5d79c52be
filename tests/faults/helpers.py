"""Shared by the fault-injection suite: capture every log record, count board items."""

from __future__ import annotations

import collections
import contextlib
import logging
from typing import Any, Dict, Iterator, List


class Captured(logging.Handler):
    """Every record any logger emits, formatted (message and exception text)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: List[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))

    def text(self) -> str:
        return "\n".join(self.lines)


@contextlib.contextmanager
def every_logger_at_debug() -> Iterator[Captured]:
    """Root and every known logger at DEBUG, all records captured at the root."""
    handler = Captured()
    root = logging.getLogger()
    loggers = [root] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    saved = [(logger, logger.level, logger.propagate, logger.disabled) for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        logger.disabled = False
        if logger is not root:
            logger.propagate = True
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        for logger, level, propagate, disabled in saved:
            logger.setLevel(level)
            logger.propagate = propagate
            logger.disabled = disabled


def contents_on_board(fake: Any, board_id: str) -> Dict[str, int]:
    """How many items of each ``data.content`` the fake holds on the board."""
    with fake._server.lock:
        items = list(fake.store.items.get(board_id, {}).values())
    return dict(collections.Counter(str((i.get("data") or {}).get("content")) for i in items))


def secrets_of(fake: Any) -> List[str]:
    """Every token and secret the fake knows (access, refresh, client secret)."""
    with fake._server.lock:
        found = list(fake._server.tokens)
        oauth = fake._oauth
        found.append(oauth.client_secret)
        for name in ("by_refresh", "by_access", "codes"):
            found.extend(getattr(oauth, name, {}) or {})
    return [s for s in found if isinstance(s, str) and len(s) >= 8]
