"""Choosing the place a name refers to, by the evidence a careful reader uses.

A name that fits several places ("Annaba": an Afghan district or the Algerian
port) is scored for each: an enclosing place named alongside ("the Annaba district
of <province>"), a feature noun next to it ("district", "port city"), the country the
article is about, and the distance to the article's other places (geopy).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from geopy.distance import great_circle

from .articles import Article
from .gazetteer import FEATURE_TYPES, Gazetteer, Place
from .matching import Candidate, NameIndex, find_names

_NEARBY_CHARS = 60
_FEATURE_NOUNS = tuple(sorted(
    {*FEATURE_TYPES, "area", "port", "port city", "capital", "provincial capital", "plain", "range", "mountains"},
    key=len, reverse=True,
))
_NOUN = "|".join(re.escape(n) for n in _FEATURE_NOUNS)
_NOUN_AFTER = re.compile(rf"\s*(?:'s\s+)?({_NOUN})s?\b", re.IGNORECASE)
_NOUN_BEFORE = re.compile(rf"\b({_NOUN})\s+(?:of\s+)?$", re.IGNORECASE)
_LISTED = ("name", "variant")
_SUPPORT_KM = 100
_CONFIDENCE = {"name": 1.0, "variant": 0.95, "transliteration": 0.8, "fuzzy": 0.6}


@dataclass(frozen=True)
class Mention:
    """A resolved place name in an article, with how sure we are and what it beat."""

    article_id: str
    start: int
    end: int
    text: str
    place: Place
    confidence: float
    method: str
    alternatives: tuple[tuple[str, float], ...] = ()  # (place id, score) of places it beat


def find_mentions(article: Article, index: NameIndex, gazetteer: Gazetteer,
                  names: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """Every place mention in `article`, resolved against `gazetteer`.

    `names` are spans of the body that name an actor (`Actors.name_spans`): a place name
    inside one, after a capitalised word of it, is part of the name ("Tahrir al-Sham"), not
    a place; after a lower-case joining word it still is ("Islamic Emirate of Afghanistan").
    """
    body = article.body
    candidates = [c for c in find_names(body, index)
                  if not any(start < c.start and c.end <= end and _capitalised_before(body, start, c.start)
                             for start, end in names)]
    return resolve_mentions(article, candidates, gazetteer)


def _capitalised_before(text: str, start: int, at: int) -> bool:
    """The word before `at` (within text[start:at]) begins with a capital."""
    words = text[start:at].split()
    return bool(words) and words[-1][:1].isupper()


def resolve_mentions(article: Article, candidates: list[Candidate], gazetteer: Gazetteer) -> list[Mention]:
    """Resolve each candidate to one place, using the article's unambiguous names as context.

    A spelling the gazetteer does not list (found by transliteration or fuzzy matching)
    is kept only where the article itself names a place near it or enclosing it:
    a misspelt district in a story about its province, not "Shootout" in a sports report.
    """
    listed = [c for c in candidates if c.method in _LISTED]
    anchors = [(c.start, gazetteer[c.place_ids[0]]) for c in listed if len(c.place_ids) == 1]
    context = None  # built once per article, at the first ambiguous name
    mentions = []
    for candidate in candidates:
        if candidate.method not in _LISTED:
            supported = tuple(pid for pid in candidate.place_ids if _supported(gazetteer[pid], anchors, gazetteer))
            if not supported:
                continue
            candidate = candidate._replace(place_ids=supported)
        if len(candidate.place_ids) == 1:
            place = gazetteer[candidate.place_ids[0]]
            mentions.append(Mention(article.id, candidate.start, candidate.end, candidate.text, place,
                                    _CONFIDENCE.get(candidate.method, 0.8), candidate.method))
            continue
        context = context or _Context.of(anchors, gazetteer)
        mentions.append(_resolve_ambiguous(article, candidate, context, gazetteer))
    return mentions


def _supported(place: Place, anchors, gazetteer: Gazetteer) -> bool:
    """Whether the article's listed names put `place` in the picture: a parent, a child or a neighbour.

    A country alone is too broad to vouch for a spelling nobody listed.
    """
    for _, other in anchors:
        if other.feature_type == "country":
            continue
        if other.id == place.id or gazetteer.is_ancestor(other.id, place.id) or gazetteer.is_ancestor(place.id, other.id):
            return True
        if place.feature_type != "country" and \
                great_circle((place.lat, place.lon), (other.lat, other.lon)).km <= _SUPPORT_KM:
            return True
    return False


@dataclass(frozen=True)
class _Context:
    """What the article's unambiguous names say, for scoring every ambiguous one."""

    anchors: list  # (offset, Place)
    countries: Counter  # country id -> how many anchors lie in it
    located: list  # anchors that are not whole countries

    @classmethod
    def of(cls, anchors, gazetteer: Gazetteer) -> "_Context":
        return cls(anchors, Counter(gazetteer.country_of(p.id) for _, p in anchors),
                   [p for _, p in anchors if p.feature_type != "country"])


def _resolve_ambiguous(article: Article, candidate: Candidate, context: _Context, gazetteer: Gazetteer) -> Mention:
    cue = _feature_cue(article.body, candidate)
    scores = {pid: _score(gazetteer[pid], candidate, cue, context, gazetteer) for pid in candidate.place_ids}
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    (best, best_score), rest = ranked[0], ranked[1:]
    margin = best_score - rest[0][1]
    confidence = round(min(0.95, 0.5 + 0.1 * margin) * _CONFIDENCE.get(candidate.method, 0.8), 2)
    return Mention(article.id, candidate.start, candidate.end, candidate.text, gazetteer[best],
                   confidence, f"{candidate.method}+context",
                   tuple((pid, round(score, 2)) for pid, score in rest))


def _feature_cue(body: str, candidate: Candidate) -> str | None:
    after = _NOUN_AFTER.match(body, candidate.end)
    if after:
        return after.group(1).lower()
    before = _NOUN_BEFORE.search(body[max(0, candidate.start - 25):candidate.start])
    return before.group(1).lower() if before else None


def _score(place: Place, candidate: Candidate, cue: str | None, context: _Context, gazetteer: Gazetteer) -> float:
    score = 0.0
    ancestors = gazetteer.ancestors(place.id)
    nearby = [p for start, p in context.anchors if abs(start - candidate.start) <= _NEARBY_CHARS]
    if any(p.id in ancestors for p in nearby):
        score += 3.0  # "the Annaba district of <its province>"
    if cue:
        nouns = {*place.reference_nouns, place.feature_type}
        score += 1.5 if cue in nouns or cue.split()[-1] in nouns else -1.0
    if context.anchors:
        score += 2.0 * context.countries.get(gazetteer.country_of(place.id), 0) / len(context.anchors)
    if context.located:
        nearest = min(great_circle((place.lat, place.lon), (p.lat, p.lon)).km for p in context.located)
        score += 1.5 if nearest < 50 else 1.0 if nearest < 200 else 0.5 if nearest < 1000 else 0.0
    return score
