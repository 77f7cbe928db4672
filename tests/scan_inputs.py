"""Scans made from sample texts: pages rendered at 200 dpi in DejaVu Sans, turned slightly and
sprinkled with noise, as a scanner in an archive would leave them."""
from __future__ import annotations

import random
from pathlib import Path

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
A4_200DPI = (1654, 2339)


def render_pages(lines: list[str], *, dpi: int = 200, angle: float = 0.6, noise: float = 0.02, seed: int = 1,
                 max_pages: int | None = None):
    """PIL pages of the lines, wrapped to the page width, 12 pt."""
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 200
    width, height = int(A4_200DPI[0] * scale), int(A4_200DPI[1] * scale)
    font = ImageFont.truetype(str(DEJAVU), int(33 * scale))
    margin, leading = int(150 * scale), int(46 * scale)
    pages, page, y = [], None, 0
    for line in lines:
        for part in _wrap(line, font, width - 2 * margin) or [""]:
            if page is None or y > height - margin:
                if max_pages and len(pages) == max_pages:
                    break
                page = Image.new("L", (width, height), 255)
                pages.append(page)
                y = margin
            ImageDraw.Draw(page).text((margin, y), part, font=font, fill=0)
            y += leading
        y += leading // 2
    rng = random.Random(seed)
    return [_scanned(p, angle, noise, rng) for p in pages]


def _wrap(line: str, font, width: int) -> list[str]:
    out, current = [], ""
    for word in line.split():
        candidate = f"{current} {word}".strip()
        if font.getlength(candidate) <= width or not current:
            current = candidate
        else:
            out.append(current)
            current = word
    return out + ([current] if current else [])


def _scanned(page, angle: float, noise: float, rng: random.Random):
    page = page.rotate(angle, expand=False, fillcolor=255)
    pixels = page.load()
    w, h = page.size
    for _ in range(int(w * h * noise / 10)):  # salt and pepper specks
        pixels[rng.randrange(w), rng.randrange(h)] = rng.choice((0, 90, 255))
    return page


def save_pdf(pages, path: Path, dpi: int = 200) -> Path:
    pages[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return path
