"""HTML pages: the article text, with navigation and site furniture dropped.

lxml parses the page; menus, headers, footers, sidebars and link lists are removed before the
text is read block by block (tables row by row). What furniture survives as single lines is
set aside later by normalisation.
"""
from __future__ import annotations

import re

from pipeline.read.document import Origin, ReadError, ReadResult
from pipeline.read.txt import decode

DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
             "button", "select", "svg", "template", "head")
FURNITURE = re.compile(r"(^|[\s_-])(menu|nav|navbar|footer|sidebar|breadcrumbs?|banner|share|social|"
                       r"comment|comments|related|widget|advert|ads|login|search|topbar|toolbar|"
                       r"copyright|tags?|print|rating)($|[\s_-])", re.IGNORECASE)
# Accessibility links to the page's own content ("Skip to main content"): hidden on screen, but
# their text is the first line of the page for a text extractor.
SKIP_LINK = re.compile(r"\s*(skip (to|navigation)( main)?( content| navigation| menu)?|bỏ qua (nội dung|điều hướng)"
                       r"( chính)?|chuyển (đến|tới) nội dung( chính)?|đi (đến|tới) nội dung( chính)?|"
                       r"nhảy (đến|tới) nội dung( chính)?)\s*", re.IGNORECASE)
INLINE_TAGS = re.compile(r"</?(?:font|span|b|i|u|s|em|strong|small|big|sub|sup|strike|mark|tt|nobr|o:p)\b[^>]*>",
                         re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "section", "article",
          "table", "blockquote", "figcaption", "figure", "ul", "ol", "dd", "dt", "pre", "time", "main"}


def read(data: bytes) -> ReadResult:
    text, encoding = decode(data)
    text = _XML_DECLARATION.sub("", text, count=1)  # lxml refuses str input that declares an encoding
    root = _parse(text)
    title = (root.findtext(".//title") or "").strip()
    for el in list(root.iter(*DROP_TAGS)):
        if el.tag in ("header", "footer") and next(el.iterancestors("article"), None) is not None:
            continue  # an article's own header/footer holds its headline, date and byline
        _drop(el)
    for link in list(root.iter("a")):
        if (link.get("href") or "").startswith("#") and SKIP_LINK.fullmatch(link.text_content() or ""):
            _drop(link)
    elements = list(root.iter())
    shape = _Shape(elements)
    for el in elements:
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        marker = f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}"
        if (FURNITURE.search(marker) or shape.is_link_list(el)) and not shape.holds_article(el):
            _drop(el)
    body = next((el for el in (root.find(".//article"), root.find(".//main"), root.find(".//body")) if el is not None),
                root)
    lines: list[str] = []
    _collect(body, lines)
    out = "\n".join(_squeeze(lines))
    head = title.split("|")[0].strip()
    # "<headline> - <site name>": the headline already in the body is enough
    if head and head not in out and not any(len(line) >= 10 and head.startswith(line) for line in out.splitlines()):
        out = head + "\n\n" + out
    return ReadResult(text=out, origin=Origin.MARKUP, encoding=encoding, tables=len(body.findall(".//table")))


def _parse(text: str):
    """The page's tree, all of it. libxml2 stops nesting at 255 levels (2048 with huge_tree) and
    drops the rest without an error: old CMS pages leave thousands of <font>/<span> unclosed. Past
    the limit the inline tags, which carry no structure, are removed and the page parsed again; a
    page still too deep fails with a reason rather than losing text."""
    root, too_deep = _parse_once(text)
    if too_deep:
        root, too_deep = _parse_once(INLINE_TAGS.sub("", text))
    if too_deep:
        raise ReadError("HTML nested too deep to read whole (over 2048 levels of blocks)",
                        "open the page in a browser and save it again, or save its text as .txt")
    return root


def _parse_once(text: str):
    import lxml.html

    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except Exception as exc:  # lxml raises ParserError / ValueError on empty or broken input
        raise ReadError(f"unreadable HTML ({type(exc).__name__})", "save the page again") from None
    return root, any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)


def _drop(el) -> None:
    if el.getparent() is not None:
        el.drop_tree()  # keeps the text that follows the element


ARTICLE_TAGS = ("main", "article", "h1")


class _Shape:
    """What the furniture test asks of each element, measured for all of them in one pass from the
    leaves up: asking each element for its whole text (`text_content`) or its descendants made a
    page nested thousands of levels deep quadratic (a 10 MB page took a minute)."""

    def __init__(self, elements: list):
        self.length: dict = {}  # element -> (non-space characters, words) of its text
        self.linked: dict = {}  # element -> length of the text of the links inside it
        self.article: set = set()  # elements with main, article or h1 inside
        for el in reversed(elements):  # document order reversed: children before their parent
            if not isinstance(el.tag, str):
                continue
            chars, words = _measure(el.text)
            linked = 0
            for child in el:
                if isinstance(child.tag, str):
                    c_chars, c_words = self.length[child]
                    chars, words, linked = chars + c_chars, words + c_words, linked + self.linked[child]
                    if child.tag in ARTICLE_TAGS or child in self.article:
                        self.article.add(el)
                t_chars, t_words = _measure(child.tail)
                chars, words = chars + t_chars, words + t_words
            self.length[el] = (chars, words)
            self.linked[el] = linked + (self._shown(el) if el.tag == "a" else 0)

    def _shown(self, el) -> int:
        """The length of the element's text with its spaces squeezed (" ".join(text.split()))."""
        chars, words = self.length[el]
        return chars + max(words - 1, 0)

    def holds_article(self, el) -> bool:
        """body/main/article, or a wrapper around them or the headline: never furniture, whatever
        its class says (WordPress puts "has-sidebar" on <body>, themes wrap pages in "with-sidebar")."""
        return el.tag in ("body", "main", "article") or el in self.article

    def is_link_list(self, el) -> bool:
        """A ul/ol/div whose text is nearly all links is a menu or a list of other articles."""
        if el.tag not in ("ul", "ol", "div", "table", "p"):
            return False
        shown = self._shown(el)
        return shown >= 15 and self.linked[el] / shown > 0.7


def _measure(text: str | None) -> tuple[int, int]:
    words = (text or "").split()
    return sum(map(len, words)), len(words)


def _collect(root, lines: list[str]) -> None:
    """The text of `root`, block by block, tables row by row. Iterative: a page nested thousands
    of levels deep must not exhaust Python's stack."""
    stack: list[tuple[object, str]] = [(root, "open")]
    while stack:
        el, step = stack.pop()
        if step == "tail":
            if el.tail:
                _append(lines, el.tail)
        elif step == "close":
            if el.tag in BLOCKS:
                lines.append("")
            if el.tail:
                _append(lines, el.tail)
        elif el.tag == "tr":
            cells = [" ".join(c.text_content().split()) for c in el if isinstance(c.tag, str) and c.tag in ("td", "th")]
            lines.append(" | ".join(cells))
            if el.tail and el.tail.strip():
                lines.append(el.tail.strip())
        else:
            if el.tag in BLOCKS:
                lines.append("")
            if el.text:
                _append(lines, el.text)
            stack.append((el, "close"))
            stack.extend((child, "open" if isinstance(child.tag, str) else "tail") for child in reversed(el))


def _append(lines: list[str], text: str) -> None:
    text = " ".join(text.split())
    if not text:
        return
    if lines and lines[-1]:
        lines[-1] += " " + text
    else:
        lines.append(text)


def _squeeze(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        line = line.strip()
        if line or (out and out[-1]):
            out.append(line)
            if line:
                out.append("")
    return out
