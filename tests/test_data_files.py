"""The taxonomy, lexicons, actors and gazetteer are data; these tests keep them sound."""

from __future__ import annotations

import json
import re
from importlib import resources

import pycountry
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kirok.extraction import lexicon
from kirok.extraction.actors import actors, state_actor
from kirok.extraction.places import find_places, gazetteer
from kirok.extraction.violations import stems_in

SPEC_CODES = {
    "life.killing",
    "life.execution",
    "life.death_in_custody",
    "detention.arbitrary",
    "detention.torture",
    "detention.prison_camp",
    "disappearance.enforced",
    "disappearance.abduction",
    "movement.restriction",
    "movement.forced_return",
    "labor.forced",
    "food.denial",
    "health.denial",
    "expression.suppression",
    "discrimination",
    "sexual_violence",
}


def test_taxonomy_is_the_spec_table() -> None:
    assert set(lexicon.taxonomy()) == SPEC_CODES


def test_every_trigger_matches_its_example_and_one_of_its_stems() -> None:
    patterns = lexicon.trigger_patterns()
    assert {p.violation for p in patterns} == SPEC_CODES
    for pattern in patterns:
        match = pattern.regex.search(pattern.example)
        assert match, (pattern.regex.pattern, pattern.example)
        # only the patterns a sentence's stems point to are run: a stem must never be missing
        assert stems_in(match.group(), pattern.stems), pattern.example


def _without_lookaheads(pattern: str) -> str:
    """``pattern`` with its positive look-aheads taken out: Hypothesis can only
    filter for one, and a match of what is left holds every match's words."""
    out, at = [], 0
    while (start := pattern.find("(?=", at)) != -1:
        out.append(pattern[at:start])
        depth, index = 0, start
        while True:
            char = pattern[index]
            if char == "\\":
                index += 2
                continue
            depth += char == "("
            depth -= char == ")"
            index += 1
            if depth == 0:
                break
        at = index
    return "".join(out) + pattern[at:]


@pytest.mark.parametrize("pattern", lexicon.trigger_patterns(), ids=lambda p: p.example)
def test_no_trigger_match_lacks_its_stems(pattern: lexicon.TriggerPattern) -> None:
    regex = re.compile(_without_lookaheads(pattern.regex.pattern), re.IGNORECASE)

    @settings(
        max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(st.from_regex(regex, fullmatch=True))
    def check(text: str) -> None:
        match = regex.search(text)
        if match:
            assert stems_in(match.group(), pattern.stems), match.group()

    check()


def test_canonical_actors_of_the_spec() -> None:
    names = {a["name"] for a in lexicon.actor_table()["actors"]}
    assert {
        "Ministry of State Security",
        "Ministry of Social Security",
        "Korean People's Army",
        "KPA Navy",
        "Border guards",
        "Government of the DPRK",
        "Workers' Party of Korea",
        "Chinese authorities",
    } <= names
    assert actors().canonical["bowibu"][0] == "Ministry of State Security"
    assert state_actor("KP") == "Government of the DPRK"
    assert state_actor("MY") == "Government of Malaysia"


def test_gazetteer_holds_all_provinces_and_counties() -> None:
    rows = [
        json.loads(line)
        for line in (resources.files("kirok") / "data" / "kp_admin.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    assert sum(r["kind"] == "province" for r in rows) == 11
    assert sum(r["kind"] == "county" for r in rows) == 179
    names = gazetteer()
    for name in (
        "Hyesan",
        "Ryanggang",
        "Yanggang",
        "Taehongdan",
        "Yalu River",
        "Camp 15",
        "Dandong",
        "Seoul",
    ):
        assert name in names, name
    assert names["Hyesan"].country == "KP"
    assert names["Tokyo"].kind == "city" and names["Tokyo"].country == "JP"


def test_place_matching_is_whole_word_and_longest() -> None:
    found = find_places("A North Korean crossed the Tumen River from Onsong County to Tumen City.")
    assert [(p.name, p.country) for p in found] == [
        ("Tumen River", "KP"),
        ("Onsong", "KP"),
        ("Tumen City", "CN"),
    ]


def test_demonyms_and_places_name_real_countries() -> None:
    adjectives, plurals = lexicon.demonyms()
    for code in [*adjectives.values(), *plurals.values()]:
        assert code is None or pycountry.countries.get(alpha_2=code), code
    for place in gazetteer().values():
        # XK: Kosovo's code, which GeoNames uses though ISO has not assigned it
        assert place.country in (None, "XK") or pycountry.countries.get(alpha_2=place.country), (
            place
        )


def test_victim_words_state_a_known_sex_and_rules_name_known_values() -> None:
    words = lexicon.victim_words()
    sexes = {"male", "female", None}
    assert {person["sex"] for person in words["people"]} <= sexes
    assert set(words["pseudonym_titles"].values()) <= sexes
    for table in words["pronouns"].values():
        assert set(table.values()) <= sexes
    people = [person["word"] for person in words["people"]]
    assert len(people) == len(set(people)), "a word for people is listed twice"
    for row in json.loads(
        resources.files("kirok.data").joinpath("taxonomy.json").read_text(encoding="utf-8")
    )["violations"]:
        assert row.get("country_from", "perpetrator") in ("perpetrator", "destination"), row["code"]
        assert row.get("victims_from", "place") in ("place", "destination"), row["code"]
        assert row.get("place_from", "where") in ("where", "last"), row["code"]
        default = row.get("victims_default")
        assert default is None or pycountry.countries.get(alpha_2=default), row["code"]
