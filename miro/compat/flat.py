"""Every official flat method at once: the type checkers' view of :class:`miro.MiroApi`.

Importing this module loads every family (and registers every operation); at run time
``MiroApi`` loads them one family at a time instead (:mod:`miro.compat.lazy`).
"""

from .boards import BoardsFlat
from .connectors import ConnectorsFlat
from .enterprise_compliance import EnterpriseComplianceFlat
from .enterprise_exports import EnterpriseExportsFlat
from .enterprise_groups import EnterpriseGroupsFlat
from .enterprise_logs import EnterpriseLogsFlat
from .enterprise_org import EnterpriseOrgFlat
from .experimental import ExperimentalFlat
from .groups import GroupsFlat
from .items import ItemsFlat
from .scim import ScimFlat
from .tags import TagsFlat
from .tokens import TokensFlat


class FlatMethods(
    BoardsFlat,
    ItemsFlat,
    ConnectorsFlat,
    TagsFlat,
    GroupsFlat,
    ExperimentalFlat,
    TokensFlat,
    ScimFlat,
    EnterpriseOrgFlat,
    EnterpriseGroupsFlat,
    EnterpriseExportsFlat,
    EnterpriseLogsFlat,
    EnterpriseComplianceFlat,
):
    """Every official flat method this SDK implements."""


__all__ = ["FlatMethods"]
