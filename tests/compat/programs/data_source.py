"""A typed data source over ``MiroApi``: the thin wrapper layer many apps put between
their code and the client (one method per question, plain dicts out).

Written for this test suite in the style of public data-source wrappers over ``miro_api``:
every answer goes through ``to_dict()``/attributes; pages use Miro's default sizes.
"""

from typing import Any, Dict, List

from miro_api import MiroApi
from miro_api.models import TagCreateRequest
from miro_api.models.shape_create_request import ShapeCreateRequest
from miro_api.models.shape_data_for_create import ShapeDataForCreate
from miro_api.models.sticky_note_create_request import StickyNoteCreateRequest
from miro_api.models.sticky_note_data import StickyNoteData
from miro_api.models.text_create_request import TextCreateRequest
from miro_api.models.text_data import TextData


class MiroDataSource:
    def __init__(self, token: str, host: str) -> None:
        self.api = MiroApi(token)
        self.api.api_client.configuration.host = host

    def new_board(self, name: str) -> str:
        return self.api.create_board({"name": name}).id

    def board_summary(self, board_id: str) -> Dict[str, Any]:
        board = self.api.get_specific_board(board_id)
        return {"name": board.name, "owner": board.owner.name, "policy": board.policy.to_dict()}

    def first_items(self, board_id: str) -> Dict[str, Any]:
        page = self.api.get_items(board_id)
        return {"count": len(page.data), "limit": page.limit, "has_more": bool(page.cursor)}

    def items_of_type(self, board_id: str, kind: str) -> List[str]:
        return sorted(i.type for i in self.api.get_all_items(board_id, type=kind))

    def tags(self, board_id: str) -> List[Dict[str, Any]]:
        return [t.to_dict() for t in self.api.get_tags_from_board(board_id).data]

    def members(self, board_id: str) -> Dict[str, Any]:
        page = self.api.get_board_members(board_id)
        return {"limit": page.limit, "roles": [m.role for m in page.data]}

    def connectors(self, board_id: str) -> int:
        return len(self.api.get_connectors(board_id).data)


def main(token, host):
    source = MiroDataSource(token, host)
    board_id = source.new_board("Source")
    api = source.api
    for index in range(13):
        api.create_text_item(board_id, TextCreateRequest(data=TextData(content=f"t{index}")))
    shape = api.create_shape_item(
        board_id, ShapeCreateRequest(data=ShapeDataForCreate(content="s", shape="circle"))
    )
    note = api.create_sticky_note_item(
        board_id, StickyNoteCreateRequest(data=StickyNoteData(content="tag me"))
    )
    tag = api.create_tag(board_id, TagCreateRequest(title="todo", fillColor="red"))
    api.attach_tag_to_item(board_id, note.id, tag.id)
    return {
        "summary": source.board_summary(board_id),
        "first": source.first_items(board_id),
        "shapes": source.items_of_type(board_id, "shape"),
        "tags": source.tags(board_id),
        "item tags": [t.title for t in api.get_tags_from_item(board_id, note.id).tags],
        "members": source.members(board_id),
        "connectors": source.connectors(board_id),
        "shape": shape.to_dict()["data"],
    }
