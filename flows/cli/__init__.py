"""The `thidua` command line (see app.py for the command tree, output.py for what commands share)."""
from flows.cli.started import STARTED
from flows.cli.app import app, main

__all__ = ["STARTED", "app", "main"]
