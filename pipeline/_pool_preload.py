"""Imported once by the extraction pool's forkserver (pipeline/pool.py): build the extraction
pipeline there (spaCy's components with their patterns and models), so that every worker forked
from it starts with it loaded (once per pool, not once per worker, nor once per file)."""
import logging

try:
    from extractors.run import nlp

    nlp()
except Exception:  # noqa: BLE001 - the workers build it themselves (and report the problem) instead
    logging.getLogger(__name__).warning("could not preload the extraction pipeline", exc_info=True)
