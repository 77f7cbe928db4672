"""The denormalised columns a document row carries so that `records list`, the review queue and
search can filter and sort without opening the record: derived from the effective record."""
from __future__ import annotations

from pipeline.normalise.text import unaccent
from pipeline.record import Record


def summary_columns(record: Record) -> dict:
    """The denormalised columns `records list` filters on."""
    year = record.meeting.period.value if record.meeting.period else (
        record.meeting.date.value.year if record.meeting.date else None)
    return {"title": record.title.value if record.title else None,
            "cluster_name": record.cluster.name if record.cluster else None,
            "cluster_key": normalise_key(record.cluster.name) if record.cluster else None,
            "cluster_number": record.cluster.number if record.cluster else None,
            "year": year, **review_columns(record)}


def review_columns(record: Record) -> dict:
    """What the review queue sorts and filters on: the least certain value, the meeting kinds."""
    kinds = sorted({k.value for k in record.meeting.kinds})
    return {"kinds": f",{','.join(kinds)}," if kinds else None}


def normalise_key(text: str) -> str:
    """How cluster names are compared: without diacritics, lower case, single spaces, so that
    "cum thi dua so 2" finds "Cụm thi đua số 2"."""
    return " ".join(unaccent(str(text)).split())
