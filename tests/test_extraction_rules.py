"""Extraction rules on sentences written for these tests: what makes a record and what does
not. The people named in them are invented."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kirok.extraction import Extractor
from kirok.sources import Document, read_document


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
    # (invented)
    [young] = records(
        extractor, "Agents seized Pak Un-ho on a beach in August 1978, when he was 16."
    )
    assert young["victims"]["age"] == 16
    [far] = records(extractor, "Guards shot dead Ri Chol when he was 16 kilometres from the river.")
    assert far["victims"]["age"] is None


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


# The people named in the tests below are invented.


def test_victims_kept_anonymous_or_told_by_a_pronoun(extractor: Extractor) -> None:
    [held] = records(
        extractor, "In March 2019, Chinese police arrested Ms. A at a farm near Yanji."
    )
    assert held["victims"]["count"] == 1 and held["victims"]["sex"] == "female"
    assert held["victims"]["names"] == []  # a letter keeps her anonymous: not a name
    [beaten] = records(extractor, "She said guards in Onsong beat her with sticks in May 2019.")
    assert beaten["violation"] == "detention.torture"
    # "her", with no one before her to stand for: one woman, unnamed
    assert beaten["victims"]["sex"] == "female" and beaten["victims"]["count"] == 1
    assert beaten["victims"]["nationality"] == "KP"
    [passive] = records(extractor, "He was beaten by guards in Hyesan in May 2019.")
    assert passive["victims"]["sex"] == "male" and passive["victims"]["count"] == 1
    [wife] = records(extractor, "Police in Hyesan arrested his wife in May 2020.")
    assert wife["victims"]["count"] == 1 and wife["victims"]["count_text"] == "his wife"
    [inmates] = records(extractor, "Guards at the camp in Kaechon routinely beat inmates.")
    assert inmates["victims"]["nationality"] == "KP" and inmates["victims"]["count"] is None


def test_victims_joined_by_and_are_counted_together(extractor: Extractor) -> None:
    [shot] = records(extractor, "In May 2020, guards shot two women and a child near Hyesan.")
    assert (
        shot["victims"]["count"] == 3 and shot["victims"]["count_text"] == "two women and a child"
    )
    [sent] = records(
        extractor, "In April 2019, Chinese police forcibly repatriated Ms. B and 20 other women."
    )
    assert sent["victims"]["count"] == 21 and sent["victims"]["sex"] == "female"
    [family] = records(extractor, "Police arrested a man and his family in Hyesan in 2020.")
    assert family["victims"]["count"] is None  # how many relatives, it does not say


def test_a_named_victims_nationality_told_elsewhere_in_the_document(extractor: Extractor) -> None:
    text = (
        "We mourn Tomas Ferreira, the Chilean engineer who died in Santiago last week.\n\n"
        "North Korean authorities arrested Tomas Ferreira at Pyongyang airport on March 3, 2019."
    )
    [arrest] = records(extractor, text)
    assert arrest["victims"]["names"] == ["Tomas Ferreira"]
    assert arrest["victims"]["nationality"] == "CL" and arrest["country"] == "KP"
    # the perpetrators' nationality before the name is not the victim's
    text = (
        "The case of Hana Morimoto is the best known.\n\n"
        "North Korean agents abducted Hana Morimoto in Niigata on June 5, 1978."
    )
    [taken] = records(extractor, text)
    assert taken["victims"]["nationality"] == "JP"


def test_abducted_people_are_of_the_country_they_were_taken_from(extractor: Extractor) -> None:
    [taken] = records(extractor, "North Korean agents abducted a schoolgirl in Niigata in 1977.")
    assert taken["violation"] == "disappearance.abduction"
    assert taken["country"] == "JP" and taken["victims"]["nationality"] == "JP"
    [stated] = records(extractor, "Agents abducted a South Korean pastor in Yanji in 2000.")
    assert stated["country"] == "CN" and stated["victims"]["nationality"] == "KR"
    [arrested] = records(extractor, "In 2019, agents detained two Nepali workers in Sinuiju.")
    assert arrested["victims"]["nationality"] == "NP"  # any country's people, not only Korea's


def test_names_after_a_nationality_and_a_title(extractor: Extractor) -> None:
    [held] = records(
        extractor, "Police arrested Chinese businessman Wang Tiemin in Sinuiju in 2019."
    )
    assert held["victims"]["names"] == ["Wang Tiemin"] and held["victims"]["nationality"] == "CN"
    [other] = records(extractor, "Officers arrested South Korean Park Eun-ha in Hyesan in 2019.")
    assert other["victims"]["names"] == ["Park Eun-ha"] and other["victims"]["nationality"] == "KR"


def test_a_group_of_people_is_a_victim_phrase(extractor: Extractor) -> None:
    [group] = records(
        extractor, "Chinese police detained a group of North Korean women in Shenyang in 2022."
    )
    assert group["victims"]["count"] is None and group["victims"]["nationality"] == "KP"
    assert group["victims"]["count_text"] == "a group of North Korean women"


def test_a_later_date_ends_a_span_only_for_the_same_act(extractor: Extractor) -> None:
    found = records(
        extractor,
        "Han Song-mi, a missionary from South Korea, was arrested in Pyongyang in October "
        "2013 and sentenced to life with hard labour in May 2014.",
    )
    dates = {r["violation"]: (r["date"], r["date_end"]) for r in found}
    assert dates["detention.arbitrary"] == ("2013-10", None)
    assert dates["labor.forced"] == ("2014-05", None)
    [executed, *_] = records(
        extractor,
        "A young man was publicly executed in South Hwanghae in 2022, according to a report "
        "the ministry released last week.",
        published="2024-07-03",
    )
    assert executed["date"] == "2022" and executed["date_end"] is None
    [cut] = records(
        extractor,
        "The government began cutting food imports in July and stopped them in October 2020.",
    )
    assert (cut["date"], cut["date_end"]) == ("2020-07", "2020-10")


def test_names_joined_by_and_and_institutions_that_are_not_names(extractor: Extractor) -> None:
    [held] = records(extractor, "Ko Min-jae and Seo Yu-na were detained in Hyesan in 2014.")
    assert held["victims"]["names"] == ["Ko Min-jae", "Seo Yu-na"]
    assert held["victims"]["count"] == 2
    [labour] = records(
        extractor, "In April 2013 the Supreme Court sentenced him to 15 years of hard labour."
    )
    assert labour["victims"]["names"] == [] and labour["victims"]["sex"] == "male"
    [shot] = records(extractor, "Two of their colleagues were shot dead in Hyesan in September.")
    assert shot["victims"]["count"] == 2


def test_another_person_of_the_same_surname_is_another_act(extractor: Extractor) -> None:
    found = records(
        extractor,
        "Kim Yong-ho, a missionary from South Korea, was arrested in Pyongyang in 2013. "
        "Kim Sun-ae was arrested in Sinuiju in 2014 on similar charges.",
    )
    assert [r["victims"]["names"] for r in found] == [["Kim Yong-ho"], ["Kim Sun-ae"]]
    [again] = records(
        extractor,
        "Police arrested Kim Yong-ho in Hyesan in 2013. Mr. Kim was arrested after a raid.",
    )
    assert len(again["evidence"]) == 2  # "Mr. Kim": the same man, the same arrest


def test_he_or_she_after_a_named_victim_is_that_person(extractor: Extractor) -> None:
    text = (
        "Daniel Okafor, a Korean-American teacher, was arrested in Rason in November 2012. "
        "In April 2013 a court sentenced him to 15 years of hard labour."
    )
    arrest, labour = records(extractor, text)
    assert arrest["victims"]["nationality"] == "US"
    assert labour["violation"] == "labor.forced"
    assert labour["victims"]["names"] == ["Daniel Okafor"] and labour["victims"]["count"] == 1
    assert labour["victims"]["nationality"] == "US" and labour["victims"]["sex"] == "male"
    # "her" is not the man named before (a name alone says no sex)
    [_, other] = records(
        extractor,
        "Police arrested a man, Daniel Okafor, in Rason in 2012. In 2013 guards beat her in Onsong.",
    )
    assert other["victims"]["names"] == [] and other["victims"]["sex"] == "female"


def test_those_who_tell_of_an_act_are_not_its_victims(extractor: Extractor) -> None:
    [record] = records(
        extractor,
        "The report, based on interviews with 649 defectors, also describes pregnant women "
        "being forced to work at a construction site in Hyesan in 2021.",
    )
    assert record["violation"] == "labor.forced"
    assert record["victims"]["count"] is None and record["victims"]["count_text"] is None
    [counted] = records(
        extractor,
        "The report, based on interviews with 649 defectors, also describes three women "
        "being forced to work at a construction site in Hyesan in 2021.",
    )
    assert counted["victims"]["count"] == 3


def test_a_year_is_not_a_count_and_a_relative_is_one_person(extractor: Extractor) -> None:
    [camp] = records(
        extractor, "She said that in 2017 her brother was sent to a political prison camp."
    )
    assert camp["date"] == "2017"
    assert camp["victims"]["count"] == 1 and camp["victims"]["count_text"] == "her brother"
    assert camp["victims"]["sex"] == "male"
    [farmers] = records(extractor, "In 2019 farmers were arrested in Musan.")
    assert farmers["victims"]["count"] is None
    [many] = records(extractor, "Police arrested 2000 people in Musan in 2019.")
    assert many["victims"]["count"] == 2000


def test_those_executed_points_back_to_the_execution(extractor: Extractor) -> None:
    found = records(
        extractor,
        "At least seven people were executed in Ryanggang Province in 2023 for sharing "
        "foreign films. He also noted reports that families of those executed were "
        "banished to remote areas.",
        published="2024-02-15",
    )
    [execution] = [r for r in found if r["violation"] == "life.execution"]
    assert len(execution["evidence"]) == 2 and execution["victims"]["count"] == 7


def test_its_citizens_are_of_the_country_named_before(extractor: Extractor) -> None:
    [taken] = records(
        extractor,
        "Thailand's foreign ministry said one of its nationals was abducted from Macau in 1978.",
    )
    assert taken["violation"] == "disappearance.abduction"
    assert taken["victims"]["nationality"] == "TH" and taken["victims"]["count"] == 1
    [many] = records(
        extractor,
        "Japan's government recognises 17 of its citizens as abducted by North Korean agents "
        "in the 1970s, in a report about Pyongyang, Wonsan and Chongjin.",
    )
    assert many["victims"]["nationality"] == "JP" and many["victims"]["count"] == 17


def test_a_letter_asking_and_what_happens_to_whoever_are_not_acts(extractor: Extractor) -> None:
    assert (
        records(
            extractor,
            "We write as a coalition of 40 organisations to ask your government to raise the "
            "case of North Korean escapees detained in China.",
        )
        == []
    )
    assert (
        records(
            extractor,
            "Those who are sent back from China are routinely interrogated and beaten.",
        )
        == []
    )
    [past] = records(extractor, "Those who were sent back in May 2020 were beaten in Onsong.")
    assert past["violation"] == "detention.torture" and past["date"] == "2020-05"


def test_sent_back_from_china_and_an_act_that_is_reported(extractor: Extractor) -> None:
    found = records(
        extractor,
        "In October 2023, China forcibly returned an estimated 600 North Koreans. "
        "In April 2024 a further 60 people were reported to have been sent back from "
        "Jilin Province.",
        published="2024-05-01",
    )
    assert [(r["violation"], r["date"], r["victims"]["count"]) for r in found] == [
        ("movement.forced_return", "2023-10", 600),
        ("movement.forced_return", "2024-04", 60),
    ]


def test_who_tells_is_the_victim_only_when_the_act_is_said_of_them(extractor: Extractor) -> None:
    [herself] = records(extractor, "One woman said she was beaten in Onsong in 2021.")
    assert herself["victims"]["count"] == 1 and herself["victims"]["sex"] == "female"
    [himself] = records(extractor, "A former prisoner said guards beat him in Onsong in 2019.")
    assert himself["victims"]["count_text"] == "A former prisoner"
    assert himself["victims"]["sex"] == "male"
    [other] = records(extractor, "A man said guards beat her in Onsong in 2019.")
    # not the man who tells: a woman, one, unnamed
    assert other["victims"]["count_text"] is None and other["victims"]["sex"] == "female"
    assert other["victims"]["count"] == 1
    found = records(
        extractor,
        "Women held in detention centres in Hoeryong in 2019 were forced to undergo invasive "
        "body searches, two former detainees said.",
    )
    assert "sexual_violence" in {r["violation"] for r in found}
    assert all(r["victims"]["count"] != 2 for r in found)


def test_discrimination_by_disability_and_by_class(extractor: Extractor) -> None:
    expelled = records(extractor, "People with disabilities were expelled from Pyongyang in 2006.")
    # (and, since 2026-12-08, the forced move out of the capital as well)
    assert sorted((r["violation"], r["date"]) for r in expelled) == [
        ("discrimination", "2006"),
        ("movement.restriction", "2006"),
    ]
    [barred] = records(
        extractor, "Children of families with poor songbun are barred from universities."
    )
    assert barred["violation"] == "discrimination" and barred["kind"] == "measure"


def test_a_title_over_a_dateline_is_not_a_statement(extractor: Extractor) -> None:
    text = (
        "Footage shows teenagers sentenced to hard labour for watching dramas\n"
        "Seoul, January 18, 2024\n\n"
        "North Korea sentenced two teenagers to 12 years of hard labour in 2022.\n"
    )
    found = records(extractor, text)
    assert [r["evidence"][0]["text"][:11] for r in found] == ["North Korea"]
    titled = "Border closure briefing, 1 December 2020 (an example)\n\nNo act is told here.\n"
    assert records(extractor, titled) == []


def test_the_year_of_a_law_and_what_is_being_done_for_anything(extractor: Extractor) -> None:
    [law] = records(
        extractor,
        'Under a 2020 law on "rejecting reactionary thought", distributing South Korean '
        "media can be punished by death.",
    )
    assert law["violation"] == "expression.suppression" and law["date"] == "2020"
    quote = '"People are being killed for watching the wrong video," the expert said.'
    assert records(extractor, quote) == []


def test_people_sent_back_are_of_where_they_are_sent(extractor: Extractor) -> None:
    [laos] = records(extractor, "Thai police deported 12 people to Laos in 2019.")
    assert laos["country"] == "TH" and laos["victims"]["nationality"] == "LA"
    [jilin] = records(
        extractor, "In 2024 a further 60 people were reported to have been sent back from Jilin."
    )
    assert jilin["country"] == "CN" and jilin["victims"]["nationality"] == "KP"


def test_the_people_a_sentence_opens_with_and_a_name_before_its_appositive(
    extractor: Extractor,
) -> None:
    found = records(
        extractor,
        "Women held in a detention centre in Hoeryong in 2019 were forced to undergo "
        "invasive body searches by male guards.",
    )
    assert {r["victims"]["sex"] for r in found} == {"female"}
    assert {r["victims"]["nationality"] for r in found} == {"KP"}
    named = records(
        extractor,
        "Lim Ha-neul, a missionary from South Korea, was arrested in Pyongyang in October "
        "2013 and was sentenced to life with hard labour in May 2014.",
    )
    assert [r["victims"]["names"] for r in named] == [["Lim Ha-neul"], ["Lim Ha-neul"]]


def test_held_by_the_authorities_and_its_national_in_apposition(extractor: Extractor) -> None:
    [held] = records(
        extractor,
        "The government of the Republic of Korea regrets that one of its nationals, a "
        "58-year-old missionary named Bae Jin-ho, has been held by North Korean authorities "
        "since his arrest in Dandong in August 2020.",
    )
    assert held["violation"] == "detention.arbitrary" and held["date"] == "2020-08"
    assert held["victims"]["names"] == ["Bae Jin-ho"] and held["victims"]["age"] == 58
    assert held["victims"]["nationality"] == "KR"
    assert records(extractor, "The talks were held by the government in June 2020.") == []
    assert records(extractor, "A ceremony was held by officials in Pyongyang in 2021.") == []


def test_the_following_month_after_a_date_told_before(extractor: Extractor) -> None:
    text = (
        "Mr. E deserted from his unit in March 2016. Security officials arrested his parents "
        "in Wonsan the following month."
    )
    [arrest] = records(extractor, text)
    assert arrest["violation"] == "detention.arbitrary" and arrest["date"] == "2016-04"


def test_a_footnote_mark_ends_a_sentence_and_witnesses_are_sources(
    extractor: Extractor,
) -> None:
    text = (
        "A former guard at Camp 15 told the commission that in 1999 he witnessed the "
        "execution of two prisoners who had tried to escape.[45] Another witness, Ms. F, said "
        "she was forced to have an abortion at a holding centre in Onsong in 2009."
    )
    found = {r["violation"]: r for r in records(extractor, text, published="2014-02-07")}
    execution, abortion = found["life.execution"], found["sexual_violence"]
    assert execution["date"] == "1999" and execution["perpetrator"] is None
    assert execution["evidence"][0]["text"].endswith("escape.[45]")
    assert abortion["date"] == "2009" and abortion["place"] == "Onsong"
    assert abortion["victims"]["count_text"] == "Ms. F" and abortion["victims"]["sex"] == "female"


def test_a_return_happens_where_they_were_sent_back_from(extractor: Extractor) -> None:
    found = records(
        extractor,
        "Ms. G said she was beaten at a holding centre in Onsong in 2009 after being sent "
        "back from China.",
    )
    [returned] = [r for r in found if r["violation"] == "movement.forced_return"]
    assert returned["country"] == "CN"


def test_taken_away_heard_nothing_of_him_and_forced_to_plant(extractor: Extractor) -> None:
    found = records(
        extractor,
        "In the spring of 2021, Bowibu agents took away a 52-year-old teacher from his home "
        "in Hoeryong at night; his wife has heard nothing of him since.",
    )
    by_type = {r["violation"]: r for r in found}
    assert by_type["detention.arbitrary"]["victims"]["count_text"] == "a 52-year-old teacher"
    assert by_type["detention.arbitrary"]["perpetrator"] == "Ministry of State Security"
    gone = by_type["disappearance.enforced"]
    assert gone["victims"]["sex"] == "male" and gone["victims"]["count_text"] != "his wife"
    assert records(extractor, "Agents took away their phones in Hyesan in 2021.") == []
    [planting] = records(
        extractor,
        "The authorities forced students and office workers to spend six weeks planting rice "
        "on collective farms in May 2022.",
    )
    assert planting["violation"] == "labor.forced" and planting["date"] == "2022-05"


def test_parents_are_two_and_one_more_after_and(extractor: Extractor) -> None:
    [family] = records(
        extractor, "Security officials arrested his parents and younger sister in Wonsan in 2016."
    )
    assert family["victims"]["count"] == 3
    assert family["victims"]["count_text"] == "his parents and younger sister"
    [couple] = records(extractor, "Police arrested a man and his wife in Hyesan in 2019.")
    assert couple["victims"]["count"] == 2


def test_the_officials_told_again_and_where_those_who_tell_are(extractor: Extractor) -> None:
    found = records(
        extractor,
        "North Korea has executed as many as 30 officials in Chagang Province in July, "
        "South Korean media reported. The officials were executed for failing to prevent "
        "flood deaths, the report said.",
        published="2024-09-04",
    )
    [execution] = [r for r in found if r["violation"] == "life.execution"]
    assert len(execution["evidence"]) == 2 and execution["victims"]["count"] == 30
    [held] = records(
        extractor,
        "Ms. H moved to North Korea from Japan in 1960 and lived in Hamhung. In 2019 a "
        "Japanese woman was detained after she criticised local officials in North Korea, "
        "her relatives in Osaka said.",
    )
    assert held["place"] != "Osaka" and held["country"] == "KP"
    assert held["victims"]["nationality"] == "JP"


def test_handed_back_to_the_north_with_the_people_between(extractor: Extractor) -> None:
    [handed] = records(
        extractor,
        "On 4 March, Thai police handed three North Korean women back to the North at the border.",
    )
    assert handed["violation"] == "movement.forced_return"
    assert handed["victims"]["count"] == 3 and handed["victims"]["nationality"] == "KP"
    assert handed["date"] == "2021-03-04"


def test_relatives_kept_from_where_a_person_is_held(extractor: Extractor) -> None:
    for sentence in (
        "Guards refused to tell his mother where he was being held.",
        "His family has never been able to find out where he was sent.",
        "No word of the teacher has reached her pupils since the raid.",
    ):
        found = records(extractor, "In 2019 police in Chongjin arrested a teacher. " + sentence)
        assert "disappearance.enforced" in {r["violation"] for r in found}, sentence
    assert records(extractor, "Officials refused to say where the meeting was held.") == []


def test_a_life_sentence_with_hard_labour_and_where_the_person_is_from(
    extractor: Extractor,
) -> None:
    [sentenced] = records(
        extractor,
        "In May 2017 a court in Pyongyang sentenced Ko Min-jae, a researcher from a "
        "university near Seoul, to life in prison with hard labour.",
    )
    assert sentenced["violation"] == "labor.forced"
    assert sentenced["victims"]["names"] == ["Ko Min-jae"]
    assert sentenced["place"] == "Pyongyang" and sentenced["country"] == "KP"


def test_a_threat_to_shoot_anyone_approaching_is_a_measure(extractor: Extractor) -> None:
    [threat] = records(
        extractor,
        "In May, villagers in Sakju were warned that anyone approaching the Yalu after "
        "dark would be shot.",
    )
    assert threat["violation"] == "movement.restriction" and threat["kind"] == "measure"
    assert threat["date"] == "2021-05"
    # said of the victims, it is still what might happen
    assert records(extractor, "Those who are caught could be shot.") == []


def test_held_in_a_prison_is_a_detention(extractor: Extractor) -> None:
    [held] = records(extractor, "In 2015 the pastor was held in a prison near Pyongyang.")
    assert held["violation"] == "detention.arbitrary"
    [camp] = records(extractor, "In 2015 the pastor was held in a political prison camp.")
    assert camp["violation"] == "detention.prison_camp"


def test_a_date_the_reporting_verb_takes_and_the_sentence_carried_out(
    extractor: Extractor,
) -> None:
    found = records(
        extractor,
        "State television reported on Tuesday that Ryu Gwang-sok, a vice-premier, had been "
        "executed for disloyalty. Officials said the sentence was carried out on Sunday.",
        published="2021-06-02",
    )
    [execution] = found
    assert execution["date"] == "2021-05-30"  # the Sunday, not the Tuesday it was told
    assert len(execution["evidence"]) == 2
    assert execution["victims"]["names"] == ["Ryu Gwang-sok"]
    assert execution["victims"]["count"] == 1  # the name counts the vice-premier


def test_a_datelines_place_is_not_what_the_document_is_about(extractor: Extractor) -> None:
    [execution] = records(
        extractor,
        "Tokyo, 2 June 2021\n\nNorth Korea said on Monday that a factory manager had been "
        "executed for theft.",
    )
    assert execution["country"] == "KP"


def test_nationality_from_a_countrys_people_and_a_word_told_with_one(
    extractor: Extractor,
) -> None:
    [taken] = records(
        extractor,
        "Yun So-hee, one of South Korea's leading singers, was abducted in Beijing in 1985.",
    )
    assert taken["victims"]["nationality"] == "KR" and taken["country"] == "CN"
    found = records(
        extractor,
        "Australian missionary detained\n\nIn May police in Pyongyang arrested Tom Ellery, "
        "a missionary, at his hotel.",
    )
    assert found[0]["victims"]["nationality"] == "AU"


def test_a_person_named_again_by_part_of_the_name(extractor: Extractor) -> None:
    found = records(
        extractor,
        "In March a court sentenced Tom Ellery, an Australian missionary, to ten years of "
        "hard labour. Mr. Ellery had been arrested in Rason in January.",
    )
    arrest = next(r for r in found if r["violation"] == "detention.arbitrary")
    assert arrest["victims"]["names"] == ["Tom Ellery"]
    assert arrest["victims"]["count"] == 1 and arrest["victims"]["nationality"] == "AU"
    found = records(
        extractor,
        "In March a court sentenced Tom Ellery, an Australian missionary, to ten years of "
        "hard labour. Mr. Ellery's driver was arrested in Rason in January.",
    )
    arrest = next(r for r in found if r["violation"] == "detention.arbitrary")
    assert arrest["victims"]["names"] == []


def test_a_time_told_alone_is_the_next_acts(extractor: Extractor) -> None:
    [arrest] = records(
        extractor,
        "Q: When was this?\nA: In the summer of 2016. Police arrested me at the market in Hyesan.",
    )
    assert arrest["date"] == "2016"
    assert arrest["victims"]["count"] == 1  # the one who tells


def test_who_tells_of_what_was_done_to_them(extractor: Extractor) -> None:
    [beaten] = records(
        extractor, "In 2017 guards at the Onsong holding centre made us kneel for hours."
    )
    assert beaten["violation"] == "detention.torture"
    assert beaten["victims"]["nationality"] == "KP"
    assert records(extractor, "We urge China to stop sending us back.") == []


def test_a_day_before_a_month_counts_no_one(extractor: Extractor) -> None:
    [arrest] = records(extractor, "On 12 March farmers in Musan were arrested.")
    assert arrest["victims"]["count"] is None and arrest["date"] == "2021-03-12"
    [brothers] = records(extractor, "In 2020 two brothers were arrested in Hyesan.")
    assert brothers["victims"]["count"] == 2 and brothers["victims"]["sex"] == "male"


def test_a_city_that_is_a_country_is_the_place(extractor: Extractor) -> None:
    [arrest] = records(extractor, "In 2019 police arrested two North Korean men in Hong Kong.")
    assert arrest["place"] == "Hong Kong" and arrest["country"] == "HK"


def test_a_name_inside_the_acts_words_and_he_for_a_name_before(extractor: Extractor) -> None:
    [sentenced] = records(
        extractor,
        "On Monday a court in Pyongyang sentenced Dan Okafor, a 31-year-old Nigerian, to "
        "eight years of hard labour.",
    )
    assert sentenced["victims"]["names"] == ["Dan Okafor"]
    assert sentenced["victims"]["nationality"] == "NG" and sentenced["victims"]["count"] == 1
    [held] = records(
        extractor,
        "A second foreigner, Ana Sousa, has been held since March, when she was arrested "
        "at a hotel in Wonsan.",
    )
    assert held["victims"]["names"] == ["Ana Sousa"] and held["victims"]["count"] == 1


def test_taken_off_a_plane_and_a_place_after_of_is_no_name(extractor: Extractor) -> None:
    [held] = records(
        extractor,
        "Ruth Adler, of Haifa, Israel, was taken off a flight at Pyongyang's airport on 2 May.",
    )
    assert held["violation"] == "detention.arbitrary" and held["date"] == "2021-05-02"
    assert held["victims"]["names"] == ["Ruth Adler"]


def test_games_plans_and_runs_of_defeats_are_no_acts(extractor: Extractor) -> None:
    assert records(extractor, "The visitors executed their game plan in May.") == []
    assert records(extractor, "In May the side arrested a run of four defeats.") == []
    [executed] = records(extractor, "In May the authorities executed three officials.")
    assert executed["victims"]["count"] == 3


def test_what_people_are_punished_for_selling(extractor: Extractor) -> None:
    found = records(extractor, "In May police arrested a woman for selling rice in Musan.")
    assert {r["violation"] for r in found} == {"detention.arbitrary"}
    found = records(
        extractor, "In May police arrested a woman for selling South Korean films in Musan."
    )
    assert "expression.suppression" in {r["violation"] for r in found}


def test_each_row_of_a_table_is_told_apart(extractor: Extractor) -> None:
    text = (
        "| Date | Place | What happened | Told by |\n|---|---|---|---|\n"
        "| 2 May 2021 | Hyesan | Police arrested two traders. | A neighbour |\n"
        "| 9 May 2021 | Musan | Guards shot dead a man at the river. | His son |\n"
    )
    found = records(extractor, text)
    assert [(r["violation"], r["date"], r["place"]) for r in found] == [
        ("detention.arbitrary", "2021-05-02", "Hyesan"),
        ("life.killing", "2021-05-09", "Musan"),
    ]
    assert found[1]["evidence"][0]["text"].startswith("| 9 May 2021 | Musan |")


def test_a_labour_training_camp_and_a_labour_camp(extractor: Extractor) -> None:
    [training] = records(extractor, "In 2020 two farmers were sent to a labour training camp.")
    assert training["violation"] == "labor.forced" and training["victims"]["count"] == 2
    found = records(extractor, "In 2020 two farmers were sent to a labour camp.")
    assert {r["violation"] for r in found} == {"detention.prison_camp"}


def test_a_family_of_four_and_its_members(extractor: Extractor) -> None:
    [held] = records(
        extractor,
        "A North Korean family of five, a father, his three daughters aged 4, 7 and 10, and "
        "their grandfather, were detained by Chinese police in Dandong on 3 May.",
    )
    assert held["victims"]["count"] == 5 and held["victims"]["nationality"] == "KP"
    assert held["victims"]["age"] is None and held["country"] == "CN"


def test_what_routinely_happens_is_no_record(extractor: Extractor) -> None:
    assert (
        records(
            extractor,
            "Women sent back from China are routinely searched, beaten and detained, the "
            "report found in 2019.",
        )
        == []
    )


def test_a_childs_account_of_a_father(extractor: Extractor) -> None:
    found = records(
        extractor,
        "I was nine when my father disappeared. It was the spring of 1998, and the rations "
        "had stopped. One night officers came to our house and took him away. Nobody would "
        "tell my mother where he had been taken. In 2004 a woman released from Kaechon told "
        "us that my father had died there of hunger three years earlier.",
        published="2021-05-01",
    )
    by_violation = {r["violation"]: r for r in found}
    assert set(by_violation) == {
        "disappearance.enforced",
        "detention.arbitrary",
        "life.death_in_custody",
    }
    assert by_violation["disappearance.enforced"]["victims"]["count"] == 1  # not nine
    assert len(by_violation["disappearance.enforced"]["evidence"]) == 2
    taken = by_violation["detention.arbitrary"]
    assert taken["date"] == "1998" and taken["victims"]["count"] == 1
    died = by_violation["life.death_in_custody"]
    assert died["date"] == "2001" and died["victims"]["sex"] == "male"
    assert died["place"] == "Kaechon"  # the camp the act's own words name


def test_seized_on_a_beach_and_where_people_were_taken_from(extractor: Extractor) -> None:
    [seized] = records(
        extractor,
        "Aiko Mori and Ken Mori were seized on a beach near Niigata on 3 July 1979.",
    )
    assert seized["violation"] == "disappearance.abduction"
    assert seized["victims"]["names"] == ["Aiko Mori", "Ken Mori"]
    assert seized["country"] == "JP" and seized["date"] == "1979-07-03"
    [taken] = records(
        extractor, "The third, Emi Sato, was abducted from Fukui Prefecture in August 1979."
    )
    assert taken["victims"]["names"] == ["Emi Sato"]
    assert taken["place"] == "Fukui Prefecture" and taken["country"] == "JP"


def test_a_hijacked_flight_is_an_abduction(extractor: Extractor) -> None:
    [hijack] = records(
        extractor, "On 4 May 1971 an agent hijacked a domestic flight and forced it north."
    )
    assert hijack["violation"] == "disappearance.abduction" and hijack["date"] == "1971-05-04"


def test_held_since_needs_a_person(extractor: Extractor) -> None:
    [held] = records(extractor, "Mina Park, a teacher, has been held since October 2019.")
    assert held["violation"] == "detention.arbitrary" and held["date"] == "2019-10"
    assert records(extractor, "Talks have been held since October 2019.") == []


def test_detainees_made_to_sit_dig_and_dying_in_the_cell(extractor: Extractor) -> None:
    [sit] = records(
        extractor, "In 2020 guards forced detainees to sit motionless for hours at a time."
    )
    assert sit["violation"] == "detention.torture"
    [dig] = records(
        extractor, "In 2021 officers made a group of nine prisoners dig ditches in the snow."
    )
    assert dig["violation"] == "labor.forced" and dig["victims"]["count"] == 9
    [died] = records(extractor, "In 2020 she saw an old man die in the cell.")
    assert died["violation"] == "life.death_in_custody"
    assert records(extractor, "They made progress in their work in 2020.") == []


def test_wages_paid_to_the_state(extractor: Extractor) -> None:
    [wages] = records(
        extractor, "In 2019 most of the workers' wages were paid to the state, they said."
    )
    assert wages["violation"] == "labor.forced"


def test_questions_state_no_acts(extractor: Extractor) -> None:
    assert records(extractor, "What happens to people who are sent back from China?") == []
    assert records(extractor, "Q: Were you beaten in detention in 2019?") == []


def test_a_day_told_by_its_weekday_ends_no_span(extractor: Extractor) -> None:
    [taken] = records(
        extractor,
        "Four sailors who were kidnapped by agents in 1975 flew home on Tuesday.",
        published="2021-06-02",
    )
    assert taken["date"] == "1975" and taken["date_end"] is None


def test_the_nationality_a_title_gives_named_victims(extractor: Extractor) -> None:
    text = (
        "Two detained Canadians freed\n\nJoe Tran, a businessman, was arrested in "
        "Rason in May 2019. Lee Ha-na, a nurse, was arrested in Hyesan in June 2019."
    )
    document = Document(
        "test.txt",
        hashlib.sha256(text.encode()).hexdigest(),
        "text",
        text,
        title="Two detained Canadians freed",
        published="2021-06-01",
    )
    found = [r.to_dict() for r in extractor.extract(document).records]
    assert [r["victims"]["nationality"] for r in found] == ["CA", "CA"]


def test_common_spellings_of_north_korean_places(extractor: Extractor) -> None:
    [shot] = records(extractor, "In May 2021 guards shot dead two fishermen off Sinpo.")
    assert shot["place"] == "Sinpho" and shot["country"] == "KP"


def test_a_family_name_alone_after_the_whole_name_in_no_record(extractor: Extractor) -> None:
    [arrest] = records(
        extractor,
        "A court awarded damages to the family of Ana Lind, a Swedish aid worker. Lind, "
        "then 30, was arrested in Hyesan in May 2019.",
    )
    assert arrest["victims"]["names"] == ["Ana Lind"] and arrest["victims"]["count"] == 1
    assert arrest["victims"]["nationality"] == "SE"
    # a month or a place is no part of a name told before
    [shot] = records(
        extractor, "Last May was hot. Guards shot dead dozens of traders in May 2021 at Musan."
    )
    assert shot["victims"]["names"] == []


def test_an_execution_told_again_by_the_number_executed(extractor: Extractor) -> None:
    found = records(
        extractor,
        "Officials in Sinuiju publicly executed four people on 2 May. The four, three men "
        "and a woman, were shot by a firing squad before a crowd. Their families were "
        "sent to a remote village the same week.",
    )
    assert [r["violation"] for r in found] == ["life.execution", "movement.restriction"]
    assert len(found[0]["evidence"]) == 2 and found[0]["victims"]["count"] == 4
    assert found[1]["date"] == "2021-05"


def test_a_strip_search_by_male_guards(extractor: Extractor) -> None:
    [searched] = records(
        extractor, "In April 2021 a woman was forced to undress and searched by male guards."
    )
    assert searched["violation"] == "sexual_violence"


def test_a_familys_account_in_the_first_person(extractor: Extractor) -> None:
    found = records(
        extractor,
        "We lived in Musan until 2009. That spring my uncle was arrested, and we never "
        "learned where he was sent. In 2011 my brother was sent to build roads for two "
        "years without pay. Chinese police caught us in Yanji in May 2015, and we were "
        "sent back a month later. We were held at the Musan security bureau for forty "
        "days. They beat my mother.",
        published="2024-11-05",
    )
    got = [(r["violation"], r["date"]) for r in found]
    assert got == [
        ("detention.arbitrary", "2009"),
        ("disappearance.enforced", "2009"),  # since the arrest
        ("labor.forced", "2011"),
        ("detention.arbitrary", "2015-05"),
        ("movement.forced_return", "2015-06"),
        ("detention.arbitrary", None),
        ("detention.torture", None),
    ]
    assert found[3]["country"] == "CN" and found[4]["victims"]["nationality"] == "KP"


def test_held_there_since(extractor: Extractor) -> None:
    [held] = records(
        extractor,
        "In January 2021 its 20 crew members were taken to Bandar Abbas and have "
        "been held there since.",
    )
    assert held["violation"] == "detention.arbitrary" and held["victims"]["count"] == 20


def test_a_sentence_that_tells_the_act_again_gives_its_date_and_place(
    extractor: Extractor,
) -> None:
    """ "He collapsed ... and died on the way to hospital" after a killing is the
    same act told again: more evidence, and the day and place it lacked; alone,
    with no killing just told, it is no record."""
    [killing] = records(
        extractor,
        "Pak Yong-ho, a trader, was killed with poison, police said on Friday. He collapsed "
        "at Bangkok's main railway station on 3 May and died on the way to hospital.",
    )
    assert killing["violation"] == "life.killing" and len(killing["evidence"]) == 2
    assert killing["date"] == "2021-05-03" and killing["place"] == "Bangkok"
    assert records(extractor, "Mr. Pak collapsed at home in 2019 and died in hospital.") == []


def test_an_arrest_abroad_in_a_police_inquiry_is_no_record(extractor: Extractor) -> None:
    assert (
        records(
            extractor,
            "Thai police have arrested two Cambodian men in Bangkok. Investigators say a "
            "third suspect left the country.",
        )
        == []
    )
    # North Koreans held abroad, and anyone held by North Korea, still count
    [held] = records(extractor, "Thai police arrested nine North Korean defectors in Bangkok.")
    assert held["violation"] == "detention.arbitrary"
    [spy] = records(
        extractor,
        "North Korean agents arrested a Cambodian trader in Sinuiju, suspected of spying.",
    )
    assert spy["violation"] == "detention.arbitrary"


def test_a_state_word_that_describes_a_person_is_not_the_actor(extractor: Extractor) -> None:
    [killing] = records(
        extractor, "In May soldiers shot dead a South Korean government employee at sea."
    )
    assert killing["victims"]["count"] == 1 and killing["victims"]["nationality"] == "KR"
    assert killing["perpetrator"] == "Korean People's Army"


def test_a_countrys_own_body_is_its_state(extractor: Extractor) -> None:
    [law] = records(
        extractor,
        "In March 2021 North Korea's legislature passed a law that sets prison terms for "
        "singing South Korean songs.",
    )
    assert law["kind"] == "measure" and law["perpetrator"] == "Government of the DPRK"


def test_sentences_to_camps_and_returns_told_with_words_between(extractor: Extractor) -> None:
    found = records(
        extractor,
        "In April the family learned that a court had given him ten years in a labour camp. "
        "In May two men were condemned for selling South Korean dramas on memory cards. "
        "In June China sent about 80 North Koreans back across the border.",
    )
    assert [(r["violation"], r["date"]) for r in found] == [
        ("detention.prison_camp", "2021-04"),
        ("expression.suppression", "2021-05"),
        ("movement.forced_return", "2021-06"),
    ]
    assert found[2]["victims"]["count"] == 80 and found[2]["country"] == "CN"
    # people going home are not sent back
    assert records(extractor, "In June the ship sent its passengers back across the border.") == []


def test_going_missing_from_a_boat_is_not_an_enforced_disappearance(
    extractor: Extractor,
) -> None:
    assert records(extractor, "In May a fisherman disappeared from his patrol boat.") == []
    [taken] = records(extractor, "In May the pastor disappeared after agents questioned him.")
    assert taken["violation"] == "disappearance.enforced"


def test_an_arrest_at_home_happened_where_the_home_is(extractor: Extractor) -> None:
    [arrest] = records(
        extractor, "In May agents of the Bowibu detained her son, Kang Il, at his home in Musan."
    )
    assert arrest["place"] == "Musan"
    [lives] = records(extractor, "In May agents detained her son, who now lives at home in Seoul.")
    assert lives["place"] is None


def test_taken_away_sent_to_a_named_camp_and_made_to_work(extractor: Extractor) -> None:
    found = records(
        extractor,
        "In 2016 agents of the Bowibu took my cousin, Ma Chol, away after a Bible was found in "
        "his room. The same week his wife and their two sons were sent to the camp at Yodok. "
        "In 2018 the two men were held in a mine and made to work without rest.",
    )
    got = [(r["violation"], r["victims"]["count"]) for r in found]
    assert got[:2] == [("detention.arbitrary", 1), ("detention.prison_camp", 3)]
    assert found[0]["victims"]["names"] == ["Ma Chol"]
    assert found[1]["place"] == "Yodok"
    assert ("labor.forced", 2) in got


def test_soldiers_captured_in_a_war_are_not_the_ones_who_capture(extractor: Extractor) -> None:
    assert records(extractor, "The court heard from two soldiers captured during the war.") == []
    [caught] = records(extractor, "In May border guards captured three women near Musan.")
    assert caught["violation"] == "detention.arbitrary"


def test_seas_of_the_world_are_places(extractor: Extractor) -> None:
    [killing] = records(
        extractor, "On 3 May a bomb destroyed a ferry in the South China Sea, killing 20 people."
    )
    assert killing["place"] == "South China Sea"


def test_the_people_a_sentence_opens_with_and_their_names(extractor: Extractor) -> None:
    [labour] = records(
        extractor,
        "The women, Ra Sun-ok and Pyon Mi-hwa, were held in Chongjin in 2015 and made to "
        "work in a brick factory.",
    )
    assert labour["violation"] == "labor.forced"
    assert labour["victims"]["names"] == ["Ra Sun-ok", "Pyon Mi-hwa"]
    assert labour["victims"]["count"] == 2 and labour["victims"]["sex"] == "female"


def test_agents_who_seize_a_person_abduct_them_and_lend_her_no_nationality(
    extractor: Extractor,
) -> None:
    [taken] = records(
        extractor,
        "Aiko Tanabe was 15 when North Korean agents seized her on 3 July 1978 as she "
        "walked home from school in Niigata.",
    )
    assert taken["violation"] == "disappearance.abduction"
    assert taken["date"] == "1978-07-03" and taken["place"] == "Niigata"
    assert taken["victims"]["names"] == ["Aiko Tanabe"]
    assert taken["victims"]["nationality"] == "JP"  # not the agents' own
    assert taken["perpetrator"] == "Government of the DPRK"


def test_never_seen_again_after_an_arrest_by_state_security(extractor: Extractor) -> None:
    found = records(
        extractor,
        "In 1981 that life ended. Ryu's uncle was arrested by state security, and the family "
        "never saw him again.",
    )
    assert [r["violation"] for r in found] == ["detention.arbitrary", "disappearance.enforced"]
    for record in found:
        assert record["date"] == "1981"  # from the short sentence that sets the scene
        assert record["perpetrator"] == "Ministry of State Security"
        assert record["victims"]["count"] == 1  # "Ryu's uncle"


def test_sent_to_a_camp_named_before_the_word_camp_with_family(extractor: Extractor) -> None:
    text = (
        "The story of Pae Chang-ho begins in Pyongyang. In 1983 his father was taken away. "
        "A few weeks later Pae, then ten years old, was sent to the Yodok camp together with "
        "his mother, his grandfather and his two younger sisters."
    )
    camp = next(r for r in records(extractor, text) if r["violation"] == "detention.prison_camp")
    assert "Yodok" in camp["place"] and "Kwanliso No. 15" in camp["place"]
    assert camp["date"] == "1983"  # "a few weeks later": the year, not a guessed month
    assert camp["victims"]["names"] == ["Pae Chang-ho"]
    assert camp["victims"]["count"] == 5  # Pae, and four with him


def test_the_person_a_pronoun_stands_for_in_the_sentence_before(extractor: Extractor) -> None:
    text = (
        "Friends welcomed home Tom Ellery, a teacher from Leeds. Mr Ellery entered North "
        "Korea as a tourist in April. North Korean authorities detained him in May 2016 after "
        "he left a leaflet in a hotel for foreign sailors."
    )
    [held] = records(extractor, text)
    assert held["violation"] == "detention.arbitrary" and held["date"] == "2016-05"
    # him, the one the sentence before opens with, not "foreign sailors"
    assert held["victims"]["names"] == ["Tom Ellery"] and held["victims"]["count"] == 1
    assert held["victims"]["sex"] == "male"


def test_a_pronoun_object_is_not_a_possessive(extractor: Extractor) -> None:
    [held] = records(
        extractor, "In May agents detained her younger brother, Kim Tae-ho, in Hyesan."
    )
    assert held["victims"]["names"] == ["Kim Tae-ho"] and held["victims"]["count"] == 1


def test_two_passives_joined_by_and_share_their_agent_and_victim(extractor: Extractor) -> None:
    text = (
        "Seo Yeon-hui, a 38-year-old trader, was arrested by Chinese police in Tumen and "
        "handed back to North Korea in May 2016. At the holding centre in Onsong, a state "
        "security officer beat her, she told us."
    )
    found = {r["violation"]: r for r in records(extractor, text)}
    returned = found["movement.forced_return"]
    assert returned["perpetrator"] == "Chinese authorities" and returned["country"] == "CN"
    assert returned["victims"]["names"] == ["Seo Yeon-hui"]
    assert returned["victims"]["nationality"] == "KP"
    assert found["detention.arbitrary"]["place"] == "Tumen City"  # bare "Tumen": the city
    beaten = found["detention.torture"]
    assert beaten["perpetrator"] == "Ministry of State Security"
    assert beaten["victims"]["names"] == ["Seo Yeon-hui"]
    assert beaten["date"] == "2016"  # the year of what the sentence before told of her


def test_the_tumen_with_the_article_is_the_river(extractor: Extractor) -> None:
    [shot] = records(extractor, "In June guards shot dead a man crossing the Tumen near Musan.")
    assert shot["place"] in ("Musan", "Tumen River")
    [crossed] = records(extractor, "In June 2015 soldiers shot a woman who swam the Tumen.")
    assert crossed["place"] == "Tumen River"


def test_people_described_by_what_was_done_to_relatives_are_no_record(
    extractor: Extractor,
) -> None:
    assert (
        records(
            extractor,
            "- Letters by families whose relatives were forcibly returned from China.",
        )
        == []
    )
    [dated] = records(
        extractor, "We met families whose sons were forcibly returned from China in March 2019."
    )
    assert dated["violation"] == "movement.forced_return" and dated["date"] == "2019-03"


def test_killed_in_the_attack_the_sentence_before_told(extractor: Extractor) -> None:
    text = (
        "Patrol boats fired on the trawler and seized it off Wonsan on March 4, 1971. "
        "Seaman Ole Brandt was killed in the attack."
    )
    [killed] = records(extractor, text)
    assert killed["violation"] == "life.killing"
    assert killed["date"] == "1971-03-04" and killed["place"] == "Wonsan"
    assert killed["victims"]["names"] == ["Ole Brandt"]  # no rank in the name


def test_guards_who_beat_captives_and_a_stay_of_days(extractor: Extractor) -> None:
    [beaten] = records(
        extractor,
        "In 1971, during their captivity, the guards beat the men for days to force them to sign "
        "confessions.",
    )
    assert beaten["violation"] == "detention.torture"
    assert beaten["perpetrator"] == "Prison guards"
    [held] = records(
        extractor,
        "A South Korean tourist, Yoon Da-eun, was held for six days in June 2001 after a "
        "conversation with a guide.",
    )
    assert held["violation"] == "detention.arbitrary" and held["date"] == "2001-06"
    assert held["victims"]["names"] == ["Yoon Da-eun"]
    assert records(extractor, "The conference was held for three days in June 2001.") == []


def test_the_north_that_will_not_say_where_he_is_held(extractor: Extractor) -> None:
    text = (
        "Mr Paek Ji-ho was detained by the North Korean authorities at Kaesong on March 30. "
        "No one has been allowed to meet him, and the North has not told us where he is held."
    )
    found = {r["violation"]: r for r in records(extractor, text, published="2009-04-21")}
    hidden = found["disappearance.enforced"]
    assert hidden["victims"]["names"] == ["Paek Ji-ho"]
    # the one that keeps it hidden, though it "has not told": no source
    assert hidden["perpetrator"] == "Government of the DPRK"


def test_workers_held_to_their_work_abroad(extractor: Extractor) -> None:
    [kept] = records(
        extractor,
        "It records that 30 women sent from North Korea to a garment factory in Dandong in "
        "2018 had their passports taken on arrival and were not allowed to leave the compound.",
    )
    assert kept["violation"] == "labor.forced" and kept["country"] == "CN"
    assert kept["victims"]["count"] == 30 and kept["victims"]["nationality"] == "KP"
    [logging] = records(
        extractor,
        "About 150 North Korean workers at logging camps in the Russian Far East were made to "
        "work sixteen hours a day in 2019.",
    )
    assert logging["country"] == "RU" and logging["place"] == "Russian Far East"


def test_an_obituary_tells_of_its_subject_as_he(extractor: Extractor) -> None:
    text = (
        "Mun Tae-sik, who spoke about the camps to anyone who would listen, died in Seoul on "
        "June 24. He was 84.\n\nBorn in Hamhung in 1941, he trained as a mechanic. In 1982 "
        "state security agents arrested him at the plant after a colleague reported that he "
        "had been listening to South Korean radio. That winter he was taken to Yodok."
    )
    found = {r["violation"]: r for r in records(extractor, text, published="2025-06-30")}
    assert set(found) == {
        "detention.arbitrary",
        "expression.suppression",
        "detention.prison_camp",
    }
    for record in found.values():
        assert record["victims"]["names"] == ["Mun Tae-sik"], record["violation"]
        assert record["date"] == "1982"
    assert found["detention.prison_camp"]["place"] == "Yodok"
    assert found["expression.suppression"]["perpetrator"] == "Ministry of State Security"


def test_a_table_row_tells_of_one_person_and_a_month_in_their_story(
    extractor: Extractor,
) -> None:
    text = (
        "| Name | What happened |\n|---|---|\n| Dario Lenz | An American who had been "
        "teaching English in South Korea, Dario Lenz walked across the border from China "
        "into North Korea on January 25, 2010 and was arrested by border guards. In April a "
        "court sentenced him to eight years of hard labour for illegal entry. |\n"
    )
    found = {r["violation"]: r for r in records(extractor, text, published="2012-01-10")}
    held, sentenced = found["detention.arbitrary"], found["labor.forced"]
    assert held["victims"]["names"] == ["Dario Lenz"] and held["victims"]["count"] == 1
    assert held["victims"]["nationality"] == "US"  # "An American who ...", before his name
    assert held["country"] == "KP"  # not South Korea, where he had taught
    assert sentenced["date"] == "2010-04"  # April in his story, not April 2011
    assert sentenced["victims"]["names"] == ["Dario Lenz"]


def test_a_foreigner_sent_away_is_no_forced_return(extractor: Extractor) -> None:
    found = records(
        extractor,
        "North Korea said on Monday it had deported Ian Moss, a 75-year-old Australian "
        "missionary who was arrested in February for spreading Christian leaflets in "
        "Pyongyang.",
        published="2014-03-03",
    )
    assert {r["violation"] for r in found} == {"detention.arbitrary", "expression.suppression"}
    [returned] = records(extractor, "In May China deported 12 North Koreans to Sinuiju.")
    assert returned["violation"] == "movement.forced_return"


def test_fences_built_along_the_river(extractor: Extractor) -> None:
    [fence] = records(
        extractor,
        "Images taken between August 2020 and March 2021 show that North Korean authorities "
        "built a second fence along about 14 kilometres of the Yalu River bank.",
    )
    assert fence["violation"] == "movement.restriction" and fence["kind"] == "measure"
    assert (fence["date"], fence["date_end"]) == ("2020-08", "2021-03")
    assert fence["place"] == "Yalu River"


def test_people_described_by_their_detention_are_no_record(extractor: Extractor) -> None:
    found = records(
        extractor, "More than half of those who had been detained said they were beaten."
    )
    assert "detention.arbitrary" not in {r["violation"] for r in found}


def test_headlines_in_the_present_with_the_date_in_brackets(extractor: Extractor) -> None:
    text = (
        "- **Chinese police detain five North Koreans in Changbai** (12 March). They are held "
        "at the city's border police station.\n"
        "- **Woman gets 10 years for calls to the South** (15 March). A court in Hyesan "
        "sentenced a 52-year-old trader to ten years in a reeducation camp for phoning "
        "relatives in Seoul.\n"
    )
    found = records(extractor, text, published="2025-03-16")
    by_violation = {r["violation"]: r for r in found}
    held = by_violation["detention.arbitrary"]
    assert (held["date"], held["country"], held["victims"]["count"]) == ("2025-03-12", "CN", 5)
    assert len(held["evidence"]) == 2  # the headline and the sentence under it
    camp = by_violation["detention.prison_camp"]
    assert camp["date"] == "2025-03-15"  # the headline's, above it
    assert camp["place"] == "Hyesan" and camp["victims"]["age"] == 52
    assert "expression.suppression" in by_violation  # phoning relatives in Seoul


def test_a_correction_takes_back_what_an_earlier_version_said(extractor: Extractor) -> None:
    text = (
        "Correction: An earlier version of this report said the brothers were arrested in "
        "Hyesan in May. They were arrested in Musan in June, a relative said. Security "
        "agents arrested the brothers, Bang Il-do and Bang Il-woo, after finding two phones in "
        "their house. Both men are held at the county security office."
    )
    [held] = records(extractor, text, published="2021-07-02")
    assert (held["date"], held["place"]) == ("2021-06", "Musan")
    assert held["victims"]["names"] == ["Bang Il-do", "Bang Il-woo"]  # told in a later sentence
    assert held["victims"]["count"] == 2 and len(held["evidence"]) == 3
    assert held["victims"]["nationality"] == "KP"  # not from "two Chinese phones" after a name


def test_a_given_name_alone_and_one_who_tells_of_being_held(extractor: Extractor) -> None:
    [camp] = records(
        extractor,
        "In 2019 Su-bin (not her real name) spent four months in a labour training camp in "
        "Onsong, where she carried bricks.",
    )
    assert camp["violation"] == "labor.forced" and camp["victims"]["names"] == ["Su-bin"]
    assert records(extractor, "The man who spent ten years in a labour camp spoke.") == []
    [told] = records(
        extractor,
        "One interviewee, a former teacher, described being held for two weeks in 2017 after a "
        "student's parent reported a remark she had made.",
    )
    assert told["violation"] == "detention.arbitrary" and told["victims"]["count"] == 1
    assert told["victims"]["count_text"] == "One interviewee"  # the teacher, not the student


def test_sent_them_back_across_the_border(extractor: Extractor) -> None:
    [returned] = records(
        extractor,
        "In May 2019 Chinese police found them near Yanji and sent them back across the border.",
    )
    assert returned["violation"] == "movement.forced_return"
    assert returned["perpetrator"] == "Chinese authorities" and returned["place"] == "Yanji"


def test_an_arrest_soon_after_a_crossing_told_sentences_before(extractor: Extractor) -> None:
    text = (
        "On Christmas Day 2011, Dale Orwin, a 31-year-old American teacher, walked across "
        "the frozen Tumen River into North Korea. He carried a Bible and a letter. "
        "Soldiers detained him soon after he crossed, and the state news agency confirmed "
        "three days later that an American was being held."
    )
    [record] = records(extractor, text, published="2012-03-01")
    assert record["violation"] == "detention.arbitrary"
    assert record["date"] == "2011-12-25" and record["place"] == "Tumen River"
    assert record["country"] == "KP" and record["perpetrator"] == "Korean People's Army"
    assert record["victims"]["names"] == ["Dale Orwin"] and record["victims"]["count"] == 1
    assert record["victims"]["nationality"] == "US"
    assert len(record["evidence"]) == 1  # the crossing is no act of the state


def test_a_group_named_by_its_number_and_a_country_that_returns_them(
    extractor: Extractor,
) -> None:
    text = (
        "Posted 10 May 2016. This page follows the six young North Koreans whom "
        "Thailand deported last week.\n\n"
        "- 2 April 2016\n\n"
        "- Thai police stop the six near Chiang Rai and hold them in detention."
    )
    found = records(extractor, text, published="2016-05-10")
    by_type = {r["violation"]: r for r in found}
    returned = by_type["movement.forced_return"]
    assert returned["perpetrator"] == "Government of Thailand"
    assert returned["country"] == "TH" and returned["date"] == "2016-05"  # 2 to 8 May
    assert returned["victims"]["count"] == 6 and returned["victims"]["nationality"] == "KP"
    held = by_type["detention.arbitrary"]
    assert held["perpetrator"] == "Government of Thailand" and held["date"] == "2016-04-02"
    assert held["victims"]["count"] == 6 and held["victims"]["nationality"] == "KP"


def test_the_number_of_a_group_is_not_its_families(extractor: Extractor) -> None:
    [record] = records(
        extractor, "In May 2021 the families of the three were sent to a remote village."
    )
    assert record["victims"]["count"] is None


def test_aid_turned_away_and_a_summary_of_such_acts(extractor: Extractor) -> None:
    assert (
        records(extractor, "The government has turned away aid at least twice in recent years.")
        == []
    )
    [told] = records(
        extractor,
        "In 2007 the government told aid agencies to leave the country, though they "
        "were feeding several million people.",
    )
    assert told["violation"] == "food.denial" and told["kind"] == "measure"
    assert told["date"] == "2007" and told["victims"]["count"] is None
    [wanted] = records(extractor, "Since May 2010 the government has no longer accepted food aid.")
    assert wanted["violation"] == "food.denial" and wanted["date"] == "2010-05"


def test_a_talk_about_a_violation_and_care_refused(extractor: Extractor) -> None:
    assert records(extractor, "Kim Na-ri, a teacher, will speak about the songbun system.") == []
    [refused] = records(
        extractor,
        "In 2019 the interviewee fell ill in a holding centre in Hyesan, and the guards "
        "refused to give her any medicine.",
    )
    assert refused["violation"] == "health.denial" and refused["perpetrator"] == "Prison guards"
    assert refused["victims"]["sex"] == "female"
    [arrest] = records(extractor, "In March 2019 officers arrested the interviewee in Hyesan.")
    assert arrest["victims"]["count_text"] == "the interviewee"  # a word for a person
    [barred] = records(extractor, "In 2018 his sister, Ri Hye-won, was barred from university.")
    assert barred["violation"] == "discrimination" and barred["kind"] == "incident"


def test_numbered_items_of_one_persons_story(extractor: Extractor) -> None:
    text = (
        "Events reported\n\n"
        "1. In March 2019 state security officers arrested the interviewee in Musan. "
        "She was held for a month in the holding centre in the town.\n\n"
        "2. During her questioning a guard beat her with a belt.\n"
    )
    found = records(extractor, text, published="2023-08-09")
    held = [r for r in found if r["violation"] == "detention.arbitrary"]
    assert len(held) == 1 and len(held[0]["evidence"]) == 2  # one arrest, told twice
    [beaten] = [r for r in found if r["violation"] == "detention.torture"]
    assert beaten["date"] == "2019" and beaten["place"] == "Musan"
    assert beaten["victims"]["count"] == 1 and beaten["victims"]["sex"] == "female"


def test_no_word_of_a_group_since_they_were_flown_back(extractor: Extractor) -> None:
    text = (
        "Posted 12 June 2016. What we know of the seven young North Koreans stopped in "
        "Vientiane, and of where they are now, which we will keep up to date.\n\n"
        "- 30 May 2016\n\n"
        "- Officials fly the seven from Beijing to Pyongyang. "
        "Their families have heard nothing of them since."
    )
    [gone] = records(extractor, text, published="2016-06-12")
    assert gone["violation"] == "disappearance.enforced"
    assert gone["date"] == "2016-05-30" and gone["country"] == "KP"
    assert gone["victims"]["count"] == 7 and gone["victims"]["nationality"] == "KP"


def test_a_person_from_a_us_state_and_a_story_set_where_it_began(extractor: Extractor) -> None:
    text = (
        "Our network in Dayton welcomed home Ray Tolland, a 50-year-old welder from Ohio "
        "who spent five months in North Korea. Americans in Chicago, Los Angeles and "
        "Washington wrote to the United States government for him.\n\n"
        "North Korean authorities detained Mr Tolland in Rason in May 2015. "
        "In June a court sentenced him to six years of hard labour."
    )
    found = records(extractor, text, published="2015-10-22")
    assert {r["violation"] for r in found} == {"detention.arbitrary", "labor.forced"}
    assert all(r["victims"]["nationality"] == "US" for r in found)  # "from Ohio"
    # the document names more American places, but the sentence before set the story
    assert all(r["country"] == "KP" for r in found)


def test_a_home_state_does_not_make_the_document_american(extractor: Extractor) -> None:
    text = (
        "On 3 May 2010, Len Moro, a 30-year-old teacher from Arizona, walked across the "
        "Tumen River into North Korea. He was let go in August. Back in the United States "
        "he said that he had been beaten during his interrogation."
    )
    found = records(extractor, text, published="2011-01-01")
    [beaten] = [r for r in found if r["violation"] == "detention.torture"]
    assert beaten["country"] == "KP" and beaten["victims"]["nationality"] == "US"


def test_a_pastor_seized_by_agents_who_died_in_their_prison(extractor: Extractor) -> None:
    text = (
        "Twenty years ago today, North Korean agents seized the Reverend Han Sung-ho, a "
        "South Korean missionary, on a street in Yanji. He was believed to have died in a "
        "North Korean prison, probably in 2003."
    )
    taken, died = records(extractor, text, published="2021-02-03")
    assert taken["violation"] == "disappearance.abduction" and taken["date"] == "2001-02-03"
    assert taken["victims"]["names"] == ["Han Sung-ho"] and taken["country"] == "CN"
    assert taken["victims"]["nationality"] == "KR"
    assert died["violation"] == "life.death_in_custody" and died["country"] == "KP"
    assert died["victims"]["names"] == ["Han Sung-ho"] and died["date"] == "2003"


def test_a_report_that_reached_seoul_this_week_and_a_short_family_name(
    extractor: Extractor,
) -> None:
    text = (
        "Please remember the family of Ri Mi-gyong.\n\n"
        "According to reports that reached South Korea this week, Ri, a 40-year-old "
        "mother of two, was executed in public in Sakju, North Pyongan Province, on 2 May 2012."
    )
    [shot] = records(extractor, text, published="2012-06-01")
    assert shot["date"] == "2012-05-02"  # not this week: when it was told
    assert shot["perpetrator"] is None  # the reports reached South Korea; it did nothing
    assert shot["victims"]["names"] == ["Ri Mi-gyong"]


def test_an_arrest_after_a_sentence_that_opens_with_its_date(extractor: Extractor) -> None:
    text = (
        "In late May 1997 Tom Vale, a 25-year-old American, swam across the Yalu River "
        "into North Korea. North Korean authorities arrested him on the bank."
    )
    [held] = records(extractor, text, published="1997-12-01")
    assert held["date"] == "1997-05" and held["victims"]["names"] == ["Tom Vale"]
    assert held["victims"]["nationality"] == "US"


def test_women_sent_back_by_china_and_beaten_in_chinese_or_other_cells(
    extractor: Extractor,
) -> None:
    text = (
        "The report draws on interviews with 80 North Korean women held after China "
        "sent them back between 2012 and 2018. Guards beat many of the women during "
        "questioning. Most had first been held in Chinese detention centres."
    )
    found = records(extractor, text, published="2020-07-30")
    by_type = {r["violation"]: r for r in found}
    returned = by_type["movement.forced_return"]
    assert returned["perpetrator"] == "Chinese authorities" and returned["date"] == "2012"
    beaten = by_type["detention.torture"]
    assert beaten["victims"]["nationality"] == "KP"  # "the women" are the North Korean women
    held = by_type["detention.arbitrary"]
    assert held["country"] == "CN"


def test_a_chat_export_one_message_a_line(extractor: Extractor) -> None:
    text = (
        'Chat export -- contact "P", 15 September 2022\n'
        "(The contact and everyone named here are invented.)\n\n"
        "[09:12] P: bad news from musan again\n"
        "[09:13] P: the bowibu took my aunt and her husband from their house in Musan on Tuesday night\n"
        "[09:16] P: at the security office in the town. nobody is allowed to visit them\n"
        "[09:20] P: last month the same officers arrested two men from the next street for selling rice\n"
    )
    taken, arrested = records(extractor, text, published="2022-09-15")
    assert taken["date"] == "2022-09-13" and taken["perpetrator"] == "Ministry of State Security"
    assert taken["place"] == "Musan" and taken["victims"]["count"] == 2
    assert len(taken["evidence"]) == 1  # the next message is a sentence of its own
    assert arrested["date"] == "2022-08" and arrested["perpetrator"] == "Ministry of State Security"


def test_a_witness_statement_in_numbered_paragraphs(extractor: Extractor) -> None:
    text = (
        "I, Mun Ok-hwa (not my real name), living in Seoul, make this statement on 2 March 2020.\n\n"
        "1. In May 2014 Chinese police arrested me in Yanji. After a month in a detention "
        "centre they handed me over to North Korean border guards.\n\n"
        "2. At the holding centre in Onsong an officer beat me with a belt.\n\n"
        "3. In August 2014 I was sentenced, without any trial, to a year in the Jongori "
        "re-education camp, where I was made to work in a mine.\n"
    )
    found = records(extractor, text, published=None)
    by_type = {r["violation"]: r for r in found}
    returned = by_type["movement.forced_return"]
    assert returned["perpetrator"] == "Chinese authorities" and returned["country"] == "CN"
    assert by_type["detention.torture"]["date"] == "2014"  # the story the witness tells
    assert by_type["detention.prison_camp"]["date"] == "2014-08"
    assert by_type["labor.forced"]["victims"]["count"] == 1  # "I was made to work"


def test_kept_from_leaving_the_country(extractor: Extractor) -> None:
    [kept] = records(
        extractor,
        "In 2019 the four plaintiffs said the North Korean authorities kept them from "
        "leaving the country for decades.",
    )
    assert kept["violation"] == "movement.restriction" and kept["kind"] == "incident"
    assert kept["victims"]["count"] == 4 and kept["perpetrator"] == "Government of the DPRK"


def test_a_case_card_of_labelled_items_under_a_name(extractor: Extractor) -> None:
    text = (
        "# Profiles\n\n## Yun Chol-ho\n\n"
        "- **Born:** 1968, Chongjin\n"
        "- **Arrested:** 3 May 2016 in Chongjin, by state security officers, for owning a radio\n"
        "- **Held at:** the Jongori re-education camp, according to a former inmate\n"
        "- **Sentence:** eight years of hard labour, imposed without a trial\n"
    )
    found = records(extractor, text)
    by_type = {r["violation"]: r for r in found}
    assert by_type["detention.arbitrary"]["date"] == "2016-05-03"
    assert by_type["detention.arbitrary"]["perpetrator"] == "Ministry of State Security"
    assert len(by_type["detention.arbitrary"]["evidence"]) == 1  # one item, one sentence
    for violation in ("detention.arbitrary", "detention.prison_camp", "labor.forced"):
        assert by_type[violation]["victims"]["names"] == ["Yun Chol-ho"], violation
        assert by_type[violation]["victims"]["count"] == 1  # not the former inmate who told


def test_scare_quotes_and_a_story_the_next_sentence_calls_wrong(extractor: Extractor) -> None:
    text = (
        '# The dancer who was "executed"\n\n'
        "In June 2015 a newspaper reported that Ra Un-mi, a dancer, had been shot by a "
        "firing squad in Pyongyang. The story was wrong. She danced on state television "
        "a month later."
    )
    assert records(extractor, text) == []


def test_a_forwarded_note_the_night_before_and_then(extractor: Extractor) -> None:
    text = (
        "Forwarding the note below.\n\n"
        "> On 6 March a contact in Onsong told us that border guards shot dead a man\n"
        "> who was trying to cross the river the night before.\n"
        "> The guards then detained his wife for questioning.\n"
    )
    shot, held = records(extractor, text, published="2022-03-08")
    assert shot["violation"] == "life.killing" and shot["date"] == "2022-03-05"
    assert held["violation"] == "detention.arbitrary" and held["date"].startswith("2022-03")


def test_a_section_headed_by_a_month_dates_the_acts_it_leaves_undated(extractor: Extractor) -> None:
    text = (
        "# Our year in review\n\n"
        "## March\n\nBorder guards shot dead a woman who was wading across the river.\n\n"
        "## 2019\n\nThe authorities arrested a pastor, Ko Sun-il, at his home.\n\n"
        "## Looking ahead\n\nSoldiers shot dead a smuggler near the crossing.\n"
    )
    shot, held, later = records(extractor, text, published="2020-12-20")
    assert shot["violation"] == "life.killing" and shot["date"] == "2020-03"
    assert held["violation"] == "detention.arbitrary" and held["date"] == "2019"
    assert later["violation"] == "life.killing" and later["date"] is None
    # a letter's date line in bold is the letter's own date, not a section's
    letter = (
        "**June 11, 2021**\n\nTo the leaders of the G7:\n\n"
        "Soldiers shot dead a man who tried to cross the river."
    )
    assert records(extractor, letter, published="2021-06-11")[0]["date"] is None


def test_a_style_guides_quoted_examples_state_no_act(extractor: Extractor) -> None:
    text = (
        "## Verbs\n\n"
        'Do not turn "he was questioned for a day" into "he was detained", and never write '
        '"executed" when the source only says a person "was not seen again".\n\n'
        'If a witness says "soldiers took my aunt in 2012", write 2012 and add the season.\n'
    )
    assert records(extractor, text) == []
    # an order quoted in a testimony is no instruction: the act told after it stands
    told = "'Never say that again,' the officer told him before police arrested him in May 2020."
    assert [r["violation"] for r in records(extractor, told)] == ["detention.arbitrary"]


def test_a_city_sealed_off_and_a_time_of_an_earlier_event_told_in_passing(
    extractor: Extractor,
) -> None:
    text = (
        "# North Korea in 2020\n\n## July\n\n"
        "After a woman who had crossed to China in 2016 came back over the river, the "
        "leadership sealed off the town of Hoeryong for three weeks."
    )
    [record] = records(extractor, text, published="2020-12-20")
    assert record["violation"] == "movement.restriction" and record["kind"] == "measure"
    assert record["date"] == "2020-07"  # the section's month, not her crossing's year
    assert record["place"] == "Hoeryong"
    assert record["perpetrator"] == "Government of the DPRK"
    held = "Police arrested Ko Pil-su, who had fled to China in 2015, in March 2019."
    assert records(extractor, held)[0]["date"] == "2019-03"
    [locked] = records(extractor, "In May 2021 the authorities put Hyesan under lockdown.")
    assert locked["violation"] == "movement.restriction" and locked["place"] == "Hyesan"


def test_people_named_after_their_group_and_both_men_named_before(extractor: Extractor) -> None:
    text = (
        "Answer: Three South Korean traders are held in North Korea. Pak Ho-jin was "
        "arrested in Sinuiju in March 2019. Yang Tae-u and Mun Il-gyu were detained in "
        "2020; last month a court sentenced both men to life with hard labour."
    )
    found = records(extractor, text, published="2021-07-01")
    assert [
        (r["violation"], r["victims"]["names"], r["victims"]["nationality"]) for r in found
    ] == [
        ("detention.arbitrary", ["Pak Ho-jin"], "KR"),
        ("detention.arbitrary", ["Yang Tae-u", "Mun Il-gyu"], "KR"),
        ("labor.forced", ["Yang Tae-u", "Mun Il-gyu"], "KR"),
    ]
    assert found[2]["date"] == "2021-06"


def test_a_ledes_unnamed_person_then_named_and_times_of_a_who_clause(extractor: Extractor) -> None:
    text = (
        "A 24-year-old Canadian teacher who spent five months in North Korean custody "
        "was sent home on Monday.\n\n"
        "Ella Varga, who studied at New York University, was arrested in Wonsan in May "
        "after she photographed a statue."
    )
    [held] = records(extractor, text, published="2019-10-09")
    assert held["violation"] == "detention.arbitrary" and len(held["evidence"]) == 2
    assert held["victims"]["names"] == ["Ella Varga"] and held["victims"]["age"] == 24
    assert held["victims"]["nationality"] == "CA"
    assert held["date"] == "2019-05"  # not the Monday she was sent home
    assert held["place"] == "Wonsan" and held["country"] == "KP"  # not New York
    text = "Pak Kum-hui, who was arrested in Hyesan, died in custody in 2019."
    arrest, death = records(extractor, text)
    assert arrest["violation"] == "detention.arbitrary" and arrest["date"] is None
    assert death["violation"] == "life.death_in_custody" and death["date"] == "2019"
    # an act first told undated, then with its date, is one act
    text = (
        "The network welcomed home Dan Ruiz, a teacher who spent a year in detention in North "
        "Korea. Border guards detained him in June 2018 near Sinuiju."
    )
    [one] = records(extractor, text)
    assert one["date"] == "2018-06" and one["place"] == "Sinuiju" and len(one["evidence"]) == 2


def test_people_taken_abroad_are_abducted_and_a_month_after_the_event_told(
    extractor: Extractor,
) -> None:
    text = (
        "In May 1979 Mali Sorn, a young Thai cook, vanished from Macau; years later a "
        "defector said he had seen her in Pyongyang.\n\n"
        "A month after the Thai cook vanished, Aiko Tanabe and her father were seized "
        "together near their home in Niigata."
    )
    cook, family = records(extractor, text, published="2024-03-01")
    assert cook["violation"] == "disappearance.abduction"
    assert (cook["country"], cook["place"], cook["date"]) == ("MO", "Macau", "1979-05")
    assert cook["victims"]["nationality"] == "TH"
    assert family["violation"] == "disappearance.abduction" and family["date"] == "1979-06"
    assert (family["country"], family["place"]) == ("JP", "Niigata")
    assert family["victims"]["names"] == ["Aiko Tanabe"] and family["victims"]["count"] == 2
    assert family["victims"]["nationality"] == "JP"  # not the cook's, told in passing
    # a North Korean who vanishes at home is disappeared, not abducted
    [home] = records(extractor, "In 2016 Ri Chol-jin, a farmer, vanished from Hyesan.")
    assert home["violation"] == "disappearance.enforced"


def test_it_killed_tells_the_blast_before_it_again_and_a_citys_former_name(
    extractor: Extractor,
) -> None:
    text = (
        "Agents of the North planted a bomb at a hall in Rangoon. On 3 March 1985 the bomb "
        "went off during a ceremony. It killed nine people, six of them Burmese officials."
    )
    [killing] = records(extractor, text, published="2020-01-01")
    assert killing["violation"] == "life.killing" and killing["date"] == "1985-03-03"
    assert killing["country"] == "MM" and killing["victims"]["count"] == 9


def test_bans_on_leaving_radios_fixed_and_a_camp_without_a_lawyer(extractor: Extractor) -> None:
    [ban] = records(
        extractor, "On Tuesday the state barred all Malaysians in the country from leaving."
    )
    assert ban["violation"] == "movement.restriction" and ban["victims"]["nationality"] == "MY"
    [answer] = records(
        extractor, "Malaysia stopped North Korean citizens in Malaysia from leaving."
    )
    assert answer["violation"] == "movement.restriction" and answer["country"] == "MY"
    assert answer["victims"]["nationality"] == "KP"
    [radios] = records(
        extractor, "Radios sold in North Korea are fixed to the state's own stations."
    )
    assert radios["violation"] == "expression.suppression" and radios["kind"] == "measure"
    text = "In May 2018 she was sentenced, without a lawyer, to two years in the Chongori camp."
    assert [r["violation"] for r in records(extractor, text)] == ["detention.prison_camp"]


def test_one_who_disappeared_and_a_story_dated_where_it_opens(extractor: Extractor) -> None:
    text = (
        "Pak Chang-su was 17 when he disappeared from a beach on Hongdo in August 1977. "
        "North Korean agents took him across the sea."
    )
    [taken] = records(extractor, text)
    assert taken["violation"] == "disappearance.abduction" and len(taken["evidence"]) == 2
    assert (taken["country"], taken["place"], taken["date"]) == ("KR", "Hongdo", "1977-08")
    assert taken["victims"]["names"] == ["Pak Chang-su"] and taken["victims"]["age"] == 17
    text = (
        "On 2 May 2015 Jin Hua-long, a trader who ran a shop in Changbai, was found dead "
        "outside the town. He had been stabbed. Police believe North Korean agents killed him."
    )
    [killed] = records(extractor, text, published="2015-06-01")
    assert killed["violation"] == "life.killing" and killed["date"] == "2015-05-02"
    assert killed["victims"]["names"] == ["Jin Hua-long"]
    assert (killed["country"], killed["place"]) == ("CN", "Changbai")


def test_he_is_the_one_named_by_a_part_just_before_or_the_one_a_dated_opening_tells_of(
    extractor: Extractor,
) -> None:
    text = (
        "Ri Tae-gun\n\nRi Tae-gun ran the state's planning office until 2009.\n\n"
        "The leadership blamed Ri for the shortages. According to reports, he was shot by a "
        "firing squad in Pyongyang in March 2010."
    )
    [shot] = records(extractor, text)
    assert shot["violation"] == "life.execution" and shot["victims"]["names"] == ["Ri Tae-gun"]
    text = (
        "On 4 August, while on a tour of the border town of Sinuiju, the 31-year-old "
        "engineer walked onto the bridge. Guards took him away at gunpoint."
    )
    [held] = records(extractor, text, published="2022-09-01")
    assert held["violation"] == "detention.arbitrary" and held["date"] == "2022-08-04"
    assert held["victims"]["count"] == 1 and held["victims"]["age"] == 31
    assert held["place"] == "Sinuiju"


def test_taken_to_north_korea_a_prefecture_and_a_line_of_a_time_and_places(
    extractor: Extractor,
) -> None:
    text = "Ito Kenji, a fisherman, was lured to a beach in Tottori prefecture in May 1979 and taken to North Korea by boat."
    [taken] = records(extractor, text)
    assert taken["violation"] == "disappearance.abduction" and taken["date"] == "1979-05"
    assert (taken["country"], taken["place"]) == ("JP", "Tottori Prefecture")
    text = (
        "## Sato Emi\n\n- **Last seen:** Vienna, Austria, March 1984\n"
        "- **What happened:** Sato Emi was lured to a flat and taken from there to North "
        "Korea by North Korean agents.\n"
    )
    [poster] = records(extractor, text, published="2018-07-10")
    assert poster["violation"] == "disappearance.abduction" and poster["date"] == "1984-03"
    # a dateline is when the report was written, not when the act happened
    text = "Seoul, January 18, 2024\n\nNorth Korea has sentenced two boys to hard labour."
    assert records(extractor, text, published="2024-01-18")[0]["date"] is None


def test_a_logs_entry_line_dates_and_places_the_act_under_it(extractor: Extractor) -> None:
    text = (
        "FIELD LOG\n\n"
        "20/03/2024 Musan. Src C: border guards shot dead a man crossing the river on 18 Mar.\n"
    )
    [shot] = records(extractor, text, published=None)
    assert shot["violation"] == "life.killing" and shot["date"] == "2024-03-18"
    assert shot["place"] == "Musan"


def test_a_sentence_opening_with_its_time_and_telling_no_act_dates_the_next(
    extractor: Extractor,
) -> None:
    text = (
        "On 12 June 1981 a road crew began to clear snow near the checkpoint at Panmunjom. "
        "North Korean soldiers attacked the crew and killed two of its workers."
    )
    [killed] = records(extractor, text, published="2021-09-01")
    assert killed["violation"] == "life.killing" and killed["date"] == "1981-06-12"
    # a sentence that tells an act of its own keeps its time to itself
    text = (
        "3. In June 2013 Chinese police arrested me in Helong. After two weeks in a "
        "detention centre they handed me over to North Korean border guards."
    )
    returned = records(extractor, text, published="2019-05-20")[-1]
    assert returned["violation"] == "movement.forced_return" and returned["place"] is None


def test_a_person_of_a_town_and_state_is_of_its_country(extractor: Extractor) -> None:
    text = (
        "Walt Pierce, of Eugene, Oregon, was taken off a plane at Pyongyang's airport on "
        "2 May 2016, minutes before it was due to leave."
    )
    [held] = records(extractor, text)
    assert held["violation"] == "detention.arbitrary" and held["victims"]["nationality"] == "US"


def test_taken_from_there_is_taken_from_the_place_she_was_lured_to(extractor: Extractor) -> None:
    text = (
        "In May 1982, while working in Paris, Mori Aya was lured to Vienna with the promise "
        "of a job and taken from there to North Korea."
    )
    [taken] = records(extractor, text)
    assert taken["violation"] == "disappearance.abduction"
    assert (taken["place"], taken["country"]) == ("Vienna", "AT")


def test_a_relatives_letter_last_spring_and_silence_since(extractor: Extractor) -> None:
    text = (
        "I am writing about my sister, Yun Hye-ok, who was 29 when she was taken. Last spring "
        "officers of the Ministry of State Security came to her school in Kanggye and drove "
        "her away. In October a woman released from the same centre said that my sister had "
        "been beaten. Since then we have heard nothing. The authorities will not say where "
        "she is."
    )
    held, beaten, gone = records(extractor, text, published="2022-12-01")
    assert held["violation"] == "detention.arbitrary" and held["date"] == "2022"
    assert held["victims"]["names"] == ["Yun Hye-ok"] and held["place"] == "Kanggye"
    assert beaten["violation"] == "detention.torture"
    assert beaten["victims"]["names"] == ["Yun Hye-ok"]  # "my sister", named before
    assert gone["violation"] == "disappearance.enforced" and len(gone["evidence"]) == 2
    # "the last spring of the war" is no spring before the letter
    from kirok.dates import PartialDate
    from kirok.extraction.temporal import find_times

    assert find_times("in the last spring of the war", 0, PartialDate(2022, 12, 1)) == []


def test_a_data_rows_fields_a_tables_named_row_and_guards_who_beat(extractor: Extractor) -> None:
    text = (
        "date;location;type;description\n"
        "2024-06-01;Hoeryong;beating;Guards beat a woman who had been sent back\n"
    )
    beaten = records(extractor, text, published=None)[0]
    assert beaten["violation"] == "detention.torture" and beaten["date"] == "2024-06-01"
    assert beaten["place"] == "Hoeryong"
    table = (
        "| Name | Relation | What happened |\n|---|---|---|\n"
        "| Kang Mi-ae | wife | sent to the Yodok camp in 1988 |\n"
    )
    [camp] = records(extractor, table)
    assert camp["violation"] == "detention.prison_camp" and camp["victims"]["names"] == [
        "Kang Mi-ae"
    ]
    [trial] = records(
        extractor, "Two students accused of watching South Korean films were sent to prison."
    )
    assert trial["violation"] == "expression.suppression" and trial["victims"]["count"] == 2


def test_who_went_missing_or_did_not_return_and_who_seized_them(extractor: Extractor) -> None:
    # "she", not the children she was a mother of; the act retold with its agents
    text = (
        "Mori Sachiko was a 31-year-old mother of three when she went missing in Niigata in "
        "May 1979. Investigators later concluded that North Korean agents had abducted Mori "
        "and taken her to the North."
    )
    [taken] = records(extractor, text, published="2020-01-10")
    assert taken["violation"] == "disappearance.abduction" and taken["date"] == "1979-05"
    assert taken["place"] == "Niigata" and taken["country"] == "JP"
    assert taken["victims"]["names"] == ["Mori Sachiko"] and taken["victims"]["count"] == 1
    assert taken["victims"]["age"] == 31 and taken["perpetrator"] == "Government of the DPRK"
    assert len(taken["evidence"]) == 2
    # cases under headings: a recognition years later is no act, and "them both"
    # are the two just told of, not the one before the heading
    cases = (
        "## Case A\n\nOn 3 June 1979 Ueda Kenji, then 40, left his home in Yonago to go "
        "fishing. He was never seen again. Japan recognised him as a victim of abduction in "
        "2005.\n\n## Case B\n\nSato Hiro and Noda Emi went for a walk at a beach in Fukiage, "
        "Kagoshima, on 9 July 1979 and did not return. North Korean agents seized them both."
    )
    first, second = records(extractor, cases, published="2020-01-10")
    assert first["date"] == "1979-06-03" and first["place"] == "Yonago"
    assert first["victims"]["names"] == ["Ueda Kenji"] and len(first["evidence"]) == 1
    assert second["violation"] == "disappearance.abduction" and second["date"] == "1979-07-09"
    assert second["place"] == "Fukiage" and second["victims"]["count"] == 2
    assert second["victims"]["names"] == ["Sato Hiro", "Noda Emi"]
    assert second["perpetrator"] == "Government of the DPRK" and len(second["evidence"]) == 2
    [lured] = records(
        extractor,
        "Two Japanese travellers, Aoki Jun and Baba Rei, were lured from Vienna to Pyongyang "
        "in 1981.",
    )
    assert lured["violation"] == "disappearance.abduction" and lured["date"] == "1981"
    assert lured["place"] == "Vienna" and lured["country"] == "AT"
    assert lured["victims"]["count"] == 2 and lured["victims"]["nationality"] == "JP"
    # the town's own name, not its prefecture's
    [guard] = records(
        extractor, "Agents abducted a guard from the coast at Ushitsu in Ishikawa prefecture."
    )
    assert guard["place"] == "Ushitsu"


def test_a_witness_speaking_in_a_transcript_and_a_films_plot(extractor: Extractor) -> None:
    text = (
        "The committee heard evidence from Choe Myong-ok, a former teacher.\n\n"
        "THE CHAIR: Please begin.\n\n"
        "MS CHOE: In 1990 security officers arrested me. I was held at Kaechon, a prison "
        "where women sewed uniforms.\n"
    )
    arrest, camp = records(extractor, text, published="2023-06-14")
    assert arrest["violation"] == "detention.arbitrary" and arrest["date"] == "1990"
    assert camp["violation"] == "detention.prison_camp" and camp["place"] == "Kaechon"
    for record in (arrest, camp):
        assert record["victims"]["names"] == ["Choe Myong-ok"]
        assert record["victims"]["sex"] == "female"
    # a label without a title is a role, not a name
    [anchor] = records(extractor, "Choe Myong-ok was there.\n\nANCHOR: Police arrested me.\n")
    assert anchor["victims"]["names"] == []
    plot = (
        "In the film's second act, a guard beats the boy with a stick. Later, in a scene that "
        "is hard to watch, soldiers shoot a man at the river."
    )
    assert records(extractor, plot) == []


def test_a_defectors_story_and_acts_told_in_two_countries(extractor: Extractor) -> None:
    # told mostly of South Korea, where he lives now: held in the North as a North Korean
    story = (
        "Han Do-yun grew up in Musan. After he came back from China, State Security officers "
        "detained him. In 2010 he escaped and reached South Korea. He now lives in Seoul and "
        "speaks about South Korea's policy on defectors to schools across South Korea."
    )
    [held] = records(extractor, story)
    assert held["victims"]["names"] == ["Han Do-yun"]
    assert held["victims"]["nationality"] == "KP"
    # an arrest in China and a detention in North Korea are two acts
    text = (
        "A woman from Musan told us that Chinese police arrested her in Yanji in May 2018 and "
        "handed her over to North Korean guards. She was then held for two months at a "
        "holding centre in Onsong."
    )
    held = [r for r in records(extractor, text) if r["violation"] == "detention.arbitrary"]
    assert [(r["country"], r["place"]) for r in held] == [("CN", "Yanji"), ("KP", "Onsong")]


def test_civilians_taken_north_and_a_crew_captured_at_sea(extractor: Extractor) -> None:
    text = (
        "During the war, between 1950 and 1953, soldiers of the North took thousands of "
        "civilians from Kaesong north. In June 1969 a fishing crew from Sokcho, six men in "
        "all, were captured by North Korean patrol boats. Their families never heard from "
        "them again."
    )
    taken, captured, gone = records(extractor, text, published="2020-06-25")
    assert taken["violation"] == "disappearance.abduction"
    assert (taken["date"], taken["date_end"]) == ("1950", "1953")
    assert captured["violation"] == "disappearance.abduction" and captured["date"] == "1969-06"
    assert captured["victims"]["count"] == 6
    # "them": the crew just told of, and the time they were taken
    assert gone["violation"] == "disappearance.enforced" and gone["date"] == "1969-06"
    assert gone["victims"]["count"] == 6 and gone["victims"]["sex"] == "male"


def test_a_tip_forms_relative_taken_days_ago_and_a_detainee_named_by_title(
    extractor: Extractor,
) -> None:
    text = (
        "My aunt's husband, Ryu Chang-ho, was taken from his flat in Kanggye by state "
        "security men two days ago. Nobody has told the family where he is."
    )
    taken, gone = records(extractor, text, published="2024-08-30")
    assert taken["violation"] == "detention.arbitrary" and taken["date"] == "2024-08-28"
    assert taken["place"] == "Kanggye" and taken["perpetrator"] == "Ministry of State Security"
    assert taken["victims"]["count"] == 1 and taken["victims"]["sex"] == "male"
    assert taken["victims"]["names"] == ["Ryu Chang-ho"]
    assert gone["violation"] == "disappearance.enforced"
    briefing = (
        "QUESTION: Is there news of the Danish teacher, Lars Holm?\n\n"
        "SPOKESPERSON: Mr Holm was detained by the North Korean authorities in Pyongyang on "
        "2 May. We have asked for consular access."
    )
    [held] = records(extractor, briefing, published="2023-05-09")
    assert held["victims"]["names"] == ["Lars Holm"] and held["victims"]["nationality"] == "DK"
    [couple] = records(
        extractor, "In March 2019 officers arrested Mr and Mrs Ahn at their house in Musan."
    )
    assert couple["victims"]["count"] == 2


def test_a_live_pages_newest_entry_first_and_this_morning(extractor: Extractor) -> None:
    text = (
        "16:10\n\nThe man who was shot this morning has died, our source says.\n\n"
        "12:30\n\nA second source confirms the shooting.\n\n"
        "08:50\n\nSoldiers opened fire on a man crossing the river near Musan early this "
        "morning, a source tells us."
    )
    [shot] = records(extractor, text, published="2022-02-11")
    assert shot["violation"] == "life.killing" and shot["date"] == "2022-02-11"
    assert shot["place"] == "Musan" and shot["victims"]["count"] == 1
    assert len(shot["evidence"]) == 2
    [later] = records(extractor, "Guards beat a prisoner in Hyesan earlier today.", "2022-02-11")
    assert later["date"] == "2022-02-11"
    # a bare "today" is the present, not the day of an act
    [today] = records(extractor, "Today, guards beat a prisoner in Hyesan.", "2022-02-11")
    assert today["date"] is None


def test_a_hurried_post_in_lower_case(extractor: Extractor) -> None:
    text = (
        "my brother got arrested last week in musan by the bowibu. no one knows where they "
        "took him."
    )
    arrest, gone = records(extractor, text, published="2024-10-15")
    assert arrest["violation"] == "detention.arbitrary" and arrest["place"] == "Musan"
    assert arrest["perpetrator"] == "Ministry of State Security" and arrest["date"] == "2024-10"
    assert gone["violation"] == "disappearance.enforced"
    assert gone["victims"]["count"] == 1 and gone["victims"]["sex"] == "male"


def test_citations_and_source_notes_date_nothing(extractor: Extractor) -> None:
    text = (
        "Returnees are interrogated for weeks and often beaten (Cho 2018; Ra and Min 2021, "
        "pp. 12-19). Respondent 9, a man from Hoeryong, was detained for two months in 2015 "
        "(interview 9, Seoul, 2019)."
    )
    [held] = records(extractor, text, published="2022-05-01")
    assert held["violation"] == "detention.arbitrary" and held["date"] == "2015"


def test_a_state_agencys_report_of_a_sentence(extractor: Extractor) -> None:
    text = (
        "The Supreme Court on Tuesday sentenced Hugo Brandt, a German citizen, to 8 years of "
        "reform through labour. Brandt had entered the country as a tourist and was arrested "
        "in May in Pyongyang."
    )
    sentence, arrest = records(extractor, text, published=None)
    assert sentence["violation"] == "labor.forced"
    assert arrest["violation"] == "detention.arbitrary"
    for record in (sentence, arrest):
        assert record["victims"]["names"] == ["Hugo Brandt"]
        assert record["victims"]["nationality"] == "DE"
    text = (
        "In April guards detained two Filipino sailors, Jose Cruz and Ramon Diaz, at Nampo. "
        "In May a court sentenced the two men to 5 years of hard labour."
    )
    _, labour = records(extractor, text)
    assert labour["violation"] == "labor.forced"
    assert labour["victims"]["names"] == ["Jose Cruz", "Ramon Diaz"]
    assert labour["victims"]["nationality"] == "PH"


def test_a_documentarys_witness_a_case_files_rows_and_its_citizens(extractor: Extractor) -> None:
    # a documentary's testimony is no film's plot
    [execution] = records(
        extractor,
        "In the documentary, a former guard recalls that in 1992 he watched soldiers execute "
        "two prisoners at a camp near Chongjin.",
    )
    assert execution["violation"] == "life.execution" and execution["date"] == "1992"
    assert execution["victims"]["count"] == 2 and execution["place"] == "Chongjin"
    # a case file's title names whom its table's rows are about
    from kirok.sources import Document

    text = (
        "Case file: Han Yu-jin\n\nHan Yu-jin, a South Korean pastor, is held in North Korea.\n\n"
        "| Date | Event |\n\n|---|---|\n\n"
        "| 3 May 2020 | Arrested by state security officers in Sinuiju. |\n"
    )
    document = Document(
        "case.html", "0" * 64, "html", text, title="Case file: Han Yu-jin", published="2024-05-30"
    )
    [arrest] = [r.to_dict() for r in extractor.extract(document).records]
    assert arrest["date"] == "2020-05-03" and arrest["victims"]["names"] == ["Han Yu-jin"]
    assert arrest["victims"]["nationality"] == "KR"
    # "its citizens": the country whose act the sentence tells
    [closed] = records(
        extractor,
        "Laos sealed its borders in March 2020, leaving thousands of its citizens stranded abroad.",
    )
    assert closed["victims"]["nationality"] == "LA"


def test_an_exported_records_fields_and_a_years_list(extractor: Extractor) -> None:
    export = (
        "record_id: 7\nincident_date: 2023-05-02\nlocation: Onsong\n"
        "summary: Border soldiers fired on three men crossing the river; two of them were "
        "killed.\n\nrecord_id: 8\nincident_date: 2023-06-09\nlocation: Hyesan\n"
        "summary: Anjeonbu officers detained a trader at her stall.\n"
    )
    shot, held = records(extractor, export, published="2023-07-01")
    assert shot["violation"] == "life.killing" and shot["date"] == "2023-05-02"
    assert shot["place"] == "Onsong" and shot["victims"]["count"] == 2
    assert held["date"] == "2023-06-09" and held["place"] == "Hyesan"
    assert held["perpetrator"] == "Ministry of Social Security"
    listed = (
        "## Key incidents\n\n- **April:** nine women were sent back by China and taken to the "
        "Musan holding centre.\n- **August:** soldiers beat a farmer caught near the Yalu; he "
        "died of his injuries a week later.\n"
    )
    found = {r["violation"]: r for r in records(extractor, listed, published="2020-01-10")}
    assert found["movement.forced_return"]["date"] == "2019-04"
    held = found["detention.arbitrary"]
    assert held["place"] == "Musan" and held["victims"]["count"] == 9
    assert held["perpetrator"] is None  # (China sent them back; it holds no one in Musan)
    killed = found["life.killing"]  # beaten, then dead of it
    assert killed["date"] == "2019-08" and killed["perpetrator"] == "Korean People's Army"
    assert found["detention.torture"]["victims"]["count"] == 1


def test_films_found_a_market_and_nothing_heard(extractor: Extractor) -> None:
    [labour, films] = records(
        extractor,
        "Four students in Kanggye were sent to a youth labour unit in May after teachers found "
        "foreign films on a phone one of them had shared.",
    )
    assert {labour["violation"], films["violation"]} == {
        "labor.forced",
        "expression.suppression",
    }
    assert films["victims"]["count"] == 4
    text = (
        "In June state security officers took my uncle from the market in Hoeryong. We have "
        "heard nothing about where he is held."
    )
    taken, gone = records(extractor, text)
    assert taken["violation"] == "detention.arbitrary" and taken["place"] == "Hoeryong"
    assert gone["violation"] == "disappearance.enforced"


def test_a_voicemail_a_speech_and_a_list_of_cases(extractor: Extractor) -> None:
    [taken] = records(
        extractor,
        "So, my mum, she, uh, the police took her on Friday night in Musan.",
        published="2023-11-11",
    )
    assert taken["violation"] == "detention.arbitrary" and taken["date"] == "2023-11-10"
    assert taken["victims"]["count"] == 1 and taken["victims"]["sex"] == "female"
    assert taken["perpetrator"] == "Ministry of Social Security"
    text = (
        "In May 2018 a young man I will call Chol was caught by soldiers as he crossed the "
        "Yalu. He spent the next two years in the prison camp at Kaechon."
    )
    caught, camp = records(extractor, text)
    assert caught["violation"] == "detention.arbitrary" and caught["date"] == "2018-05"
    assert camp["violation"] == "detention.prison_camp" and camp["victims"]["count"] == 1
    # a summary's "who spent eight years in a prison camp" is no act of its own
    assert records(extractor, "Mr Ahn, who spent years in a prison camp, died in Seoul.") == []
    listed = (
        "- **Jo Myong-sil**, 47: arrested in Kanggye in April 2022 for praying with friends, "
        "and sent to a re-education camp.\n"
    )
    found = records(extractor, listed)
    assert {r["violation"] for r in found} == {
        "detention.arbitrary",
        "expression.suppression",
        "detention.prison_camp",
    }
    for record in found:
        assert record["victims"]["names"] == ["Jo Myong-sil"] and record["victims"]["count"] == 1
    [crew] = records(
        extractor,
        "Two Chinese fishing boats and their 17 crew members were seized by North Korean "
        "vessels in the Yellow Sea on 3 May.",
    )
    assert crew["violation"] == "disappearance.abduction" and crew["victims"]["count"] == 17


def test_imports_cut_a_cellmates_death_and_a_family_moved_for_its_background(
    extractor: Extractor,
) -> None:
    found = records(
        extractor,
        "In March 2020 the authorities halted most imports, including rice and flour.",
    )
    assert "food.denial" in {r["violation"] for r in found}
    died, denied = records(
        extractor,
        "In a holding centre in Hyesan in 2021, a cellmate of the witness died of typhoid "
        "after guards would not let her see a doctor.",
    )
    assert died["violation"] == "life.death_in_custody" and died["victims"]["count"] == 1
    assert died["date"] == "2021" and died["place"] == "Hyesan"
    assert denied["violation"] == "health.denial"
    [moved] = records(
        extractor,
        "In 2016 officials forced the Kang family to leave Chongjin because their "
        "grandfather had been a landowner.",
    )
    assert moved["violation"] == "discrimination" and moved["date"] == "2016"
    # a cause that is no one's background leaves only the act it explains
    assert records(extractor, "She left school in 2016 because her mother was ill.") == []


def test_a_month_goes_on_from_the_year_its_story_gave(extractor: Extractor) -> None:
    # (an invented letter: the writer tells her own story, a sentence to a paragraph)
    text = (
        "Chinese police arrested me in Yanji in October 2014, and in November they sent me "
        "back across the river to Onsong with four other women.\n\n"
        "[Translator's note: the river is the Tumen.]\n\n"
        "State security officers held us in Onsong.\n\n"
        "In January I was sent to a labour training camp."
    )
    found = {r["violation"]: r for r in records(extractor, text, published="2024-03-01")}
    assert found["movement.forced_return"]["date"] == "2014-11"  # not November 2023
    # "me ... with four other women": five, all women
    assert found["movement.forced_return"]["victims"]["count"] == 5
    assert found["movement.forced_return"]["victims"]["sex"] == "female"
    assert found["labor.forced"]["date"] == "2015-01"  # the January after, not 2024's


def test_a_law_told_under_a_question_and_a_name_wrapped_over_a_line(
    extractor: Extractor,
) -> None:
    text = (
        "### What is the law?\n\n"
        "North Korea's legislature adopted the Socialist Culture Protection Act\n"
        "on 9 March 2021.\n\n"
        "### What does it punish?\n\n"
        "The law sets prison terms of up to ten years for watching such material.\n\n"
        "### Is there another?\n\n"
        "Yes. In June 2022 the legislature adopted the Pyongyang Standard Speech\n"
        "Protection Act, which punishes people who use South Korean slang."
    )
    first, second = records(extractor, text, published="2024-01-10")
    assert first["violation"] == "expression.suppression" and first["date"] == "2021-03-09"
    assert second["date"] == "2022-06" and second["perpetrator"] == "Government of the DPRK"
    # the whole sentence, not its half after a line that looked like a heading
    assert second["evidence"][0]["text"].startswith("In June 2022 the legislature")


def test_the_source_after_an_aside_is_no_perpetrator(extractor: Extractor) -> None:
    [executed] = records(
        extractor,
        "South Korea's Unification Ministry, in a report issued in 2023, said that a "
        "man was publicly executed in Hyesan in 2021.",
    )
    assert executed["violation"] == "life.execution" and executed["perpetrator"] is None


def test_a_title_and_a_family_name_are_one_person(extractor: Extractor) -> None:
    [held] = records(extractor, "Mr. Ko was arrested in Hoeryong in 2017.")
    assert held["victims"]["count"] == 1 and held["victims"]["sex"] == "male"
    text = (
        "The engineer Ri Song-chol, from Kanggye, went to China in 2016. "
        "Mr Ri was detained at the border in May 2017."
    )
    [detained] = records(extractor, text)
    assert detained["victims"]["names"] == ["Ri Song-chol"]
    # "Ms. Han, 41, from Hyesan, told us": the one who tells, past the aside
    [beaten] = records(
        extractor, "Ms. Han, 41, from Hyesan, told us that a guard beat her in March 2015."
    )
    assert beaten["victims"]["count"] == 1 and beaten["victims"]["sex"] == "female"
    # the "she" who asks is not the one the question names
    asked = (
        "Does she accept that the case of Pak Yong-su shows the pattern? "
        "He was arrested in 2003 and sent in 2004 to Kaechon."
    )
    found = records(extractor, asked)
    assert {r["violation"] for r in found} == {"detention.arbitrary", "detention.prison_camp"}
    for record in found:
        assert record["victims"]["names"] == ["Pak Yong-su"]
    camp = next(r for r in found if r["violation"] == "detention.prison_camp")
    assert camp["date"] == "2004" and camp["place"] == "Kaechon"


def test_a_story_after_a_return_and_the_same_reason(extractor: Extractor) -> None:
    # (an invented case note, a sentence to a list item)
    text = (
        "- Ms. Han, 41, told us that a guard beat her at the Onsong holding centre in "
        "June 2015, a week after Chinese police had handed her over at the border.\n"
        "- She could not walk for a week, and the guards refused to call a doctor.\n"
        "- Mr. Song was refused a job at a school in Hamhung in 2012 because his "
        "mother's family had been classed as hostile.\n"
        "- His sister was expelled from university in 2013 for the same reason.\n"
    )
    found = records(extractor, text, published="2020-01-10")
    returned = next(r for r in found if r["violation"] == "movement.forced_return")
    assert returned["perpetrator"] == "Chinese authorities" and returned["country"] == "CN"
    [care] = [r for r in found if r["violation"] == "health.denial"]
    # she, who was sent back to Onsong: in North Korea, not China; not the doctor
    assert care["victims"]["count"] == 1 and care["victims"]["sex"] == "female"
    assert care["date"] == "2015" and care["country"] == "KP"
    first, second = [r for r in found if r["violation"] == "discrimination"]
    assert first["date"] == "2012" and first["place"] == "Hamhung"
    assert second["date"] == "2013" and second["victims"]["sex"] == "female"
    # "for the same reason" after no reason that is itself a violation: nothing
    assert (
        records(extractor, "She lost her job in 2012. Her sister left for the same reason.") == []
    )


def test_workers_sent_abroad_told_over_several_sentences(extractor: Extractor) -> None:
    # (invented: a news item of Kirok's tests)
    text = (
        "In 2019, about 200 North Koreans were working at garment factories in the Chinese "
        "city of Hunchun, in breach of United Nations sanctions.\n\n"
        "Managers sent by the North Korean state kept their passports, and their wages "
        "went straight to the government in Pyongyang.\n\n"
        "Former staff said several of the workers were beaten that year.\n\n"
        "One said a worker who broke her arm was not taken to hospital."
    )
    found = records(extractor, text, published="2021-03-01")
    [labour] = [r for r in found if r["violation"] == "labor.forced"]
    assert labour["date"] == "2019" and labour["place"] == "Hunchun"
    assert labour["country"] == "CN" and labour["victims"]["count"] == 200
    assert labour["victims"]["nationality"] == "KP"
    assert labour["perpetrator"] == "Government of the DPRK"
    assert len(labour["evidence"]) == 2  # the passports and wages are the same act's
    [care] = [r for r in found if r["violation"] == "health.denial"]
    assert care["victims"]["count"] == 1 and care["victims"]["nationality"] == "KP"
    # North Koreans working abroad, with no word of the state's labour: no record
    assert records(extractor, "Many North Koreans were working in China in 2019.") == []


def test_punished_for_what_they_watched_and_a_law_is_the_states(
    extractor: Extractor,
) -> None:
    found = records(
        extractor,
        "In 2021 a court in Hyesan sentenced a 30-year-old woman who had watched South "
        "Korean dramas to ten years in prison.",
    )
    assert "expression.suppression" in {r["violation"] for r in found}
    [law] = records(
        extractor,
        "In North Korea, a law adopted in 2023 makes owning South Korean films punishable "
        "by prison.",
    )
    assert law["kind"] == "measure" and law["perpetrator"] == "Government of the DPRK"


def test_abroad_taken_by_a_lie_and_a_finding_told_later(extractor: Extractor) -> None:
    # (invented people)
    [taken] = records(
        extractor,
        "Anna Kovacs, a Hungarian singer living in Austria, was persuaded in 1979 by a man "
        "who said he was a promoter to go on tour with him, and she never came home.",
    )
    assert taken["violation"] == "disappearance.abduction"
    assert taken["date"] == "1979" and taken["country"] == "AT"
    [flown] = records(
        extractor,
        "In 1980 three Thai women applied in Bangkok for work in Macau and were instead "
        "flown to Pyongyang.",
    )
    assert flown["violation"] == "disappearance.abduction" and flown["place"] == "Bangkok"
    assert flown["victims"]["count"] == 3
    text = (
        "Lee Min-ho was fifteen when he vanished from a beach on Yeonpyeong Island in July "
        "1977. Investigators concluded in 2005 that North Korean agents had seized him; "
        "that year he met his sister at Mount Kumgang."
    )
    [one] = records(extractor, text)  # one act, told twice: not a second in 2005
    assert one["date"] == "1977-07" and one["place"] == "Yeonpyeong Island"
    assert one["perpetrator"] == "Government of the DPRK" and len(one["evidence"]) == 2


def test_a_quoted_reply_and_a_redacted_cable(extractor: Extractor) -> None:
    # (invented: an e-mail's reply quoting the first message, line by line)
    text = (
        "Thanks, noted.\n\n"
        "> Bad news from the border. On 3 May, police arrested Mr. Ri, a 40-year-old\n"
        ">> driver, at the market in Hoeryong for selling South Korean films to\n"
        "> traders.\n"
    )
    found = records(extractor, text, published="2023-05-10")
    assert {r["violation"] for r in found} == {"detention.arbitrary", "expression.suppression"}
    for record in found:
        assert record["date"] == "2023-05-03" and record["place"] == "Hoeryong"
        assert record["victims"]["count"] == 1 and record["victims"]["age"] == 40
        # the evidence is the document's own text, quoting marks and all
        assert record["evidence"][0]["text"].startswith("On 3 May, police arrested Mr. Ri")
        assert ">> driver" in record["evidence"][0]["text"]
    cable = (
        "1. On [REDACTED] June 2019, border guards detained three [REDACTED] fishermen at "
        "Nampho.\n\n"
        "2. One of the fishermen was beaten during questioning."
    )
    held, beaten = records(extractor, cable, published="2019-08-01")
    assert held["victims"]["count"] == 3 and held["date"] == "2019-06"
    assert held["victims"]["count_text"] == "three [REDACTED] fishermen"
    assert beaten["violation"] == "detention.torture" and beaten["date"] == "2019-06"


def test_a_memorial_lists_names_and_the_deaths_it_tells(extractor: Extractor) -> None:
    # (invented people on an invented families' list)
    text = (
        "- **Pak Song-mi** (1960–2012). A nurse from Hamhung, she was arrested in 2009 for "
        "criticising the currency reform and died in 2012 in the prison camp at Hwasong.\n"
        "- **Jon Chol-u** (1970–2014). Chinese police arrested him in Tumen in 2014 and "
        "handed him back to North Korea; he died in the holding centre at Musan a month "
        "later.\n"
    )
    found = records(extractor, text, published="2020-01-01")
    by = {(r["violation"], r["victims"]["names"][0]): r for r in found}
    assert by[("expression.suppression", "Pak Song-mi")]["date"] == "2009"
    died = by[("life.death_in_custody", "Pak Song-mi")]
    assert died["date"] == "2012" and "Hwasong" in died["place"]
    later = by[("life.death_in_custody", "Jon Chol-u")]
    # the clause after the semicolon says where he died: Musan, in North Korea
    assert later["place"] == "Musan" and later["country"] == "KP"
    for record in found:  # the years in brackets are a life's, not an act's
        assert record["date_end"] is None


def test_a_relative_named_beside_the_victim_is_not_a_victim(extractor: Extractor) -> None:
    [shot] = records(
        extractor,
        "In 1988 Ms. Oh, the wife of Governor Lim Tae-su, was shot dead in Busan.",
    )
    assert shot["victims"]["names"] == [] and shot["victims"]["sex"] == "female"
    # a date line over an entry whose only year is of what had happened before
    text = (
        "3 March 1999\n\n"
        "Yun Gi-ho, who had fled the North in 1990 and was related by marriage to Ri "
        "Chol-su, was shot outside his home in Busan."
    )
    [entry] = records(extractor, text, published="2005-01-01")
    assert entry["date"] == "1999-03-03" and entry["victims"]["names"] == ["Yun Gi-ho"]
    [shelled] = records(
        extractor,
        "On 2 May 2012 North Korean artillery shelled a fishing port, killing three South "
        "Korean marines and one civilian.",
    )
    assert shelled["perpetrator"] == "Korean People's Army"
    assert shelled["victims"]["count"] == 4


def test_a_letter_read_on_air_and_one_by_pronoun(extractor: Extractor) -> None:
    # (an invented listener's letter)
    text = (
        "My uncle sold rice in Kanggye. In the spring of 2017 he hid a neighbour from the "
        "police, and the police arrested them both. We were told he had been sent to the "
        "kyohwaso at Jongori. In 2020 a man who had been held there told my aunt that he "
        "had died of typhoid, because the guards gave him no medicine."
    )
    found = {r["violation"]: r for r in records(extractor, text, published="2022-01-01")}
    assert found["detention.arbitrary"]["victims"]["count"] == 2
    assert found["detention.prison_camp"]["victims"]["count"] == 1  # "he": one man
    died = found["life.death_in_custody"]
    assert died["victims"]["sex"] == "male"  # he who died, not the aunt told
    assert died["date"] is None  # 2020 is when she was told
    assert "health.denial" in found
    [moved] = records(
        extractor,
        "In 2016 officials made her family leave Hamhung because her grandfather had been "
        "a landowner.",
    )
    assert moved["victims"]["count_text"] == "her family"  # not "her": one woman
    taken = records(
        extractor,
        "Taken from her flat in Hyesan by state security officers in May 2018, she has "
        "not been seen since.",
    )
    assert {r["violation"] for r in taken} == {"detention.arbitrary", "disappearance.enforced"}
    assert all(r["perpetrator"] == "Ministry of State Security" for r in taken)


def test_a_form_with_a_field_a_paragraph(extractor: Extractor) -> None:
    # (an invented communication, its labels in bold as Markdown sets them)
    text = (
        "**Name:** Kim Tae-ho (invented)\n\n"
        "**Date of detention:** 3 May 2018\n\n"
        "**Place of detention:** a market in Hoeryong\n\n"
        "**Perpetrators:** Ministry of State Security\n\n"
        "**What happened:** Two officers in uniform took Kim from the market. Since then "
        "his family has received no information about where he is held."
    )
    found = {r["violation"]: r for r in records(extractor, text, published="2019-06-02")}
    held = found["detention.arbitrary"]
    assert held["date"] == "2018-05-03" and held["place"] == "Hoeryong"
    assert held["perpetrator"] == "Ministry of State Security"
    assert held["victims"]["names"] == ["Kim Tae-ho"]
    assert found["disappearance.enforced"]["date"] == "2018-05-03"  # "since then"


def test_rows_of_a_word_table_and_a_family_told(extractor: Extractor) -> None:
    # (invented people; a Word table's rows read as cells between bars)
    text = (
        "Name | Taken | Where | What is known\n\n"
        "Pak Un-ha | 2016 | Hunchun, China | Arrested by Chinese police and handed back to "
        "North Korea in 2016; no news since.\n\n"
        "Choe Il-su | May 2019 | Chongjin | Detained by state security officers; his family "
        "was told he had been sent to a political prison camp.\n"
    )
    found = records(extractor, text, published="2021-01-01")
    pak = [r for r in found if r["victims"]["names"] == ["Pak Un-ha"]]
    arrest = next(r for r in pak if r["violation"] == "detention.arbitrary")
    assert arrest["place"] == "Hunchun" and arrest["country"] == "CN"
    gone = next(r for r in pak if r["violation"] == "disappearance.enforced")
    assert gone["country"] == "KP"  # where she was sent, not where she was caught
    camp = next(r for r in found if r["violation"] == "detention.prison_camp")
    assert camp["victims"]["names"] == ["Choe Il-su"]
    assert camp["victims"]["count_text"] != "his family"


def test_work_without_pay_and_pupils_taken_out_of_school(extractor: Extractor) -> None:
    # (invented: a group interview recorded in the South about the North)
    text = (
        "GROUP INTERVIEW\nRecorded in Seoul, 2 March 2021\n\n"
        "PARTICIPANT 2: In 2016 they made my whole work unit spend forty days building a "
        "dam near Kanggye, with no pay.\n\n"
        "PARTICIPANT 5: In 2018 the pupils were taken out of school for a month to plant "
        "rice.\n\n"
        "PARTICIPANT 2: A man who refused was sent to a labour training camp for a year.\n"
    )
    found = records(extractor, text)
    assert [r["violation"] for r in found] == ["labor.forced"] * 3
    assert [r["date"] for r in found] == ["2016", "2018", None]
    # where the interview was recorded is not where the acts took place
    assert all(r["country"] == "KP" for r in found)


def test_abroad_lured_listed_and_an_agent_arrested(extractor: Extractor) -> None:
    # (invented people)
    assert (
        records(extractor, "The register holds a page for every person Japan lists as abducted.")
        == []
    )
    [lured] = records(
        extractor,
        "In 1979 Sato Ken, a fisherman, was lured to the coast of Niigata Prefecture and "
        "taken to North Korea by boat.",
    )
    assert lured["place"] == "Niigata Prefecture" and lured["country"] == "JP"
    text = (
        "Eva Lind was studying in Stockholm when, in 1981, she was offered work in Oslo and "
        "then taken from there to Pyongyang. Her parents heard nothing from her for years.\n\n"
        "The agent who took her, Pak Su-il, later used a false passport. Police in Vienna "
        "arrested Pak in 1990."
    )
    [taken] = records(extractor, text, published="2020-01-01")  # one act; no arrest
    assert taken["violation"] == "disappearance.abduction"
    assert taken["place"] == "Oslo" and taken["country"] == "NO"
    assert len(taken["evidence"]) == 2
    from kirok.sources.metadata import find_published

    assert find_published("OPINION\n\nA column by our writer. 2 May 2024\n\nText.") == (
        "2024-05-02"
    )
    form = "# A communication\n\n*Submitted 28 February 2022.*\n\n**Date of arrest:** 7 May 2021\n"
    assert find_published(form) == "2022-02-28"  # the arrest's date is no document's
    # a title that names an event before its colon is no field
    assert find_published("Forced return: a briefing -- 12 October 2023\n\nText.") == ("2023-10-12")


def test_camp_birth_a_fatal_beating_and_torture_over_a_fire(extractor: Extractor) -> None:
    # (invented people)
    [born] = records(extractor, "Kang Il-su was born in 1985 inside Camp 16, a prison camp.")
    assert born["violation"] == "detention.prison_camp" and born["date"] == "1985"
    assert born["victims"]["names"] == ["Kang Il-su"] and born["country"] == "KP"
    [killed] = records(
        extractor,
        "In 1991 a guard at the camp school beat a seven-year-old boy so badly that he died.",
    )
    assert killed["violation"] == "life.killing"  # not a beating he lived through
    assert killed["victims"]["age"] == 7
    text = (
        "In May 1997 his father and his sister talked of fleeing. Both were shot a week "
        "later. Before that, guards had hung him from the ceiling and held him over a fire."
    )
    killing, torture = records(extractor, text)
    assert killing["victims"]["count"] == 2  # "Both"
    assert torture["violation"] == "detention.torture"
    # running for the camp's fence is an escape, not a border measure; made to
    # stand in the front row to watch is no torture
    assert records(extractor, "In 2004 two men ran for the electrified fence at night.") == []
    [shot] = records(
        extractor, "In 1996 two men were shot, and he was made to stand in the front row."
    )
    assert shot["violation"] == "life.killing"


def test_not_sent_home_not_allowed_to_leave_and_sent_back_hundreds(extractor: Extractor) -> None:
    # (invented people)
    [kept] = records(
        extractor,
        "In 1953 North Korea did not send him home, and he was kept there for decades.",
    )
    assert kept["violation"] == "detention.arbitrary" and kept["country"] == "KP"
    text = (
        "The plaintiff, Mika Sato, sailed from Niigata in 1961. Once there, she was not "
        "allowed to leave North Korea for thirty-nine years, until she escaped in 2000."
    )
    [restricted] = records(extractor, text)
    assert restricted["violation"] == "movement.restriction"
    assert (restricted["date"], restricted["date_end"]) == ("1961", "2000")  # 2000 - 39
    assert restricted["country"] == "KP"
    [returned] = records(extractor, "In April China sent back about 300 people at once.")
    assert returned["violation"] == "movement.forced_return"
    assert returned["victims"]["count"] == 300
    assert returned["perpetrator"] == "Chinese authorities"
    # deported home to Seoul is no forced return
    assert records(extractor, "In May 2013 the four were deported to Seoul.") == []


def test_a_family_name_that_is_a_city_is_no_place(extractor: Extractor) -> None:
    # (invented people) Kawasaki, Okayama: cities, and family names
    [held] = records(extractor, "In 2001 agents abducted the student Aiko Okayama in Osaka.")
    assert held["victims"]["names"] == ["Aiko Okayama"]
    assert held["place"] == "Osaka"
    [near] = records(extractor, "In 2001 agents abducted a student near Kawasaki.")
    assert near["place"] == "Kawasaki"
    text = (
        "The claimant, Yoko Kawasaki, was twenty when she sailed in 1962. She says she "
        "was promised work. Once there, she was not allowed to leave North Korea."
    )
    [restricted] = records(extractor, text)
    assert restricted["victims"]["names"] == ["Yoko Kawasaki"]  # the "she" told of before
    assert restricted["place"] is None


def test_officers_of_a_foreign_security_service_and_colleagues_held_too(
    extractor: Extractor,
) -> None:
    # (invented people)
    text = (
        "Summary\n\nLee Min-ho, a South Korean aid worker, was arrested in Shenyang on 2 May "
        "2013 by officers of China's state security, together with two colleagues.\n\n"
        "Treatment\n\nSince his release Mr Lee has said that interrogators gave him electric "
        "shocks."
    )
    arrest, torture = records(extractor, text)
    assert arrest["perpetrator"] == "Chinese authorities"
    assert arrest["victims"]["count"] == 3
    assert torture["violation"] == "detention.torture"
    assert torture["victims"]["names"] == ["Lee Min-ho"]
    assert torture["date"] == "2013"  # his arrest's, told just before, over a heading


def test_a_speech_about_one_man_names_him(extractor: Extractor) -> None:
    # (invented people)
    text = (
        "Today we remember Sergeant Pak Do-won. Many of you knew him well. He was "
        "captured in 1951. Two years later North Korea did not send him home."
    )
    [kept] = records(extractor, text, published="2010-05-01")
    assert kept["victims"]["names"] == ["Pak Do-won"]
    assert kept["date"] == "1953"


def test_a_few_days_later_keeps_the_month_and_a_heading_month_is_no_period(
    extractor: Extractor,
) -> None:
    # (invented places' events)
    text = (
        "Training notes\nSpring 2019\n\nHongdo, August 1977\n"
        "- Two boys vanished from the beach at Hongdo.\n\n"
        "Seonyudo, August 1978\n- A boy was taken from a beach on Seonyudo by North Korean "
        "agents in August 1978.\n- A few days later, two more boys disappeared from Hongdo.\n"
    )
    from kirok.sources.metadata import find_period

    assert find_period(text) is None  # a month under "Spring 2019" heads an entry
    found = records(extractor, text, published=None)
    assert [r["date"] for r in found] == ["1977-08", "1978-08", "1978-08"]
    assert found[1]["perpetrator"] == "Government of the DPRK"


def test_a_chat_export_is_dated_by_its_last_message() -> None:
    from kirok.sources.metadata import chat_date, find_published

    chat = (
        "Export of a conversation (invented)\n\n"
        "[03/05/2024, 10:01] Volunteer: Hello, how can we help?\n"
        "[03/05/2024, 10:03] Caller: In April the police took my cousin away.\n"
        "[17/05/2024, 09:00] Volunteer: We have filed the case.\n"
    )
    assert find_published(chat) == "2024-05-17"  # 17 is a day: day first
    assert chat_date(chat.replace("[17/05/2024", "[05/17/2024").replace("[03/05", "[05/03")) == (
        "2024-05-17"
    )
    # whichever way the stamps are read, they stay in order: no date
    assert chat_date("[02/11/2023, 19:04] A: one\n[03/11/2023, 19:05] B: two\n") is None


def test_a_diary_dates_yesterday_by_its_entrys_day(extractor: Extractor) -> None:
    # (an invented diary)
    text = (
        "# Diary\n\n*Published by the Open Ledger Archive (invented) on 30 June 2021.*\n\n"
        "## 14 May 1997\n\nYesterday officials stopped our convoy at the county line and said "
        "the rice would go to the army first.\n\n"
        "## 16 May 1997\n\nA colleague saw police shoot a man in front of the market this "
        "morning.\n"
    )
    from kirok.sources.metadata import find_published

    # the diary's words were written on its first entry's day, before they were published
    assert find_published(text) == "1997-05-14"
    published = "# Notes\n\n*Published by the Open Ledger Archive (invented) on 30 June 2021.*\n"
    assert find_published(published + "\nText.\n") == "2021-06-30"
    convoy, shot = records(extractor, text, published="2021-06-30")
    assert convoy["violation"] == "food.denial" and convoy["date"] == "1997-05-13"
    assert shot["violation"] == "life.execution"  # shot in public, before the market
    assert shot["date"] == "1997-05-16"


def test_a_bodys_line_then_it_and_camps_it_runs(extractor: Extractor) -> None:
    # (invented wording of public findings)
    text = (
        "- **The Ministry of State Security.** It runs the political prison camps.\n"
        "- **The Ministry of People's Security.** Its bureau runs the ordinary prison camps, "
        "where inmates are made to work in mines.\n"
    )
    found = records(extractor, text)
    camps = [r for r in found if r["violation"] == "detention.prison_camp"]
    assert [r["perpetrator"] for r in camps] == [
        "Ministry of State Security",
        "Ministry of Social Security",
    ]
    assert all(r["kind"] == "measure" and r["country"] == "KP" for r in camps)
    [labour] = [r for r in found if r["violation"] == "labor.forced"]
    assert labour["kind"] == "measure"  # what the camps do, not one act


def test_seized_missionaries_us_both_handed_over_and_a_loggers_passport(
    extractor: Extractor,
) -> None:
    # (invented people)
    [seized] = records(extractor, "Pak Il-do and Ri Su-gil were seized in 2015 as well.")
    assert seized["violation"] == "detention.arbitrary" and seized["victims"]["count"] == 2
    assert records(extractor, "Their savings were seized in 2015.") == []
    # seized abroad, as a disappearance tells: one abduction, no arrest besides
    [taken] = records(
        extractor,
        "In 1978 Mika Oda and her mother were seized together near their home in Niigata.",
    )
    assert taken["violation"] == "disappearance.abduction"
    text = (
        "In May 2013 Chinese police stopped our car near Yanji and took us both away. "
        "We were handed over to the North Korean side at Tumen in June 2013."
    )
    held, returned = records(extractor, text)
    assert held["victims"]["count"] == 2  # "us both"
    assert returned["violation"] == "movement.forced_return"
    assert returned["perpetrator"] == "Chinese authorities"  # those who held them
    assert returned["victims"]["count"] == 2  # "we", the two
    [logger] = records(
        extractor,
        "In 2018 a logger told us that his supervisors kept his passport and paid most of "
        "his wages to the state.",
    )
    assert logger["violation"] == "labor.forced"
    assert logger["victims"]["count"] == 1  # the logger who told


def test_subtitles_are_read_as_running_text(tmp_path) -> None:
    from kirok.sources import read_document

    cues = (
        "1\n00:00:01,000 --> 00:00:03,000\n[An invented film]\n\n"
        "2\n00:00:03,500 --> 00:00:06,000\nMI-RAE: In 2010 police arrested\n<i>my brother</i>\n\n"
        "3\n00:00:06,000 --> 00:00:08,000\nat the market in Hyesan.\n\n"
        "4\n00:00:08,500 --> 00:00:10,000\nNARRATOR: He has not been seen since.\n"
    )
    for name in ("film.srt", "film.txt"):  # (subtitles saved as text are subtitles too)
        path = tmp_path / name
        path.write_text(cues, encoding="utf-8")
        document = read_document(path)
        assert document.format == "subtitles"
        assert document.text == (
            "[An invented film]\n\nMI-RAE: In 2010 police arrested my brother at the market in "
            "Hyesan.\n\nNARRATOR: He has not been seen since."
        )


def test_a_list_with_citation_marks_and_a_police_matter_abroad(extractor: Extractor) -> None:
    # (invented wording of public cases; the lurer's arrest is a police matter)
    text = (
        "This list gives cases that two governments count among people taken by the North."
        "[1]\n\nIn June 1985 North Korean patrol boats seized a fishing boat near Baengnyeong "
        "Island and took its nine crew members to the North.[2]\n\n"
        "Sato Ken, a 40-year-old security guard, was taken from a beach at Ushitsu in May 1978.[3] "
        "Japanese police later arrested a man who admitted luring him to the beach.[4]"
    )
    boat, cook = records(extractor, text)
    assert boat["violation"] == "disappearance.abduction" and boat["perpetrator"] == "KPA Navy"
    assert boat["victims"]["count"] == 9
    assert cook["violation"] == "disappearance.abduction" and cook["place"] == "Ushitsu"
    assert cook["victims"]["names"] == ["Sato Ken"]
    assert cook["perpetrator"] is None  # a security guard's job is no state's guard


def test_an_interviews_answers_go_on_past_its_questions(extractor: Extractor) -> None:
    # (an invented interview)
    text = (
        "Q: What happened the second time?\n"
        "A: In the summer of 2001 soldiers caught me near Musan. They beat me.\n\n"
        "Q: Where were you held?\n"
        "A: Four months in the labour training camp at Musan. We built a road all day.\n\n"
        "Q: And your family?\n"
        "A: My sister lost her place at the college because of my record.\n"
    )
    found = records(extractor, text)
    assert [r["violation"] for r in found] == [
        "detention.arbitrary",
        "detention.torture",
        "labor.forced",
        "discrimination",
    ]
    assert found[2]["place"] == "Musan" and len(found[2]["evidence"]) == 2
    # a term the law allows is no one's term served
    assert (
        records(extractor, "Listening to a foreign broadcast can mean years in a labour camp.")
        == []
    )


def test_calls_abroad_punished_and_they_after_a_measure(extractor: Extractor) -> None:
    # (an invented news item)
    text = (
        "Police in Hyesan arrested three women traders in February. One source said the "
        "women were accused of making calls to relatives in South Korea. Such calls can "
        "bring a sentence in a labour camp under a 2020 law. Their families have not been "
        "told where they are being held."
    )
    held, calls, law, gone = records(extractor, text, published="2024-03-10")
    assert held["victims"]["count"] == 3 and held["date"] == "2024-02"
    assert calls["violation"] == law["violation"] == "expression.suppression"
    assert law["kind"] == "measure" and law["perpetrator"] == "Government of the DPRK"
    assert gone["violation"] == "disappearance.enforced"
    assert gone["victims"]["count"] == 3  # "they": the three women, past the law


def test_a_studys_year_and_citations_are_when_it_was_told(extractor: Extractor) -> None:
    # (invented studies)
    text = (
        "Studies of women sent back from China agree on the pattern (Lee 2015; Park and "
        "Choi 2019). A 2021 study of 20 women held at the Onsong holding centre between "
        "2015 and 2017, all of whom said that guards beat them (Yoon 2021, p. 9), is the "
        "most detailed."
    )
    held, beaten = records(extractor, text)  # (the studies' subject tells no act)
    assert held["violation"] == "detention.arbitrary"
    assert beaten["violation"] == "detention.torture"
    assert (beaten["date"], beaten["date_end"]) == ("2015", "2017")  # not 2021
    assert beaten["victims"]["count"] == 20


def test_arrested_after_a_colleague_reported_a_bible_and_a_front_matters_title(
    extractor: Extractor,
) -> None:
    # (an invented person)
    text = (
        "Officers of the Ministry of State Security arrested Mr. Pak at his office in Hamhung "
        "on 3 April 2023, after a colleague reported that he kept a Bible at home."
    )
    found = records(extractor, text)
    assert [r["violation"] for r in found] == ["detention.arbitrary", "expression.suppression"]
    from kirok.sources.metadata import find_title

    post = '---\ntitle: "Notes from the border"\ndate: 2024-05-01\n---\n\nText.\n'
    assert find_title(post) == "Notes from the border"


def test_guards_who_beat_one_prisoner(extractor: Extractor) -> None:
    # (invented)
    [beaten] = records(extractor, "In 2019 guards at the camp beat a prisoner.")
    assert beaten["violation"] == "detention.torture" and beaten["victims"]["count"] == 1
    assert records(extractor, "In 2019 the guards' team beat a prisoner team at football.") == []


def test_a_sentence_to_labour_given_to_each_of_a_group_tried_before_a_crowd(
    extractor: Extractor,
) -> None:
    # (invented)
    text = (
        "On 28 August officers of the state security department detained four students in "
        "Hoeryong. Last Thursday the four were tried in front of about a thousand people at "
        "the sports ground. Each of them was given ten years of reform through labour for "
        'spreading "enemy" films.'
    )
    held, labour, punished = records(extractor, text, published="2024-09-17")
    assert held["perpetrator"] == "Ministry of State Security"  # not "the state"
    assert (labour["violation"], punished["violation"]) == (
        "labor.forced",
        "expression.suppression",
    )
    assert labour["date"] == "2024-09-12"
    assert labour["victims"]["count"] == 4  # the four, not the crowd
    [sentenced] = records(extractor, "In 2010 a court sentences him to eight years of hard labour.")
    assert sentenced["violation"] == "labor.forced"


def test_held_and_questioned_at_a_centre_made_to_work_at_a_plant_and_kept_in_a_town(
    extractor: Extractor,
) -> None:
    # (an invented woman and an invented man)
    text = (
        "In April 2011 Chinese police held her for three weeks in the city's detention centre "
        "in Yanji. In May 2011 she was questioned by the state security department at its "
        "holding centre in Onsong."
    )
    held, questioned = records(extractor, text)
    assert (held["violation"], held["place"], held["country"]) == (
        "detention.arbitrary",
        "Yanji",
        "CN",
    )
    assert questioned["violation"] == "detention.arbitrary"
    assert questioned["perpetrator"] == "Ministry of State Security"
    text = (
        "He wrote that since 1975 he had been made to gut fish at a processing plant in Nampo "
        "and that he was not allowed to leave the town."
    )
    assert {r["violation"] for r in records(extractor, text)} == {
        "labor.forced",
        "movement.restriction",
    }


def test_prisoners_made_to_dig_and_prisoners_who_died_and_a_return_across_the_yalu(
    extractor: Extractor,
) -> None:
    # (invented)
    [dug] = records(extractor, "In 2011 the prisoners dug copper ore from before dawn.")
    assert dug["violation"] == "labor.forced"
    [died] = records(
        extractor, "In 2012 she saw the bodies of prisoners who had died of hunger carried out."
    )
    assert died["violation"] == "life.death_in_custody"
    text = (
        "Two sisters were arrested by Chinese police in Shenyang in April 2022. Both were sent "
        "back across the Yalu at Dandong three weeks later."
    )
    _, returned = records(extractor, text)
    assert returned["violation"] == "movement.forced_return"
    assert (returned["place"], returned["victims"]["count"]) == ("Dandong", 2)


def test_fire_opened_on_a_boat_is_no_killing_unless_someone_is_killed(
    extractor: Extractor,
) -> None:
    # (an invented boat)
    text = (
        "On 12 June 1974 two North Korean patrol boats opened fire on the Haesong 7 as it "
        "fished, then towed it north with its nine crew on board."
    )
    [seized] = records(extractor, text)
    assert seized["violation"] == "disappearance.abduction"
    assert (seized["perpetrator"], seized["victims"]["count"]) == ("KPA Navy", 9)
    text = "In 1987 North Korean patrol boats opened fire on a fishing boat and killed two men."
    [killed] = records(extractor, text)  # (the fire they opened is no fire that kills)
    assert killed["violation"] == "life.killing" and killed["victims"]["count"] == 2
    text = "In 2003 a fire on a fishing boat killed two men."
    assert records(extractor, text) == []


def test_her_and_eleven_others_and_the_interrogators_of_those_who_held_her(
    extractor: Extractor,
) -> None:
    # (an invented woman)
    text = (
        "In April 2011 Chinese police drove her and eleven other North Korean women to the "
        "bridge at Tumen and handed them over to the North Korean side."
    )
    [returned] = records(extractor, text)
    assert returned["victims"]["count"] == 12
    text = (
        "In 2011 she was questioned by the state security department at its holding centre "
        "in Onsong. Interrogators kicked her whenever she said she had not met South Koreans "
        "or gone to church in China."
    )
    _, kicked = records(extractor, text)
    assert kicked["violation"] == "detention.torture"
    assert kicked["perpetrator"] == "Ministry of State Security"  # not a camp's guards
    # what she said she had not done: not whom she met, nor where she was kicked
    assert (kicked["victims"]["nationality"], kicked["country"]) == ("KP", "KP")
    assert kicked["victims"]["count"] == 1


def test_no_word_of_him_since_his_arrest_and_the_prisoners_of_the_camp_told_before(
    extractor: Extractor,
) -> None:
    # (invented people)
    text = (
        "Mr Pyo was taken from his flat in Chongjin by state security officers on 9 November "
        "2021. His wife has had no word of him since."
    )
    _, gone = records(extractor, text, published="2023-03-15")
    assert gone["violation"] == "disappearance.enforced"
    assert (gone["date"], gone["perpetrator"]) == ("2021-11-09", "Ministry of State Security")
    text = (
        "In the summer of 2011 she was sent to the reform camp at Jongori. The prisoners dug "
        "copper ore from before dawn. In the winter of 2012 she saw the bodies of prisoners "
        "who had died of hunger carried out."
    )
    _, dug, died = records(extractor, text)
    assert (dug["violation"], died["violation"]) == ("labor.forced", "life.death_in_custody")
    assert "Jongori" in dug["place"] and "Jongori" in died["place"]
    assert (dug["date"], died["date"]) == ("2011", "2012")


def test_patrol_boats_that_seize_a_boat_and_its_crew(extractor: Extractor) -> None:
    # (invented boats)
    text = "In 1987 North Korean patrol boats seized a South Korean trawler and its twelve crew."
    [seized] = records(extractor, text)
    assert seized["violation"] == "disappearance.abduction"
    assert seized["perpetrator"] == "KPA Navy"
    assert seized["victims"]["count"] == 12
    assert seized["victims"]["nationality"] == "KR"  # the boat's crew, not the North's people
    text = (
        "In 1990 North Korean patrol boats seized a Chinese fishing boat with its 14 crew members."
    )
    [seized] = records(extractor, text)
    assert seized["victims"]["nationality"] == "CN"
    text = (
        "In 1987 North Korean patrol boats seized the fishing boat Haenam No. 3 and took its "
        "eight crew to the North."
    )
    [seized] = records(extractor, text)
    assert seized["victims"]["names"] == [] and seized["victims"]["count"] == 8


def test_the_women_told_of_again_are_the_women_arrested_before(extractor: Extractor) -> None:
    # (invented)
    text = (
        "Police in Hyesan arrested three women traders in February after finding Chinese "
        "phones in their homes. One source said the women were accused of making calls to "
        "relatives in South Korea."
    )
    arrested, accused = records(extractor, text, published="2024-03-12")
    assert accused["violation"] == "expression.suppression"
    assert accused["victims"]["count"] == 3 and accused["victims"]["sex"] == "female"
    assert (accused["date"], accused["place"], accused["country"]) == ("2024-02", "Hyesan", "KP")
    assert accused["perpetrator"] == arrested["perpetrator"] == "Ministry of Social Security"
    # where relatives are called is where they are, not where the call was punished
    from kirok.extraction.places import classify_locative

    sent = "He sent money to his brother in Seoul."
    assert classify_locative(sent, sent.index("Seoul"), "city") is False
    held = "He was held in a camp in Hoeryong."
    assert classify_locative(held, held.index("Hoeryong"), "county") is True


def test_words_broken_over_lines_by_a_scan_are_read_whole(extractor: Extractor) -> None:
    # (an invented family; lines as a typed page wraps them)
    text = (
        "Our brother Choi Yong-han, a teacher of mathematics at a middle\n"
        "school in Kimchaek, was arrested by officers of the State Secu-\n"
        "rity Department at the school on 3 March 1995, in front of his\n"
        "pupils. In April 1995 his wife and their two sons were taken from\n"
        "their flat in the night and sent to the political prison camp at Yo-\n"
        "dok. Of our brother himself we have heard nothing since the day of\n"
        "his arrest. The authorities have never said where he is held.\n"
    )
    found = records(extractor, text, published="1996-05-20")
    arrested = found[0]
    assert arrested["perpetrator"] == "Ministry of State Security"
    assert arrested["victims"]["names"] == ["Choi Yong-han"]
    assert "Secu-\nrity" in arrested["evidence"][0]["text"]  # (the document's own words)
    camp = next(r for r in found if r["violation"] == "detention.prison_camp")
    assert camp["place"].startswith("Yodok") and camp["victims"]["count"] == 3
    [gone] = [r for r in found if r["violation"] == "disappearance.enforced"]
    assert gone["victims"]["names"] == ["Choi Yong-han"] and gone["date"] == "1995-03-03"
    assert len(gone["evidence"]) == 2  # (the second sentence tells it again)
    from kirok.extraction.pipeline import reading_view

    # a Korean given name keeps its hyphen when the text writes it so elsewhere
    view = reading_view("CHOI YONG-HAN\n\nOur brother Choi Yong-\nhan was taken.")
    assert "Choi Yong-han " in view and len(view) == len(
        "CHOI YONG-HAN\n\nOur brother Choi Yong-\nhan was taken."
    )


def test_practices_told_by_a_committee_and_a_briefing_are_measures(extractor: Extractor) -> None:
    # (invented wording)
    text = (
        "The Committee remains deeply concerned that public executions continue to be "
        "carried out, including of people who watched or shared foreign films."
    )
    kinds = {r["violation"]: r["kind"] for r in records(extractor, text)}
    assert kinds == {"life.execution": "measure", "expression.suppression": "measure"}
    text = (
        "The Committee notes with concern that relatives of people who left the country "
        "are questioned, watched and sometimes banished to remote villages."
    )
    [banished] = records(extractor, text)
    assert (banished["violation"], banished["kind"]) == ("movement.restriction", "measure")
    text = (
        "The Committee is concerned about reports that persons with disabilities have been "
        "moved out of Pyongyang and other large cities."
    )
    # (and, since 2026-12-08, the forced move out of the capital as well)
    assert sorted(r["violation"] for r in records(extractor, text)) == [
        "discrimination",
        "movement.restriction",
    ]
    text = (
        "Every spring, secondary-school pupils in North Korea are mobilised for weeks of "
        "rice planting and weeding on collective farms, without pay."
    )
    [planting] = records(extractor, text)
    assert (planting["violation"], planting["kind"]) == ("labor.forced", "measure")
    text = "In May 2019 their classes in Hyesan were sent for a month to farms in Kimjongsuk."
    [farms] = records(extractor, text)
    assert (farms["violation"], farms["kind"], farms["date"]) == (
        "labor.forced",
        "incident",
        "2019-05",
    )
    text = "They are held at the city's border police station, three people in Changbai were told."
    assert all(r["kind"] == "incident" for r in records(extractor, text))  # ("they": some)


def test_one_named_after_and_another_american_and_who_sends_people_back(
    extractor: Extractor,
) -> None:
    # (invented news wording about public cases)
    text = (
        "North Korea said on Sunday that it had detained an American citizen who worked at a "
        "university in Pyongyang. The state news agency named him as Kim Hak-song and said he "
        "had been taken into custody on Saturday. Another American who taught at the "
        "university, Kim Sang-duk, was arrested at the airport on 22 April."
    )
    first, second = records(extractor, text, published="2017-05-08")
    assert first["victims"]["names"] == ["Kim Hak-song"] and len(first["evidence"]) == 2
    assert (first["date"], first["victims"]["nationality"]) == ("2017-05-06", "US")
    assert second["victims"]["nationality"] == "US"
    text = (
        "Groups say that on 9 October about 600 North Koreans held in Jilin were put on "
        "buses and sent back across the border."
    )
    [returned] = records(extractor, text, published="2023-10-12")
    assert returned["perpetrator"] == "Chinese authorities"
    text = "In 2021 a worker in Vladivostok was beaten by the minder and sent back to North Korea."
    returned = next(
        r for r in records(extractor, text) if r["violation"] == "movement.forced_return"
    )
    assert returned["perpetrator"] is None  # (not Russia's: the minder sent him)


def test_a_tables_rows_under_a_column_that_names_the_act(extractor: Extractor) -> None:
    # (invented reports)
    text = (
        "Public executions reported to us in 2023\n\n"
        "| Date | Place | People executed | Reason given at the trial |\n"
        "|---|---|---|---|\n"
        "| 14 February 2023 | Hyesan | 2 | Selling South Korean films on USB sticks |\n"
        "| 3 May 2023 | Chongjin | 1 | Killing a cow belonging to a collective farm |\n"
        "| 9 June 2023 | Musan | none | A rumour we could not confirm |\n"
    )
    found = records(extractor, text, published="2024-01-10")
    assert [(r["violation"], r["date"], r["place"], r["victims"]["count"]) for r in found] == [
        ("life.execution", "2023-02-14", "Hyesan", 2),
        ("expression.suppression", "2023-02-14", "Hyesan", 2),
        ("life.execution", "2023-05-03", "Chongjin", 1),
    ]
    assert all(r["evidence"][0]["text"].startswith("| ") for r in found)


def test_what_one_told_of_her_father_and_who_people_are(extractor: Extractor) -> None:
    # (invented; a paper written in Seoul)
    text = (
        "Few people have reached South Korea from the North since 2020, and those who do "
        "often have relatives who were arrested or sent away. One woman we met in Seoul told "
        "us that her father was arrested by state security officers in Hoeryong in March "
        "2021. The family has not been told where he is."
    )
    arrested, gone = records(extractor, text, published="2025-02-03")
    assert arrested["violation"] == "detention.arbitrary"
    assert (arrested["victims"]["sex"], arrested["victims"]["nationality"]) == ("male", "KP")
    assert gone["violation"] == "disappearance.enforced"
    assert gone["perpetrator"] == "Ministry of State Security"
    from kirok.extraction.victims import find_victims

    said = "Since the border closed in 2020, very few people have reached South Korea."
    assert all(v.count != 2020 for v in find_victims(said, 0, []))  # (a year, not a count)


def test_a_sentence_under_the_reactionary_ideology_law_and_the_maritime_police(
    extractor: Extractor,
) -> None:
    # (invented people)
    text = (
        "In July 2021 a court in Hamhung sentenced him to eight years of reform through "
        "labour under the law on rejecting reactionary ideology and culture."
    )
    assert {r["violation"] for r in records(extractor, text)} == {
        "labor.forced",
        "expression.suppression",
    }
    text = (
        "On 12 June 2023 Mr Han, a fisherman, was detained by the maritime police of the "
        "Ministry of Social Security in Rason."
    )
    [held] = records(extractor, text)
    assert held["perpetrator"] == "Ministry of Social Security"


def test_months_under_a_list_item_of_their_year_and_a_family_sent_away(
    extractor: Extractor,
) -> None:
    # (an invented family; the document's own date is later)
    text = (
        "What happened to the family\n\n"
        "- 2018\n"
        "  - March: Mr Yoon Dae-ho is arrested by state security officers in Sinuiju.\n"
        "  - April: his wife and daughter are sent to live on a cooperative farm in a mountain "
        "county.\n"
        "- 2019\n"
        "  - August: the daughter, then 17, is refused a place at the teachers' college "
        "because of her father's case.\n"
    )
    found = records(extractor, text, published="2023-05-02")
    assert [(r["violation"], r["date"]) for r in found] == [
        ("detention.arbitrary", "2018-03"),
        ("movement.restriction", "2018-04"),
        ("discrimination", "2019-08"),
    ]


def test_a_decision_told_to_a_mother_and_things_taken_away(extractor: Extractor) -> None:
    # (invented)
    text = (
        "Kim Seol-hee was arrested by police in Hyesan on the 5th of March 2022. The following "
        "Tuesday, officers searched her mother's house and took away a radio. Her mother was "
        "told on the 14th that Seol-hee would be sent to a labour training camp."
    )
    found = records(extractor, text, published="2022-03-21")
    assert [r["violation"] for r in found] == ["detention.arbitrary", "labor.forced"]
    assert found[1]["victims"]["names"] == ["Kim Seol-hee"]  # (not her mother, who was told)
    assert records(extractor, "If she is caught, she would be sent to a labour camp.") == []
    text = (
        "In 2019 she was held at the centre. A woman in my cell was pregnant, and one morning "
        "the guards took her away and she came back without the baby."
    )
    assert [r["violation"] for r in records(extractor, text)][-1:] == ["sexual_violence"]
    from kirok.sources.metadata import find_published

    assert find_published("STATEMENT\n\nIssued on the 21st of March 2022\n\nText.") == "2022-03-21"
    notes = "Notes\n\nDate of call: 9 November 2023. Invented notes for the tests.\n\nText."
    assert find_published(notes) == "2023-11-09"


def test_an_answer_that_opens_with_its_year_and_a_list_of_relatives(extractor: Extractor) -> None:
    # (invented)
    text = (
        "Q: When was your uncle taken?\n\n"
        "A: In the winter of 2017. Officers came to his flat in Musan one morning in December "
        "and took him away, because he had been lending out memory cards with South Korean "
        "films on them.\n\n"
        "Q: And the others?\n\n"
        "A: Later my aunt, my brother-in-law and their three sons were driven out of Musan and "
        "resettled to a village in Yonsa County."
    )
    found = records(extractor, text, published="2024-10-21")
    assert [(r["violation"], r["date"]) for r in found[:2]] == [
        ("expression.suppression", "2017-12"),
        ("detention.arbitrary", "2017-12"),
    ]
    moved = found[2]
    assert moved["violation"] == "movement.restriction"
    assert (moved["place"], moved["victims"]["count"]) == ("Yonsa", 5)


def test_a_sentence_and_what_follows_it_share_their_victim(extractor: Extractor) -> None:
    # (invented)
    text = "He was given eight years of reform through labour and sent to the Jongori camp."
    found = records(extractor, text)
    camp = next(r for r in found if r["violation"] == "detention.prison_camp")
    assert camp["victims"]["count"] == 1 and camp["victims"]["sex"] == "male"


def test_a_call_to_kin_abroad_and_the_sex_of_the_one_named(extractor: Extractor) -> None:
    # (invented)
    text = (
        "Ri Chol-ho (invented), detained in February for making a call to his cousin in Seoul, "
        "was freed in May."
    )
    found = records(extractor, text, published="2024-06-01")
    assert [r["violation"] for r in found] == ["detention.arbitrary", "expression.suppression"]
    for record in found:
        assert record["place"] is None  # (not Seoul, where the cousin is)
        assert record["victims"]["sex"] == "male"


def test_a_section_heading_that_names_a_place_and_names_after_what_they_are(
    extractor: Extractor,
) -> None:
    # (invented)
    text = (
        "Weekly updates (invented)\n\n"
        "Onsong: two brokers held\n\n"
        "A source in Onsong said on Wednesday that police had detained two men brokers, Pak "
        "Il-nam and Choe Song-jin (invented), at the station on Tuesday.\n"
    )
    found = records(extractor, text, published="2024-03-15")
    assert len(found) == 1
    assert found[0]["place"] == "Onsong"
    assert found[0]["victims"]["names"] == ["Pak Il-nam", "Choe Song-jin"]


def test_a_boat_seized_by_patrol_vessels_and_the_open_sea(extractor: Extractor) -> None:
    # (invented)
    text = (
        "A fisherman from Sokcho who was taken to the North in 1972 has come home. Kim Tae-su "
        "(invented) was one of the crew of a trawler that North Korean patrol vessels seized "
        "in the East Sea in May 1972."
    )
    found = records(extractor, text, published="2006-05-01")
    assert len(found) == 1
    seized = found[0]
    assert (seized["violation"], seized["date"]) == ("disappearance.abduction", "1972-05")
    assert (seized["place"], seized["country"]) == ("Sea of Japan", None)
    assert seized["perpetrator"] == "KPA Navy"
    counted = (
        "The ministry counts more than 300 South Koreans who were seized by the North after "
        "the 1953 armistice and have never come back."
    )
    (many,) = records(extractor, counted, published="2006-05-01")
    assert (many["violation"], many["date"], many["perpetrator"]) == (
        "disappearance.abduction",
        None,
        None,
    )


def test_topics_tasks_laws_named_for_cities_and_imports(extractor: Extractor) -> None:
    # (invented)
    plan = (
        "- How the detention of people caught at the border is documented.\n"
        "- Exercise: read two testimonies and mark who was arrested and when.\n"
    )
    assert records(extractor, plan) == []
    law = "In March 2023 the assembly adopted the Pyongyang Dialect Act, which bans South Korean slang."
    (measure,) = records(extractor, law)
    assert measure["place"] is None and measure["kind"] == "measure"
    imports = "Imports of grain from China all but stopped in 2021."
    assert [r["violation"] for r in records(extractor, imports)] == ["food.denial"]


def test_a_form_whose_circumstances_are_told_under_blocks_of_fields(extractor: Extractor) -> None:
    # (invented)
    text = (
        "COMMUNICATION ON A DISAPPEARANCE\n"
        "Date of submission: 2 June 2022\n\n"
        "1. THE PERSON\n"
        "Family name: YUN\n"
        "First name: Dae-sik\n"
        "Date of birth: 9 July 1965\n\n"
        "2. THE ARREST\n"
        "Date: 3 April 2022\n"
        "Place: his house in Kanggye\n"
        "Forces believed responsible: Ministry of State Security\n\n"
        "3. CIRCUMSTANCES\n"
        "Three men in plain clothes took Mr Yun from his house at night.\n\n"
        "4. SINCE THEN\n"
        "His family has heard nothing of him since.\n"
    )
    found = records(extractor, text, published="2022-06-02")
    assert [r["violation"] for r in found] == ["detention.arbitrary", "disappearance.enforced"]
    for record in found:
        assert record["date"] == "2022-04-03"  # (not the birth date, nor the submission's)
        assert (record["place"], record["country"]) == ("Kanggye", "KP")
        assert record["perpetrator"] == "Ministry of State Security"
        assert record["victims"]["names"] == ["Yun Dae-sik"]
    # a transcript's header of a date and a place is no form of an act
    transcript = (
        "Press conference\n"
        "Date: 3 May 2024\n"
        "Place: Seoul\n\n"
        "Opening remarks\n"
        "Guards beat a man at the border, the speaker said.\n"
    )
    (beaten,) = records(extractor, transcript, published="2024-05-03")
    assert beaten["place"] is None and beaten["date"] is None


def test_handed_over_at_the_bridge_and_questioned_for_days(extractor: Extractor) -> None:
    # (invented)
    text = (
        "Chinese police caught her in Yanji in May 2018 and held her for three weeks in a "
        "detention centre in Tumen City before handing her over at the bridge. Back across "
        "the river, State Security officers at the Onsong holding centre questioned her for "
        "twelve days."
    )
    found = records(extractor, text)
    returned = next(r for r in found if r["violation"] == "movement.forced_return")
    assert returned["place"] == "Tumen City"  # (where she was sent back from, not Yanji)
    assert returned["perpetrator"] == "Chinese authorities"
    held = [r for r in found if r["violation"] == "detention.arbitrary" and r["place"] == "Onsong"]
    assert len(held) == 1 and held[0]["perpetrator"] == "Ministry of State Security"


def test_a_reeducation_camp_spelt_with_a_hyphen_and_one_of_a_group_who_died(
    extractor: Extractor,
) -> None:
    # (invented)
    text = (
        "In 2017 she was sent to the Jongo-ri reeducation camp, where she was made to work in "
        "a copper mine. She remembers a woman from her work team at the camp who died of "
        "typhus that winter after the guards refused to let her see a doctor."
    )
    found = records(extractor, text)
    assert {r["place"] for r in found} == {"Jongori camp (Kyohwaso No. 12)"}
    assert all("Jongo-ri" not in r["victims"]["names"] for r in found)
    died = next(r for r in found if r["violation"] == "life.death_in_custody")
    assert died["victims"]["count"] == 1 and died["victims"]["sex"] == "female"


def test_lured_abroad_and_counted_in_the_sentence_before(extractor: Extractor) -> None:
    # (invented)
    text = (
        "In 1979 three young Thai women answered an offer of work in Hong Kong. Men who said "
        "they ran a hotel flew them out of Bangkok, and the women found themselves in "
        "Pyongyang instead."
    )
    (record,) = records(extractor, text)
    assert record["violation"] == "disappearance.abduction"
    assert (record["place"], record["country"]) == ("Bangkok", "TH")
    assert record["victims"]["count"] == 3
    assert record["victims"]["nationality"] == "TH"
    assert record["date"] == "1979"


def test_a_camp_that_holds_so_many_and_what_prisoners_are_made_to_do(
    extractor: Extractor,
) -> None:
    # (invented)
    text = (
        "Camp 15 lies in a valley of Yodok County.\n\n"
        "Researchers who study satellite images of the camp estimate that the State Security "
        "ministry holds about 30,000 people there. Prisoners are made to work in the camp's "
        "mines and fields."
    )
    held, worked = records(extractor, text)
    assert (held["violation"], held["kind"]) == ("detention.prison_camp", "measure")
    assert held["victims"]["count"] == 30000
    assert held["perpetrator"] == "Ministry of State Security"
    assert held["place"] == "Yodok camp (Kwanliso No. 15)"
    assert (worked["violation"], worked["kind"]) == ("labor.forced", "measure")
    assert worked["place"] == held["place"]


def test_a_reports_counts_of_its_cases_in_the_period_its_title_names(
    extractor: Extractor,
) -> None:
    # (invented)
    text = (
        "Quarterly report to members, April to June 2023\n\n"
        "Nine of the new cases were forced returns of North Koreans from China.\n\n"
        "Five were arrests inside North Korea of people caught with Chinese phones in Musan.\n\n"
        "In May police detained a trader in Hyesan."
    )
    returned, arrested, brother = records(extractor, text, published="2023-07-10")
    assert returned["violation"] == "movement.forced_return"
    assert returned["victims"]["count"] == 9 and returned["victims"]["nationality"] == "KP"
    assert arrested["violation"] == "detention.arbitrary"
    assert (arrested["victims"]["count"], arrested["place"]) == (5, "Musan")
    for record in (returned, arrested):
        assert (record["date"], record["date_end"]) == ("2023-04", "2023-06")
    assert (brother["date"], brother["date_end"]) == ("2023-05", None)  # (its own date)
    # a title that is no report's keeps its years to itself
    life = "Kim Pil-su, 1941 to 2020\n\nPolice detained him in Hyesan."
    (detained,) = records(extractor, life, published="2020-07-10")
    assert detained["date"] is None


def test_an_act_in_a_clause_on_a_place(extractor: Extractor) -> None:
    # (invented)
    text = (
        "That winter he was taken to Yodok, where he was made to work in a mine, and his wife "
        "was sent to a farm."
    )
    found = {r["violation"]: r for r in records(extractor, text, published="1990-01-01")}
    assert found["labor.forced"]["place"] == "Yodok"


def test_a_fields_later_sentences_take_the_forms_fields(extractor: Extractor) -> None:
    # (invented)
    text = (
        "**Date of arrest:** 2 March 2021\n\n"
        "**Place of arrest:** the market in Hyesan\n\n"
        "**Forces believed responsible:** Ministry of State Security\n\n"
        "**Circumstances:** Two officers took Mrs Pak from her stall at noon. Since then "
        "the family has received no word of where she is held.\n"
    )
    found = records(extractor, text, published="2021-06-01")
    assert [r["violation"] for r in found] == ["detention.arbitrary", "disappearance.enforced"]
    for record in found:
        assert (record["date"], record["place"]) == ("2021-03-02", "Hyesan")
        assert record["perpetrator"] == "Ministry of State Security"


def test_a_persons_story_goes_on_past_the_act_told_just_before(extractor: Extractor) -> None:
    # (invented)
    text = (
        "## Arrest\n\n"
        "In April 2012 Chinese police arrested Ms Han at a bus station in Yanji. They then "
        "drove her and nine other women to the bridge at Tumen and handed them over to the "
        "North Korean side.\n\n"
        "## Questioning\n\n"
        "For a month she was questioned by the state security department at its holding "
        "centre in Onsong.\n"
    )
    found = records(extractor, text, published="2016-06-01")
    questioned = next(r for r in found if r["place"] == "Onsong")
    assert questioned["violation"] == "detention.arbitrary"
    assert questioned["date"] == "2012"  # (the year of her story, no more)


def test_a_notebooks_entries_under_their_days(extractor: Extractor) -> None:
    # (invented)
    text = (
        "NOTEBOOK (invented)\n"
        "Typed up 20 May 2024 from handwritten notes.\n\n"
        "14/5 - Yanji. Met a contact. Says police searched a flat on Sunday night,\n"
        "took 4 NK women and the owner.\n\n"
        "16/5 - Tumen. The 4 women sent back over the bridge this morning.\n\n"
        "17/5 - call w/ Musan source. Says 3 students caught watching SK dramas, sent to\n"
        "labour training unit.\n"
    )
    found = records(extractor, text, published="2024-05-20")
    by_violation = {r["violation"]: r for r in found}
    held = by_violation["detention.arbitrary"]
    assert (held["date"], held["place"], held["perpetrator"]) == (
        "2024-05-12",  # the Sunday before the entry's day, not before the notes were typed
        "Yanji",
        "Chinese authorities",
    )
    returned = by_violation["movement.forced_return"]
    assert (returned["date"], returned["place"]) == ("2024-05-16", "Tumen City")
    for violation in ("expression.suppression", "labor.forced"):
        assert (by_violation[violation]["date"], by_violation[violation]["place"]) == (
            "2024-05-17",
            "Musan",
        )


def test_a_hijacking_told_without_the_word_and_the_other_eight(extractor: Extractor) -> None:
    # (invented)
    text = (
        "On the morning of 3 May 1961, a small airliner left Gangneung for Seoul with twenty\n"
        "people aboard. Over the hills, agents working for North Korea forced the pilots to\n"
        "turn north. Twelve came home a month later. The other eight, the crew among them, never "
        "returned."
    )
    found = records(extractor, text, published="2024-01-01")
    taken = next(r for r in found if r["violation"] == "disappearance.abduction")
    assert (taken["date"], taken["perpetrator"]) == ("1961-05-03", "Government of the DPRK")
    gone = next(r for r in found if r["violation"] == "disappearance.enforced")
    assert gone["victims"]["count"] == 8


def test_a_case_pages_definition_list_and_what_its_cases_tell(
    extractor: Extractor, tmp_path: Path
) -> None:
    # (invented)
    page = tmp_path / "tracker.html"
    page.write_text(
        "<html><head><title>Cases</title></head><body><main><h1>Cases we follow</h1>"
        "<p>Updated 20 May 2025. Invented people.</p><article><h2>Pak Chol-su</h2>"
        "<dl><dt>Detained since</dt><dd>9 January 2025</dd>"
        "<dt>Where</dt><dd>the detention centre in Hamhung</dd></dl>"
        "<p>State Security officers arrested Mr Pak at his workplace after a colleague "
        "reported him.</p></article><article><h2>Kim Sun-ok</h2>"
        "<p>Chinese police detained Ms Kim in Dandong in January and returned her to North "
        "Korea a month later.</p></article><article><h2>Choe Il</h2>"
        "<p>Mr Choe was freed after serving a year of labour training.</p></article>"
        "</main></body></html>",
        encoding="utf-8",
    )
    document = read_document(page)
    assert "Detained since: 9 January 2025" in document.text
    found = [r.to_dict() for r in extractor.extract(document).records]
    arrested = found[0]
    assert (arrested["date"], arrested["place"]) == ("2025-01-09", "Hamhung")
    assert [r["violation"] for r in found[1:]] == [
        "detention.arbitrary",
        "movement.forced_return",
        "labor.forced",
    ]
    assert found[2]["date"] == "2025-02"


def test_a_record_table_of_two_columns_dates_and_places_its_story(extractor: Extractor) -> None:
    # (invented)
    text = (
        "# Loss record 12: a patrol plane\n\n"
        "| Field | Entry |\n|---|---|\n| Date | Friday 3 May 1963 |\n"
        "| Location | Yellow Sea, off the west coast |\n| Aboard | 9 |\n| Killed | 9 |\n\n"
        "## What happened\n\n"
        "Two North Korean fighters came up behind the plane in the afternoon and opened "
        "fire. It went into the sea and all 9 Americans aboard lost their lives.\n"
    )
    [record] = records(extractor, text, published=None)
    assert record["violation"] == "life.killing"
    assert (record["date"], record["place"]) == ("1963-05-03", "Yellow Sea")
    assert record["perpetrator"] == "Korean People's Army"
    assert (record["victims"]["count"], record["victims"]["nationality"]) == (9, "US")
    assert len(record["evidence"]) == 2


def test_lost_their_lives_to_a_storm_is_no_killing(extractor: Extractor) -> None:
    assert records(extractor, "Eleven fishermen lost their lives in a storm off Sinpho.") == []
    assert records(extractor, "Thousands lost their lives during the famine.") == []


def test_a_wires_alerts_each_a_line_under_the_time_it_was_sent(extractor: Extractor) -> None:
    # (invented)
    text = (
        "ALERTS: NORTH KOREA / DETAINED AMERICAN\n\n"
        "3 Mar 2019 07:14 KST  URGENT - North Korea says it is holding an American\n"
        "3 Mar 2019 07:33 KST  KCNA: Tom Rivers was caught on 14 February after crossing the "
        "border from China\n"
        "3 Mar 2019 09:02 KST  North Korea to deport detained American\n"
    )
    [record] = records(extractor, text, published=None)
    assert record["violation"] == "detention.arbitrary"
    # the day he was caught, from the day the alert was sent; not that day itself
    assert record["date"] == "2019-02-14"
    assert record["country"] == "KP"
    assert record["victims"]["names"] == ["Tom Rivers"]


def test_a_date_before_and_belongs_to_the_act_before_it(extractor: Extractor) -> None:
    # (invented)
    found = records(
        extractor,
        "Chinese police arrested Ri Sun-hui in Helong on 3 March 2025 and sent her back "
        "across the Tumen River on 20 April.",
        published="2025-07-01",
    )
    dates = {r["violation"]: (r["date"], r["date_end"]) for r in found}
    assert dates == {
        "detention.arbitrary": ("2025-03-03", None),
        "movement.forced_return": ("2025-04-20", None),
    }


def test_an_aside_in_brackets_neither_negates_nor_counts(extractor: Extractor) -> None:
    # (invented)
    text = (
        "- Case 19: a 34-year-old man (his family asked that he not be named)\n"
        "  was held at the police station in Onsong for eight days in February 2025.\n"
    )
    [record] = records(extractor, text, published="2025-07-01")
    assert record["violation"] == "detention.arbitrary"
    assert (record["victims"]["count"], record["victims"]["age"]) == (1, 34)
    assert (record["date"], record["place"]) == ("2025-02", "Onsong")


def test_caught_somewhere_is_an_arrest_and_the_story_places_a_sentence(
    extractor: Extractor,
) -> None:
    # (invented)
    text = (
        "Seoul's ministry said the sentence was unacceptable. The Supreme Court tried "
        "Pak Chol-jin, a pastor from South Korea, on Friday and sentenced him to hard "
        "labour for life. He was caught in Pyongyang last October, the South said."
    )
    found = records(extractor, text, published="2014-06-01")
    by_violation = {r["violation"]: r for r in found}
    caught = by_violation["detention.arbitrary"]
    assert (caught["date"], caught["place"], caught["country"]) == ("2013-10", "Pyongyang", "KP")
    sentenced = by_violation["labor.forced"]
    assert (sentenced["date"], sentenced["country"]) == ("2014-05-30", "KP")
    assert records(extractor, "The fishermen were caught in a storm off Sinpho.") == []


def test_a_crew_seized_and_handed_over_for_investigation(extractor: Extractor) -> None:
    # (invented)
    text = (
        "On 2 August a fishing boat strayed into the territorial waters of the DPRK in "
        "the East Sea. A patrol boat of the navy of the Korean People's Army seized the "
        "vessel and its five crew members, who were handed over to the relevant organ for "
        "investigation."
    )
    found = records(extractor, text, published="2011-09-01")
    assert {r["violation"] for r in found} == {"disappearance.abduction", "detention.arbitrary"}
    for record in found:
        assert (record["date"], record["country"]) == ("2011-08-02", "KP")
        assert record["perpetrator"] == "KPA Navy"
        assert record["victims"]["count"] == 5


def test_held_before_being_sent_back_and_no_news_since_a_meeting(extractor: Extractor) -> None:
    # (invented)
    found = records(
        extractor,
        "| 3 | Two brothers from Musan: sent back from China by Chinese border police on "
        "2 May after being held in Tumen for three weeks. | JH to follow up |",
        published="2024-05-14",
    )
    held = next(r for r in found if r["violation"] == "detention.arbitrary")
    assert (held["country"], held["perpetrator"]) == ("CN", "Chinese authorities")
    assert (held["victims"]["count"], held["victims"]["nationality"]) == (2, "KP")
    assert records(extractor, "Kang Jin-su, 45: no news since the last meeting.") == []
    [gone] = records(extractor, "Kang Jin-su, 45: his family has had no news since May.")
    assert gone["violation"] == "disappearance.enforced"


def test_a_tables_counting_column_counts_its_rows_people(extractor: Extractor) -> None:
    # (invented)
    text = (
        "Figures\n\n| Figure | What it counts | Source |\n\n|---|---|---|\n\n"
        "| 41 | South Koreans abducted by the North in 1977 who never came home | a ministry |\n\n"
        "| about 300 | North Koreans held in China whom Chinese authorities sent back across "
        "the border on 3 May 2021 | reports |\n\n"
        "| 900 to 1,100 | people abducted by the North in 1950 | a study |\n"
    )
    found = records(extractor, text, published="2024-09-01")
    counts = [(r["victims"]["count"], r["victims"]["count_text"]) for r in found]
    assert counts == [(41, "41"), (300, "about 300"), (None, "900 to 1,100")]
    assert found[1]["victims"]["nationality"] == "KP"


def test_a_relative_named_in_the_next_sentence_and_the_camps_work(extractor: Extractor) -> None:
    # (invented)
    text = (
        "In May 2022 state security agents came to my father's house in Musan and took "
        "him away. His name is Jo Myong-gil. Last year a man released from Camp 15 said that "
        "my father had been sentenced to ten years and was working in the camp's quarry."
    )
    found = records(extractor, text, published="2024-03-01")
    assert [r["violation"] for r in found] == [
        "detention.arbitrary",
        "detention.prison_camp",
        "labor.forced",
    ]
    assert all(r["victims"]["names"] == ["Jo Myong-gil"] for r in found)
    assert [r["place"] for r in found[1:]] == ["Yodok camp (Kwanliso No. 15)"] * 2
    [boy] = records(extractor, "Guards arrested a boy in Hyesan. His name is not known.")
    assert boy["victims"]["names"] == []


def test_an_attack_told_then_its_dead_counted_in_the_next_sentence(extractor: Extractor) -> None:
    # (invented)
    text = (
        "On 5 June 1999 two North Korean patrol boats crossed the sea border. As a South "
        "Korean boat moved to block them, one of the northern boats opened fire on it. Four "
        "of its crew were killed."
    )
    [record] = records(extractor, text, published="2020-01-01")
    assert (record["violation"], record["perpetrator"]) == ("life.killing", "KPA Navy")
    assert (record["date"], record["victims"]["count"]) == ("1999-06-05", 4)
    assert len(record["evidence"]) == 2


def test_numbered_paragraphs_keep_to_the_person_the_first_names(extractor: Extractor) -> None:
    # (invented)
    text = (
        "STATEMENT OF FACTS\n\n"
        "1. The Reverend Pak Il-do was a South Korean pastor. From 1996 he ran a shelter "
        "in Helong.\n\n"
        "2. In March 2001, in Yanji, North Korean agents seized him in the street. (Ex. 3.)\n"
    )
    [record] = records(extractor, text, published="2015-04-01")
    assert record["violation"] == "disappearance.abduction"
    assert record["victims"]["names"] == ["Pak Il-do"]
    assert record["victims"]["nationality"] == "KR"
    assert (record["date"], record["place"]) == ("2001-03", "Yanji")


def test_arrested_after_calls_to_family_in_the_south(extractor: Extractor) -> None:
    # (invented)
    found = records(
        extractor,
        "In North Korea, punishment for contact with the outside world grew harsher. Two "
        "of our interviewees said that relatives of theirs had been arrested in 2021 after "
        "making phone calls to family members in South Korea.",
        published="2023-06-01",
    )
    assert {r["violation"] for r in found} == {"detention.arbitrary", "expression.suppression"}
    assert {r["country"] for r in found} == {"KP"}  # (not where the family members are)


def test_a_list_of_topics_states_no_acts(extractor: Extractor) -> None:
    # (invented)
    topics = (
        "Submissions may address, among other things:\n\n"
        "- arbitrary arrest and detention on return;\n"
        "- the practice of forcibly returning people without assessing the risks they face.\n"
    )
    assert records(extractor, topics, published="2025-08-01") == []
    facts = (
        "What our interviewees told us:\n\n"
        "- Chinese police forcibly returned two women from Tumen in March 2025.\n"
    )
    [record] = records(extractor, facts, published="2025-08-01")
    assert record["violation"] == "movement.forced_return"


def test_a_raid_told_in_a_story_of_another_year(extractor: Extractor) -> None:
    # (invented): a day without its year after the story's date; "orders to kill"
    # is no killing; a group named once as a body's, then "the gunmen"; people
    # whose words also name a body that acts, killed in the passive
    text = (
        "The attackers were twelve gunmen of a special unit of the Korean People's Army, "
        "sent across the border with orders to kill a provincial governor. They landed on "
        "3 March 1970.\n\n"
        "On the morning of 5 March a patrol stopped them near the governor's office. The "
        "gunmen opened fire, then ran for the hills. Park Min-ho, a guard at the patrol's "
        "post, was shot dead.\n\n"
        "Between 5 March and late April 1970, nine South Korean soldiers were killed by the "
        "fleeing gunmen. Two American soldiers were also killed as the gunmen fled north. "
        "Of the gunmen themselves, ten were killed in the fighting."
    )
    found = records(extractor, text, published="2020-03-05")
    assert [r["victims"]["count"] for r in found] == [1, 9, 2]
    guard, soldiers, americans = found
    assert guard["victims"]["names"] == ["Park Min-ho"]
    assert guard["date"] == "1970-03-05" and len(guard["evidence"]) == 2
    assert (soldiers["date"], soldiers["date_end"]) == ("1970-03-05", "1970-04")
    assert soldiers["victims"]["nationality"] == "KR"
    assert americans["victims"]["nationality"] == "US"
    assert americans["date"] == "1970-03-05"
    assert {r["perpetrator"] for r in found} == {"Korean People's Army"}


def test_punished_for_blaming_the_leader_and_for_spreading_religion(
    extractor: Extractor,
) -> None:
    # (invented)
    text = (
        "In 1996 her husband was arrested after a neighbour heard him criticising Kim "
        "Jong-il at a wedding. In 2009 security agents detained her, accusing her of "
        "spreading Christianity among her co-workers."
    )
    found = records(extractor, text, published="2015-01-01")
    pairs = [(r["violation"], r["date"]) for r in found]
    assert pairs == [
        ("detention.arbitrary", "1996"),
        ("expression.suppression", "1996"),
        ("detention.arbitrary", "2009"),
        ("expression.suppression", "2009"),
    ]
    assert all(r["victims"]["names"] == [] for r in found)  # (not the leader criticised)
    text = (
        "Chinese police sent Ri Chol-ho back to North Korea in 2005. Back in North Korea, "
        "he was held from 2005 until 2008."
    )
    returned, held = records(extractor, text, published="2015-01-01")
    assert returned["violation"] == "movement.forced_return"
    assert (held["violation"], held["country"]) == ("detention.arbitrary", "KP")
    assert (held["date"], held["date_end"]) == ("2005", "2008")
    assert held["victims"]["names"] == ["Ri Chol-ho"]
    assert records(extractor, "The festival was held from 2009 until 2011.") == []


def test_a_brother_who_tells_is_not_the_one_he_tells_of(extractor: Extractor) -> None:
    # (invented)
    text = (
        "Choi Gwang-su was sent back from China in 2003.\n\n"
        "Prison\n\n"
        "His brother says that guards beat him every week. News that reached his brother "
        "later said he had died in a prison in Chongjin in 2006."
    )
    found = records(extractor, text, published="2010-01-01")
    beaten = [r for r in found if r["violation"] == "detention.torture"]
    died = [r for r in found if r["violation"] == "life.death_in_custody"]
    assert [r["victims"]["names"] for r in beaten + died] == [["Choi Gwang-su"]] * 2


def test_the_two_named_just_before_and_one_last_seen(extractor: Extractor) -> None:
    # (invented)
    text = (
        "On 2 June 1979, Sato Kenji, 30, and Ono Mari, 27, walked down to the harbour in "
        "Niigata. Agents seized the two there and took them by boat to North Korea.\n\n"
        "Ueda Yumi, then 22, left her home in Kashiwazaki on the evening of 14 May 1980 to meet "
        "a friend, and never came back. The police concluded that she had been abducted, "
        "and the government added her to its list of abductees in 2005."
    )
    couple, alone = records(extractor, text, published="2020-01-01")
    assert couple["victims"]["names"] == ["Sato Kenji", "Ono Mari"]
    assert couple["victims"]["count"] == 2
    assert (alone["date"], alone["place"], alone["country"]) == ("1980-05-14", "Kashiwazaki", "JP")
    assert alone["victims"]["names"] == ["Ueda Yumi"]


def test_wages_paid_to_the_state_and_a_farm_mobilisation(extractor: Extractor) -> None:
    # (invented)
    text = (
        "The firm that hired the four welders paid most of their wages to agencies of the "
        "North Korean state. Each autumn North Korea's authorities order factories to send their "
        "workers to collective farms to harvest maize. Work that people are made to do "
        "under threat of a penalty is forced labour under international law."
    )
    wages, farms = records(extractor, text, published="2019-01-01")
    assert (wages["violation"], wages["kind"]) == ("labor.forced", "incident")
    assert wages["victims"]["count"] == 4
    assert (farms["violation"], farms["kind"]) == ("labor.forced", "measure")
    assert farms["perpetrator"] == "Government of the DPRK"


def test_taken_instead_to_pyongyang_and_sentenced_before_a_crowd(
    extractor: Extractor,
) -> None:
    # (invented)
    text = (
        "Anna Kovacs is a Hungarian singer. In 1979 a man offered her a tour of Japan. She "
        "boarded a plane in Vienna, but was taken instead to Pyongyang."
    )
    [taken] = records(extractor, text, published="2020-01-01")
    assert taken["violation"] == "disappearance.abduction"
    assert (taken["date"], taken["victims"]["names"]) == ("1979", ["Anna Kovacs"])
    text = (
        "Researchers say the video was filmed in North Korea in 2021. In it, three "
        "teenagers stand before hundreds of workers while an official reads out their "
        "sentence: ten years of hard labour each for selling South Korean films."
    )
    found = records(extractor, text, published="2023-05-01")
    assert [r["violation"] for r in found] == ["labor.forced", "expression.suppression"]
    assert {r["victims"]["count"] for r in found} == {3}  # (not the workers who watch)
    assert {r["date"] for r in found} == {"2021"}


def test_what_may_happen_to_a_researcher_and_a_public_shaming(extractor: Extractor) -> None:
    # (invented)
    assert records(extractor, "If you are arrested, ask to call your consulate.") == []
    text = "Pupils who missed a day were made to stand before the whole school and apologise."
    assert records(extractor, text) == []
    [kneel] = records(extractor, "Guards forced her to kneel before them for six hours.")
    assert kneel["violation"] == "detention.torture"


def test_the_man_named_next_and_a_travel_permit(extractor: Extractor) -> None:
    # (invented)
    text = (
        "North Korea said on Monday that it would release a Dutch woman it had detained "
        "last month. The woman, Eva Jansen, a 52-year-old teacher, was detained in Nampho "
        "on 3 May after she photographed a checkpoint."
    )
    [held] = records(extractor, text, published="2019-06-10")
    assert held["victims"]["names"] == ["Eva Jansen"] and len(held["evidence"]) == 2
    assert (held["place"], held["date"]) == ("Nampo", "2019-05-03")
    text = "To visit another county, a farmer must first obtain a travel permit from the police."
    [permit] = records(extractor, text, published="2022-01-01")
    assert (permit["violation"], permit["kind"]) == ("movement.restriction", "measure")
    assert records(extractor, "Visitors must have a permit to park on the campus.") == []


def test_a_film_plot_told_on_and_a_foreigner_sent_home(extractor: Extractor) -> None:
    # (invented)
    plot = (
        "In the film, a young teacher crosses the river to find her brother. Chinese "
        "police catch her and send her back, and guards beat her in a detention centre.\n\n"
        "In March 2019 Chinese police forcibly returned two women to North Korea."
    )
    [real] = records(extractor, plot, published="2024-01-01")
    assert (real["violation"], real["date"]) == ("movement.forced_return", "2019-03")
    sent_home = (
        "Anna Berg, a Swedish teacher, ran a school in Dandong. In May 2015 China "
        "deported Anna Berg to Sweden."
    )
    assert [r["violation"] for r in records(extractor, sent_home)] == []


def test_a_name_across_a_line_break_is_written_on_one_line(extractor: Extractor) -> None:
    # (invented)
    text = (
        "According to the ministry, two of his closest aides, Ri Chol-su and Kang\n"
        "Myong-ho, were executed in public in March 2016."
    )
    [record] = records(extractor, text, published="2017-01-01")
    assert record["victims"]["names"] == ["Ri Chol-su", "Kang Myong-ho"]


def test_an_if_clause_before_what_we_will_do_and_a_rumour_proved_wrong(
    extractor: Extractor,
) -> None:
    # (invented)
    consent = "If you were arrested or sent back from China, we will ask when that happened."
    assert records(extractor, consent, published="2024-01-01") == []
    relatives = "If someone in your family was executed, the interviewer may ask what you know."
    assert records(extractor, relatives, published="2024-01-01") == []
    # (the clause's own threat is still one: "you may be arrested")
    assert records(extractor, "If you travel, you may be arrested and held for months.") == []
    rumour = "A general said in 2015 to have been shot reappeared at a parade the next year."
    assert records(extractor, rumour, published="2019-01-01") == []
    told = "If you ask, we will tell you: police arrested Ri Sun-ok in Hyesan in May."
    [arrest] = records(extractor, told)
    assert arrest["victims"]["names"] == ["Ri Sun-ok"]


def test_one_of_its_officials_named_in_the_next_sentence(extractor: Extractor) -> None:
    # (invented)
    text = (
        "North Korea put one of its vice premiers to death by firing squad in May, the "
        "ministry in Seoul said. Ko Man-sik, the vice premier for light industry, had fallen "
        "asleep during a meeting."
    )
    [record] = records(extractor, text, published="2017-08-01")
    assert record["victims"]["names"] == ["Ko Man-sik"] and record["victims"]["count"] == 1
    assert (record["victims"]["nationality"], record["date"]) == ("KP", "2017-05")


def test_more_people_shot_with_the_one_just_named(extractor: Extractor) -> None:
    # (invented)
    text = (
        "A Seoul daily reported that Pak Chol-ung, a trade official, had been executed in "
        "March on the outskirts of Pyongyang. Three of his deputies were said to have been "
        "shot with him."
    )
    [record] = records(extractor, text, published="2019-06-01")
    assert record["violation"] == "life.execution" and record["victims"]["count"] == 4
    assert (record["place"], record["country"]) == ("Pyongyang", "KP")
    assert record["victims"]["nationality"] == "KP" and len(record["evidence"]) == 2
    camp = "A Tokyo newspaper said the translator Jo Ok-hwa was sent to a political prison camp."
    [held] = records(extractor, camp, published="2019-06-01")
    assert (held["country"], held["victims"]["nationality"], held["place"]) == ("KP", "KP", None)


def test_they_of_the_commandos_and_the_boy_told_of_again(extractor: Extractor) -> None:
    # (invented)
    text = (
        "In November 1968 some sixty commandos of the Korean People's Army came ashore. "
        "Most of them were killed or captured.\n\n"
        "Fifty years ago today, on 3 November 1968, a group of the commandos reached a "
        "farmhouse in the hills. They killed ten-year-old Choi Man-su there, together with "
        "his father. A newspaper later wrote that the boy had been killed for refusing to "
        "feed the men."
    )
    [record] = records(extractor, text, published="2018-11-03")
    assert (record["violation"], record["date"]) == ("life.killing", "1968-11-03")
    assert record["perpetrator"] == "Korean People's Army"
    assert record["victims"]["names"] == ["Choi Man-su"] and record["victims"]["count"] == 2
    assert len(record["evidence"]) == 2


def test_taken_from_a_city_abroad_to_north_korea(extractor: Extractor) -> None:
    # (invented)
    text = "Police believe that Sato Ken, a cook, was taken from Vienna to North Korea in 1980."
    [record] = records(extractor, text, published="2020-01-01")
    assert record["violation"] == "disappearance.abduction"
    assert record["victims"]["names"] == ["Sato Ken"] and record["date"] == "1980"
    returned = "In 2019 two women were taken from China to North Korea by the police."
    assert all(r["violation"] != "disappearance.abduction" for r in records(extractor, returned))


def test_the_two_and_the_ten_are_the_people_counted_just_before(extractor: Extractor) -> None:
    # (invented)
    text = (
        "Radio Free Asia reported that two young miners were executed in Musan in October. "
        "The two had been caught selling South Korean films."
    )
    found = records(extractor, text, published="2022-12-01")
    assert {r["violation"] for r in found} == {"life.execution", "expression.suppression"}
    for record in found:
        assert (record["date"], record["place"], record["victims"]["count"]) == (
            "2022-10",
            "Musan",
            2,
        )
        assert record["victims"]["names"] == []
    held = (
        "Chinese police detained ten North Koreans in Dalian in early May. Their relatives "
        "say the ten are being held at a police station and fear they will be handed over "
        "to North Korea within days."
    )
    [record] = records(extractor, held, published="2018-05-20")
    assert record["violation"] == "detention.arbitrary" and len(record["evidence"]) == 2
    assert (record["place"], record["victims"]["count"]) == ("Dalian", 10)


def test_names_joined_with_what_each_one_is(extractor: Extractor) -> None:
    # (invented)
    text = (
        "The two women who had worked for the delegation, the interpreter Jo Min-hee and "
        "the diplomat Ra Su-yon, were sent to a political prison camp in March."
    )
    [record] = records(extractor, text, published="2019-06-01")
    assert record["victims"]["names"] == ["Jo Min-hee", "Ra Su-yon"]
    assert record["victims"]["count"] == 2


def test_an_interview_titled_with_the_one_who_tells(tmp_path: Path) -> None:
    # (invented)
    path = tmp_path / "interview.md"
    path.write_text(
        "# Interview: Pak Chol-jin on his arrest\n\n*Recorded 3 May 2020.*\n\n"
        "A: In 2001 state security officers arrested me in Musan. For six months they "
        "questioned me in their detention centre.\n\n"
        "A: In 2002 I was sent to the Yodok camp, without any trial. I stayed there until "
        "2005.\n",
        encoding="utf-8",
    )
    found = Extractor().extract(read_document(path)).records
    assert [r.violation for r in found] == ["detention.arbitrary", "detention.prison_camp"]
    arrest, camp = found
    assert arrest.victims.names == ["Pak Chol-jin"] and len(arrest.evidence) == 2
    assert (camp.date, camp.date_end, camp.victims.names) == ("2002", "2005", ["Pak Chol-jin"])
    assert camp.evidence[-1].text == "I stayed there until 2005."


def test_people_described_by_what_befell_them_state_no_act(extractor: Extractor) -> None:
    # (invented)
    text = (
        "Last year we recorded 90 interviews with people who had left North Korea, many of "
        "whom had been arrested, beaten or sent back from China."
    )
    assert records(extractor, text, published="2025-01-01") == []
    fees = "Your gifts pay for lawyers' fees when members of our network are detained."
    assert records(extractor, fees, published="2025-01-01") == []


def test_taken_from_home_and_sent_to_a_camp_is_one_act(extractor: Extractor) -> None:
    # (invented)
    text = (
        "Choe Sun-ae was 12 years old when officers of the state security department took her "
        "from her home in 1977 and sent her to Camp 15 at Yodok, together with her mother. "
        "From her teens she was made to work in the camp's coal mine."
    )
    found = records(extractor, text, published="2020-01-01")
    assert [r["violation"] for r in found] == ["detention.prison_camp", "labor.forced"]
    assert found[0]["perpetrator"] == "Ministry of State Security"
    assert all(r["victims"]["names"] == ["Choe Sun-ae"] for r in found)


def test_a_system_told_twice_and_the_state_that_runs_it(extractor: Extractor) -> None:
    # (invented)
    text = (
        "Songbun is the system by which the North Korean state ranks its citizens according "
        "to what their grandparents did. The label follows a person for life. A person "
        "cannot change their own songbun."
    )
    [record] = records(extractor, text, published="2023-01-01")
    assert (record["violation"], record["kind"]) == ("discrimination", "measure")
    assert record["perpetrator"] == "Government of the DPRK" and len(record["evidence"]) == 2


def test_a_group_held_abroad_then_sent_back_and_care_refused(extractor: Extractor) -> None:
    # (invented)
    text = (
        "In February, Chinese police detained about twenty North Koreans who were hiding in "
        "Dalian.\n\nBy the middle of March, according to South Korean officials, most of "
        "the group had been sent back to North Korea, where people returned from China are "
        "questioned and held in detention centres."
    )
    found = records(extractor, text, published="2013-03-25")
    assert [r["violation"] for r in found] == ["detention.arbitrary", "movement.forced_return"]
    returned = found[1]
    assert (returned["date"], returned["country"]) == ("2013-03", "CN")
    assert returned["perpetrator"] == "Chinese authorities"
    assert returned["victims"]["nationality"] == "KP"
    care = "The guards would not let her see the camp doctor for three weeks."
    [refused] = records(extractor, care, published="2020-01-01")
    assert refused["violation"] == "health.denial"
    assert (refused["victims"]["count_text"], refused["victims"]["sex"]) == (None, "female")


def test_aid_refused_and_generic_statements(extractor: Extractor) -> None:
    # (invented)
    rice = (
        "This week the food agency said that North Korean officials had told it they would "
        "not accept rice from the South."
    )
    [record] = records(extractor, rice, published="2019-07-26")
    assert (record["violation"], record["kind"]) == ("food.denial", "measure")
    assert record["perpetrator"] == "Government of the DPRK"
    for text in (
        "Foreigners have been detained there for leaving a Bible in a hotel room.",
        "Some of the people we work with were tortured after being sent back from China.",
    ):
        assert records(extractor, text, published="2025-01-01") == [], text


def test_officials_of_a_body_executed_and_when_lawmakers_were_told(
    extractor: Extractor,
) -> None:
    # (invented)
    text = (
        "At a closed hearing this morning, the spy agency told lawmakers that four senior "
        "officials of North Korea's Ministry of State Security had been executed."
    )
    [record] = records(extractor, text, published="2018-03-05")
    assert record["perpetrator"] is None and record["date"] is None
    assert (record["country"], record["victims"]["nationality"]) == ("KP", "KP")
    assert record["victims"]["count"] == 4


def test_a_ship_described_is_not_who_seized_it(extractor: Extractor) -> None:
    # (invented wording of a public event)
    text = (
        "On 5 June 1970, North Korean patrol boats surrounded the I-2, a South Korean navy "
        "broadcasting ship, near Yeonpyeong Island and towed it north with its twenty crew "
        "members."
    )
    [record] = records(extractor, text, published="2020-06-05")
    assert record["violation"] == "disappearance.abduction"
    assert (record["perpetrator"], record["victims"]["count"]) == ("KPA Navy", 20)


def test_handed_to_guards_and_held_in_a_bodys_holding_centre(extractor: Extractor) -> None:
    # (invented)
    text = (
        "Chinese police detained her in the city of Tumen in March 2019 and handed her to "
        "North Korean border guards two weeks later. She was held for four months at the "
        "State Security holding centre in Onsong."
    )
    found = records(extractor, text, published="2020-02-14")
    assert [r["violation"] for r in found] == [
        "detention.arbitrary",
        "movement.forced_return",
        "detention.arbitrary",
    ]
    assert found[1]["perpetrator"] == "Chinese authorities"
    assert (found[2]["place"], found[2]["perpetrator"]) == ("Onsong", "Ministry of State Security")


def test_punished_for_bringing_or_watching_a_foreign_series(extractor: Extractor) -> None:
    # (invented)
    text = (
        "A man who had brought copies of a South Korean series into the province was "
        "sentenced this month to death by firing squad. Six of his classmates who watched it "
        "were given five years of hard labour."
    )
    found = records(extractor, text, published="2021-11-26")
    suppressed = [r for r in found if r["violation"] == "expression.suppression"]
    assert [r["victims"]["count"] for r in suppressed] == [1, 6]
    assert suppressed[0]["date"] == "2021-11"


def test_a_fence_being_built_and_guard_posts_are_no_guards(extractor: Extractor) -> None:
    # (invented)
    text = "Satellite images show a second fence being built along the Tumen River near Musan."
    [record] = records(extractor, text, published="2021-11-26")
    assert (record["violation"], record["kind"]) == ("movement.restriction", "measure")
    assert record["place"] == "Musan"
    posts = "Residents describe new guard posts built along the Yalu River in the autumn."
    [built] = records(extractor, posts, published="2021-01-28")
    assert built["perpetrator"] is None


def test_papers_executed_and_a_person_who_is_detained_state_no_act(
    extractor: Extractor,
) -> None:
    # (invented)
    for text in (
        "Agreements with partners are executed in two copies; we keep ours for ten years.",
        "The contracts were duly executed by both parties.",
        "The file of a person who is detained or missing stays open until they are released.",
    ):
        assert records(extractor, text, published="2023-04-01") == [], text
    [shot] = records(extractor, "The two men were executed in Hyesan.", published="2023-04-01")
    assert shot["violation"] == "life.execution"


def test_a_city_sealed_off_is_one_measure_told_twice(extractor: Extractor) -> None:
    # (invented wording of a public event)
    text = (
        "State media said on Sunday that the leader had ordered Kaesong sealed off.\n\n"
        "The authorities said a man had been put under quarantine.\n\n"
        "The city's residents are not allowed to leave it, and the roads into Kaesong "
        "have been closed."
    )
    [record] = records(extractor, text, published="2020-07-28")
    assert (record["violation"], record["kind"]) == ("movement.restriction", "measure")
    assert record["place"] == "Kaesong" and len(record["evidence"]) == 2


def test_a_family_listed_then_told_of_again(extractor: Extractor) -> None:
    # (an invented family)
    text = (
        "Jo Seong-ho worked as a driver in Hamhung.\n\n"
        "In May 2009, state security officers took Mr. Jo, his wife and their two sons "
        "from their flat at night.\n\n"
        "Neighbours later learned that the family had been sent to the Yodok camp.\n\n"
        "The two sons were released in 2012; they have never been told what happened to "
        "their parents."
    )
    found = records(extractor, text, published="2016-09-15")
    assert [r["violation"] for r in found] == [
        "detention.arbitrary",
        "detention.prison_camp",
        "disappearance.enforced",
    ]
    taken, camp, gone = found
    assert (taken["victims"]["count"], taken["victims"]["names"]) == (4, ["Jo Seong-ho"])
    assert taken["perpetrator"] == "Ministry of State Security"
    assert (camp["victims"]["count"], camp["date"]) == (4, "2009")
    assert gone["victims"]["count"] == 2


def test_a_money_changer_executed_and_a_film_shot_in_a_city(extractor: Extractor) -> None:
    # (invented)
    text = "North Korea executed a well-known money changer in Pyongyang in October."
    [record] = records(extractor, text, published="2020-11-27")
    assert (record["violation"], record["victims"]["count"]) == ("life.execution", 1)
    film = "About 90 people came to the documentary, which was shot over three years in Yanji."
    assert records(extractor, film, published="2025-10-20") == []
    [shot] = records(extractor, "A man was shot at the river in Hyesan.", published="2025-10-20")
    assert shot["violation"] == "life.killing"


def test_wages_paid_to_a_state_company_and_passports_kept(extractor: Extractor) -> None:
    # (invented)
    text = (
        "- Their wages were paid to the North Korean state company that had sent them, and "
        "each man received only a small part of what he earned.\n"
        "- Managers from the company kept the workers' passports and did not let them leave "
        "their camps alone."
    )
    [record] = records(extractor, text, published="2014-11-10")
    assert record["violation"] == "labor.forced" and len(record["evidence"]) == 2


def test_caught_by_a_unit_and_seen_in_a_prison_camp(extractor: Extractor) -> None:
    # (invented)
    caught = "In the winter of 2011 my unit caught a woman crossing at night."
    [record] = records(extractor, caught, published="2019-03-05")
    assert (record["violation"], record["date"]) == ("detention.arbitrary", "2011")
    assert record["victims"]["sex"] == "female"
    seen = "A man who left in 2005 told us that he had seen the engineer in a prison camp in 1998."
    [camp] = records(extractor, seen, published="2012-01-15")
    assert (camp["violation"], camp["date"]) == ("detention.prison_camp", "1998")


def test_pictures_of_a_place_shot_there_are_no_killing(extractor: Extractor) -> None:
    # (invented)
    text = "The images of the border fence were shot in 2019 from the Chinese bank of the Yalu."
    assert records(extractor, text, published="2024-09-15") == []


def test_women_taken_to_a_police_station_and_held(extractor: Extractor) -> None:
    # (invented)
    text = (
        "On 12 August, market officials and police raided the stalls of women selling "
        "Chinese clothes in Hyesan and took seven of the women to the police station. "
        "They were held for two days and released after their families paid fines."
    )
    [record] = records(extractor, text, published="2024-08-20")
    assert (record["violation"], record["date"]) == ("detention.arbitrary", "2024-08-12")
    assert (record["victims"]["count"], record["victims"]["sex"]) == (7, "female")
    assert record["perpetrator"] == "Ministry of Social Security"


def test_a_ruler_who_orders_acts_for_the_state_and_is_no_victim(extractor: Extractor) -> None:
    # (invented wording of public history)
    text = (
        "On 27 September 1997, Kim Jong Il ordered the security forces to round up people "
        "who were travelling without permission and to hold them in special camps. "
        "Conditions were so bad that many detainees died of hunger and disease."
    )
    order, deaths = records(extractor, text, published="2019-04-02")
    assert (order["violation"], order["kind"]) == ("detention.arbitrary", "measure")
    assert order["perpetrator"] == "Government of the DPRK"
    assert (order["victims"]["names"], order["date"]) == ([], "1997-09-27")
    assert deaths["violation"] == "life.death_in_custody"
    sealed = "State media said that Kim Jong Un had declared an emergency and ordered Kaesong sealed off."
    [measure] = records(extractor, sealed, published="2020-07-28")
    assert measure["perpetrator"] == "Government of the DPRK"


def test_acts_in_custody_are_where_the_victim_was_held(extractor: Extractor) -> None:
    # (invented)
    text = (
        "In March 2018 she was handed to North Korean officials at the bridge. "
        "She was then held for about three months at the State Security holding centre "
        "in Sinuiju. She said that guards made the women undress and squat while they "
        "were searched. She said that an interrogator kicked her when she denied having "
        "met South Koreans in China."
    )
    by_violation = {r["violation"]: r for r in records(extractor, text, published="2019-09-14")}
    searched = by_violation["sexual_violence"]
    assert (searched["place"], searched["country"], searched["date"]) == (
        "Sinuiju",
        "KP",
        "2018",
    )
    assert searched["perpetrator"] == "Prison guards"
    kicked = by_violation["detention.torture"]
    assert (kicked["place"], kicked["country"]) == ("Sinuiju", "KP")
    # (arrested at a river: not where he was held when he was beaten)
    river = (
        "On 25 December 2009 soldiers arrested him on the frozen Tumen River. "
        "He later said that he had been beaten during his detention."
    )
    beaten = [r for r in records(extractor, river) if r["violation"] == "detention.torture"]
    assert [r["place"] for r in beaten] == [None]


def test_where_the_sources_are_is_not_where_the_act_was(extractor: Extractor) -> None:
    # (invented wording of a reported case)
    text = (
        "According to mission groups in Seoul, state security agents raided a meeting of "
        "an underground church in Pyongsong in May 2010 and arrested 23 believers. "
        "Three of them, said to be the church's leaders, were executed."
    )
    arrest, execution = records(extractor, text, published="2011-06-01")
    assert (arrest["place"], arrest["country"], arrest["victims"]["count"]) == (
        "Pyongsong",
        "KP",
        23,
    )
    assert execution["violation"] == "life.execution"
    assert execution["victims"]["count"] == 3
    prayer = "Prayer points\n\n- For the twenty believers held at Yodok, that they may be strengthened.\n"
    assert records(extractor, prayer, published="2011-06-01") == []


def test_handed_to_north_korean_officials_and_a_named_person_held_for_days(
    extractor: Extractor,
) -> None:
    # (invented)
    handed = (
        "In March 2018 she and about twenty other North Koreans were driven to Dandong "
        "and handed to North Korean officials at the Friendship Bridge."
    )
    [returned] = records(extractor, handed, published="2019-09-14")
    assert (returned["violation"], returned["date"]) == ("movement.forced_return", "2018-03")
    # (public facts, our words)
    held = (
        "In June 1999, North Korean authorities held Min Young-mi, a South Korean tourist, "
        "for six days."
    )
    [record] = records(extractor, held, published="2020-01-15")
    assert (record["violation"], record["victims"]["names"]) == (
        "detention.arbitrary",
        ["Min Young-mi"],
    )
    wages = (
        "In January 2024 about 2,500 North Korean workers in Helong rioted after they "
        "learned that the wages owed to them had been sent to the North Korean state."
    )
    [labour] = records(extractor, wages, published="2024-03-12")
    assert (labour["violation"], labour["place"], labour["victims"]["count"]) == (
        "labor.forced",
        "Helong",
        2500,
    )


def test_one_who_left_the_north_is_held_in_china_and_handed_over_by_its_police(
    extractor: Extractor,
) -> None:
    # (invented)
    text = (
        "Ms. P left North Korea in 2015 and worked at a hotel in Yanji, in China.\n\n"
        "In April 2017 Chinese public security officers detained her at her lodgings.\n\n"
        "In May, she and eight other North Koreans were driven to Tumen and handed to "
        "North Korean officials at the bridge."
    )
    arrest, returned = records(extractor, text, published="2019-10-01")
    assert (arrest["violation"], arrest["victims"]["nationality"]) == ("detention.arbitrary", "KP")
    assert returned["violation"] == "movement.forced_return"
    assert (returned["perpetrator"], returned["country"], returned["date"]) == (
        "Chinese authorities",
        "CN",
        "2017-05",
    )


def test_a_camp_that_held_prisoners_and_the_work_done_there(extractor: Extractor) -> None:
    # (invented wording of public reports)
    text = (
        "Camp 22, the political prison camp outside Hoeryong, appears to have been emptied "
        "during 2012. For decades the camp held tens of thousands of prisoners. Former "
        "guards have described prisoners being worked in the camp's coal mines."
    )
    held, worked = records(extractor, text, published="2012-11-05")
    assert (held["violation"], held["place"]) == (
        "detention.prison_camp",
        "Hoeryong camp (Kwanliso No. 22)",
    )
    assert (worked["violation"], worked["place"]) == ("labor.forced", held["place"])
    assert worked["victims"]["nationality"] == "KP"


def test_a_woman_sold_to_a_farmer_is_trafficked_not_tortured(extractor: Extractor) -> None:
    # (invented)
    text = (
        "Brokers sold her for about 30,000 yuan to a farmer in Heilongjiang Province, who "
        "kept her locked in the house and beat her when she tried to leave."
    )
    [record] = records(extractor, text, published="2024-07-30")
    assert (record["violation"], record["country"]) == ("sexual_violence", "CN")


def test_people_made_to_work_after_a_campaign_ordered_are_its_measure(
    extractor: Extractor,
) -> None:
    # (invented wording of public reports)
    text = (
        "In February 2016 the Workers' Party ordered a 70-day campaign before its congress. "
        "Factory workers, farmers and students were made to work longer hours.\n\n"
        "After the congress the Party announced a second campaign of 200 days, which "
        "began on 1 June. Residents were again sent to building sites and farms."
    )
    first, second = records(extractor, text, published="2016-12-20")
    assert (first["violation"], first["kind"], first["date"]) == (
        "labor.forced",
        "measure",
        "2016-02",
    )
    assert first["perpetrator"] == "Workers' Party of Korea" and len(first["evidence"]) == 2
    assert (second["kind"], second["date"]) == ("measure", "2016-06-01")


def test_journalists_detained_sentenced_and_released(extractor: Extractor) -> None:
    # (public facts, our words)
    text = (
        "Takashi Sugishima, a Japanese journalist, was detained in Pyongyang in December "
        "1999. He was released in February 2002, after more than two years in custody.\n\n"
        "North Korean soldiers detained Laura Ling and Euna Lee at the Tumen River on "
        "17 March 2009. They were sentenced to twelve years of labour in June.\n\n"
        "In 2017 a court in Pyongyang sentenced two South Korean journalists to death over "
        "a review of a book about life in the North."
    )
    found = records(extractor, text, published="2018-05-03")
    by_violation = {r["violation"]: r for r in found}
    [held] = [r for r in found if r["date"] == "1999-12"]
    assert held["date_end"] == "2002-02"
    assert held["evidence"][-1]["text"].endswith("after more than two years in custody.")
    labour = by_violation["labor.forced"]
    assert (labour["date"], labour["victims"]["names"]) == ("2009-06", ["Laura Ling", "Euna Lee"])
    assert by_violation["expression.suppression"]["victims"]["nationality"] == "KR"


def test_jobs_a_scheduler_killed_are_no_killing(extractor: Extractor) -> None:
    # (invented)
    text = (
        "On 9 January the nightly backup job was killed by the scheduler after six hours. "
        "At 08:00 the scheduler killed the job at its time limit."
    )
    assert records(extractor, text, published="2025-01-14") == []
    [killing] = records(extractor, "On 9 January soldiers killed a farmer near Musan.")
    assert killing["violation"] == "life.killing"


def test_vaccines_a_state_asks_to_be_sent_elsewhere_are_health_care_denied(
    extractor: Extractor,
) -> None:
    # (public facts, our words)
    text = (
        "UNICEF said on 31 August 2021 that North Korea's Ministry of Public Health had "
        "asked for the 2.97 million Sinovac doses offered to it to be sent instead to "
        "countries hit harder by the virus."
    )
    [record] = records(extractor, text, published="2021-09-02")
    assert (record["violation"], record["kind"]) == ("health.denial", "measure")
    assert record["victims"]["count"] is None  # (not "the 2" of "the 2.97 million")


def test_deaths_in_a_countrys_camps_told_after_them_are_in_that_country(
    extractor: Extractor,
) -> None:
    # (public facts, our words)
    text = (
        "The commission found that between 80,000 and 120,000 political prisoners were "
        "being held in four large political prison camps. It also found "
        "that hundreds of thousands of political prisoners had died in the camps over "
        "five decades."
    )
    camps, deaths = records(extractor, text, published="2024-02-20")
    assert (camps["violation"], camps["country"]) == ("detention.prison_camp", "KP")
    assert (deaths["violation"], deaths["country"]) == ("life.death_in_custody", "KP")


def test_a_teacher_held_at_an_embassy_and_sent_to_pyongyang_is_abducted(
    extractor: Extractor,
) -> None:
    # (public history, our words)
    text = (
        "Ko Sang-moon, a teacher from Seoul, went on a training trip to Europe in 1979. "
        "In Oslo that\nspring he was left at the North Korean embassy, whose staff held him "
        "and sent him to Pyongyang. In 1994 Amnesty International reported that he was "
        "being held in a labour camp near Pyongyang."
    )
    taken, camp = records(extractor, text, published="2024-03-10")
    assert (taken["violation"], taken["country"], taken["place"]) == (
        "disappearance.abduction",
        "NO",
        "Oslo",
    )
    assert (taken["date"], taken["victims"]["names"]) == ("1979", ["Ko Sang-moon"])
    assert (camp["violation"], camp["date"]) == ("detention.prison_camp", "1994")


def test_our_passports_taken_and_our_pay_sent_to_the_state(extractor: Extractor) -> None:
    # (invented)
    text = (
        "A: Our manager took our passports when we arrived and kept them in his office.\n\n"
        "Q: Were you paid?\nA: Most of our pay went to the state."
    )
    [record] = records(extractor, text, published="2024-09-30")
    assert record["violation"] == "labor.forced" and len(record["evidence"]) == 2


def test_a_codebook_states_no_acts(extractor: Extractor) -> None:
    # (invented)
    text = (
        "| Column | Meaning |\n|---|---|\n"
        "| `returned` | 1 if the victims were sent back to North Korea from another country |\n\n"
        "1. Code an arrest and a later transfer to a camp as one incident.\n"
    )
    assert records(extractor, text, published="2024-10-05") == []


def test_a_death_in_a_camp_told_by_one_released_from_it_past_a_title(
    extractor: Extractor,
) -> None:
    # (invented)
    text = (
        "A woman released from the Chongori camp told Mr. Ahn's sister that he had died "
        "there in February, after months of heavy work and little food."
    )
    found = records(extractor, text, published="2022-04-18")
    [death] = [r for r in found if r["violation"] == "life.death_in_custody"]
    assert (death["date"], death["country"]) == ("2022-02", "KP")
    assert "Jongori" in death["place"]


def test_one_who_saw_people_taken_is_not_their_victim(extractor: Extractor) -> None:
    # (invented)
    text = (
        "In July 1950 North Korean soldiers came to our house in Seoul and took my father "
        "away with two other teachers. "
        "A neighbour saw them being marched north with a column of other men."
    )
    found = records(extractor, text, published="2023-11-20")
    assert found and all("neighbour" not in (r["victims"]["count_text"] or "") for r in found)
    # (and the arrest the sentence before told was the abduction: one record of both)
    [taken] = found
    assert (taken["violation"], taken["date"], taken["victims"]["count"]) == (
        "disappearance.abduction",
        "1950-07",
        3,
    )
    assert len(taken["evidence"]) == 2


def test_a_sentence_set_in_short_lines_like_a_plaque_is_one_sentence(
    extractor: Extractor,
) -> None:
    # (public history, our words)
    text = (
        "IN MEMORY\n"
        "of the 115 passengers and crew of Korean Air Flight 858,\n"
        "who were killed when a bomb planted by North Korean agents\n"
        "destroyed the aircraft over the Andaman Sea on 29 November 1987.\n"
    )
    [record] = records(extractor, text, published="2017-11-29")
    assert (record["violation"], record["date"], record["victims"]["count"]) == (
        "life.killing",
        "1987-11-29",
        115,
    )
    # (not fields of a record, each on its line: "location: Musan County")
    fields = "incident_date: 2024-02-11\nlocation: Musan County\nsummary: police arrested a man.\n"
    [arrest] = records(extractor, fields, published="2024-02-20")
    assert (arrest["date"], arrest["place"]) == ("2024-02-11", "Musan")


def test_arrests_counted_by_who_made_them(extractor: Extractor) -> None:
    # (invented)
    text = "In 2023 callers reported 41 arrests by state security or the police in Hyesan."
    [record] = records(extractor, text, published="2024-01-31")
    assert (record["violation"], record["place"]) == ("detention.arbitrary", "Hyesan")


def test_a_clause_telling_how_a_passive_act_was_done_names_who_did_it(
    extractor: Extractor,
) -> None:
    # (invented)
    text = (
        "The crew of eight South Korean fishermen were taken to North Korea on 14 August "
        "1999, when two patrol boats of the Korean People's Navy surrounded the vessel "
        "off Kosong County and towed it north."
    )
    [record] = records(extractor, text, published="2021-02-11")
    assert (record["violation"], record["perpetrator"], record["victims"]["count"]) == (
        "disappearance.abduction",
        "KPA Navy",
        8,
    )


def test_they_are_the_people_named_just_before(extractor: Extractor) -> None:
    # (invented)
    text = (
        "North Korean patrol boats seized a squid boat and its eight crew members in "
        "August 1999. Six of the men were sent home in June 2001. "
        "The captain, Ryu Tae-sik, and the engineer, Noh Gwang-ho, were not among them. "
        "North Korea has never said where they are."
    )
    found = records(extractor, text, published="2021-02-11")
    [gone] = [r for r in found if r["violation"] == "disappearance.enforced"]
    assert gone["victims"]["names"] == ["Ryu Tae-sik", "Noh Gwang-ho"]
    assert gone["victims"]["count"] == 2


def test_a_class_counted_and_a_spring_mobilisation_for_the_fields(
    extractor: Extractor,
) -> None:
    # (an invented student; the mobilisation is public fact, told in our words)
    text = (
        "Every spring North Korea sends millions of its people to the fields for what "
        'state media calls the "rice-planting battle". '
        "A student from Hamhung told us that in May 2019 her whole class of thirty-two was "
        "sent to a cooperative farm in Hamju County for forty days."
    )
    found = records(extractor, text, published="2022-05-30")
    [measure] = [r for r in found if r["kind"] == "measure"]
    assert (measure["violation"], measure["country"]) == ("labor.forced", "KP")
    [spring] = [r for r in found if r["kind"] == "incident"]
    assert (spring["date"], spring["victims"]["count"]) == ("2019-05", 32)
    # (a crew counted by a word for its people keeps them: their nationality)
    [crew] = records(
        extractor,
        "Patrol boats seized a crew of eight South Korean fishermen in May 2001.",
        published="2001-06-01",
    )
    assert (crew["victims"]["count"], crew["victims"]["nationality"]) == (8, "KR")


def test_taken_by_the_bowibu_is_an_arrest_and_a_beating_as_they_took_her_is_that_day(
    extractor: Extractor,
) -> None:
    # (invented; a message log's lines)
    text = (
        "[2024-02-03 21:15] Min: my aunt in Hoeryong was taken by the bowibu last Tuesday "
        "because they caught her with a Chinese phone\n"
        "[2024-02-03 21:16] Min: her son says they beat her in front of the children when "
        "they took her\n"
    )
    found = records(extractor, text, published="2024-02-03")
    [arrest] = [r for r in found if r["violation"] == "detention.arbitrary"]
    assert (arrest["date"], arrest["place"], arrest["perpetrator"]) == (
        "2024-01-30",
        "Hoeryong",
        "Ministry of State Security",
    )
    [beating] = [r for r in found if r["violation"] == "detention.torture"]
    assert (beating["date"], beating["place"]) == ("2024-01-30", "Hoeryong")


def test_a_quoted_note_set_as_an_exercise_states_no_act(extractor: Extractor) -> None:
    # (invented)
    text = (
        "Exercise\n"
        "Code this invented note in pairs:\n"
        "\"A woman from Sokcho says her brother's boat was stopped by a patrol boat on "
        '2 June 1981 and towed north with five men aboard."\n'
        "Then compare your record with your partner's.\n"
    )
    assert records(extractor, text, published="2023-03-09") == []
    # (the same quote under a line that sets no exercise is a report)
    reported = text.replace("Code this invented note in pairs:", "Her letter to us read:")
    assert records(extractor, reported, published="2023-03-09")


def test_a_forms_nationality_field_and_days_later_after_an_arrest(
    extractor: Extractor,
) -> None:
    # (an invented person, in an invented referral form)
    text = (
        "2. Person concerned\n\nName | Jo Eun-bi\n\nSex | Female\n\nNationality | North Korean\n\n"
        "3. What happened\n\n"
        "Jo Eun-bi had worked in Yanji for two years when police in Yanji arrested her "
        "on 18 September 2022. Her friend says she was handed to North Korean border "
        "guards at Tumen eleven days later.\n"
    )
    found = records(extractor, text, published="2022-10-12")
    assert found and all(r["victims"]["nationality"] == "KP" for r in found)
    [sent_back] = [r for r in found if r["violation"] == "movement.forced_return"]
    assert sent_back["date"] == "2022-09-29"


def test_an_act_told_to_the_day_then_to_its_month_by_the_same_body_is_one_record(
    extractor: Extractor,
) -> None:
    # (invented)
    text = (
        "On 28 August officers of the state security department detained four students "
        "who had been passing around a USB stick with South Korean films.\n\n"
        "> Quick note: my contact in Hoeryong says four students were taken by the Bowibu "
        "at the end of August over a USB stick.\n"
    )
    [arrest] = [
        r
        for r in records(extractor, text, published="2024-09-17")
        if r["violation"] == "detention.arbitrary"
    ]
    assert (arrest["date"], arrest["victims"]["count"], len(arrest["evidence"])) == (
        "2024-08-28",
        4,
        2,
    )


def test_each_line_of_comma_separated_values_is_a_record_of_its_own(
    extractor: Extractor,
) -> None:
    # (invented rows)
    text = (
        "case_id,date,place,what_happened,people\n"
        'NBM-0414,2024-04-02,Hoeryong,"The market was closed for a week for an inspection.",0\n'
        'NBM-0415,2024-04-26,Onsong,"A teenager, 16, was publicly executed at the county '
        'stadium for selling South Korean films.",1\n'
    )
    found = records(extractor, text, published="2024-05-20")
    [execution] = [r for r in found if r["violation"] == "life.execution"]
    assert execution["evidence"][0]["text"].startswith("NBM-0415,")
    assert (execution["date"], execution["place"]) == ("2024-04-26", "Onsong")


def test_a_risk_of_torture_is_none_and_those_returned_earlier_are_not_the_group_before(
    extractor: Extractor,
) -> None:
    # (an invented delegation's statement; the return of October 2023 is public)
    text = (
        "We remain troubled that in October 2023 the authorities of China sent back some "
        "600 North Koreans, despite the risk of torture that awaits them on return. "
        "Those returned in earlier years told the Rapporteur that they were beaten in "
        "holding centres in North Hamgyong province. "
        "The state continues to send workers abroad, where their wages are taken by the state."
    )
    found = records(extractor, text, published="2023-11-01")
    [beaten] = [r for r in found if r["violation"] == "detention.torture"]
    assert beaten["evidence"][0]["text"].startswith("Those returned")
    assert (beaten["date"], beaten["victims"]["count"], beaten["country"]) == (None, None, "KP")
    [workers] = [r for r in found if r["violation"] == "labor.forced"]
    assert workers["kind"] == "measure"


def test_an_act_told_in_a_clause_before_a_status_given_counts(extractor: Extractor) -> None:
    # (public facts, our words)
    text = (
        "Seventeen Japanese citizens, among them Megumi Yokota, taken from a beach in "
        "Niigata in 1977 at the age of thirteen, are recognised by Japan as abductees."
    )
    [record] = records(extractor, text, published="2023-11-01")
    assert (record["violation"], record["date"], record["place"]) == (
        "disappearance.abduction",
        "1977",
        "Niigata",
    )
    assert record["victims"]["names"] == ["Megumi Yokota"]
    # (a status alone is still no act)
    assert records(extractor, "Japan recognised her as a victim of abduction in 2006.") == []


def test_a_beating_in_the_custody_of_those_who_hold_people_and_a_list_items_place(
    extractor: Extractor,
) -> None:
    # (invented)
    text = (
        "- **Sinuiju:** two men held by the police since 20 January for smuggling copper "
        "wire; relatives say they have been beaten in custody.\n"
        "- **Dandong:** our partners say Chinese police stopped a bus near the bridge on "
        "2 February and took away four North Korean women who had no papers.\n"
    )
    found = records(extractor, text, published="2025-02-10")
    [beaten] = [r for r in found if r["violation"] == "detention.torture"]
    assert (beaten["perpetrator"], beaten["place"]) == ("Ministry of Social Security", "Sinuiju")
    [taken] = [r for r in found if r["country"] == "CN"]
    assert (taken["place"], taken["date"]) == ("Dandong", "2025-02-02")


def test_that_same_night_after_two_weeks_and_a_labour_camps_guards(
    extractor: Extractor,
) -> None:
    # (an invented interviewee)
    text = (
        "[00:00:20] MS. SEO: I went back in the winter of 2008 to see my mother. The police "
        "were waiting at her house, and they arrested me that same night.\n"
        "[00:01:09] MS. SEO: First to the police station. After two weeks they sent me to a "
        "labour training camp near the town, and I was there for six months.\n"
        "[00:01:44] MS. SEO: If you stopped, the guards hit you with sticks.\n"
        "[00:02:34] MS. SEO: An old man from my room died there.\n"
    )
    found = {r["violation"]: r for r in records(extractor, text, published="2021-06-15")}
    assert found["detention.arbitrary"]["date"] == "2008"
    assert found["labor.forced"]["date"] == "2008"
    beaten = found["detention.torture"]
    assert (beaten["date"], beaten["perpetrator"], beaten["country"]) == (
        "2008",
        "Prison guards",
        "KP",
    )
    assert found["life.death_in_custody"]["victims"]["count"] == 1
    # ("After a week": one week on from the day told before)
    week = (
        "Police arrested her in Musan on 3 March 2019. After a week they sent her to a labour "
        "training camp."
    )
    [camp] = [r for r in records(extractor, week) if r["violation"] == "labor.forced"]
    assert camp["date"] == "2019-03-10"
    # ("One day ... she died that night": the night of a day the text does not date)
    undated = (
        "Shin was born in 1982 inside Camp 14. One day a teacher beat a six-year-old girl "
        "so badly that she died that night."
    )
    [killing] = [
        r for r in records(extractor, undated, published="2012-04-14") if r["victims"]["age"]
    ]
    assert killing["date"] is None


def test_security_agents_are_the_norths_security_service_and_set_the_next_acts_scene(
    extractor: Extractor,
) -> None:
    # (an invented family)
    text = (
        "After Mr. Lee crossed into China in April 2019, security agents came to his parents' "
        "flat in Hyesan. His father, a retired teacher, was held for three weeks and beaten "
        "during questioning. In August the family was moved to a cooperative farm in "
        "Kimjongsuk County, where they still live under watch."
    )
    found = {r["violation"]: r for r in records(extractor, text, published="2022-11-20")}
    held = found["detention.arbitrary"]
    assert (held["place"], held["perpetrator"], held["date"][:4]) == (
        "Hyesan",
        "Ministry of State Security",
        "2019",
    )
    moved = found["movement.restriction"]
    assert (moved["date"], moved["place"]) == ("2019-08", "Kim Jong Suk County")
    # (in China, security agents are China's)
    [abroad] = records(
        extractor, "Security agents in Yanji arrested two North Korean women in May 2020."
    )
    assert abroad["perpetrator"] == "Chinese authorities"


def test_so_many_said_that_a_relative_counts_them(extractor: Extractor) -> None:
    # (invented figures)
    text = (
        "Of the 212 families we interviewed, 41 said that relatives had been questioned, and "
        "17 that a relative had been sent to a prison camp because of the flight."
    )
    [camp] = [r for r in records(extractor, text) if r["violation"] == "detention.prison_camp"]
    assert camp["victims"]["count"] == 17
    # (not the number of a camp's name: one father)
    named = (
        "Last year a man released from Camp 15 said that my father had been sentenced to ten "
        "years and was working in the camp's quarry."
    )
    assert all(r["victims"]["count"] == 1 for r in records(extractor, named))


def test_a_table_of_laws_and_their_penalties_is_a_list_of_measures(
    extractor: Extractor,
) -> None:
    # (public facts, our words)
    text = (
        "| Law | Adopted | Harshest penalty |\n"
        "|---|---|---|\n"
        "| Reactionary Ideology and Culture Rejection Act | December 2020 | Death, for "
        "spreading South Korean films in large amounts |\n"
        "| Pyongyang Cultural Language Protection Act | January 2023 | Death, for teaching or "
        'spreading the "puppet" language |\n\n'
        "The 2020 act made watching South Korean films a crime carrying five to fifteen years "
        "of reform through labour.\n\n"
        "Under the 2023 act, people who use South Korean words can be sent to labour camps.\n"
    )
    found = records(extractor, text, published="2024-04-15")
    assert all((r["violation"], r["kind"]) == ("expression.suppression", "measure") for r in found)
    assert sorted(r["date"] for r in found) == ["2020-12", "2023-01"]
    assert all(r["place"] is None for r in found)  # ("Pyongyang" names the law)
    [of_2020] = [r for r in found if r["date"] == "2020-12"]
    assert any("The 2020 act" in e["text"] for e in of_2020["evidence"])


def test_a_verdict_names_the_accused_and_punishes_what_the_court_found(
    extractor: Extractor,
) -> None:
    # (an invented verdict)
    text = (
        "The accused, Kang Song-nam, male, born 1981, a worker at a steel mill.\n\n"
        "The court finds that between March and May 2019 the accused brought into the country "
        "eleven memory cards holding South Korean dramas and sold them to residents of "
        "Chongjin.\n\n"
        "The court sentences the accused to ten years of reform through labour.\n\n"
        "The accused's wife, Ri Ok-hui, who knew of the crime and did not report it, is "
        "sentenced to two years of labour training.\n"
    )
    found = records(extractor, text, published="2019-08-30")
    [speech] = [r for r in found if r["violation"] == "expression.suppression"]
    assert (speech["date"], speech["victims"]["names"]) == ("2019", ["Kang Song-nam"])
    labour = {r["victims"]["names"][0]: r for r in found if r["violation"] == "labor.forced"}
    assert set(labour) == {"Kang Song-nam", "Ri Ok-hui"}
    assert labour["Ri Ok-hui"]["victims"]["sex"] == "female"


def test_political_prisoners_held_in_camps_as_a_report_of_a_year_said(
    extractor: Extractor,
) -> None:
    # (public figures, our words)
    text = (
        "The UN commission of inquiry said in 2014 that between 80,000 and 120,000 political "
        "prisoners were held in four large camps."
    )
    [record] = records(extractor, text, published="2025-01-08")
    assert (record["violation"], record["date"], record["victims"]["count"]) == (
        "detention.prison_camp",
        "2014",
        None,
    )


def test_claims_unconfirmed_or_refuted_about_a_named_man_make_no_records(
    extractor: Extractor,
) -> None:
    # (public reports of 2019, our words)
    text = (
        "# What we know about the envoy said to have been executed\n\n"
        "On 31 May 2019 a newspaper reported that the senior official Kim Yong-chol had "
        "been sent to a labour camp.\n\n"
        "## What we know\n\n"
        "Kim Yong-chol appeared in public at a performance on 2 June. The story about him "
        "was wrong.\n\n"
        "No second source has confirmed that the envoy was executed.\n"
    )
    assert records(extractor, text, published="2019-06-05") == []


def test_an_urgent_actions_detention_its_risks_and_a_brother_gone_after_his_return(
    extractor: Extractor,
) -> None:
    # (an invented woman and her brother)
    text = (
        "Yoon Mi-ran, a 29-year-old North Korean woman, was detained by Chinese police at a "
        "bus station in Longjing on 21 May 2024. She is being held at the Tumen border "
        "detention centre. If she is sent back, she is likely to be questioned and beaten by "
        "State Security officers.\n\n"
        "Her family says that her brother was sent back from China in 2021 and has not been "
        "heard from since.\n"
    )
    found = records(extractor, text, published="2024-06-03")
    assert sorted(r["violation"] for r in found) == [
        "detention.arbitrary",
        "disappearance.enforced",
        "movement.forced_return",
    ]
    [held] = [r for r in found if r["violation"] == "detention.arbitrary"]
    assert (held["country"], len(held["evidence"])) == ("CN", 2)
    [gone] = [r for r in found if r["violation"] == "disappearance.enforced"]
    assert (gone["country"], gone["victims"]["nationality"], gone["date"]) == ("KP", "KP", "2021")


def test_afterwards_my_mother_and_i_and_a_demand_for_those_held_since(
    extractor: Extractor,
) -> None:
    # (an invented speaker)
    text = (
        "MR. JANG: In October 2015 my brother was shot by a firing squad at the airfield "
        "outside Hyesan. Afterwards my mother and I were sent to live in a village in Kapsan "
        "County, and we stayed there for four years.\n"
    )
    [moved] = [
        r
        for r in records(extractor, text, published="2023-09-20")
        if r["violation"] == "movement.restriction"
    ]
    assert (moved["date"], moved["place"], moved["victims"]["count"]) == ("2015", "Kabsan", 2)
    # (public facts, our words)
    demand = (
        "The ministry again urged Pyongyang to free the three South Korean missionaries it "
        "has held since 2013 and 2014."
    )
    [held] = records(extractor, demand, published="2024-11-12")
    assert (held["violation"], held["date"], held["place"]) == ("detention.arbitrary", "2013", None)
    assert held["victims"]["nationality"] == "KR"
    assert records(extractor, "The ministry urged Pyongyang to free the missionaries.") == []


def test_counted_acts_in_a_years_figures_and_one_of_them_told_after(
    extractor: Extractor,
) -> None:
    # (invented figures)
    text = (
        "In 2023 we recorded 14 public executions (2022: 9) and 212 forced returns from "
        "China (2022: 41). One of last year's executions was of a 22-year-old man in Hyesan, "
        "shot in front of a crowd in April for passing on South Korean songs."
    )
    found = records(extractor, text, published="2024-02-28")
    counts = sorted((r["violation"], r["victims"]["count"]) for r in found)
    assert counts == [
        ("expression.suppression", 1),
        ("life.execution", 1),
        ("life.execution", 14),
        ("movement.forced_return", 212),
    ]
    [songs] = [r for r in found if r["violation"] == "expression.suppression"]
    assert (songs["place"], songs["victims"]["nationality"]) == ("Hyesan", "KP")


def test_a_daughter_named_by_her_mother_and_taken_by_the_chinese_police(
    extractor: Extractor,
) -> None:
    # (invented subtitles' words)
    text = (
        "My daughter Eun-hye crossed the river in the spring of 2016.\n\n"
        "A broker promised her work in a restaurant, but he sold her to a man in a village "
        "near Yanji.\n\n"
        "Last year a woman who escaped from the same village told me that Eun-hye had been "
        "taken by the Chinese police and sent back across the bridge at Tumen in October.\n"
    )
    found = {r["violation"]: r for r in records(extractor, text, published=None)}
    sold = found["sexual_violence"]
    assert (sold["date"], sold["victims"]["names"], sold["victims"]["nationality"]) == (
        "2016",
        ["Eun-hye"],
        "KP",
    )
    taken = found["detention.arbitrary"]
    assert (taken["perpetrator"], taken["victims"]["names"]) == ("Chinese authorities", ["Eun-hye"])


def test_case_studies_under_bold_labels_of_place_and_year(extractor: Extractor) -> None:
    # (invented cases)
    text = (
        "**Case A (Hoeryong, 2017).** A 45-year-old trader was arrested by state security "
        "after a neighbour reported that she kept a Chinese mobile phone. She was held for two "
        "months and then sent to a labour training camp for a year.\n\n"
        "**Case B (Hyesan, 2018).** Two teenage brothers were caught watching a South Korean "
        "film on a memory card. Their father, a party member, paid a bribe, and the boys were "
        "released after a week of questioning.\n\n"
        "**Case C (Sinuiju, 2019).** A fisherman who had listened to a foreign radio station "
        "on his boat was sentenced to five years in a reform-through-labour camp.\n"
    )
    found = records(extractor, text, published="2021-10-10")
    seen = sorted((r["violation"], r["date"], r["place"], r["victims"]["count"]) for r in found)
    assert seen == [
        ("detention.arbitrary", "2017", "Hoeryong", 1),
        ("detention.arbitrary", "2018", "Hyesan", 2),
        ("expression.suppression", "2018", "Hyesan", 2),
        ("expression.suppression", "2019", "Sinuiju", 1),
        ("labor.forced", "2017", "Hoeryong", 1),
        ("labor.forced", "2019", "Sinuiju", 1),
    ]
    [arrest] = [r for r in found if r["date"] == "2017" and r["violation"].startswith("det")]
    assert arrest["perpetrator"] == "Ministry of State Security"  # (not one who told)


def test_a_quarterly_reports_cases_are_dated_by_their_own_story(extractor: Extractor) -> None:
    # (invented cases, under a title whose period is when the report was written)
    text = (
        "Quarterly report: July to September 2024\n\n"
        "A woman said that officers of the Ministry of State Security took her younger "
        "brother, a miner in Kimchaek, in May 2023. The family has never been told where he "
        "is held or whether he is alive.\n\n"
        "Two sisters who were sent back from China in 2020 described the holding centre in "
        "Sinuiju, where female guards made them strip and squat while their bodies were "
        "searched.\n\n"
        "A former student said that in 2021 his entire year at the university was sent to "
        "Pyongyang for two months to build blocks of flats, without pay.\n"
    )
    found = records(extractor, text, published="2024-10-15")
    seen = sorted(
        (r["violation"], r["date"], r["date_end"], r["country"], r["place"]) for r in found
    )
    assert seen == [
        ("detention.arbitrary", "2023-05", None, "KP", "Kim Chaek"),
        ("detention.torture", "2020", None, "KP", "Sinuiju"),
        ("disappearance.enforced", "2023-05", None, "KP", "Kim Chaek"),
        ("labor.forced", "2021", None, "KP", "Pyongyang"),
        ("movement.forced_return", "2020", None, "CN", None),
        ("sexual_violence", "2020", None, "KP", "Sinuiju"),
    ]
    [labour] = [r for r in found if r["violation"] == "labor.forced"]
    assert labour["victims"]["nationality"] == "KP"  # ("his entire year at the university")


def test_a_camps_paragraphs_under_bold_labels_and_those_who_tell(extractor: Extractor) -> None:
    # (an invented dataset's notes, and an invented photo essay's captions)
    notes = (
        "**Site 14, Camp 14.** The camp lies along the Taedong River near Kaechon. The "
        "Ministry of State Security holds political prisoners there, whole families among "
        "them.\n\n"
        "**Site 12, Jongori.** A re-education camp of the Ministry of Social Security in "
        "Hoeryong county. Women sent back from China have told researchers that the prisoners "
        "are made to work in its copper mine for up to fourteen hours a day.\n"
    )
    found = records(extractor, notes, published="2019-05-20")
    seen = sorted((r["violation"], r["place"], r["perpetrator"]) for r in found)
    assert seen == [
        ("detention.prison_camp", "Kaechon camp (Kwanliso No. 14)", "Ministry of State Security"),
        ("labor.forced", "Jongori camp (Kyohwaso No. 12)", "Ministry of Social Security"),
    ]  # (no return: the women are who tell)
    captions = (
        "For three summers I photographed the North Korean city of Hyesan across the river.\n\n"
        "Women wash clothes at the water's edge in Hyesan, seen in August 2019. Scenes "
        "like this one had vanished by the next summer.\n\n"
        "People in Changbai who trade with the far side say the fence went up in the autumn "
        "of 2020, when the authorities ordered the guards to shoot anyone who came within a "
        "kilometre of the river.\n\n"
        "Kim Jong-il died on 17 December 2011. A news site later reported that people who "
        "stayed away from the mourning that December were sent to labour training camps.\n"
    )
    found = records(extractor, captions, published="2022-06-14")
    seen = sorted((r["violation"], r["country"], r["place"], r["perpetrator"]) for r in found)
    assert seen == [
        ("labor.forced", "KP", None, None),
        ("movement.restriction", "KP", None, "Government of the DPRK"),
    ]


def test_a_memos_accounts_of_disability_rations_and_a_held_pair(extractor: Extractor) -> None:
    # (invented accounts)
    memo = (
        "Ms. Paek, who was born with one leg shorter than the other, said that she and her "
        "mother were moved out of Pyongyang in 2008 because, an official told them, the "
        "capital was to have no disabled residents.\n\n"
        "In the spring of 2011, she said, the rations for families in her village that were "
        "classed as hostile were cut first.\n"
    )
    found = records(extractor, memo, published="2022-03-03")
    seen = sorted((r["violation"], r["date"], r["victims"]["count"]) for r in found)
    assert seen == [
        ("discrimination", "2008", 2),
        ("food.denial", "2011", None),
        ("movement.restriction", "2008", 2),
    ]
    note = (
        "Our contact in Hyesan reports that on Monday, 12 August, officers of the Ministry of "
        "Social Security arrested four women at the market for selling clothes made in "
        "China.\n\n"
        "Two of them were released the next day after their families paid fines; the other "
        "two are still held at the district police station.\n\n"
        "The contact also says that border guards shot dead a 19-year-old soldier who had "
        "left his post and was trying to cross the river near the city's airport on the "
        "night of 9 August.\n"
    )
    found = records(extractor, note, published="2024-08-14")
    seen = sorted(
        (r["violation"], r["date"], r["place"], r["victims"]["count"], len(r["evidence"]))
        for r in found
    )
    assert seen == [
        ("detention.arbitrary", "2024-08-12", "Hyesan", 4, 2),  # (the two still held: the same)
        ("life.killing", "2024-08-09", "Hyesan", 1, 1),
    ]


def test_a_return_at_the_crossing_its_acts_words_name(extractor: Extractor) -> None:
    text = (
        "Chinese police arrested Ms. Ri at a restaurant in Yanji in January 2019 and handed "
        "her to North Korean guards at the Tumen crossing a month later.\n"
    )
    found = {r["violation"]: r for r in records(extractor, text, published="2024-07-22")}
    assert found["detention.arbitrary"]["place"] == "Yanji"
    returned = found["movement.forced_return"]
    assert (returned["place"], returned["date"], returned["country"]) == (
        "Tumen River",
        "2019-02",
        "CN",
    )
    text = (
        "It reported that more than a thousand North Koreans were working in seafood plants "
        "in and around Dandong in 2023 and paid wages that went largely to the North Korean "
        "state.\n"
    )
    [labour] = [r for r in records(extractor, text) if r["violation"] == "labor.forced"]
    assert (labour["place"], labour["country"], labour["victims"]["nationality"]) == (
        "Dandong",
        "CN",
        "KP",
    )


def test_another_countrys_army_and_police_and_those_punished_for_the_killings(
    extractor: Extractor,
) -> None:
    # (public facts told in our own words)
    text = (
        "Police in Yangon arrested the two Reuters journalists on 12 December 2017. At the "
        "time they were reporting on the killing of ten Rohingya men and boys in the village "
        "of Inn Din in Rakhine State.\n\n"
        "In September 2018 a court in Yangon found both men guilty under the Official Secrets "
        "Act and sentenced them to seven years in prison.\n\n"
        "The army later admitted that soldiers had taken part in the killings at Inn Din in "
        "September 2017, and seven soldiers were jailed for them.\n"
    )
    found = records(extractor, text, published="2019-05-08")
    seen = sorted(
        (r["violation"], r["date"], r["country"], r["perpetrator"], r["victims"]["count"])
        for r in found
    )
    assert seen == [
        ("detention.arbitrary", "2017-12-12", "MM", "Government of Myanmar", 2),
        ("detention.arbitrary", "2018-09", "MM", None, 2),
        ("life.killing", "2017-09", "MM", "Government of Myanmar", 10),
    ]  # (the soldiers jailed for the killings are no victims; the killings are one act)
    protest = (
        "Police in Yangon detained ten students on 3 March 2021 for their part in a protest.\n"
    )
    [held] = records(extractor, protest, published="2021-03-10")
    assert (held["violation"], held["victims"]["count"]) == ("detention.arbitrary", 10)
    north = (
        "In October 2020 soldiers near Hyesan shot dead a woman carrying goods across the Yalu.\n"
    )
    [killing] = records(extractor, north, published="2021-04-28")
    assert (killing["perpetrator"], killing["country"]) == ("Korean People's Army", "KP")


def test_recommendations_in_a_table_and_returns_asked_for_make_no_records(
    extractor: Extractor,
) -> None:
    # (an invented matrix and an invented press release)
    matrix = (
        "No. | Recommendation (paraphrased) | Position\n\n"
        "2 | Ensure that no one returned from abroad is tortured, detained or punished for "
        "having left. | Noted\n\n"
        "3 | End public executions and abolish the death penalty. | Noted\n"
    )
    assert records(extractor, matrix, published="2019-12-12") == []
    asked = (
        "Three North Korean fishermen returned home at their own request\n\n"
        "The three fishermen whose boat drifted south on 2 June were handed back to the North "
        "Korean side at sea this morning, the ministry said.\n\n"
        "All three men said from the first interview that they wished to go home.\n"
    )
    assert records(extractor, asked, published="2024-06-11") == []
    contested = (
        "The foreign ministry said that the girl had been sent back to North Korea on 14 "
        "November 2018. North Korea told Italy that she had asked to go home. A former "
        "diplomat said she had been taken back against her will.\n"
    )
    [returned] = records(extractor, contested, published="2019-02-22")
    assert returned["violation"] == "movement.forced_return"


def test_a_letter_that_corrects_a_report_and_students_told_of_again(
    extractor: Extractor,
) -> None:
    # (an invented letter and an invented bulletin)
    letter = (
        "Sir, your report of 12 May said that two young men from Hyesan were executed in "
        "April for selling South Korean films. That is not what happened.\n\n"
        "Both were tried in public at the city stadium on 20 April, and each was sentenced to "
        "fifteen years in a reform-through-labour camp.\n"
    )
    found = records(extractor, letter, published="2023-05-19")
    assert [(r["violation"], r["date"]) for r in found] == [("labor.forced", "2023-04-20")]
    bulletin = (
        "In August 2019 police in Hoeryong arrested three university students for watching "
        "South Korean dramas, a source told us.\n\n"
        "The students were questioned for ten days and then sent to a labour training camp "
        "outside the city.\n"
    )
    [labour] = [
        r
        for r in records(extractor, bulletin, published="2019-09-02")
        if r["violation"] == "labor.forced"
    ]
    assert (labour["victims"]["count"], labour["place"]) == (3, "Hoeryong")


def test_a_broadcast_script_in_capitals_and_an_arrest_only_feared(extractor: Extractor) -> None:
    # (an invented script)
    script = (
        "ANCHOR: NORTH KOREAN BORDER GUARDS SHOT DEAD A MAN WHO WAS TRYING TO CROSS THE TUMEN "
        "RIVER NEAR MUSAN ON SUNDAY NIGHT, A SOURCE IN THE TOWN TOLD OUR STATION.\n\n"
        "ANCHOR: HE MAY HAVE BEEN CARRYING RICE TO SELL IN CHINA.\n"
    )
    [killing] = records(extractor, script, published="2023-02-14")
    assert (killing["date"], killing["place"], killing["perpetrator"]) == (
        "2023-02-12",
        "Musan",
        "Border guards",
    )
    assert killing["evidence"][0]["text"].startswith("ANCHOR: NORTH KOREAN BORDER GUARDS")
    notes = (
        "Mr. Paek was detained by border guards near Musan in October 2024.\n"
        "He was beaten during questioning and has been held since at the Musan police "
        "station.\n\n"
        "The man we feared had been arrested in Hyesan in September turned out to have moved "
        "to another city for work.\n"
    )
    found = records(extractor, notes, published="2024-11-30")
    assert sorted((r["violation"], len(r["evidence"])) for r in found) == [
        ("detention.arbitrary", 2),  # (held since: the same detention)
        ("detention.torture", 1),
    ]


def test_what_the_police_took_and_what_someone_never_told(extractor: Extractor) -> None:
    # (invented sentences: things taken and a secret kept are no arrest and no disappearance)
    text = (
        "In May 2023 the police took her phone and her notebooks.\n\n"
        "He never told us where he hid the money.\n"
    )
    assert records(extractor, text, published="2023-06-01") == []
    taken = "In May 2023 state security agents took her away from the market in Hyesan.\n"
    [arrest] = [
        r
        for r in records(extractor, taken, published="2023-06-01")
        if r["violation"] == "detention.arbitrary"
    ]
    assert arrest["perpetrator"] == "Ministry of State Security"
