"""Imported once by the extraction pool's forkserver (pipeline/pool.py): warm up the extractor
the pool was started for (the module named in THIDUA_POOL_WARM_UP by the pool, e.g. building the
spaCy pipeline with its patterns and models), so that every worker forked from it starts with it
loaded (once per pool, not once per worker, nor once per file). Names no extractor itself."""
import importlib
import logging
import os

WARM_UP = "THIDUA_POOL_WARM_UP"

if os.environ.get(WARM_UP):
    try:
        importlib.import_module(os.environ[WARM_UP]).warm_up()
    except Exception:  # noqa: BLE001 - the workers warm it up themselves (and report the problem) instead
        logging.getLogger(__name__).warning("could not preload the extraction pipeline", exc_info=True)
