"""Stamps every board's description and renames drafts, with pydantic helpers.

Written for this test suite in the style of public automation scripts over ``miro_api``:
``BoardChanges()`` filled by assignment, ``get_boards()`` with Miro's default page,
``model_dump``/``model_copy``/``model_validate_json``, and a too-long name caught as
pydantic's ``ValidationError`` before anything is sent.
"""

import pydantic

from miro_api import MiroApi
from miro_api.exceptions import ApiException, NotFoundException
from miro_api.models.board_changes import BoardChanges


def stamp(api, stamp_text):
    report = []
    page = api.get_boards()
    report.append(["page", len(page.data), page.total, page.limit, page.offset])
    for board in page.data:
        changes = BoardChanges()
        changes.description = f"{stamp_text}: {board.name}"
        if board.name.startswith("Draft"):
            changes.name = board.name.replace("Draft", "Final")
        else:
            changes = changes.model_copy(update={"name": board.name})
        updated = api.update_board(board.id, changes)
        report.append(["updated", updated.name, updated.description])
    return report


def main(token, host):
    api = MiroApi(token)
    api.api_client.configuration.host = host
    results = []
    for index in range(23):
        name = f"Draft {index}" if index % 2 else f"Board {index}"
        api.create_board(BoardChanges(name=name))
    results.append(BoardChanges().to_dict())  # the official default name
    results.append(BoardChanges(description="d").model_dump(by_alias=True, exclude_none=True))
    results.append(BoardChanges.model_validate_json('{"teamId": "1", "zz": 2}').to_dict())
    results += stamp(api, "Reviewed")
    try:
        BoardChanges(name="x" * 61)
    except pydantic.ValidationError as e:
        results.append(["too long", e.errors()[0]["type"], e.errors()[0]["loc"]])
    try:
        api.update_board("uXjVNoSuchBoard=", BoardChanges(name="ghost"))
    except NotFoundException as e:
        results.append(["missing", e.status, isinstance(e, ApiException)])
    return results
