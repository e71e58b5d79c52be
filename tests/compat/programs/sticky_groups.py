"""Layout helpers: grouped sticky notes under a title note, joined by connectors.

Written for this test suite in the style of public FastAPI back ends built on ``miro_api``
(per-model imports, alias keywords such as ``StickyNoteStyle(fillColor=...)``, a
``ConnectorStyle(lineColor=...)`` keyword the model does not have, ``Position`` defaults).
"""

from miro_api import MiroApi
from miro_api.models.caption import Caption
from miro_api.models.connector_creation_data import ConnectorCreationData
from miro_api.models.connector_style import ConnectorStyle
from miro_api.models.fixed_ratio_no_rotation_geometry import FixedRatioNoRotationGeometry
from miro_api.models.item_connection_creation_data import ItemConnectionCreationData
from miro_api.models.position import Position
from miro_api.models.position_change import PositionChange
from miro_api.models.sticky_note_create_request import StickyNoteCreateRequest
from miro_api.models.sticky_note_data import StickyNoteData
from miro_api.models.sticky_note_style import StickyNoteStyle

WIDTH = 200
GAP = 10


def vacant_position(api, board_id):
    items = list(api.get_all_items(board_id=board_id))
    if not items:
        return Position(x=0, y=0)
    right = max(item.position.x + item.geometry.width for item in items)
    top = min(item.position.y for item in items)
    return Position(x=right + 200, y=top)


def note(api, board_id, content, color, x, y):
    return api.create_sticky_note_item(
        board_id=board_id,
        sticky_note_create_request=StickyNoteCreateRequest(
            data=StickyNoteData(content=content),
            style=StickyNoteStyle(fillColor=color),
            position=PositionChange(x=x, y=y),
            geometry=FixedRatioNoRotationGeometry(width=WIDTH),
        ),
    )


def post_groups(api, board_id, groups):
    origin = vacant_position(api, board_id)
    made = {"origin": origin.to_dict(), "titles": [], "children": [], "connectors": []}
    x = origin.x
    colors = ["light_yellow", "light_blue", "light_green"]
    for index, (title, children) in enumerate(groups.items()):
        color = colors[index % len(colors)]
        head = note(api, board_id, f"# {title}", color, x + (WIDTH + GAP) * len(children) / 2, 0)
        made["titles"].append(head.data.content)
        for child in children:
            item = note(api, board_id, child, color, x, 500)
            made["children"].append([item.data.content, item.style.fill_color])
            connector = api.create_connector(
                board_id=board_id,
                connector_creation_data=ConnectorCreationData(
                    start_item=ItemConnectionCreationData(id=head.id),
                    end_item=ItemConnectionCreationData(id=item.id),
                    shape="curved",
                    captions=[Caption(content="categorized")],
                    style=ConnectorStyle(lineColor="black", lineWidth=2, strokeWidth="2"),
                ),
            )
            made["connectors"].append(connector.shape)
            x += WIDTH + GAP
    return made


def main(token, host):
    api = MiroApi(token)
    api.api_client.configuration.host = host
    board = api.create_board()
    note(api, board.id, "already here", "gray", 0, 0)
    return post_groups(api, board.id, {"Fruit": ["apple", "pear"], "Tools": ["saw"]})
