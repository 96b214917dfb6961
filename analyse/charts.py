"""Simple horizontal bar charts, drawn on the server as SVG: no script, nothing to load. The
template (analyse/includes/bar_chart.html) draws what bar_chart computes; each chart stands
beside the table with the same figures, for screen readers and for reading exact values."""

from dataclasses import dataclass

from django.utils.formats import number_format

WIDTH = 600
LABEL_WIDTH = 190
VALUE_WIDTH = 60
BAR_HEIGHT = 22
GAP = 8


@dataclass
class Bar:
    label: str
    value: object
    text: str
    y: int
    width: float
    text_y: int
    value_x: float
    highlight: bool = False


def bar_chart(title, items, *, maximum=None, target=None, unit=""):
    """`items` are (label, value[, highlight]); a None value draws no bar. `target` draws a
    dashed line at that value (e.g. the 5 % aim)."""
    values = [item[1] for item in items if item[1] is not None]
    top = max([maximum or 0, target or 0, *values, 1])
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = []
    for index, (label, value, *rest) in enumerate(items):
        y = index * (BAR_HEIGHT + GAP)
        bars.append(
            Bar(
                label=str(label),
                value=value,
                text="–" if value is None else f"{number_format(value)}{unit}",
                y=y,
                width=0 if value is None else round(room * value / top, 1),
                text_y=y + BAR_HEIGHT - 6,
                value_x=LABEL_WIDTH + 6 + (0 if value is None else round(room * value / top, 1)),
                highlight=bool(rest and rest[0]),
            )
        )
    height = max(len(bars) * (BAR_HEIGHT + GAP), BAR_HEIGHT)
    return {
        "title": title,
        "bars": bars,
        "width": WIDTH,
        "height": height,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "target_x": None if target is None else LABEL_WIDTH + round(room * target / top, 1),
        "target_label": "" if target is None else f"{target}{unit}",
    }
