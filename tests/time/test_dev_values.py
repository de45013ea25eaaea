"""No invalid TIMEX3 value on any development text (`../shared/eval-data`, every set with article text).

Two paths, as `eval/time_validity.py` explains: every text through the time rules on a tokenised text (all
patterns fire and every value is formatted; about a minute of CPU), and a fixed sample, every 25th text of
each set, on the full spaCy parse the pipeline uses. Texts are tagged with a publication date and without one
in turn.
The tagger drops an invalid value with a warning; the check fails on any such warning.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FULL_PARSE_SAMPLE = 25  # every 25th text of each set gets the full parse


@pytest.fixture(scope="module")
def validity(shared_dir):
    sys.path.insert(0, str(REPO / "eval"))
    import time_validity
    from time_devtexts import read_all

    texts = read_all(shared_dir / "eval-data")
    if not texts:
        pytest.skip(f"no development texts under {shared_dir / 'eval-data'}")
    return time_validity, texts


def test_every_dev_text_gets_only_valid_values(validity):
    module, texts = validity
    report = module.check(texts, parse="tokens")
    assert report.texts == len(texts)
    assert report.timexes > 5 * len(texts)  # the rules ran: news has several timexes a text
    assert not report.invalid, "\n".join(report.invalid[:20])


def test_sample_on_the_full_parse_gets_only_valid_values(validity):
    module, texts = validity
    chosen = module.sample(texts, FULL_PARSE_SAMPLE)
    assert len({text.dataset for text in chosen}) == len({text.dataset for text in texts})
    report = module.check(chosen, parse="full")
    assert not report.invalid, "\n".join(report.invalid[:20])
