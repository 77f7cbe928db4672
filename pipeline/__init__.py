"""The plain steps from file to archived record, one folder per stage:

    read/       a file's bytes -> a Document (readers per format, OCR, legacy fonts, limits)
    normalise/  the one string evidence points into; is it Vietnamese?
    (extract)   lives in extractors/: the spaCy pipeline that makes a Record
    store/      the archive: originals, records, corrections, the cluster registry, migrations
    report/     rankings, heads, checks and exports from the archive; run reports; scoring

Beside them: record.py (the one typed Record), batches.py/ingest.py/pool.py (the batch loop that
runs the stages), settings.py, units.py (when two unit names mean the same unit), atomic.py."""
