"""``create_many(..., workers=N)``: parallel requests, items in input order, none twice,
and after a failure every item made is reported (no orphan on the board)."""

import pytest

import miro


@pytest.fixture
def board(api):
    return api.boards.create(name="Parallel")


def _specs(n):
    return [{"type": "sticky_note", "content": f"n{i}"} for i in range(n)]


def _on_board(fake, board):
    return [item["data"]["content"] for item in fake.store.items[board.id].values()]


def test_parallel_create_keeps_input_order_and_sends_each_chunk_once(fake, api, board):
    fake.delay(0.02, times=10)
    made = board.items.create_many(_specs(200), workers=8)
    assert [n.data.content for n in made] == [f"n{i}" for i in range(200)]
    assert sorted(_on_board(fake, board)) == sorted(f"n{i}" for i in range(200))
    posts = [e for e in fake.exchanges if e.method == "POST" and e.path.endswith("/bulk")]
    assert len(posts) == 10
    assert api._transport._pool_size >= 8
    assert all(n._collection is made[0]._collection for n in made)


def test_a_failed_chunk_reports_every_item_the_others_made(fake, board):
    fake.fail_next(status=400, path=board.items.url() + "/bulk", method="POST", after=3)
    with pytest.raises(miro.errors.BadRequest) as caught:
        board.items.create_many(_specs(200), workers=4)
    created = [n.data.content for n in caught.value.created]
    assert created == sorted(created, key=lambda c: int(c[1:]))  # input order
    assert sorted(created) == sorted(_on_board(fake, board))  # nothing orphaned
    assert len(created) == len(set(created)) and len(created) % 20 == 0 and created


@pytest.mark.parametrize("workers, error", [(0, ValueError), ("4", TypeError), (True, TypeError)])
def test_workers_is_checked_before_sending(fake, board, workers, error):
    fake.clear_exchanges()
    with pytest.raises(error, match="workers must be"):
        board.items.create_many(_specs(3), workers=workers)
    assert fake.exchanges == []
