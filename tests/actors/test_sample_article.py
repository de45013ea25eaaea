"""The sample article's acceptance: every named actor with the right type, country, sector and roles."""

from __future__ import annotations

import pytest

from tacitus.contract import ActorType

PERSONS = [
    "Mousa Abu Marzouk",
    "Mikhail Bogdanov",
    "Sergey Lavrov",
    "Khaled Meshaal",
    "Osama Hamdan",
    "Anatoly Viktorov",
    "Mahmoud Abbas",
    "Yury Ushakov",
    "Alexander Lobanov",
    "Alexander Trufanov",
    "Kozlov",
]


@pytest.mark.parametrize("name", PERSONS)
def test_sample_named_persons_are_person_actors(find, sample_who, name):
    assert find(sample_who, name).type == ActorType.PERSON


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Hamas", ActorType.GROUP),
        ("Fatah", ActorType.GROUP),
        ("Islamic Jihad", ActorType.GROUP),
        ("Russia", ActorType.COUNTRY),
        ("Israel", ActorType.COUNTRY),
        ("United States", ActorType.COUNTRY),
        ("China", ActorType.COUNTRY),
        ("Sputnik", ActorType.MEDIA),
        ("RIA Novosti", ActorType.MEDIA),
        ("CNN", ActorType.MEDIA),
        ("TASS", ActorType.MEDIA),
    ],
)
def test_sample_groups_countries_and_media_have_their_type(find, sample_who, name, kind):
    assert find(sample_who, name).type == kind


def test_sample_marzouk_is_one_entity_with_both_spellings(find, sample_who):
    marzouks = [a for a in sample_who.actors if "Marzouk" in a.name or any("Marzouk" in x for x in a.aliases)]
    assert len(marzouks) == 1
    names = {marzouks[0].name, *marzouks[0].aliases}
    assert {"Mousa Abu Marzouk", "Moussa Abu Marzouk", "Marzouk"} <= names


def test_sample_marzouk_is_a_hamas_official(find, sample_who):
    marzouk, hamas = find(sample_who, "Marzouk"), find(sample_who, "Hamas")
    assert hamas.id in marzouk.affiliations
    assert marzouk.country == "PSE"
    assert any(role.of == hamas.id and "foreign relations" in role.title for role in marzouk.roles)


def test_sample_bogdanov_inherits_russia_and_government(find, sample_who):
    bogdanov, russia = find(sample_who, "Mikhail Bogdanov"), find(sample_who, "Russia")
    assert (bogdanov.country, bogdanov.sector) == ("RUS", ["GOV"])
    assert any(role.title == "Deputy Foreign Minister" and role.of == russia.id for role in bogdanov.roles)


def test_sample_hamdan_belongs_to_hamas_not_lebanon(find, sample_who):
    hamdan, hamas = find(sample_who, "Osama Hamdan"), find(sample_who, "Hamas")
    assert hamas.id in hamdan.affiliations
    assert hamdan.country == "PSE"


def test_sample_viktorov_split_from_israel_and_coded_russian(find, sample_who):
    viktorov = find(sample_who, "Anatoly Viktorov")
    assert (viktorov.country, viktorov.sector) == ("RUS", ["GOV"])
    assert all("Viktorov" not in a.name for a in sample_who.actors if a.type != ActorType.PERSON)


def test_sample_ushakov_is_a_russian_presidential_aide(find, sample_who):
    ushakov = find(sample_who, "Yury Ushakov")
    assert ushakov.country == "RUS" and "GOV" in ushakov.sector


def test_sample_abbas_owns_fatah(find, sample_who):
    abbas, fatah = find(sample_who, "Mahmoud Abbas"), find(sample_who, "Fatah")
    assert fatah.id in abbas.affiliations and abbas.country == "PSE"


def test_sample_photographer_credit_is_no_actor(find, sample_who):
    names = " ".join(n for a in sample_who.actors for n in [a.name, *a.aliases])
    assert "KADOBNOV" not in names and "Getty" not in names


def test_sample_pronoun_he_vowed_is_marzouk(find, sample_who, sample_text):
    marzouk = find(sample_who, "Marzouk")
    position = sample_text.index("he vowed")
    assert any(m.start == position for m in marzouk.mentions)


def test_sample_definite_descriptions_resolve(find, sample_who, sample_text):
    russia, hamas, ria = (find(sample_who, n) for n in ("Russia", "Hamas", "RIA Novosti"))
    assert any(m.text == "the Eurasian country" for m in russia.mentions)
    assert any(m.text == "the outlet" for m in ria.mentions)
    assert any(m.start == sample_text.index("the group to release") for m in hamas.mentions)


def test_sample_moscow_mediation_is_russia(find, sample_who, sample_text):
    russia = find(sample_who, "Russia")
    assert any(m.start == sample_text.index("Moscow mediation") for m in russia.mentions)
    moscow = next(a for a in sample_who.actors if a.name == "Moscow")
    assert moscow.type == ActorType.PLACE and moscow.country == "RUS"  # "a meeting in Moscow" is a place


def test_sample_mentions_index_the_text(find, sample_who, sample_text):
    for actor in sample_who.actors:
        for mention in actor.mentions:
            assert sample_text[mention.start : mention.end] == mention.text
