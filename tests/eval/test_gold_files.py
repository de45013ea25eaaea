"""Every whole-article gold file keeps to the schema, and (with ../shared) its snippets are in its text."""

from __future__ import annotations

from pathlib import Path

import pytest
from gold_pick import DEFAULT_DATA, EXTRA_CHECK_QUOTAS, QUOTAS, picked, picked_extra_check
from gold_schema import GOLD_DIR, GoldError, check_against_text, load_all, load_gold
from splits import article_part

GOLD_FILES = sorted(GOLD_DIR.glob("*/*.yaml"))


def test_gold_has_the_articles_of_both_quotas():
    golds = load_all()
    assert len(golds) == sum(QUOTAS.values()) + sum(EXTRA_CHECK_QUOTAS.values()) == 27
    for dataset in QUOTAS:
        expected = QUOTAS[dataset] + EXTRA_CHECK_QUOTAS[dataset]
        assert sum(g.dataset == dataset for g in golds) == expected
    assert sum(g.part == "check" for g in golds) >= sum(EXTRA_CHECK_QUOTAS.values())


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_gold_file_keeps_to_the_schema(path):
    gold = load_gold(path)
    assert gold.part == article_part("gold", gold.key)
    for event in gold.events:
        assert event.evidence.casefold().count(event.trigger.casefold()) >= 1


def test_gold_schema_names_the_file_and_entry_of_an_error(tmp_path):
    folder = tmp_path / "polnear"
    folder.mkdir()
    path = folder / "x.yaml"
    path.write_text(
        "dataset: polnear\nid: x\npublished: null\npublished_from: none\npart: tune\n"
        "actors:\n  - {id: a, name: A, aliases: [], kind: person, country: USA, sector: GOV, role: null}\n"
        "events:\n  - {type: ACCUSE, mode: disapprove, sources: [a], targets: [b], status: occurred,"
        " date: null, place: null, trigger: blamed, evidence: 'he blamed them for all of it'}\n"
        "quotes: []\n",
        encoding="utf-8",
    )
    with pytest.raises(GoldError, match=r"x\.yaml: events\[0\]: targets name unknown actor ids \['b'\]"):
        load_gold(path)


def test_gold_schema_rejects_a_short_evidence_and_an_unknown_type(tmp_path):
    folder = tmp_path / "meantime"
    folder.mkdir()
    base = (
        "dataset: meantime\nid: y\npublished: '2008-10-09'\npublished_from: metadata\npart: tune\n"
        "actors: []\nquotes: []\nevents:\n  - {{type: {type}, mode: null, sources: [], targets: [],"
        " status: occurred, date: null, place: null, trigger: met, evidence: '{evidence}'}}\n"
    )
    path = folder / "y.yaml"
    path.write_text(base.format(type="CONSULT", evidence="they met"), encoding="utf-8")
    with pytest.raises(GoldError, match="fewer than 6 words"):
        load_gold(path)
    path.write_text(base.format(type="GREET", evidence="they met in the capital on Monday"), encoding="utf-8")
    with pytest.raises(GoldError, match="unknown PLOVER type 'GREET'"):
        load_gold(path)


def _shared_articles() -> dict:
    if not (Path(DEFAULT_DATA) / "polnear").is_dir():
        pytest.skip(f"development data not found at {DEFAULT_DATA}: ../shared is not beside this checkout")
    articles = picked(DEFAULT_DATA) + picked_extra_check(DEFAULT_DATA)
    return {article.key: article for article in articles}


def test_extra_check_articles_are_all_check_and_new():
    articles = _shared_articles()
    extra = picked_extra_check(DEFAULT_DATA)
    assert len(extra) == sum(EXTRA_CHECK_QUOTAS.values())
    assert all(article_part("gold", a.key) == "check" for a in extra)
    assert not {a.key for a in extra} & {a.key for a in picked(DEFAULT_DATA)}
    assert len(articles) == 27


def test_gold_files_are_exactly_the_picked_articles_with_their_dates():
    articles = _shared_articles()
    golds = {g.key: g for g in load_all()}
    assert set(golds) == set(articles)
    for key, article in articles.items():
        if article.published:  # the data's own date wins wherever the data has one
            assert golds[key].published == article.published


def test_gold_snippets_are_verbatim_and_evidence_unique_in_the_text():
    articles = _shared_articles()
    problems = [p for g in load_all() for p in check_against_text(g, articles[g.key].text)]
    assert problems == []


def test_load_all_skips_a_bad_file_and_names_it_when_asked(tmp_path):
    good, bad = tmp_path / "polnear", tmp_path / "meantime"
    good.mkdir()
    bad.mkdir()
    (good / "ok.yaml").write_text(
        "dataset: polnear\nid: ok\npublished: null\npublished_from: none\npart: tune\n"
        "actors: []\nevents: []\nquotes: []\n",
        encoding="utf-8",
    )
    (bad / "broken.yaml").write_text("dataset: meantime\nid: broken\n", encoding="utf-8")
    errors: list[str] = []
    assert [g.id for g in load_all(tmp_path, errors)] == ["ok"]
    assert len(errors) == 1 and "broken.yaml" in errors[0] and "missing fields" in errors[0]
    with pytest.raises(GoldError, match="broken.yaml"):
        load_all(tmp_path)
