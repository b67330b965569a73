"""English that finding and placing place names needs, read from `english.yaml` beside this file.

Feature nouns ("the Kessland region"), what makes a name a person's ("General Dorran",
"Tesfay said") or an outlet's ("The Washington Post"), the prepositions that make even
an English word a place ("in Police"), month and weekday names; and from packages:
the demonyms of countries (countryinfo: "Estmarkish" for Estmark), which words are
English dictionary words (lemminflect's lexicon: "police", "centre", not "Texas") and
how common (wordfreq), and given names (Faker's name lists, of many languages).
"""
from __future__ import annotations

import functools
import importlib
import pkgutil
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from countryinfo import all_countries
from lemminflect import getAllLemmas
from wordfreq import zipf_frequency

from .yamlio import safe_load

_FILE = Path(__file__).with_name("english.yaml")


@dataclass(frozen=True, eq=False)  # one, read once: compared and hashed by identity
class English:
    """The tables of `english.yaml`, with the patterns made from them."""

    feature_nouns: dict  # feature type -> the nouns that fit it
    place_nouns: frozenset[str]
    place_before: tuple[str, ...]
    weak_place_before: tuple[str, ...]
    appositive_after: tuple[str, ...]
    titles: frozenset[str]
    person_particles: frozenset[str]
    speech_verbs: frozenset[str]
    other_speech_verbs: frozenset[str]
    speaker_before: tuple[str, ...]
    organisation_words: frozenset[str]
    name_joiners: frozenset[str]
    country_names: dict  # country name -> other English names of it
    languages: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    not_name_words: frozenset[str]

    @functools.cached_property
    def all_feature_nouns(self) -> tuple[str, ...]:
        """Every feature or place noun, longest first (so "port city" wins over "city")."""
        nouns = {n for group in self.feature_nouns.values() for n in group} | self.place_nouns
        return tuple(sorted(nouns, key=lambda n: (-len(n), n)))

    @functools.cached_property
    def feature_noun_pattern(self) -> str:
        return _alternation(self.all_feature_nouns)

    def fits(self, noun: str, feature_type: str) -> bool:
        """Whether "the <noun>" may name a place of `feature_type` ("region" a province)."""
        return noun == feature_type or noun in self.feature_nouns.get(feature_type, ())

    @functools.cached_property
    def appositive_pattern(self) -> re.Pattern:
        """", a town in", ", the strategic village of": an apposition that says the name before it is a place."""
        following = _alternation(self.appositive_after)
        return re.compile(rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{self.feature_noun_pattern})s?"
                          rf"(?=\s*(?:[,.;:)]|$)|\s+(?:{following})\b)", re.IGNORECASE)

    @functools.cached_property
    def place_before_pattern(self) -> re.Pattern:
        """Words just before a name that make it a place: "in ", "the town of ", "at "."""
        return _words_before((*self.place_before, *self.weak_place_before))

    @functools.cached_property
    def strong_place_before_pattern(self) -> re.Pattern:
        """Those of them that make a name a place wherever else it stands in the article."""
        return _words_before(self.place_before)

    @functools.cached_property
    def strong_place_list_pattern(self) -> re.Pattern:
        """A strong place word, then names in a list, before the end of a text: "the towns of A, B and "."""
        alternatives = _alternation(self.place_before)
        name = r"[A-Z][\w'’-]*(?:[ \t-]+[A-Z][\w'’-]*)*"
        return re.compile(rf"(?:^|\W)(?i:{alternatives})\s+(?:the\s+)?(?:{name}\s*(?:,\s*|\s+and\s+|\s+or\s+))+"
                          rf"(?:and\s+|or\s+)?$")

    @functools.cached_property
    def speaker_before_pattern(self) -> re.Pattern:
        return _words_before(self.speaker_before)


def _alternation(words) -> str:
    """A regular-expression alternation of `words`, longest first (so "north of" wins over "north")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _words_before(words) -> re.Pattern:
    """One of `words` (and maybe "the") just before the end of a text."""
    return re.compile(rf"(?:^|\W)(?:{_alternation(words)})\s+(?:the\s+)?$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def english() -> English:
    """The shipped tables (read once)."""
    data = safe_load(_FILE.read_text(encoding="utf-8"))
    return English(
        feature_nouns={kind: tuple(nouns) for kind, nouns in data["feature_nouns"].items()},
        place_nouns=frozenset(data["place_nouns"]),
        place_before=tuple(data["place_before"]),
        weak_place_before=tuple(data["weak_place_before"]),
        appositive_after=tuple(data["appositive_after"]),
        titles=frozenset(data["titles"]),
        person_particles=frozenset(data["person_particles"]),
        speech_verbs=frozenset(data["speech_verbs"]),
        other_speech_verbs=frozenset(data["other_speech_verbs"]),
        speaker_before=tuple(data["speaker_before"]),
        organisation_words=frozenset(data["organisation_words"]),
        name_joiners=frozenset(data["name_joiners"]),
        country_names={name: tuple(others) for name, others in data["country_names"].items()},
        languages=frozenset(data["languages"]),
        months=frozenset(data["months"]),
        weekdays=frozenset(data["weekdays"]),
        not_name_words=frozenset(data["not_name_words"]),
    )


@functools.lru_cache(maxsize=1)
def country_spellings() -> dict[str, tuple[str, ...]]:
    """ISO code -> the country's other names and spellings in Latin script: countryinfo's (less its
    two- and three-letter codes) and english.yaml's `country_names`."""
    found: dict[str, list[str]] = {}
    code_of = {}
    for country in all_countries():
        info = country.info()
        code = (info.get("ISO") or {}).get("alpha2")
        if not code or not info.get("name"):
            continue
        code_of[info["name"]] = code
        found[code] = [s for s in info.get("altSpellings") or ()
                       if s[:1].isupper() and not (s.isupper() and len(s) <= 3) and _latin(s)]
    for name, others in english().country_names.items():
        if name not in code_of:
            raise ValueError(f"english.yaml: country_names: {name!r} is not a country countryinfo knows")
        found[code_of[name]].extend(others)
    return {code: tuple(dict.fromkeys(others)) for code, others in found.items()}


def _latin(text: str) -> bool:
    return all(not c.isalpha() or c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in text)


@functools.lru_cache(maxsize=1)
def peoples_and_languages() -> frozenset[str]:
    """Capitalised words that name a people or a language, not a place: demonyms and languages."""
    return frozenset({d.title() for found in demonyms().values() for d in found} | english().languages)


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, tuple[str, ...]]:
    """Country name -> its demonyms, lower case ("Berovia" -> ("armenian",)), from countryinfo."""
    found = {}
    for country in all_countries():
        info = country.info()
        name, demonym = info.get("name"), info.get("demonym")
        if name and demonym:
            found[name] = tuple(d.strip().lower() for d in demonym.split(",") if d.strip())
    return found


@functools.lru_cache(maxsize=1 << 16)
def zipf(word: str) -> float:
    """How common `word` is in English, on wordfreq's Zipf scale (4: once per 10,000 words)."""
    return zipf_frequency(word, "en")


@functools.lru_cache(maxsize=1 << 16)
def dictionary_word(word: str) -> bool:
    """Whether `word` (lower case) is an English dictionary word: a noun, verb or adjective of
    lemminflect's lexicon ("march", "police"), not a proper name ("texas", "david")."""
    return bool(getAllLemmas(word))


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """First names of many languages (Latin script), from Faker's person providers."""
    import faker.providers.person as providers

    names: set[str] = set()
    for module in pkgutil.iter_modules(providers.__path__):
        provider = getattr(importlib.import_module(f"{providers.__name__}.{module.name}"), "Provider", None)
        for table in ("first_names", "first_names_male", "first_names_female"):
            listed = vars(provider).get(table, ()) if provider else ()
            if isinstance(listed, (list, tuple, dict)):  # a few providers compute theirs: skipped
                names.update(n for n in listed if isinstance(n, str) and n.isascii() and n.isalpha())
    return frozenset(names)
