"""Names that are places somewhere but not in this sentence: English words, people, outlets.

A world gazetteer lists a place for most capitalised words: "March" (England), "Police"
(Poland), "Tesfay" (a village in Kessland), "Pravda". For places from a generated file
(`import-geonames`), the tests a careful reader applies decide:

- an English dictionary word ("Police", "Centre", "White House") is no place unless
  its context says place ("in Police", "the town of March", "March district"), or it
  is a country or a city large for how common its name is as a word; never when a
  capitalised name follows it ("Central Government", "West Coast"); a month or weekday
  name only with a feature noun after it;
- a name after a title ("President Tesfay") or before a personal-name particle (in
  `matching`), before another capitalised name ("Tesfay Gebre") or after a given name
  ("Paul Allen"), and every other use of a name so used in the article, is a person's;
  a name before "said" is a person's or an outlet's, and one after "told" or
  "according to" is who speaks, unless a country, a division or a large city
  ("Moscow said");
- a name inside the outlet's own name or inside a run of capitalised words that names
  an outlet or organisation ("The Washington Post", "Norland Press Agency", "Orrin
  University") is no place;
- a spelling nobody listed is never an English word ("Human" is not Uman).

A name with a place's context anywhere in the article ("in Senna") is not a person's.
Places of the curated gazetteer are never filtered: the user listed them for this war.
"""
from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .english import English, dictionary_word, english, given_names, peoples_and_languages, zipf
from .gazetteer import Gazetteer, Place
from .matching import Candidate

_DICTIONARY_ZIPF = 3.0  # a dictionary word rarer than once per 100,000 English words ("sirt") may be a name
_FUNCTION_WORD_ZIPF = 5.5  # words this common are words, whatever the dictionary says ("of", "to")
_UNLISTED_WORD_ZIPF = 3.0  # a spelling nobody listed is never found in a word this common
_NAME_OVER_WORD = 1.5  # a city whose word frequency exceeds 0.6 * log10(population) by more is a word first
_RARE_WORD_ZIPF = 4.0  # a capitalised word rarer than this, no English word, before a name: a first name
_UNKNOWN_POPULATION = 500  # what a place without a population counts as (cities500's floor)
_SPEAKING_POPULATION = 1_000_000  # a city this large may speak ("Moscow said")
_NAMED_AFTER_PLACES = ("airport", "river", "mountains", "pass", "valley")  # things called after a nearby place
_NEXT_NAME = re.compile(r"[ \t]+([A-Z][\w'’-]+)")
_PREVIOUS_NAME = re.compile(r"\b([A-Z][a-z]+)[ \t]+$")


@dataclass(frozen=True)
class _Evidence:
    """What the whole article says about its names, for judging each mention."""

    text: str
    words: English
    placed: frozenset[str]  # names given a place's context somewhere ("in Senna")
    people: frozenset[str]  # names used as a person's somewhere, and never as a place
    outlets: tuple[tuple[int, int], ...]  # spans naming an outlet or organisation


def drop_non_places(text: str, candidates: Sequence[Candidate], gazetteer: Gazetteer, source: str = "") -> list[Candidate]:
    """`candidates` without the generated places that the context says are no place here."""
    if all(gazetteer[pid].curated for c in candidates for pid in c.place_ids):
        return list(candidates)
    words = english()
    placed = placed_names(text, candidates, words)
    evidence = _Evidence(text, words, placed, frozenset(_people_named(text, candidates, words) - placed),
                         tuple(_outlet_spans(text, source, words)))
    kept = []
    for candidate in candidates:
        places = [gazetteer[pid] for pid in candidate.place_ids]
        if all(p.curated for p in places) or _not_a_place(candidate, places, evidence) is None:
            kept.append(candidate)
            continue
        curated = tuple(p.id for p in places if p.curated)
        if curated:
            kept.append(candidate._replace(place_ids=curated))
    return kept


def _not_a_place(candidate: Candidate, places: list[Place], evidence: _Evidence) -> str | None:
    """Why the generated places a candidate names are no place here, or None."""
    text, words, surface = evidence.text, evidence.words, candidate.text
    if any(start <= candidate.start and candidate.end <= end for start, end in evidence.outlets):
        return "outlet"
    before = text[max(0, candidate.start - 40):candidate.start]
    after = text[candidate.end:candidate.end + 40]
    major = any(_major(p) for p in places)
    if not major and surface not in evidence.placed and (
            words.speaker_before_pattern.search(before) or _speaks(before, after, words)):
        return "person or outlet"  # "told Pravda", "Tesfay said"; but "Moscow said" is Moscow
    if surface in evidence.people and not any(p.feature_type == "country" or p.feature_type == "city" and
                                              (p.population or 0) >= _SPEAKING_POPULATION for p in places):
        return "person"  # "Mary Magdalene", "Paul Allen", and every other use of those names
    if surface in peoples_and_languages() and not any(p.feature_type == "country" for p in places):
        return "a people or a language"  # "tweeted in English"
    if re.match(r"-[a-z]", after) and not major:
        return "part of a compound word"  # "Sandhurst-educated", but "Oskaria-backed" names Oskaria
    thing = _other_thing_after(after, places, words)
    if thing:
        return f"names a {thing}, not this place"  # "Harl International Airport" is not Harl
    if surface in words.months or surface in words.weekdays:
        return None if _feature_noun_after(after, words) else "date"
    if surface.isupper() and len(surface) > 1 and not any(surface in p.names for p in places) and (
            len(surface) <= 3 or re.search(r"[a-z],?[ \t]+$", before)):
        return "acronym"  # "UN" is not Ūn, "NATO" mid-sentence not Nato; "US" is listed, "BAKU, Oct 4" a dateline
    if not any(_same_inner_capitals(surface, name) for p in places for name in p.names):
        return "a different casing"  # "Noma" is not NoMa
    english_words = _english_words(surface)
    if english_words and " " not in surface and _NEXT_NAME.match(after) and not _feature_noun_after(after, words):
        return "English word before a name"  # "Central Government", "West Coast"
    if not any(_name_over_word(p, surface, english_words) for p in places) and not place_context(text, candidate, words):
        return "a word or a person's name more than this place"
    if candidate.method in ("transliteration", "fuzzy") and zipf(surface.lower()) >= _UNLISTED_WORD_ZIPF:
        return "English word, spelt like a place"
    return None


def _same_inner_capitals(surface: str, name: str) -> bool:
    """Whether the capitals inside a name written with them ("NoMa", "SoHo") are where the text has them."""
    inner = [i for i, c in enumerate(name) if i and c.isupper() and name[i - 1].islower()]
    return not inner or surface.isupper() or all(i < len(surface) and surface[i].isupper() for i in inner)


def _major(place: Place) -> bool:
    return place.feature_type in ("country", "province", "region") or (place.population or 0) >= _SPEAKING_POPULATION


def _name_over_word(place: Place, surface: str, english_words: bool) -> bool:
    """Whether a name read alone is this place more than a word or someone's name: a country; a
    place large for how common its name is in English ("Paris", "Reading", "Senna"; not
    "March", "David", "Obama"); never a division whose name is a dictionary word ("Centre")."""
    if place.feature_type == "country":
        return True
    if english_words and " " not in surface and place.feature_type not in ("city", "town", "village"):
        return False  # a division named "Centre" or "Western", not "New Jersey"
    parts = re.findall(r"[^\W\d_]+", surface.lower())
    commonest = max((zipf(w) for w in parts), default=0.0) if len(parts) == 1 or english_words else zipf(surface.lower())
    return commonest - 0.6 * math.log10(max(place.population or 0, _UNKNOWN_POPULATION)) < _NAME_OVER_WORD


def _english_words(surface: str) -> bool:
    """Every word of `surface` an English word ("Police", "White House"), not a name."""
    parts = re.findall(r"[^\W\d_]+", surface)
    return bool(parts) and all(_plain_word(w) for w in parts)


def _speaks(before: str, after: str, words: English) -> bool:
    """"Allen said", "said Allen": a speech verb right after the name or right before it."""
    verbs = words.speech_verbs | words.other_speech_verbs
    following = re.match(r",?\s+(\w+)", after)
    preceding = re.search(r"(\w+),?\s+$", before)
    inverted = preceding is not None and preceding.group(1).lower() in verbs and re.match(r"\s*[,.;:”\"]", after)
    return bool(following and following.group(1) in verbs or inverted)  # not "said Banowal was handed over"


def placed_names(text: str, candidates: Sequence[Candidate], words: English | None = None) -> frozenset[str]:
    """The names the article places somewhere: "in Senna", "the towns of A, B and C", "Hadrow, a town in"."""
    words = words or english()
    return frozenset(c.text for c in candidates if place_context(text, c, words, strong=True))


def place_context(text: str, candidate: Candidate, words: English | None = None, strong: bool = False) -> bool:
    """A preposition or "the town of" before the name (or before the list it is in: "the towns of
    A, B and C"), or a feature noun after it; `strong`: only those that make it a place wherever
    else it stands ("in", not "at")."""
    words = words or english()
    before = words.strong_place_before_pattern if strong else words.place_before_pattern
    return bool(before.search(text[max(0, candidate.start - 40):candidate.start])) or \
        _in_placed_list(text, candidate, words) or _feature_noun_after(text[candidate.end:candidate.end + 40], words)


def _in_placed_list(text: str, candidate: Candidate, words: English) -> bool:
    """A later item of a list after a strong place word ("the towns of A, B and C"): the list goes on
    after it, or it is the last ("and C"); "in Orrin, Ahmed Darrow said" is no list."""
    before = text[max(0, candidate.start - 120):candidate.start]
    listed = re.match(r"\s*(?:,|and\b|or\b)", text[candidate.end:candidate.end + 6]) or re.search(r"\b(?:and|or)\s+$", before)
    return bool(listed) and words.strong_place_list_pattern.search(before) is not None


def _other_thing_after(after: str, places: list[Place], words: English) -> str | None:
    """A feature type of a thing named after a place ("Harl airport", "Orrin River") that none of
    the candidate places has: the name is that thing's, not the place's."""
    match = re.match(r"\s*(?:International\s+)?(\w+)", after)
    if not match:
        return None
    noun = match.group(1).lower()
    for kind in _NAMED_AFTER_PLACES:
        if words.fits(noun, kind) and not any(words.fits(noun, p.feature_type) for p in places):
            return kind
    return None


def _feature_noun_after(after: str, words: English) -> bool:
    """"Kova woreda", "Kessland's region"; or an apposition ("Hadrow, a town in")."""
    return re.match(rf"\s*(?:'s\s+)?(?:{words.feature_noun_pattern})s?\b", after, re.IGNORECASE) is not None \
        or words.appositive_pattern.match(after) is not None


def _people_named(text: str, candidates: Sequence[Candidate], words: English) -> set[str]:
    """Names the article uses as a person's, at any of their occurrences (a title may already have
    kept one from the candidates: "Prime Minister Tesfay Gebre"): a name directly followed by another
    capitalised name that is no place, month, feature noun or organisation word, or by any name
    when it is a given name, the name not going on ("Tesfay Gebre", "Jeremy Allen", not "Senna
    Protection and Security Force"); and a name directly after a first name ("Paul Allen",
    "Dewly Nelson")."""
    places_at = {c.start for c in candidates}
    joined_on = _name_patterns(words)[1]
    people = set()
    for surface in {c.text for c in candidates}:
        for occurrence in re.finditer(rf"(?<![\w'’-]){re.escape(surface)}(?![\w'’-])", text):
            following = _NEXT_NAME.match(text, occurrence.end())
            if following is not None and not joined_on.match(text, following.end()):
                name = following.group(1)
                if surface in given_names() or following.start(1) not in places_at and not (
                        name in words.months or name in words.weekdays or name in words.organisation_words
                        or _plain_word(name) or re.fullmatch(words.feature_noun_pattern, name, re.IGNORECASE)):
                    people.update((surface, name))  # a surname is no English word: "Ahmed", not "Are", "Star"
            previous = _PREVIOUS_NAME.search(text, max(0, occurrence.start() - 30), occurrence.start())
            if previous and previous.start(1) not in places_at and _first_name(previous.group(1), words):
                people.add(surface)
    return people


def _plain_word(word: str) -> bool:
    """An English dictionary word ("Police", "Star") or a word as common as the commonest ("Of",
    "Are"), whatever its capital: no name."""
    low = word.lower()
    return zipf(low) >= _FUNCTION_WORD_ZIPF or dictionary_word(low) and zipf(low) >= _DICTIONARY_ZIPF


def _first_name(word: str, words: English) -> bool:
    """A word before a name that makes the pair a person's: a given name ("Paul Allen"), or a rare
    word that is no English word, title or organisation word ("Dewly Nelson")."""
    if word in given_names():
        return True
    low = word.lower()
    return not (dictionary_word(low) or zipf(low) >= _RARE_WORD_ZIPF or word in words.titles or word in words.months
                or word in words.weekdays or word in words.organisation_words)


@functools.lru_cache(maxsize=1)
def _name_patterns(words: English) -> tuple[re.Pattern, re.Pattern]:
    """A run of capitalised words with the small words inside names; and what shows a name goes on."""
    joiners = "|".join(sorted(words.name_joiners))
    word = rf"(?:[A-Z](?:[\w'’-]|\.(?=\w))*|(?:{joiners})\b)"  # a dot inside ("U.S"), never one ending a sentence
    return re.compile(rf"(?<![\w'’.-]){word}(?:[ \t]+{word})*"), re.compile(rf"[ \t]+(?:[A-Z]|(?:{joiners})\b)")


def _outlet_spans(text: str, source: str, words: English) -> list[tuple[int, int]]:
    """Where the outlet names itself, and runs of capitalised words ending in an outlet's or
    organisation's word ("The Washington Post", "Norland Press Agency")."""
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(source), text)] if source.strip() else []
    for run in _name_patterns(words)[0].finditer(text):
        parts = re.split(r"[ \t-]+", run.group())
        if len(parts) > 1 and parts[-1] in words.organisation_words:
            spans.append(run.span())
    return spans
