"""`tacitus series` and `tacitus export` on a store holding the sample: the acceptance checks of issue #8."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest
from click.testing import CliRunner

from tacitus.analyst.exchange import POLECAT_COLUMNS
from tacitus.cli import main
from tests.analyst.roundtrip import check_cameo, check_polecat


def run(*args):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


def month_counts(store) -> dict[str, int]:
    """Occurred events per month, straight from the stored rows (the dates at least as precise as a month)."""
    found: dict[str, int] = {}
    for row in store.events(status="occurred"):
        match = re.match(r"^(\d{4}-\d{2})(?:-\d{2})?(?:$|T)", row.date or "")
        if match:
            found[match[1]] = found.get(match[1], 0) + 1
    return found


def test_series_csv_has_every_month_from_first_to_last_dated_event(sample_store_url, sample_store):
    result = run("series", "--db", sample_store_url, "--by", "month", "--format", "csv")
    frame = pd.read_csv(io.StringIO(result.stdout), dtype={"period": str})
    expected = month_counts(sample_store)
    months = pd.period_range(min(expected), max(expected), freq="M").strftime("%Y-%m").tolist()
    assert frame["period"].tolist() == months
    assert dict(zip(frame["period"], frame["events"], strict=True)) == {m: expected.get(m, 0) for m in months}
    assert (frame["events"] == 0).sum() == len(months) - len(expected)
    assert "filters: status=occurred" in result.stderr and "in-article event records" in result.stderr


def test_series_plot_writes_a_png(sample_store_url, tmp_path):
    path = tmp_path / "series.png"
    result = run(
        "series", "--db", sample_store_url, "--since", "2023", "--plot", str(path), "--format", "csv"
    )
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000
    assert "plot:" in result.stderr


def test_series_svg_plot_of_goldstein_mean(sample_store_url, tmp_path):
    path = tmp_path / "series.svg"
    run(
        "series",
        "--db",
        sample_store_url,
        "--by",
        "year",
        "--status",
        "any",
        "--plot",
        str(path),
        "--measure",
        "goldstein_mean",
    )
    assert "<svg" in path.read_text(encoding="utf-8")[:500]


def test_series_parquet_and_bad_plot_suffix(sample_store_url, tmp_path):
    run(
        "series",
        "--db",
        sample_store_url,
        "--by",
        "year",
        "--format",
        "parquet",
        "-o",
        str(tmp_path / "s.parquet"),
    )
    assert pd.read_parquet(tmp_path / "s.parquet")["events"].sum() > 0
    result = CliRunner().invoke(main, ["series", "--db", sample_store_url, "--plot", str(tmp_path / "s.jpg")])
    assert result.exit_code == 2 and ".png or .svg" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dyad", "Hamas"], "SOURCE:TARGET"),
        (["--quad", "9"], "'9' is not one of '1', '2', '3', '4'"),
        (["--since", "2016-13"], "[T101] since '2016-13'"),
        (["--type", "CONSLT"], "--type"),
        (["--since", "June"], "since 'June'"),
    ],
)
def test_series_bad_filters_are_one_clear_line(sample_store_url, args, message):
    result = CliRunner().invoke(main, ["series", "--db", sample_store_url, *args])
    assert result.exit_code == 2 and message in result.output


def test_export_polecat_loads_with_pandas_and_round_trips(sample_store_url, sample_store):
    result = run("export", "--db", sample_store_url, "--format", "polecat")
    frame = pd.read_csv(io.StringIO(result.stdout), sep="\t", dtype=str, keep_default_na=False)
    assert list(frame.columns) == POLECAT_COLUMNS
    assert check_polecat(sample_store, frame) == len(sample_store.events(status="occurred")) > 0
    assert "status=occurred" in result.stderr


def test_export_cameo_round_trips(sample_store_url, sample_store):
    result = run("export", "--db", sample_store_url, "--format", "cameo", "--status", "any")
    frame = pd.read_csv(io.StringIO(result.stdout), sep="\t", dtype=str, keep_default_na=False)
    assert check_cameo(sample_store, frame) == len(sample_store.events())


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_rows_carry_the_scales(sample_store_url, tmp_path, fmt):
    path = tmp_path / f"events.{fmt}"
    run("export", "--db", sample_store_url, "--format", fmt, "--type", "REQUEST", "-o", str(path))
    frame = {
        "csv": pd.read_csv,
        "parquet": pd.read_parquet,
        "jsonl": lambda p: pd.read_json(p, lines=True, dtype={"cameo_code": str}),
    }[fmt](path)
    assert set(frame["type"]) == {"REQUEST"}
    assert set(frame["goldstein"]) == {-5.0} and set(frame["quad"]) == {"verbal_conflict"}
