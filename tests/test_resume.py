"""A listing that fails mid-way says where it stopped and continues from there, with no
element twice and none missing (FakeMiro fails one page request on purpose)."""

import pytest

import miro


@pytest.fixture
def client(fake):
    """A client that does not retry, so an injected failure reaches the caller."""
    return miro.MiroApi(fake.token, base_url=fake.url, max_retries=0)


@pytest.fixture
def board(client):
    return client.boards.create(name="Resume")


@pytest.fixture
def notes(board):
    return board.items.create_many([{"type": "sticky_note", "content": str(i)} for i in range(45)])


def _fail_third_page(fake, path):
    fake.fail_next(status=503, path=path, method="GET", after=2)


def test_an_error_mid_listing_carries_the_cursor_and_resume_continues(fake, board, notes):
    listing = board.items.list(limit=10)
    seen = []
    _fail_third_page(fake, board.items.url())
    with pytest.raises(miro.errors.ServerError) as caught:
        for item in listing:
            seen.append(item.id)
    assert len(seen) == 20
    cursor = caught.value.resume_from
    assert isinstance(cursor, str) and listing.resume_from == cursor
    seen += [item.id for item in listing.resume()]
    assert seen == [n.id for n in notes]


def test_pages_start_at_the_cursor_an_error_carried(fake, board, notes):
    listing = board.items.list(limit=10)
    _fail_third_page(fake, board.items.url())
    got = []
    with pytest.raises(miro.errors.ServerError) as caught:
        for page in listing.pages():
            got += [i.id for i in page]
    for page in listing.pages(start=caught.value.resume_from):
        got += [i.id for i in page]
    assert got == [n.id for n in notes]


def test_an_offset_list_resumes_from_the_offset(fake, client):
    boards = [client.boards.create(name=f"b{i}") for i in range(12)]
    listing = client.boards.list(limit=5)
    fake.fail_next(status=503, path="/v2/boards", method="GET", after=1)
    seen = []
    with pytest.raises(miro.errors.ServerError) as caught:
        for found in listing:
            seen.append(found.id)
    assert caught.value.resume_from == 5 == listing.resume_from
    seen += [b.id for b in listing.resume()]
    assert seen == [b.id for b in boards]
    restarted = [b.id for page in listing.pages(start=5) for b in page]
    assert restarted == [b.id for b in boards[5:]]


def test_resume_after_a_break_mid_page_hands_out_the_rest_once(fake, board, notes):
    listing = board.items.list(limit=10)
    seen = []
    for item in listing:
        seen.append(item.id)
        if len(seen) == 13:
            break
    seen += [item.id for item in listing.resume()]
    assert seen == [n.id for n in notes]
    assert list(listing.resume()) == list(listing)  # a finished walk starts over


def test_indexing_after_a_failed_page_fetches_that_page_again_only(fake, board, notes):
    listing = board.items.list(limit=10)
    assert listing[15].id == notes[15].id
    fake.clear_exchanges()
    fake.fail_next(status=503, path=board.items.url(), method="GET")
    with pytest.raises(miro.errors.ServerError):
        listing[25]
    assert listing[44].id == notes[44].id
    assert [n.id for n in listing[:]] == [n.id for n in notes]
    gets = [e for e in fake.exchanges if e.method == "GET"]
    assert [e.status for e in gets] == [503, 200, 200, 200]


def test_start_is_checked_before_sending(fake, client, board):
    fake.clear_exchanges()
    with pytest.raises(TypeError, match="start must be a cursor string"):
        board.items.list().pages(start=10)
    with pytest.raises(TypeError, match="start must be an int offset"):
        client.boards.list().pages(start="10")
    with pytest.raises(ValueError, match="start must be 0 or more"):
        client.boards.list().pages(start=-1)
    assert fake.exchanges == []
