"""Compliance logs: audit events, board content changes and AI interactions.

* ``api.audit_logs(created_after=..., created_before=..., sorting=...)`` (no organization
  in its path): audit events of the last 90 days;
* ``org.content_logs(from_=..., to=..., board_ids=..., emails=..., sorting=...)``: changes
  to board items;
* ``org.ai_interaction_logs(from_=..., to=..., object_ids=..., emails=..., sorting=...)``:
  use of Miro's AI features (Enterprise Guard).

Each returns a lazy :class:`~miro.Paginator` over every page. Dates are timezone-aware
datetimes, dates (midnight UTC) or ISO-8601 strings, sent as the API documents them: UTC
with milliseconds and ``Z``. The three endpoints spell their parameters differently
(API-NOTES §8.15: ``createdAfter``/``createdBefore`` and ``ASC|DESC`` for audit logs,
``from``/``to`` and ``asc|desc`` for the others); here ``sorting`` takes either case
everywhere and is sent in the case each endpoint wants.
"""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, Optional

import attrs

from ..core import params as p
from ..core.convert import parse_datetime
from ..core.pagination import ORGANIZATION_CURSOR, Paginator, Paging
from ..core.resource import Collection, Model
from ..core.transport import Repeated
from ..errors import InvalidArgument, InvalidArgumentType

#: Audit logs declare no range; Miro's text gives a default of 100.
AUDIT_CURSOR = ORGANIZATION_CURSOR
#: Content logs page 1..1000 (API-NOTES §2.2).
CONTENT_CURSOR = Paging("cursor", 1, 1000, limit_as_string=False)
MAX_FILTER_VALUES = 15


def timestamp(name: str, value: Any) -> str:
    """``value`` as the logs APIs want it: ``2023-03-30T17:26:50.000Z`` (UTC, milliseconds).

    Accepts an aware datetime, a date (midnight UTC) or an ISO-8601 string with an offset.
    """
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise InvalidArgument(f"{name} must be timezone-aware (e.g. tzinfo=timezone.utc)")
    elif isinstance(value, datetime.date):
        value = datetime.datetime(value.year, value.month, value.day, tzinfo=datetime.timezone.utc)
    elif isinstance(value, str):
        try:
            value = parse_datetime(value)
        except ValueError:
            raise InvalidArgument(f"{name} must be an ISO-8601 date-time, got {value!r}") from None
    else:
        raise InvalidArgumentType(f"{name} must be a datetime, got {type(value).__name__}")
    utc = value.astimezone(datetime.timezone.utc)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def _range(names: tuple, start: Any, end: Any) -> tuple:
    first, second = timestamp(names[0], start), timestamp(names[1], end)
    if parse_datetime(first) > parse_datetime(second):
        raise InvalidArgument(f"{names[0]} must not be after {names[1]}")
    return first, second


def _sorting(value: Any, upper: bool) -> Optional[str]:
    if value is None:
        return None
    if not isinstance(value, str) or value.lower() not in ("asc", "desc"):
        raise InvalidArgument(f"sorting must be 'asc' or 'desc', got {value!r}")
    return value.upper() if upper else value.lower()


def _values(name: str, value: Any) -> Optional[Repeated]:
    if value is None:
        return None
    given = [value] if isinstance(value, str) or hasattr(value, "id") else value
    return Repeated(p.list_of(p.ID, min_items=1, max_items=MAX_FILTER_VALUES)(name, given))


# --------------------------------------------------------------------------- models


@attrs.define(kw_only=True)
class NamedRef(Model):
    """``{id, name}`` as audit events name teams, organizations and objects."""

    id: Optional[str] = None
    name: Optional[str] = None


@attrs.define(kw_only=True)
class AuditContext(Model):
    """Where an audited change happened: IP address, organization, team."""

    ip: Optional[str] = None
    team: Optional[NamedRef] = None
    organization: Optional[NamedRef] = None


@attrs.define(kw_only=True)
class Actor(Model):
    """Who did something: ``id``, ``email``, ``name`` (and, in audit logs, ``type``:
    user, application, scim_provisioner or miro_automation)."""

    id: Optional[str] = None
    type: Optional[str] = None
    name: Optional[str] = None
    email: Optional[str] = None


@attrs.define(kw_only=True)
class AuditEvent(Model):
    """One audit log event."""

    id: Optional[str] = None
    event: Optional[str] = None
    category: Optional[str] = None
    created_at: Optional[datetime.datetime] = None
    created_by: Optional[Actor] = None
    context: Optional[AuditContext] = None
    object: Optional[NamedRef] = None
    details: Dict[str, Any] = attrs.field(factory=dict)

    def __repr__(self) -> str:
        return f"AuditEvent({self.event!r}, created_at={self.created_at!r}, id={self.id!r})"


@attrs.define(kw_only=True)
class Relationship(Model):
    """An item related to a logged board item."""

    type: Optional[str] = None
    item_type: Optional[str] = None
    item_id: Optional[str] = None


@attrs.define(kw_only=True)
class ContentLog(Model):
    """One change to a board item: who did what, when, and the item's state after it."""

    id: Optional[str] = None
    content_id: Optional[str] = None
    action_type: Optional[str] = None
    action_time: Optional[datetime.datetime] = None
    actor: Optional[Actor] = None
    item_type: Optional[str] = None
    item_id: Optional[str] = None
    state: Dict[str, Any] = attrs.field(factory=dict)
    relationships: List[Relationship] = attrs.field(factory=list)


@attrs.define(kw_only=True)
class AiObject(Model):
    """The board or organization where an AI interaction happened."""

    id: Optional[str] = None
    type: Optional[str] = None


@attrs.define(kw_only=True)
class AiInteractionLog(Model):
    """One interaction with a Miro AI feature."""

    id: Optional[str] = None
    created_at: Optional[datetime.datetime] = None
    stored_at: Optional[datetime.datetime] = None
    session_id: Optional[str] = None
    message_id: Optional[str] = None
    object: Optional[AiObject] = None
    ai_feature_name: Optional[str] = None
    actor: Optional[Actor] = None
    log_type: Optional[str] = None
    details: Dict[str, Any] = attrs.field(factory=dict)


# --------------------------------------------------------------------------- collections


class AuditLogs(Collection[Any]):
    """``GET /v2/audit/logs``: the organization's audit events (reached as ``api.audit_logs``)."""

    path = "/v2/audit/logs"
    model = AuditEvent
    paging = AUDIT_CURSOR

    def __call__(
        self,
        *,
        created_after: Any,
        created_before: Any,
        sorting: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> Paginator[AuditEvent]:
        """Every audit event created in the range, oldest first unless ``sorting="desc"``."""
        after, before = _range(("created_after", "created_before"), created_after, created_before)
        query = {"createdAfter": after, "createdBefore": before}
        return self._paginate(dict(query, sorting=_sorting(sorting, upper=True)), limit)


class ContentLogs(Collection[Any]):
    """``org.content_logs(...)``: changes to board items in the organization."""

    path = "/v2/orgs/{org_id}/content-logs/items"
    model = ContentLog
    paging = CONTENT_CURSOR

    def __call__(
        self,
        *,
        from_: Any,
        to: Any,
        board_ids: Any = None,
        emails: Any = None,
        sorting: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> Paginator[ContentLog]:
        """Every change made between ``from_`` and ``to``, optionally only on ``board_ids``
        or by ``emails`` (at most 15 each); ``limit`` is the page size (1..1000)."""
        start, end = _range(("from_", "to"), from_, to)
        query = {
            "from": start,
            "to": end,
            "board_ids": _values("board_ids", board_ids),
            "emails": _values("emails", emails),
            "sorting": _sorting(sorting, upper=False),
        }
        return self._paginate(query, limit)


class AiInteractionLogs(Collection[Any]):
    """``org.ai_interaction_logs(...)``: interactions with Miro's AI features."""

    path = "/v2/orgs/{org_id}/ai-interaction-logs"
    model = AiInteractionLog
    paging = ORGANIZATION_CURSOR

    def __call__(
        self,
        *,
        from_: Any,
        to: Any,
        object_ids: Any = None,
        emails: Any = None,
        sorting: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> Paginator[AiInteractionLog]:
        """Every AI interaction stored between ``from_`` and ``to``, optionally only on
        ``object_ids`` (boards or the organization) or by ``emails`` (at most 15 each)."""
        start, end = _range(("from_", "to"), from_, to)
        query = {
            "from": start,
            "to": end,
            "object_ids": _values("object_ids", object_ids),
            "emails": _values("emails", emails),
            "sorting": _sorting(sorting, upper=False),
        }
        return self._paginate(query, limit)
