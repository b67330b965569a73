"""The lexicon's tables: phrases as word tries, frame patterns with their roles, and the
Lexicon that holds every table the claims reader consults."""
from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...errors import GeomapError
from ..tokens import Token
from .grammar import Endings, FunctionWords

ROLES = ("holder", "loser", "place")
FRAMES = ("gain", "loss", "state", "presence", "hold-out")

Words = tuple[str, ...]  # one way a phrase element can be written, as tokens


class LexiconError(GeomapError):
    """The lexicon YAML is malformed."""


DAY, WEEK, MONTH = 1, 2, 3  # ACLED's time_precision: how precisely a claim is dated

@dataclass(frozen=True)
class Element:
    """One word position of a phrase: the token sequences that may stand there."""

    options: tuple[Words, ...]  # longest first

    def __post_init__(self):
        object.__setattr__(self, "_phrases", Phrases(self.options))

    def match(self, tokens: Sequence[Token], i: int) -> int:
        """Tokens matched at `i` (0 if none)."""
        return self._phrases.match(tokens, i)

    @property
    def first_words(self) -> frozenset[str]:
        return self._phrases.first_words


@dataclass(frozen=True)
class Slot:
    """Where a role (holder, loser, place) stands inside a phrase; `force`: named as armed men;
    `where`: a place where something is ("outside the governor's office in X": X)."""

    role: str
    force: bool = False
    where: bool = False


@dataclass(frozen=True, eq=False)  # hashed by identity: frames index patterns in sets
class FramePattern:
    """One way English says what happened to a place, with where each role attaches."""

    frame: str
    text: str  # as written in the lexicon, for `geomap explain`
    left: str | None  # role looked for before the core (the subject)
    core: tuple[Element | Slot, ...]
    right: str | None  # role looked for after the core (the object)
    force_roles: frozenset = frozenset()  # roles that must be named as armed men ({holder:force})
    where: bool = False  # the place is where something is ({place:where})

    @functools.cached_property
    def needs(self) -> tuple[frozenset, ...]:
        """For each word of the core after the first, the words one of which a sentence must hold."""
        return tuple(element.first_words for element in self.core[1:] if isinstance(element, Element))


class Phrases:
    """A set of fixed phrases, kept as a word trie so the longest match costs one step per word."""

    _END = ""  # key marking that a phrase ends at this node (no token is empty)

    def __init__(self, phrases: Iterable[Words]):
        self._trie: dict = {}
        for words in phrases:
            if words:
                node = self._trie
                for word in words:
                    node = node.setdefault(word, {})
                node[self._END] = True
        self.first_words = frozenset(self._trie)

    def match(self, tokens: Sequence[Token], i: int) -> int:
        """Length of the longest phrase starting at token `i` (0 if none)."""
        node, longest, k = self._trie, 0, i
        while k < len(tokens):
            node = node.get(tokens[k].low)
            if node is None:
                break
            k += 1
            if self._END in node:
                longest = k - i
        return longest

    def find(self, tokens: Sequence[Token], start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """(start, end) token spans of every phrase in tokens[start:end], left to right, not overlapping."""
        end = len(tokens) if end is None else end
        found, i = [], start
        while i < end:
            n = self.match(tokens, i) if tokens[i].low in self.first_words else 0
            if n and i + n <= end:
                found.append((i, i + n))
                i += n
            else:
                i += 1
        return found

    def __contains__(self, word: str) -> bool:
        return self._END in self._trie.get(word, {})


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per file, cached
class Lexicon:
    """Every table the claims reader consults; built by `load_lexicon`."""

    path: str
    fillers: Phrases
    determiners: Phrases
    clause_breaks: Phrases
    relative_pronouns: Phrases
    aside_openers: Phrases
    participle_links: Phrases
    be: Phrases
    impersonal: Phrases
    words: FunctionWords
    endings: Endings
    supporting: Phrases
    patterns: tuple[FramePattern, ...]
    patterns_by_word: dict  # first core token -> patterns that may start there
    denial_verbs: Phrases
    false_phrases: Phrases
    claim_nouns: Phrases
    persistence: Phrases
    speech_verbs: Phrases
    speech_also_nouns: Phrases
    speech_inverted: Phrases
    object_speaker: Phrases
    impersonal_passive: Phrases
    not_speaker_after: Phrases
    speech_lemma: dict  # form -> lemma, for the verbs of saying
    before_speaker: Phrases
    corroboration: Phrases
    speaker_nouns: Phrases
    visual_nouns: Phrases
    visual_claimant: dict  # noun -> the claimant it stands for ("photo" -> "photograph")
    visual_verbs: Phrases
    force_nouns: Phrases
    held_nouns: Phrases
    belonging: Phrases
    same_side_prefixes: Phrases
    other_side_prefixes: Phrases
    same_side_suffixes: Phrases
    other_side_suffixes: Phrases
    rival_words: Phrases
    self_references: Phrases
    generic_heads: tuple[str, ...]
    head_adjectives: dict  # generic head -> adjectives that name its actor ("rebels" -> rebel, rebellious)
    speaker_pronouns: Phrases
    third_pronouns: Phrases
    part_nouns: Phrases
    approximators: Phrases  # "about 80 percent of X": before a number
    surrounding_nouns: Phrases
    holdout_nouns: Phrases
    coordination: Phrases
    locators: Phrases
    descriptors: Phrases
    reference_nouns: Phrases
    same_reference: tuple[frozenset, ...]
    sizes: dict
    numbers: dict  # "eight" -> 8; vague quantities ("several") -> 0
    feature_sizes: dict
    negation: Phrases
    intent: Phrases
    epistemic: Phrases
    realised_before_to: Phrases
    causatives: Phrases
    condition: Phrases
    condition_hedges: Phrases
    history: Phrases
    hypothetical: Phrases
    ability: Phrases
    ongoing: Phrases
    months: tuple[tuple[str, ...], ...]  # each month's names, January first
    weekdays: tuple[str, ...]  # Monday first
    before_month: tuple[str, ...]
    relative_dates: dict  # phrase -> days back
    relative_precision: dict  # phrase -> ACLED time_precision (2 week, 3 month); absent: 1, the day
    relative_date_phrases: Phrases
    hedges: Phrases
    look_alikes: dict  # kind -> Phrases

    def is_filler(self, tokens: Sequence[Token], i: int) -> int:
        """Tokens from `i` that may stand between the words of a phrase (0 if none)."""
        token = tokens[i]
        low = token.low
        if low.isdigit() or (len(low) > 3 and low.endswith(self.endings.adverb) and low not in self.words.not_adverbs) \
                or low[:1].isdigit() and low.lstrip("0123456789") in self.endings.ordinal:
            return 1
        return self.fillers.match(tokens, i)

    def references(self, noun: str) -> frozenset:
        """The nouns that may point at the same place as `noun` ("town" for "city")."""
        for group in self.same_reference:
            if noun in group:
                return group
        return frozenset((noun,))
