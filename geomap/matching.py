"""Finding place names in text.

Text and names are compared in a *folded* form (diacritics removed, case folded,
apostrophes, hyphens and other separators turned into spaces, one character for one),
through one Aho-Corasick automaton over every folded name with a space on either side,
so that every hit is a whole word (pyahocorasick: a C multi-pattern scanner, so the
cost grows with the text, not with the number of places). Folding keeps a map back to
the original offsets.

Spellings the gazetteer does not list are found at lower confidence in two ways:
a *transliteration key* that folds the regular alternations of romanised names
(kh/h/x, q/k, gh/g, u/o, i/e/ee, a/aa, doubled letters, a final h), and a bounded
fuzzy match on that key (one edit, or two letters swapped, for names of seven or
more letters), looked up through deletion and anagram indexes (RapidFuzz measures
the distance), so no name is compared with every place.

A world-size gazetteer (half a million names) must load in about a second and scan
text at the speed of the automaton, so the index is held in compact arrays and the
loops that see every hit or every capitalised word are kept lean.
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
import zlib
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

import ahocorasick
from rapidfuzz.distance import OSA

from .english import english
from .gazetteer import Gazetteer

_SEPARATORS = set("'’‘ʿʾ`´ʻʼ-‐‑‒–—_/") | {"\u00ad"}
_IZAFE = ("e", "i", "ye")  # Persian linking vowel: Vell-e-Sharan, Vell-i Sharan, Vell e Sharan
# The Arabic article, written in lower case before a capitalised name: al-Essar, ash-Shaddadi.
_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ed|er|es|ez|ul)[-‐‑'’][A-Z]")
_TRANSLITERATION = [
    (re.compile(p), r) for p, r in (
        (r"^[aeiou]", "a"), (r"dzh|dj|zh|j", "g"), (r"kh|x", "h"), (r"gh", "g"), (r"q|ck|^c(?=[aou])", "k"), (r"ph", "f"),
        (r"v", "w"),
        (r"ee|ii|ey|ei|ay|ai", "i"), (r"oo|ou", "u"), (r"y", "i"), (r"u", "o"), (r"e", "i"),
        (r"([a-z])\1+", r"\1"), (r"(?<=[aio])h$", ""),
    )
]
_MIN_TRANSLITERATED = 4  # letters, below which only listed spellings match
_MIN_FUZZY = 6  # letters of a listed name that may be misspelt (below 7, only inside its first and last letter)
_MIN_FUZZY_SPELLING = 6  # letters of the spelling: one vowel dropped from a listed name ("Hzarin")
# A word that may be a name: starts a word with a letter that is not ASCII lower case.
_CAPITAL_WORD = re.compile(r"[A-Z\u0080-\U0010ffff](?<=[^\W\d_])(?<![^\W\d_].)[\w'’ʿʾ]*")
# What may join the words of one name: a space, a hyphen, a line break, or a linking vowel.
_JOIN = re.compile(r"(?:[ \t]?[-‐‑]?[ \t]?|\n|[ \t]?[-‐‑ ](?:e|i|ye)[-‐‑ ][ \t]?)")
# A run of capitalised words so joined: where unlisted spellings are looked for.
_JOINED_WORDS = re.compile(f"{_CAPITAL_WORD.pattern}(?:{_JOIN.pattern}{_CAPITAL_WORD.pattern})*")


@dataclass(frozen=True)
class Folded:
    """Folded text, and where each of its characters came from.

    Nearly every character folds to exactly one, so the folded text lines up with the
    original and `origin` is None; it is only needed when some character folds to none
    or several (a combining mark, ß), and then gives each folded character's source.
    """

    text: str
    origin: tuple[int, ...] | None = None

    def position(self, index: int) -> int:
        """The original index of folded character `index`."""
        return index if self.origin is None else self.origin[index]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of folded [start, end)."""
        return self.position(start), self.position(end - 1) + 1


_FOLDED_CHARS: dict[str, str] = {}  # memo: each distinct character folds once per process
_ONE_FOR_ONE: dict[int, str] = {}  # the memo's one-for-one part, as a str.translate table
_IRREGULAR: set[str] = set()  # characters that fold to none or several
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(char: str) -> str:
    if char.isspace() or char in _SEPARATORS or not (char.isalnum() or unicodedata.category(char) == "Mn"):
        folded = " "
    else:
        folded = "".join(p.casefold() for p in unicodedata.normalize("NFKD", char) if not unicodedata.combining(p))
    _FOLDED_CHARS[char] = folded
    if len(folded) == 1:
        _ONE_FOR_ONE[ord(char)] = folded
    else:
        _IRREGULAR.add(char)
    return folded


_ASCII_FOLDS = bytes(ord(_fold_char(chr(code))) for code in range(128)) + bytes(128)  # a bytes.translate table


def fold(text: str) -> Folded:
    """Fold `text` for matching, keeping a map back to the original offsets.

    Fast where it can be, since every text is folded: ASCII text (after replacing its few
    other characters, such as curly quotes) by `bytes.translate`; other text whose every
    character folds to one by `str.translate`; the rest character by character.
    """
    others = set(_NON_ASCII.findall(text))
    for char in others.difference(_FOLDED_CHARS):
        _fold_char(char)
    if not _IRREGULAR.isdisjoint(others):
        pieces = [_FOLDED_CHARS[c] for c in text]
        return Folded("".join(pieces), tuple(i for i, piece in enumerate(pieces) for _ in piece))
    if all(_FOLDED_CHARS[c].isascii() for c in others):
        for char in sorted(others):
            text = text.replace(char, _FOLDED_CHARS[char])
        return Folded(text.encode("ascii").translate(_ASCII_FOLDS).decode("ascii"))
    return Folded(text.translate(_ONE_FOR_ONE))


def fold_name(name: str) -> str:
    """A name folded, with one space between its words: how names are compared."""
    return " ".join(fold(name).text.split())


def _name_keys(name: str) -> list[str]:
    """The keys a name is found under: each linking-vowel form, and the name as folded if
    that differs ("st  louis" for "St. Louis": text is scanned as folded, runs unshrunk)."""
    keys = _izafe_forms(fold_name(name))
    written = fold(name).text.strip()
    return keys if written in keys else [*keys, written]


class Candidate(NamedTuple):
    """A span of text that names one or more gazetteer places.

    A named tuple rather than a dataclass: a world-size gazetteer finds one in most
    capitalised words, and these are many times quicker to make.
    """

    start: int
    end: int
    text: str
    place_ids: tuple[str, ...]
    method: str  # how it matched: "name", "variant", "transliteration" or "fuzzy"


@dataclass(frozen=True)
class Postings:
    """Lists of integers by number, flattened into two arrays (compact, quick to unpickle)."""

    starts: array
    values: array

    @classmethod
    def of(cls, lists: Iterable[Iterable[int]]) -> "Postings":
        starts, values = array("I", [0]), array("I")
        for numbers in lists:
            values.extend(numbers)
            starts.append(len(values))
        return cls(starts, values)

    def __getitem__(self, number: int) -> array:
        return self.values[self.starts[number]:self.starts[number + 1]]


@dataclass(frozen=True)
class HashIndex:
    """A multimap from strings to integers, kept as sorted arrays of (CRC-32 of the string, value).

    The strings themselves are not stored; a collision only adds a candidate, and every
    caller checks its candidates.
    """

    hashes: array
    values: array

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, int]]) -> "HashIndex":
        rows = sorted({(zlib.crc32(text.encode()), value) for text, value in pairs})
        return cls(array("I", [h for h, _ in rows]), array("I", [v for _, v in rows]))

    def get(self, text: str) -> array:
        key = zlib.crc32(text.encode())
        low = bisect.bisect_left(self.hashes, key)
        return self.values[low:bisect.bisect_right(self.hashes, key, low)]


_LISTED_AS_NAME, _ACRONYM = 1, 2  # NameIndex.key_flags bits


@dataclass(frozen=True)
class NameIndex:
    """Every folded name of a gazetteer, searchable in one pass over a text.

    Held in sorted tuples, integer arrays and an integer-valued automaton rather than
    dicts of Python objects, so that a world-size index unpickles in about a second.
    """

    keys: tuple[str, ...]  # every folded name, sorted; a key's number is its position
    automaton: ahocorasick.Automaton  # " key " -> key number: the spaces make every hit a whole word
    place_ids: tuple[str, ...]  # sorted; the postings below hold positions in it
    key_places: Postings  # key number -> place numbers
    key_flags: bytes  # key number -> _LISTED_AS_NAME | _ACRONYM
    spellings: tuple[str, ...]  # transliteration keys, sorted
    spelling_places: Postings  # transliteration key number -> place numbers
    deletions: HashIndex  # a transliteration key with one letter deleted -> transliteration key numbers
    anagrams: HashIndex  # the sorted letters of a transliteration key -> transliteration key numbers
    longest: int  # length of the longest key
    unlisted: dict = field(default_factory=dict, compare=False)  # memo of _lookup_unlisted
    unlisted_runs: dict = field(default_factory=dict, compare=False)  # memo of _unlisted_in_run

    def places_named(self, key: str) -> tuple[str, ...]:
        """Ids of the places one of whose names folds to `key`."""
        number = _position(self.keys, key)
        return () if number is None else self._ids(self.key_places[number])

    def _ids(self, numbers: Iterable[int]) -> tuple[str, ...]:
        return tuple(self.place_ids[n] for n in numbers)


def _position(items: tuple[str, ...], item: str) -> int | None:
    at = bisect.bisect_left(items, item)
    return at if at < len(items) and items[at] == item else None


def transliteration_key(key: str) -> str:
    """Fold the regular alternations of romanised names: Khodzhent, Khujand and Hujand agree."""
    tokens = []
    for token in key.split():
        for pattern, replacement in _TRANSLITERATION:
            token = pattern.sub(replacement, token)
        tokens.append(token)
    return " ".join(_IZAFE[0] if t in ("e", "i", "ie") else t for t in tokens)


def build_index(gazetteer: Gazetteer) -> NameIndex:
    listed: dict[str, dict[str, bool]] = {}  # key -> {place id: whether it is that place's name}
    capitals: dict[str, bool] = {}
    for place in gazetteer:
        for i, name in enumerate(place.names):
            for key in _name_keys(name):
                capitals[key] = capitals.get(key, True) and name.replace(".", "").isupper() and len(key) > 1
                places = listed.setdefault(key, {})
                places[place.id] = places.get(place.id, False) or i == 0
    keys = tuple(sorted(listed))
    number_of = {place_id: n for n, place_id in enumerate(gazetteer.ids)}
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for number, key in enumerate(keys):
        automaton.add_word(f" {key} ", number)
    if keys:
        automaton.make_automaton()
    key_places = [sorted(number_of[pid] for pid in listed[key]) for key in keys]
    transliterated: dict[str, set[int]] = defaultdict(set)
    for key, places in zip(keys, key_places):
        if len(key.replace(" ", "")) >= _MIN_TRANSLITERATED:
            transliterated[transliteration_key(key)].update(places)
            article, _, rest = key.partition(" ")
            if rest and _ARTICLE.match(article + "-X") and len(rest.replace(" ", "")) >= _MIN_FUZZY:
                transliterated[transliteration_key(rest)].update(places)  # "al-Asabiaah": the name after the article
    spellings = tuple(sorted(transliterated))
    fuzzy = [(n, key.replace(" ", "")) for n, key in enumerate(spellings) if len(key.replace(" ", "")) >= _MIN_FUZZY]
    return NameIndex(
        keys, automaton, gazetteer.ids, Postings.of(key_places),
        bytes((_LISTED_AS_NAME if any(listed[key].values()) else 0) | (_ACRONYM if capitals[key] else 0) for key in keys),
        spellings, Postings.of(sorted(transliterated[key]) for key in spellings),
        HashIndex.of((deleted, n) for n, key in fuzzy for deleted in (key, *_deletions(key))),
        HashIndex.of(("".join(sorted(key)), n) for n, key in fuzzy),
        max(map(len, keys), default=0),
    )


def _deletions(key: str) -> list[str]:
    return [key[:i] + key[i + 1:] for i in range(len(key))]


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
    keys, flags, origin = index.keys, index.key_flags, folded.origin
    found = []
    for end, number in index.automaton.iter(f" {folded.text} "):  # this loop sees every hit: kept lean
        start = end - len(keys[number]) - 1  # in folded.text, whose first character is second in the scan
        o_start, o_end = (start, end - 1) if origin is None else folded.span(start, end - 1)
        if text[o_start].islower() and not _ARTICLE.match(text, o_start):  # the usual rejection; a letter that
            continue  # is not lower case is a capital (or from a script without case), so only a digit needs
            # _capitalised below
        surface = text[o_start:o_end]
        if not surface[0].isalpha() and not _capitalised(surface) \
                or flags[number] & _ACRONYM and not surface.replace(".", "").isupper():
            continue
        found.append((o_start, -o_end, surface, number))
    found.sort()
    candidates, last_end, place_ids = [], -1, {}
    for o_start, o_end, surface, number in found:
        if o_start < last_end:
            continue
        if number not in place_ids:
            place_ids[number] = index._ids(index.key_places[number])
        method = "name" if flags[number] & _LISTED_AS_NAME else "variant"
        candidates.append(Candidate(o_start, -o_end, surface, place_ids[number], method))
        last_end = -o_end
    candidates.extend(_unlisted_spellings(text, candidates, index))
    return sorted((c for c in candidates if not _names_a_person(text, c)), key=lambda c: c.start)


def _names_a_person(text: str, candidate: Candidate) -> bool:
    """A name after a title or before a personal-name particle, or a following name and "said":
    "General Dorran", "Dorran Khan", "Dorran Nazari told"."""
    title, person_after = _person_patterns()
    before = text[max(0, candidate.start - 30):candidate.start]
    if before[-1:].isspace() and (words := before.split()):
        if title.fullmatch(words[-1]):
            return True
    return person_after.match(text, candidate.end) is not None


@functools.lru_cache(maxsize=1)
def _person_patterns() -> tuple[re.Pattern, re.Pattern]:
    words = english()
    titles = "|".join(re.escape(t) for t in sorted(words.titles, key=len, reverse=True) if " " not in t)
    title = re.compile(rf"(?:.*\W)?(?:{titles})\.?")  # also after "(" or "al-"
    particles = "|".join(sorted(words.person_particles))
    verbs = "|".join(sorted(words.speech_verbs))
    person_after = re.compile(rf"\s+(?:(?:{particles})\b|[A-Z][a-z]+,?\s+(?:{verbs})\b)")
    return title, person_after


def _unlisted_spellings(text: str, listed: list[Candidate], index: NameIndex) -> list[Candidate]:
    """Capitalised words (runs of up to three) outside the listed names that fold to a place's transliteration key."""
    pieces, position = [], 0  # the text with listed names blanked out, offsets kept
    for candidate in listed:
        pieces += (text[position:candidate.start], "\0" * (candidate.end - candidate.start))
        position = candidate.end
    pieces.append(text[position:])
    runs, found = index.unlisted_runs, []
    for run in _JOINED_WORDS.finditer("".join(pieces)):
        surface = run.group()
        spellings = _remembered(runs, surface, _unlisted_in_run, index)
        if spellings:
            offset = run.start()
            found += (Candidate(offset + start, offset + end, *rest) for start, end, *rest in spellings)
    return found


def _unlisted_in_run(run: str, index: NameIndex) -> tuple[tuple[int, int, tuple[str, ...], str], ...]:
    """In a run of joined capitalised words, the first window of three, two or one words from each word on that is a spelling."""
    words = [w.span() for w in _CAPITAL_WORD.finditer(run) if _capitalised(w.group())]
    lookups, found, i = index.unlisted, [], 0
    while i < len(words):
        length = 1  # how many words from i are joined as one name could be
        while length < 3 and i + length < len(words) and _JOIN.fullmatch(run, words[i + length - 1][1], words[i + length][0]):
            length += 1
        for length in range(length, 0, -1):
            start, end = words[i][0], words[i + length - 1][1]
            surface = run[start:end]
            spelling = _remembered(lookups, surface, _lookup_unlisted, index)
            if spelling:
                found.append((start, end, surface, *spelling))
                break
        i += length
    return tuple(found)


def _remembered(memo: dict, surface: str, look_up, index: NameIndex):
    """`look_up(surface, index)`, computed once per surface; the memo is emptied when it grows large."""
    if surface not in memo:
        if len(memo) > 100_000:
            memo.clear()
        memo[surface] = look_up(surface, index)
    return memo[surface]


def _lookup_unlisted(surface: str, index: NameIndex) -> tuple[tuple[str, ...], str] | None:
    if len(surface) > index.longest + 2:  # longer than every name: no spelling of one (and no quadratic work)
        return None
    key = fold_name(surface)
    if len(key.replace(" ", "")) < _MIN_TRANSLITERATED:
        return None
    translit = transliteration_key(key)
    number = _position(index.spellings, translit)
    if number is not None:
        return index._ids(index.spelling_places[number]), "transliteration"
    translit = translit.replace(" ", "")  # names of several words are compared run together
    if len(translit) < _MIN_FUZZY_SPELLING:
        return None
    near = {n for deleted in (translit, *_deletions(translit)) for n in index.deletions.get(deleted)}
    # One edit away, but not a name plus an ending: "Talvian" is not a spelling of Talvia.
    spellings = [index.spellings[n].replace(" ", "") for n in sorted(near)]
    close = [n for n, k in zip(sorted(near), spellings) if k[0] == translit[0] and len(k) >= _MIN_FUZZY
             and (len(k) >= 7 or k[-1] == translit[-1])  # "Haddin" for Hadden, not "Talvian" for Roseau
             and OSA.distance(translit, k, score_cutoff=1) <= 1
             and not translit.startswith(k) and not k.startswith(translit)]
    if not close:  # two letters swapped, as in a hurried "Kandahra" for Kandahar
        close = [n for n in index.anagrams.get("".join(sorted(translit)))
                 if (k := index.spellings[n].replace(" ", ""))[0] == translit[0] and len(k) == len(translit)
                 and sum(a != b for a, b in zip(k, translit)) == 2]
    if not close:
        return None
    places = sorted({place for n in close for place in index.spelling_places[n]})
    return index._ids(places), "fuzzy"


def _capitalised(surface: str) -> bool:
    """Names are proper nouns: a lower-case word is a common word, not a place."""
    first = surface[0] if surface[:1].isalpha() else next((c for c in surface if c.isalpha()), "")
    return first.isupper() or not first.isalpha() or not first.isascii() and not first.islower()
