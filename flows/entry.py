"""The `thidua` command's entry point: Ctrl-C is answered from the first instant.

Importing the command line (typer, rich, pydantic, the readers) takes a moment on a busy
machine; a Ctrl-C then must not print a traceback of some import. Until `flows.cli.main` takes
over (it then says what a run stored), it ends the command at once: nothing has started yet.
"""
import os
import signal
import sys


def _before_anything(signum, frame) -> None:
    sys.stderr.write("interrupted before anything was done\n")
    sys.stderr.flush()
    os._exit(130)


def main() -> None:
    signal.signal(signal.SIGINT, _before_anything)
    from flows.cli import main as run

    run()
