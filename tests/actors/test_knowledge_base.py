"""The knowledge base: built-in data is complete and consistent; user files extend it or fail clearly."""

from __future__ import annotations

import re

import pytest

from tacitus import actors
from tacitus.actors.kb import load_knowledge_base, read_actor_file
from tacitus.contract import ActorType
from tacitus.errors import ConfigError


def test_kb_has_every_un_member_sized_list_of_countries():
    kb = load_knowledge_base()
    countries = [e for e in kb.entries.values() if e.type == ActorType.COUNTRY]
    assert len(countries) >= 190
    assert all(re.fullmatch(r"[A-Z]{3}", e.id) for e in countries)


@pytest.mark.parametrize(
    ("name", "code"),
    [("Russian", "RUS"), ("Palestinian", "PSE"), ("Israelis", "ISR"), ("Chinese", "CHN"), ("British", "GBR")],
)
def test_kb_demonyms_code_countries(name, code):
    assert load_knowledge_base().demonym(name) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Moscow", "RUS"),
        ("Kremlin", "RUS"),
        ("Washington", "USA"),
        ("Beijing", "CHN"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
    ],
)
def test_kb_capitals_and_seats_are_metonyms(name, code):
    assert load_knowledge_base().metonyms[name] == code


@pytest.mark.parametrize(
    ("name", "kind", "country", "sector"),
    [
        ("Hamas", ActorType.GROUP, "PSE", "REB"),
        ("Hezbollah", ActorType.GROUP, "LBN", "REB"),
        ("Houthis", ActorType.GROUP, "YEM", "REB"),
        ("Wagner", ActorType.GROUP, "RUS", "MIL"),
        ("NATO", ActorType.ORGANIZATION, None, "IGO"),
        ("Arab League", ActorType.ORGANIZATION, None, "IGO"),
        ("TASS", ActorType.MEDIA, "RUS", "MED"),
        ("Al Jazeera", ActorType.MEDIA, "QAT", "MED"),
        ("Xinhua", ActorType.MEDIA, "CHN", "MED"),
        ("Reuters", ActorType.MEDIA, "GBR", "MED"),
    ],
)
def test_kb_codes_groups_organisations_and_media(name, kind, country, sector):
    entry = load_knowledge_base().lookup(name)
    assert entry is not None and entry.type == kind and entry.country == country and sector in entry.sector


def test_kb_every_role_points_at_a_known_entry():
    kb = load_knowledge_base()
    for entry in kb.entries.values():
        for role in entry.roles:
            assert role.of is None or role.of in kb.entries, (entry.id, role.of)


def test_kb_user_file_adds_an_actor(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "actors:\n  - {id: acme, name: Acme Militia, type: group, country: SDN, sector: [REB]}\n",
        encoding="utf-8",
    )
    kb = load_knowledge_base([path])
    assert kb.lookup("Acme Militia").country == "SDN"
    assert load_knowledge_base().lookup("Acme Militia") is None


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("actors: [{id: x, name: X, type: alien}]", "type 'alien'"),
        ("actors: [{id: x, name: X, type: group, country: Russia}]", "alpha-3"),
        ("actors: [{id: x, name: X, type: group, sector: [XYZ]}]", "unknown sector"),
        ("actors: [{id: x, type: group}]", "'name' is required"),
        ("actors: [{id: x, name: X, type: person, roles: [{title: PM, since: yesterday}]}]", "ISO date"),
        ("actors: [{id: x, name: X, type: group, colour: red}]", "unknown field"),
        ("people:\n  - x\n", "'actors:' list"),
        ("actors: [unclosed", "not valid YAML"),
    ],
)
def test_kb_malformed_user_file_names_file_and_problem(tmp_path, content, problem):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        read_actor_file(path)
    assert str(path) in str(error.value) and problem in str(error.value)


def test_kb_missing_user_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        actors.use_extra_knowledge([tmp_path / "absent.yaml"])


def test_use_extra_knowledge_codes_user_actors(tmp_path, who, find):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "actors:\n  - {id: zorg, name: Zorg Brigade, type: group, country: SDN, sector: [REB]}\n",
        encoding="utf-8",
    )
    actors.use_extra_knowledge([path])
    try:
        document = who("The Zorg Brigade attacked a convoy near the border.")
    finally:
        actors.use_extra_knowledge([])
    brigade = find(document, "Zorg Brigade")
    assert (brigade.type, brigade.country, brigade.sector) == (ActorType.GROUP, "SDN", ["REB"])
