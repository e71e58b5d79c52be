"""A client with its own 429 backoff (the shim retries 429 first; when 429s persist its
error is the official ``ApiException`` with ``status``, ``headers``, ``body``, ``reason``).

Written for this test suite in the style of public clients that wrap ``miro_api`` calls
in a retry loop keyed on ``ApiException.status == 429`` and ``Retry-After``.
"""

import json
import time

from miro_api import MiroApi
from miro_api.exceptions import ApiException
from miro_api.models.board_changes import BoardChanges


def with_backoff(call, *args, attempts=10):
    seen = []
    for _ in range(attempts):
        try:
            return call(*args), seen
        except ApiException as e:
            if e.status != 429:
                raise
            body = json.loads(e.body)
            seen.append([e.status, e.reason, e.headers.get("Retry-After"), body["status"]])
            time.sleep(float(e.headers.get("Retry-After") or 0))
    raise RuntimeError("gave up")


def main(token, host):
    api = MiroApi(token)
    api.api_client.configuration.host = host
    board = api.create_board(BoardChanges(name="Throttled"))
    updated, seen = with_backoff(api.update_board, board.id, BoardChanges(name="Finally"))
    return {"name": updated.name, "first 429": seen[0], "gave up": bool(not seen)}
