"""The whole-article scorer on tiny hand-made gold/prediction pairs (no pipeline run)."""

from __future__ import annotations

import pytest
from articles_gold import (
    actor_matches,
    date_right,
    evaluate,
    main,
    max_matching,
    normalise_name,
    score_article,
    summarise,
)
from gold_schema import GoldActor, GoldArticle, GoldEvent, GoldQuote

from tacitus.contract import Actor, Article, DateValue, Document, Event, EventStatus, Quote, Span

TEXT = (
    "Russia's foreign minister Sergei Lavrov criticised the Hamas leadership on Monday. "
    '"We will not accept this," Lavrov said. Hamas later met Egyptian officials in Cairo.'
)


def _gold_actor(id_, name, aliases, kind, country, sector):
    return GoldActor(id_, name, tuple(aliases), kind, country, sector, None)


def _gold_event(type_, sources, targets, status="occurred", date=None):
    return GoldEvent(type_, None, tuple(sources), tuple(targets), status, date, None, "x", "x x x x x x")


GOLD = GoldArticle(
    dataset="polnear",
    id="tiny",
    published="2024-06-11",
    published_from="metadata",
    part="tune",
    actors={
        "lavrov": _gold_actor("lavrov", "Sergei Lavrov", ["Lavrov"], "person", "RUS", "GOV"),
        "hamas": _gold_actor("hamas", "Hamas", ["the Hamas leadership"], "group", "PSE", "REB"),
        "egypt": _gold_actor(
            "egypt", "Egyptian officials", ["Egyptian officials"], "collective", "EGY", "GOV"
        ),
    },
    events=[
        _gold_event("ACCUSE", ["lavrov"], ["hamas"], date="2024-06-10"),
        _gold_event("CONSULT", ["hamas"], ["egypt"], date="before-publication"),
    ],
    quotes=[GoldQuote("lavrov", True, "We will not accept this")],
)


def _actor(id_, name, type_, country=None, sector=(), mentions=()):
    return Actor(
        id=id_,
        name=name,
        type=type_,
        country=country,
        sector=list(sector),
        mentions=[Span(start=TEXT.find(m), end=TEXT.find(m) + len(m), text=m) for m in mentions],
    )


def _event(id_, type_, sources, targets, status=EventStatus.OCCURRED, date=None, inferred=False):
    return Event(
        id=id_,
        type=type_,
        sources=sources,
        targets=targets,
        status=status,
        date=DateValue(value=date, inferred=inferred) if date else None,
    )


def _document(events, actors=None, quotes=()):
    actors = actors or [
        _actor("A1", "Sergei Lavrov", "person", "RUS", ["GOV"], ["Sergei Lavrov", "Lavrov"]),
        _actor("A2", "Hamas", "group", "PSE", ["REB"], ["Hamas"]),
        _actor("A3", "Egypt", "country", "EGY"),
    ]
    return Document(article=Article(id="tiny", text=TEXT), actors=actors, events=events, quotes=list(quotes))


def test_normalise_name_drops_article_possessive_case_and_curly_quotes():
    assert normalise_name("The Hamas Leadership’s") == "hamas leadership"
    assert normalise_name("  Lavrov ") == "lavrov"


def test_actor_matches_by_mention_text_or_country_code():
    lavrov = _actor("A1", "S. Lavrov", "person", mentions=["Lavrov"])
    assert actor_matches(lavrov, GOLD.actors["lavrov"])
    assert not actor_matches(lavrov, GOLD.actors["hamas"])
    country = GoldActor("ru", "Russia", (), "country", "RUS", None, None)
    assert actor_matches(_actor("A9", "Russian Federation", "country", "RUS"), country)


def test_perfect_prediction_scores_one_everywhere():
    doc = _document(
        [
            _event("E1", "ACCUSE", ["A1"], ["A2"], date="2024-06-10"),
            _event("E2", "CONSULT", ["A2"], ["A3b"], date="PAST_REF"),
        ],
        actors=[
            _actor("A1", "Sergei Lavrov", "person", "RUS", ["GOV"], ["Lavrov"]),
            _actor("A2", "Hamas", "group", "PSE", ["REB"], ["Hamas"]),
            _actor("A3b", "Egyptian officials", "group", "EGY", ["GOV"], ["Egyptian officials"]),
        ],
        quotes=[
            Quote(id="Q1", speaker="A1", text="We will not accept this", evidence=Span(start=84, end=107))
        ],
    )
    score = score_article(GOLD, doc)
    assert score.matched == {"strict": 2, "type": 2, "type_sources": 2, "type_status": 2}
    assert (score.duplicates, score.dates_right, score.dated_pairs) == (0, 2, 2)
    assert (score.actors_found, score.attributes_right) == (3, 3)
    assert (score.quotes_found, score.speakers_right) == (1, 1)
    summary = summarise([score])
    assert summary["events"]["strict"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_wrong_side_counts_only_in_the_looser_scores():
    doc = _document([_event("E1", "ACCUSE", ["A2"], ["A1"]), _event("E2", "CONSULT", [], [])])
    score = score_article(GOLD, doc)
    assert score.matched["strict"] == 0
    assert score.matched["type"] == 2
    assert score.matched["type_status"] == 2
    assert score.matched["type_sources"] == 0
    assert (score.predicted_without_source, score.predicted_without_sides) == (1, 1)
    assert any("ACCUSE lavrov -> hamas" in line for line in score.errors["missed"])


def test_empty_side_matches_only_an_empty_side_and_status_must_agree():
    gold = GoldArticle(
        "polnear", "t", None, "none", "tune", GOLD.actors, [_gold_event("ASSAULT", [], ["hamas"])]
    )
    assert score_article(gold, _document([_event("E1", "ASSAULT", [], ["A2"])])).matched["strict"] == 1
    assert score_article(gold, _document([_event("E1", "ASSAULT", ["A1"], ["A2"])])).matched["strict"] == 0
    planned = _event("E1", "ASSAULT", [], ["A2"], status=EventStatus.PLANNED)
    assert score_article(gold, _document([planned])).matched["strict"] == 0


def test_a_side_may_name_part_of_the_gold_side_but_no_wrong_actor():
    gold = GoldArticle(
        "polnear", "t", None, "none", "tune", GOLD.actors, [_gold_event("COERCE", [], ["hamas", "egypt"])]
    )
    assert score_article(gold, _document([_event("E1", "COERCE", [], ["A2"])])).matched["strict"] == 1
    assert score_article(gold, _document([_event("E1", "COERCE", [], ["A2", "A1"])])).matched["strict"] == 0


def test_second_prediction_of_one_gold_event_is_a_duplicate():
    doc = _document([_event("E1", "ACCUSE", ["A1"], ["A2"]), _event("E2", "ACCUSE", ["A1"], ["A2"])])
    score = score_article(GOLD, doc)
    assert (score.matched["strict"], score.duplicates, score.predicted_events) == (1, 1, 2)
    assert summarise([score])["duplicates"] == pytest.approx(0.5)


def test_matching_is_one_to_one_and_maximal():
    # predicted 0 fits gold 0 and 1, predicted 1 fits gold 0 only: the best pairing uses both
    pairs = max_matching(2, 2, lambda p, g: (p, g) in {(0, 0), (0, 1), (1, 0)})
    assert pairs == {0: 1, 1: 0}


@pytest.mark.parametrize(
    ("value", "inferred", "gold_date", "right"),
    [
        ("2024-06-10", False, "2024-06-10", True),
        ("2024-06-11", False, "2024-06-10", False),
        ("PAST_REF", False, "before-publication", True),
        ("2024-05", False, "before-publication", True),
        ("2024-06-11", True, "before-publication", False),  # the publication date is not "before" it
        (None, False, "2024", False),
    ],
)
def test_date_right(value, inferred, gold_date, right):
    event = _event("E1", "ACCUSE", [], [], date=value, inferred=inferred)
    assert date_right(event, _gold_event("ACCUSE", [], [], date=gold_date), "2024-06-11") is right


def test_wrong_attributes_and_person_that_is_not_one():
    doc = _document(
        [],
        actors=[
            _actor("A1", "Sergei Lavrov", "person", "RUS", ["LEG"], ["Lavrov"]),  # sector wrong
            _actor("A2", "Hamas", "person", "PSE", ["REB"], ["Hamas"]),  # a group typed person
        ],
    )
    score = score_article(GOLD, doc)
    assert (score.actors_found, score.attributes_right, score.country_right) == (2, 0, 2)
    assert (score.sector_right, score.kind_right) == (1, 1)
    assert score.persons_not_persons == ["Hamas (gold group)"]


def test_quote_found_with_wrong_speaker():
    quote = Quote(id="Q1", speaker="A2", text="We will not accept this", evidence=Span(start=84, end=107))
    score = score_article(GOLD, _document([], quotes=[quote]))
    assert (score.quotes_found, score.speakers_right) == (1, 0)


def test_scorer_skips_with_a_clear_message_without_the_development_data(tmp_path, capsys):
    assert main(["--data", str(tmp_path), "--part", "check"]) == 0
    assert "skipped: no development data" in capsys.readouterr().out


def test_an_annotation_that_does_not_fit_its_text_is_left_out_with_a_warning(capsys):
    assert evaluate([GOLD], {GOLD.key: TEXT}) == []  # its evidence snippets are not in TEXT
    assert "warning: polnear/tiny left out: " in capsys.readouterr().err
