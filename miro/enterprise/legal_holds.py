"""Legal holds (eDiscovery, Enterprise Guard): ``org.cases`` → ``case.legal_holds`` →
``hold.content_items``, and ``case.export_jobs``.

A case groups legal holds; a hold keeps the content of the users in its scope (up to 200)
from being deleted::

    case = org.cases.create(name="Case 42", description="…")
    hold = case.legal_holds.create(name="Hold A", users=["ann@example.com"])
    for item in hold.content_items: print(item.content_id, item.type)
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Iterator, List, Optional

import attrs

from ..core import params as p
from ..core.pagination import Page, Paginator
from ..core.paths import check_id
from ..core.resource import Collection, Model, Resource
from ..core.signatures import declared
from .base import ORG_CURSOR, child

if TYPE_CHECKING:  # the keywords of create/update (generated from CASE and HOLD)
    from typing_extensions import Unpack

    from .._declared import CaseFields, LegalHoldFields

CASE = p.Body(p.top(name=p.text(min_length=1), description=p.TEXT), required=("name",))
MAX_HOLD_USERS = 200


def _users(name: str, value: Any) -> List[Any]:
    """Emails of the users held: one, or a list of 1..200."""
    emails = [value] if isinstance(value, str) else value
    checked = p.list_of(p.text(min_length=3), min_items=1, max_items=MAX_HOLD_USERS)(name, emails)
    return [{"email": email} for email in checked]


#: ``LegalHoldRequest``: a name, a description, and the users scope (their emails).
HOLD = p.Body(
    p.top(name=p.text(min_length=1), description=p.TEXT),
    {"users": p.Param(("scope", "users"), _users)},
    required=("name", "users"),
)


@attrs.define(kw_only=True)
class CaseUser(Model):
    """Who created or last changed a case or hold."""

    id: Optional[str] = None
    email: Optional[str] = None
    first_name: Optional[str] = None
    last_name: Optional[str] = None


@attrs.define(kw_only=True)
class LegalHoldScope(Model):
    """What a hold keeps: the users in it (other scope kinds are kept in ``extra``)."""

    users: List[CaseUser] = attrs.field(factory=list)


@attrs.define(kw_only=True)
class LegalHoldContentItem(Model):
    """A piece of content under hold (a board: ``content_id`` is its board id)."""

    content_id: Optional[str] = None
    type: Optional[str] = None


@attrs.define(kw_only=True)
class CaseExportJob(Model):
    """A board export job of a case (see ``org.board_exports`` for its status)."""

    id: Optional[str] = None


class LegalHoldContentItems(Collection[Any]):
    """``hold.content_items``: what the hold keeps, page by page."""

    path = "/v2/orgs/{org_id}/cases/{case_id}/legal-holds/{legal_hold_id}/content-items"
    model = LegalHoldContentItem
    paging = ORG_CURSOR

    def list(self, *, limit: Optional[int] = None) -> Paginator[LegalHoldContentItem]:
        """Every content item under the hold."""
        return self._paginate(limit=limit)

    def __iter__(self) -> Iterator[LegalHoldContentItem]:
        return iter(self.list())

    def page(
        self, *, cursor: Optional[str] = None, limit: Optional[int] = None
    ) -> Page[LegalHoldContentItem]:
        """One page of content items."""
        return self.list(limit=limit).page(cursor=cursor)


@attrs.define(kw_only=True, repr=False)
class LegalHold(Resource):
    """A legal hold of a case: its users scope and its state (PROCESSING, ACTIVE, DELETING)."""

    _summary_fields = ("name", "state")

    organization_id: Optional[str] = None
    case_id: Optional[str] = None
    name: Optional[str] = None
    description: Optional[str] = None
    state: Optional[str] = None
    scope: Optional[LegalHoldScope] = None
    created_by: Optional[CaseUser] = None
    last_modified_by: Optional[CaseUser] = None
    created_at: Optional[datetime.datetime] = None
    last_modified_at: Optional[datetime.datetime] = None

    content_items = child(LegalHoldContentItems)

    @declared(HOLD)
    def update(self, **fields: Unpack[LegalHoldFields]) -> LegalHold:
        """Replace the hold's name, description and users (all users, every time)."""
        self._replace_with(self._require_collection().update(self.id, **fields))
        return self

    def delete(self) -> None:
        """Release the hold."""
        self._require_collection().delete(self.id)


class LegalHolds(Collection[LegalHold]):
    """``case.legal_holds``: create, list, get, replace, delete."""

    path = "/v2/orgs/{org_id}/cases/{case_id}/legal-holds"
    item_key = "legal_hold_id"
    model = LegalHold
    paging = ORG_CURSOR

    @declared(HOLD)
    def create(self, **fields: Unpack[LegalHoldFields]) -> LegalHold:
        """Put ``users`` (emails, 1..200) under a new hold; returns it."""
        return self._create(HOLD.build(fields))

    def list(self, *, limit: Optional[int] = None) -> Paginator[LegalHold]:
        """Every hold of the case."""
        return self._paginate(limit=limit)

    def __iter__(self) -> Iterator[LegalHold]:
        return iter(self.list())

    def page(self, *, cursor: Optional[str] = None, limit: Optional[int] = None) -> Page[LegalHold]:
        """One page of holds."""
        return self.list(limit=limit).page(cursor=cursor)

    def get(self, legal_hold_id: str, *, lazy: bool = False) -> LegalHold:
        """One hold (``lazy=True``: a handle, no request)."""
        if lazy:
            return LegalHold(id=check_id("legal_hold_id", legal_hold_id))._bind(self)
        return self._get(legal_hold_id)

    @declared(HOLD)
    def update(self, legal_hold_id: str, **fields: Unpack[LegalHoldFields]) -> LegalHold:
        """Replace a hold's name, description and users (PUT)."""
        return self._update(legal_hold_id, HOLD.build(fields), method="PUT")

    def delete(self, legal_hold_id: str) -> None:
        """Release a hold."""
        self._delete(legal_hold_id)


class CaseExportJobs(Collection[Any]):
    """``case.export_jobs``: the board export jobs made for a case."""

    path = "/v2/orgs/{org_id}/cases/{case_id}/export-jobs"
    model = CaseExportJob
    paging = ORG_CURSOR

    def list(self, *, limit: Optional[int] = None) -> Paginator[CaseExportJob]:
        """Every export job of the case."""
        return self._paginate(limit=limit)

    def __iter__(self) -> Iterator[CaseExportJob]:
        return iter(self.list())

    def page(
        self, *, cursor: Optional[str] = None, limit: Optional[int] = None
    ) -> Page[CaseExportJob]:
        """One page of export jobs."""
        return self.list(limit=limit).page(cursor=cursor)


@attrs.define(kw_only=True, repr=False)
class Case(Resource):
    """A legal case of the organization; holds and export jobs hang off it."""

    _summary_fields = ("name",)

    organization_id: Optional[str] = None
    name: Optional[str] = None
    description: Optional[str] = None
    created_by: Optional[CaseUser] = None
    last_modified_by: Optional[CaseUser] = None
    created_at: Optional[datetime.datetime] = None
    last_modified_at: Optional[datetime.datetime] = None

    legal_holds = child(LegalHolds)
    export_jobs = child(CaseExportJobs)

    @declared(CASE)
    def update(self, **fields: Unpack[CaseFields]) -> Case:
        """Replace the case's name and description; updates this object."""
        self._replace_with(self._require_collection().update(self.id, **fields))
        return self

    def delete(self) -> None:
        """Close the case (its holds must be released first)."""
        self._require_collection().delete(self.id)


class Cases(Collection[Case]):
    """``org.cases``: create, list, get, replace, delete legal cases."""

    path = "/v2/orgs/{org_id}/cases"
    item_key = "case_id"
    model = Case
    paging = ORG_CURSOR

    @declared(CASE)
    def create(self, **fields: Unpack[CaseFields]) -> Case:
        """Open a case; returns it."""
        return self._create(CASE.build(fields))

    def list(self, *, limit: Optional[int] = None) -> Paginator[Case]:
        """Every case of the organization."""
        return self._paginate(limit=limit)

    def __iter__(self) -> Iterator[Case]:
        return iter(self.list())

    def page(self, *, cursor: Optional[str] = None, limit: Optional[int] = None) -> Page[Case]:
        """One page of cases."""
        return self.list(limit=limit).page(cursor=cursor)

    def get(self, case_id: str, *, lazy: bool = False) -> Case:
        """One case (``lazy=True``: a handle, no request)."""
        if lazy:
            return Case(id=check_id("case_id", case_id))._bind(self)
        return self._get(case_id)

    @declared(CASE)
    def update(self, case_id: str, **fields: Unpack[CaseFields]) -> Case:
        """Replace a case's name and description (PUT)."""
        return self._update(case_id, CASE.build(fields), method="PUT")

    def delete(self, case_id: str) -> None:
        """Close a case."""
        self._delete(case_id)
