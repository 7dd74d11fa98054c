"""Extraction rules on sentences written for these tests: what makes a record and what does not."""

from __future__ import annotations

import hashlib

from kirok.extraction import Extractor
from kirok.sources import Document


def records(extractor: Extractor, text: str, published: str | None = "2021-06-01") -> list[dict]:
    document = Document(
        "test.txt", hashlib.sha256(text.encode()).hexdigest(), "text", text, published=published
    )
    return [r.to_dict() for r in extractor.extract(document).records]


def test_a_killing_with_every_field(extractor: Extractor) -> None:
    [record] = records(
        extractor, "On May 2, soldiers shot dead a 29-year-old farmer, Ri Chol-min, near Musan."
    )
    assert record["violation"] == "life.killing" and record["kind"] == "incident"
    assert record["date"] == "2021-05-02"
    assert record["perpetrator"] == "Korean People's Army"
    assert record["place"] == "Musan" and record["country"] == "KP"
    assert record["victims"]["names"] == ["Ri Chol-min"]
    assert record["victims"]["age"] == 29 and record["victims"]["count"] == 1


def test_demands_background_and_hypotheticals_make_no_records(extractor: Extractor) -> None:
    assert (
        records(extractor, "We urge the government to release everyone arrested for their faith.")
        == []
    )
    assert (
        records(extractor, "Violations include torture, executions and forced labour in camps.")
        == []
    )
    assert records(extractor, "Those sent back could be tortured or executed.") == []
    assert records(extractor, "No one was arrested at the rally.") == []
    assert records(extractor, "Floods in August killed at least 20 people in the county.") == []
    assert records(extractor, "The two men confessed to killing a trader.") == []


def test_one_sentence_can_hold_two_records(extractor: Extractor) -> None:
    found = records(
        extractor,
        "In April, state security agents arrested a pastor in Sinuiju, and he "
        "has not been seen or heard from since.",
    )
    assert {r["violation"] for r in found} == {"detention.arbitrary", "disappearance.enforced"}
    assert all(r["perpetrator"] == "Ministry of State Security" for r in found)
    assert all(r["place"] == "Sinuiju" for r in found)


def test_the_same_act_told_twice_is_one_record(extractor: Extractor) -> None:
    text = (
        "On March 9, guards shot and killed a fisherman, Pak Song-il, off Sinpho. "
        "His family said Pak was killed while mending nets."
    )
    [record] = records(extractor, text)
    assert len(record["evidence"]) == 2


def test_the_speaker_is_not_a_victim(extractor: Extractor) -> None:
    text = "On June 1, the leader sent a note expressing regret over the incident."
    assert records(extractor, text) == []


def test_measures_name_who_ordered_them(extractor: Extractor) -> None:
    [record] = records(
        extractor,
        "The Ministry of State Security ordered border guards to shoot "
        "anyone approaching the river.",
    )
    assert record["kind"] == "measure"
    assert record["perpetrator"] == "Ministry of State Security"


def test_forced_return_happens_where_the_returning_state_acts(extractor: Extractor) -> None:
    [record] = records(
        extractor,
        "In May, Chinese police forcibly repatriated 12 North Koreans at the bridge in Dandong.",
    )
    assert record["violation"] == "movement.forced_return"
    assert record["country"] == "CN" and record["perpetrator"] == "Chinese authorities"
    assert record["victims"]["count"] == 12 and record["victims"]["nationality"] == "KP"


def test_lists_and_headings_are_not_statements(extractor: Extractor) -> None:
    text = (
        "Signatories\nFamilies of the Disappeared\nAssociation for Victims Kidnapped by the State\n"
    )
    assert records(extractor, text) == []


def test_titles_are_not_names_and_an_execution_is_one_record(extractor: Extractor) -> None:
    [record] = records(
        extractor,
        "In 2015, the leader ordered the execution of Defence Minister Ri Chang-ho, who was "
        "killed in front of hundreds of officials.",
    )
    assert record["violation"] == "life.execution"
    assert record["victims"]["names"] == ["Ri Chang-ho"]
    assert record["victims"]["count"] == 1


def test_the_witness_is_not_the_victim(extractor: Extractor) -> None:
    [record] = records(
        extractor, "A former prisoner of Camp 16 said guards beat prisoners who missed quotas."
    )
    assert record["violation"] == "detention.torture"
    assert record["perpetrator"] == "Prison guards"
    assert record["victims"]["count_text"] is None


def test_surnames_titles_and_nationality_before_a_name(extractor: Extractor) -> None:
    [held] = records(
        extractor,
        "A 45-year-old woman surnamed Choi has been held at the Onsong "
        "holding centre since October.",
    )
    assert held["violation"] == "detention.arbitrary"
    assert held["victims"]["names"] == ["Choi"] and held["victims"]["age"] == 45
    [taken] = records(
        extractor, "Japanese citizen Aiko Tanaka was kidnapped in 1978 at the age of 19."
    )
    assert taken["victims"]["nationality"] == "JP" and taken["victims"]["age"] == 19


def test_families_not_told_and_denials_further_away(extractor: Extractor) -> None:
    [record] = records(extractor, "Their families have not been told where they are being held.")
    assert record["violation"] == "disappearance.enforced"
    assert (
        records(extractor, "Officials said no North Korean soldiers were killed in the clash.")
        == []
    )


def test_handed_over_to_north_korean_guards_is_a_forced_return(extractor: Extractor) -> None:
    [record] = records(
        extractor, "On 21 May, two women were handed over to North Korean border guards at Sinuiju."
    )
    assert record["violation"] == "movement.forced_return"
    assert record["date"] == "2021-05-21"


def test_the_agent_after_a_determiner_and_the_whole_group(extractor: Extractor) -> None:
    found = records(
        extractor,
        "At least 15 people, including three teenagers, were detained by the Ministry of Social "
        "Security in Chongjin in August for possessing foreign phones.",
    )
    assert {r["violation"] for r in found} == {"detention.arbitrary", "expression.suppression"}
    for record in found:
        assert record["perpetrator"] == "Ministry of Social Security"
        assert record["victims"]["count"] == 15
        assert record["date"] == "2020-08"


def test_subjected_to_beatings_and_recommendations(extractor: Extractor) -> None:
    [record] = records(extractor, "Many detainees were subjected to beatings during interrogation.")
    assert record["violation"] == "detention.torture"
    assert records(extractor, "He recommends that the Government release all those detained.") == []
    [handed] = records(extractor, "Two of the women were handed over to North Korean guards.")
    assert handed["victims"]["count"] == 2


def test_the_regimes_agents_are_the_states_agents_wherever_they_act(
    extractor: Extractor,
) -> None:
    for apostrophe in ("'", "’"):
        [record] = records(
            extractor, f"In March, the regime{apostrophe}s agents abducted a pastor in Yanji."
        )
        assert record["violation"] == "disappearance.abduction"
        assert record["perpetrator"] == "Government of the DPRK"
