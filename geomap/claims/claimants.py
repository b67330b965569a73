"""Who says what a frame says: the innermost speech holding it, a quotation's speaker
(named after it, or in the sentence before or after), "he" and "the ministry" back to the
speaker named before, and else the outlet in its own voice."""
from __future__ import annotations

from .attribution import Speech, find_speech
from .frames import FrameMatch
from .speakers import Speaker
from .state import ArticleState, Said, view_at
from .view import SentenceView

_QUOTE_REACH = 3  # sentences back that an unattributed quotation may continue


def claimants_at(state: ArticleState, view: SentenceView, at: int, speeches: list[Speech], main: Said | None,
               core_end: int | None = None) -> list[Said]:
    """Who says what stands at token `at`: the innermost speech holding it (or whose verb is the
    frame's own, "Ardenia claims control over X", "an image showed its fighters at X")."""
    own = [s for s in speeches if core_end is not None and at <= s.at < core_end]
    holding = own or [s for s in speeches if s.holds(at)]
    if holding:
        innermost = min(holding, key=lambda s: (s.scope[1] - s.scope[0], -s.at))
        said = [resolve_speaker(state, sp, view, main, innermost) for sp in innermost.speakers]
        said = [s for s in said if s is not None]
        if said:
            return said
    if view.sentence.quoted:
        quoted = note_quote_speakers(state, view)
        if quoted:
            return quoted
    if state.outlet_actor:
        return [Said(state.outlet_actor, True)]
    return [Said(state.article.source or state.article.id, False)]


def resolve_speaker(state: ArticleState, speaker: Speaker, view: SentenceView, main: Said | None,
                     speech: Speech | None = None) -> Said | None:
    corroborating = bool(speech and speech.corroborating)
    visual = bool(speech and speech.visual)
    denying = bool(speech and speech.lemma in state.lex.denial_verbs)
    party = speaker.party
    if party is None and not speaker.name and main is not None:  # ", saying ...": the sentence's speaker
        return Said(main.claimant, main.is_actor, corroborating, visual, denying or main.denying, speech)
    if party is not None and party.actor is not None:
        return Said(party.actor, True, corroborating, visual, denying, speech)
    if party is not None and party.kind in ("pronoun", "speaker-pronoun") or party is None and _unnamed(state, speaker):
        earlier = _side_before(state, view, party) or _subject_side(state, view, speaker) or state.last_speaker \
            or state.last_actor
        if earlier:
            return Said(earlier, earlier in state.actor_ids, corroborating, visual, denying, speech)
        return None if party is not None else Said(speaker.name, False, corroborating, visual, denying, speech)
    return Said(speaker.name, False, corroborating, visual, denying, speech)


def _side_before(state: ArticleState, view: SentenceView, pronoun) -> str | None:
    """The side a pronoun in a relative clause points back at: the nearest side named before it
    in the sentence ("Blue Front officials visited X, which they said ...")."""
    if pronoun is None or pronoun.start == 0 or not state.lex.relative_pronouns.match(view.tokens, pronoun.start - 1):
        return None
    return next((p.actor for p in reversed(view.parties) if p.end <= pronoun.start and p.actor and not p.supporting),
                None)


def _subject_side(state: ArticleState, view: SentenceView, speaker: Speaker) -> str | None:
    """"X took Y, according to the alliance": forces named as the speaker, not a spokesman or a
    ministry (the last one who spoke), are those of the first side the sentence names."""
    words = speaker.name.lower().split()
    if speaker.party is not None or not words or words[-1] in state.lex.speaker_nouns \
            or words[-1] not in state.lex.force_nouns:
        return None
    return next((p.actor for p in view.parties if p.actor and not p.supporting), None)


def anonymous(state: ArticleState, name: str) -> bool:
    """"a spokesman", "military sources": someone who speaks for the side the sentence names."""
    words = [w.lower() for w in name.split()]
    return bool(words) and any(w in state.lex.speaker_nouns for w in words) and \
        all(w in state.lex.speaker_nouns or w in state.lex.descriptors or w in state.lex.determiners
            or w in state.lex.force_nouns for w in words)


def _unnamed(state: ArticleState, speaker: Speaker) -> bool:
    """"the statement", "the spokesman": a speaker named before, not a new one."""
    words = speaker.name.lower().split()
    return not words or len(words) >= 2 and words[0] in state.lex.words.definite and \
        all(w in state.lex.speaker_nouns or w in state.lex.descriptors or w in state.lex.force_nouns
            for w in words[1:])


def main_speaker(state: ArticleState, view: SentenceView, speeches: list[Speech]) -> Said | None:
    """The sentence's first named speaker, or its subject: who ", saying ..." and "and said" quote."""
    for speech in speeches:
        for speaker in speech.speakers:
            if speaker.name or speaker.party is not None:
                said = resolve_speaker(state, speaker, view, None, speech)
                if said is not None:
                    return said
    first = next((p for p in view.parties if not p.supporting and p.actor), None)
    return Said(first.actor, True) if first is not None else None


def note_quote_speakers(state: ArticleState, view: SentenceView) -> list[Said]:
    """Who speaks a quotation: named after it closes ("...," X said), before it opens
    ("X said: ..."), or, unattributed, the speaker of the quotation just before."""
    key = (view.sentence.quote_start, view.sentence.quote_end)
    if key in state.quote_speakers:
        return state.quote_speakers[key]
    found: list[Said] = []
    closing = next((v for v in state.views[view.index:] if v.sentence.start <= key[1] - 1 < v.sentence.end
                    or v.sentence.start >= key[1]), None)
    for candidate in (closing, view_at(state, key[0])):
        if candidate is None or found:
            continue
        speeches = find_speech(candidate, state.lex)
        main = main_speaker(state, candidate, speeches)
        for speech in speeches:
            tokens = candidate.tokens
            scope_start = tokens[speech.scope[0]].start if speech.scope[0] < len(tokens) else candidate.sentence.end
            scope_end = tokens[speech.scope[1] - 1].end if 0 < speech.scope[1] <= len(tokens) else candidate.sentence.start
            if scope_start <= key[0] + 1 and key[1] - 1 <= scope_end + 1 or \
                    (candidate is closing and speech.scope[1] > 0 and tokens[speech.at].start >= key[1] - 1 and
                     speech.scope[0] == 0) or (scope_start >= key[0] - 1 and tokens[speech.at].end <= key[0] + 1):
                said = [resolve_speaker(state, sp, candidate, main, speech) for sp in speech.speakers]
                found = [s for s in said if s is not None]
                if found:
                    break
    after = state.views[closing.index + 1] if closing is not None and closing.index + 1 < len(state.views) else None
    if not found and after is not None and len(after.tokens) <= 8 and not after.sentence.quoted:
        speeches = find_speech(after, state.lex)  # "“Dear Sorra, you are free!” Arvidov tweeted Sunday."
        said = [resolve_speaker(state, sp, after, None, speech) for speech in speeches for sp in speech.speakers]
        found = [s for s in said if s is not None]
    if not found and state.last_quote and view.index - state.last_quote[0] <= _QUOTE_REACH:
        found = state.last_quote[1]
    if found:
        state.last_quote = (view.index, found)
    state.quote_speakers[key] = found
    return found


def embedded_claimant(state: ArticleState, view: SentenceView, frame: FrameMatch, start: int) -> Said | None:
    """In "denied X's claims that ...", the claim is X's: "X's claims", "reports by X"."""
    tokens = view.tokens
    for k in range(max(start, 0), frame.start):
        if state.lex.claim_nouns.match(tokens, k):
            owner = view.party_ending.get(k - 1) if k and tokens[k - 1].low in state.lex.words.possessive else None
            if owner is not None and owner.actor:
                return Said(owner.actor, True, speech=None)
    return None
