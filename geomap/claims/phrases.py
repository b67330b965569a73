"""The phrases around a frame's words: the places after a verb, the side before it.

"took full control of Axum, Adwa and the surrounding areas of Adigrat" governs Axum
and Adwa, not Adigrat; "captured the strategic town of Dessie in Amhara region"
governs Dessie, not Amhara (a place that only locates another); "eight districts of
Panjshir" governs Panjshir when Panjshir has eight districts, but "nine villages of
Jabrayil district" are places in the district, not the district. The subject is the
side named before the verb, past auxiliaries, adverbs, dates, hedges ("claimed to
have") and asides (", supported by artillery,"), never beyond a clause's start.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..gazetteer import Gazetteer
from .lexicon import Lexicon
from .parties import Party
from .view import PlaceRef, SentenceView, feature_noun

_ASIDE_MAX = 24  # tokens in an aside between commas


@dataclass(frozen=True)
class Objects:
    """The places a phrase governs, where it ends, and a side it names as the loser ("from X")."""

    places: tuple[PlaceRef, ...]
    end: int
    loser: Party | None = None


class PhraseReader:
    """Reads noun phrases in one sentence."""

    def __init__(self, view: SentenceView, lexicon: Lexicon, gazetteer: Gazetteer, previous_place=None):
        self.view = view
        self.tokens = view.tokens
        self.lex = lexicon
        self.gazetteer = gazetteer
        self.previous_place = previous_place  # the last place named before this sentence, for "it"

    # -- after a verb --------------------------------------------------------------------
    def places_after(self, i: int, location: bool = False, stop: frozenset = frozenset()) -> Objects:
        """The list of places starting at token `i` ("Vell, Ostra and the town of Karrow").

        With `location` (after "in", "over", "outside"...), a thing stands for where it is:
        "outside the governor's office in the Annaba district" is Annaba. The list ends before
        a word of `stop` (the phrase's next word: "clear X from the control of Y").
        """
        items: list[PlaceRef] = []
        loser = None
        j = i
        while j < len(self.tokens):
            start = self.skip_modifiers(j)
            found, after = self.item(start)
            if after == start:
                break
            if not found and location:
                found, after = self._located(after)
            items.extend(found)
            j, named_loser = self.skip_locators(after, stop)
            loser = loser or named_loser
            k = self.coordination(j)
            if k is None:
                break
            j = k
        unique = list({ref.place.id: ref for ref in reversed(items)}.values())[::-1]
        return Objects(tuple(sorted(unique, key=lambda r: r.start)), j, loser)

    def skip_modifiers(self, j: int) -> int:
        """Past determiners, descriptors, quotes and numbers before a noun."""
        tokens, lex = self.tokens, self.lex
        while j < len(tokens):
            n = lex.determiners.match(tokens, j) or lex.descriptors.match(tokens, j)
            if n and j not in self.view.place_starting:
                j += n
            elif tokens[j].low in ('"', "'") or tokens[j].low.isdigit() or tokens[j].low in lex.numbers:
                j += 1
            elif tokens[j].capitalised and tokens[j].low.isalpha() and j not in self.view.place_starting \
                    and j + 1 in self.view.place_starting:
                j += 1  # "Azerbaijani Shusha city"
            else:
                return j
        return j

    def item(self, j: int) -> tuple[list[PlaceRef], int]:
        """The place one phrase of a list stands for (maybe none), and where the phrase ends."""
        tokens, lex, view = self.tokens, self.lex, self.view
        if j >= len(tokens):
            return [], j
        ref = view.place_starting.get(j)
        if ref is not None:
            party = view.party_covering(j)
            if party is not None and view.place_inside_party(ref):
                return [], party.end
            return self._named(ref)
        low = tokens[j].low
        if low in self.lex.words.place_pronouns and j > 0:
            before = [r for r in view.places if r.end <= j]
            place = before[-1] if before else self.previous_place
            return ([PlaceRef(j, j + 1, place.place if isinstance(place, PlaceRef) else place, tokens[j].text,
                              "reference")] if place is not None else []), j + 1
        n = lex.part_nouns.match(tokens, j)
        if n and j + n < len(tokens) and tokens[j + n].low in self.lex.words.complement:
            return self.item(self.skip_modifiers(j + n + 1))
        n = n or lex.surrounding_nouns.match(tokens, j)
        if n:
            k = j + n
            if k < len(tokens) and tokens[k].low in self.lex.words.complement:
                _, k = self.item(self.skip_modifiers(k + 1))
            return [], k
        n = lex.holdout_nouns.match(tokens, j)
        if n:
            return self._holdout(j, n)
        n = feature_noun(view, lex, j)
        if n:
            return self._settlements(j, n)
        if tokens[j].low.isalpha() and not lex.be.match(tokens, j) and j not in view.party_starting \
                and not lex.clause_breaks.match(tokens, j) and not lex.coordination.match(tokens, j) \
                and not lex.locators.match(tokens, j):
            k = j + 1
            if tokens[j].capitalised:  # a name geomap does not know: "Kfar Zeita", "Al-Asa"
                while k < len(tokens) and (tokens[k].capitalised and tokens[k].low.isalpha() or
                                           tokens[k].low == "-" and not tokens[k].spaced) and k not in view.place_starting:
                    k += 1
                if k in view.place_starting:
                    return self._named(view.place_starting[k])  # "the World Heritage Site Lalibela"
                return [], k
            while k < len(tokens) and k < j + 8 and not (feature_noun(view, lex, k) and k + 1 < len(tokens)
                                                         and tokens[k + 1].low in self.lex.words.complement) \
                    and (tokens[k].low.isalpha() and not tokens[k].capitalised
                                                      or tokens[k].low in self.lex.words.possessive or tokens[k].low.isdigit()
                                                      or tokens[k].low == "-" and not tokens[k].spaced) \
                    and not lex.locators.match(tokens, k) and not lex.coordination.match(tokens, k) \
                    and not lex.be.match(tokens, k) and not lex.clause_breaks.match(tokens, k) \
                    and not lex.speech_verbs.match(tokens, k) and k not in view.place_starting:
                k += 1
            if k < len(tokens) and feature_noun(view, lex, k) and k + 1 < len(tokens) and tokens[k + 1].low in self.lex.words.complement:
                return self._settlements(k, feature_noun(view, lex, k))  # "the completely destroyed city of X"
            return [], k  # a thing, not a place ("weapons", "a police headquarters", "the governor's office")
        return [], j

    def _named(self, ref: PlaceRef) -> tuple[list[PlaceRef], int]:
        """A named place and what follows it: "Ethiopia's Axum" is Axum, "the Tigray regional capital
        Mekelle" is Mekelle, "Kombolcha towns" is Kombolcha, "the town's districts" the town;
        "northwestern Libya" is a part of a country, not the country."""
        tokens, lex, view = self.tokens, self.lex, self.view
        k = ref.end
        if ref.place.feature_type == "country" and ref.start > 0 and tokens[ref.start - 1].low in lex.words.directions:
            return [], k
        if k < len(tokens) and tokens[k].low in self.lex.words.possessive:
            head = self.skip_modifiers(k + 1)
            found, after = self.item(head)
            if found:
                return found, after
            if after > head and lex.part_nouns.match(tokens, head):
                return [ref], after  # "the town's northern districts": the town
            return [ref] if after == head else [], after  # "Tripoli's airport": not Tripoli
        look = k
        while look < len(tokens) and look < k + 3 and (lex.descriptors.match(tokens, look) or feature_noun(view, lex, look)) \
                and look not in view.place_starting:
            look += 1
        if look > k and look in view.place_starting:
            return self._named(view.place_starting[look])
        n = feature_noun(view, lex, k)
        noun_size = lex.sizes.get(tokens[k].low, 0) if n else 0
        place_size = lex.feature_sizes.get(ref.place.feature_type, 0)
        smaller = 0 < noun_size < place_size and place_size >= lex.sizes.get("district", 0)
        if smaller and k + n + 1 < len(tokens) and tokens[k + n].low in self.lex.words.complement:
            inner = view.place_starting.get(self.skip_modifiers(k + n + 1))
            if inner is not None:
                return self._named(inner)  # "the Panjshir districts of Khinj and Anabah": the districts
        if smaller:
            return [], k + n  # "a Nagorno-Karabakh town": a town in it, not the region
        return [ref], k + n

    def _holdout(self, j: int, n: int) -> tuple[list[PlaceRef], int]:
        """"the last pocket of resistance in X": X, unless only part of X ("in northwest Syria")."""
        tokens, lex = self.tokens, self.lex
        last = any(t.low in self.lex.words.last for t in tokens[max(0, j - 3):j])
        k = j + n
        while k < len(tokens) and k < j + n + 4 and not lex.locators.match(tokens, k) - (tokens[k].low in self.lex.words.complement):
            k += 1
        if k < len(tokens) and tokens[k].low in self.lex.words.complement:
            k += 1
            while k < len(tokens) and tokens[k].low.isalpha() and k not in self.view.place_starting and \
                    not lex.locators.match(tokens, k):
                k += 1
        if k < len(tokens) and lex.locators.match(tokens, k):
            at = k + lex.locators.match(tokens, k)
            place_at = self.skip_modifiers(at)
            ref = self.view.place_starting.get(place_at)
            if ref is not None:
                partial = any(t.low in lex.descriptors and t.low in lex.words.directions for t in tokens[at:place_at])
                found, after = self._named(ref)
                renamed = after < len(tokens) and tokens[after].low in (",", "-") and \
                    self.skip_modifiers(after + 1) in self.view.place_starting  # "... in Afghanistan, the Panjshir Valley"
                whole = last and not partial and not renamed and ref.place.feature_type != "country"
                return (found if whole else []), after
            return [], at
        return [], k

    def _settlements(self, j: int, n: int) -> tuple[list[PlaceRef], int]:
        """"the city of X" and "the villages of X, Y" are X (and Y); "nine villages of X district"
        are places inside X, not X (the gazetteer says how big X is)."""
        tokens, lex = self.tokens, self.lex
        noun = tokens[j].low
        k = j + n
        if k < len(tokens) and k in self.view.place_starting:
            return self._named(self.view.place_starting[k])  # "the regional capital Mekele", "the town Saraqeb"
        if k >= len(tokens) or tokens[k].low not in self.lex.words.complement:
            return [], k
        found, after = self.item(self.skip_modifiers(k + 1))
        if not found:
            return [], after
        place = found[0].place
        size = lex.sizes.get(noun, 0)
        place_size = lex.feature_sizes.get(place.feature_type, 0)
        counted = j > 0 and (tokens[j - 1].low.isdigit() or tokens[j - 1].low in lex.numbers)
        if counted and self._whole(place, tokens[j - 1].low, noun):
            return found, after  # "eight districts of X" when X has eight districts: all of X
        if place_size > size and place_size >= lex.sizes.get("district", 0) and (counted or noun.endswith(self.lex.endings.plural)):
            return [], after  # villages in a district; "the villages of A, B and C" are those villages
        return found, after

    def _whole(self, place, count: str, noun: str) -> bool:
        number = int(count) if count.isdigit() else self.lex.numbers.get(count, 0)
        kind = _singular(noun, self.lex)
        if not number:
            return count in self.lex.words.every
        children = [p for p in self.gazetteer.children(place.id) if p.feature_type == kind]
        return len(children) == number and number > 0

    def locating(self, ref: PlaceRef) -> bool:
        """Whether `ref` only locates something ("50 km north of Mekelle", "a town in Amhara")."""
        tokens, lex = self.tokens, self.lex
        k = ref.start
        while k > 0 and (lex.determiners.match(tokens, k - 1) or lex.descriptors.match(tokens, k - 1)):
            k -= 1
        if k >= 2 and tokens[k - 1].low in self.lex.words.complement and feature_noun(self.view, lex, k - 2) and not tokens[k - 2].capitalised:
            return False  # "the city of X": X itself (but "North Wollo Zone of Amhara": Amhara locates it)
        return k > 0 and any(e == k for _, e in lex.locators.find(tokens, max(0, k - 3), k))

    def _last_holdout(self, ref: PlaceRef) -> bool:
        """"the last enemy enclave in [Panjshir]": the place is what was held out, all of it."""
        start = self._locator_start(ref)
        if start is None or ref.place.feature_type == "country":
            return False
        window = [t.low for t in self.tokens[max(0, start - 5):start]]
        return bool(self.lex.words.last.intersection(window)) and any(self.lex.holdout_nouns.match(self.tokens, k)
                                        for k in range(max(0, start - 4), start))

    def _locator_start(self, ref: PlaceRef) -> int | None:
        """Where the phrase that makes `ref` a locator starts ("in the northern part of [Y]")."""
        tokens, lex = self.tokens, self.lex
        k = ref.start
        while k > 0 and (lex.determiners.match(tokens, k - 1) or lex.descriptors.match(tokens, k - 1)):
            k -= 1
        if k >= 2 and tokens[k - 1].low in self.lex.words.complement and (lex.part_nouns.match(tokens, k - 2) or
                                                     lex.surrounding_nouns.match(tokens, k - 2)):
            k -= 2
            while k > 0 and (lex.determiners.match(tokens, k - 1) or lex.descriptors.match(tokens, k - 1)):
                k -= 1
        for start, end in lex.locators.find(tokens, max(0, k - 3), k):
            if end == k:
                return start
        return None

    def _located(self, j: int) -> tuple[list[PlaceRef], int]:
        """The first place the locating phrases from `j` name ("... in the Annaba district of Panjshir")."""
        tokens, lex = self.tokens, self.lex
        while j < len(tokens):
            while j < len(tokens) and tokens[j].low in ('"', "'"):
                j += 1
            n = lex.locators.match(tokens, j) if j < len(tokens) else 0
            if not n:
                return [], j
            found, after = self.item(self.skip_modifiers(j + n))
            if found:
                return found, after
            if after == self.skip_modifiers(j + n):
                return [], j
            j = after
        return [], j

    def skip_locators(self, j: int, stop: frozenset = frozenset()) -> tuple[int, Party | None]:
        """Past phrases that only locate the place before them ("in Amhara region", "100 km south
        of Tripoli", "(the Armenian name is Varanda)"); "from X" names the loser."""
        tokens, lex, view = self.tokens, self.lex, self.view
        loser = None
        while j < len(tokens):
            low = tokens[j].low
            if low == "(":
                close = next((k for k in range(j, len(tokens)) if tokens[k].low == ")"), None)
                if close is None:
                    return j, loser
                j = close + 1
                continue
            if low.isdigit() and j + 1 < len(tokens) and tokens[j + 1].low in self.lex.words.distance_units:
                j += 2
                continue
            n = lex.locators.match(tokens, j)
            if not n or low in stop:
                return j, loser
            at = self.skip_modifiers(j + n)
            party = view.party_starting.get(at)
            if low in self.lex.words.origin and party is not None and party.actor is not None:
                loser = loser or party
                j = party.end
                continue
            found, after = self.item(at)
            if after == at:
                return j, loser
            j = self._shared_noun_list(after)  # "in the Fizuli, Djebrail and Zangilan Districts"
        return j, loser

    def _shared_noun_list(self, j: int) -> int:
        """Past the rest of a list of names sharing one plural noun ("Fizuli, Djebrail and Zangilan
        Districts"), which locates as a whole; `j` if no such list follows."""
        tokens, lex = self.tokens, self.lex
        k = j
        while k < len(tokens) and (tokens[k].low == "," or tokens[k].low in self.lex.words.conjunction or k in self.view.place_starting
                                   or tokens[k].capitalised and tokens[k].low.isalpha()):
            if k in self.view.place_starting:
                k = self.view.place_starting[k].end
                last = tokens[k - 1].low
                if last in lex.sizes and last.endswith(self.lex.endings.plural) and k - 1 > j:
                    return k  # the shared noun named with the last one: "Zangilan Districts"
            else:
                k += 1
            if k < len(tokens) and tokens[k].low in lex.sizes and tokens[k].low.endswith(self.lex.endings.plural):
                return k + 1
        return j

    def coordination(self, j: int) -> int | None:
        """Where the next phrase of a list starts, or None when the list ends at `j`."""
        tokens, lex = self.tokens, self.lex
        if j >= len(tokens):
            return None
        if tokens[j].low == "-" and tokens[j].spaced and j + 1 in self.view.place_starting:
            return j + 1  # "the last pocket of resistance - Panjshir Valley"
        if tokens[j].low == "-" and tokens[j].spaced and j + 1 < len(tokens) and lex.coordination.match(tokens, j + 1):
            return j + 1 + lex.coordination.match(tokens, j + 1)  # "seven centres - including Sabratha and Surman -"
        if tokens[j].low == ",":
            k = j + 1
            forward = self.view.place_starting.get(k)
            if k < len(tokens) and lex.determiners.match(tokens, k) and tokens[k].low in self.lex.words.articles \
                    and (k not in self.view.place_starting and not self._list_continues(k)
                         or forward is not None and forward.kind == "forward"):  # ", a town next to ...": an aside
                close = next((c for c in range(k, min(len(tokens), k + _ASIDE_MAX)) if tokens[c].low == ","), None)
                if close is None:
                    return None
                return self.coordination(close)
            n = lex.coordination.match(tokens, k)
            if not n and not self._list_ends_ahead(k):
                return None  # "the provincial capital, Barazak": a name for what came before, not a list
            k += n
            k += self._repeated_preposition(k)
            return k if self._list_continues(k) else None
        n = lex.coordination.match(tokens, j)
        if n:
            k = j + n + self._repeated_preposition(j + n)
            if self._list_continues(k):
                return k
        return None

    def _repeated_preposition(self, k: int) -> int:
        """"control over X, as well as over Y": the preposition said again before the next item."""
        n = self.lex.locators.match(self.tokens, k) if k < len(self.tokens) else 0
        return n if n and self._list_continues(k + n) else 0

    def _list_ends_ahead(self, k: int) -> bool:
        """Whether "and", "or" (a list's last joint) comes ahead, before the clause ends."""
        tokens, lex = self.tokens, self.lex
        for m in range(k, min(len(tokens), k + 20)):
            if lex.coordination.match(tokens, m) and tokens[m].low not in self.lex.words.inclusion:
                return True
            if tokens[m].low in (".", ";", ":") or lex.clause_breaks.match(tokens, m) or lex.be.match(tokens, m) \
                    or lex.speech_verbs.match(tokens, m):
                return False
        return False

    def _list_continues(self, k: int) -> bool:
        """Whether a list item starts at `k` (a place, or a phrase about one), not a new clause."""
        tokens, view = self.tokens, self.view
        start = self.skip_modifiers(k)
        if start >= len(tokens):
            return False
        if start in view.place_starting:
            end = view.place_starting[start].end
            return not (end < len(tokens) and (self.lex.be.match(tokens, end) or tokens[end].low in self.lex.words.perfect))
        if tokens[start].low in self.lex.words.subject_pronouns:
            return False
        return bool(self.lex.part_nouns.match(tokens, start) or feature_noun(view, self.lex, start)
                    or self.lex.holdout_nouns.match(tokens, start) or tokens[start].low.isalpha()
                    and start not in view.party_starting
                    and not self.lex.clause_breaks.match(tokens, start) and not self.lex.be.match(tokens, start)
                    and not self.lex.speech_verbs.match(tokens, start))

    def party_after(self, i: int) -> Party | None:
        """The side named at token `i` ("by the Syrian army", "to federal troops")."""
        j = i
        while j < len(self.tokens) and (self.tokens[j].low in ('"', "'") or self.lex.determiners.match(self.tokens, j)):
            if j in self.view.party_starting:
                break
            j += 1
        party = self.view.party_starting.get(j)
        if party is None and j < len(self.tokens):  # "forces they said were from the TPLF"
            for k in range(j, min(len(self.tokens), j + 7)):
                if k in self.view.party_starting and self.view.party_starting[k].actor is not None:
                    return self.view.party_starting[k]
                if self.tokens[k].low in (",", ".", ";"):
                    break
        return party

    # -- before a verb -------------------------------------------------------------------
    def subject_before(self, i: int, want: str, strict: bool = False):
        """The side (`want` "party") or the places (`want` "place") that are the subject of the
        words at `i`: (Party or list of PlaceRef, where it starts), or (None, i)."""
        tokens, lex, view = self.tokens, self.lex, self.view
        if want == "party" and not strict:
            shared = self._shared_subject(i)
            if shared is not None:
                return shared, shared.start
        j = i
        past_aside = False
        while j > 0:
            if want == "party":
                party = view.party_ending.get(j)
                if party is not None and party.actor is None and party.start > 0 and tokens[party.start - 1].low in self.lex.words.conjunction \
                        and party.start - 1 in view.party_ending:  # "Syrian troops and their allies"
                    party = view.party_ending[party.start - 1]
                if party is not None and not party.supporting:
                    return party, party.start
                if party is not None:  # "rebels backed by the Turkish military": past the backer
                    j = party.start
                    while j > 0 and (lex.determiners.match(tokens, j - 1) or lex.supporting.find(tokens, j - 1, j)):
                        j -= 1
                    j = self._before_support(j)
                    continue
                if j in view.place_ending and not view.place_inside_party(view.place_ending[j]):
                    start = self._locator_start(view.place_ending[j])
                    if start is not None and start > 0 and tokens[start - 1].low.endswith(self.lex.endings.participle):
                        j = start - 1  # "LNA forces stationed at Watiya left": past the participle's place
                        continue
                    return None, i
            else:
                refs = self._places_ending(j)
                party = view.party_starting.get(refs[-1].start) if refs else None
                if party is not None and party.end == refs[-1].end and party.actor is not None:
                    return None, i  # "which Azerbaijan claims to have liberated": Azerbaijan speaks
                if refs and self.locating(refs[0]) and not past_aside and not self._last_holdout(refs[0]):
                    start = self._locator_start(refs[0])  # "the town of X in the northern part of Y": X
                    if start is not None:
                        j = start
                        continue
                first = view.place_starting.get(0)
                if refs and past_aside and first is not None and first.start < refs[0].start and \
                        first.end < len(tokens) and tokens[first.end].low == ",":
                    return [first], 0  # "Saraqib, a city near the province's center, Idlib, ..., was liberated"
                if refs:
                    return refs, refs[0].start
                if j in view.party_ending:
                    party = view.party_ending[j]
                    if tokens[party.start].low in self.lex.words.neuter_pronouns:
                        before = [r for r in view.places if r.end <= party.start]
                        place = before[-1].place if before else self.previous_place
                        if place is not None:
                            return [PlaceRef(party.start, party.end, place, tokens[party.start].text, "reference")], party.start
                    return None, i
                attached = self._attached_phrase(j)
                if attached is not None:
                    j = attached  # "the highland city of 500,000 people fell"
                    continue
            if strict:
                return None, i
            k = j - 1
            low = tokens[k].low
            after = k + 1
            while after < i and lex.is_filler(tokens, after):
                after += 1
            realised = after < len(tokens) and tokens[after].low in self.lex.words.infinitive and lex.realised_before_to.match(tokens, k)
            if want == "place" and lex.relative_pronouns.match(tokens, k) and k > 0 and tokens[k - 1].low == ",":
                refs = self._places_ending(k - 1)
                if refs:
                    return refs, refs[0].start  # "near Lyman, which remains under X control"
            if lex.clause_breaks.match(tokens, k) or (lex.speech_verbs.match(tokens, k) and want == "party"
                                                      and not realised):
                return None, i
            if low == "," and k > 0 and lex.is_filler(tokens, k - 1) and all(lex.is_filler(tokens, m) for m in range(k + 1, j)):
                j = k  # "The Syrian army on Wednesday, August 21st completely seized"
                continue
            if want == "place" and feature_noun(view, lex, k) and (k in view.place_ending or k - 1 in view.place_ending or k > 0 and (k) in view.place_ending):
                j = k
                continue
            seeing = self._visual_verb_start(k)
            if seeing is not None:
                j = seeing  # "troops can be seen entering"
                continue
            cancelling = self._cancelling_words_ending(j)
            if cancelling is not None:
                j = cancelling  # "the army has not taken", "the army plans to take": found, then cancelled
                continue
            if lex.is_filler(tokens, k) or lex.hedges.match(tokens, k) or lex.realised_before_to.match(tokens, k) \
                    or low in self.lex.words.infinitive or low in self.lex.words.contractions or lex.be.match(tokens, k):
                j = k
                continue
            if low == ")":
                opening = next((o for o in range(k, -1, -1) if tokens[o].low == "("), None)
                if opening is None:
                    return None, i
                j = opening
                continue
            if low == ",":
                opening = next((o for o in range(k - 1, max(-1, k - _ASIDE_MAX), -1) if tokens[o].low == ","), None)
                if want == "place" and k in view.place_ending and opening is not None:
                    renamed = view.place_ending[k]  # "the last pocket in Afghanistan, the Panjshir Valley, has been"
                    first = view.place_starting.get(0)
                    if first is not None and first.end < len(tokens) and tokens[first.end].low == "," and first.start < opening:
                        return [first], first.start  # "Saraqib, a city ... of the province's center, Idlib, ..., was"
                    if self.skip_modifiers(opening + 1) == renamed.start or opening + 1 == renamed.start:
                        return [renamed], renamed.start
                if opening is not None and self._aside(opening + 1, k):
                    while True:  # "X, the Amhara and Afar security, in collaboration with Y, have taken"
                        earlier = next((o for o in range(opening - 1, max(-1, opening - _ASIDE_MAX), -1)
                                        if tokens[o].low == ","), None)
                        if earlier is None or opening in view.party_ending or not self._aside(earlier + 1, opening):
                            break
                        opening = earlier
                    j = opening
                    past_aside = True
                    continue
                return None, i
            if low in self.lex.words.conjunction and want == "party" and k > 0 and tokens[k - 1].low == ",":
                return None, i
            if low in self.lex.words.allies:
                j = k
                continue
            return None, i
        return None, i

    def _cancelling_words_ending(self, j: int) -> int | None:
        """Where a negation or an intent ending at token `j` starts ("has not", "plans to"), or None."""
        lex = self.lex
        for phrases in (lex.negation, lex.intent):
            start = next((s for s, e in phrases.find(self.tokens, max(0, j - 4), j) if e == j), None)
            if start is not None:
                return start
        return None

    def _shared_subject(self, i: int) -> Party | None:
        """The subject of a verb that shares it: "the ENDF broke in and took X" (after "and"),
        "our forces who took X" (after a relative pronoun), "... after conquering X" (the
        sentence's subject)."""
        tokens, lex, view = self.tokens, self.lex, self.view
        k = i
        while k > 0 and (lex.is_filler(tokens, k - 1) and tokens[k - 1].low not in ('"', "'", "(", ")")
                         or tokens[k - 1].low in self.lex.words.infinitive and k > 1 and lex.realised_before_to.match(tokens, k - 2)):
            k -= 2 if tokens[k - 1].low in self.lex.words.infinitive else 1  # "and managed to enter": past "managed to"
        if k == 0:
            return None
        before = tokens[k - 1].low
        if lex.relative_pronouns.match(tokens, k - 1) and k - 1 in view.party_ending:
            return view.party_ending[k - 1]
        if lex.relative_pronouns.match(tokens, k - 1):
            party = view.party_ending.get(k - 1) or next((p for p in reversed(view.parties) if p.end == k - 1), None)
            if party is None and k >= 2 and tokens[k - 2].low == ",":
                party = view.party_ending.get(k - 2)
            return party if party is not None and not party.supporting else None
        n = lex.participle_links.match(tokens, k - 1) if tokens[i].low.endswith(self.lex.endings.gerund) else 0
        link_start = k - 1
        if not n and k >= 2 and tokens[i].low.endswith(self.lex.endings.gerund):
            n = lex.participle_links.match(tokens, k - 2)
            link_start = k - 2 if n == 2 else link_start
        if n and tokens[i].low.endswith(self.lex.endings.gerund):
            subjects = [p for p in view.parties if p.end <= link_start and not p.supporting and
                        (p.end - p.start > 1 or tokens[p.start].low not in self.lex.words.possessives)]
            if not subjects and link_start == 0:  # "After capturing X, Red forces moved on": the main clause's
                comma = next((m for m in range(i, len(tokens)) if tokens[m].low == ","), None)
                main = self.party_after(comma + 1) if comma is not None else None
                subjects = [main] if main is not None and main.actor is not None else []
            return subjects[0] if subjects else None
        if before in self.lex.words.conjunction and not (k >= 2 and tokens[k - 2].low == ","):
            start = k - 1  # the clause before "and": its first side is the subject the verbs share
            while start > 0 and not (lex.clause_breaks.match(tokens, start - 1) or lex.speech_verbs.match(tokens, start - 1)
                                     or tokens[start - 1].low in ('"', ";", ":")) and k - start < 20:
                start -= 1
            for party in view.parties:
                if start <= party.start and party.end <= k - 1 and not party.supporting and not (
                        party.end - party.start == 1 and tokens[party.start].low in self.lex.words.possessives) \
                        and self._before_a_verb(party.end, k - 1):
                    return party  # "units from GNA forces chased away Haftar's forces ... and managed to enter"
        return None

    def _attached_phrase(self, j: int) -> int | None:
        """Where a place ends, when tokens before `j` are a feature noun or an "of ..." phrase
        attached to it ("Kombolcha towns", "the highland city of 500,000 people")."""
        view, lex, tokens = self.view, self.lex, self.tokens
        if feature_noun(view, lex, j - 1) and j - 1 in view.place_ending:
            return j - 1
        for k in range(j - 1, max(0, j - 7), -1):
            if tokens[k].low in self.lex.words.complement and k in view.place_ending:
                return k
            if not (tokens[k].low.isalnum() or tokens[k].low == ","):
                return None
        return None

    def _visual_verb_start(self, k: int) -> int | None:
        """Where words of seeing that end at token `k` start ("troops [can be seen] entering")."""
        for start in range(max(0, k - 3), k + 1):
            n = self.lex.visual_verbs.match(self.tokens, start)
            if n and start + n == k + 1:
                return start
        return None

    def _before_a_verb(self, j: int, limit: int) -> bool:
        """Whether a verb follows token `j` (past adverbs): the side before it is a subject."""
        tokens, lex = self.tokens, self.lex
        while j < limit and lex.is_filler(tokens, j) and not lex.locators.match(tokens, j) \
                and not tokens[j].low.endswith(self.lex.endings.participle):  # "started" is a verb, if also a filler
            j += 1
        return j < limit and tokens[j].low.isalpha() and not tokens[j].capitalised and not (
            lex.locators.match(tokens, j) or lex.coordination.match(tokens, j) or lex.determiners.match(tokens, j))

    def _before_support(self, j: int) -> int:
        tokens, lex = self.tokens, self.lex
        for start, end in lex.supporting.find(tokens, max(0, j - 5), j + 1):
            if end >= j:
                return start
        return j

    def _places_ending(self, j: int) -> list[PlaceRef]:
        """The places of a list that ends at token `j` ("Dessie and Kombolcha", "the historic city of
        Dessie and the industrial town of Kombolcha"); none when the last is only part of a count
        ("the two towns of Amhara region")."""
        view, tokens = self.view, self.tokens
        ref = view.place_ending.get(j)
        if ref is None or view.place_inside_party(ref):
            return []
        if self._counted_before(ref.start):
            return []
        found = [ref]
        k = self._phrase_start(ref.start)
        while k > 0:
            gap = k - 1
            if tokens[gap].low != "," and tokens[gap].low not in self.lex.words.conjunction:
                break
            if gap - 1 >= 0 and tokens[gap].low in self.lex.words.conjunction and tokens[gap - 1].low == ",":
                gap -= 1
            previous = view.place_ending.get(gap) or view.place_ending.get(gap - 1 if gap and self.lex.sizes.get(tokens[gap - 1].low) else gap)
            if previous is None:
                break
            found.insert(0, previous)
            k = self._phrase_start(previous.start)
        return found

    def _phrase_start(self, k: int) -> int:
        """Where the phrase naming the place at `k` starts: "the industrial town of [Kombolcha]"."""
        tokens, lex = self.tokens, self.lex
        if k >= 2 and tokens[k - 1].low in self.lex.words.complement and feature_noun(self.view, lex, k - 2):
            k -= 2
        while k > 0 and (lex.determiners.match(tokens, k - 1) or lex.descriptors.match(tokens, k - 1)):
            k -= 1
        return k

    def _counted_before(self, k: int) -> bool:
        """"the two strategic towns of [Amhara]", "the outskirts of [X]": X is not what is spoken of."""
        tokens, lex = self.tokens, self.lex
        if k < 2 or tokens[k - 1].low not in self.lex.words.complement:
            return False
        noun = tokens[k - 2].low
        return bool(lex.surrounding_nouns.match(tokens, k - 2) or noun in lex.sizes and noun.endswith(self.lex.endings.plural))

    def _aside(self, start: int, end: int) -> bool:
        """Whether tokens[start:end] are an aside between commas (", supported by Turkish artillery fire,")."""
        if start >= end:
            return False
        first = self.tokens[start].low
        relative = next((k for k in range(start, end) if self.lex.relative_pronouns.match(self.tokens, k)), end)
        return not any(self.lex.speech_verbs.match(self.tokens, k) for k in range(start, relative)) and (
            first.endswith(self.lex.endings.participle) or first.endswith(self.lex.endings.gerund) or self.lex.relative_pronouns.match(self.tokens, start)
            or self.lex.determiners.match(self.tokens, start) or self.lex.locators.match(self.tokens, start)
            or self.lex.supporting.match(self.tokens, start) or self.lex.coordination.match(self.tokens, start)
            or self.lex.aside_openers.match(self.tokens, start))


def _singular(noun: str, lexicon: Lexicon) -> str:
    """"districts" -> "district": a counted noun as its gazetteer feature type."""
    for ending in lexicon.endings.plural:
        if noun.endswith(ending):
            return noun[:-len(ending)]
    return noun
