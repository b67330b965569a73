"""The phrases around a frame's words: the places after a verb (`objects`), the side before it (`subjects`).

"took full control of Marrow, Tessa and the surrounding areas of Korrin" governs Marrow
and Tessa, not Korrin; "captured the strategic town of Pellan in Dorn region"
governs Pellan, not Dorn (a place that only locates another); "eight districts of
Vellshire" governs Vellshire when Vellshire has eight districts, but "nine villages of
Javal district" are places in the district, not the district. The subject is the
side named before the verb, past auxiliaries, adverbs, dates, hedges ("claimed to
have") and asides (", supported by artillery,"), never beyond a clause's start.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..gazetteer import Gazetteer, Place
from .lexicon import Lexicon
from .parties import Party
from .view import PlaceRef, SentenceView, feature_noun

ASIDE_MAX = 24  # tokens in an aside between commas


@dataclass(frozen=True)
class PhraseContext:
    """What reading a phrase needs: its sentence, the lexicon, the gazetteer, and the last place
    named before the sentence (what "it" may stand for)."""

    view: SentenceView
    lex: Lexicon
    gazetteer: Gazetteer
    previous_place: Place | None = None

    @property
    def tokens(self):
        return self.view.tokens


def skip_modifiers(context: PhraseContext, j: int) -> int:
    """Past determiners, descriptors, quotes and numbers (and "about" before an amount) before a noun."""
    tokens, lex = context.tokens, context.lex
    while j < len(tokens):
        n = lex.determiners.match(tokens, j) or lex.descriptors.match(tokens, j)
        if n and not lex.determiners.match(tokens, j) and j + n < len(tokens) and \
                tokens[j + n].low in lex.words.complement:
            return j  # "the south of X": a noun here, not a word describing the next
        if n and j not in context.view.place_starting:
            j += n
        elif tokens[j].low in ('"', "'") or tokens[j].low.isdigit() or tokens[j].low in lex.numbers:
            j += 1
        elif lex.approximators.match(tokens, j) and _amount_at(tokens, j + lex.approximators.match(tokens, j), lex):
            j += lex.approximators.match(tokens, j)  # "about half of", "some 20 villages"
        elif tokens[j].capitalised and tokens[j].low.isalpha() and j not in context.view.place_starting \
                and j + 1 in context.view.place_starting:
            j += 1  # "Ardenian Sorra city"
        else:
            return j
    return j


def _amount_at(tokens, j: int, lex) -> bool:
    return j < len(tokens) and (tokens[j].low.isdigit() or tokens[j].low in lex.numbers or bool(lex.part_nouns.match(tokens, j)))


def locating(context: PhraseContext, ref: PlaceRef) -> bool:
    """Whether `ref` only locates something ("50 km north of Hadden", "a town in Dorn")."""
    tokens, lex = context.tokens, context.lex
    k = ref.start
    while k > 0 and (lex.determiners.match(tokens, k - 1) or lex.descriptors.match(tokens, k - 1)):
        k -= 1
    if k >= 2 and tokens[k - 1].low in context.lex.words.complement and feature_noun(context.view, lex, k - 2) and not tokens[k - 2].capitalised:
        return False  # "the city of X": X itself (but "North Bremm Zone of Dorn": Dorn locates it)
    return k > 0 and any(e == k for _, e in lex.locators.find(tokens, max(0, k - 3), k))


def party_after(context: PhraseContext, i: int) -> Party | None:
    """The side named at token `i` ("by the Sudland army", "to federal troops")."""
    j = i
    while j < len(context.tokens) and (context.tokens[j].low in ('"', "'") or context.lex.determiners.match(context.tokens, j)):
        if j in context.view.party_starting:
            break
        j += 1
    party = context.view.party_starting.get(j)
    if party is None and j < len(context.tokens):  # "forces they said were from the KLF"
        for k in range(j, min(len(context.tokens), j + 7)):
            if k in context.view.party_starting and context.view.party_starting[k].actor is not None:
                return context.view.party_starting[k]
            if context.tokens[k].low in (",", ".", ";"):
                break
    return party
