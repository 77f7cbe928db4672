"""Which extractor the commands and flows run: passed to the batch loop and the extraction pool
(pipeline/ names none; the pool's workers import it by name, so this imports nothing of it)."""
from pipeline.pool import ModuleExtractor

EXTRACTOR = ModuleExtractor("extractors.run")
