"""Reading an article's control claims, sentence by sentence, as an analyst does.

For each frame the lexicon finds (frames.py), the reader names the controller (the
holder; for a loss, the loser's rival), the claimant (the speaker of the words that
hold it, attribution.py; else the outlet in its own voice), the stance, hedges and
date, and cancels what is not a current claim: negation, intent, condition,
questions, history. Denials ("X denied ...", "... is false") contest the places of
the claims they answer. Every decision is kept as a Reading for `geomap explain`.
"""
from __future__ import annotations

from collections import Counter

from ..actors import Actors
from ..articles import Article
from ..gazetteer import Gazetteer
from ..resolve import Mention
from ..sentences import split_sentences
from .attribution import find_speech
from .cancel import cancel_reason, hedges_of
from .claimants import anonymous, claimants_at, embedded_claimant, main_speaker, note_quote_speakers, resolve_speaker
from .dates import date_referred
from .denials import denial_context, denied_spans, read_denials
from .frames import FrameMatch, find_frames
from .lexicon import Lexicon
from .parties import party_finder
from .phrases import PhraseContext
from .referents import add_named_places, add_references
from .sides import controller_of, resolved_generic, stance_of
from .state import ArticleState, Claim, Reading, Said, add_reading, new_claim
from .tokens import tokenize
from .view import SentenceView


def read_claims(article: Article, mentions: list[Mention], actors: Actors, gazetteer: Gazetteer,
                lexicon: Lexicon) -> tuple[list[Claim], list[Reading]]:
    """Every current control claim in `article`, and what the reader made of each frame."""
    state = _start(article, mentions, actors, gazetteer, lexicon)
    previous_place = None
    for view in state.views:
        context = PhraseContext(view, state.lex, state.gazetteer, previous_place)
        found = _read_sentence(state, view, context)
        state.sentence_claims.append(found)
        state.claims.extend(found)
        if view.places:
            previous_place = view.places[-1].place
    seen, unique = set(), []
    for claim in state.claims:
        key = (claim.place.id, claim.controller, claim.claimant, claim.stance, claim.evidence)
        if key not in seen:  # a caption printed twice is one piece of evidence
            seen.add(key)
            unique.append(claim)
    return unique, state.readings


def _start(article: Article, mentions: list[Mention], actors: Actors, gazetteer: Gazetteer,
           lexicon: Lexicon) -> ArticleState:
    """The article as sentence views with their parties and places, and who its outlet speaks for."""
    finder = party_finder(actors, lexicon)
    ordered = sorted(mentions, key=lambda m: m.start)
    views: list[SentenceView] = []
    for index, sentence in enumerate(split_sentences(article.body)):
        tokens = tokenize(sentence.text, sentence.start)
        view = SentenceView(index, sentence, tokens, finder.find(tokens))
        add_named_places(view, ordered)
        views.append(view)
    add_references(views, lexicon, gazetteer)
    mentioned = Counter(p.actor for v in views for p in v.parties if p.actor)
    state = ArticleState(article, actors, gazetteer, lexicon, views, mentioned)
    for view in views:  # "the army", when two actors' aliases end with "army": the one this article is about
        view.parties = [resolved_generic(state, p) for p in view.parties]
        view.index_spans()
    state.outlet_actor = _outlet_actor(state, article.source, finder) if article.source else None
    return state


def _outlet_actor(state: ArticleState, source: str, finder) -> str | None:
    """The side an outlet speaks for: listed in actors.yaml, or named so ("Estmarkish News Agency")."""
    listed = state.actors.speaking_for(source)
    if listed:
        return listed
    tokens = tokenize(source)
    parties = finder.find(tokens)
    whole = [p for p in parties if p.start == 0 and p.end == len(tokens) and p.actor and
             state.lex.speaker_nouns.match(tokens, len(tokens) - 1)]
    return whole[0].actor if whole else None


def _read_sentence(state: ArticleState, view: SentenceView, context: PhraseContext) -> list[Claim]:
    if view.sentence.quoted:
        note_quote_speakers(state, view)  # remembered for an unattributed quotation that follows
    speeches = find_speech(view, state.lex)
    main = main_speaker(state, view, speeches)
    frames = find_frames(view, state.lex, context)
    state.frames = frames
    denial = denial_context(state, view, speeches)
    denied = denied_spans(state, view, denial, speeches, main)
    claims: list[Claim] = []
    hedges = hedges_of(state, view)
    when = date_referred(view, state.article.date, state.lex)
    for frame in frames:
        claims.extend(_claims_of(state, view, frame, speeches, main, denied, hedges, when))
    claims.extend(read_denials(state, view, speeches, main, denial, frames, claims, hedges, when))
    if not frames and not any(r.sentence == view.index for r in state.readings):
        _look_alike(state, view)
    for speech in speeches:
        for speaker in speech.speakers:
            said = resolve_speaker(state, speaker, view, main)
            if said and said.is_actor:
                state.last_speaker = said.claimant
    subjects = [p.actor for p in view.parties if p.actor and not p.supporting]
    if subjects:
        state.last_actor = subjects[0]
    return claims


def _claims_of(state: ArticleState, view, frame: FrameMatch, speeches, main, denied, hedges, when) -> list[Claim]:
    said_list = claimants_at(state, view, frame.start, speeches, main, frame.end)
    outcome = cancel_reason(state, view, frame)
    claims = []
    for said in said_list:
        holder = controller_of(state, view, frame, said)
        stance = None
        result = outcome
        if result is None and not frame.places:
            result = "no place: the phrase names no place the gazetteer knows"
        if result is None and holder is None:
            result = "no holder: no side is named, and the claimant is not a party"
        if not said.is_actor and holder in state.actor_ids and anonymous(state, said.claimant):
            said = Said(holder, True, said.corroborating, said.visual, said.denying, said.speech)  # "a spokesman said"
        span = next(((a, b) for a, b, denier in denied if a <= frame.start < b
                     and (denier is None or said.claimant == denier)), None)
        if result is None and span is not None:
            result = "denied: the speaker says this is not so (a denial below)"
            embedded = embedded_claimant(state, view, frame, span[0])
            if embedded is not None:
                said, result = embedded, None
                holder = controller_of(state, view, frame, said)
        if result is None:
            stance = stance_of(state, frame, holder, said, view)
            for ref in frame.places:
                claims.append(new_claim(state, view, ref, holder, said.claimant, stance, hedges, when, frame))
        add_reading(state, view, frame.pattern.frame, view.text_of(frame.start, frame.end), frame.pattern.text,
                      tuple(r.place.id for r in frame.places), holder, said.claimant, stance,
                      hedges, when, result or "claim")
    return claims


def _look_alike(state: ArticleState, view: SentenceView) -> None:
    """A sentence that names a place and speaks of fighting, an advance or a siege, but claims nothing."""
    places = tuple(dict.fromkeys(r.place.id for r in view.places if not view.place_inside_party(r)))
    if not places:
        return
    for kind, phrases in state.lex.look_alikes.items():
        found = phrases.find(view.tokens)
        if found:
            start, end = found[0]
            add_reading(state, view, kind, view.text_of(start, end), "look_alikes", places, None, None, None, (),
                          None, f"{kind} only: no control frame")
            return
