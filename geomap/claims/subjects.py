"""The subject of a frame's words: the side (or the places) named before the verb, past
auxiliaries, adverbs, dates, hedges ("claimed to have") and asides (", supported by
artillery,"), never beyond a clause's start; or the subject a verb shares ("the NDF broke
in and took X", "our forces who took X", "after conquering X")."""
from __future__ import annotations

from .parties import Party
from .phrases import ASIDE_MAX, PhraseContext, locating, party_after, skip_modifiers
from .view import PlaceRef, feature_noun


def subject_before(context: PhraseContext, i: int, want: str, strict: bool = False):
    """The side (`want` "party") or the places (`want` "place") that are the subject of the
    words at `i`: (Party or list of PlaceRef, where it starts), or (None, i)."""
    tokens, lex, view = context.tokens, context.lex, context.view
    if want == "party" and not strict:
        shared = _shared_subject(context, i)
        if shared is not None:
            return shared, shared.start
    j = i
    past_aside = False
    while j > 0:
        if want == "party":
            party = view.party_ending.get(j)
            if party is not None and party.actor is None and party.start > 0 and tokens[party.start - 1].low in context.lex.words.conjunction \
                    and party.start - 1 in view.party_ending:  # "Sudland troops and their allies"
                party = view.party_ending[party.start - 1]
            if party is not None and not party.supporting:
                return party, party.start
            if party is not None:  # "rebels backed by the Oskarian military": past the backer
                j = party.start
                while j > 0 and (lex.determiners.match(tokens, j - 1) or lex.supporting.find(tokens, j - 1, j)):
                    j -= 1
                j = _before_support(context, j)
                continue
            if j in view.place_ending and not view.place_inside_party(view.place_ending[j]):
                start = locator_start(context, view.place_ending[j])
                if start is not None and start > 0 and tokens[start - 1].low.endswith(context.lex.endings.participle):
                    j = start - 1  # "RA forces stationed at Wattow left": past the participle's place
                    continue
                return None, i
        else:
            refs = _places_ending(context, j)
            party = view.party_starting.get(refs[-1].start) if refs else None
            if party is not None and party.end == refs[-1].end and party.actor is not None:
                return None, i  # "which Ardenia claims to have liberated": Ardenia speaks
            if refs and locating(context, refs[0]) and not past_aside and not last_holdout(context, refs[0]):
                start = locator_start(context, refs[0])  # "the town of X in the northern part of Y": X
                if start is not None:
                    j = start
                    continue
            first = view.place_starting.get(0)
            if refs and past_aside and first is not None and first.start < refs[0].start and \
                    first.end < len(tokens) and tokens[first.end].low == ",":
                return [first], 0  # "Kerab, a city near the province's center, Harrowmark, ..., was liberated"
            if refs:
                return refs, refs[0].start
            if j in view.party_ending:
                party = view.party_ending[j]
                if tokens[party.start].low in context.lex.words.neuter_pronouns:
                    before = [r for r in view.places if r.end <= party.start]
                    place = before[-1].place if before else context.previous_place
                    if place is not None:
                        return [PlaceRef(party.start, party.end, place, tokens[party.start].text, "reference")], party.start
                return None, i
            attached = _attached_phrase(context, j)
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
        realised = after < len(tokens) and tokens[after].low in context.lex.words.infinitive and lex.realised_before_to.match(tokens, k)
        if want == "place" and lex.relative_pronouns.match(tokens, k) and k > 0 and tokens[k - 1].low == ",":
            refs = _places_ending(context, k - 1)
            if refs:
                return refs, refs[0].start  # "near Lemno, which remains under X control"
        if want == "party" and lex.relative_pronouns.match(tokens, k) and k > 0 and tokens[k - 1].low == ",":
            party = view.party_ending.get(k - 1)
            if party is not None and party.actor is not None and not party.supporting:
                return party, party.start  # "The AA, which controls most of northern Merrow"
        speaker = view.party_ending.get(k) if want == "place" and lex.speech_verbs.match(tokens, k) else None
        if speaker is not None and speaker.start >= 2 and lex.relative_pronouns.match(tokens, speaker.start - 1) \
                and tokens[speaker.start - 2].low == ",":
            refs = _places_ending(context, speaker.start - 2)
            if refs:
                return refs, refs[0].start  # "Balmor, which they said had been liberated"
        if lex.clause_breaks.match(tokens, k) or (lex.speech_verbs.match(tokens, k) and want == "party"
                                                  and not realised):
            return None, i
        if low == "," and k > 0 and lex.is_filler(tokens, k - 1) and all(lex.is_filler(tokens, m) for m in range(k + 1, j)):
            j = k  # "The Sudland army on Wednesday, August 21st completely seized"
            continue
        if want == "place" and feature_noun(view, lex, k) and (k in view.place_ending or k - 1 in view.place_ending or k > 0 and (k) in view.place_ending):
            j = k
            continue
        seeing = _visual_verb_start(context, k)
        if seeing is not None:
            j = seeing  # "troops can be seen entering"
            continue
        cancelling = _cancelling_words_ending(context, j)
        if cancelling is not None:
            j = cancelling  # "the army has not taken", "the army plans to take": found, then cancelled
            continue
        if lex.is_filler(tokens, k) or lex.hedges.match(tokens, k) or lex.realised_before_to.match(tokens, k) \
                or low in context.lex.words.infinitive or low in context.lex.words.contractions or lex.be.match(tokens, k):
            j = k
            continue
        if low == ")":
            opening = next((o for o in range(k, -1, -1) if tokens[o].low == "("), None)
            if opening is None:
                return None, i
            j = opening
            continue
        if low == ",":
            opening = next((o for o in range(k - 1, max(-1, k - ASIDE_MAX), -1) if tokens[o].low == ","), None)
            if want == "place" and k in view.place_ending and opening is not None:
                renamed = view.place_ending[k]  # "the last pocket in Norland, the Vell Valley, has been"
                first = view.place_starting.get(0)
                if first is not None and first.end < len(tokens) and tokens[first.end].low == "," and first.start < opening:
                    return [first], first.start  # "Kerab, a city ... of the province's center, Harrowmark, ..., was"
                if skip_modifiers(context, opening + 1) == renamed.start or opening + 1 == renamed.start:
                    return [renamed], renamed.start
            if opening is not None and _aside(context, opening + 1, k):
                while True:  # "X, the Dorn and Ulmar security, in collaboration with Y, have taken"
                    earlier = next((o for o in range(opening - 1, max(-1, opening - ASIDE_MAX), -1)
                                    if tokens[o].low == ","), None)
                    if earlier is None or opening in view.party_ending or not _aside(context, earlier + 1, opening):
                        break
                    opening = earlier
                j = opening
                past_aside = True
                continue
            return None, i
        if low in context.lex.words.conjunction and want == "party" and k > 0 and tokens[k - 1].low == ",":
            return None, i
        if low in context.lex.words.allies:
            j = k
            continue
        return None, i
    return None, i


def _cancelling_words_ending(context: PhraseContext, j: int) -> int | None:
    """Where a negation or an intent ending at token `j` starts ("has not", "plans to"), or None."""
    lex = context.lex
    for phrases in (lex.negation, lex.intent):
        start = next((s for s, e in phrases.find(context.tokens, max(0, j - 4), j) if e == j), None)
        if start is not None:
            return start
    return None


def _shared_subject(context: PhraseContext, i: int) -> Party | None:
    """The subject of a verb that shares it: "the NDF broke in and took X" (after "and"),
    "our forces who took X" (after a relative pronoun), "... after conquering X" (the
    sentence's subject)."""
    tokens, lex, view = context.tokens, context.lex, context.view
    k = i
    while k > 0 and (lex.is_filler(tokens, k - 1) and tokens[k - 1].low not in ('"', "'", "(", ")")
                     or tokens[k - 1].low in context.lex.words.infinitive and k > 1 and lex.realised_before_to.match(tokens, k - 2)):
        k -= 2 if tokens[k - 1].low in context.lex.words.infinitive else 1  # "and managed to enter": past "managed to"
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
    n = lex.participle_links.match(tokens, k - 1) if tokens[i].low.endswith(context.lex.endings.gerund) else 0
    link_start = k - 1
    if not n and k >= 2 and tokens[i].low.endswith(context.lex.endings.gerund):
        n = lex.participle_links.match(tokens, k - 2)
        link_start = k - 2 if n == 2 else link_start
    if n and tokens[i].low.endswith(context.lex.endings.gerund):
        subjects = [p for p in view.parties if p.end <= link_start and not p.supporting and
                    (p.end - p.start > 1 or tokens[p.start].low not in context.lex.words.possessives)]
        if not subjects and link_start == 0:  # "After capturing X, Red forces moved on": the main clause's
            comma = next((m for m in range(i, len(tokens)) if tokens[m].low == ","), None)
            main = party_after(context, comma + 1) if comma is not None else None
            subjects = [main] if main is not None and main.actor is not None else []
        return subjects[0] if subjects else None
    if before in context.lex.words.conjunction and not (k >= 2 and tokens[k - 2].low == ","):
        start = k - 1  # the clause before "and": its first side is the subject the verbs share
        while start > 0 and not (lex.clause_breaks.match(tokens, start - 1) or lex.speech_verbs.match(tokens, start - 1)
                                 or tokens[start - 1].low in ('"', ";", ":")) and k - start < 20:
            start -= 1
        for party in view.parties:
            if start <= party.start and party.end <= k - 1 and not party.supporting and not (
                    party.end - party.start == 1 and tokens[party.start].low in context.lex.words.possessives) \
                    and _before_a_verb(context, party.end, k - 1):
                return party  # "units from BF forces chased away Varga's forces ... and managed to enter"
    return None


def _attached_phrase(context: PhraseContext, j: int) -> int | None:
    """Where a place ends, when tokens before `j` are a feature noun or an "of ..." phrase
    attached to it ("Kovalla towns", "the highland city of 500,000 people")."""
    view, lex, tokens = context.view, context.lex, context.tokens
    if feature_noun(view, lex, j - 1) and j - 1 in view.place_ending:
        return j - 1
    for k in range(j - 1, max(0, j - 7), -1):
        if tokens[k].low in context.lex.words.complement and k in view.place_ending:
            return k
        if not (tokens[k].low.isalnum() or tokens[k].low == ","):
            return None
    return None


def _visual_verb_start(context: PhraseContext, k: int) -> int | None:
    """Where words of seeing that end at token `k` start ("troops [can be seen] entering")."""
    for start in range(max(0, k - 3), k + 1):
        n = context.lex.visual_verbs.match(context.tokens, start)
        if n and start + n == k + 1:
            return start
    return None


def _before_a_verb(context: PhraseContext, j: int, limit: int) -> bool:
    """Whether a verb follows token `j` (past adverbs): the side before it is a subject."""
    tokens, lex = context.tokens, context.lex
    while j < limit and lex.is_filler(tokens, j) and not lex.locators.match(tokens, j) \
            and not tokens[j].low.endswith(context.lex.endings.participle):  # "started" is a verb, if also a filler
        j += 1
    return j < limit and tokens[j].low.isalpha() and not tokens[j].capitalised and not (
        lex.locators.match(tokens, j) or lex.coordination.match(tokens, j) or lex.determiners.match(tokens, j))


def _before_support(context: PhraseContext, j: int) -> int:
    tokens, lex = context.tokens, context.lex
    for start, end in lex.supporting.find(tokens, max(0, j - 5), j + 1):
        if end >= j:
            return start
    return j


def _places_ending(context: PhraseContext, j: int) -> list[PlaceRef]:
    """The places of a list that ends at token `j` ("Pellan and Kovalla", "the historic city of
    Pellan and the industrial town of Kovalla"); none when the last is only part of a count
    ("the two towns of Dorn region")."""
    view, tokens = context.view, context.tokens
    ref = view.place_ending.get(j)
    if ref is None or view.place_inside_party(ref):
        return []
    if _counted_before(context, ref.start):
        return []
    found = [ref]
    k = _phrase_start(context, ref.start)
    while k > 0:
        gap = k - 1
        if tokens[gap].low != "," and tokens[gap].low not in context.lex.words.conjunction:
            break
        if gap - 1 >= 0 and tokens[gap].low in context.lex.words.conjunction and tokens[gap - 1].low == ",":
            gap -= 1
        previous = view.place_ending.get(gap) or view.place_ending.get(gap - 1 if gap and context.lex.sizes.get(tokens[gap - 1].low) else gap)
        if previous is None:
            break
        found.insert(0, previous)
        k = _phrase_start(context, previous.start)
    return found


def _phrase_start(context: PhraseContext, k: int) -> int:
    """Where the phrase naming the place at `k` starts: "the industrial town of [Kovalla]"."""
    tokens, lex = context.tokens, context.lex
    if k >= 2 and tokens[k - 1].low in context.lex.words.complement and feature_noun(context.view, lex, k - 2):
        k -= 2
    while k > 0 and (lex.determiners.match(tokens, k - 1) or lex.descriptors.match(tokens, k - 1)):
        k -= 1
    return k


def _counted_before(context: PhraseContext, k: int) -> bool:
    """"the two strategic towns of [Dorn]", "the outskirts of [X]": X is not what is spoken of."""
    tokens, lex = context.tokens, context.lex
    if k < 2 or tokens[k - 1].low not in context.lex.words.complement:
        return False
    noun = tokens[k - 2].low
    return bool(lex.surrounding_nouns.match(tokens, k - 2) or noun in lex.sizes and noun.endswith(context.lex.endings.plural))


def _aside(context: PhraseContext, start: int, end: int) -> bool:
    """Whether tokens[start:end] are an aside between commas (", supported by Oskarian artillery fire,")."""
    if start >= end:
        return False
    first = context.tokens[start].low
    relative = next((k for k in range(start, end) if context.lex.relative_pronouns.match(context.tokens, k)), end)
    return not any(context.lex.speech_verbs.match(context.tokens, k) for k in range(start, relative)) and (
        first.endswith(context.lex.endings.participle) or first.endswith(context.lex.endings.gerund) or context.lex.relative_pronouns.match(context.tokens, start)
        or context.lex.determiners.match(context.tokens, start) or context.lex.locators.match(context.tokens, start)
        or context.lex.supporting.match(context.tokens, start) or context.lex.coordination.match(context.tokens, start)
        or context.lex.aside_openers.match(context.tokens, start))


def locator_start(context: PhraseContext, ref: PlaceRef) -> int | None:
    """Where the phrase that makes `ref` a locator starts ("in the northern part of [Y]")."""
    tokens, lex = context.tokens, context.lex
    k = ref.start
    while k > 0 and (lex.determiners.match(tokens, k - 1) or lex.descriptors.match(tokens, k - 1)):
        k -= 1
    if k >= 2 and tokens[k - 1].low in context.lex.words.complement and (lex.part_nouns.match(tokens, k - 2) or
                                                 lex.surrounding_nouns.match(tokens, k - 2)):
        k -= 2
        while k > 0 and (lex.determiners.match(tokens, k - 1) or lex.descriptors.match(tokens, k - 1)):
            k -= 1
    for start, end in lex.locators.find(tokens, max(0, k - 3), k):
        if end == k:
            return start
    return None


def last_holdout(context: PhraseContext, ref: PlaceRef) -> bool:
    """"the last enemy enclave in [Vellshire]": the place is what was held out, all of it."""
    start = locator_start(context, ref)
    if start is None or ref.place.feature_type == "country":
        return False
    window = [t.low for t in context.tokens[max(0, start - 5):start]]
    return bool(context.lex.words.last.intersection(window)) and any(context.lex.holdout_nouns.match(context.tokens, k)
                                    for k in range(max(0, start - 4), start))
