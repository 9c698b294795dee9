"""Chart.js configurations the indicator pages and Mi escritorio draw (static/js/app.js)."""


def barras_apiladas(etiquetas: list[str], series: list[tuple[str, list, str]]) -> dict:
    """A horizontal stacked bar chart: one bar per label, `series` = [(name, values, colour)]."""
    return {
        "type": "bar",
        "data": {
            "labels": etiquetas,
            "datasets": [
                {"label": nombre, "data": valores, "backgroundColor": color}
                for nombre, valores, color in series
            ],
        },
        "options": {
            "indexAxis": "y",
            "scales": {"x": {"stacked": True, "ticks": {"precision": 0}}, "y": {"stacked": True}},
        },
    }
