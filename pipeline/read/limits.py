"""Bounds on the work one file may cost. The size limit bounds bytes, not work: a 1 MB .docx can
unpack to a gigabyte, a 2 MB PDF can hold thousands of pages, a 20 MB text takes minutes to
normalise. Each bound fails the file with a reason that names the setting to raise; the batch
goes on. All bounds come from pipeline/settings.py (THIDUA_MAX_*, THIDUA_FILE_TIMEOUT_S)."""
from __future__ import annotations

import faulthandler
import os
import signal
import threading
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager

from pipeline.read.document import ReadError
from pipeline.settings import get_settings


class FileTimeout(BaseException):
    """Reading or extracting one file took longer than THIDUA_FILE_TIMEOUT_S. Not an Exception:
    a reader's library that turns every Exception into "damaged file" must not swallow it."""

    def __init__(self, seconds: float):
        super().__init__(seconds)
        self.reason = f"took longer than {seconds:g} s to read and extract (time limit)"
        self.hint = "is the file pathological? or raise THIDUA_FILE_TIMEOUT_S"

    def __str__(self) -> str:
        return f"{self.reason} ({self.hint})"


def check_package(package: zipfile.ZipFile) -> None:
    """Refuse a .docx whose parts are too many or unpack too large, from the zip's directory alone
    (nothing is decompressed). zipfile never reads past a member's declared size, so a lying
    directory cannot get more through."""
    settings = get_settings()
    members = package.infolist()
    if len(members) > settings.max_docx_parts:
        raise ReadError(f".docx holds too many parts ({len(members)} > {settings.max_docx_parts} limit)",
                        "is it a zip bomb? or raise THIDUA_MAX_DOCX_PARTS")
    unpacked = sum(member.file_size for member in members)
    if unpacked > settings.max_docx_mb * 1024 * 1024:
        raise ReadError(f".docx unpacks too large ({unpacked / 1024 / 1024:.0f} MB > {settings.max_docx_mb:g} MB "
                        "limit)", "is it a zip bomb? or raise THIDUA_MAX_DOCX_MB")


def check_pages(pages: int) -> None:
    limit = get_settings().max_pdf_pages
    if pages > limit:
        raise ReadError(f"PDF has too many pages ({pages} > {limit} limit)",
                        "split it, or raise THIDUA_MAX_PDF_PAGES")


def check_bytes_for_text(size: int) -> None:
    """Before decoding: no encoding takes more than 4 bytes a character."""
    if size > 4 * get_settings().max_text_chars:
        check_text_length(size // 4, "at least ")


def check_text_length(chars: int, about: str = "") -> None:
    limit = get_settings().max_text_chars
    if chars > limit:
        raise ReadError(f"text too long ({about}{chars:,} characters > {limit:,} limit)",
                        "split it, or raise THIDUA_MAX_TEXT_CHARS")


@contextmanager
def time_limit(seconds: float | None = None) -> Iterator[None]:
    """Raise FileTimeout in this block after `seconds` (default THIDUA_FILE_TIMEOUT_S): by a timer
    signal in the main thread (it also cuts a sleep or a wait short), otherwise (a Prefect task's
    thread) by an exception set on the thread. Either way it is raised between two steps of Python
    code: a library's single call into C finishes first; subprocesses have their own limits."""
    seconds = get_settings().file_timeout_s if seconds is None else seconds
    main = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if _grace is not None:  # an extraction process: if a library never returns, the process ends
        _hung_files_end_the_process(seconds + _grace)
    try:
        with (_alarm if main else _thread_timer)(seconds):
            yield
    finally:
        if _grace is not None:
            faulthandler.cancel_dump_traceback_later()


_grace: float | None = None


def end_process_when_hung(grace: float = 30.0) -> None:
    """In an extraction process (pipeline/pool.py): a file still running `grace` seconds after its time
    limit is stuck where no exception reaches (a library's C code, signals blocked); the process
    ends itself and the pool fails that file alone, as it does when a worker crashes."""
    global _grace
    _grace = grace


def _hung_files_end_the_process(seconds: float) -> None:
    """faulthandler's watchdog is a C thread: it ends the process even when a library's C code
    holds the interpreter (no Python thread, no signal handler could run). Its traceback goes to
    a null device, not to the user."""
    global _null
    if _null is None:
        _null = open(os.devnull, "w")  # noqa: SIM115 - kept open for the process's life
    faulthandler.dump_traceback_later(seconds, repeat=False, file=_null, exit=True)


_null = None


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expired(signum, frame):
        raise FileTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expired)
    started = time.monotonic()
    outer = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer[0]:  # an enclosing limit keeps running
            signal.setitimer(signal.ITIMER_REAL, max(outer[0] - (time.monotonic() - started), 0.001))


@contextmanager
def _thread_timer(seconds: float) -> Iterator[None]:
    """CPython's PyThreadState_SetAsyncExc: the exception class is raised in the thread at its next
    step; a lock makes sure it is never set once the block is left."""
    import ctypes

    target, lock, state = threading.get_ident(), threading.Lock(), {"done": False}
    expired = type("FileTimeout", (FileTimeout,), {"__init__": lambda self: FileTimeout.__init__(self, seconds)})

    def fire() -> None:
        with lock:
            if not state["done"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(expired))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
        timer.cancel()
