"""Curation help: names that look like places but match nothing, with the nearest gazetteer names.

A capitalised name next to a feature noun ("Sarrow village", "the district of Hisarak")
is almost certainly a place; when the gazetteer lacks it, the user should hear so,
with suggestions, rather than see a map silently missing it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .articles import Article
from .gazetteer import Gazetteer
from .matching import NameIndex, fold_name
from .resolve import Mention

_NOUNS = r"(?i:district|province|village|valley|pass|town|city|area|region|river|mountains?|gorge|plain|port)"
_NAME = r"((?<![\w'’-])(?:[A-Z][\w'’-]+)(?:[ -](?:e|i|ye|[A-Z][\w'’-]+)){0,2})"  # from a word's start: linear time
_BEFORE_NOUN = re.compile(_NAME + r"\s+(" + _NOUNS + r")s?\b")
_AFTER_NOUN = re.compile(r"\b(" + _NOUNS + r")\s+of\s+" + _NAME)
_STOP = {"the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "every", "each", "last",
         "in", "at", "on", "of", "to", "from", "near", "into", "across", "and", "or", "but", "for", "by"}


@dataclass(frozen=True)
class Unmatched:
    """A place-like name the gazetteer does not know, and what it might be."""

    article_id: str
    start: int
    end: int
    text: str
    cue: str  # the feature noun that makes it look like a place
    suggestions: tuple[tuple[str, str, int], ...]  # (place id, name, similarity 0-100)


def find_unmatched(article: Article, mentions: list[Mention], index: NameIndex, gazetteer: Gazetteer) -> list[Unmatched]:
    """Capitalised names beside a feature noun that no mention covers."""
    covered = [(m.start, m.end) for m in mentions if m.article_id == article.id]
    found: dict[tuple[int, int], Unmatched] = {}
    for pattern, name_group, noun_group in ((_BEFORE_NOUN, 1, 2), (_AFTER_NOUN, 2, 1)):
        for match in pattern.finditer(article.body):
            start, end = match.span(name_group)
            text = match.group(name_group)
            words = text.split()
            while words and words[0].lower() in _STOP:
                start += len(words[0]) + 1
                words = words[1:]
            text = " ".join(words)
            if not text or not text[0].isupper() or any(s < start + len(text) and start < e for s, e in covered):
                continue
            end = start + len(text)
            found[(start, end)] = Unmatched(article.id, start, end, text, match.group(noun_group).lower(),
                                            suggest(text, index, gazetteer))
    return [found[key] for key in sorted(found)]


def suggest(text: str, index: NameIndex, gazetteer: Gazetteer, limit: int = 3) -> tuple[tuple[str, str, int], ...]:
    """The gazetteer places whose names are closest to `text`."""
    suggestions: dict[str, tuple[str, str, int]] = {}
    for key, score, _ in process.extract(fold_name(text), index.keys, scorer=fuzz.ratio, limit=limit * 3):
        for place_id in index.places_named(key):
            if place_id not in suggestions and score >= 50:
                suggestions[place_id] = (place_id, gazetteer[place_id].name, round(score))
    return tuple(sorted(suggestions.values(), key=lambda s: (-s[2], s[0]))[:limit])
