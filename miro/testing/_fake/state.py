"""FakeMiro's in-memory state: users, boards, members, items, connectors, tags, groups."""

from __future__ import annotations

import itertools
import random
import string
from typing import Any, Dict, List, Optional

from .enterprise.state import Org
from .journal import Journal, Tracked, attach


class Store(Tracked):
    """Everything the fake knows. Handlers run under the server lock, one at a time.

    Its attributes, and every dict, list, set and :class:`~.journal.Tracked` object in
    them (the organization, ``store.org``, and what domain modules keep on it or in
    ``vars(store)``), are tracked by a journal: a request that fails is undone
    (:meth:`begin`, :meth:`commit`, :meth:`rollback`). Keep state in plain dicts, lists,
    sets, scalars and ``Tracked`` objects on this object.
    """

    def __init__(self, seed: Optional[int] = None) -> None:
        journal = Journal()
        attach(self, journal)
        self._journal = journal
        self._random = random.Random(seed)
        self._numbers = itertools.count(3458764500000000000 + self._random.randrange(10**12))
        self.users: Dict[str, Dict[str, Any]] = {}
        self.emails: Dict[str, str] = {}
        self.team = {"id": self.number_id(), "name": "Fake team", "type": "team"}
        self.boards: Dict[str, Dict[str, Any]] = {}
        self.members: Dict[str, Dict[str, str]] = {}  # board id -> user id -> role
        self.items: Dict[str, Dict[str, Dict[str, Any]]] = {}  # board id -> item id -> item
        self.connectors: Dict[str, Dict[str, Dict[str, Any]]] = {}
        self.tags: Dict[str, Dict[str, Dict[str, Any]]] = {}
        self.item_tags: Dict[str, Dict[str, List[str]]] = {}  # board -> item -> tag ids
        self.groups: Dict[str, Dict[str, List[str]]] = {}  # board -> group id -> item ids
        self.cursors: Dict[str, int] = {}
        self.organization = {
            "id": self.number_id(),
            "name": "Fake organization",
            "type": "organization",
        }
        #: The organization's people, teams, projects and audit log (enterprise/state.py).
        self.org = Org(self)

    def begin(self) -> None:
        """Start a transaction: :meth:`rollback` undoes every change made from now on."""
        self._journal.begin()

    def commit(self) -> None:
        """End the transaction, keeping its changes."""
        self._journal.commit()

    def rollback(self) -> None:
        """End the transaction, undoing its changes."""
        self._journal.rollback()

    def number_id(self) -> str:
        """A 19-digit decimal id, as Miro's item, user and tag ids are."""
        return str(next(self._numbers))

    def board_id(self) -> str:
        """An opaque board id ending in ``=``, like ``uXjVK3ab9Qc=``."""
        alphabet = string.ascii_letters + string.digits + "_-"
        return "uXjV" + "".join(self._random.choice(alphabet) for _ in range(7)) + "="

    def add_user(self, name: str, email: Optional[str] = None) -> str:
        """Create a user; returns the id."""
        user_id = self.number_id()
        self.users[user_id] = {"id": user_id, "name": name, "type": "user", "email": email}
        if email:
            self.emails[email.lower()] = user_id
        return user_id

    def user_for_email(self, email: str) -> str:
        """The user with this email, created on first use (an invitation)."""
        key = email.lower()
        if key not in self.emails:
            return self.add_user(email.split("@")[0], email)
        return self.emails[key]

    def user_ref(self, user_id: str) -> Dict[str, str]:
        """``{id, type: "user"}`` as items show their authors."""
        return {"id": user_id, "type": "user"}

    def user_info(self, user_id: str) -> Dict[str, str]:
        """``{id, name, type}`` as boards show their owner."""
        user = self.users[user_id]
        return {"id": user_id, "name": user["name"], "type": "user"}

    def cursor_for(self, position: int) -> str:
        """An opaque cursor standing for a position in a list."""
        token = "".join(
            self._random.choice(string.ascii_letters + string.digits) for _ in range(16)
        )
        self.cursors[token] = position
        return token

    def position_of(self, cursor: str) -> Optional[int]:
        """The list position a cursor stands for, or None for an unknown cursor."""
        return self.cursors.get(cursor)
