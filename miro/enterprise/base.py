"""What every enterprise module shares: child collections hung off a resource.

``child(Collection)`` declares a collection under a resource, built from the resource's
own ids when the attribute is read — no request until the collection is used (STYLE 13)::

    class Team(Resource):
        members = child(TeamMembers)   # /v2/orgs/{org_id}/teams/{team_id}/members

The parent's collection supplies the ids above it (``org_id``) and the resource adds its
own under the collection's ``item_key`` (``team_id``), so ``org → team → project →
members`` is one request, the last one, even from lazy handles.
"""

from __future__ import annotations

from typing import Any, Dict, Generic, Optional, Type, TypeVar, overload

from ..core.pagination import ORGANIZATION_CURSOR
from ..core.resource import Collection, Resource

C = TypeVar("C", bound=Collection)


def ids_of(resource: Resource) -> Dict[str, Any]:
    """The path ids a resource's children need: its parents' and its own."""
    collection = resource._require_collection()
    ids = dict(collection._parents)
    ids[collection.item_key] = resource.id
    return ids


class child(Generic[C]):  # noqa: N801 - used like a field declaration
    """A child collection of a resource, built lazily from the resource's ids."""

    def __init__(self, collection: Type[C]) -> None:
        self.collection = collection
        self.__doc__ = collection.__doc__

    @overload
    def __get__(self, obj: None, owner: Optional[type] = None) -> child[C]: ...

    @overload
    def __get__(self, obj: Resource, owner: Optional[type] = None) -> C: ...

    def __get__(self, obj: Optional[Resource], owner: Optional[type] = None) -> Any:
        if obj is None:
            return self
        parent = obj._require_collection()
        return self.collection(parent.transport, **ids_of(obj))


#: The spec's organization cursor lists (API-NOTES §2.2): limit 1–100, integers.
ORG_CURSOR = ORGANIZATION_CURSOR
