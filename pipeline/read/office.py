"""Word 97-2003 .doc, .rtf and OpenDocument .odt: converted to .docx by LibreOffice (headless),
then read by the .docx reader, so run fonts survive and TCVN3/VNI runs are found by name.

One conversion at a time per process (LibreOffice's profile cannot be shared), each with a time
limit; the process group is killed when it is exceeded. Every worker process has its own profile
directory (reused between its conversions: a fresh one costs seconds), removed when the process
ends; input and output files live in a temporary folder removed after each conversion.
"""
from __future__ import annotations

import atexit
import multiprocessing.util
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

from pipeline.read.document import Origin, ReadError, ReadResult
from pipeline.read import docx
from pipeline.settings import get_settings

INSTALL = "apt-get install -y libreoffice-writer-nogui"
_lock = threading.Lock()
_profile: dict[int, Path] = {}  # pid -> profile folder of this process


def read_doc(data: bytes) -> ReadResult:
    return _read(data, ".doc")


def read_rtf(data: bytes) -> ReadResult:
    return _read(data, ".rtf")


def read_odt(data: bytes) -> ReadResult:
    return _read(data, ".odt")


@lru_cache(maxsize=1)
def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@lru_cache(maxsize=1)
def version() -> str | None:
    """'7.4.7.2', or None when LibreOffice is missing."""
    if soffice() is None:
        return None
    with tempfile.TemporaryDirectory(prefix="thidua-lo-version-") as tmp:
        try:
            done = subprocess.run([soffice(), f"-env:UserInstallation={Path(tmp).as_uri()}", "--version"],
                                  capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            return None
    words = done.stdout.split()
    return words[1] if len(words) > 1 else None


def _read(data: bytes, ext: str) -> ReadResult:
    if soffice() is None:
        raise ReadError(f"needs LibreOffice to read {ext} files: install libreoffice-writer-nogui, or save it as .docx",
                        INSTALL)
    converted = convert_to_docx(data, ext)
    return docx.read(converted).model_copy(update={"origin": Origin.LIBREOFFICE,
                                                   "converter": f"libreoffice {version() or ''}".strip()})


def convert_to_docx(data: bytes, ext: str) -> bytes:
    """The file as .docx bytes. Raises ReadError when LibreOffice cannot convert it in time."""
    timeout = get_settings().office_timeout_s
    with _lock, tempfile.TemporaryDirectory(prefix="thidua-convert-") as tmp:
        source = Path(tmp) / f"input{ext}"
        source.write_bytes(data)
        command = [soffice(), f"-env:UserInstallation={_profile_dir().as_uri()}", "--headless", "--norestore",
                   "--nologo", "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp,
                   str(source)]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # soffice starts soffice.bin: end the whole group
            process.communicate()
            raise ReadError(f"LibreOffice took longer than {timeout:g} s to convert the {ext} file",
                            "open it in Word and save it as .docx, or raise THIDUA_OFFICE_TIMEOUT_S") from None
        result = Path(tmp) / "input.docx"
        if process.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
            detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            raise ReadError(f"LibreOffice could not convert this {ext} file ({detail[0][:120]})",
                            "the file may be damaged or password-protected; open it in Word and save it as .docx")
        return result.read_bytes()


def _profile_dir() -> Path:
    """This process's LibreOffice profile (pool workers each get their own)."""
    pid = os.getpid()
    if pid not in _profile:
        _profile[pid] = Path(tempfile.mkdtemp(prefix="thidua-lo-profile-"))
        atexit.register(_remove_profile, pid)
        multiprocessing.util.Finalize(None, _remove_profile, args=(pid,), exitpriority=5)  # pool workers
    return _profile[pid]


def _remove_profile(pid: int) -> None:
    if pid == os.getpid() and pid in _profile:
        shutil.rmtree(_profile.pop(pid), ignore_errors=True)
