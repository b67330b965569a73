"""Reading an article's control claims, sentence by sentence, as an analyst does.

For each frame the lexicon finds (frames.py), the reader names the controller (the
holder; for a loss, the loser's rival), the claimant (the speaker of the words that
hold it, attribution.py; else the outlet in its own voice), the stance, hedges and
date, and cancels what is not a current claim: negation, intent, condition,
questions, history. Denials ("X denied ...", "... is false") contest the places of
the claims they answer. Every decision is kept as a Reading for `geomap explain`.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace

from ..actors import Actors
from ..articles import Article
from ..gazetteer import Gazetteer, Place
from ..resolve import Mention
from ..sentences import split_sentences
from .attribution import Speech, find_speech
from .speakers import Speaker
from .dates import date_referred, history_reason
from .frames import FrameMatch, find_frames
from .lexicon import Lexicon
from .parties import Party, party_finder
from .objects import places_after
from .phrases import PhraseContext, locating
from .referents import add_named_places, add_references
from .tokens import tokenize
from .view import PlaceRef, SentenceView

_DISPUTE_REACH = 3  # sentences back that "X denied that" may answer
_QUOTE_REACH = 3  # sentences back that an unattributed quotation may continue


@dataclass(frozen=True)
class Claim:
    """One statement about who controls a place, traceable to its sentence."""

    article_id: str
    place: Place
    place_text: str  # the spelling (or reference, "the valley") the sentence used
    controller: str  # actor id
    claimant: str  # actor id, or the claimant's name as written ("witnesses", "Emergency")
    stance: str
    hedges: tuple[str, ...]
    evidence: str  # the sentence, verbatim
    evidence_start: int
    evidence_end: int
    date: dt.date | None

    @property
    def hedged(self) -> bool:
        return bool(self.hedges)


@dataclass(frozen=True)
class Reading:
    """What the reader made of one frame (or look-alike) in a sentence: why a dot has its colour."""

    sentence: int  # index of the sentence in the article
    start: int  # the sentence's offsets in the body
    end: int
    frame: str  # gain, loss, state, presence, hold-out, denial, or a look-alike kind
    words: str  # the words that made it, as printed
    phrase: str  # the lexicon phrase
    places: tuple[str, ...]  # place ids
    holder: str | None
    claimant: str | None
    stance: str | None
    hedges: tuple[str, ...]
    date: dt.date | None
    outcome: str  # "claim", or why not ("negation: not", "intent: to", "history: in 1991", "no holder", ...)


@dataclass(frozen=True)
class _Said:
    """Who says a frame, and how."""

    claimant: str  # actor id or a name
    is_actor: bool
    corroborating: bool = False
    visual: bool = False
    denying: bool = False
    speech: Speech | None = None


class ArticleReader:
    """Reads one article's claims; `read()` returns the claims and the readings."""

    def __init__(self, article: Article, mentions: list[Mention], actors: Actors, gazetteer: Gazetteer,
                 lexicon: Lexicon):
        self.article = article
        self.actors = actors
        self.actor_ids = {a.id for a in actors}
        self.gazetteer = gazetteer
        self.lex = lexicon
        finder = party_finder(actors, lexicon)
        ordered = sorted(mentions, key=lambda m: m.start)
        self.views: list[SentenceView] = []
        for index, sentence in enumerate(split_sentences(article.body)):
            tokens = tokenize(sentence.text, sentence.start)
            view = SentenceView(index, sentence, tokens, finder.find(tokens))
            add_named_places(view, ordered)
            self.views.append(view)
        add_references(self.views, lexicon, gazetteer)
        self.mentioned = Counter(p.actor for v in self.views for p in v.parties if p.actor)
        for view in self.views:  # "the army", when two actors' aliases end with "army": the one this article is about
            view.parties = [self._resolved_generic(p) for p in view.parties]
            view.index_spans()
        self.outlet_actor = self._outlet_actor(article.source, finder) if article.source else None
        self.claims: list[Claim] = []
        self.readings: list[Reading] = []
        self.sentence_claims: list[list[Claim]] = []
        self.last_speaker: str | None = None  # claimant of the last attributed speech
        self.last_actor: str | None = None  # the last side named as a subject
        self.quote_speakers: dict[tuple[int, int], list[_Said]] = {}
        self.last_quote: tuple[int, list[_Said]] | None = None
        self.frames: list[FrameMatch] = []  # the sentence's, while it is read

    def _outlet_actor(self, source: str, finder) -> str | None:
        """The side an outlet speaks for: listed in actors.yaml, or named so ("Ethiopian News Agency")."""
        listed = self.actors.speaking_for(source)
        if listed:
            return listed
        tokens = tokenize(source)
        parties = finder.find(tokens)
        whole = [p for p in parties if p.start == 0 and p.end == len(tokens) and p.actor and
                 self.lex.speaker_nouns.match(tokens, len(tokens) - 1)]
        return whole[0].actor if whole else None

    def read(self) -> tuple[list[Claim], list[Reading]]:
        previous_place = None
        for view in self.views:
            context = PhraseContext(view, self.lex, self.gazetteer, previous_place)
            found = self._read_sentence(view, context)
            self.sentence_claims.append(found)
            self.claims.extend(found)
            if view.places:
                previous_place = view.places[-1].place
        seen, unique = set(), []
        for claim in self.claims:
            key = (claim.place.id, claim.controller, claim.claimant, claim.stance, claim.evidence)
            if key not in seen:  # a caption printed twice is one piece of evidence
                seen.add(key)
                unique.append(claim)
        return unique, self.readings

    # -- one sentence ---------------------------------------------------------------------
    def _read_sentence(self, view: SentenceView, context: PhraseContext) -> list[Claim]:
        if view.sentence.quoted:
            self._quote_speakers(view)  # remembered for an unattributed quotation that follows
        speeches = find_speech(view, self.lex)
        main = self._main_speaker(view, speeches)
        frames = find_frames(view, self.lex, context)
        self.frames = frames
        denial = self._denial_context(view, speeches)
        denied = self._denied_spans(view, denial, speeches, main)
        claims: list[Claim] = []
        hedges = self._hedges(view)
        date = date_referred(view, self.article.date, self.lex)
        for frame in frames:
            claims.extend(self._claims_of(view, frame, speeches, main, denied, hedges, date))
        claims.extend(self._denials(view, speeches, main, denial, frames, claims, hedges, date))
        if not frames and not any(r.sentence == view.index for r in self.readings):
            self._look_alike(view)
        for speech in speeches:
            for speaker in speech.speakers:
                said = self._resolve_speaker(speaker, view, main)
                if said and said.is_actor:
                    self.last_speaker = said.claimant
        subjects = [p.actor for p in view.parties if p.actor and not p.supporting]
        if subjects:
            self.last_actor = subjects[0]
        return claims

    def _claims_of(self, view, frame: FrameMatch, speeches, main, denied, hedges, date) -> list[Claim]:
        said_list = self._claimants(view, frame.start, speeches, main, frame.end)
        outcome = self._cancelled(view, frame)
        claims = []
        for said in said_list:
            holder = self._controller(view, frame, said)
            stance = None
            result = outcome
            if result is None and not frame.places:
                result = "no place: the phrase names no place the gazetteer knows"
            if result is None and holder is None:
                result = "no holder: no side is named, and the claimant is not a party"
            if not said.is_actor and holder in self.actor_ids and self._anonymous(said.claimant):
                said = _Said(holder, True, said.corroborating, said.visual, said.denying, said.speech)  # "a spokesman said"
            span = next(((a, b) for a, b, denier in denied if a <= frame.start < b
                         and (denier is None or said.claimant == denier)), None)
            if result is None and span is not None:
                result = "denied: the speaker says this is not so (a denial below)"
                embedded = self._embedded_claimant(view, frame, span[0])
                if embedded is not None:
                    said, result = embedded, None
                    holder = self._controller(view, frame, said)
            if result is None:
                stance = self._stance(frame, holder, said, view)
                for ref in frame.places:
                    claims.append(self._claim(view, ref, holder, said.claimant, stance, hedges, date, frame))
            self._reading(view, frame.pattern.frame, view.text_of(frame.start, frame.end), frame.pattern.text,
                          tuple(r.place.id for r in frame.places), holder, said.claimant, stance,
                          hedges, date, result or "claim")
        return claims

    # -- who holds ---------------------------------------------------------------------------
    def _controller(self, view: SentenceView, frame: FrameMatch, said: _Said) -> str | None:
        holder = self._actor_of(frame.holder, view, said)
        loser = self._actor_of(frame.loser, view, said) or (self._routed(view) if frame.frame != "loss" else None)
        if frame.frame == "loss" and frame.holder is None:
            side = loser or (said.claimant if said.is_actor and not said.visual else None)
            return self.rival_of(side) if side else None
        if holder:
            return holder if holder != loser else self.rival_of(loser)
        if loser:
            return self.rival_of(loser)
        if frame.frame in ("gain",) and frame.pattern.text.endswith("~fall"):
            return self.rival_of(said.claimant) if said.is_actor else None
        if said.is_actor and not said.visual and (frame.pattern.left == "place" or frame.pattern.left is None):
            return said.claimant  # "Jabrayil has been liberated", "battles for Shushi are still on"
        return None

    def _routed(self, view: SentenceView) -> str | None:
        """A side the sentence says withdrew or was defeated ("after the pullout of Haftar's forces")."""
        tokens = view.tokens
        for party in view.parties:
            k = party.start
            while k > 0 and self.lex.determiners.match(tokens, k - 1):
                k -= 1
            if party.actor and k >= 2 and tokens[k - 1].low in self.lex.words.complement and any(
                    p.frame == "loss" for p in self.lex.patterns_by_word.get(tokens[k - 2].low, ())):
                return party.actor
        return None

    def _actor_of(self, party: Party | None, view: SentenceView, said: _Said) -> str | None:
        if party is None:
            return None
        if party.actor is not None:
            return party.actor
        if party.kind == "rival":
            side = said.claimant if said.is_actor else self.last_actor
            return self.rival_of(side) if side else None
        if party.kind == "speaker-pronoun":
            return said.claimant if said.is_actor else None
        if said.is_actor and said.speech is not None and said.speech.holds(party.start):
            return said.claimant  # "Tigrayan forces said they captured ..."
        before = [p.actor for p in view.parties if p.end <= party.start and p.actor and not p.supporting]
        actor = before[-1] if before else (said.claimant if said.is_actor else self.last_actor)
        if self._withdrew_before(view, party, actor):
            return self.rival_of(actor)  # "the militants had withdrawn before they entered": they are the others
        return actor

    def _withdrew_before(self, view: SentenceView, pronoun: Party, actor: str | None) -> bool:
        """Whether `actor`, named earlier in the sentence, is said to withdraw or lose there."""
        tokens = view.tokens
        for party in view.parties:
            if party.actor != actor or party.end > pronoun.start:
                continue
            k = party.end
            while k < pronoun.start and k < party.end + 5 and (self.lex.is_filler(tokens, k) or self.lex.be.match(tokens, k)):
                k += 1
            if k < pronoun.start and any(p.frame == "loss" and p.left == "loser" for p in self.lex.patterns_by_word.get(tokens[k].low, ())):
                return True
        return False

    def _resolved_generic(self, party: Party) -> Party:
        if party.actor is not None or len(party.candidates) < 2:
            return party
        chosen = self._dominant(party.candidates)
        return replace(party, actor=chosen) if chosen else party

    def _dominant(self, candidates) -> str | None:
        """Of several actors, the one the article names clearly most (twice as often as the next)."""
        ranked = sorted(((self.mentioned[c], c) for c in candidates if self.mentioned[c]), reverse=True)
        if ranked and (len(ranked) == 1 or ranked[0][0] >= 2 * ranked[1][0]):
            return ranked[0][1]
        return None

    def rival_of(self, actor: str | None) -> str | None:
        """The side that gains what `actor` loses: its one rival, or the one this article is about."""
        if actor is None:
            return None
        rivals = self.actors.rivals(actor)
        return rivals[0] if len(rivals) == 1 else self._dominant(rivals)

    # -- who says so -------------------------------------------------------------------------
    def _claimants(self, view: SentenceView, at: int, speeches: list[Speech], main: _Said | None,
                   core_end: int | None = None) -> list[_Said]:
        """Who says what stands at token `at`: the innermost speech holding it (or whose verb is the
        frame's own, "Azerbaijan claims control over X", "an image showed its fighters at X")."""
        own = [s for s in speeches if core_end is not None and at <= s.at < core_end]
        holding = own or [s for s in speeches if s.holds(at)]
        if holding:
            innermost = min(holding, key=lambda s: (s.scope[1] - s.scope[0], -s.at))
            said = [self._resolve_speaker(sp, view, main, innermost) for sp in innermost.speakers]
            said = [s for s in said if s is not None]
            if said:
                return said
        if view.sentence.quoted:
            quoted = self._quote_speakers(view)
            if quoted:
                return quoted
        if self.outlet_actor:
            return [_Said(self.outlet_actor, True)]
        return [_Said(self.article.source or self.article.id, False)]

    def _resolve_speaker(self, speaker: Speaker, view: SentenceView, main: _Said | None,
                         speech: Speech | None = None) -> _Said | None:
        corroborating = bool(speech and speech.corroborating)
        visual = bool(speech and speech.visual)
        denying = bool(speech and speech.lemma in self.lex.denial_verbs)
        party = speaker.party
        if party is None and not speaker.name and main is not None:  # ", saying ...": the sentence's speaker
            return _Said(main.claimant, main.is_actor, corroborating, visual, denying or main.denying, speech)
        if party is not None and party.actor is not None:
            return _Said(party.actor, True, corroborating, visual, denying, speech)
        if party is not None and party.kind in ("pronoun", "speaker-pronoun") or party is None and self._unnamed(speaker):
            earlier = self.last_speaker or self.last_actor
            if earlier:
                return _Said(earlier, earlier in self.actor_ids, corroborating, visual, denying, speech)
            return None if party is not None else _Said(speaker.name, False, corroborating, visual, denying, speech)
        return _Said(speaker.name, False, corroborating, visual, denying, speech)

    def _anonymous(self, name: str) -> bool:
        """"a spokesman", "military sources": someone who speaks for the side the sentence names."""
        words = [w.lower() for w in name.split()]
        return bool(words) and any(w in self.lex.speaker_nouns for w in words) and \
            all(w in self.lex.speaker_nouns or w in self.lex.descriptors or w in self.lex.determiners
                or w in self.lex.force_nouns for w in words)

    def _unnamed(self, speaker: Speaker) -> bool:
        """"the statement", "the spokesman": a speaker named before, not a new one."""
        words = speaker.name.lower().split()
        return not words or len(words) >= 2 and words[0] in self.lex.words.definite and \
            all(w in self.lex.speaker_nouns or w in self.lex.descriptors or w in self.lex.force_nouns
                for w in words[1:])

    def _main_speaker(self, view: SentenceView, speeches: list[Speech]) -> _Said | None:
        """The sentence's first named speaker, or its subject: who ", saying ..." and "and said" quote."""
        for speech in speeches:
            for speaker in speech.speakers:
                if speaker.name or speaker.party is not None:
                    said = self._resolve_speaker(speaker, view, None, speech)
                    if said is not None:
                        return said
        first = next((p for p in view.parties if not p.supporting and p.actor), None)
        return _Said(first.actor, True) if first is not None else None

    def _quote_speakers(self, view: SentenceView) -> list[_Said]:
        """Who speaks a quotation: named after it closes ("...," X said), before it opens
        ("X said: ..."), or, unattributed, the speaker of the quotation just before."""
        key = (view.sentence.quote_start, view.sentence.quote_end)
        if key in self.quote_speakers:
            return self.quote_speakers[key]
        found: list[_Said] = []
        closing = next((v for v in self.views[view.index:] if v.sentence.start <= key[1] - 1 < v.sentence.end
                        or v.sentence.start >= key[1]), None)
        for candidate in (closing, self._view_at(key[0])):
            if candidate is None or found:
                continue
            speeches = find_speech(candidate, self.lex)
            main = self._main_speaker(candidate, speeches)
            for speech in speeches:
                tokens = candidate.tokens
                scope_start = tokens[speech.scope[0]].start if speech.scope[0] < len(tokens) else candidate.sentence.end
                scope_end = tokens[speech.scope[1] - 1].end if 0 < speech.scope[1] <= len(tokens) else candidate.sentence.start
                if scope_start <= key[0] + 1 and key[1] - 1 <= scope_end + 1 or \
                        (candidate is closing and speech.scope[1] > 0 and tokens[speech.at].start >= key[1] - 1 and
                         speech.scope[0] == 0) or (scope_start >= key[0] - 1 and tokens[speech.at].end <= key[0] + 1):
                    said = [self._resolve_speaker(sp, candidate, main, speech) for sp in speech.speakers]
                    found = [s for s in said if s is not None]
                    if found:
                        break
        after = self.views[closing.index + 1] if closing is not None and closing.index + 1 < len(self.views) else None
        if not found and after is not None and len(after.tokens) <= 8 and not after.sentence.quoted:
            speeches = find_speech(after, self.lex)  # "“Dear Shusha, you are free!” Aliyev tweeted Sunday."
            said = [self._resolve_speaker(sp, after, None, speech) for speech in speeches for sp in speech.speakers]
            found = [s for s in said if s is not None]
        if not found and self.last_quote and view.index - self.last_quote[0] <= _QUOTE_REACH:
            found = self.last_quote[1]
        if found:
            self.last_quote = (view.index, found)
        self.quote_speakers[key] = found
        return found

    def _view_at(self, offset: int) -> SentenceView | None:
        return next((v for v in self.views if v.sentence.start <= offset < v.sentence.end + 1), None)

    # -- how -------------------------------------------------------------------------------
    def _stance(self, frame: FrameMatch, controller: str, said: _Said, view: SentenceView) -> str:
        if said.visual or not said.is_actor:
            return "corroboration" if said.corroborating else "report"
        if said.corroborating:
            return "corroboration"
        if said.claimant == controller:
            if frame.frame in ("state", "hold-out") and self._persists(view, frame, controller):
                return "denial"
            if frame.frame in ("presence", "hold-out") or self._ongoing(view, frame):
                return "presence"  # "the army is clearing the area": there, not yet holding it
            return "claim"
        if controller not in self.actors.rivals(said.claimant):
            return "claim"  # an ally speaks for it
        return "corroboration"

    def _ongoing(self, view: SentenceView, frame: FrameMatch) -> bool:
        """"is clearing", "are entering": a gain in progress."""
        tokens = view.tokens
        return frame.frame in ("gain", "loss") and frame.holder is not None and tokens[frame.start].low.endswith(self.lex.endings.gerund) \
            and frame.start > 0 and bool(self.lex.be.match(tokens, frame.start - 1))

    def _persists(self, view: SentenceView, frame: FrameMatch, controller: str) -> bool:
        """"still under our control" after a rival claimed the place: a denial of that claim."""
        if not self.lex.persistence.find(view.tokens):
            return False
        places = {r.place.id for r in frame.places}
        return any(c.place.id in places and c.controller != controller and c.claimant in self.actor_ids
                   and c.claimant != controller for c in self.claims)

    def _hedges(self, view: SentenceView) -> tuple[str, ...]:
        found = [view.text_of(s, e) for s, e in self.lex.hedges.find(view.tokens) + self.lex.epistemic.find(view.tokens)]
        tokens = view.tokens
        for k in range(1, len(tokens) - 1):  # a scare-quoted verb: 'captured', "liberated"
            if tokens[k - 1].low in ("'", '"') and tokens[k + 1].low in ("'", '"') and k + 1 < len(tokens) \
                    and self.lex.patterns_by_word.get(tokens[k].low):
                found.append(view.text_of(k - 1, k + 2))
        return tuple(dict.fromkeys(found))

    # -- what cancels ------------------------------------------------------------------------
    def _cancelled(self, view: SentenceView, frame: FrameMatch) -> str | None:
        tokens, lex = view.tokens, self.lex
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
        intent = self._intent(view, frame, window_start)
        if intent:
            return intent
        ongoing = bool(lex.ongoing.find(tokens, max(0, frame.start - 6), frame.start))
        history = history_reason(view, self.article.date, lex, ongoing)
        return history

    def _intent(self, view: SentenceView, frame: FrameMatch, window_start: int) -> str | None:
        tokens, lex = view.tokens, self.lex
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
            if before >= 0 and before + 1 in view.party_ending:  # "forced the LNA to retreat"
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

    # -- denials -------------------------------------------------------------------------------
    def _denied_spans(self, view: SentenceView, denial: Speech | None, speeches, main) -> list[tuple]:
        """Tokens whose frames are what a denial denies (the words after "X denied", the claim before
        "... is false"), with the denier where known: a claim there said by someone else ("reports
        by X asserting that ...") is still that one's claim."""
        spans = [(*denial.scope, None)] if denial is not None else []
        for start, _ in self.lex.false_phrases.find(view.tokens):
            said = self._claimants(view, start, speeches, main)
            spans.append((0, start, said[0].claimant if said and said[0].is_actor else None))
        return spans

    def _denial_context(self, view: SentenceView, speeches: list[Speech]) -> Speech | None:
        for speech in speeches:
            if speech.lemma in self.lex.denial_verbs:
                return speech
        return None

    def _denials(self, view, speeches, main, denial, frames, claims, hedges, date) -> list[Claim]:
        """Denials: by a denying verb ("X denied ...") or a falsity ("... is false")."""
        found: list[Claim] = []
        contexts = []
        if denial is not None:
            for speaker in denial.speakers:
                said = self._resolve_speaker(speaker, view, main, denial)
                if said is None and denial.scope == (0, 0):
                    continue
                contexts.append((said, denial.scope, view.text_of(denial.at, denial.at + 1)))
        for start, end in self.lex.false_phrases.find(view.tokens):
            for said in self._claimants(view, start, speeches, main):
                contexts.append((said, (0, start), view.text_of(start, end)))
        for said, scope, words in contexts:
            if said is None or not said.is_actor:
                continue
            denier = said.claimant
            places = self._denied_places(view, scope, denier, frames)
            if not places and self._points_back(view, scope):
                places = self._recently_claimed(view, denier)
            for ref in places:
                found.append(self._claim(view, ref, denier, denier, "denial", hedges, date, None))
            self._reading(view, "denial", words, "denials", tuple(r.place.id for r in places), denier, denier,
                          "denial", hedges, date, "claim" if places else "no place: nothing claimed to deny")
        return found

    def _points_back(self, view: SentenceView, scope) -> bool:
        """Whether a denial answers claims made before it: "denied that", "denied the claims",
        "denied Aliyev's statement", "which were disputed by the NRF" (not "denied reports that he fled")."""
        tokens, lex = view.tokens, self.lex
        start, end = scope
        if start >= end or start == 0:
            return True
        k = start
        while k < end and (lex.determiners.match(tokens, k) or k in view.party_starting or tokens[k].low in self.lex.words.possessive):
            k = view.party_starting[k].end if k in view.party_starting else k + 1
        n = lex.claim_nouns.match(tokens, k) if k < end else 0
        if not n and k < end and tokens[k].low in lex.words.speech_objects:
            n = 1
        return bool(n) and (k + n >= end or tokens[k + n].low in (",", ".") or tokens[k + n].low in lex.words.speech_noun_links
                                      or tokens[k + n].low in lex.words.conjunction)

    def _denied_places(self, view: SentenceView, scope, denier: str, frames) -> list[PlaceRef]:
        """Places the denial speaks of: those of frames in its scope; those a claim noun in it is
        about ("claims of taking Vell", "the news about X's control of Gabriel"); and places in it,
        not only locating another, that a rival has claimed in this article."""
        tokens, lex = view.tokens, self.lex
        start, end = scope
        for k in range(start, end - 1):  # "denied X and said Y": Y is another statement
            if tokens[k].low in lex.words.conjunction and lex.speech_verbs.match(tokens, k + 1):
                end = k
                break
        claimed = {c.place.id for c in self.claims if c.controller != denier}
        claimed |= {r.place.id for f in frames if f.start < start for r in f.places}
        places = [r for f in frames if start <= f.start < end for r in f.places]
        context = PhraseContext(view, lex, self.gazetteer)
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

    def _recently_claimed(self, view: SentenceView, denier: str) -> list[PlaceRef]:
        for claims in reversed(self.sentence_claims[-_DISPUTE_REACH:]):
            disputed = [c for c in claims if c.controller != denier and c.stance in ("claim", "report", "corroboration")]
            if disputed:
                return list({c.place.id: PlaceRef(0, 0, c.place, c.place_text, "reference") for c in disputed}.values())
        return []

    def _embedded_claimant(self, view: SentenceView, frame: FrameMatch, start: int) -> _Said | None:
        """In "denied X's claims that ...", the claim is X's: "X's claims", "reports by X"."""
        tokens = view.tokens
        for k in range(max(start, 0), frame.start):
            if self.lex.claim_nouns.match(tokens, k):
                owner = view.party_ending.get(k - 1) if k and tokens[k - 1].low in self.lex.words.possessive else None
                if owner is not None and owner.actor:
                    return _Said(owner.actor, True, speech=None)
        return None

    # -- output ------------------------------------------------------------------------------
    def _claim(self, view, ref: PlaceRef, controller, claimant, stance, hedges, date, frame) -> Claim:
        sentence = view.sentence
        return Claim(self.article.id, ref.place, ref.text, controller, claimant, stance, hedges,
                     sentence.text, sentence.start, sentence.end, date)

    def _reading(self, view, frame, words, phrase, places, holder, claimant, stance, hedges, date, outcome) -> None:
        self.readings.append(Reading(view.index, view.sentence.start, view.sentence.end, frame, words, phrase,
                                     places, holder, claimant, stance, hedges, date, outcome))

    def _look_alike(self, view: SentenceView) -> None:
        """A sentence that names a place and speaks of fighting, an advance or a siege, but claims nothing."""
        places = tuple(dict.fromkeys(r.place.id for r in view.places if not view.place_inside_party(r)))
        if not places:
            return
        for kind, phrases in self.lex.look_alikes.items():
            found = phrases.find(view.tokens)
            if found:
                start, end = found[0]
                self._reading(view, kind, view.text_of(start, end), "look_alikes", places, None, None, None, (),
                              None, f"{kind} only: no control frame")
                return


def _says_not(frame: FrameMatch, lexicon: Lexicon) -> bool:
    """Whether the lexicon phrase itself is negative ("has not fallen"): its negation is its meaning."""
    return bool(lexicon.negation.find(tokenize(frame.pattern.text)))


def read_claims(article: Article, mentions: list[Mention], actors: Actors, gazetteer: Gazetteer,
                lexicon: Lexicon) -> tuple[list[Claim], list[Reading]]:
    """Every current control claim in `article`, and what the reader made of each frame."""
    return ArticleReader(article, mentions, actors, gazetteer, lexicon).read()
