"""The coreference scores on clusterings small enough to score by hand."""

import pytest

from tacitus.dedup.metrics import b_cubed, ceaf_e, conll, muc

KEY = [{"a", "b", "c"}, {"d", "e"}]


def test_metrics_perfect_response_scores_one():
    result = conll(KEY, [{"c", "b", "a"}, {"e", "d"}])
    assert result["conll_f1"] == 1.0
    assert all(result[name]["f1"] == 1.0 for name in ("muc", "b3", "ceaf_e"))


def test_metrics_muc_counts_links():
    # Response {a,b} {c,d,e}: key {a,b,c} is split in 2 parts (1 of 2 links kept), {d,e} kept (1 of 1) → R = 2/3.
    # Response {a,b}: 1 link, kept; {c,d,e}: split in {c} {d,e} → 1 of 2 links → P = 2/3.
    score = muc(KEY, [{"a", "b"}, {"c", "d", "e"}])
    assert score.recall == pytest.approx(2 / 3)
    assert score.precision == pytest.approx(2 / 3)


def test_metrics_muc_all_singletons_has_no_links():
    score = muc(KEY, [{m} for m in "abcde"])
    assert score.recall == 0.0
    assert score.precision == 0.0


def test_metrics_b_cubed_by_hand():
    # Response {a,b,c,d,e}: per-mention precision 3/5,3/5,3/5,2/5,2/5 → 13/25; recall 1 for every mention.
    score = b_cubed(KEY, [set("abcde")])
    assert score.precision == pytest.approx(13 / 25)
    assert score.recall == 1.0


def test_metrics_b_cubed_singletons():
    # Every response singleton: precision 1; recall 1/3 ×3 + 1/2 ×2 = 2 → 2/5.
    score = b_cubed(KEY, [{m} for m in "abcde"])
    assert score.precision == 1.0
    assert score.recall == pytest.approx(2 / 5)


def test_metrics_ceaf_e_aligns_one_to_one():
    # Response {a,b,c,d,e} aligns with one key only: best φ4 = 2·3/(3+5) = 3/4 → R = 3/8, P = 3/4.
    score = ceaf_e(KEY, [set("abcde")])
    assert score.recall == pytest.approx(3 / 8)
    assert score.precision == pytest.approx(3 / 4)


def test_metrics_conll_is_the_mean_of_three_f1():
    response = [{"a", "b"}, {"c", "d", "e"}]
    result = conll(KEY, response)
    mean = (muc(KEY, response).f1 + b_cubed(KEY, response).f1 + ceaf_e(KEY, response).f1) / 3
    assert result["conll_f1"] == pytest.approx(mean, abs=1e-4)


def test_metrics_mention_in_two_clusters_is_an_error():
    with pytest.raises(ValueError, match="two clusters"):
        muc([{"a", "b"}, {"b"}], [{"a"}])
