"""Finding place names in text.

Text and names are compared in a *folded* form (diacritics removed, case folded,
apostrophes, hyphens and runs of white space turned into one space), through one
Aho-Corasick automaton over every folded name (pyahocorasick: a C multi-pattern
scanner, so the cost grows with the text, not with the number of places). Each
folded character remembers where it came from, so matches map back to exact
offsets in the original text.

Spellings the gazetteer does not list are found at lower confidence in two ways:
a *transliteration key* that folds the regular alternations of romanised names
(kh/h/x, q/k, gh/g, u/o, i/e/ee, a/aa, doubled letters, a final h), and a bounded
fuzzy match on that key (one edit, or two letters swapped, for names of seven or
more letters), looked up through deletion and anagram indexes (RapidFuzz measures
the distance), so no name is compared with every place.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

import ahocorasick
from rapidfuzz.distance import OSA

from .gazetteer import Gazetteer

_SEPARATORS = set("'’‘ʿʾ`´ʻʼ-‐‑‒–—_/") | {"\u00ad"}
_IZAFE = ("e", "i", "ye")  # Persian linking vowel: Dara-e-Hazara, Dara-i Hazara, Dara e Hazara
_TRANSLITERATION = [
    (re.compile(p), r) for p, r in (
        (r"^[aeiou]", "a"), (r"dzh|dj|zh", "j"), (r"kh|x", "h"), (r"gh", "g"), (r"q|ck", "k"), (r"ph", "f"), (r"v", "w"),
        (r"ee|ii|ey|ei|ay|ai", "i"), (r"oo|ou", "u"), (r"y", "i"), (r"u", "o"), (r"e", "i"),
        (r"([a-z])\1+", r"\1"), (r"(?<=[aio])h$", ""),
    )
]
_MIN_TRANSLITERATED = 4  # letters, below which only listed spellings match
_MIN_FUZZY = 7
# A name is a person's, not a place's, after a title or before a personal-name particle
# or a following name and "said": "General Dara", "Dara Khan", "Dara Nazari told".
_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Gen|General|Commander|Cmdr|Col|Colonel|Capt|Captain|President|Minister|Mullah"
    r"|Maulvi|Haji|Sheikh|Sayed|Syed|Engineer|spokesman|spokeswoman|spokesperson|named|called)\.?\s+$")
_PERSON_AFTER = re.compile(
    r"\s+(?:(?:Khan|Jan|Shah|Gul|Beg|Bey|Agha|Sahib|Begum|Bibi)\b"
    r"|[A-Z][a-z]+,?\s+(?:said|says|told|added|wrote|tweeted)\b)")
# A word that may be a name: starts a word with a letter that is not ASCII lower case.
_CAPITAL_WORD = re.compile(r"(?<![^\W\d_])(?:[A-Z]|[^\W\d_a-z])[\w'’ʿʾ]*")
# What may join the words of one name: a space, a hyphen, a line break, or a linking vowel.
_JOIN = re.compile(r"[ \t]?[-‐‑]?[ \t]?|\n|[ \t]?[-‐‑ ](?:e|i|ye)[-‐‑ ][ \t]?")


@dataclass(frozen=True)
class Folded:
    """Folded text and, for each of its characters, the index it came from."""

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of folded [start, end)."""
        return self.origin[start], self.origin[end - 1] + 1


_FOLDED_CHARS: dict[str, str] = {}  # memo: each distinct character folds once per process
_SPACE_RUNS = re.compile(r"^ +| {2,}")


def _fold_char(char: str) -> str:
    if char.isspace() or char in _SEPARATORS or not (char.isalnum() or unicodedata.category(char) == "Mn"):
        folded = " "
    else:
        folded = "".join(p.casefold() for p in unicodedata.normalize("NFKD", char) if not unicodedata.combining(p))
    _FOLDED_CHARS[char] = folded
    return folded


def fold(text: str) -> Folded:
    """Fold `text` for matching, keeping a map back to the original offsets."""
    table = _FOLDED_CHARS
    pieces = [table[c] if c in table else _fold_char(c) for c in text]
    folded = "".join(pieces)
    if len(folded) == len(text):  # the usual case: one character each
        origin = list(range(len(text)))
    else:
        origin = [i for i, piece in enumerate(pieces) for _ in piece]
    if "  " not in folded and not folded.startswith(" "):
        return Folded(folded, tuple(origin))
    kept_text, kept_origin, position = [], [], 0  # one space for a run of separators, none leading
    for run in _SPACE_RUNS.finditer(folded):
        stop = run.start() + (0 if run.start() == 0 else 1)
        kept_text.append(folded[position:stop])
        kept_origin.extend(origin[position:stop])
        position = run.end()
    kept_text.append(folded[position:])
    kept_origin.extend(origin[position:])
    return Folded("".join(kept_text), tuple(kept_origin))


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
    method: str  # how it matched: "name", "variant", "transliteration" or "fuzzy"


@dataclass(frozen=True)
class NameIndex:
    """Every folded name of a gazetteer, searchable in one pass over a text."""

    keys: dict[str, tuple[str, ...]]
    spellings: dict[tuple[str, str], str]  # (key, place id) -> "name" or "variant"
    automaton: ahocorasick.Automaton
    transliterated: dict[str, tuple[str, ...]]  # transliteration key -> place ids
    deletions: dict[str, tuple[str, ...]]  # key with one letter deleted -> transliteration keys
    anagrams: dict[str, tuple[str, ...]]  # sorted letters -> transliteration keys
    acronyms: frozenset[str]  # keys that every place writes in capitals only (UAE)
    longest: int  # length of the longest key
    unlisted: dict = field(default_factory=dict, compare=False)  # memo of _lookup_unlisted


def transliteration_key(key: str) -> str:
    """Fold the regular alternations of romanised names: Khodzhent, Khujand and Hujand agree."""
    tokens = []
    for token in key.split():
        for pattern, replacement in _TRANSLITERATION:
            token = pattern.sub(replacement, token)
        tokens.append(token)
    return " ".join(_IZAFE[0] if t in ("e", "i", "ie") else t for t in tokens)


def build_index(gazetteer: Gazetteer) -> NameIndex:
    keys: dict[str, list[str]] = {}
    spellings: dict[tuple[str, str], str] = {}
    capitals: dict[str, bool] = {}
    for place in gazetteer:
        for i, name in enumerate(place.names):
            for key in _izafe_forms(fold_name(name)):
                capitals[key] = capitals.get(key, True) and name.replace(".", "").isupper() and len(key) > 1
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
    transliterated: dict[str, set[str]] = defaultdict(set)
    for key, ids in frozen.items():
        if len(key.replace(" ", "")) >= _MIN_TRANSLITERATED:
            transliterated[transliteration_key(key)].update(ids)
    deletions: dict[str, set[str]] = defaultdict(set)
    anagrams: dict[str, set[str]] = defaultdict(set)
    for key in transliterated:
        if " " in key or len(key) < _MIN_FUZZY:
            continue
        for i in range(len(key)):
            deletions[key[:i] + key[i + 1:]].add(key)
        deletions[key].add(key)
        anagrams["".join(sorted(key))].add(key)
    return NameIndex(
        frozen, spellings, automaton,
        {k: tuple(sorted(v)) for k, v in transliterated.items()},
        {k: tuple(sorted(v)) for k, v in deletions.items()},
        {k: tuple(sorted(v)) for k, v in anagrams.items()},
        frozenset(k for k, only_capitals in capitals.items() if only_capitals),
        max((len(k) for k in frozen), default=0),
    )


def _izafe_forms(key: str) -> list[str]:
    """A name with a linking vowel, in each way it is written."""
    if not key:
        return []
    tokens = key.split(" ")
    inner = [i for i in range(1, len(tokens) - 1) if tokens[i] in _IZAFE]
    if not inner:
        return [key]
    forms = []
    for vowel in _IZAFE:
        forms.append(" ".join(vowel if i in inner else t for i, t in enumerate(tokens)))
    return forms


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
        if not _capitalised(surface) or not _acronym_case_agrees(surface, key, index):
            continue
        found.append((o_start, o_end, surface, key))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    candidates, last_end = [], -1
    for o_start, o_end, surface, key in found:
        if o_start < last_end:
            continue
        place_ids = index.keys[key]
        candidates.append(Candidate(o_start, o_end, surface, place_ids, _method(key, place_ids, index)))
        last_end = o_end
    candidates.extend(_unlisted_spellings(text, candidates, index))
    return sorted((c for c in candidates if not _names_a_person(text, c)), key=lambda c: c.start)


def _names_a_person(text: str, candidate: Candidate) -> bool:
    before = text[max(0, candidate.start - 30):candidate.start]
    return bool(_TITLE_BEFORE.search(before) or _PERSON_AFTER.match(text, candidate.end))


def _unlisted_spellings(text: str, listed: list[Candidate], index: NameIndex) -> list[Candidate]:
    """Capitalised words (runs of up to three) that fold to a place's transliteration key."""
    words = [w for w in _CAPITAL_WORD.finditer(text) if _capitalised(w.group(0))]
    starts = [w.start() for w in words]
    covered = set()
    for candidate in listed:  # words that a listed name already covers
        first = bisect.bisect_right(starts, candidate.start) - 1
        for k in range(max(first, 0), bisect.bisect_left(starts, candidate.end)):
            if words[k].end() > candidate.start:
                covered.add(k)
    lookups = index.unlisted
    found = []
    i = 0
    while i < len(words):
        if i in covered:
            i += 1
            continue
        for length in (3, 2, 1):
            end = i + length
            if end > len(words) or covered.intersection(range(i, end)) or not all(
                    _JOIN.fullmatch(text, words[k].end(), words[k + 1].start()) for k in range(i, end - 1)):
                continue
            surface = text[words[i].start():words[end - 1].end()]
            if surface not in lookups:
                if len(lookups) > 100_000:
                    lookups.clear()
                lookups[surface] = _lookup_unlisted(surface, index)
            if lookups[surface]:
                found.append(Candidate(words[i].start(), words[end - 1].end(), surface, *lookups[surface]))
                i = end
                break
        else:
            i += 1
    return found


def _lookup_unlisted(surface: str, index: NameIndex) -> tuple[tuple[str, ...], str] | None:
    if len(surface) > index.longest + 2:  # longer than every name: no spelling of one (and no quadratic work)
        return None
    key = fold_name(surface)
    if len(key.replace(" ", "")) < _MIN_TRANSLITERATED:
        return None
    translit = transliteration_key(key)
    if translit in index.transliterated:
        return index.transliterated[translit], "transliteration"
    if " " in translit or len(translit) < _MIN_FUZZY:
        return None
    near = set(index.deletions.get(translit, ()))
    for i in range(len(translit)):
        near.update(index.deletions.get(translit[:i] + translit[i + 1:], ()))
    # One edit away, but not a name plus an ending: "Russian" is not a spelling of Russia.
    close = [k for k in near if k[0] == translit[0] and len(k) >= _MIN_FUZZY
             and OSA.distance(translit, k, score_cutoff=1) <= 1
             and not translit.startswith(k) and not k.startswith(translit)]
    if not close:  # two letters swapped, as in a hurried "Kandahra" for Kandahar
        close = [k for k in index.anagrams.get("".join(sorted(translit)), ())
                 if k[0] == translit[0] and sum(a != b for a, b in zip(k, translit)) == 2]
    if not close:
        return None
    ids = sorted({pid for k in close for pid in index.transliterated[k]})
    return tuple(ids), "fuzzy"


def _capitalised(surface: str) -> bool:
    """Names are proper nouns: a lower-case word is a common word, not a place."""
    first = next((c for c in surface if c.isalpha()), "")
    return first.isupper() or not first.isalpha() or not first.isascii() and not first.islower()


def _acronym_case_agrees(surface: str, key: str, index: NameIndex) -> bool:
    """An acronym (UAE, USA) is only itself in capitals: "Usa" is not the USA."""
    return key not in index.acronyms or surface.replace(".", "").isupper()


def _method(key: str, place_ids: tuple[str, ...], index: NameIndex) -> str:
    kinds = {index.spellings[(key, pid)] for pid in place_ids}
    return "name" if "name" in kinds else "variant"
