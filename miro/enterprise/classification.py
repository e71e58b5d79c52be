"""Board data classification: labels of sensitivity at organization, team and board level.

``org.data_classification.settings()`` lists the organization's labels;
``team.data_classification.settings()`` / ``update_settings(enabled=, default_label_id=)``;
``team.data_classification.classify_boards(label_id, not_classified_only=True)`` labels the
team's boards in bulk; ``team.data_classification.board(board_id)`` /
``set_board(board_id, label_id)`` read and set one board's label. Label ids are numbers in
strings (``"3458764517517818867"``); an int is accepted too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, List, Optional

import attrs

from ..core import params as p
from ..core.paths import check_id, expand
from ..core.resource import Collection, Model
from ..core.signatures import declared
from ..errors import InvalidArgument

if TYPE_CHECKING:  # the keywords of update_settings (generated from TEAM_SETTINGS)
    from typing_extensions import Unpack

    from .._declared import ClassificationSettingsChanges


def as_label_id(name: str, value: Any) -> int:
    """A label id as the API's int64 (given as a digit string or an int)."""
    text = check_id(name, value)
    if not text.isdigit():
        raise InvalidArgument(f"{name} must be a numeric label id, got {value!r}")
    return int(text)


TEAM_SETTINGS = p.Body(p.top(enabled=p.BOOLEAN, default_label_id=as_label_id))
BULK = p.Body(p.top(label_id=as_label_id, not_classified_only=p.BOOLEAN), required=("label_id",))


@attrs.define(kw_only=True)
class DataClassificationLabel(Model):
    """A classification label (``Public``, ``Confidential`` …) and its guidance."""

    id: Optional[str] = None
    name: Optional[str] = None
    color: Optional[str] = None
    default: Optional[bool] = None
    description: Optional[str] = None
    order_number: Optional[int] = None
    sharing_recommendation: Optional[str] = None
    guideline_url: Optional[str] = None
    type: Optional[str] = None


@attrs.define(kw_only=True)
class OrganizationDataClassification(Model):
    """Whether the organization classifies boards, and its labels."""

    enabled: Optional[bool] = None
    labels: List[DataClassificationLabel] = attrs.field(factory=list)
    type: Optional[str] = None


@attrs.define(kw_only=True)
class TeamDataClassification(Model):
    """Whether a team classifies its boards, and the label new boards get."""

    default_label_id: Optional[str] = None
    enabled: Optional[bool] = None
    type: Optional[str] = None


@attrs.define(kw_only=True)
class BoardsClassified(Model):
    """What a bulk classification changed."""

    number_updated_boards: Optional[int] = None
    type: Optional[str] = None


class OrganizationClassification(Collection[Any]):
    """``org.data_classification``: the organization's labels."""

    path = "/v2/orgs/{org_id}/data-classification-settings"
    model = OrganizationDataClassification

    def settings(self) -> OrganizationDataClassification:
        """Whether classification is on, and every label."""
        return self.wrap(self.request("GET", self.url()))


class TeamClassification(Collection[Any]):
    """``team.data_classification``: the team's settings and its boards' labels."""

    path = "/v2/orgs/{org_id}/teams/{team_id}/data-classification"
    model = BoardsClassified

    def settings(self) -> TeamDataClassification:
        """The team's classification settings."""
        body = self.request("GET", self.url(suffix="-settings"))
        return TeamDataClassification.from_dict(body)

    @declared(TEAM_SETTINGS)
    def update_settings(
        self, **changes: Unpack[ClassificationSettingsChanges]
    ) -> TeamDataClassification:
        """Turn classification on or off for the team, or change its default label."""
        body = TEAM_SETTINGS.build(changes)
        answer = self.request("PATCH", self.url(suffix="-settings"), json=body)
        return TeamDataClassification.from_dict(answer)

    def classify_boards(self, label_id: Any, *, not_classified_only: Optional[bool] = None) -> int:
        """Give the team's boards a label (only unlabelled ones with
        ``not_classified_only=True``); returns how many boards changed."""
        answer = self.classify_boards_answer(label_id, not_classified_only=not_classified_only)
        return answer.number_updated_boards or 0

    def classify_boards_answer(
        self, label_id: Any, *, not_classified_only: Optional[bool] = None
    ) -> BoardsClassified:
        """:meth:`classify_boards`, returning Miro's whole answer (count and ``type``)."""
        body = BULK.build({"label_id": label_id, "not_classified_only": not_classified_only})
        return BoardsClassified.from_dict(self.request("PATCH", self.url(), json=body))

    def _board_url(self, board_id: Any) -> str:
        ids = dict(self._parents, board_id=board_id)
        return expand(
            "/v2/orgs/{org_id}/teams/{team_id}/boards/{board_id}/data-classification", **ids
        )

    def board(self, board_id: Any) -> DataClassificationLabel:
        """The label of one of the team's boards."""
        return DataClassificationLabel.from_dict(self.request("GET", self._board_url(board_id)))

    def set_board(self, board_id: Any, label_id: Any) -> DataClassificationLabel:
        """Label one board; returns the label now on it."""
        body = {"labelId": str(as_label_id("label_id", label_id))}
        answer = self.request("POST", self._board_url(board_id), json=body)
        return DataClassificationLabel.from_dict(answer)
