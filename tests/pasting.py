"""Run a code block as a person pastes it at the plain ``>>>`` prompt, line by line.

``exec`` of a whole block hides what breaks at the prompt: a blank line inside an indented
block ends it there (the next indented line is an ``IndentationError``), and a statement
right after an indented block, with no blank line between, is a ``SyntaxError``.
:func:`paste` feeds the lines to :class:`code.InteractiveConsole` one at a time, as the
REPL does, and raises the first error the console would have printed, as a
:class:`PasteError` naming the line (the original exception is its ``__cause__``).

For tests of any documentation page (README, ``docs/``)::

    from pasting import paste          # tests/ is on sys.path (rootdir-style)

    paste(block_text, namespace, filename="README.md", first_line=42)
"""

from __future__ import annotations

import code
import sys
from typing import Any, Dict, List, Optional, Tuple


class PasteError(AssertionError):
    """A pasted block failed at the prompt (``line``: where, in the page's numbering)."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


class _Console(code.InteractiveConsole):
    """A console that keeps the errors it would print, instead of printing them."""

    def __init__(self, namespace: Dict[str, Any], filename: str) -> None:
        super().__init__(namespace, filename=filename)
        self.errors: List[BaseException] = []

    def showsyntaxerror(self, filename: Optional[str] = None, **kwargs: Any) -> None:
        self.errors.append(sys.exc_info()[1] or SyntaxError("syntax error"))

    def showtraceback(self) -> None:
        self.errors.append(sys.exc_info()[1] or RuntimeError("error"))

    def write(self, data: str) -> None:  # nothing reaches stderr
        pass


def lines_of(block: str) -> List[Tuple[int, str]]:
    """The block's lines, numbered from 0, then the Enter that closes a last open block."""
    numbered = list(enumerate(block.splitlines()))
    return numbered + [(len(numbered), "")]


def paste(
    block: str,
    namespace: Optional[Dict[str, Any]] = None,
    *,
    filename: str = "<paste>",
    first_line: int = 1,
) -> Dict[str, Any]:
    """Paste ``block`` at a ``>>>`` prompt whose globals are ``namespace``; returns them.

    Raises :class:`PasteError` at the first line whose statement fails to compile or
    raises, as the prompt would show it (``first_line``: the block's first line in the
    page, for the message).
    """
    scope: Dict[str, Any] = {"__name__": "__console__"} if namespace is None else namespace
    console = _Console(scope, filename)
    for index, line in lines_of(block):
        console.push(line)
        if console.errors:
            error = console.errors[0]
            where = first_line + index
            raise PasteError(
                f"{filename}:{where}: pasting {line!r} at the prompt gives "
                f"{type(error).__name__}: {error}",
                where,
            ) from error
    return scope
