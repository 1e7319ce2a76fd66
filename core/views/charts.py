"""The Insights page's charts: SVG drawn on the server with pygal, no script, no CDN.

Each chart is an image (``<img src=…svg>``) next to a table with the same
numbers, so screen readers and CSV get everything the picture shows. The SVG
carries its own small style sheet, which is why its response has a policy of
its own (no script, inline style only) — see ``pwa/pages/insights.py``.
"""

from __future__ import annotations

import re
from typing import Any

import pygal
from pygal.style import Style

from core.insights.report import UsageReport

STYLE = Style(
    background="transparent",
    plot_background="transparent",
    foreground="#444",
    foreground_strong="#222",
    foreground_subtle="#888",
    colors=("#2450c8", "#16a085", "#e67e22", "#8e44ad"),
    font_family="system-ui, sans-serif",
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=14,
    title_font_size=16,
    value_font_size=12,
)
COMMON = {
    "style": STYLE,
    "js": [],  # pygal would otherwise link its tooltip script from a CDN
    "disable_xml_declaration": True,
    "width": 720,
    "height": 360,
    "legend_at_bottom": True,
    "print_values": False,
    "show_y_guides": True,
    "explicit_size": False,
    "no_data_text": "Too few people yet",
    "no_data_font_size": 24,
    "truncate_label": 28,
}


_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)


def _svg(chart: Any) -> str:
    """The SVG without pygal's tooltip configuration script (an image runs none anyway)."""
    return _SCRIPT.sub("", str(chart.render(is_unicode=True)))


def weekly(report: UsageReport) -> str:
    """Delivered, opened and helpful per week (weeks below the privacy floor are left out)."""
    chart = pygal.Bar(title="Per week", x_label_rotation=0, **COMMON)
    chart.x_labels = [row.key[5:] for row in report.items]  # MM-DD of the Monday
    for name in ("delivered", "opened", "helpful"):
        chart.add(name, [getattr(row, name) for row in report.items])
    return _svg(chart)


def top_tips(report: UsageReport, limit: int = 8) -> str:
    rows = report.items[:limit]
    height = 240 + 60 * max(1, len(rows))
    chart = pygal.HorizontalBar(title="Top tips", **{**COMMON, "height": height})
    chart.x_labels = [row.label[:40] for row in rows]
    chart.add("delivered", [row.delivered for row in rows])
    chart.add("helpful", [row.helpful for row in rows])
    return _svg(chart)


def funnel(report: UsageReport) -> str:
    chart = pygal.Funnel(title="Debrief funnel", **{**COMMON, "height": 260})
    prompts, tips = report.funnel.debrief_prompts, report.funnel.debrief_tips
    if prompts is not None and tips is not None:
        chart.add("prompts sent", [prompts])
        chart.add("tips written", [tips])
    return _svg(chart)
