"""The places a phrase governs after its verb: "took full control of Marrow, Tessa and the
surrounding areas of Korrin" governs Marrow and Tessa; "the strategic town of Pellan in Dorn
region" governs Pellan; "eight districts of Vellshire" governs Vellshire when Vellshire has
eight districts, but "nine villages of Javal district" are places in the district."""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Lexicon
from .parties import Party
from .phrases import ASIDE_MAX, PhraseContext, skip_modifiers
from .view import PlaceRef, feature_noun


@dataclass(frozen=True)
class Objects:
    """The places a phrase governs, where it ends, and a side it names as the loser ("from X")."""

    places: tuple[PlaceRef, ...]
    end: int
    loser: Party | None = None


def places_after(context: PhraseContext, i: int, location: bool = False, stop: frozenset = frozenset()) -> Objects:
    """The list of places starting at token `i` ("Vell, Ostra and the town of Karrow").

    With `location` (after "in", "over", "outside"...), a thing stands for where it is:
    "outside the governor's office in the Ostra district" is Ostra. The list ends before
    a word of `stop` (the phrase's next word: "clear X from the control of Y").
    """
    items: list[PlaceRef] = []
    loser = None
    j = i
    while j < len(context.tokens):
        start = skip_modifiers(context, j)
        found, after = item(context, start)
        if after == start:
            break
        if not found and location:
            found, after = _located(context, after)
        items.extend(found)
        j, named_loser = skip_locators(context, after, stop)
        loser = loser or named_loser
        k = coordination(context, j)
        if k is None:
            break
        j = k
    unique = list({ref.place.id: ref for ref in reversed(items)}.values())[::-1]
    return Objects(tuple(sorted(unique, key=lambda r: r.start)), j, loser)


def item(context: PhraseContext, j: int) -> tuple[list[PlaceRef], int]:
    """The place one phrase of a list stands for (maybe none), and where the phrase ends."""
    tokens, lex, view = context.tokens, context.lex, context.view
    if j >= len(tokens):
        return [], j
    ref = view.place_starting.get(j)
    if ref is not None:
        party = view.party_covering(j)
        if party is not None and view.place_inside_party(ref):
            return [], party.end
        return _named(context, ref)
    low = tokens[j].low
    if low in context.lex.words.place_pronouns and j > 0:
        before = [r for r in view.places if r.end <= j]
        place = before[-1] if before else context.previous_place
        return ([PlaceRef(j, j + 1, place.place if isinstance(place, PlaceRef) else place, tokens[j].text,
                          "reference")] if place is not None else []), j + 1
    n = lex.part_nouns.match(tokens, j)
    if n and j + n < len(tokens) and tokens[j + n].low in context.lex.words.complement:
        return item(context, skip_modifiers(context, j + n + 1))
    n = n or lex.surrounding_nouns.match(tokens, j)
    if n:
        k = j + n
        if k < len(tokens) and tokens[k].low in context.lex.words.complement:
            _, k = item(context, skip_modifiers(context, k + 1))
        return [], k
    n = lex.holdout_nouns.match(tokens, j)
    if n:
        return _holdout(context, j, n)
    n = feature_noun(view, lex, j)
    if n:
        return _settlements(context, j, n)
    if tokens[j].low.isalpha() and not lex.be.match(tokens, j) and j not in view.party_starting \
            and not lex.clause_breaks.match(tokens, j) and not lex.coordination.match(tokens, j) \
            and not lex.locators.match(tokens, j):
        k = j + 1
        if tokens[j].capitalised:  # a name geomap does not know: "Kfar Zeita", "Al-Asa"
            while k < len(tokens) and (tokens[k].capitalised and tokens[k].low.isalpha() or
                                       tokens[k].low == "-" and not tokens[k].spaced) and k not in view.place_starting:
                k += 1
            if k in view.place_starting:
                return _named(context, view.place_starting[k])  # "the World Heritage Site Lallow"
            return [], k
        while k < len(tokens) and k < j + 8 and not (feature_noun(view, lex, k) and k + 1 < len(tokens)
                                                     and tokens[k + 1].low in context.lex.words.complement) \
                and (tokens[k].low.isalpha() and not tokens[k].capitalised
                                                  or tokens[k].low in context.lex.words.possessive or tokens[k].low.isdigit()
                                                  or tokens[k].low == "-" and not tokens[k].spaced) \
                and not lex.locators.match(tokens, k) and not lex.coordination.match(tokens, k) \
                and not lex.be.match(tokens, k) and not lex.clause_breaks.match(tokens, k) \
                and not lex.speech_verbs.match(tokens, k) and k not in view.place_starting:
            k += 1
        if k < len(tokens) and feature_noun(view, lex, k) and k + 1 < len(tokens) and tokens[k + 1].low in context.lex.words.complement:
            return _settlements(context, k, feature_noun(view, lex, k))  # "the completely destroyed city of X"
        return [], k  # a thing, not a place ("weapons", "a police headquarters", "the governor's office")
    return [], j


def _named(context: PhraseContext, ref: PlaceRef) -> tuple[list[PlaceRef], int]:
    """A named place and what follows it: "Estmark's Marrow" is Marrow, "the Kessland regional capital
    Hadden" is Hadden, "Kovalla towns" is Kovalla, "the town's districts" the town;
    "northwestern Westmark" is a part of a country, not the country."""
    tokens, lex, view = context.tokens, context.lex, context.view
    k = ref.end
    if ref.place.feature_type == "country" and ref.start > 0 and tokens[ref.start - 1].low in lex.words.directions:
        return [], k
    if k < len(tokens) and tokens[k].low in context.lex.words.possessive:
        head = skip_modifiers(context, k + 1)
        found, after = item(context, head)
        if found:
            return found, after
        if after > head and lex.part_nouns.match(tokens, head):
            return [ref], after  # "the town's northern districts": the town
        return [ref] if after == head else [], after  # "Harl's airport": not Harl
    look = k
    while look < len(tokens) and look < k + 3 and (lex.descriptors.match(tokens, look) or feature_noun(view, lex, look)) \
            and look not in view.place_starting:
        look += 1
    if look > k and look in view.place_starting:
        return _named(context, view.place_starting[look])
    n = feature_noun(view, lex, k)
    noun_size = lex.sizes.get(tokens[k].low, 0) if n else 0
    place_size = lex.feature_sizes.get(ref.place.feature_type, 0)
    smaller = 0 < noun_size < place_size and place_size >= lex.sizes.get("district", 0)
    if smaller and k + n + 1 < len(tokens) and tokens[k + n].low in context.lex.words.complement:
        inner = view.place_starting.get(skip_modifiers(context, k + n + 1))
        if inner is not None:
            return _named(context, inner)  # "the Vellshire districts of Khorv and Ostrah": the districts
    if smaller:
        return [], k + n  # "an Upper Vardia town": a town in it, not the region
    return [ref], k + n


def _holdout(context: PhraseContext, j: int, n: int) -> tuple[list[PlaceRef], int]:
    """"the last pocket of resistance in X": X, unless only part of X ("in northwest Sudland")."""
    tokens, lex = context.tokens, context.lex
    last = any(t.low in context.lex.words.last for t in tokens[max(0, j - 3):j])
    k = j + n
    while k < len(tokens) and k < j + n + 4 and not lex.locators.match(tokens, k) - (tokens[k].low in context.lex.words.complement):
        k += 1
    if k < len(tokens) and tokens[k].low in context.lex.words.complement:
        k += 1
        while k < len(tokens) and tokens[k].low.isalpha() and k not in context.view.place_starting and \
                not lex.locators.match(tokens, k):
            k += 1
    if k < len(tokens) and lex.locators.match(tokens, k):
        at = k + lex.locators.match(tokens, k)
        place_at = skip_modifiers(context, at)
        ref = context.view.place_starting.get(place_at)
        if ref is not None:
            partial = any(t.low in lex.descriptors and t.low in lex.words.directions for t in tokens[at:place_at])
            found, after = _named(context, ref)
            renamed = after < len(tokens) and tokens[after].low in (",", "-") and \
                skip_modifiers(context, after + 1) in context.view.place_starting  # "... in Norland, the Vell Valley"
            whole = last and not partial and not renamed and ref.place.feature_type != "country"
            return (found if whole else []), after
        return [], at
    return [], k


def _settlements(context: PhraseContext, j: int, n: int) -> tuple[list[PlaceRef], int]:
    """"the city of X" and "the villages of X, Y" are X (and Y); "nine villages of X district"
    are places inside X, not X (the gazetteer says how big X is)."""
    tokens, lex = context.tokens, context.lex
    noun = tokens[j].low
    k = j + n
    if k < len(tokens) and k in context.view.place_starting:
        return _named(context, context.view.place_starting[k])  # "the regional capital Haden", "the town Kerrab"
    if k >= len(tokens) or tokens[k].low not in context.lex.words.complement:
        return [], k
    found, after = item(context, skip_modifiers(context, k + 1))
    if not found:
        return [], after
    place = found[0].place
    size = lex.sizes.get(noun, 0)
    place_size = lex.feature_sizes.get(place.feature_type, 0)
    counted = j > 0 and (tokens[j - 1].low.isdigit() or tokens[j - 1].low in lex.numbers)
    if counted and _whole(context, place, tokens[j - 1].low, noun):
        return found, after  # "eight districts of X" when X has eight districts: all of X
    if place_size > size and place_size >= lex.sizes.get("district", 0) and (counted or noun.endswith(context.lex.endings.plural)):
        return [], after  # villages in a district; "the villages of A, B and C" are those villages
    return found, after


def _whole(context: PhraseContext, place, count: str, noun: str) -> bool:
    number = int(count) if count.isdigit() else context.lex.numbers.get(count, 0)
    kind = _singular(noun, context.lex)
    if not number:
        return count in context.lex.words.every
    children = [p for p in context.gazetteer.children(place.id) if p.feature_type == kind]
    return len(children) == number and number > 0


def _located(context: PhraseContext, j: int) -> tuple[list[PlaceRef], int]:
    """The first place the locating phrases from `j` name ("... in the Ostra district of Vellshire")."""
    tokens, lex = context.tokens, context.lex
    while j < len(tokens):
        while j < len(tokens) and tokens[j].low in ('"', "'"):
            j += 1
        n = lex.locators.match(tokens, j) if j < len(tokens) else 0
        if not n:
            return [], j
        found, after = item(context, skip_modifiers(context, j + n))
        if found:
            return found, after
        if after == skip_modifiers(context, j + n):
            return [], j
        j = after
    return [], j


def skip_locators(context: PhraseContext, j: int, stop: frozenset = frozenset()) -> tuple[int, Party | None]:
    """Past phrases that only locate the place before them ("in Dorn region", "100 km south
    of Harl", "(the Berovian name is Varvell)"); "from X" names the loser."""
    tokens, lex, view = context.tokens, context.lex, context.view
    loser = None
    while j < len(tokens):
        low = tokens[j].low
        if low == "(":
            close = next((k for k in range(j, len(tokens)) if tokens[k].low == ")"), None)
            if close is None:
                return j, loser
            j = close + 1
            continue
        if low.isdigit() and j + 1 < len(tokens) and tokens[j + 1].low in context.lex.words.distance_units:
            j += 2
            continue
        n = lex.locators.match(tokens, j)
        if not n or low in stop:
            return j, loser
        at = skip_modifiers(context, j + n)
        party = view.party_starting.get(at)
        if low in context.lex.words.origin and party is not None and party.actor is not None:
            loser = loser or party
            j = party.end
            continue
        found, after = item(context, at)
        if after == at:
            return j, loser
        j = _shared_noun_list(context, after)  # "in the Fevali, Dzhaval and Zennor Districts"
    return j, loser


def _shared_noun_list(context: PhraseContext, j: int) -> int:
    """Past the rest of a list of names sharing one plural noun ("Fevali, Dzhaval and Zennor
    Districts"), which locates as a whole; `j` if no such list follows."""
    tokens, lex = context.tokens, context.lex
    k = j
    while k < len(tokens) and (tokens[k].low == "," or tokens[k].low in context.lex.words.conjunction or k in context.view.place_starting
                               or tokens[k].capitalised and tokens[k].low.isalpha()):
        if k in context.view.place_starting:
            k = context.view.place_starting[k].end
            last = tokens[k - 1].low
            if last in lex.sizes and last.endswith(context.lex.endings.plural) and k - 1 > j:
                return k  # the shared noun named with the last one: "Zennor Districts"
        else:
            k += 1
        if k < len(tokens) and tokens[k].low in lex.sizes and tokens[k].low.endswith(context.lex.endings.plural):
            return k + 1
    return j


def coordination(context: PhraseContext, j: int) -> int | None:
    """Where the next phrase of a list starts, or None when the list ends at `j`."""
    tokens, lex = context.tokens, context.lex
    if j >= len(tokens):
        return None
    if tokens[j].low == "-" and tokens[j].spaced and j + 1 in context.view.place_starting:
        return j + 1  # "the last pocket of resistance - Vell Valley"
    if tokens[j].low == "-" and tokens[j].spaced and j + 1 < len(tokens) and lex.coordination.match(tokens, j + 1):
        return j + 1 + lex.coordination.match(tokens, j + 1)  # "seven centres - including Sabrow and Surrow -"
    if tokens[j].low == ",":
        k = j + 1
        forward = context.view.place_starting.get(k)
        if k < len(tokens) and lex.determiners.match(tokens, k) and tokens[k].low in context.lex.words.articles \
                and (k not in context.view.place_starting and not _list_continues(context, k)
                     or forward is not None and forward.kind == "forward"):  # ", a town next to ...": an aside
            close = next((c for c in range(k, min(len(tokens), k + ASIDE_MAX)) if tokens[c].low == ","), None)
            if close is None:
                return None
            return coordination(context, close)
        n = lex.coordination.match(tokens, k)
        if not n and not _list_ends_ahead(context, k):
            return None  # "the provincial capital, Vell": a name for what came before, not a list
        k += n
        k += _repeated_preposition(context, k)
        return k if _list_continues(context, k) else None
    n = lex.coordination.match(tokens, j)
    if n:
        k = j + n + _repeated_preposition(context, j + n)
        if _list_continues(context, k):
            return k
    return None


def _repeated_preposition(context: PhraseContext, k: int) -> int:
    """"control over X, as well as over Y": the preposition said again before the next item."""
    n = context.lex.locators.match(context.tokens, k) if k < len(context.tokens) else 0
    return n if n and _list_continues(context, k + n) else 0


def _list_ends_ahead(context: PhraseContext, k: int) -> bool:
    """Whether "and", "or" (a list's last joint) comes ahead, before the clause ends."""
    tokens, lex = context.tokens, context.lex
    for m in range(k, min(len(tokens), k + 20)):
        if lex.coordination.match(tokens, m) and tokens[m].low not in context.lex.words.inclusion:
            return True
        if tokens[m].low in (".", ";", ":") or lex.clause_breaks.match(tokens, m) or lex.be.match(tokens, m) \
                or lex.speech_verbs.match(tokens, m):
            return False
    return False


def _list_continues(context: PhraseContext, k: int) -> bool:
    """Whether a list item starts at `k` (a place, or a phrase about one), not a new clause."""
    tokens, view = context.tokens, context.view
    start = skip_modifiers(context, k)
    if start >= len(tokens):
        return False
    if start in view.place_starting:
        end = view.place_starting[start].end
        return not (end < len(tokens) and (context.lex.be.match(tokens, end) or tokens[end].low in context.lex.words.perfect))
    if tokens[start].low in context.lex.words.subject_pronouns:
        return False
    return bool(context.lex.part_nouns.match(tokens, start) or feature_noun(view, context.lex, start)
                or context.lex.holdout_nouns.match(tokens, start) or tokens[start].low.isalpha()
                and start not in view.party_starting
                and not context.lex.clause_breaks.match(tokens, start) and not context.lex.be.match(tokens, start)
                and not context.lex.speech_verbs.match(tokens, start))


def _singular(noun: str, lexicon: Lexicon) -> str:
    """"districts" -> "district": a counted noun as its gazetteer feature type."""
    for ending in lexicon.endings.plural:
        if noun.endswith(ending):
            return noun[:-len(ending)]
    return noun
