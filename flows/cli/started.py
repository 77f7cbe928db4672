"""When the command started: imported first (flows/cli/__init__.py), so that a summary's time is
the time the person waited, imports and Prefect's start included."""
import time

STARTED = time.monotonic()
