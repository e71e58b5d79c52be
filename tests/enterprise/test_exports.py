"""Board export jobs: create, wait (politely), results, tasks, links, download, cancel."""

import os
import uuid
import zipfile
from urllib.parse import parse_qs

import pytest
import requests

import miro
from miro.enterprise.exports import JobTimeout
from miro.testing._fake.enterprise import exports as fake_exports


@pytest.fixture
def org(api, fake):
    return api.organizations.get(fake.org_id, lazy=True)


@pytest.fixture
def sleeps(api):
    """Record waits instead of sleeping (the transport's sleep is the one jobs use)."""
    waited = []
    api._transport._sleep = waited.append
    return waited


@pytest.fixture
def boards(api):
    return [api.boards.create(name=f"Board {i}") for i in range(3)]


def test_create_generates_request_id(org, fake, boards):
    fake.clear_exchanges()
    job = org.board_exports.create(board_ids=[b.id for b in boards], format="pdf")
    [sent] = fake.exchanges
    request_id = parse_qs(sent.query)["request_id"][0]
    assert str(uuid.UUID(request_id)) == request_id
    assert uuid.UUID(job.id) and job.job_id == job.id and job.board_format == "PDF"


def test_same_request_id_same_job(org, boards):
    rid = uuid.uuid4()
    first = org.board_exports.create(board_ids=[boards[0]], request_id=rid)
    again = org.board_exports.create(board_ids=[boards[0]], request_id=str(rid))
    assert first.id == again.id


def test_bad_input_raises_before_any_request(org, fake):
    fake.clear_exchanges()
    with pytest.raises(miro.errors.InvalidArgument, match="request_id"):
        org.board_exports.create(board_ids=["b"], request_id="not-a-uuid")
    with pytest.raises(miro.errors.InvalidArgument, match="board_format"):
        org.board_exports.create(board_ids=["b"], format="PNG")
    with pytest.raises(miro.errors.InvalidArgument, match="board_ids"):
        org.board_exports.create(board_ids=[])
    with pytest.raises(miro.errors.InvalidArgument, match="at most 1000"):
        org.board_exports.create(board_ids=[f"b{i}" for i in range(1001)])
    with pytest.raises(miro.errors.InvalidArgument, match="limit"):
        org.board_exports.list(limit=501)
    with pytest.raises(miro.errors.InvalidArgument, match="status"):
        org.board_exports.list(status="DONE")
    assert fake.exchanges == []


def test_wait_polls_until_finished(org, boards, sleeps, fake):
    job = org.board_exports.create(board_ids=[b.id for b in boards])
    assert not job.done
    fake.clear_exchanges()
    assert job.wait(timeout=60, poll=0.5) is job
    states = [e.response_body for e in fake.exchanges]
    assert [s[-12:] for s in states][-1].endswith(b'"FINISHED"}')
    assert any(b"IN_PROGRESS" in s for s in states) and b"CREATED" in states[0]
    assert job.done and job.state == "FINISHED"
    assert sleeps == [0.5, 0.75, 1.125]  # polite: the interval grows


def test_wait_times_out(org, boards, sleeps):
    job = org.board_exports.create(board_ids=[boards[0]])
    with pytest.raises(JobTimeout) as caught:
        job.wait(timeout=0)
    assert caught.value.job is job and isinstance(caught.value, TimeoutError)
    with pytest.raises(miro.errors.InvalidArgument, match="poll"):
        job.wait(poll=0)


def test_export_link_waits_through_425(org, boards, sleeps, fake, monkeypatch):
    monkeypatch.setattr(fake_exports, "STEPS", 5)  # a slower export
    job = org.board_exports.create(board_ids=[boards[0]])
    [task] = list(job.tasks)
    with pytest.raises(miro.errors.TooEarly) as early:
        task.export_link(timeout=0)
    assert early.value.status == 425 and early.value.headers["Retry-After"] == "1"
    job._jobs.transport._sleep = lambda seconds: (
        sleeps.append(seconds),
        job.status(),
    )  # time passes
    link = task.export_link(timeout=30)
    assert link.status == "SUCCESS" and link.export_link and link.link_expired_at
    assert "X-Signature" not in repr(link) and "X-Signature" not in repr(job.results())
    assert sleeps == [1.0] * 4  # as Retry-After said, while the job ran its 5 steps


def test_results_tasks_and_a_failed_board(org, boards, sleeps):
    job = org.board_exports.create(board_ids=[boards[0].id, "uXjVmissing="], format="HTML")
    job.wait()
    results = job.results()
    assert results.job_id == job.id
    assert [(r.board_id, r.status) for r in results] == [
        (boards[0].id, "SUCCESS"),
        ("uXjVmissing=", "ERROR"),
    ]
    [failed] = results.failed
    assert failed.error_type == "FATAL" and failed.export_link is None
    tasks = list(job.tasks)
    assert [t.board_id for t in tasks] == [boards[0].id, "uXjVmissing="]
    assert [t.board_id for t in job.tasks.list(status="success")] == [boards[0].id]
    assert tasks[0].size_in_bytes > 0
    error_link = tasks[1].export_link()
    assert error_link.status == "ERROR" and error_link.export_link is None


def test_download_saves_every_file_with_progress(org, boards, sleeps, tmp_path):
    job = org.board_exports.create(board_ids=[b.id for b in boards], format="SVG")
    job.wait()
    seen = []
    paths = job.download(tmp_path / "out", progress=lambda done, total: seen.append((done, total)))
    assert len(paths) == 3 and all(os.path.dirname(p) == str(tmp_path / "out") for p in paths)
    names = set()
    for path in paths:
        with zipfile.ZipFile(path) as archive:
            names.update(archive.namelist())
    assert names == {"Board 0.svg", "Board 1.svg", "Board 2.svg"}
    total = sum(os.path.getsize(p) for p in paths)
    assert seen[-1] == (total, total)
    assert not [p for p in os.listdir(tmp_path / "out") if p.endswith(".part")]


def test_download_with_a_tqdm_bar(org, boards, sleeps, tmp_path, capsys):
    pytest.importorskip("tqdm")
    job = org.board_exports.create(board_ids=[boards[0]])
    job.wait()
    [path] = job.download(str(tmp_path), progress=True)
    assert zipfile.is_zipfile(path)
    assert "download" in capsys.readouterr().err


def test_links_are_presigned_and_never_get_the_token(org, boards, sleeps, fake):
    job = org.board_exports.create(board_ids=[boards[0]])
    job.wait()
    [result] = job.results().results
    assert not result.export_link.startswith(fake.url)  # another host: the storage bucket
    assert requests.get(result.export_link, timeout=10).status_code == 200
    with_token = requests.get(
        result.export_link, headers={"Authorization": f"Bearer {fake.token}"}, timeout=10
    )
    assert with_token.status_code == 400 and b"Only one auth mechanism" in with_token.content
    tampered = result.export_link.replace("X-Signature=", "X-Signature=0")
    assert requests.get(tampered, timeout=10).status_code == 403


def test_cancel_and_list_past_jobs(org, boards, sleeps, fake):
    done = org.board_exports.create(board_ids=[boards[0]])
    done.wait()
    running = org.board_exports.create(board_ids=[boards[1]])
    assert running.cancel() == "CANCELLED" and running.done
    assert running.wait() is running and sleeps == [2.0, 3.0, 4.5]  # only done's polls
    with pytest.raises(miro.errors.BadRequest):
        done.cancel()  # finished jobs stay finished
    jobs = list(org.board_exports)
    assert [(j.id, j.state) for j in jobs] == [(done.id, "finished"), (running.id, "cancelled")]
    assert jobs[0].tasks_count.success == 1 and jobs[0].creator.id == fake.user_id
    assert [j.id for j in org.board_exports.list(status="CANCELLED")] == [running.id]
    assert [j.id for j in org.board_exports.list(creator_ids=[fake.user_id], limit=1)] == [
        done.id,
        running.id,
    ]
    assert org.board_exports.get(done.id).state == "FINISHED"


def test_flat_methods(api, fake, boards, sleeps):
    org_id = fake.org_id
    created = api.enterprise_create_board_export(
        org_id, str(uuid.uuid4()), {"boardIds": [boards[0].id], "boardFormat": "SVG"}
    )
    job_id = created.job_id
    while api.enterprise_board_export_job_status(org_id, job_id).job_status != "FINISHED":
        pass
    [task] = api.get_all_enterprise_board_export_job_tasks(org_id, job_id)
    page = api.enterprise_board_export_job_tasks(org_id, job_id, status=["TASK_STATUS_SUCCESS"])
    assert [t.id for t in page] == [task.id]
    link = api.enterprise_create_board_export_task_export_link(org_id, job_id, task.id)
    assert link.export_link
    assert api.enterprise_board_export_job_results(org_id, job_id).results[0].status == "SUCCESS"
    jobs = api.enterprise_board_export_jobs(org_id, status=["JOB_STATUS_FINISHED"])
    assert [j.id for j in jobs] == [job_id]
    other = api.enterprise_create_board_export(org_id, str(uuid.uuid4()), {"boardIds": ["x"]})
    cancelled = api.enterprise_update_board_export_job(
        org_id, other.job_id, {"status": "CANCELLED"}
    )
    assert cancelled.status == "CANCELLED"
    assert len(list(api.get_all_enterprise_board_export_jobs(org_id))) == 2
    with pytest.raises(miro.errors.InvalidArgument, match="request_id"):
        api.enterprise_create_board_export(org_id, "1234", {"boardIds": ["x"]})


def test_wait_honours_retry_after_of_425_and_429(org, boards, sleeps, fake):
    job = org.board_exports.create(board_ids=[boards[0]])
    status_path = f"/v2/orgs/{fake.org_id}/boards/export/jobs/{job.id}"
    fake.fail_next(425, retry_after=7, path=status_path, method="GET", code="tooEarly")
    fake.fail_next(429, retry_after=3, path=status_path, method="GET", after=1)
    polls = []
    job.wait(poll=0.5, progress=lambda done, total: polls.append(done))
    assert sleeps[0] == 7.0  # the 425's Retry-After, not the poll interval
    assert 3.0 in sleeps  # the transport waited out the 429 and asked again
    assert job.state == "FINISHED" and polls == list(range(1, len(polls) + 1))
