"""Keeping tokens and secrets out of log records and exception texts.

Libraries below us log what they send: urllib3 logs every request line at DEBUG (and the
deprecated v1 revoke puts the token in that line's query string), requests-oauthlib logs
token requests and answers, urllib3 retry warnings repeat the URL. :class:`SecretScrubber`
rewrites such records; :func:`protect_loggers` installs it on every logger of those
libraries (filters act on the logger a record is made on, so each one needs its own).
"""

from __future__ import annotations

import logging
import re
from typing import Tuple

#: Loggers (and their children) whose records may carry a token or secret.
GUARDED = ("urllib3", "requests", "requests_oauthlib", "oauthlib", "miro")


class SecretScrubber(logging.Filter):
    """Hides token fields and bearer tokens in log records.

    Rewrites ``access_token=…``, ``"refresh_token": "…"``, ``client_secret``, ``code``
    values and ``Bearer …`` headers to ``<hidden>``; never drops a record.
    """

    FIELDS = re.compile(
        r"""\b(access_token|refresh_token|client_secret|code|accessToken|refreshToken|"""
        r"""clientSecret|token)(["']?\s*[:=]\s*["']?)([^"'&,\s}\]]+)"""
    )
    BEARER = re.compile(r"""(Bearer\s+)[^\s"',}]+""", re.IGNORECASE)

    @classmethod
    def scrub(cls, text: str) -> str:
        """``text`` with every token-field value and bearer token replaced."""
        return cls.BEARER.sub(r"\1<hidden>", cls.FIELDS.sub(r"\1\2<hidden>", text))

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message (and exception text) without secrets."""
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to the logging machinery
            return True
        scrubbed = self.scrub(message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, ()
        if record.exc_info and record.exc_info[1] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_text = self.scrub(text)
            record.exc_info = None
        return True


_SCRUBBER = SecretScrubber()


def protect_loggers(prefixes: Tuple[str, ...] = GUARDED) -> None:
    """Install the scrubber on every existing logger under ``prefixes`` (idempotent)."""
    names = [name for name in list(logging.Logger.manager.loggerDict) if _under(name, prefixes)]
    for name in set(names) | set(prefixes):
        logger = logging.getLogger(name)
        if not any(isinstance(f, SecretScrubber) for f in logger.filters):
            logger.addFilter(_SCRUBBER)


def _under(name: str, prefixes: Tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def scrubbed_copy(error: BaseException) -> BaseException:
    """An exception of the same type whose text has no secrets (a cause safe to chain)."""
    text = SecretScrubber.scrub(str(error))
    try:
        copy = type(error)(text)
    except Exception:
        copy = RuntimeError(f"{type(error).__name__}: {text}")
    copy.__traceback__ = error.__traceback__
    return copy
