"""One sentence as the claims reader sees it: its tokens, the parties and places in it."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..gazetteer import Place
from ..sentences import Sentence
from .lexicon import Lexicon
from .parties import Party
from .tokens import Token


@dataclass(frozen=True)
class PlaceRef:
    """A place in a sentence: its name, or words pointing at it ("the town", "a key town")."""

    start: int  # token index in the sentence
    end: int
    place: Place
    text: str  # as printed
    kind: str = "name"  # name, reference (back to a place named before), forward (to one named after)


@dataclass
class SentenceView:
    """A sentence with its parties and places, and lookups by token position."""

    index: int  # position of the sentence in the article
    sentence: Sentence
    tokens: tuple[Token, ...]
    parties: list[Party]
    places: list[PlaceRef] = field(default_factory=list)

    def __post_init__(self):
        self.index_spans()

    def index_spans(self) -> None:
        """Rebuild the by-position lookups (after places are added)."""
        self.party_ending = {p.end: p for p in self.parties}
        self.party_starting = {p.start: p for p in self.parties}
        self.places.sort(key=lambda p: (p.start, -p.end))
        self.place_ending = {}
        for ref in self.places:
            self.place_ending.setdefault(ref.end, ref)
        self.place_starting = {}
        for ref in self.places:
            self.place_starting.setdefault(ref.start, ref)

    def text_of(self, start: int, end: int) -> str:
        """The sentence's text from token `start` to token `end` (exclusive), as printed."""
        if start >= end:
            return ""
        body_start = self.sentence.start
        return self.sentence.text[self.tokens[start].start - body_start:self.tokens[end - 1].end - body_start]

    def party_covering(self, i: int) -> Party | None:
        """The party whose words include token `i`."""
        return next((p for p in self.parties if p.start <= i < p.end), None)

    def place_inside_party(self, ref: PlaceRef) -> bool:
        """A place named only as part of a longer party name ("Kessland forces", "forces from Kessland")."""
        return any(p.start <= ref.start and ref.end <= p.end and (p.end - p.start) > (ref.end - ref.start)
                   for p in self.parties)


def low_words(view: SentenceView, start: int, end: int) -> tuple[str, ...]:
    return tuple(t.low for t in view.tokens[start:end])


def matches(view: SentenceView, lexicon_phrases, i: int) -> int:
    """Length of the lexicon phrase at token `i` (0 if none or past the end)."""
    return lexicon_phrases.match(view.tokens, i) if 0 <= i < len(view.tokens) else 0


def feature_noun(view: SentenceView, lexicon: Lexicon, i: int) -> int:
    """Tokens of a settlement or feature noun at `i` ("town", "city", "district", "towns")."""
    if not 0 <= i < len(view.tokens):
        return 0
    return 1 if view.tokens[i].low in lexicon.sizes else lexicon.reference_nouns.match(view.tokens, i)
