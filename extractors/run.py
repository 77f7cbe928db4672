"""The extraction pipeline: a spaCy Language assembled from extractors/pipeline.cfg (stages in
order, components in extractors/components.py), built once per process. The record is read from
the Doc's extensions at the end; batches go through `nlp.pipe`."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.util import load_config, load_model_from_config

from extractors import components  # noqa: F401  (registers the language, tokenizer and components)
from extractors.context import Context
from pipeline.read import limits, ocr, read_document
from pipeline.read.document import Document, DocumentResult, ReadError, Status
from pipeline.record import Problem, Record
from pipeline.settings import get_settings

log = logging.getLogger(__name__)
CONFIG = Path(__file__).with_name("pipeline.cfg")


def nlp(disable: tuple[str, ...] = ()) -> Language:
    """The pipeline, built once per process (per set of disabled components, for ablation)."""
    return _build(tuple(disable))


@cache
def _build(disable: tuple[str, ...]) -> Language:
    language = load_model_from_config(load_config(CONFIG), auto_fill=True, validate=True)
    # spaCy refuses texts over 1,000,000 characters (its parser's memory, not ours: there is none
    # here); THIDUA_MAX_TEXT_CHARS is the bound, with room for what normalising adds.
    language.max_length = max(language.max_length, 2 * get_settings().max_text_chars)
    for name in disable:
        language.disable_pipe(name)
    return language


nlp.cache_clear = _build.cache_clear  # type: ignore[attr-defined]  (tests rebuild the pipeline)

WARM_UP_TEXT = ("Hội nghị tổng kết công tác thi đua Cụm thi đua số 2 năm 2023. Đồng chí Nguyễn Văn An, "
                "Chủ tịch Ủy ban nhân dân huyện Châu Thành phát biểu.")


@cache
def warm_up() -> None:
    """Load everything the first report would: the pipeline and the models its components load on
    first use (the extraction pool calls it in its forkserver, so that its workers start warm)."""
    extract_context(Context.from_text(WARM_UP_TEXT))



def _doc(ctx: Context, language: Language):
    doc = language.make_doc(ctx.text)
    doc._.context = ctx
    ctx.doc = doc
    return doc


def extract(document: Document) -> Record:
    return extract_context(Context.of(document))


def extract_context(ctx: Context, disable: tuple[str, ...] = ()) -> Record:
    language = nlp(disable)
    return _record(language(_doc(ctx, language)), ctx)


def extract_many(contexts: Iterable[Context], disable: tuple[str, ...] = ()) -> Iterator[Record]:
    """Records for many documents, through `nlp.pipe` (one Doc per document)."""
    language = nlp(disable)
    for doc in language.pipe(_doc(ctx, language) for ctx in contexts):
        yield _record(doc, doc._.context)


def _record(doc, ctx: Context) -> Record:
    record = doc._.record
    if record is None:
        record = Record(doc_id=ctx.document.id, sha256=ctx.document.sha256 or None, source_path=ctx.document.path,
                        problems=doc._.problems or [])
    record.origin = ctx.document.origin()
    record.problems = [*(Problem(field="text", error=w) for w in ctx.document.warnings), *record.problems]
    if ctx.document.word_confidence:  # values read by OCR are only as sure as the words they came from
        ocr.lower_confidence(record, ctx.document.word_confidence, ctx.norm.original_span)
    return record


def _prepare(path: Path) -> DocumentResult | Context:
    """Read and normalise one file, within the file's time limit; an expected problem becomes a
    failed result."""
    try:
        with limits.time_limit():
            document = read_document(path)
            ctx = Context.of(document)
    except (ReadError, limits.FileTimeout) as exc:
        return DocumentResult.failed(path, str(exc))
    except OSError as exc:
        return DocumentResult.failed(path, f"cannot read file: {exc.strerror or exc}")
    if not ctx.text.strip():
        return DocumentResult.failed(path, "no report text left after removing site furniture "
                                           "(menus, counters, links); is this an article page?")
    return ctx


def _ok(path: Path, ctx: Context, record: Record) -> DocumentResult:
    return DocumentResult(path=str(path), doc_id=ctx.document.id, status=Status.OK, record=record,
                          document=ctx.document, normalized_text=ctx.text)


def _failed_extraction(path: Path, exc: Exception) -> DocumentResult:
    log.exception("extraction failed on %s", path)
    return DocumentResult.failed(path, f"internal error while extracting ({type(exc).__name__}: {exc}); "
                                       "please report it together with this file")


def process_path(path: Path) -> DocumentResult:
    """Read, normalise and extract one file; an expected problem becomes a failed result."""
    path = Path(path)
    ctx = _prepare(path)
    if isinstance(ctx, DocumentResult):
        return ctx
    return _extract_one(path, ctx)


def _extract_one(path: Path, ctx: Context) -> DocumentResult:
    try:
        with limits.time_limit():
            return _ok(path, ctx, extract_context(ctx))
    except limits.FileTimeout as exc:
        return DocumentResult.failed(path, str(exc))
    except Exception as exc:  # an extractor bug must cost one file, never the batch
        return _failed_extraction(path, exc)


def process_paths(paths: Iterable[Path], batch_size: int = 32) -> Iterator[DocumentResult]:
    """Results for many files, in order, extracted in batches through `nlp.pipe`. A file that cannot be
    read becomes a failed result; if extraction fails inside a batch, that batch is redone file by file so
    the bug costs only its own file."""
    batch: list[tuple[Path, DocumentResult | Context]] = []
    for path in map(Path, paths):
        batch.append((path, _prepare(path)))
        if len(batch) >= batch_size:
            yield from _extract_batch(batch)
            batch = []
    yield from _extract_batch(batch)


def _extract_batch(batch: list[tuple[Path, DocumentResult | Context]]) -> Iterator[DocumentResult]:
    contexts = [item for _, item in batch if isinstance(item, Context)]
    try:  # the batch has the time of one file: a batch that takes longer is redone file by file below,
        # so a slow file fails with the limit named whatever the files beside it (the others are kept)
        with limits.time_limit():
            records = dict(zip(map(id, contexts), extract_many(contexts), strict=True))
    except (Exception, limits.FileTimeout):  # noqa: BLE001 - found again, file by file, below
        records = None
    for path, item in batch:
        if isinstance(item, DocumentResult):
            yield item
        elif records is not None:
            yield _ok(path, item, records[id(item)])
        else:
            yield _extract_one(path, item)
