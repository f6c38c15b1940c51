"""Work that runs beside the build: in a forked process of its own where the system has fork.

A build renders thousands of pages on one core while work that needs only the loaded data (the
search index, the download files) can go on at the same time on another. The forked process
starts with the loaded data already in memory, so nothing is pickled on the way in; only the
messages sent to it and its result travel through a pipe. Where fork does not exist the same
work runs in a thread, with the same messages and result.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import queue
import tempfile
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from multiprocessing.reduction import ForkingPickler
from typing import Any, BinaryIO


class BackgroundError(RuntimeError):
    """The background work failed: the message says what went wrong, ``details`` where."""

    def __init__(self, message: str, details: str = ""):
        super().__init__(message)
        self.details = details


BACKGROUND_NICENESS = 5
"""How much a forked worker yields the processor: the build's own page rendering is the
longest chain of work, so when both cores are busy (a large site) it goes first."""


SPILL_BYTES = 1 << 20
"""A forked worker's result larger than this is written to a file, and the worker ends at once.

A pipe holds only some kilobytes: a worker whose result waits in it keeps all its memory until
the caller reads, and the caller reads the downloads only when the last pages render, while the
search index is being written (at 1x that held about 190 MB through the build's peak; the file
holds only the result's bytes, some MB)."""


def _reply_through(conn: Any, spill: BinaryIO | None, message: tuple[str, Any]) -> None:
    """Send ``message`` to the caller; a large one by way of the file ``spill``."""
    data = ForkingPickler.dumps(message)
    if spill is not None and len(data) > SPILL_BYTES:
        try:
            spill.seek(0)
            spill.truncate()
            spill.write(data)
            spill.flush()
        except OSError:
            pass  # no room for the file: the pipe carries it, as it would a small one
        else:
            data = ForkingPickler.dumps(("spilled", None))
    conn.send_bytes(data)


def _run(work: Callable[[Callable[[], Any]], Any], receive: Callable[[], Any],
         reply: Callable[[tuple[str, Any]], None], yield_cpu: bool = False) -> None:
    if yield_cpu:
        with contextlib.suppress(OSError, AttributeError):
            os.nice(BACKGROUND_NICENESS)
    try:
        reply(("ok", work(receive)))
    except BaseException as exc:  # noqa: BLE001 - every failure goes to the waiting build
        said = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        reply(("error", (said, traceback.format_exc())))


def _run_in_process(work: Callable[[Callable[[], Any]], Any], conn: Any, callers_end: Any,
                    yield_cpu: bool, spill: BinaryIO | None = None) -> None:
    """The forked side. A thread takes each message off the pipe as it comes, so that the
    sender never waits while ``work`` is busy before its first ``receive()`` (a pipe holds
    only some kilobytes; a list of every page's address is more). When the caller's end
    closes (the caller is gone: a served site stopped with a signal) the process ends
    instead of waiting for a message that cannot come."""
    callers_end.close()  # the fork's copy: the pipe then ends when the caller's end does
    gc.enable()  # a served build may have paused the collector while it forked this process
    arrived: queue.SimpleQueue = queue.SimpleQueue()

    def drain() -> None:
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                os._exit(0)  # nobody is left to send to or to read the result
            except BaseException as exc:  # noqa: BLE001 - a message that could not be read
                arrived.put(_Unreadable(exc))
                return
            arrived.put(message)

    def receive() -> Any:
        message = arrived.get()
        if isinstance(message, _Unreadable):
            raise message.error  # the work fails with it, and the caller is told
        return message

    threading.Thread(target=drain, daemon=True, name="plansite-receive").start()
    _run(work, receive, partial(_reply_through, conn, spill), yield_cpu)


@dataclass(frozen=True)
class _Unreadable:
    """A message the forked side could not read, in its place on the queue."""

    error: BaseException


class Background:
    """``work(receive)`` running beside the caller; ``receive()`` returns what :meth:`send` sent.

    :meth:`result` waits for the value ``work`` returned, or raises :class:`BackgroundError`
    saying what went wrong (the traceback in its ``details``). :meth:`cancel` stops it (a failed build).
    A process ``yield_cpu`` runs at a lower priority than the caller (see BACKGROUND_NICENESS);
    work the caller waits for at once, such as reading half of the plans, does not, and hands
    its result over through the pipe (``spill=False``) where other work writes a large result
    to a file and ends (see SPILL_BYTES).
    """

    def __init__(self, work: Callable[[Callable[[], Any]], Any], use_process: bool | None = None,
                 yield_cpu: bool = True, spill: bool = True):
        if use_process is None:
            use_process = "fork" in multiprocessing.get_all_start_methods()
        self._process = None
        self.cancelled = False
        self._thread = None
        # the file a large result comes through: made and unlinked at once (it has no name
        # to leave behind), shared with the forked worker as an open descriptor
        self._spill: BinaryIO | None = None
        # result() in one thread and cancel() in another may both close the pipe: closing its
        # descriptor twice would close whatever file took its number in between
        self._closing = threading.Lock()
        if use_process:
            context = multiprocessing.get_context("fork")
            if spill:
                self._spill = tempfile.TemporaryFile(prefix="plansite-result-")
            self._conn, child = context.Pipe()
            self._process = context.Process(target=_run_in_process,
                                            args=(work, child, self._conn, yield_cpu,
                                                  self._spill),
                                            daemon=True, name="plansite-background")
            # The worker's collector then leaves the objects it inherits alone: walking them
            # would write to every page that holds one, and each page written is copied.
            gc.freeze()
            try:
                self._process.start()
            finally:
                gc.unfreeze()
            child.close()
        else:
            self._to_work: queue.Queue = queue.Queue()
            self._from_work: queue.Queue = queue.Queue()
            self._thread = threading.Thread(
                target=_run, args=(work, self._to_work.get, self._from_work.put), daemon=True,
                name="plansite-background")
            self._thread.start()

    @property
    def in_process(self) -> bool:
        return self._process is not None

    def send(self, message: Any) -> None:
        if self._process is not None:
            self._conn.send(message)
        else:
            self._to_work.put(message)

    def result(self) -> Any:
        try:
            if self._process is not None:
                try:
                    status, value = self._conn.recv()
                except EOFError:
                    self._process.join()
                    raise BackgroundError(
                        f"the background work ended without a result "
                        f"(exit code {self._process.exitcode})") from None
                self._process.join()
                if status == "spilled":
                    status, value = self._unspill()
            else:
                status, value = self._from_work.get()
        finally:
            self.close()
        if status == "error":
            raise BackgroundError(*value)
        return value

    def _unspill(self) -> tuple[str, Any]:
        """The result the worker wrote to the file (see SPILL_BYTES)."""
        try:
            assert self._spill is not None
            self._spill.seek(0)
            return pickle.load(self._spill)
        except (OSError, ValueError, EOFError, pickle.UnpicklingError) as exc:
            # the job was cancelled meanwhile (which closes the file), or the disk failed
            raise BackgroundError(f"the background work's result was lost: {exc}") from None

    def cancel(self) -> None:
        """Stop the work (the build it served failed, or a later one starts); a thread is left
        to end on its own."""
        self.cancelled = True
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()
        self.close()

    def close(self) -> None:
        """Let go of the pipe to the work and of the file of its result; once is enough (a
        cancelled job may be done too)."""
        with self._closing:
            if self._process is not None and not self._conn.closed:
                with contextlib.suppress(OSError):  # the child's end went first
                    self._conn.close()
            if self._spill is not None:
                self._spill.close()
