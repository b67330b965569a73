"""Choosing the place a name refers to, by the evidence a careful reader uses.

The sure names come first: a listed name that fits one place. A spelling nobody
listed, an alternate name far from a generated place's own ("Glen" for Inda
Silasē), or a given name that is also a village, is kept only where a sure name puts
the place in the picture: its division or a place within 100 km, in the same
country. A name that fits several places ("Ostra": a Norlandic district or the
Valmarkish port; the frontline Lemno or another) is scored for each:

- hints in the text: an enclosing place named alongside ("the Ostra district of
  <province>", "X in Kessland"), a country or its demonym before it ("the Estmarkish town
  of X", "Sudland's X"), a feature noun beside it ("district", "port city");
- the article's geography: the share of its sure places in the same country, and how
  many of its places (sure, then those resolved so far) lie near (a frontline cluster
  beats a lone namesake);
- priors: a curated place over a generated one; between generated places, a larger
  population and a more important feature type (a country over a village of its name).

The places a mention beat, with their scores, stay in `mentions.csv`.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from geopy.distance import great_circle
from rapidfuzz import fuzz

from .articles import Article
from .english import demonyms, english, given_names, zipf
from .gazetteer import Gazetteer, Place
from .matching import Candidate, NameIndex, find_names, fold_name, transliteration_key
from .nonplaces import drop_non_places, placed_names

_NEARBY_CHARS = 60
_NEIGHBOUR_KM = 50  # a settlement this near one named beside it in the text is likely the one meant
_SETTLEMENTS = ("city", "town", "village", "locality")
_LISTED = ("name", "variant")
_SUPPORT_KM = 100
_PLACED_SUPPORT_KM = 250  # for a name the article itself calls a place ("the towns of A, B and C")
_CONFIDENCE = {"name": 1.0, "variant": 0.95, "transliteration": 0.8, "fuzzy": 0.6}
_FEATURE_PRIOR = {"country": 4.0, "city": 0.7, "province": 0.5, "region": 0.5, "district": 0.3, "town": 0.2}
_CURATED_PRIOR = 3.0  # above any generated place's priors: the user's entry for this war wins
_CAPITAL_PRIOR = 1.0
_SPELLING_WEIGHT = 5.0  # "Zalavin" is Zalvin (closer alike) before the bigger Zelvan
_TOWN_KNOWN_BY_NAME = 100_000  # a given name that is also a city this large ("Houston") needs no other place beside it


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
    inside one, after a capitalised word of it, is part of the name ("Tahrir al-Vell"), not
    a place; after a lower-case joining word it still is ("Islamic Emirate of Norland").
    """
    body = article.body
    candidates = [c for c in find_names(body, index)
                  if not any(start < c.start and c.end <= end and _capitalised_before(body, start, c.start)
                             for start, end in names)]
    return resolve_mentions(article, drop_non_places(body, candidates, gazetteer, article.source), gazetteer)


def _capitalised_before(text: str, start: int, at: int) -> bool:
    """The word before `at` (within text[start:at]) begins with a capital."""
    words = text[start:at].split()
    return bool(words) and words[-1][:1].isupper()


def resolve_mentions(article: Article, candidates: list[Candidate], gazetteer: Gazetteer) -> list[Mention]:
    """Resolve each candidate to one place: the sure names first, then the ambiguous ones by the
    evidence, then the doubtful ones where the others vouch for them, and the ambiguous ones
    again knowing where everything else went."""
    body = article.body
    placed = placed_names(body, candidates)
    doubtful = {id(c) for c in candidates if _needs_support(c, gazetteer, placed)}
    sure = [(c.start, gazetteer[c.place_ids[0]]) for c in candidates if len(c.place_ids) == 1 and id(c) not in doubtful]
    context = _Context.of(sure, gazetteer)
    resolved = [(c.start, _resolve(article, c, context, gazetteer).place) for c in candidates
                if len(c.place_ids) > 1 and id(c) not in doubtful]
    anchors = sure + resolved
    vouched = _vouched([c for c in candidates if id(c) in doubtful], anchors, placed, gazetteer)
    kept, placed_doubtful = [], []
    for candidate in candidates:
        if id(candidate) in doubtful:
            supported = _support(candidate, anchors, vouched, placed, gazetteer)
            if not supported:
                continue
            candidate = candidate._replace(place_ids=supported)
            if len(supported) == 1:
                placed_doubtful.append((candidate.start, gazetteer[supported[0]]))
        kept.append(candidate)
    context = _Context.of(anchors + placed_doubtful, gazetteer)
    mentions = []
    for candidate in kept:
        if len(candidate.place_ids) > 1:
            mentions.append(_resolve(article, candidate, context.without(candidate.start), gazetteer))
        else:
            mentions.append(Mention(article.id, candidate.start, candidate.end, candidate.text,
                                    gazetteer[candidate.place_ids[0]], _CONFIDENCE.get(candidate.method, 0.8),
                                    candidate.method))
    return mentions


def _needs_support(candidate: Candidate, gazetteer: Gazetteer, placed: set[str]) -> bool:
    """A spelling nobody listed; or, for generated places only, an alternate name far from the
    place's own ("Glen" for Inda Glenna) or that is a given name or an English word ("Levi" for
    Lévis), or a given name that is also a small place ("Mary") with no place's context in the
    article."""
    if candidate.method not in _LISTED:
        return True
    places = [gazetteer[pid] for pid in candidate.place_ids]
    if any(p.curated or p.feature_type == "country" for p in places):
        return False
    if candidate.method == "variant" and (not any(_close_spelling(candidate.text, p.name) for p in places)
                                          or candidate.text in given_names() or zipf(candidate.text.lower()) >= 3.0):
        return True  # "Glen" for Inda Glenna; "Levi" for Lévis, "Dame" for Damme
    if candidate.text in placed:
        return False
    if all(p.feature_type == "village" for p in places):
        return True  # a village named alone, with no place's context: only near the article's places
    return (candidate.text in given_names() or fold_name(candidate.text).title() in given_names()) and \
        not any(p.feature_type in ("province", "region") or (p.population or 0) >= _TOWN_KNOWN_BY_NAME for p in places)


def _close_spelling(surface: str, name: str) -> bool:
    """Whether two names are spellings of one another rather than different names (an exonym)."""
    a, b = (transliteration_key(fold_name(n)).replace(" ", "") for n in (surface, name))
    return a in b or b in a or a[:4] == b[:4]


def _vouched(doubtful: list[Candidate], anchors, placed: frozenset[str], gazetteer: Gazetteer) -> list:
    """(offset, place) of the doubtful names that the sure ones vouch for with a single place, and
    of those these vouch for in turn (at the shorter reach): "the towns of A, B and C" where only
    A lies near the article's sure places."""
    vouched: list = []
    decided: set[int] = set()
    grew = True
    while grew:
        grew = False
        for candidate in doubtful:
            if id(candidate) in decided:
                continue
            supported = _support(candidate, anchors, vouched, placed, gazetteer)
            if len(supported) == 1:
                decided.add(id(candidate))
                vouched.append((candidate.start, gazetteer[supported[0]]))
                grew = True
    return vouched


def _support(candidate: Candidate, anchors, vouched, placed: frozenset[str], gazetteer: Gazetteer) -> tuple[str, ...]:
    """The candidate's places that the sure names (farther for a name the article places) or the
    names they vouched for put in the picture."""
    reach = _PLACED_SUPPORT_KM if candidate.text in placed else _SUPPORT_KM
    return tuple(pid for pid in candidate.place_ids if _supported(gazetteer[pid], anchors, gazetteer, reach)
                 or _supported(gazetteer[pid], vouched, gazetteer))


def _supported(place: Place, anchors, gazetteer: Gazetteer, reach: float = _SUPPORT_KM) -> bool:
    """Whether the article's sure names put `place` in the picture: a parent, a child, or a
    neighbour in the same country within `reach` km. A country alone is too broad to vouch for a spelling."""
    country = gazetteer.country_of(place.id)
    for _, other in anchors:
        if other.feature_type == "country":
            continue
        if other.id == place.id or gazetteer.is_ancestor(other.id, place.id) or gazetteer.is_ancestor(place.id, other.id):
            return True
        if place.feature_type != "country" and gazetteer.country_of(other.id) == country and \
                _km(place, other) <= reach:
            return True
    return False


@dataclass(frozen=True)
class _Context:
    """What the article's places so far say, for scoring every ambiguous name."""

    anchors: list  # (offset, Place)
    countries: Counter  # country id -> how many anchors lie in it

    @classmethod
    def of(cls, anchors, gazetteer: Gazetteer) -> "_Context":
        return cls(anchors, Counter(gazetteer.country_of(p.id) for _, p in anchors))

    def without(self, start: int) -> "_Context":
        """The context of another name: the mention at `start` does not vouch for itself."""
        return _Context([(s, p) for s, p in self.anchors if s != start],
                        self.countries) if any(s == start for s, _ in self.anchors) else self

    @functools.cached_property
    def located(self) -> tuple[Place, ...]:
        """The places (not countries) named, each once: a cluster is of places, not of mentions."""
        return tuple({p.id: p for _, p in self.anchors if p.feature_type != "country"}.values())


def _resolve(article: Article, candidate: Candidate, context: _Context, gazetteer: Gazetteer) -> Mention:
    cue = _feature_cue(article.body, candidate)
    before = _words_before(article.body, candidate)
    hints = {pid: _country_named(gazetteer[pid], before, gazetteer) for pid in candidate.place_ids}
    named = any(hints.values())  # the words name one of the candidates' countries
    scores = {pid: _score(gazetteer[pid], candidate, cue, hints[pid] if named else None, context, gazetteer)
              for pid in candidate.place_ids}
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    (best, best_score), rest = ranked[0], ranked[1:]
    margin = best_score - rest[0][1]
    confidence = round(min(0.95, 0.5 + 0.1 * margin) * _CONFIDENCE.get(candidate.method, 0.8), 2)
    return Mention(article.id, candidate.start, candidate.end, candidate.text, gazetteer[best],
                   confidence, f"{candidate.method}+context",
                   tuple((pid, round(score, 2)) for pid, score in rest))


def _feature_cue(body: str, candidate: Candidate) -> str | None:
    after, before = _noun_patterns()
    found = after.match(body, candidate.end)
    if found:
        return found.group(1).lower()
    found = before.search(body[max(0, candidate.start - 25):candidate.start])
    return found.group(1).lower() if found else None


@functools.lru_cache(maxsize=1)
def _noun_patterns() -> tuple[re.Pattern, re.Pattern]:
    nouns = english().feature_noun_pattern
    return (re.compile(rf"\s*(?:'s\s+)?({nouns})s?\b", re.IGNORECASE),
            re.compile(rf"\b({nouns})\s+(?:of\s+)?$", re.IGNORECASE))


@functools.lru_cache(maxsize=1 << 16)
def _km(a: Place, b: Place) -> float:
    """Great-circle distance (geopy), remembered: the same pairs come up for every ambiguous name."""
    return great_circle((a.lat, a.lon), (b.lat, b.lon)).km


def _words_before(body: str, candidate: Candidate) -> frozenset[str]:
    """Capitalised words just before the name, lower case: "the Estmarkish town of" -> {"ethiopian"}."""
    return frozenset(w.lower() for w in re.findall(r"[A-Z][\w-]+", body[max(0, candidate.start - 40):candidate.start]))


def _country_named(place: Place, words: frozenset[str], gazetteer: Gazetteer) -> bool | None:
    """Whether the words name the place's country or its people (None when they name no country)."""
    country_id = gazetteer.country_of(place.id)
    if not words or country_id is None:
        return None
    return bool(_country_forms(gazetteer[country_id].names) & words)


@functools.lru_cache(maxsize=1024)
def _country_forms(names: tuple[str, ...]) -> frozenset[str]:
    """A country's names and demonyms, lower case."""
    by_name = {fold_name(n): found for n, found in demonyms().items()}
    return frozenset({n.lower() for n in names} | {d for n in names for d in by_name.get(fold_name(n), ())})


def _score(place: Place, candidate: Candidate, cue: str | None, in_named_country: bool | None, context: _Context,
           gazetteer: Gazetteer) -> float:
    score = 0.0
    if candidate.method not in _LISTED:  # a spelling nobody listed: the closer the place's own spelling, the likelier
        likeness = max(fuzz.ratio(fold_name(candidate.text), fold_name(name)) for name in place.names) / 100
        score += _SPELLING_WEIGHT * (likeness - 1.0)
    ancestors = gazetteer.ancestors(place.id)
    nearby = [p for start, p in context.anchors if abs(start - candidate.start) <= _NEARBY_CHARS]
    if any(p.id in ancestors for p in nearby):
        score += 3.0  # "the Ostra district of <its province>", "X in Kessland"
    if place.feature_type in _SETTLEMENTS and any(
            p.feature_type != "country" and p.id not in candidate.place_ids and _km(place, p) < _NEIGHBOUR_KM
            for p in nearby):
        score += 1.5  # named beside a neighbour: "the towns of Rikdal and Zalavin"
    if in_named_country is not None:
        score += 3.0 if in_named_country else -1.0  # "the Estmarkish town of X"
    if cue:
        nouns = {*place.reference_nouns, place.feature_type}
        fits = cue in nouns or cue.split()[-1] in nouns or english().fits(cue, place.feature_type)
        score += 1.5 if fits else -1.0
    if context.anchors:
        score += 2.0 * context.countries.get(gazetteer.country_of(place.id), 0) / len(context.anchors)
    located = context.located
    if located:
        closeness = sum(1.0 if d < 50 else 0.6 if d < 200 else 0.25 if d < 1000 else 0.0
                        for d in (_km(place, p) for p in located))
        score += 1.5 * min(1.0, closeness / 2) + (0.5 if closeness >= 3 else 0.0)  # a cluster beats a lone namesake
    if place.curated:  # the user's own entry; its size is theirs to weigh, but a country is a country
        return score + _CURATED_PRIOR + (_FEATURE_PRIOR["country"] if place.feature_type == "country" else 0.0)
    # a country before a village of its name ("Talvia", not Talvia, Ohio); a city before its division,
    # a capital before its namesakes ("London", not London, Ontario)
    score += _FEATURE_PRIOR.get(place.feature_type, 0.0) + 0.3 * math.log10(max(place.population or 0, 1))
    return score + (_CAPITAL_PRIOR if "capital" in place.referred_to_as else 0.0)
