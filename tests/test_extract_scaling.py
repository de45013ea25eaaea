"""Extraction time stays linear in the article's length (issue #17 item 5).

Per-character time of a 200,000-character article against a 20,000-character one, both built by
`bench/extract_scaling.py` from the sample article's real paragraphs. The bound is loose (2.5×) because the
machine may be shared: before the offset indexes in the stages the ratio was over 5× at this size.
"""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "extract_scaling.py"


def _article_of():
    spec = importlib.util.spec_from_file_location("extract_scaling", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.article_of, module.PUBLISHED


def _seconds(text: str, published: str) -> float:
    import tacitus

    started = time.perf_counter()
    tacitus.extract(text, published=published)
    return time.perf_counter() - started


@pytest.mark.slow
def test_per_character_time_of_a_long_article_stays_near_a_short_ones():
    article_of, published = _article_of()
    short, long = article_of(20_000), article_of(200_000)
    _seconds(article_of(2_000), published)  # warm-up: model and tables loaded
    short_time = min(_seconds(short, published) for _ in range(2)) / len(short)
    long_seconds = _seconds(long, published)
    assert long_seconds < 180, f"200,000 characters took {long_seconds:.0f} s"
    ratio = (long_seconds / len(long)) / short_time
    assert ratio <= 2.5, f"per-character time at 200,000 characters is {ratio:.2f}× that at 20,000"
