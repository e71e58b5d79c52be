"""Small models shared by several API domains (users, links, positions …)."""

from __future__ import annotations

from typing import Optional

import attrs

from .core.resource import Model


@attrs.define(kw_only=True)
class UserRef(Model):
    """A user as Miro refers to one: ``{id, type, name?}``."""

    id: Optional[str] = None
    type: Optional[str] = None
    name: Optional[str] = None


@attrs.define(kw_only=True)
class Links(Model):
    """Links Miro attaches to an object (``self``, ``related``)."""

    self_url: Optional[str] = attrs.field(default=None, metadata={"json": "self"})
    related: Optional[str] = None


@attrs.define(kw_only=True)
class Position(Model):
    """Where an item sits: x/y of its centre, relative to the canvas or its parent."""

    x: Optional[float] = None
    y: Optional[float] = None
    origin: Optional[str] = None
    relative_to: Optional[str] = None


@attrs.define(kw_only=True)
class Geometry(Model):
    """An item's size and rotation."""

    width: Optional[float] = None
    height: Optional[float] = None
    rotation: Optional[float] = None


@attrs.define(kw_only=True)
class ParentRef(Model):
    """The frame an item sits in."""

    id: Optional[str] = None
    links: Optional[Links] = None
