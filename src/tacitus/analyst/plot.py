"""A series as a PNG or SVG bar chart (matplotlib, Agg backend, imported only when a plot is asked for)."""

from __future__ import annotations

from pathlib import Path

from tacitus.analyst.series import Series

MEASURES = {"events": "Events", "goldstein_total": "Goldstein total", "goldstein_mean": "Goldstein mean"}
PERIOD_NAMES = {"day": "Day", "week": "Week (ISO, starting Monday)", "month": "Month", "year": "Year"}


def plot_series(
    series: Series, path: str | Path, *, measure: str = "events", title: str | None = None
) -> Path:
    """Draw one bar per period (zero periods included) and write it; the format follows the suffix."""
    path = Path(path)
    if path.suffix.lower() not in (".png", ".svg"):
        raise ValueError(f"{path}: plot to a .png or .svg file")
    if measure not in MEASURES:
        raise ValueError(f"measure {measure!r}: use one of {', '.join(MEASURES)}")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    frame = series.frame()
    values = frame[measure].fillna(0) if measure != "events" else frame[measure]
    width = {"day": 0.8, "week": 5.5, "month": 24, "year": 300}[series.by]
    figure, axes = plt.subplots(figsize=(10, 4.2), dpi=120, layout="constrained")
    colours = ["#b23a48" if v < 0 else "#2f6690" for v in values]
    axes.bar(frame["start"], values, width=width, align="edge", color=colours)
    axes.set_xlabel(PERIOD_NAMES[series.by])
    axes.set_ylabel(
        f"{MEASURES[measure]} per {series.by}" + (" (event records)" if measure == "events" else "")
    )
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    axes.xaxis.set_major_locator(locator)
    span_days = (frame["start"].max() - frame["start"].min()).days
    if series.by in ("month", "week", "day") and span_days < 3 * 366:
        # every label says its year, so a chart that starts in October is not read as the following year's
        axes.xaxis.set_major_formatter(
            mdates.DateFormatter("%d %b\n%Y" if series.by == "day" and span_days < 90 else "%b\n%Y")
        )
    else:
        axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if measure == "events":
        axes.yaxis.get_major_locator().set_params(integer=True)
    else:
        axes.axhline(0, color="#444", linewidth=0.8)
    axes.grid(axis="y", alpha=0.3)
    axes.spines[["top", "right"]].set_visible(False)
    filters = ", ".join(
        f"{k}={':'.join(v) if isinstance(v, tuple) else v}" for k, v in series.filters.items()
    )
    axes.set_title(
        title or f"Tacitus events per {series.by}" + (f" ({filters})" if filters else ""), fontsize=11
    )
    figure.savefig(path)
    plt.close(figure)
    return path
