"""The old import path of :class:`~miro.ScimApi`, which lives with the clients
(:mod:`miro.scim_api`); kept so ``from miro.scim.client import ScimApi`` still works.
Nothing in the SDK imports this module."""

from ..scim_api import RESOURCE_TYPES, ScimApi
from .transport import DEFAULT_SCIM_BASE_URL, ScimTransport, default_scim_base_url

__all__ = [
    "DEFAULT_SCIM_BASE_URL",
    "RESOURCE_TYPES",
    "ScimApi",
    "ScimTransport",
    "default_scim_base_url",
]
