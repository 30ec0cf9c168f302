"""Monthly bar charts drawn on the server as SVG: nothing loaded from elsewhere, no script.

Colours come from CSS classes (`indicators.css`); each chart is shown beside a data table that
carries the same figures for screen readers and people who prefer numbers."""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 480, 180
LEFT, BOTTOM, TOP = 32, 22, 10


def monthly_chart(row, year):
    """The SVG chart of a report row: this year's bars beside the previous year's."""
    months = row.months
    peak = max([max(value, previous) for _label, value, previous in months] + [1])
    plot_height = HEIGHT - BOTTOM - TOP
    slot = (WIDTH - LEFT) / 12
    bar = slot * 0.36

    def bar_rect(index, value, offset, css_class):
        height = plot_height * value / peak
        return (
            css_class,
            f"{LEFT + index * slot + offset:.1f}",
            f"{TOP + plot_height - height:.1f}",
            f"{bar:.1f}",
            f"{height:.1f}",
        )

    rects = []
    for index, (_label, value, previous) in enumerate(months):
        rects.append(bar_rect(index, previous, slot * 0.12, "chart-previous"))
        rects.append(bar_rect(index, value, slot * 0.12 + bar, "chart-current"))
    labels = format_html_join(
        "",
        '<text x="{}" y="{}" class="chart-label">{}</text>',
        (
            (f"{LEFT + index * slot + slot / 2:.1f}", HEIGHT - 6, label)
            for index, (label, _v, _p) in enumerate(months)
        ),
    )
    title = _("%(indicator)s par mois, %(year)s comparé à %(previous)s") % {
        "indicator": row.indicator.label,
        "year": year,
        "previous": year - 1,
    }
    return format_html(
        '<svg class="indicator-chart" viewBox="0 0 {w} {h}" role="img" aria-label="{title}">'
        "<title>{title}</title>"
        '<line x1="{left}" y1="{base}" x2="{w}" y2="{base}" class="chart-axis"/>'
        '<text x="2" y="{top_text}" class="chart-label">{peak}</text>'
        "{rects}{labels}</svg>",
        w=WIDTH,
        h=HEIGHT,
        title=title,
        left=LEFT,
        base=HEIGHT - BOTTOM,
        top_text=TOP + 8,
        peak=peak,
        rects=format_html_join(
            "", '<rect class="{}" x="{}" y="{}" width="{}" height="{}"/>', rects
        ),
        labels=labels,
    )
