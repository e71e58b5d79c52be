"""Undoable state: dicts and lists that remember how they were when a transaction began.

FakeMiro answers every request atomically (``server.py``): a request that fails leaves the
store as it was. Copying the whole store per request would cost O(store) on every write
(~300 ms with 2,000 items); instead every dict and list of the store is a :class:`TDict` /
:class:`TList` that, the first time it changes inside a transaction, saves a shallow copy of
itself. Rolling back puts those copies back, so a write costs O(size of the containers it
touches) and a read nothing.

Values stored into a tracked container are tracked too (plain dicts and lists are converted
on the way in); copies (``copy.copy``/``copy.deepcopy``) are plain again.
"""

from __future__ import annotations

import copy
import functools
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple


class Journal:
    """How to undo each change made since :meth:`begin` (one entry per changed container)."""

    def __init__(self) -> None:
        self.saved: Optional[Dict[Any, Callable[[], None]]] = None

    def begin(self) -> None:
        """Start remembering."""
        self.saved = {}

    def commit(self) -> None:
        """Keep every change since :meth:`begin`."""
        self.saved = None

    def rollback(self) -> None:
        """Undo every change since :meth:`begin`."""
        saved, self.saved = self.saved or {}, None
        for undo in reversed(list(saved.values())):
            undo()

    def touch(self, key: Any, undo: Callable[[], Callable[[], None]]) -> None:
        """Something (``key``) is about to change: ``undo()`` makes what puts it back."""
        if self.saved is not None and key not in self.saved:
            self.saved[key] = undo()


def track(value: Any, journal: Journal) -> Any:
    """``value`` with every dict and list in it tracked by ``journal``."""
    if isinstance(value, TDict) and value._journal is journal:
        return value
    if isinstance(value, TList) and value._journal is journal:
        return value
    if isinstance(value, dict):
        tracked = TDict(journal)
        dict.update(tracked, ((k, track(v, journal)) for k, v in value.items()))
        return tracked
    if isinstance(value, list):
        listed = TList(journal)
        list.extend(listed, (track(v, journal) for v in value))
        return listed
    return value


class TDict(dict):
    """A dict whose changes a :class:`Journal` can undo."""

    __slots__ = ("_journal",)

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self._journal = journal

    def _touch(self) -> None:
        self._journal.touch(id(self), lambda: functools.partial(self._restore, dict(self)))

    def _restore(self, content: Dict[Any, Any]) -> None:
        dict.clear(self)
        dict.update(self, content)

    def __setitem__(self, key: Any, value: Any) -> None:
        self._touch()
        dict.__setitem__(self, key, track(value, self._journal))

    def __delitem__(self, key: Any) -> None:
        self._touch()
        dict.__delitem__(self, key)

    def pop(self, key: Any, *default: Any) -> Any:
        """As ``dict.pop``."""
        self._touch()
        return dict.pop(self, key, *default)

    def popitem(self) -> Tuple[Any, Any]:
        """As ``dict.popitem``."""
        self._touch()
        return dict.popitem(self)

    def setdefault(self, key: Any, default: Any = None) -> Any:
        """As ``dict.setdefault``; returns the stored (tracked) value."""
        if key not in self:
            self[key] = default
        return dict.__getitem__(self, key)

    def update(self, *args: Any, **kwargs: Any) -> None:
        """As ``dict.update``."""
        for key, value in dict(*args, **kwargs).items():
            self[key] = value

    def clear(self) -> None:
        """As ``dict.clear``."""
        self._touch()
        dict.clear(self)

    def __ior__(self, other: Any) -> TDict:  # type: ignore[misc]
        self.update(other)
        return self

    def __copy__(self) -> Dict[Any, Any]:
        return dict(self)

    def __deepcopy__(self, memo: Dict[int, Any]) -> Dict[Any, Any]:
        return {copy.deepcopy(k, memo): copy.deepcopy(v, memo) for k, v in self.items()}

    def __reduce__(self) -> Any:
        return (dict, (dict(self),))


class TList(list):
    """A list whose changes a :class:`Journal` can undo."""

    __slots__ = ("_journal",)

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self._journal = journal

    def _touch(self) -> None:
        self._journal.touch(id(self), lambda: functools.partial(self._restore, list(self)))

    def _restore(self, content: List[Any]) -> None:
        list.clear(self)
        list.extend(self, content)

    def _in(self, values: Iterable[Any]) -> List[Any]:
        return [track(v, self._journal) for v in values]

    def __setitem__(self, index: Any, value: Any) -> None:
        self._touch()
        if isinstance(index, slice):
            list.__setitem__(self, index, self._in(value))
        else:
            list.__setitem__(self, index, track(value, self._journal))

    def __delitem__(self, index: Any) -> None:
        self._touch()
        list.__delitem__(self, index)

    def __iadd__(self, values: Iterable[Any]) -> TList:  # type: ignore[misc]
        self.extend(values)
        return self

    def __imul__(self, times: Any) -> TList:  # type: ignore[misc]
        self._touch()
        list.__imul__(self, times)
        return self

    def append(self, value: Any) -> None:
        """As ``list.append``."""
        self._touch()
        list.append(self, track(value, self._journal))

    def extend(self, values: Iterable[Any]) -> None:
        """As ``list.extend``."""
        self._touch()
        list.extend(self, self._in(values))

    def insert(self, index: Any, value: Any) -> None:
        """As ``list.insert``."""
        self._touch()
        list.insert(self, index, track(value, self._journal))

    def remove(self, value: Any) -> None:
        """As ``list.remove``."""
        self._touch()
        list.remove(self, value)

    def pop(self, index: Any = -1) -> Any:
        """As ``list.pop``."""
        self._touch()
        return list.pop(self, index)

    def clear(self) -> None:
        """As ``list.clear``."""
        self._touch()
        list.clear(self)

    def sort(self, *args: Any, **kwargs: Any) -> None:
        """As ``list.sort``."""
        self._touch()
        list.sort(self, *args, **kwargs)

    def reverse(self) -> None:
        """As ``list.reverse``."""
        self._touch()
        list.reverse(self)

    def __copy__(self) -> List[Any]:
        return list(self)

    def __deepcopy__(self, memo: Dict[int, Any]) -> List[Any]:
        return [copy.deepcopy(v, memo) for v in self]

    def __reduce__(self) -> Any:
        return (list, (list(self),))
