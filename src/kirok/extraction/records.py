"""The incident record of spec/incidents.md, and the mentions components find."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kirok.dates import PartialDate


@dataclass
class Mention:
    """Something a component found in a sentence: ``start``/``end`` are document offsets."""

    start: int
    end: int
    text: str


@dataclass
class TimeMention(Mention):
    date: PartialDate | None = None
    date_end: PartialDate | None = None
    relative: bool = False


@dataclass
class PlaceMention(Mention):
    name: str = ""
    kind: str = ""
    country: str | None = None
    rank: int = 0
    locative: bool | None = None  # True: where it happened; False: a direction or a home


@dataclass
class ActorMention(Mention):
    name: str = ""
    country: str | None = None
    is_source: bool = False  # "X said ...": who reports, not who acts
    is_agent: bool = False  # "... by X"


@dataclass
class VictimMention(Mention):
    count: int | None = None
    count_text: str | None = None
    names: list[str] = field(default_factory=list)
    nationality: str | None = None
    age: int | None = None
    sex: str | None = None


@dataclass
class Trigger(Mention):
    violation: str = ""
    kind: str = ""
    form: str = ""
    victim_before: bool = False

    @property
    def family(self) -> str:
        return self.violation.split(".")[0]


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    times: list[TimeMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    victims: list[VictimMention] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    # where its reporting words start ("said", "according to"), its clause-like
    # stretches, whether it has words that point back ("the incident"): found once
    reports: list[int] | None = None
    segments: list[tuple[int, int]] | None = None
    points_back: bool | None = None
    # the time a sentence of its own just before gives ("In the spring of 2018.
    # I crossed the Yalu ..."): the act's when the sentence gives none
    told_before: TimeMention | None = None
    # the time the heading of its section gives ("## July"): the act's when neither
    # the sentence nor the one before gives one
    section_time: TimeMention | None = None
    # where the sentence before it starts and ends (document offsets), if any
    before: tuple[int, int] | None = None
    # whether it tells of the event of the sentence before again ("... off Wonsan
    # on January 23. A sailor was killed in the attack."), and that sentence's places
    retells: bool = False
    # the sentences that told that event (document offsets), found once
    scene: tuple[int, int] | None = None
    scene_places: list[PlaceMention] = field(default_factory=list)
    # and the country of a place that sentence sent people to ("fly the nine
    # from Beijing to Pyongyang"), and the last group it counted ("the nine")
    scene_destination: str | None = None
    scene_group: VictimMention | None = None
    # a form's field above it that names who acted ("Forces believed responsible:
    # ..."): where it is (document offsets), and the actor it names
    field_actor: tuple[int, int] | None = None
    field_perpetrator: str | None = None


@dataclass
class Evidence:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Victims:
    count: int | None = None
    count_text: str | None = None
    names: list[str] = field(default_factory=list)
    nationality: str | None = None
    age: int | None = None
    sex: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "count_text": self.count_text,
            "names": [" ".join(name.split()) for name in self.names],  # (one across a line break)
            "nationality": self.nationality,
            "age": self.age,
            "sex": self.sex,
        }


@dataclass
class Record:
    """One act or official measure stated in a source, with its evidence."""

    violation: str
    kind: str
    date: str | None = None
    date_end: str | None = None
    country: str | None = None
    place: str | None = None
    perpetrator: str | None = None
    victims: Victims = field(default_factory=Victims)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    # whether the victims' nationality was stated, not assumed from the country
    # (not part of the record: it decides whether another mention may settle it)
    nationality_stated: bool = field(default=True, compare=False)
    # the victims are only "he" or "she": the person named just before, maybe
    refers_back: bool = field(default=False, compare=False)
    # the victims are only "they" or "them": the group told just before, maybe
    refers_to_group: bool = field(default=False, compare=False)
    # people listed with the victim ("together with his father and his uncle"):
    # how many (None: not all counted), added once the victim is counted
    companions: int | None = field(default=0, compare=False)
    # the country is the document's, for want of a place or actor in the sentence
    country_assumed: bool = field(default=False, compare=False)
    # the date is the period a title or heading gives, for want of one the sentence gives
    date_from_section: bool = field(default=False, compare=False)

    @property
    def family(self) -> str:
        return self.violation.split(".")[0]

    def to_dict(self) -> dict[str, Any]:
        return {
            "violation": self.violation,
            "kind": self.kind,
            "date": self.date,
            "date_end": self.date_end,
            "country": self.country,
            "place": self.place,
            "perpetrator": self.perpetrator,
            "victims": self.victims.to_dict(),
            "evidence": [e.to_dict() for e in self.evidence],
            "confidence": round(self.confidence, 2),
        }
