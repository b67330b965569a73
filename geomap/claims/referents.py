"""Which place a sentence speaks of: names, and words that point at a named place.

"The town" points back at the last place named that a town can be; "Kessland's
regional capital" at the place the gazetteer calls a regional capital inside Kessland;
"a key town" forward, at the next town named (later in the sentence, in the next few
sentences, or else the last one named before, as in a headline). What a place can
be called comes from the gazetteer (`referred_to_as`, `feature_type`) and the
lexicon (which nouns stand for each other: a "city" may be a town).
"""
from __future__ import annotations

from collections.abc import Sequence

from ..gazetteer import Gazetteer, Place
from ..resolve import Mention
from .lexicon import Lexicon, Phrases
from .tokens import words_of
from .view import PlaceRef, SentenceView

_FORWARD_SENTENCES = 3


def add_named_places(view: SentenceView, mentions: Sequence[Mention]) -> None:
    """A PlaceRef for each mention inside the sentence (mentions sorted by start)."""
    tokens = view.tokens
    for mention in mentions:
        if mention.end <= view.sentence.start or mention.start >= view.sentence.end:
            continue
        inside = [k for k, t in enumerate(tokens) if t.start >= mention.start and t.end <= mention.end]
        if inside:
            view.places.append(PlaceRef(inside[0], inside[-1] + 1, mention.place, mention.text))
    view.index_spans()


def add_references(views: Sequence[SentenceView], lexicon: Lexicon, gazetteer: Gazetteer) -> None:
    """PlaceRefs for "the town", "the regional capital", "a key town" in every sentence."""
    named = [(v.index, ref.start, ref.place) for v in views for ref in v.places
             if not v.place_inside_party(ref) and not _names_a_side(v, ref)]
    nouns = Phrases(words_of(noun) for _, _, place in named for noun in place.reference_nouns)
    for view in views:
        for start, end, noun, definite, possessor in _reference_phrases(view, lexicon, nouns):
            if definite:
                place = _antecedent(noun, possessor, (view.index, start), named, lexicon, gazetteer) or \
                    _following(noun, view, end, views, lexicon, possessor, gazetteer)
                kind = "reference"
            else:
                place = _renamed(view, start, noun, lexicon) or \
                    _following(noun, view, end, views, lexicon, None, gazetteer) or \
                    _antecedent(noun, None, (view.index, start), named, lexicon, gazetteer)
                kind = "forward"
            if place is not None:
                view.places.append(PlaceRef(start, end, place, view.text_of(start, end), kind))
        view.index_spans()


def _reference_phrases(view: SentenceView, lexicon: Lexicon, nouns: Phrases):
    """(start, end, noun, definite, possessor place) of each phrase that points at a place."""
    tokens = view.tokens
    taken = {k for ref in view.places for k in range(ref.start, ref.end)}
    taken |= {k for p in view.parties for k in range(p.start, p.end)}
    i = 0
    while i < len(tokens):
        low = tokens[i].low
        possessor = None
        if low in lexicon.words.definite or low in lexicon.words.indefinite:
            definite = low in lexicon.words.definite
            j = i + 1
        elif i in view.place_starting and view.place_starting[i].end < len(tokens) and \
                tokens[view.place_starting[i].end].low in lexicon.words.possessive:
            possessor = view.place_starting[i].place
            definite, j = True, view.place_starting[i].end + 1
        else:
            i += 1
            continue
        j = _skip_descriptors(view, lexicon, j, taken)
        n = (nouns.match(tokens, j) or lexicon.reference_nouns.match(tokens, j)) if j < len(tokens) else 0
        if n and j not in taken and not _names_follow(view, j + n, lexicon):
            # "the town's": still the town; "the town of X": X is named, no reference
            yield i, j + n, " ".join(t.low for t in tokens[j:j + n]), definite, possessor
            i = j + n
        else:
            i += 1


def _skip_descriptors(view: SentenceView, lexicon: Lexicon, j: int, taken: set) -> int:
    """Past the words between "the" and its noun: "the key", "a strategic northern Estmarkish"."""
    tokens = view.tokens
    for _ in range(5):
        if j >= len(tokens) or j in taken:
            return j
        n = lexicon.descriptors.match(tokens, j)
        if n:
            j += n
        elif tokens[j].capitalised and tokens[j].low.isalpha() and j + 1 < len(tokens) and not tokens[j + 1].capitalised:
            j += 1  # a demonym or other proper adjective: "a strategic northern Estmarkish town"
        else:
            return j
    return j


def _names_follow(view: SentenceView, j: int, lexicon: Lexicon) -> bool:
    """After the noun, a name that makes it no reference: "the city of Fuvali", "the capital Hadden"."""
    tokens = view.tokens
    if j < len(tokens) and j in view.place_starting:
        return True
    if j + 1 < len(tokens) and tokens[j].low in lexicon.words.complement:
        k = j + 1
        while k < len(tokens) and tokens[k].low in lexicon.words.articles:
            k += 1
        if k + 2 < len(tokens) and tokens[k + 1].low == "-" and not tokens[k + 2].spaced:
            k += 2  # "the town of al-Asabiaah"
        return k in view.place_starting or k < len(tokens) and tokens[k].capitalised  # a name geomap may not know
    return False


def points_at(noun: str, place: Place, lexicon: Lexicon) -> bool:
    """Whether "the <noun>" can mean `place`."""
    names = {place.feature_type, *place.referred_to_as}
    if noun in names:
        return True
    capital = next((c for c in lexicon.words.capital_nouns if noun.endswith(c)), None)
    if capital:  # "the regional capital": a place called a capital
        return any(n.endswith(capital) for n in place.referred_to_as) and (noun == capital or noun in names)
    if noun in lexicon.words.vague_place_nouns:
        return place.feature_type != "country"
    return bool(lexicon.references(noun) & names)


def _renamed(view: SentenceView, start: int, noun: str, lexicon: Lexicon) -> Place | None:
    """"Garran, a city 100 km south of Harl": the phrase describes the place before its comma."""
    if start >= 2 and view.tokens[start - 1].low == ",":
        before = view.place_ending.get(start - 1)
        if before is not None and points_at(noun, before.place, lexicon):
            return before.place
    return None


def _locating(view: SentenceView, ref: PlaceRef, lexicon: Lexicon) -> bool:
    """A place named only to locate another ("four cities near the capital Harl")."""
    tokens, k = view.tokens, ref.start
    while k > 0 and (lexicon.determiners.match(tokens, k - 1) or lexicon.descriptors.match(tokens, k - 1)
                     or lexicon.reference_nouns.match(tokens, k - 1)):
        k -= 1
    return k > 0 and any(e == k and not (s == k - 1 and tokens[s].low in lexicon.words.complement)
                         for s, e in lexicon.locators.find(tokens, max(0, k - 3), k))


def _names_a_side(view: SentenceView, ref: PlaceRef) -> bool:
    """"Ardenport's claims", "Berovia has refuted": a place name standing for a side, not the place."""
    party = view.party_starting.get(ref.start)
    return party is not None and party.end == ref.end and party.actor is not None


def _antecedent(noun, possessor, position, named, lexicon, gazetteer) -> Place | None:
    """The place named before `position` that "the <noun>" points at: of those it can mean in the
    last few sentences, the one named most often so far (the article's subject), else the latest.
    "X's <noun>" is the one place inside X the gazetteer calls so ("Harl's airport")."""
    if possessor is not None:
        inside = [p for p in gazetteer.children(possessor.id) if points_at(noun, p, lexicon)]
        if len(inside) == 1:
            return inside[0]
    candidates = [(index, start, place) for index, start, place in named if (index, start) < position
                  and (possessor is None or gazetteer.is_ancestor(possessor.id, place.id))
                  and place is not possessor and points_at(noun, place, lexicon)]
    if not candidates:
        return None
    recent = [c for c in candidates if position[0] - c[0] <= _FORWARD_SENTENCES]
    if not recent:
        return candidates[-1][2]
    counts = {}
    for _, _, place in candidates:
        counts[place.id] = counts.get(place.id, 0) + 1
    best = max(recent, key=lambda c: (counts[c[2].id], c[0], c[1]))
    return best[2]


def _following(noun, view, end, views, lexicon, possessor, gazetteer) -> Place | None:
    """The next place `noun` can mean, after the phrase: later in its sentence (not one that
    only locates it, "a town near X"), then in the next few sentences."""
    later = [ref for ref in view.places if ref.start >= end and ref.kind == "name" and not _locating(view, ref, lexicon)]
    if end < len(view.tokens) and lexicon.locators.match(view.tokens, end):
        later = []  # "a town near the region's main city, Vardan": Vardan only locates it
    candidates = later + [ref for v in views[view.index + 1:view.index + 1 + _FORWARD_SENTENCES]
                          for ref in v.places if ref.kind == "name" and not _names_a_side(v, ref)]
    for ref in candidates:
        if possessor is not None and not gazetteer.is_ancestor(possessor.id, ref.place.id):
            continue
        if points_at(noun, ref.place, lexicon):
            return ref.place
    return None
