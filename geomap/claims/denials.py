"""Denials: "X denied ...", "... is false", "still holds" after a rival's claim. A denial
contests the places of the claims it answers, in its sentence or the few before."""
from __future__ import annotations

from .attribution import Speech
from .claimants import claimants_at, resolve_speaker
from .objects import places_after
from .phrases import PhraseContext, locating
from .state import ArticleState, Claim, add_reading, new_claim
from .view import PlaceRef, SentenceView

_DISPUTE_REACH = 3  # sentences back that "X denied that" may answer


def denied_spans(state: ArticleState, view: SentenceView, denial: Speech | None, speeches, main) -> list[tuple]:
    """Tokens whose frames are what a denial denies (the words after "X denied", the claim before
    "... is false"), with the denier where known: a claim there said by someone else ("reports
    by X asserting that ...") is still that one's claim."""
    spans = [(*denial.scope, None)] if denial is not None else []
    for start, _ in state.lex.false_phrases.find(view.tokens):
        said = claimants_at(state, view, start, speeches, main)
        spans.append((0, start, said[0].claimant if said and said[0].is_actor else None))
    return spans


def denial_context(state: ArticleState, view: SentenceView, speeches: list[Speech]) -> Speech | None:
    for speech in speeches:
        if speech.lemma in state.lex.denial_verbs:
            return speech
    return None


def read_denials(state: ArticleState, view, speeches, main, denial, frames, claims, hedges, when) -> list[Claim]:
    """Denials: by a denying verb ("X denied ...") or a falsity ("... is false")."""
    found: list[Claim] = []
    contexts = []
    if denial is not None:
        for speaker in denial.speakers:
            said = resolve_speaker(state, speaker, view, main, denial)
            if said is None and denial.scope == (0, 0):
                continue
            contexts.append((said, denial.scope, view.text_of(denial.at, denial.at + 1)))
    for start, end in state.lex.false_phrases.find(view.tokens):
        for said in claimants_at(state, view, start, speeches, main):
            contexts.append((said, (0, start), view.text_of(start, end)))
    for said, scope, words in contexts:
        if said is None or not said.is_actor:
            continue
        denier = said.claimant
        places = _denied_places(state, view, scope, denier, frames)
        if not places and _points_back(state, view, scope):
            places = _disputed([claims], denier) or _recently_claimed(state, view, denier)
        for ref in places:
            found.append(new_claim(state, view, ref, denier, denier, "denial", hedges, when, None))
        add_reading(state, view, "denial", words, "denials", tuple(r.place.id for r in places), denier, denier,
                      "denial", hedges, when, "claim" if places else "no place: nothing claimed to deny")
    return found


def _points_back(state: ArticleState, view: SentenceView, scope) -> bool:
    """Whether a denial answers claims made before it: "denied that", "denied the claims",
    "denied Arvidov's statement", "which were disputed by the BF", "a claim Talvin denied" (not
    "denied reports that he fled")."""
    tokens, lex = view.tokens, state.lex
    start, end = scope
    if start >= end or start == 0:
        return True
    if all(not t.low.isalnum() for t in tokens[start:end]) and lex.claim_nouns.find(tokens, max(0, start - 6), start):
        return True  # "..., a claim Talvin denied."
    k = start
    while k < end and (lex.determiners.match(tokens, k) or k in view.party_starting or tokens[k].low in state.lex.words.possessive):
        k = view.party_starting[k].end if k in view.party_starting else k + 1
    n = lex.claim_nouns.match(tokens, k) if k < end else 0
    if not n and k < end and tokens[k].low in lex.words.speech_objects:
        n = 1
    return bool(n) and (k + n >= end or tokens[k + n].low in (",", ".") or tokens[k + n].low in lex.words.speech_noun_links
                                  or tokens[k + n].low in lex.words.conjunction)


def _denied_places(state: ArticleState, view: SentenceView, scope, denier: str, frames) -> list[PlaceRef]:
    """Places the denial speaks of: those of frames in its scope; those a claim noun in it is
    about ("claims of taking Vell", "the news about X's control of Gaval"); and places in it,
    not only locating another, that a rival has claimed in this article."""
    tokens, lex = view.tokens, state.lex
    start, end = scope
    for k in range(start, end - 1):  # "denied X and said Y": Y is another statement
        if tokens[k].low in lex.words.conjunction and lex.speech_verbs.match(tokens, k + 1):
            end = k
            break
    claimed = {c.place.id for c in state.claims if c.controller != denier}
    claimed |= {r.place.id for f in frames if f.start < start for r in f.places}
    places = [r for f in frames if start <= f.start < end for r in f.places]
    context = PhraseContext(view, lex, state.gazetteer)
    for noun, _ in lex.claim_nouns.find(tokens, start, end):
        for k in range(noun + 1, end):
            if lex.patterns_by_word.get(tokens[k].low) and not lex.speech_verbs.match(tokens, k) \
                    and tokens[k].low.isalpha() and not lex.locators.match(tokens, k):
                after = k + 1
                while after < end and tokens[after].low in lex.words.control_complements:
                    after += 1
                places += [r for r in places_after(context, after).places if r.start < end]
    places += [r for r in view.places if start <= r.start < end and r.place.id in claimed
               and not view.place_inside_party(r) and not locating(context, r)]
    return list({r.place.id: r for r in places}.values())


def _recently_claimed(state: ArticleState, view: SentenceView, denier: str) -> list[PlaceRef]:
    return _disputed(reversed(state.sentence_claims[-_DISPUTE_REACH:]), denier)


def _disputed(claim_lists, denier: str) -> list[PlaceRef]:
    """The places of the first list's claims by someone else that a denial can answer: the claims
    before it in its own sentence ("X claimed to have taken Y, a claim Z denied"), or those of
    the sentences just before."""
    for claims in claim_lists:
        disputed = [c for c in claims if c.controller != denier and c.stance in ("claim", "report", "corroboration")]
        if disputed:
            return list({c.place.id: PlaceRef(0, 0, c.place, c.place_text, "reference") for c in disputed}.values())
    return []
