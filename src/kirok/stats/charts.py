"""Charts drawn on the server as SVG: no script, no CDN, readable offline and in a
downloaded file. Each chart carries a title and a description for screen readers,
and every bar or point a tooltip with its figures."""

from __future__ import annotations

import datetime as dt
import math
from html import escape

from kirok.dates import PartialDate
from kirok.stats.counts import Point, Series, families

COLOURS = {
    "life": "#b2182b",
    "detention": "#7b3294",
    "disappearance": "#2d3e50",
    "movement": "#2166ac",
    "labor": "#d95f02",
    "food": "#1b7837",
    "health": "#01665e",
    "expression": "#c59400",
    "discrimination": "#6b6b6b",
    "sexual_violence": "#de77ae",
}
WIDTH = 760
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def colour(family: str) -> str:
    return COLOURS.get(family, "#444444")


def _open(height: int, title: str, description: str, ident: str) -> str:
    """The SVG element; ``ident`` keeps its title's ID unique on a page of several."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="{ident}-title {ident}-desc" {FONT}>'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(description)}</desc>'
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>'
    )


def nice_ticks(top: int, count: int = 5) -> list[int]:
    """Round tick values from 0 to at least ``top``."""
    if top <= 0:
        return [0, 1]
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(1, int(step))
    return list(range(0, math.ceil(top / step) * step + 1, step))


def stacked_bars(series: Series, title: str, ident: str = "months") -> str:
    """Records per period, each bar split by violation family."""
    height, left, right, top, bottom = 320, 44, 12, 16, 70
    totals = {p: sum(series.counts.get(p, {}).values()) for p in series.periods}
    ticks = nice_ticks(max(totals.values(), default=0))
    plot_h, plot_w = height - top - bottom, WIDTH - left - right
    scale = plot_h / ticks[-1]
    band = plot_w / max(1, len(series.periods))
    description = f"{sum(totals.values())} records per {series.unit}, by violation family"
    parts = [_open(height, title, description, ident)]
    for tick in ticks:
        y = top + plot_h - tick * scale
        parts.append(
            f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#444">{tick}</text>'
        )
    every = max(1, math.ceil(len(series.periods) / 12))
    for index, period in enumerate(series.periods):
        x = left + index * band
        y = top + plot_h
        for family in families():
            count = series.counts.get(period, {}).get(family, 0)
            if not count:
                continue
            h = count * scale
            y -= h
            parts.append(
                f'<rect class="bar" data-period="{period}" data-family="{family}" '
                f'data-count="{count}" x="{x + band * 0.1:.1f}" y="{y:.1f}" '
                f'width="{band * 0.8:.1f}" height="{h:.1f}" fill="{colour(family)}">'
                f"<title>{period} · {escape(family)}: {count}</title></rect>"
            )
        if index % every == 0:
            cx = x + band / 2
            parts.append(
                f'<text x="{cx:.1f}" y="{top + plot_h + 14}" text-anchor="end" fill="#444" '
                f'transform="rotate(-45 {cx:.1f} {top + plot_h + 14})">{period}</text>'
            )
    present = [
        f for f in families() if any(series.counts.get(p, {}).get(f) for p in series.periods)
    ]
    parts.append(_legend(present, height - 16))
    parts.append("</svg>")
    return "".join(parts)


def _legend(names: list[str], y: int) -> str:
    parts, x = [], 44
    for name in names:
        parts.append(
            f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{colour(name)}"/>'
            f'<text x="{x + 14}" y="{y}" fill="#222">{escape(name)}</text>'
        )
        x += 30 + 8 * len(name)
    return "".join(parts)


def horizontal_bars(
    items: list[tuple[str, int]], title: str, what: str, ident: str = "bars"
) -> str:
    """One bar per value (perpetrator, place), longest first."""
    row, left, right, top = 24, 230, 50, 10
    height = top * 2 + row * max(1, len(items))
    widest = max((count for _, count in items), default=0) or 1
    scale = (WIDTH - left - right) / widest
    description = ", ".join(f"{label}: {count}" for label, count in items) or "no records"
    parts = [_open(height, title, f"Records by {what}: {description}", ident)]
    for index, (label, count) in enumerate(items):
        y = top + index * row
        shown = label if len(label) <= 34 else label[:33] + "…"
        parts.append(
            f'<text x="{left - 8}" y="{y + 16}" text-anchor="end" fill="#222">{escape(shown)}</text>'
            f'<rect class="bar" data-label="{escape(label)}" data-count="{count}" x="{left}" '
            f'y="{y + 4}" width="{max(1.0, count * scale):.1f}" height="{row - 8}" fill="#2166ac">'
            f"<title>{escape(label)}: {count}</title></rect>"
            f'<text x="{left + count * scale + 6:.1f}" y="{y + 16}" fill="#222">{count}</text>'
        )
    if not items:
        parts.append(f'<text x="{left}" y="{top + 16}" fill="#444">No records</text>')
    parts.append("</svg>")
    return "".join(parts)


def timeline(points: list[Point], title: str, ident: str = "timeline") -> str:
    """Each dated incident as a dot on its family's lane, linked to its record."""
    lanes = [f for f in families() if any(p.family == f for p in points)]
    row, left, right, top, bottom = 28, 120, 20, 10, 30
    height = top + bottom + row * max(1, len(lanes))
    parts = [
        _open(height, title, f"{len(points)} dated incidents over time, by violation family", ident)
    ]
    if not points:
        parts.append(f'<text x="{left}" y="{top + 18}" fill="#444">No dated incidents</text></svg>')
        return "".join(parts)
    days = [PartialDate.parse_iso(p.date).first_day().toordinal() for p in points]
    first, last = min(days), max(days)
    span = max(1, last - first)
    plot_w = WIDTH - left - right
    for index, lane in enumerate(lanes):
        y = top + index * row + row / 2
        parts.append(
            f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end" fill="#222">{escape(lane)}</text>'
            f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>'
        )
    for point, day in zip(points, days, strict=True):
        x = left + (day - first) / span * plot_w
        y = top + lanes.index(point.family) * row + row / 2
        where = f", {point.place}" if point.place else ""
        parts.append(
            f'<a href="/records/{point.record_id}"><circle class="point" cx="{x:.1f}" cy="{y:.1f}" '
            f'r="5" fill="{colour(point.family)}" fill-opacity="0.75">'
            f"<title>{escape(point.date)} · {escape(point.violation)}{escape(where)} "
            f"(record {point.record_id})</title></circle></a>"
        )
    for label_day, anchor in ((first, "start"), (last, "end")):
        x = left + (label_day - first) / span * plot_w
        text = dt.date.fromordinal(label_day).isoformat()
        parts.append(
            f'<text x="{x:.1f}" y="{height - 8}" text-anchor="{anchor}" fill="#444">{text}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
