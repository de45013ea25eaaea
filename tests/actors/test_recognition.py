"""Recognition, type vote, metonymy, roles and references on small sentences of our own."""

from __future__ import annotations

from tacitus.actors import actor_at
from tacitus.actors.recognise import credit_spans
from tacitus.actors.resolve import name_key
from tacitus.contract import ActorType


def test_capital_as_subject_is_the_country(who, find):
    document = who("Moscow said on Friday it would respond to the new sanctions.")
    russia = find(document, "Russia")
    assert russia.type == ActorType.COUNTRY and russia.mentions[0].text == "Moscow"


def test_capital_after_in_is_a_place(who):
    document = who("The delegation arrived in Beijing on Friday.")
    beijing = next(a for a in document.actors if a.name == "Beijing")
    assert beijing.type == ActorType.PLACE and beijing.country == "CHN"


def test_seat_of_government_is_coded(who, find):
    document = who("The Kremlin rejected the proposal.")
    kremlin = find(document, "Kremlin")
    assert (kremlin.country, kremlin.sector) == ("RUS", ["GOV"])


def test_demonym_title_codes_country_and_government(who, find):
    document = who("Egyptian Foreign Minister Sameh Shoukry met his counterpart on Sunday.")
    shoukry = find(document, "Sameh Shoukry")
    assert (shoukry.type, shoukry.country, shoukry.sector) == (ActorType.PERSON, "EGY", ["GOV"])


def test_group_title_inherits_group_codes(who, find):
    document = who("Senior Hezbollah commander Fuad Shukr was killed in Beirut.")
    shukr, hezbollah = find(document, "Fuad Shukr"), find(document, "Hezbollah")
    assert shukr.country == "LBN" and hezbollah.id in shukr.affiliations and "REB" in shukr.sector


def test_military_title_codes_military(who, find):
    document = who("Ukrainian army commander Oleksandr Syrskyi visited the front line.")
    assert "MIL" in find(document, "Oleksandr Syrskyi").sector


def test_appositive_gives_the_role(who, find):
    document = who("Ali Bagheri, Iran's foreign minister, arrived in Doha.")
    bagheri = find(document, "Ali Bagheri")
    assert bagheri.country == "IRN" and "GOV" in bagheri.sector


def test_surname_joins_full_name_across_spellings(who):
    document = who(
        "Sergei Ivanov arrived on Monday. Later, Sergey Ivanov said the talks went well. "
        "Ivanov left on Tuesday."
    )
    people = [a for a in document.actors if a.type == ActorType.PERSON]
    assert len(people) == 1 and len(people[0].mentions) >= 3


def test_name_key_ignores_transliteration():
    assert name_key("Moussa Abu Marzouk") == name_key("Mousa Abu Marzouk")
    assert name_key("Sergey") == name_key("Sergei")


def test_pronoun_goes_to_the_subject_person(who, find):
    document = who(
        "Prime Minister Keir Starmer met the mayor on Monday. He said the plan would be published soon."
    )
    starmer = find(document, "Keir Starmer")
    assert any(m.text == "He" for m in starmer.mentions)


def test_the_group_goes_to_the_named_group(who, find):
    document = who("Hezbollah fired rockets at northern Israel. The group said it targeted a military base.")
    assert any(m.text == "The group" for m in find(document, "Hezbollah").mentions)


def test_media_outlet_tagged_as_person_is_media(who, find):
    document = who("Lavrov told Sputnik that the talks had failed.")
    assert find(document, "Sputnik").type == ActorType.MEDIA


def test_person_listed_with_persons_is_a_person(who, find):
    document = who("The hostages include Alexander Lobanov, Andrey Kozlov and Kozlovsky.")
    assert find(document, "Kozlovsky").type == ActorType.PERSON


def test_photo_credits_are_not_actors(who):
    text = (
        "Soldiers patrol the border. — JOHN SMITH/AFP via Getty Images\n\n"
        "The army said the operation was over. Photo: Reuters/Jane Doe"
    )
    names = [n for a in who(text).actors for n in [a.name, *a.aliases]]
    assert not any(part in " ".join(names) for part in ("SMITH", "Jane Doe", "Getty"))


def test_credit_spans_find_agency_credits():
    spans = credit_spans("A caption. — YURI KADOBNOV/AFP via Getty Images")
    assert (
        spans and "KADOBNOV" in "A caption. — YURI KADOBNOV/AFP via Getty Images"[spans[0][0] : spans[0][1]]
    )


def test_ambiguous_country_name_needs_an_entity(who):
    document = who("Jim Jordan questioned the witness.")
    assert all(a.type != ActorType.COUNTRY for a in document.actors)


def test_actor_at_maps_a_span_to_its_actor(who, find):
    text = "Hamas rejected the offer, and the group said talks were over."
    document = who(text)
    hamas = find(document, "Hamas")
    assert actor_at(document, 0, 5) == hamas.id
    start = text.index("the group")
    assert actor_at(document, start, start + len("the group")) == hamas.id
    assert actor_at(document, text.index("offer"), text.index("offer") + 5) is None


def test_actor_ids_are_sequential_in_text_order(who):
    document = who("Israel and Egypt discussed the Rafah crossing with Qatar.")
    assert [a.id for a in document.actors] == [f"A{i}" for i in range(1, len(document.actors) + 1)]
    starts = [min(m.start for m in a.mentions) for a in document.actors]
    assert starts == sorted(starts)


def test_empty_and_odd_texts_give_no_actors_and_no_error(who):
    for text in ["", "   \n\n  ", "“", "“Unclosed quote said nobody", "12345 ... !!!", "\u201c\u201d"]:
        document = who(text)
        assert document.actors == [] and all(q.speaker is None for q in document.quotes)


def test_pronoun_goes_to_the_person_of_its_gender(who, find):
    document = who(
        "Mrs. Warren questioned Mr. Stumpf on Tuesday. She said the bank had failed its customers."
    )
    warren = find(document, "Warren")
    assert any(m.text == "She" for m in warren.mentions)


def test_it_said_after_a_named_body_is_that_body(who, find):
    document = who("Hamas issued a statement on Monday. It said the talks had failed.")
    hamas = find(document, "Hamas")
    assert any(m.text == "It" for m in hamas.mentions)
    assert document.quotes and document.quotes[-1].speaker == hamas.id


def test_acting_collective_is_an_actor_with_its_sector(who):
    document = who("The army said it had retaken the town.")
    army = next(a for a in document.actors if a.name.lower() == "army")
    assert army.sector == ["MIL"]
