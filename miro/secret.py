"""Secrets that do not echo: ``AccessToken`` is the token string with a hidden repr.

``Miro.exchange_code_for_access_token`` returns the access token, as the official client
does; a notebook cell ending with that call would print it. An :class:`AccessToken` is a
``str`` (equal to the token, usable wherever the token is: headers, storages, the official
``MiroApi(token)``), but its ``repr`` and IPython/Jupyter display show ``<hidden>``.
``str(token)`` or ``token.reveal()`` give the raw text on purpose.
"""

from __future__ import annotations

from typing import Any


class AccessToken(str):
    """An access token: a ``str`` whose repr hides it (``AccessToken('<hidden>')``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "AccessToken('<hidden>')"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))

    def _repr_html_(self) -> str:
        return "<code>AccessToken('&lt;hidden&gt;')</code>"

    def __str__(self) -> str:
        return str.__str__(self)

    def reveal(self) -> str:
        """The token as a plain ``str`` (its repr then shows it: handle with care)."""
        return str.__str__(self)

    def __reduce__(self) -> Any:
        return (AccessToken, (str.__str__(self),))
