"""Imported once by the extraction pool's forkserver (pipeline/pool.py): load the NLP models there,
so that every worker forked from it starts with them (once per pool, not once per worker)."""
import logging

try:
    from extractors import nlp

    nlp.pipeline()
except Exception:  # noqa: BLE001 - the workers load them lazily (and report the problem) instead
    logging.getLogger(__name__).debug("could not preload the NLP models", exc_info=True)
