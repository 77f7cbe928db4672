"""A cluster's ranks over the years as a PNG line chart (rank 1 at the top), drawn with matplotlib's
Agg canvas: no display, no pyplot global state, safe in a web worker."""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from pipeline.store.sheets import atomic_output

SIZE = (9.0, 5.0)  # inches
DPI = 100


@dataclass
class Chart:
    path: Path
    width: int  # pixels
    height: int
    plotted: dict[str, list[tuple[int, int]]]  # read back from the drawn lines: unit -> (year, rank)


def rank_chart(title: str, series: dict[str, list[tuple[int, int]]], out: Path) -> Chart:
    """One line per unit; years on the x axis, ranks on the y axis with 1 at the top."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    fig = Figure(figsize=SIZE, dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.subplots()
    years = sorted({y for points in series.values() for y, _ in points})
    for name, points in sorted(series.items(), key=lambda kv: (kv[1][-1][1], kv[0])):  # legend by latest rank
        ranks = dict(points)
        span = [y for y in years if points[0][0] <= y <= points[-1][0]]
        # a year without a rank is a gap in the line, not a slope to the next rank
        ax.plot(span, [ranks.get(y, math.nan) for y in span], marker="o", linewidth=2, label=name)
    ax.set_xticks(years or [0])
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.invert_yaxis()
    ax.set_xlabel("Năm")
    ax.set_ylabel("Hạng")
    ax.set_title(title, fontsize=11)
    ax.grid(True, alpha=0.3)
    if series:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    else:
        ax.text(0.5, 0.5, "Chưa có xếp hạng", ha="center", va="center", transform=ax.transAxes)
    fig.tight_layout()
    plotted = {line.get_label(): [(int(x), int(y)) for x, y in zip(line.get_xdata(), line.get_ydata(), strict=True)
                                  if not math.isnan(y)] for line in ax.get_lines()}
    Path(out).parent.mkdir(parents=True, exist_ok=True)  # our own charts folder beside the workbook
    with atomic_output(out, "wb") as fh:
        fig.savefig(fh, format="png")
    width, height = (int(v) for v in fig.get_size_inches() * DPI)
    return Chart(Path(out), width, height, plotted)
