"""Recolours cards by priority, frame by frame, and reports what it did.

Written for this test suite in the style of public scripts that recolour Jira cards with
``miro_api`` (``UpdateCardStyle()`` then attribute assignment, ``CardUpdateRequest()``
with ``.style`` assigned, ``frame.data.actual_instance.title``, the official exceptions and
pydantic's ``ValidationError`` caught per card).
"""

from pydantic import ValidationError

from miro_api import MiroApi
from miro_api.exceptions import BadRequestException, NotFoundException
from miro_api.models.card_create_request import CardCreateRequest
from miro_api.models.card_data import CardData
from miro_api.models.card_update_request import CardUpdateRequest
from miro_api.models.frame_changes import FrameChanges
from miro_api.models.frame_create_request import FrameCreateRequest
from miro_api.models.parent import Parent
from miro_api.models.position_change import PositionChange
from miro_api.models.update_card_style import UpdateCardStyle

PRIORITY = {"Ship it": "HIGH", "Write docs": "LOW", "Fix bug": "MEDIUM", "Odd one": "ODD"}
THEMES = {"HIGH": "#F24726", "MEDIUM": "#FAC710", "LOW": "#2D9BF0", "ODD": 7}


def find_frame(api, board_id, name):
    for frame in api.get_all_items(board_id=board_id, type="frame"):
        if str(frame.data.actual_instance.title) == name:
            return frame.id
    return ""


def colourise(api, board_id, frame_name):
    log = []
    frame_id = find_frame(api, board_id, frame_name)
    items = list(api.get_all_items_within_frame(board_id=board_id, parent_item_id=frame_id))
    for item in items + [None]:
        item_id = item.id if item is not None else "3458764000000000000"
        try:
            card = api.get_card_item(board_id=board_id, item_id=item_id)
            style = UpdateCardStyle()
            style.card_theme = THEMES[PRIORITY[card.data.title]]
            update = CardUpdateRequest()
            update.style = style
            updated = api.update_card_item(
                board_id=board_id, item_id=item_id, card_update_request=update
            )
            log.append(f"Updated {updated.data.title} to {updated.style.card_theme}")
        except NotFoundException as e:
            log.append(f"not found ({e.status})")
        except BadRequestException as e:
            log.append(f"bad request ({e.status})")
        except ValidationError as e:
            log.append(f"invalid: {[err['type'] for err in e.errors()]}")
    return log


def main(token, host):
    api = MiroApi(token)
    api.api_client.configuration.host = host
    board = api.create_board()
    frame = api.create_frame_item(
        board.id,
        FrameCreateRequest(data=FrameChanges(title="Next PI"), position=PositionChange(x=0, y=0)),
    )
    for index, title in enumerate(PRIORITY):
        body = CardCreateRequest(data=CardData(title=title))
        body.parent = Parent(id=frame.id)
        body.position = PositionChange(x=index * 10, y=0)
        api.create_card_item(board.id, body)
    return colourise(api, board.id, "Next PI")
