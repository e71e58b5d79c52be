"""The SCIM client, :class:`ScimApi` (see :mod:`miro.scim`): a client like
:class:`~miro.MiroApi`, above the official flat names (:mod:`miro.compat.scim`) it carries
and the SCIM domain (:mod:`miro.scim`) below them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, List, Optional

import requests

if TYPE_CHECKING:  # the flat methods with their per-call keywords (generated)
    from .compat._declared import ScimFlat
else:
    from .compat.scim import ScimFlat
from .core.paths import expand
from .core.transport import DEFAULT_DEADLINE, DEFAULT_TIMEOUT, TokenProvider
from .scim.collections import ScimGroups, ScimUsers
from .scim.models import (
    ResourceType,
    ScimListResponse,
    ScimSchema,
    ServiceProviderConfig,
)
from .scim.transport import ScimTransport, default_scim_base_url

RESOURCE_TYPES = ("User", "Group")


class ScimApi(ScimFlat):
    """A client of Miro's SCIM 2.0 service for one SCIM API token.

    Fluent: ``scim.users``, ``scim.groups``, ``scim.service_provider_config()``,
    ``scim.resource_types()``, ``scim.schemas()``. Official names: ``scim.list_users()``,
    ``scim.create_user(body)`` … (also on :class:`~miro.MiroApi`, sent to the SCIM base URL).

    Args:
        token: the SCIM API token, or a callable returning it.
        base_url: the SCIM root (default ``https://miro.com/api/v1/scim``, or
            ``MIRO_SCIM_BASE_URL``); ``fake.scim_url`` for a FakeMiro.

    ``timeout``, ``max_retries``, ``max_retry_wait``, ``session``, ``on_unauthorized``,
    ``deadline``, ``pacing`` and ``allow_http`` mean what they mean for :class:`~miro.MiroApi`.
    """

    def __init__(
        self,
        token: TokenProvider,
        *,
        base_url: Optional[str] = None,
        timeout: Optional[float] = DEFAULT_TIMEOUT,
        max_retries: int = 3,
        max_retry_wait: float = 60.0,
        session: Optional[requests.Session] = None,
        on_unauthorized: Optional[Callable[[str], bool]] = None,
        deadline: Optional[float] = DEFAULT_DEADLINE,
        pacing: bool = True,
        allow_http: bool = False,
    ) -> None:
        self._transport = ScimTransport(
            token,
            base_url=base_url or default_scim_base_url(),
            timeout=timeout,
            max_retries=max_retries,
            max_retry_wait=max_retry_wait,
            session=session,
            on_unauthorized=on_unauthorized,
            deadline=deadline,
            pacing=pacing,
            allow_http=allow_http,
        )
        #: The organization's users: ``scim.users.create(...)``, ``scim.users.list(filter=...)``.
        self.users = ScimUsers(self._transport)
        #: The organization's teams as SCIM groups.
        self.groups = ScimGroups(self._transport)

    def __repr__(self) -> str:
        return f"ScimApi(base_url={self._transport.base_url!r})"

    def __enter__(self) -> ScimApi:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP connections."""
        self._transport.close()

    def _scim_client(self) -> ScimApi:
        return self

    def _get(self, path: str) -> Any:
        return self._transport.request("GET", path)

    def service_provider_config(self) -> ServiceProviderConfig:
        """What the SCIM service supports (patch, filter, sort, bulk …)."""
        return ServiceProviderConfig.from_dict(self._get("/ServiceProviderConfig"))

    def resource_types(self) -> List[ResourceType]:
        """The resource types the service offers (User, Group)."""
        body = ScimListResponse.from_dict(self._get("/ResourceTypes"))
        return [ResourceType.from_dict(r) for r in body.resources]

    def resource_type(self, name: str) -> ResourceType:
        """One resource type: ``"User"`` or ``"Group"``."""
        from .core import params as p

        p.choice(*RESOURCE_TYPES)("name", name)
        return ResourceType.from_dict(self._get(expand("/ResourceTypes/{name}", name=name)))

    def schemas(self) -> List[ScimSchema]:
        """The schemas the service uses, with their attributes."""
        body = ScimListResponse.from_dict(self._get("/Schemas"))
        return [ScimSchema.from_dict(r) for r in body.resources]

    def schema(self, uri: str) -> ScimSchema:
        """One schema by its URN, e.g. ``urn:ietf:params:scim:schemas:core:2.0:User``."""
        return ScimSchema.from_dict(self._get(expand("/Schemas/{uri}", uri=uri)))
