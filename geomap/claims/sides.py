"""Who holds a place a frame speaks of: the holder named, a pronoun's side, the rival of a
side that lost it (its `opposes`, or the side the article is about); and the stance of
the claim (a claim, a corroboration by the side that lost it, presence, a report)."""
from __future__ import annotations

from dataclasses import replace

from .frames import FrameMatch
from .parties import Party
from .state import ArticleState, Said
from .view import SentenceView


def controller_of(state: ArticleState, view: SentenceView, frame: FrameMatch, said: Said) -> str | None:
    holder = _actor_of(state, frame.holder, view, said)
    loser = _actor_of(state, frame.loser, view, said) or (_routed(state, view) if frame.frame != "loss" else None)
    if frame.frame == "loss" and frame.holder is None:
        side = loser or (said.claimant if said.is_actor and not said.visual else None)
        return rival_of(state, side) if side else None
    if holder:
        return holder if holder != loser else rival_of(state, loser)
    if loser:
        return rival_of(state, loser)
    if frame.frame in ("gain",) and frame.pattern.text.endswith("~fall"):
        return rival_of(state, said.claimant) if said.is_actor else None
    if said.is_actor and not said.visual and (frame.pattern.left == "place" or frame.pattern.left is None):
        return said.claimant  # "Javal has been liberated", "battles for Sorri are still on"
    return None


def _routed(state: ArticleState, view: SentenceView) -> str | None:
    """A side the sentence says withdrew or was defeated ("after the pullout of Varga's forces")."""
    tokens = view.tokens
    for party in view.parties:
        k = party.start
        while k > 0 and state.lex.determiners.match(tokens, k - 1):
            k -= 1
        if party.actor and k >= 2 and tokens[k - 1].low in state.lex.words.complement and any(
                p.frame == "loss" for p in state.lex.patterns_by_word.get(tokens[k - 2].low, ())):
            return party.actor
    return None


def _actor_of(state: ArticleState, party: Party | None, view: SentenceView, said: Said) -> str | None:
    if party is None:
        return None
    if party.actor is not None:
        return party.actor
    if party.kind == "rival":
        side = said.claimant if said.is_actor else state.last_actor
        return rival_of(state, side) if side else None
    if party.kind == "speaker-pronoun":
        return said.claimant if said.is_actor else None
    if party.kind == "bare":  # "troops": the speaking side's, and nobody's in the outlet's own voice
        return said.claimant if said.is_actor and said.speech is not None and said.speech.holds(party.start) else None
    if said.is_actor and said.speech is not None and said.speech.holds(party.start):
        return said.claimant  # "Kesslandic forces said they captured ..."
    before = [p.actor for p in view.parties if p.end <= party.start and p.actor and not p.supporting]
    actor = before[-1] if before else (said.claimant if said.is_actor else state.last_actor)
    if _withdrew_before(state, view, party, actor):
        return rival_of(state, actor)  # "the militants had withdrawn before they entered": they are the others
    return actor


def _withdrew_before(state: ArticleState, view: SentenceView, pronoun: Party, actor: str | None) -> bool:
    """Whether `actor`, named earlier in the sentence, is said to withdraw or lose there."""
    tokens = view.tokens
    for party in view.parties:
        if party.actor != actor or party.end > pronoun.start:
            continue
        k = party.end
        while k < pronoun.start and k < party.end + 5 and (state.lex.is_filler(tokens, k) or state.lex.be.match(tokens, k)):
            k += 1
        if k < pronoun.start and tokens[k].low not in state.lex.words.possessive and any(  # "X's claim" is no withdrawal
                p.frame == "loss" and p.left == "loser" for p in state.lex.patterns_by_word.get(tokens[k].low, ())):
            return True
    return False


def resolved_generic(state: ArticleState, party: Party) -> Party:
    if party.actor is not None or len(party.candidates) < 2:
        return party
    chosen = dominant(state, party.candidates)
    return replace(party, actor=chosen) if chosen else party


def dominant(state: ArticleState, candidates) -> str | None:
    """Of several actors, the one the article names clearly most (twice as often as the next)."""
    ranked = sorted(((state.mentioned[c], c) for c in candidates if state.mentioned[c]), reverse=True)
    if ranked and (len(ranked) == 1 or ranked[0][0] >= 2 * ranked[1][0]):
        return ranked[0][1]
    return None


def rival_of(state: ArticleState, actor: str | None) -> str | None:
    """The side that gains what `actor` loses: its one rival, or the one this article is about."""
    if actor is None:
        return None
    rivals = state.actors.rivals(actor)
    return rivals[0] if len(rivals) == 1 else dominant(state, rivals)


def stance_of(state: ArticleState, frame: FrameMatch, controller: str, said: Said, view: SentenceView) -> str:
    if said.visual or not said.is_actor:
        return "corroboration" if said.corroborating else "report"
    if said.corroborating:
        return "corroboration"
    if said.claimant == controller:
        if frame.frame in ("state", "hold-out") and _persists(state, view, frame, controller):
            return "denial"
        if frame.frame in ("presence", "hold-out") or _ongoing(state, view, frame):
            return "presence"  # "the army is clearing the area": there, not yet holding it
        return "claim"
    if controller not in state.actors.rivals(said.claimant):
        return "claim"  # an ally speaks for it
    return "corroboration"


def _ongoing(state: ArticleState, view: SentenceView, frame: FrameMatch) -> bool:
    """"is clearing", "are entering": a gain in progress."""
    tokens = view.tokens
    return frame.frame in ("gain", "loss") and frame.holder is not None and tokens[frame.start].low.endswith(state.lex.endings.gerund) \
        and frame.start > 0 and bool(state.lex.be.match(tokens, frame.start - 1))


def _persists(state: ArticleState, view: SentenceView, frame: FrameMatch, controller: str) -> bool:
    """"still under our control" after a rival claimed the place: a denial of that claim."""
    if not state.lex.persistence.find(view.tokens):
        return False
    places = {r.place.id for r in frame.places}
    return any(c.place.id in places and c.controller != controller and c.claimant in state.actor_ids
               and c.claimant != controller for c in state.claims)
