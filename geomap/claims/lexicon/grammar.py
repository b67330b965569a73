"""The small words and word endings the reader's grammar turns on, by the part they play.

"of" after a noun, "and" between two names, "that" before what is said: the reader's
rules are about these roles, and English fills them. The words live in the lexicon's
`grammar: words:` and `grammar: endings:`; the code names each role, never the word.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from ...yamlio import LineDict, did_you_mean
from ..tokens import words_of


@dataclass(frozen=True)
class FunctionWords:
    """Single words by role; each a set, so a language may give several."""

    complement: frozenset[str]  # a noun's complement: "the town of X", "the capture of X"
    conjunction: frozenset[str]  # joins two of a kind: "X and Y"
    coordinator: frozenset[str]  # joins a second verb to the same subject: "said ... but denied"
    complementiser: frozenset[str]  # opens what is said: "said that ..."
    infinitive: frozenset[str]  # before a verb: "to take"
    agent: frozenset[str]  # names the doer after a passive: "taken by X"
    quoting: frozenset[str]  # "quoting X as saying"
    quoted_speech: frozenset[str]  # the verb after it: "as saying"
    origin: frozenset[str]  # "withdrew from X": the side after it lost the place
    speaker_links: frozenset[str]  # "a spokesman for X", "sources from X"
    speaker_places: frozenset[str]  # "a resident in X": where the speaker is
    speech_noun_links: frozenset[str]  # "claims of ...": a speech verb used as a noun
    speech_objects: frozenset[str]  # "denied that", "denied it": what a denial refers back to
    control_complements: frozenset[str]  # words after a claim noun that go on naming the place ("of", "control")
    definite: frozenset[str]  # "the town", "this city": a place named before
    indefinite: frozenset[str]  # "a town": a place named after
    articles: frozenset[str]  # before a noun, pointing at nothing in particular
    possessive: frozenset[str]  # "Ardenport's control": the owner before it
    possessives: frozenset[str]  # "its forces": not a side of its own
    place_pronouns: frozenset[str]  # "took it": the place named before
    neuter_pronouns: frozenset[str]  # "it": a place, or nobody ("it is unclear")
    subject_pronouns: frozenset[str]  # "they took": a side named before
    perfect: frozenset[str]  # "have taken": an auxiliary, not a verb of its own
    contractions: frozenset[str]  # "'ve", "'d": auxiliaries split off a word
    last: frozenset[str]  # "the last stronghold": a hold-out
    every: frozenset[str]  # "all districts of X": the whole of X
    allies: frozenset[str]  # "X and its allies": still X's side
    inclusion: frozenset[str]  # "including": a list goes on, it does not end
    distance_units: frozenset[str]  # "20 km north of X": X only locates
    directions: frozenset[str]  # "northern Sudland": a part of a country, not the country
    not_adverbs: frozenset[str]  # words ending like an adverb that are not ("only")
    capital_nouns: frozenset[str]  # "the capital": only a place the gazetteer calls one
    vague_place_nouns: frozenset[str]  # "the area": any place but a country


@dataclass(frozen=True)
class Endings:
    """Word endings by what they mark; each a tuple of endings."""

    gerund: tuple[str, ...]  # "taking": a clause without a subject of its own
    participle: tuple[str, ...]  # "captured": a verb, even if also a filler
    adverb: tuple[str, ...]  # "fully": may stand between a phrase's words
    ordinal: tuple[str, ...]  # "21st": a date
    plural: tuple[str, ...]  # "towns": counted places
    demonym: tuple[str, ...]  # "Berovian": its plural ("Armenians") names the side


def read_words(where: LineDict, problem: Callable[[LineDict, str, str], None]) -> FunctionWords:
    """`grammar: words:` as FunctionWords; every role must be given."""
    return FunctionWords(**_read(FunctionWords, where, "words", problem,
                                 lambda words: frozenset(w for text in words for w in words_of(text))))


def read_endings(where: LineDict, problem: Callable[[LineDict, str, str], None]) -> Endings:
    """`grammar: endings:` as Endings; every kind must be given."""
    return Endings(**_read(Endings, where, "endings", problem, lambda endings: tuple(e.lower() for e in endings)))


def _read(cls, grammar: LineDict, key: str, problem, convert) -> dict:
    roles = [f.name for f in dataclasses.fields(cls)]
    table = grammar.get(key)
    if not isinstance(table, LineDict):
        problem(grammar, key, f"'{key}' must map each of {', '.join(roles)} to a list")
        return {role: convert([]) for role in roles}
    for role in table:
        if role not in roles:
            problem(table, role, f"unknown {key[:-1]} {role!r}{did_you_mean(role, roles)}")
    found = {}
    for role in roles:
        value = table.get(role)
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            problem(table if role in table else grammar, role if role in table else key,
                    f"{key[:-1]} {role!r} must be a list of words")
            value = []
        found[role] = convert(value)
    return found
