"""Frames: the lexicon's phrases found in a sentence, with their roles filled.

A frame is what a sentence says happened to a place (gain, loss, state, presence,
hold-out), found by the words of a lexicon phrase (its core) and the roles around
them: the holder or loser named before or after, the places after a verb or before a
passive. Between the core's words, adverbs and auxiliaries may stand; a negation
there is remembered, to cancel the claim.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from .lexicon import Element, FramePattern, Lexicon, Slot
from .parties import Party
from .objects import places_after
from .phrases import PhraseContext, party_after
from .subjects import subject_before
from .view import PlaceRef, SentenceView

_MAX_FILLERS = 4


@dataclass(frozen=True)
class FrameMatch:
    """One frame in a sentence: which phrase, where, and the roles it found."""

    pattern: FramePattern
    start: int  # first token of the core
    end: int  # token after the core
    subject_start: int  # first token of the role before the core (or `start`)
    object_end: int  # token after the role after the core (or `end`)
    holder: Party | None
    loser: Party | None
    places: tuple[PlaceRef, ...]
    negated: bool  # a negation stood between the core's words

    @property
    def frame(self) -> str:
        return self.pattern.frame


def find_frames(view: SentenceView, lexicon: Lexicon, context: PhraseContext) -> list[FrameMatch]:
    """Every frame in the sentence, left to right; where two overlap, the one with the longer core."""
    found: list[FrameMatch] = []
    tokens = view.tokens
    possible = _possible_patterns({t.low for t in tokens}, lexicon)
    for i, token in enumerate(tokens):
        best = None
        for pattern in possible.get(token.low, ()):
            match = _match(pattern, i, view, lexicon, context)
            if match is not None and (best is None or _rank(match) > _rank(best)):
                best = match
        if best is not None:
            found.append(best)
    kept = []
    for match in sorted(found, key=lambda m: (-(m.end - m.start), -len(m.places), m.start)):
        if not any(m.start < match.end and match.start < m.end for m in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)


def _possible_patterns(words: set[str], lexicon: Lexicon) -> dict[str, list[FramePattern]]:
    """For each word of the sentence, the patterns it starts whose every other word is in the sentence."""
    index = _index_by_second_word(lexicon)
    possible = {}
    for word in words:
        entry = index.get(word)
        if entry is None:
            continue
        order, unconditional, by_second, seconds = entry
        found = set(unconditional)
        for other in words & seconds:
            found.update(p for p in by_second[other] if all(words & need for need in p.needs[1:]))
        possible[word] = sorted(found, key=order.__getitem__)
    return possible


@functools.lru_cache(maxsize=8)
def _index_by_second_word(lexicon: Lexicon) -> dict:
    """word -> (pattern order, patterns of one word, {second word: patterns}, second words): a sentence's
    candidates are found by looking up its words, not by testing every pattern."""
    index = {}
    for word, patterns in lexicon.patterns_by_word.items():
        by_second = defaultdict(list)
        for pattern in patterns:
            for second in (pattern.needs[0] if pattern.needs else ()):
                by_second[second].append(pattern)
        index[word] = ({p: k for k, p in enumerate(patterns)}, tuple(p for p in patterns if not p.needs),
                       {w: tuple(found) for w, found in by_second.items()}, frozenset(by_second))
    return index


def _rank(match: FrameMatch) -> tuple:
    roles = sum(1 for role in (match.holder, match.loser) if role is not None) + bool(match.places)
    return (match.end - match.start, roles, match.object_end - match.subject_start)


def _match(pattern: FramePattern, i: int, view: SentenceView, lexicon: Lexicon, context: PhraseContext) -> FrameMatch | None:
    core = _match_core(pattern, i, view, lexicon, context)
    if core is None:
        return None
    end, roles, negated = core
    subject_start, object_end = i, end
    if pattern.left == "place" and pattern.right is None and len(pattern.core) == 1 and _object_follows(end, view, lexicon):
        return None  # "it had entered its suburbs": an active verb with its object, not "X entered" as a headline
    if pattern.left:
        strict = isinstance(pattern.core[0], Element) and (pattern.core[0].options[0][0] in ("-", ",")
                                                                     or pattern.core[0].options[0][0] in lexicon.words.possessive)
        found, subject_start = subject_before(context, i, "place" if pattern.left == "place" else "party", strict)
        if found is None and not (pattern.left != "place" and _said_gerund(i, view, lexicon)):
            return None
        if found is not None:
            roles[pattern.left] = found
    if pattern.right:
        if pattern.right == "place":
            objects = places_after(context, end, location=pattern.where)
            if not objects.places:
                return None
            roles["place"] = list(objects.places)
            object_end = objects.end
            if objects.loser is not None and "loser" not in roles:
                roles["loser"] = objects.loser
        else:
            party = party_after(context, end)
            if party is None:
                return None
            roles[pattern.right] = party
            object_end = party.end
    places = tuple(roles.get("place") or ())
    if not places:
        return None
    for role in pattern.force_roles:
        party = roles.get(role)
        if party is not None and not _armed(party, view, lexicon):
            return None
    return FrameMatch(pattern, i, end, subject_start, object_end, roles.get("holder"), roles.get("loser"),
                      places, negated)


def _match_core(pattern: FramePattern, i: int, view: SentenceView, lexicon: Lexicon, context: PhraseContext):
    """(end, roles found inside the core, negated) if the core's words stand at `i`."""
    tokens = view.tokens
    j, roles, negated = i, {}, False
    for k, element in enumerate(pattern.core):
        if k:
            j = _past_aside(j, element, view, lexicon)
            skipped = 0
            while j < len(tokens) and skipped < _MAX_FILLERS and not _fits(element, j, view, lexicon):
                n = lexicon.is_filler(tokens, j)
                negation = lexicon.negation.match(tokens, j)
                if not (n or negation):
                    break
                negated = negated or bool(negation)
                j += n or negation
                skipped += 1
        if j >= len(tokens):
            return None
        if isinstance(element, Element):
            n = element.match(tokens, j)
            if not n:
                return None
            j += n
        else:
            following = pattern.core[k + 1] if k + 1 < len(pattern.core) else None
            j = _inner_role(element, j, view, context, roles, following)
            if j is None:
                return None
    return j, roles, negated


def _past_aside(j: int, element, view: SentenceView, lexicon: Lexicon) -> int:
    """Past ", after multiple defeats elsewhere," between a phrase's words, when the phrase goes on after it."""
    tokens = view.tokens
    if j < len(tokens) and tokens[j].low == ",":
        close = next((c for c in range(j + 1, min(len(tokens), j + 10)) if tokens[c].low == ","), None)
        if close is not None and _fits(element, close + 1, view, lexicon):
            return close + 1
    return j


def _said_gerund(i: int, view: SentenceView, lexicon: Lexicon) -> bool:
    """"admitted losing control of X", "denied losing the town": the speaker is the subject."""
    tokens = view.tokens
    return tokens[i].low.endswith(lexicon.endings.gerund) and i > 0 and bool(lexicon.speech_verbs.match(tokens, i - 1))


def _object_follows(end: int, view: SentenceView, lexicon: Lexicon) -> bool:
    return end < len(view.tokens) and (bool(lexicon.determiners.match(view.tokens, end)) or end in view.place_starting
                                       or end in view.party_starting)


def _armed(party: Party, view: SentenceView, lexicon: Lexicon) -> bool:
    """Whether a party is named as armed men ("Red Army fighters", "the rebels"), not as a person."""
    return party.kind == "generic" or any(lexicon.force_nouns.match(view.tokens, k) for k in range(party.start, party.end))


def _fits(element, j: int, view: SentenceView, lexicon: Lexicon) -> bool:
    if isinstance(element, Element):
        return bool(element.match(view.tokens, j))
    at = j
    while at < len(view.tokens) and lexicon.determiners.match(view.tokens, at):
        at += 1
    return at in view.party_starting or at in view.place_starting


def _first_words(element) -> frozenset:
    return element.first_words if isinstance(element, Element) else frozenset()


def _inner_role(slot: Slot, j: int, view: SentenceView, context: PhraseContext, roles: dict, next_element) -> int | None:
    """Fill a role standing inside the core ("under {holder} control"); the token after it, or None."""
    if slot.role == "place":
        objects = places_after(context, j, stop=_first_words(next_element))
        if not objects.places:
            return None
        roles["place"] = list(objects.places)
        return objects.end
    party = party_after(context, j)
    if party is None or party.start > j + 2:
        return None
    roles[slot.role] = party
    end = party.end
    return end + 1 if end < len(view.tokens) and view.tokens[end].low in context.lex.words.possessive else end  # "under Ardenport's control"
