"""What each part of the extractor contributes: headline micro-F1 and scalar accuracy on dev
(../shared/dev) and the seeds (../shared/gold) when present, samples/ (invented), samples/real (82 real
reports, training material) and the held-out real reports samples/heldout, samples/heldout2,
samples/heldout3 and samples/heldout4 (never tuned for), with the full pipeline, with each pipeline
component switched off (`nlp.disable_pipe`; without 'span_layer' the unit readers read every unit from
the string), without the rule that joins hard-wrapped lines into one sentence, and with each use of
underthesea that was tried and left out of the pipeline because it changed no score (see
extractors/nlp.py): its POS or NER tagger confirming names with an unlisted family name, proper nouns in
lists of people, and the POS of a line's last word, or its sentence splitter, deciding whether a
hard-wrapped line ends its sentence; and its NER organisations as UNIT spans of the span layer. Prints
two tables (micro-F1, scalar accuracy) with the change from the full pipeline and the CPU time of each
variant.

    .venv/bin/python benchmarks/ablation.py [--only span_layer,organisations]
"""

from __future__ import annotations

import contextlib
import re
import sys
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def gold_sets() -> list[tuple[str, Path, Path]]:
    sets = [
        ("dev", SHARED / "dev" / "gold", SHARED / "dev" / "texts"),
        ("seeds", SHARED / "gold", SHARED / "seeds"),
        ("samples", ROOT / "samples", ROOT / "samples"),
        ("real", ROOT / "samples" / "real", ROOT / "samples" / "real"),
        ("heldout", ROOT / "samples" / "heldout", ROOT / "samples" / "heldout"),
        ("heldout2", ROOT / "samples" / "heldout2", ROOT / "samples" / "heldout2"),
        ("heldout3", ROOT / "samples" / "heldout3", ROOT / "samples" / "heldout3"),
        ("heldout4", ROOT / "samples" / "heldout4", ROOT / "samples" / "heldout4"),
    ]
    return [s for s in sets if s[1].is_dir() and s[2].is_dir()]


def load(gold_dir: Path, texts: Path):
    from pipeline.read.discover import discover
    from pipeline.read import read_document
    from pipeline.report.scoring import load_gold

    golds = load_gold(gold_dir)
    files, _ = discover([texts])
    return golds, [read_document(f) for f in files if f.stem in golds]


def no_wrap_joining():
    from extractors.context import Context

    return mock.patch.object(Context, "_wrapped", lambda self, start, end: False)


def _unlisted_names_checked_by(check_name: str):
    """Keep an unlisted name (family name not in patterns/surnames.jsonl) only when `extractors.nlp`'s
    `check_name` (underthesea) agrees on its span."""
    from extractors import nlp, participants

    original, check = participants._unlisted_name, getattr(nlp, check_name)

    def checked(ctx, run, sentence):
        return [r for r in original(ctx, run, sentence)
                if check(ctx.text, r[0].start, r[-1].end, sentence.start, sentence.end)]

    return mock.patch.object(participants, "_unlisted_name", checked)


def with_underthesea_pos():
    """Unlisted names must also be one proper noun (Np) to underthesea, as the extractor did before
    this check was measured and removed."""
    return _unlisted_names_checked_by("is_proper_name")


def with_underthesea_ner():
    """Unlisted names must also be a person (B-PER, I-PER) to underthesea's NER tagger."""
    return _unlisted_names_checked_by("is_person")


def with_underthesea_list_names():
    """A capitalised run with an unlisted family name and no title, right after a comma or "và" (a name
    in a list of people: "các đồng chí: Lê Văn Tám, Y Bhăm Ênuôl"), is a name when underthesea reads it
    as one proper noun (Np); the reader still keeps it only when it follows a person of the list."""
    from extractors import nlp, participants

    original = participants._unlisted_name

    def listed(ctx, run, sentence):
        found = original(ctx, run, sentence)
        if found:
            return found
        before = ctx.text[max(sentence.start, run[0].start - 4):run[0].start]
        if _LIST_SEPARATOR.search(before) and \
                nlp.is_proper_name(ctx.text, run[0].start, run[-1].end, sentence.start, sentence.end):
            return [run]
        return []

    return mock.patch.object(participants, "_unlisted_name", listed)


_LIST_SEPARATOR = re.compile(r"(?:,|;|\svà)\s*$")


def _line_breaks_joined_when(joins):
    """A line break between a letter or digit and what follows is inside a sentence also when
    `joins(text, start, end)` (underthesea) says so."""
    from extractors.context import Context

    original = Context._wrapped

    def wrapped(self, start, end):
        if original(self, start, end):
            return True
        text = self.text
        if text[start:end] != "\n" or start == 0 or end >= len(text):
            return False
        return joins(text, start, end)

    return mock.patch.object(Context, "_wrapped", wrapped)


def with_underthesea_line_ends():
    """A line break before a capital letter does not end the sentence when underthesea tags the
    line's last word as a word no sentence ends on ("... có ông" / "Nguyễn Tiến Dũng, ...")."""
    from extractors import nlp

    def open_line(text, start, end):
        line_start = text.rfind("\n", 0, start) + 1
        return text[start - 1].isalnum() and text[end].isupper() and nlp.line_ends_open(text, line_start, start)

    return _line_breaks_joined_when(open_line)


def with_underthesea_sentences():
    """A line break is inside a sentence when underthesea's sentence splitter (punkt) reads the end of
    the line and the start of the next, joined, as one sentence."""
    from extractors import nlp

    return _line_breaks_joined_when(
        lambda text, start, end: nlp.one_sentence(text[max(0, start - 60):start] + " " + text[end:end + 60]))


def with_underthesea_organisations():
    """The span layer also takes underthesea's NER organisations (ORG) as UNIT spans, where it marked no unit,
    in sentences with a role word (heads are the weakest field): a candidate source for the layer."""
    from extractors import nlp, span_layer

    original = span_layer.SpanLayer.__call__

    def call(self, doc):
        doc = original(self, doc)
        ctx = doc._.context
        if ctx is None or ctx.units is None or not len(doc.spans["role_mentions"]):
            return doc
        index, roles = ctx.units, doc.spans["role_mentions"]
        for sentence in ctx.sentences:
            if any(sentence.start <= r.start_char < sentence.end for r in roles):
                for start, end in nlp.organisations(ctx.text, sentence.start, sentence.end):
                    if index.covering(start, end) is None and start not in index.starts and end not in index.ends:
                        index.starts[start], index.ends[end] = end, start
        index.sorted_starts = sorted(index.starts)
        return doc

    return mock.patch.object(span_layer.SpanLayer, "__call__", call)


def run(data, disable: tuple[str, ...] = ()) -> list[tuple[float, float]]:
    from extractors.context import Context
    from extractors.run import extract_many
    from pipeline.report.scoring import score

    out = []
    for golds, documents in data:
        preds = {r.doc_id: r.to_export() for r in extract_many((Context.of(d) for d in documents), disable)}
        s = score(golds, preds)
        out.append((s.micro_f1, s.scalar_accuracy))
    return out


def main() -> None:
    from extractors.run import nlp

    sets = gold_sets()
    data = [load(g, t) for _, g, t in sets]
    variants: list[tuple[str, tuple[str, ...], contextlib.AbstractContextManager]] = [
        ("full pipeline", (), contextlib.nullcontext())
    ]
    for name in nlp().pipe_names:
        if name != "record":
            variants.append((f"without component '{name}'", (name,), contextlib.nullcontext()))
    variants.append(("without hard-wrap sentence joining", (), no_wrap_joining()))
    variants.append(("with underthesea POS check on unlisted names", (), with_underthesea_pos()))
    variants.append(("with underthesea NER check on unlisted names", (), with_underthesea_ner()))
    variants.append(("with underthesea Np names in lists of people", (), with_underthesea_list_names()))
    variants.append(("with underthesea POS of line ends (hard wraps)", (), with_underthesea_line_ends()))
    variants.append(("with underthesea sentence splitter (hard wraps)", (), with_underthesea_sentences()))
    variants.append(("with underthesea NER organisations as UNIT spans", (), with_underthesea_organisations()))
    if "--only" in sys.argv:  # e.g. --only span_layer,organisations: the full pipeline and the variants named
        wanted = sys.argv[sys.argv.index("--only") + 1].split(",")
        variants = [v for i, v in enumerate(variants) if i == 0 or any(w in v[0] for w in wanted)]
    rows = []
    for label, disable, context in variants:
        print(f"measuring: {label}", file=sys.stderr, flush=True)
        cpu = time.process_time()
        with context:
            figures = run(data, disable)
        rows.append((label, figures, time.process_time() - cpu))
    print(f"documents: {', '.join(f'{name} {len(docs)}' for (name, _, _), (_, docs) in zip(sets, data, strict=True))}")
    for title, k in (("headline micro-F1", 0), ("scalar accuracy", 1)):
        print(f"\n{title} (change from the full pipeline)")
        print(f"{'variant':<50}" + "".join(f"{name:>16}" for name, _, _ in sets) + f"{'CPU s':>8}")
        for label, figures, cpu in rows:
            cells = "".join(f"{f[k]:>8.3f} ({f[k] - b[k]:+.3f})" for f, b in zip(figures, rows[0][1], strict=True))
            print(f"{label:<50}{cells}{cpu:>8.1f}")

if __name__ == "__main__":
    main()
