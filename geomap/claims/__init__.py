"""Control claims: who says who holds or took which place, how surely, and when.

The English this reads is data: `lexicon/en.yaml` lists the frames (gain, loss,
state, presence), the words of saying, denying, doubting and cancelling. The
modules, in the order a sentence passes through them:

    tokens      words with their offsets
    parties     which words name an actor ("Ardenian troops", "the army", "they")
    referents   which words name a place ("Pellan", "the town", "a key town")
    phrases     the sentence a phrase is read in, and what both sides of a verb share
    objects     the places after a verb ("Vell, Ostra and the town of Karrow")
    subjects    the side (or place) before it, past auxiliaries, hedges and asides
    frames      the lexicon's phrases found, their roles filled
    speakers    who is named as speaking ("a spokesman for the army")
    attribution who says so, and which words they say
    dates       when, and whether it is history
    state       one article while it is read: claims so far, who spoke last
    sides       who holds: the holder, a pronoun's side, the rival of the loser
    claimants   who says so: the speech holding a frame, quotations, the outlet
    cancel      negation, intent, condition, history; hedges
    denials     "X denied ...", "... is false": contesting earlier claims
    reader      claims and readings, sentence by sentence
"""
from __future__ import annotations

from ..actors import Actors
from ..articles import Article
from ..gazetteer import Gazetteer
from ..resolve import Mention
from .lexicon import DEFAULT_LEXICON, Lexicon, LexiconError, load_lexicon
from .reader import read_claims
from .state import Claim, Reading

__all__ = ["Claim", "DEFAULT_LEXICON", "Lexicon", "LexiconError", "Reading", "extract_claims", "load_lexicon",
           "read_claims"]


def extract_claims(article: Article, mentions: list[Mention], actors: Actors, gazetteer: Gazetteer,
                   lexicon: Lexicon | None = None) -> list[Claim]:
    """Every current control claim in `article`, in text order."""
    return read_claims(article, mentions, actors, gazetteer, lexicon or load_lexicon())[0]
