"""Scare quotes, signed quotes, speaker labels, partial quotes, stance attributions and inverted frames."""

from __future__ import annotations

from tacitus import nlp
from tacitus.quotes import find_quotes


def _quotes(text: str):
    doc = nlp.parse(text)
    return doc, [q for q in find_quotes(doc) if not q.nested]


def test_so_called_phrase_is_not_a_quote():
    doc, found = _quotes('The army began the so-called "spring offensive" on Monday.')
    assert not any(q.direct for q in found)


def test_title_in_quotes_is_not_a_quote():
    doc, found = _quotes('He appeared on "Shark Tank" last year.')
    assert not any(q.direct for q in found)


def test_signed_quote_goes_to_the_name_after_the_dash():
    doc, found = _quotes("“We will not stop until the law changes.” ― Karen Bobadilla")
    direct = [q for q in found if q.direct]
    assert direct and doc[direct[0].speaker[0]].text == "Bobadilla"


def test_transcript_label_gives_the_speaker():
    doc, found = _quotes(
        "WALLACE: Will she be at the debate tomorrow night?\nPENCE: She will not be attending."
    )
    speakers = {doc[q.speaker[0]].text for q in found if q.speaker}
    assert {"WALLACE", "PENCE"} <= speakers


def test_partial_quote_stands_for_the_reported_clause():
    doc, found = _quotes("Clinton called half of Donald Trump's supporters “deplorables.”")
    assert found and all(doc[q.content[0]].text == "half" for q in found)


def test_stance_verb_with_an_object_is_an_attribution_but_not_a_quote(who):
    doc, found = _quotes("The senator called for an immediate ceasefire in the region.")
    assert any(q.stance and doc[q.speaker[0]].text == "senator" for q in found)
    assert not who("The senator called for an immediate ceasefire in the region.").quotes


def test_continued_quote_is_joined():
    doc, found = _quotes("“We are ready,” he said. “We have always been ready.”")
    direct = [q for q in found if q.direct]
    assert len(direct) == 1 and "always" in doc[direct[0].content[0] : direct[0].content[1]].text


def test_quote_of_a_relative_is_not_given_to_the_person_named(who):
    document = who("Ahmed Salem's mother said her son had done nothing wrong.")
    salem = next(a for a in document.actors if a.name == "Ahmed Salem")
    assert document.quotes and all(q.speaker != salem.id for q in document.quotes)
