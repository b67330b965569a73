"""Words of a sentence, with where each stands in the article.

The claims reader works on words, not characters: a lexicon phrase is a sequence of
words, and an actor or a place is a run of them. Each token keeps its offsets in the
article body, so every claim can point back at its evidence.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

# Contractions and possessives are tokens of their own ("did" "n't", "Glen" "'s");
# a word is a run of letters and digits; anything else is one character.
_TOKEN = re.compile(r"[^\W_]+?(?=n['’]t\b)|n['’]t\b|['’](?:s|m|re|ve|ll|d)\b|[^\W_]+|\S", re.IGNORECASE)
_NORMAL = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"', "«": '"',
                         "»": '"', "–": "-", "—": "-", "‐": "-", "‑": "-", "‒": "-", "−": "-"})
QUOTES = frozenset({'"', "'"})


class Token(NamedTuple):
    """One word or punctuation mark; `low` is its lower-case form with quotes and dashes made plain.

    A named tuple rather than a dataclass: sentences make thousands, and it is built and read faster."""

    start: int
    end: int
    text: str
    low: str
    spaced: bool  # whitespace (or the sentence start) before it
    capitalised: bool  # its first letter is upper-case


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """The tokens of `text`, their offsets shifted by `offset` (where `text` starts in the body)."""
    tokens = []
    previous_end = -1
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        word = match.group()
        tokens.append(_new_token(Token, (offset + start, offset + end, word, _low(word), start != previous_end,
                                         word[:1].isupper())))
        previous_end = end
    return tuple(tokens)


_new_token = tuple.__new__  # Token(...) without its argument-checking wrapper: tokens are made by the thousand


@functools.lru_cache(maxsize=65536)
def _low(word: str) -> str:
    return word.translate(_NORMAL).lower()


@functools.lru_cache(maxsize=8192)
def words_of(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the lower-case tokens `tokenize` would give ("Orrin's" -> orrin, 's)."""
    return tuple(t.low for t in tokenize(phrase))
