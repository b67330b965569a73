"""Control claims: who says who holds or took which place, how surely, and when.

The English this reads is data: `lexicon/en.yaml` lists the frames (gain, loss,
state, presence), the words of saying, denying, doubting and cancelling. The
modules, in the order a sentence passes through them:

    tokens      words with their offsets
    parties     which words name an actor ("Azerbaijani troops", "the army", "they")
    referents   which words name a place ("Dessie", "the town", "a key town")
    phrases     the places after a verb, the side before it
    frames      the lexicon's phrases found, their roles filled
    attribution who says so
    dates       when, and whether it is history
    reader      claims and readings, sentence by sentence
"""
from __future__ import annotations

from ..actors import Actors
from ..articles import Article
from ..gazetteer import Gazetteer
from ..resolve import Mention
from .lexicon import DEFAULT_LEXICON, Lexicon, LexiconError, load_lexicon
from .reader import Claim, Reading, read_claims

__all__ = ["Claim", "DEFAULT_LEXICON", "Lexicon", "LexiconError", "Reading", "extract_claims", "load_lexicon",
           "read_claims"]


def extract_claims(article: Article, mentions: list[Mention], actors: Actors, gazetteer: Gazetteer,
                   lexicon: Lexicon | None = None) -> list[Claim]:
    """Every current control claim in `article`, in text order."""
    return read_claims(article, mentions, actors, gazetteer, lexicon or load_lexicon())[0]
