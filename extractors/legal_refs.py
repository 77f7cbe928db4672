"""Numbered documents cited by symbol: 489/QĐ-UBND, 05-CT/TW, 37/KH-MTTQ-BTT, 29/2019/NĐ-CP."""
from __future__ import annotations

import re

from extractors.context import Context
from pipeline.record import LegalRef

_UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
_PART = f"[{_UPPER}][{_UPPER}0-9&]*[a-zđ]?"  # QĐ, UBND, TTg
SYMBOL = re.compile(
    rf"(?<![\w/])\d{{1,5}}[a-z]?(?:/(?:19|20)\d{{2}})?"
    rf"(?:/{_PART}(?:-{_PART})*|-[{_UPPER}]+/{_PART}(?:-{_PART})*)"
    rf"(?:/{_PART}(?:-{_PART})*)?(?![\w])"
)


def find(ctx: Context) -> list[LegalRef]:
    seen: dict[str, LegalRef] = {}
    for m in SYMBOL.finditer(ctx.text):
        symbol = m.group(0)
        line_start = ctx.text.rfind("\n", 0, m.start()) + 1
        if re.match(r"\s*số\s*:", ctx.text[line_start:m.start()], re.IGNORECASE):
            continue  # "Số: 07/TB-CTĐ" is the document's own number, not a document it cites
        if "/" not in symbol or symbol in seen:
            continue
        seen[symbol] = LegalRef(symbol=symbol, evidence=ctx.evidence(m.start(), m.end()), confidence=0.95)
    return list(seen.values())
