"""Progress bars for long work (``progress=True``), through the optional ``tqdm`` extra.

``tqdm.auto`` picks the notebook widget in Jupyter and a text bar elsewhere. Nothing here
imports tqdm until a bar is asked for; without the extra, asking raises an ``ImportError``
that names it (``pip install "miro[progress]"``).
"""

from __future__ import annotations

from typing import Any, List, Optional


class _NoProgress:
    """A bar that shows nothing: what ``progress=False`` gets."""

    def update(self, n: int = 1) -> None:
        """Count ``n`` more units of work (ignored)."""

    def set_postfix_str(self, text: str) -> None:
        """Show a short status next to the bar (ignored)."""

    def close(self) -> None:
        """Finish the bar (nothing to do)."""

    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def progress_bar(
    enabled: Any, *, total: Optional[int] = None, desc: str = "", unit: str = "it"
) -> Any:
    """A context-managed bar with ``update(n)``: tqdm's when ``enabled``, else a silent one.

    ``enabled`` may also be a callable ``(done, total)``, called after each update, for callers
    that report progress their own way.
    """
    if not enabled:
        return _NoProgress()
    if callable(enabled) and not isinstance(enabled, bool):
        return _CallbackProgress(enabled, total)
    try:
        from tqdm.auto import tqdm
    except ImportError:  # pragma: no cover - exercised in a venv without the extra
        raise ImportError(
            'progress=True needs the optional tqdm extra: pip install "miro[progress]"'
        ) from None
    return tqdm(total=total, desc=desc or None, unit=unit, leave=True)


def collect(source: Any, progress: Any = False, desc: str = "fetching") -> List[Any]:
    """Every element of a paginator, page by page, counted on a bar (whose total is known
    for offset lists), or of any other iterable."""
    pages = getattr(source, "pages", None)
    if not callable(pages):
        return list(source)
    out: List[Any] = []
    with progress_bar(progress, desc=desc) as bar:
        for page in pages():
            if page.total is not None and getattr(bar, "total", page.total) != page.total:
                bar.total = page.total
                if hasattr(bar, "refresh"):
                    bar.refresh()
            out.extend(page.data)
            bar.update(len(page.data))
    return out


class _CallbackProgress(_NoProgress):
    """Reports each update to a user callable as ``(done, total)``."""

    def __init__(self, callback: Any, total: Optional[int]) -> None:
        self._callback = callback
        self._total = total
        self._done = 0

    def update(self, n: int = 1) -> None:
        """Count ``n`` more units and tell the callback."""
        self._done += n
        self._callback(self._done, self._total)
