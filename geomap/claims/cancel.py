"""What makes a frame no current claim: a question, negation, a condition, intent, a
hypothetical, history; and the hedges a claim keeps."""
from __future__ import annotations

import functools

from .dates import history_reason
from .frames import FrameMatch
from .lexicon import Lexicon
from .state import ArticleState
from .tokens import tokenize
from .view import SentenceView


def hedges_of(state: ArticleState, view: SentenceView) -> tuple[str, ...]:
    found = [view.text_of(s, e) for s, e in state.lex.hedges.find(view.tokens) + state.lex.epistemic.find(view.tokens)]
    tokens = view.tokens
    for k in range(1, len(tokens) - 1):  # a scare-quoted verb: 'captured', "liberated"
        if tokens[k - 1].low in ("'", '"') and tokens[k + 1].low in ("'", '"') and k + 1 < len(tokens) \
                and state.lex.patterns_by_word.get(tokens[k].low):
            found.append(view.text_of(k - 1, k + 2))
    return tuple(dict.fromkeys(found))


def cancel_reason(state: ArticleState, view: SentenceView, frame: FrameMatch) -> str | None:
    tokens, lex = view.tokens, state.lex
    if view.sentence.text.rstrip(" \"'”’)").endswith("?"):
        return "question"
    negative_phrase = _says_not(frame, lex)  # "has not been retaken" is a frame of its own
    if frame.negated and not negative_phrase:
        return "negation"
    window_start = max(0, min(frame.subject_start, frame.start) - 2)
    for start, end in lex.negation.find(tokens, window_start, frame.start):
        if not negative_phrase:
            return "negation: " + view.text_of(start, end)
    for start, end in lex.condition.find(tokens, 0, frame.start):
        if not any(s <= start < e for s, e in lex.condition_hedges.find(tokens)):
            return "condition: " + view.text_of(start, end)
    intent = _intent(state, view, frame, window_start)
    if intent:
        return intent
    ongoing = bool(lex.ongoing.find(tokens, max(0, frame.start - 6), frame.start))
    history = history_reason(view, state.article.date, lex, ongoing)
    return history


def _intent(state: ArticleState, view: SentenceView, frame: FrameMatch, window_start: int) -> str | None:
    tokens, lex = view.tokens, state.lex
    epistemic = lex.epistemic.find(tokens, window_start, frame.start)
    for start, end in lex.intent.find(tokens, window_start, frame.start):
        words = view.text_of(start, end)
        if any(s <= start < e for s, e in epistemic):
            continue  # "might already be under X's control": a doubt, kept as a hedge
        if tokens[start].capitalised and start > 0:
            continue  # "19 May": a month, not the verb "may"
        if lex.ability.match(tokens, start) == end - start and lex.be.match(tokens, end):
            continue
        return "intent: " + words
    k = frame.start - 1
    while k >= 0 and (lex.is_filler(tokens, k) and tokens[k].low not in lex.words.infinitive):
        k -= 1
    if k >= 0 and tokens[k].low in lex.words.infinitive:
        before = k - 1
        while before >= 0 and lex.is_filler(tokens, before):
            before -= 1
        if before > 0 and tokens[before].low == ",":  # "have been able, through the grace of God, to clear"
            opening = next((o for o in range(before - 1, max(-1, before - 12), -1) if tokens[o].low == ","), None)
            if opening is not None:
                before = opening - 1
        forced = False
        if before >= 0 and before + 1 in view.party_ending:  # "forced the RA to retreat"
            verb = view.party_ending[before + 1].start - 1
            while verb > 0 and lex.determiners.match(tokens, verb):
                verb -= 1
            forced = verb >= 0 and bool(lex.causatives.match(tokens, verb))
        if before < 0 or not (lex.realised_before_to.match(tokens, before) or forced):
            return "intent: to " + tokens[frame.start].text
    if frame.pattern.left is None:  # "the capture of X would be": a hypothetical
        after = tokens[frame.object_end:frame.object_end + 4]
        for token in after:
            if token.low in lex.hypothetical:
                return "hypothetical: " + token.text
    return None


def _says_not(frame: FrameMatch, lexicon: Lexicon) -> bool:
    """Whether the lexicon phrase itself is negative ("has not fallen"): its negation is its meaning."""
    return _negative_phrase(frame.pattern.text, lexicon)


@functools.lru_cache(maxsize=1024)
def _negative_phrase(text: str, lexicon: Lexicon) -> bool:
    return bool(lexicon.negation.find(tokenize(text)))
