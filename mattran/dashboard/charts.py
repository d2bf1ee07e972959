"""Charts drawn as SVG on the server: no script, no network, readable on any phone."""

from decimal import Decimal

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from mattran.core.numbers import format_number

STATUS_COLOURS = {
    "met": "#1e7e34",
    "on_track": "#1967d2",
    "behind": "#c5221f",
    "no_data": "#80868b",
    "qualitative": "#8e24aa",
}


def sparkline(points, *, width: int = 140, height: int = 34, colour: str = "#1967d2") -> SafeString:
    """A line of the year-to-date figure, month by month; gaps where nothing was reported."""
    known = [(p.month, float(p.value)) for p in points if p.value is not None]
    if not known:
        return mark_safe('<span class="muted">chưa có số liệu tháng</span>')
    top = max(v for _, v in known) or 1.0
    pad = 3

    def x(month: int) -> float:
        return pad + (month - 1) * (width - 2 * pad) / 11

    def y(value: float) -> float:
        return height - pad - value / top * (height - 2 * pad)

    line = " ".join(f"{x(m):.1f},{y(v):.1f}" for m, v in known)
    last_m, last_v = known[-1]
    label = "; ".join(f"T{m}: {format_number(Decimal(str(v)), 1)}" for m, v in known)
    return format_html(
        '<svg class="spark" viewBox="0 0 {w} {h}" role="img" aria-label="{label}">'
        "<title>{label}</title>"
        '<line x1="{p}" y1="{base}" x2="{w2}" y2="{base}" stroke="#dadce0"/>'
        '<polyline fill="none" stroke="{c}" stroke-width="2" points="{line}"/>'
        '<circle cx="{cx}" cy="{cy}" r="2.8" fill="{c}"/></svg>',
        w=width,
        h=height,
        label=label,
        p=pad,
        base=height - pad,
        w2=width - pad,
        c=colour,
        line=line,
        cx=f"{x(last_m):.1f}",
        cy=f"{y(last_v):.1f}",
    )


def bars(items, *, unit_label: str = "", target: float | None = None) -> SafeString:
    """Horizontal bars comparing units: items are (name, value or None, status, text)."""
    row_h, label_w, width = 26, 150, 560
    chart_w = width - label_w - 90
    values = [float(v) for _, v, _, _ in items if v is not None]
    top = max(values + ([target] if target else []) + [1.0])
    height = row_h * len(items) + 10
    parts = [
        f'<svg class="bars" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="So sánh giữa các đơn vị {escape(unit_label)}">'
    ]
    for i, (name, value, status, text) in enumerate(items):
        y = 5 + i * row_h
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 16}" text-anchor="end" font-size="12">'
            f"{escape(name)}</text>"
        )
        if value is not None:
            w = max(1.0, float(value) / top * chart_w)
            colour = STATUS_COLOURS.get(status, "#1967d2")
            parts.append(
                f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="16" rx="3" '
                f'fill="{colour}"><title>{escape(name)}: {escape(text)}</title></rect>'
            )
        text_x = label_w + (float(value) / top * chart_w if value is not None else 0) + 6
        parts.append(
            f'<text x="{text_x:.1f}" y="{y + 16}" font-size="12" fill="#3c4043">'
            f"{escape(text)}</text>"
        )
    if target:
        tx = label_w + target / top * chart_w
        parts.append(
            f'<line x1="{tx:.1f}" y1="0" x2="{tx:.1f}" y2="{height}" stroke="#202124" '
            f'stroke-dasharray="4 3"><title>Chỉ tiêu</title></line>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
