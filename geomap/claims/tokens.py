"""Words of a sentence, with where each stands in the article.

The claims reader works on words, not characters: a lexicon phrase is a sequence of
words, and an actor or a place is a run of them. Each token keeps its offsets in the
article body, so every claim can point back at its evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Contractions and possessives are tokens of their own ("did" "n't", "Shire" "'s");
# a word is a run of letters and digits; anything else is one character.
_TOKEN = re.compile(r"[^\W_]+?(?=n['’]t\b)|n['’]t\b|['’](?:s|m|re|ve|ll|d)\b|[^\W_]+|\S", re.IGNORECASE)
_NORMAL = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"', "«": '"',
                         "»": '"', "–": "-", "—": "-", "‐": "-", "‑": "-", "‒": "-", "−": "-"})
QUOTES = frozenset({'"', "'"})


@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation mark; `low` is its lower-case form with quotes and dashes made plain."""

    start: int
    end: int
    text: str
    low: str
    spaced: bool  # whitespace (or the sentence start) before it

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """The tokens of `text`, their offsets shifted by `offset` (where `text` starts in the body)."""
    tokens = []
    previous_end = None
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        spaced = previous_end is None or match.start() > previous_end
        tokens.append(Token(offset + match.start(), offset + match.end(), word,
                            word.translate(_NORMAL).lower(), spaced))
        previous_end = match.end()
    return tuple(tokens)


def words_of(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the lower-case tokens `tokenize` would give ("Kabul's" -> kabul, 's)."""
    return tuple(t.low for t in tokenize(phrase))
