"""Quotes: the sample article's statements, and quote styles and attributions of our own."""

from __future__ import annotations

import pytest


def _quote(document, fragment, direct=None):
    found = [q for q in document.quotes if fragment in q.text and (direct is None or q.direct == direct)]
    assert found, f"no quote with {fragment!r} among {[q.text for q in document.quotes]}"
    return found[0]


def _name(document, actor_id):
    actor = document.actor(actor_id)
    return actor.name if actor else None


@pytest.mark.parametrize(
    ("fragment", "speaker", "medium"),
    [
        ("guarantor", "Mousa Abu Marzouk", "Sputnik"),
        ("We still insist that Russia be the guarantor", "Mousa Abu Marzouk", None),
        ("Russia’s position is fairer", "Mousa Abu Marzouk", None),
        ("We said that as soon as there is a decision", "Mousa Abu Marzouk", "RIA Novosti"),
        ("no one has any idea", "Osama Hamdan", "CNN"),
        ("trying", "Mousa Abu Marzouk", "Sputnik"),
    ],
)
def test_sample_direct_quotes_have_speaker_and_medium(sample_who, fragment, speaker, medium):
    quote = _quote(sample_who, fragment, direct=True)
    assert {_name(sample_who, quote.speaker)} <= {
        speaker,
        "Moussa Abu Marzouk" if "Marzouk" in speaker else speaker,
    }
    assert _name(sample_who, quote.medium) == medium


@pytest.mark.parametrize(
    ("fragment", "speaker", "medium"),
    [
        ("The two discussed the war in Gaza", "Hamas", None),
        ("Russia should be a", "Marzouk", "Sputnik"),
        ("will be the first released", "Marzouk", "RIA Novosti"),
        ("Russia is calling for all hostages", "Anatoly Viktorov", None),
        ("a date for Abbas’ visit has been agreed upon", "Yury Ushakov", "TASS"),
        ("the date for the meeting could be discussed", "Marzouk", None),
        ("reconciliation meeting that was scheduled", "Hamas", None),
    ],
)
def test_sample_reported_statements_have_speaker_and_medium(sample_who, fragment, speaker, medium):
    quote = _quote(sample_who, fragment, direct=False)
    actor = sample_who.actor(quote.speaker)
    assert actor is not None and (speaker == actor.name or speaker in actor.aliases)
    assert _name(sample_who, quote.medium) == medium


def test_sample_quote_evidence_points_at_the_text(sample_who, sample_text):
    for quote in sample_who.quotes:
        assert sample_text[quote.evidence.start : quote.evidence.end] == quote.evidence.text
        assert quote.text in quote.evidence.text


def test_sample_quote_cues_are_verbs_of_saying(sample_who):
    assert {q.cue for q in sample_who.quotes} <= {"said", "told", "according", "says"}


@pytest.mark.parametrize(
    "text",
    [
        "«We will not back down», said Nasrallah.",
        '"We will not back down," said Nasrallah.',
        "“We will not back down,” said Nasrallah.",
        "Nasrallah said: “We will not back down.”",
    ],
)
def test_quote_styles_find_the_speaker(who, text):
    document = who(text)
    quote = _quote(document, "We will not back down", direct=True)
    assert _name(document, quote.speaker) == "Hassan Nasrallah"


def test_pronoun_speaker_resolves_to_person(who):
    document = who(
        "Israeli Prime Minister Benjamin Netanyahu spoke on Sunday. “The war will go on,” he said."
    )
    assert _name(document, _quote(document, "The war will go on").speaker) == "Benjamin Netanyahu"


def test_quote_spanning_sentences_keeps_one_speaker(who):
    document = who("“We are ready. We have always been ready. Talks must resume,” said Lavrov.")
    quote = _quote(document, "We are ready. We have always been ready.")
    assert _name(document, quote.speaker) == "Sergey Lavrov"


def test_following_quote_paragraph_inherits_speaker(who):
    document = who("“We are ready,” Zelensky said.\n\n“The world must act now.”")
    assert _name(document, _quote(document, "The world must act now").speaker) == "Volodymyr Zelensky"


def test_according_to_names_the_source(who):
    document = who("The convoy was hit near the border, according to Reuters.")
    quote = _quote(document, "The convoy was hit", direct=False)
    assert _name(document, quote.speaker) == "Reuters" and quote.cue == "according"


def test_told_a_person_is_no_medium(who):
    document = who("Blinken told Netanyahu that a deal was close.")
    quote = _quote(document, "a deal was close", direct=False)
    assert _name(document, quote.speaker) == "Antony Blinken" and quote.medium is None


def test_interview_with_outlet_is_the_medium(who):
    document = who("In an interview with Al Jazeera, Erdogan said that Turkey would mediate.")
    quote = _quote(document, "Turkey would mediate", direct=False)
    assert _name(document, quote.medium) == "Al Jazeera"


def test_negated_saying_is_no_quote(who):
    document = who("The minister did not say when the talks would resume.")
    assert document.quotes == []


def test_apostrophes_are_not_quotes(who):
    document = who("Hamas’ leaders rejected Russia’s offer and Israel's plan.")
    assert all(q.direct is False for q in document.quotes)


def test_quote_ids_are_sequential(sample_who):
    assert [q.id for q in sample_who.quotes] == [f"Q{i}" for i in range(1, len(sample_who.quotes) + 1)]
