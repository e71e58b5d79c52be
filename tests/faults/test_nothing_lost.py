"""Fault injection on FakeMiro: for each scenario, the items intended are the items on the
board at the end, none twice, and no token reaches a log record.

Each scenario creates 100 sticky notes (5 bulk requests) while FakeMiro misbehaves; the
caller follows the documented pattern: ``create_many``, and on failure
``error.bulk.resume()`` until done.
"""

from __future__ import annotations

from typing import Any, Callable, List

import pytest

import miro
from miro.items import StickyNoteSpec, Upload

from .helpers import contents_on_board, every_logger_at_debug, secrets_of

COUNT = 100


def bulk_path(board: Any) -> str:
    return f"/v2/boards/{board.id.replace('=', '%3D')}/items/bulk"


def create_all(board: Any, specs: List[Any]) -> List[Any]:
    """The pattern the README documents: resume until the job is done."""
    try:
        return board.items.create_many(specs)
    except miro.MiroError as error:
        failure = error
    for _ in range(10):
        assert failure.bulk is not None, f"no progress on {failure!r}"
        try:
            return failure.bulk.resume()
        except miro.MiroError as error:
            failure = error
    raise AssertionError("the job did not finish in 10 resumes")


def cut_between_chunks(fake: Any, board: Any) -> None:
    fake.fail_next(status=0, path=bulk_path(board), after=2)


def cut_after_the_work(fake: Any, board: Any) -> None:
    fake.break_answer("cut", path=bulk_path(board), after=1, times=2)


def cut_mid_body(fake: Any, board: Any) -> None:
    fake.break_answer("truncate", path=bulk_path(board), after=2)


def timeout(fake: Any, board: Any) -> None:
    board.items._transport.timeout = 0.3
    fake.delay(0.6)


def storm_30_percent(fake: Any, board: Any) -> None:
    fake.storm(rate=0.3, statuses=(500, 502, 503, 429), seed=12)


storm_30_percent.count = 400  # type: ignore[attr-defined]  # enough calls for the storm


def html_body(fake: Any, board: Any) -> None:
    fake.break_answer("html", path=bulk_path(board), after=1)


def truncated_body(fake: Any, board: Any) -> None:
    fake.break_answer("invalid_json", path=bulk_path(board), after=3)


def null_body(fake: Any, board: Any) -> None:
    fake.break_answer("null", path=bulk_path(board))


def malformed_element(fake: Any, board: Any) -> None:
    fake.break_answer("bad_element", path=bulk_path(board), times=2)


SCENARIOS: List[Callable[[Any, Any], None]] = [
    cut_between_chunks,
    cut_after_the_work,
    cut_mid_body,
    timeout,
    storm_30_percent,
    html_body,
    truncated_body,
    null_body,
    malformed_element,
]


@pytest.mark.contract_exempt("answers are spoiled on purpose (HTML, truncated, malformed)")
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda f: f.__name__)
def test_every_intended_item_is_on_the_board_once(fake, scenario):
    api = miro.MiroApi(fake.token, base_url=fake.url)
    board = api.boards.create(name=scenario.__name__)
    count = getattr(scenario, "count", COUNT)
    specs = [StickyNoteSpec(content=f"note {i}", x=i * 10, y=0) for i in range(count)]
    with every_logger_at_debug() as logs:
        scenario(fake, board)
        created = create_all(board, specs)
        fake.calm()
    on_board = contents_on_board(fake, board.id)
    intended = {f"note {i}": 1 for i in range(count)}
    assert on_board == intended  # every one there, none twice
    assert len(created) == count and len({item.id for item in created}) == count
    readable = [item for item in created if item.data is not None]
    assert [item.data.content for item in readable] == [
        f"note {i}" for i in range(count) if created[i].data is not None
    ]
    struck = [e for e in fake.exchanges if "X-FakeMiro-Fault" in e.response_headers]
    if scenario is storm_30_percent:
        assert len(struck) >= 5  # 500s, 502s, 503s and 429s on POSTs and on the checks
    checked = [e for e in fake.exchanges if e.method == "GET" and e.path.endswith("/items")]
    assert struck or checked, "the fault never happened"
    leaked = [secret for secret in secrets_of(fake) if secret in logs.text()]
    assert leaked == [], "a token reached the logs"


@pytest.mark.contract_exempt("the answer is malformed on purpose")
def test_a_malformed_element_keeps_its_id_and_the_others(fake):
    api = miro.MiroApi(fake.token, base_url=fake.url)
    board = api.boards.create(name="malformed")
    fake.break_answer("bad_element", path=bulk_path(board))
    created = board.items.create_many([StickyNoteSpec(content=str(i)) for i in range(5)])
    assert len(created) == 5
    broken = created[2]
    assert broken.data is None and broken.extra["data"] == "not an object"
    assert broken.id in fake.store.items[board.id]  # reachable: nothing orphaned
    assert [c.data.content for c in created if c is not broken] == ["0", "1", "3", "4"]


def test_a_refused_chunk_reports_created_and_not_created_in_input_order(fake):
    api = miro.MiroApi(fake.token, base_url=fake.url)
    board = api.boards.create(name="refused")
    specs = [StickyNoteSpec(content=str(i)) for i in range(45)]
    fake.fail_next(status=400, path=bulk_path(board), after=1)
    with pytest.raises(miro.errors.BadRequest) as failed:
        board.items.create_many(specs)
    progress = failed.value.bulk
    assert [n.data.content for n in progress.created] == [str(i) for i in range(20)]
    assert failed.value.created == progress.created
    assert progress.not_created == specs[20:] and progress.unconfirmed == []
    done = progress.resume()
    assert [n.data.content for n in done] == [str(i) for i in range(45)]
    assert len(fake.store.items[board.id]) == 45


@pytest.mark.contract_exempt("the board check fails on purpose")
def test_an_unconfirmed_chunk_is_checked_on_resume_not_resent(fake):
    api = miro.MiroApi(fake.token, base_url=fake.url, max_retries=0)
    board = api.boards.create(name="unconfirmed")
    specs = [StickyNoteSpec(content=str(i), x=i, y=0) for i in range(30)]
    fake.break_answer("cut", path=bulk_path(board), after=1)  # chunk 2 made, answer lost
    fake.fail_next(status=503, method="GET", path=f"/v2/boards/{board.id.replace('=', '%3D')}")
    with pytest.raises(miro.errors.TransportError) as failed:
        board.items.create_many(specs)
    progress = failed.value.bulk
    assert failed.value.__cause__ is not None  # the connection error, kept
    assert len(progress.created) == 20 and progress.unconfirmed == specs[20:]
    assert progress.not_created == []
    assert len(fake.store.items[board.id]) == 30  # the lost answer's chunk did land
    done = progress.resume()
    assert [n.data.content for n in done] == [str(i) for i in range(30)]
    assert len(fake.store.items[board.id]) == 30  # resumed without a duplicate


def test_progress_survives_pickling_without_its_job(fake):
    import pickle

    api = miro.MiroApi(fake.token, base_url=fake.url)
    board = api.boards.create(name="pickle")
    fake.fail_next(status=400, path=bulk_path(board), after=1)
    with pytest.raises(miro.errors.BadRequest) as failed:
        board.items.create_many([StickyNoteSpec(content=str(i)) for i in range(25)])
    copy = pickle.loads(pickle.dumps(failed.value))
    assert len(copy.bulk.created) == 20 and len(copy.bulk.not_created) == 5
    with pytest.raises(miro.errors.InvalidArgument, match="cannot resume"):
        copy.bulk.resume()


@pytest.mark.contract_exempt("the answer is cut on purpose")
def test_uploads_cut_after_the_work_are_not_duplicated(fake, tmp_path):
    api = miro.MiroApi(fake.token, base_url=fake.url)
    board = api.boards.create(name="uploads")
    files = []
    for i in range(25):
        path = tmp_path / f"f{i}.png"
        path.write_bytes(b"\\x89PNG\\r\\n\\x1a\\n" + bytes([i]) * 64)
        files.append(Upload(path, x=i * 100, y=0))
    fake.break_answer("cut", path=bulk_path(board))
    created = board.items.upload_many(files)
    assert len(created) == 25
    assert len(fake.store.items[board.id]) == 25


@pytest.mark.contract_exempt("the token endpoint fails on purpose")
def test_token_endpoint_down_during_a_bulk_job(fake):
    import dataclasses
    import datetime

    with every_logger_at_debug() as logs:
        client = miro.Miro(
            fake.client_id,
            fake.client_secret,
            "https://app.example.com/cb",
            base_url=fake.url,
            authorize_url=fake.authorize_url,
        )
        client.exchange_code_for_access_token(fake.authorize(client.auth_url))
        state = client.state
        soon = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=90)
        client._storage.set(dataclasses.replace(state, token_expires_at=soon))  # refresh is due
        fake.fail_next(status=503, path="/v1/oauth/token", times=1000)
        board = client.api.boards.create(name="token endpoint down")
        specs = [StickyNoteSpec(content=f"note {i}", x=i, y=0) for i in range(COUNT)]
        created = create_all(board, specs)
    assert contents_on_board(fake, board.id) == {f"note {i}": 1 for i in range(COUNT)}
    assert len(created) == COUNT
    tries = [e for e in fake.exchanges if e.path == "/v1/oauth/token" and e.status == 503]
    assert 1 <= len(tries) <= 10  # it did try, and backed off rather than on every call
    assert [secret for secret in secrets_of(fake) if secret in logs.text()] == []


def parallel_create(board: Any, specs: List[Any], workers: int) -> List[Any]:
    """``create_in_chunks`` with ``workers`` chunks in flight (what create_many(workers=)
    runs on)."""
    from miro.items.bulk import chunked, create_in_chunks, specs_body, validate_specs

    items = board.items
    url = items.url() + "/bulk"
    return create_in_chunks(
        validate_specs(specs),
        lambda chunk: items.request("POST", url, json=specs_body(chunk)),
        items.wrap,
        workers,
        chunker=lambda values: chunked(values, 20),
    )


@pytest.mark.contract_exempt("answers are cut on purpose")
def test_parallel_chunks_cut_after_the_work_are_not_duplicated(fake):
    api = miro.MiroApi(fake.token, base_url=fake.url)
    board = api.boards.create(name="parallel")
    specs = [StickyNoteSpec(content=f"note {i}", x=i * 10, y=0) for i in range(200)]
    fake.break_answer("cut", path=bulk_path(board), times=3, after=2)
    created = parallel_create(board, specs, workers=4)
    assert [item.data.content for item in created] == [f"note {i}" for i in range(200)]
    assert contents_on_board(fake, board.id) == {f"note {i}": 1 for i in range(200)}


def test_a_parallel_failure_reports_every_chunk_and_resumes(fake):
    api = miro.MiroApi(fake.token, base_url=fake.url)
    board = api.boards.create(name="parallel refused")
    specs = [StickyNoteSpec(content=f"note {i}", x=i * 10, y=0) for i in range(200)]
    fake.fail_next(status=400, path=bulk_path(board), after=3)
    with pytest.raises(miro.errors.BadRequest) as failed:
        parallel_create(board, specs, workers=4)
    progress = failed.value.bulk
    made = len(fake.store.items[board.id])
    assert len(progress.created) == made and len(progress.not_created) == 200 - made
    assert progress.unconfirmed == []
    done = progress.resume()
    assert [item.data.content for item in done] == [f"note {i}" for i in range(200)]
    assert contents_on_board(fake, board.id) == {f"note {i}": 1 for i in range(200)}
