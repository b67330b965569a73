"""The state of one article while its claims are read: its sentences, the claims and
readings so far, and who spoke or acted last (what "he said" and "they" point back at)."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from ..actors import Actors
from ..articles import Article
from ..gazetteer import Gazetteer, Place
from .attribution import Speech
from .dates import When
from .frames import FrameMatch
from .lexicon import Lexicon
from .view import PlaceRef, SentenceView


@dataclass(frozen=True)
class Claim:
    """One statement about who controls a place, traceable to its sentence."""

    article_id: str
    place: Place
    place_text: str  # the spelling (or reference, "the valley") the sentence used
    controller: str  # actor id
    claimant: str  # actor id, or the claimant's name as written ("witnesses", "Emergency")
    stance: str
    hedges: tuple[str, ...]
    evidence: str  # the sentence, verbatim
    evidence_start: int
    evidence_end: int
    date: dt.date | None
    time_precision: int | None = None  # ACLED's: 1 the day, 2 the week, 3 the month or vaguer (None: undated)

    @property
    def hedged(self) -> bool:
        return bool(self.hedges)


@dataclass(frozen=True)
class Reading:
    """What the reader made of one frame (or look-alike) in a sentence: why a dot has its colour."""

    sentence: int  # index of the sentence in the article
    start: int  # the sentence's offsets in the body
    end: int
    frame: str  # gain, loss, state, presence, hold-out, denial, or a look-alike kind
    words: str  # the words that made it, as printed
    phrase: str  # the lexicon phrase
    places: tuple[str, ...]  # place ids
    holder: str | None
    claimant: str | None
    stance: str | None
    hedges: tuple[str, ...]
    date: dt.date | None
    outcome: str  # "claim", or why not ("negation: not", "intent: to", "history: in 1991", "no holder", ...)


@dataclass(frozen=True)
class Said:
    """Who says a frame, and how."""

    claimant: str  # actor id or a name
    is_actor: bool
    corroborating: bool = False
    visual: bool = False
    denying: bool = False
    speech: Speech | None = None


@dataclass
class ArticleState:
    """One article being read; changed sentence by sentence."""

    article: Article
    actors: Actors
    gazetteer: Gazetteer
    lex: Lexicon
    views: list[SentenceView]
    mentioned: Counter  # actor id -> how often the article names it
    outlet_actor: str | None = None  # the side the outlet speaks for, if any
    claims: list[Claim] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)
    sentence_claims: list[list[Claim]] = field(default_factory=list)
    last_speaker: str | None = None  # claimant of the last attributed speech
    last_actor: str | None = None  # the last side named as a subject
    quote_speakers: dict[tuple[int, int], list[Said]] = field(default_factory=dict)
    last_quote: tuple[int, list[Said]] | None = None
    frames: list[FrameMatch] = field(default_factory=list)  # the sentence's, while it is read

    @property
    def actor_ids(self) -> set[str]:
        return {a.id for a in self.actors}


def new_claim(state: ArticleState, view, ref: PlaceRef, controller, claimant, stance, hedges, when: When | None,
              frame) -> Claim:
    sentence = view.sentence
    return Claim(state.article.id, ref.place, ref.text, controller, claimant, stance, hedges,
                 sentence.text, sentence.start, sentence.end, when.date if when else None,
                 when.precision if when else None)


def add_reading(state: ArticleState, view, frame, words, phrase, places, holder, claimant, stance, hedges,
                when: When | None, outcome) -> None:
    state.readings.append(Reading(view.index, view.sentence.start, view.sentence.end, frame, words, phrase,
                                 places, holder, claimant, stance, hedges, when.date if when else None, outcome))


def view_at(state: ArticleState, offset: int) -> SentenceView | None:
    return next((v for v in state.views if v.sentence.start <= offset < v.sentence.end + 1), None)
