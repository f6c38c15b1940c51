"""Work beside the build: messages in, one result out, failures reported, cancel stops it."""

from __future__ import annotations

import gc
import os
import tempfile
import threading
import time

import pytest

from plansite.background import BACKGROUND_NICENESS, SPILL_BYTES, Background, BackgroundError


@pytest.fixture(params=[True, False], ids=["process", "thread"])
def use_process(request):
    return request.param


def test_the_work_gets_what_is_sent_and_returns_its_result(use_process):
    job = Background(lambda receive: [receive(), receive() * 2], use_process=use_process)
    job.send("a")
    job.send(21)
    assert job.result() == ["a", 42]


def test_a_process_runs_apart_from_the_caller():
    job = Background(lambda receive: os.getpid(), use_process=True)
    assert job.in_process
    assert job.result() != os.getpid()


def test_the_work_sees_the_data_loaded_before_it_started(use_process):
    data = {"tasks": list(range(1000))}
    job = Background(lambda receive: sum(data["tasks"]), use_process=use_process)
    assert job.result() == sum(range(1000))


def test_a_failure_is_raised_with_its_traceback(use_process):
    def work(receive):
        raise ValueError("bad record 7")

    job = Background(work, use_process=use_process)
    with pytest.raises(BackgroundError, match="^ValueError: bad record 7$") as raised:
        job.result()
    assert "in work" in raised.value.details


def test_a_process_that_dies_is_reported():
    job = Background(lambda receive: os._exit(3), use_process=True)
    with pytest.raises(BackgroundError, match="exit code 3"):
        job.result()


def test_cancel_stops_a_waiting_process():
    job = Background(lambda receive: receive(), use_process=True)
    started = time.monotonic()
    job.cancel()
    assert not job._process.is_alive()
    assert time.monotonic() - started < 10


def test_a_process_beside_the_build_yields_the_processor_unless_told_not_to():
    here = os.nice(0)
    beside = Background(lambda receive: os.nice(0), use_process=True)
    peer = Background(lambda receive: os.nice(0), use_process=True, yield_cpu=False)
    assert beside.result() == min(here + BACKGROUND_NICENESS, 19)
    assert peer.result() == here


def test_sending_does_not_wait_for_the_work_to_ask(use_process, tmp_path):
    """A served site's build sends every page's address to the search index while the index
    is still busy with the data: the send must not wait until the work first receives (a pipe
    holds some kilobytes; this message is a megabyte)."""
    go = tmp_path / "go"

    def work(receive):
        while not go.exists():  # busy until the caller, past its send, says go
            time.sleep(0.01)
        return len(receive())

    job = Background(work, use_process=use_process)
    message = ["plans/p/tasks/%d/" % n for n in range(60_000)]
    sender = threading.Thread(target=job.send, args=(message,), daemon=True)
    sender.start()
    sender.join(60)  # a guard against a deadlock, not a measure of speed
    sent = not sender.is_alive()
    go.write_text("")
    assert sent, "send() waited for the work to receive"
    assert job.result() == len(message)



def test_a_process_whose_caller_is_gone_ends_instead_of_waiting():
    """The caller's end of the pipe closes (a served site stopped with a signal closes it
    with the process): the work waiting for a message ends instead of waiting forever."""
    job = Background(lambda receive: receive(), use_process=True)
    process = job._process
    job.close()
    process.join(60)
    assert not process.is_alive()


def _explode():
    raise ValueError("this message cannot be read here")


class _BadOnArrival:
    """Pickles fine; fails where it is read."""

    def __reduce__(self):
        return (_explode, ())


def test_a_message_the_process_cannot_read_fails_the_work_instead_of_hanging():
    job = Background(lambda receive: receive(), use_process=True)
    job.send(_BadOnArrival())
    with pytest.raises(BackgroundError, match="cannot be read here"):
        job.result()


def test_a_large_result_frees_the_worker_before_the_caller_reads_it():
    """The downloads are read when the last page renders: a worker whose result waited in the
    pipe until then kept its memory through the search index's peak. A large result goes to a
    file and the worker ends at once; the caller reads it whole."""
    big = bytes(range(256)) * (SPILL_BYTES // 256 * 3)
    job = Background(lambda receive: big, use_process=True)
    job._process.join(60)
    assert not job._process.is_alive(), "the worker waited for the caller to read its result"
    assert os.fstat(job._spill.fileno()).st_size > SPILL_BYTES
    assert job.result() == big
    assert job._spill.closed


def test_a_result_the_caller_reads_at_once_goes_through_the_pipe():
    big = b"x" * (SPILL_BYTES * 2)
    job = Background(lambda receive: big, use_process=True, yield_cpu=False, spill=False)
    job._process.join(1)
    assert job._process.is_alive(), "the result should wait in the pipe for the caller"
    assert job._spill is None
    assert job.result() == big


@pytest.mark.parametrize("end", ["read", "cancelled", "abandoned"])
def test_no_result_file_is_left_in_the_temporary_folder(end, tmp_path, monkeypatch):
    """Read, cancelled, or left by a caller that is gone (a build stopped with Ctrl-C calls
    neither): the file of a large result has no name in the temporary folder to leave there."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    job = Background(lambda receive: b"y" * (SPILL_BYTES * 2), use_process=True)
    job._process.join(60)
    assert list(tmp_path.iterdir()) == []
    if end == "read":
        assert len(job.result()) == SPILL_BYTES * 2
    elif end == "cancelled":
        job.cancel()
    assert list(tmp_path.iterdir()) == []


def test_a_result_lost_with_its_file_is_reported():
    job = Background(lambda receive: b"z" * (SPILL_BYTES * 2), use_process=True)
    job._process.join(60)
    job._spill.close()  # as a cancel from another thread does, between the message and the read
    with pytest.raises(BackgroundError, match="result was lost"):
        job.result()
    assert not job._process.is_alive()


def test_the_worker_collector_leaves_inherited_objects_alone_and_the_caller_keeps_its_own():
    before = gc.get_freeze_count()
    job = Background(lambda receive: gc.get_freeze_count(), use_process=True)
    # in the worker the objects it inherited are frozen: a collection never writes to their
    # pages, so they stay shared with the caller instead of being copied
    assert job.result() > 0
    assert gc.get_freeze_count() == before  # the caller's collector still sees all of its own
