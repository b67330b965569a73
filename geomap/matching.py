"""Finding place names in text.

Text and names are compared in a *folded* form (diacritics removed, case folded,
apostrophes, hyphens and runs of white space turned into one space), through one
Aho-Corasick automaton over every folded name (pyahocorasick: a C multi-pattern
scanner, so the cost grows with the text, not with the number of places). Each
folded character remembers where it came from, so matches map back to exact
offsets in the original text.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import ahocorasick

from .gazetteer import Gazetteer

_SEPARATORS = set("'’‘ʿʾ`´ʻʼ-‐‑‒–—_/") | {"\u00ad"}


@dataclass(frozen=True)
class Folded:
    """Folded text and, for each of its characters, the index it came from."""

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of folded [start, end)."""
        return self.origin[start], self.origin[end - 1] + 1


def fold(text: str) -> Folded:
    """Fold `text` for matching, keeping a map back to the original offsets."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char.isspace() or char in _SEPARATORS or not (char.isalnum() or unicodedata.category(char) == "Mn"):
            if chars and chars[-1] != " ":
                chars.append(" ")
                origin.append(index)
            continue
        for part in unicodedata.normalize("NFKD", char):
            if unicodedata.combining(part):
                continue
            for folded_char in part.casefold():
                chars.append(folded_char)
                origin.append(index)
    return Folded("".join(chars), tuple(origin))


def fold_name(name: str) -> str:
    """The key under which a name is indexed."""
    return fold(name).text.strip()


@dataclass(frozen=True)
class Candidate:
    """A span of text that names one or more gazetteer places."""

    start: int
    end: int
    text: str
    place_ids: tuple[str, ...]
    method: str  # how it matched: "name", "variant" or "folded"


@dataclass(frozen=True)
class NameIndex:
    """Every folded name of a gazetteer, searchable in one pass over a text."""

    keys: dict[str, tuple[str, ...]]
    spellings: dict[tuple[str, str], str]  # (key, place id) -> "name" or "variant"
    automaton: ahocorasick.Automaton


def build_index(gazetteer: Gazetteer) -> NameIndex:
    keys: dict[str, list[str]] = {}
    spellings: dict[tuple[str, str], str] = {}
    for place in gazetteer:
        for i, name in enumerate(place.names):
            key = fold_name(name)
            if not key:
                continue
            ids = keys.setdefault(key, [])
            if place.id not in ids:
                ids.append(place.id)
            spellings.setdefault((key, place.id), "name" if i == 0 else "variant")
    frozen = {key: tuple(sorted(ids)) for key, ids in keys.items()}
    automaton = ahocorasick.Automaton()
    for key in frozen:
        automaton.add_word(key, key)
    if frozen:
        automaton.make_automaton()
    return NameIndex(frozen, spellings, automaton)


def find_names(text: str, index: NameIndex) -> list[Candidate]:
    """Whole-word, capitalised occurrences of gazetteer names, longest first, not overlapping."""
    if not index.keys:
        return []
    folded = fold(text)
    found = []
    for end, key in index.automaton.iter(folded.text):
        start = end - len(key) + 1
        if start > 0 and folded.text[start - 1] != " ":
            continue
        if end + 1 < len(folded.text) and folded.text[end + 1] != " ":
            continue
        o_start, o_end = folded.span(start, end + 1)
        surface = text[o_start:o_end]
        if not _capitalised(surface):
            continue
        found.append((o_start, o_end, surface, key))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    candidates, last_end = [], -1
    for o_start, o_end, surface, key in found:
        if o_start < last_end:
            continue
        place_ids = index.keys[key]
        candidates.append(Candidate(o_start, o_end, surface, place_ids, _method(surface, key, place_ids, index)))
        last_end = o_end
    return candidates


def _capitalised(surface: str) -> bool:
    """Names are proper nouns: a lower-case word is a common word, not a place."""
    first = next((c for c in surface if c.isalpha()), "")
    return first.isupper() or not first.isalpha() or not first.isascii() and not first.islower()


def _method(surface: str, key: str, place_ids: tuple[str, ...], index: NameIndex) -> str:
    kinds = {index.spellings[(key, pid)] for pid in place_ids}
    return "name" if "name" in kinds else "variant"
