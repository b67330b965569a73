"""Control claims: who says who holds or took which place, how surely, and when.

Rule-based and sentence by sentence, in the way an analyst reads: find a control
cue ("captured", "under control of", "present in", "raise the flag"), the places it
governs, the actor that holds them and the claimant the sentence attributes the
statement to; then the stance, the hedges the text uses, and the date it refers to.
Statements about the past, intentions and hypotheticals are not current claims.
The English cue words are language knowledge and live here; who the actors are
comes only from the actors file.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from .actors import Actors
from .articles import Article
from .gazetteer import Gazetteer, Place
from .resolve import Mention
from .sentences import Sentence, split_sentences

# Control cues. "subject": the holder is named before the cue ("the Taliban captured X");
# "agent": the holder follows it ("under the control of the Taliban", "fell to X").
_CUES = [
    ("agent", re.compile(r"\bunder\s+(?:the\s+)?(?:[\"“‘']?[\w-]+[\"”’']?\s+){0,2}[\"“‘']?control[\"”’']?\s+of\b", re.I)),
    ("agent", re.compile(r"\b(?:fell|falls|fallen)\s+to\b", re.I)),
    ("agent", re.compile(r"\bin\s+the\s+hands\s+of\b", re.I)),
    ("agent", re.compile(r"\b(?:held|controlled|seized|captured|taken|overrun|occupied)\s+by\b", re.I)),
    ("presence", re.compile(r"\b(?:present|stationed|deployed|entrenched)\s+(?:in|across|at|throughout)\b", re.I)),
    ("subject", re.compile(r"\b(?:rais(?:e|es|ed|ing)|hoist(?:s|ed|ing)?|plant(?:s|ed|ing)?)\s+(?:the\s+|their\s+|its\s+)?(?:\w+\s+)?flags?\b", re.I)),
    ("subject", re.compile(
        r"\b(?:captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|took|tak(?:e|es|en|ing)(?:\s+over)?|overr(?:an|un|uns|unning)"
        r"|reach(?:ed|es)?|occup(?:y|ies|ied|ying)|overtook|conquer(?:s|ed|ing)?|liberat(?:e|es|ed|ing)"
        r"|(?:has|have|had|in|gain(?:ed|s)?|tak(?:e|en)|took|seiz(?:e|ed))\s+(?:[\"“‘']?[\w-]+[\"”’']?\s+){0,2}[\"“‘']?control[\"”’']?\s+(?:of|over)"
        r"|holds?|holding)\b", re.I)),
    ("shown", re.compile(r"\b(?:show|shows|showed|shown|showing)\b", re.I)),
]
_NOT_CONTROL = re.compile(
    r"^(?:take|takes|took|taken|taking)\s+(?:part|place|out|off|care|note|office|steps|time|questions?)\b"
    r"|^(?:hold|holds|held|holding)\s+(?:off|out|talks|a\s|an\s|the\s+line)"
    r"|^(?:reach|reached|reaches)\s+(?:an?\s+(?:agreement|deal|settlement)|out)", re.I)
_VISUAL = re.compile(r"\b(?:photo|photos|photograph|photographs|image|images|picture|pictures|video|videos|footage)\b", re.I)
_INTENT_BEFORE = re.compile(
    r"(?:\b(?:would|could|might|may|will|shall|should|cannot|can't|won't)\b(?:\s+\S+){0,3}|\bto)\s*$", re.I)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:[\"“]?\w+[\"”]?\s+)?[\"“]?$", re.I)
_DENIAL = re.compile(
    r"\b(?:is|are|was|were)\s+(?:completely\s+|totally\s+)?(?:false|untrue|not\s+true|baseless|a\s+lie|lies)\b"
    r"|\b(?:denied|denies|deny|denying|disputed|disputes|dispute|rejected|rejects|dismissed|refuted)\b", re.I)
_CLAIM_REFERENCE = re.compile(r"\b(?:claims?|assertions?|reports?)\b", re.I)
_CORROBORATION = re.compile(r"\b(?:corroborated|confirmed|verified)\s+by\s+", re.I)
_ATTRIBUTION = re.compile(r"\b(?:according\s+to|citing)\s+", re.I)
_SPEECH = re.compile(
    r"\b(?:said|says|say|saying|claimed|claims|claim|announced|announces|tweeted|tweets|added|adding|told"
    r"|stated|states|reported|reports|wrote|declared|insisted|confirmed)\b", re.I)
_HEDGES = re.compile(
    r"\b(?:claim(?:s|ed)?(?:\s+to(?:\s+(?:have|show))?)?|(?:is|are|was|were)\s+thought\s+to(?:\s+show)?|purportedly|reportedly"
    r"|allegedly|apparently|(?:could|can)\s*(?:not|n't)\s+(?:be\s+)?(?:independently\s+)?(?:verified|confirmed)"
    r"|(?:was|is)\s+not\s+possible\s+to\s+(?:independently\s+)?verify|unverified|unconfirmed|said\s+to\s+show"
    r"|appears?\s+to\s+show|cannot\s+be\s+independently\s+verified)\b", re.I)
_HISTORY = re.compile(
    r"\b(?:in|during|through|since)\s+the\s+(?:late\s+|early\s+|mid-?)?(?:1[0-9]|20)\d0s\b|\b(?:1[0-9]|20)\d0s\b"
    r"|\bdecades?\s+(?:ago|later|earlier)\b|\ba\s+decade\s+(?:later|earlier|ago)\b|\bpreviously\b|\bformerly\b"
    r"|\bin\s+the\s+past\b|\bhistorically\b|\bfile\s+(?:photo|picture|image)\b|\bSoviet-era\b|\bcenturies\b", re.I)
_YEAR = re.compile(r"\b(?:in|since|during)\s+((?:19|20)\d\d)\b")
_REFERENCE = re.compile(r"\b(?:the|this|that)\s+(valley|province|district|area|town|city|village|pass|region)\b")
_PRONOUN = re.compile(r"\b(?:it|its|they|their|them|he|his|she|her|the\s+group)\b", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(?:on\s+|late\s+|early\s+|last\s+)?(" + "|".join(_WEEKDAYS) + r")\b", re.I)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_EXPLICIT_DATE = re.compile(
    rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d\d))?\b|\b(\d{{1,2}})\s+{_MONTH}(?:\s+((?:19|20)\d\d))?\b")
_STALE_DAYS = 7  # a statement dated more than a week before publication describes the past
_VISUAL_CLAIMANT = "photograph"


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
class _Item:
    """A place in a sentence: a mention, or a reference back to one ("the valley")."""

    start: int
    end: int
    text: str
    place: Place


@dataclass(frozen=True)
class _ActorHit:
    start: int
    end: int
    actor_id: str


def extract_claims(article: Article, mentions: list[Mention], actors: Actors, gazetteer: Gazetteer) -> list[Claim]:
    """Every current control claim in `article`, in text order."""
    body = article.body
    items = _place_items(body, mentions)
    hits = _actor_hits(body, actors)
    sentences = split_sentences(body)
    speakers: list[tuple[int, str]] = []  # (position, actor id) of each attributed speaker so far
    claims: list[Claim] = []
    seen: set[tuple] = set()
    recent: list[list[Claim]] = []
    for sentence in sentences:
        reader = _SentenceReader(article, sentence, items, hits, speakers, gazetteer)
        found = reader.claims()
        if not found:
            found = reader.disputes(recent[-3:])
        speakers.extend(reader.speakers())
        for claim in found:
            if _identity(claim) not in seen:  # a caption printed twice is one piece of evidence
                seen.add(_identity(claim))
                claims.append(claim)
        recent.append(found)
    return claims


def _place_items(body: str, mentions: list[Mention]) -> list[_Item]:
    items = [_Item(m.start, m.end, m.text, m.place) for m in mentions]
    ordered = sorted(mentions, key=lambda m: m.start)
    for match in _REFERENCE.finditer(body):
        noun = match.group(1)
        target = _antecedent(noun, match.start(), ordered)
        if target is not None:
            items.append(_Item(match.start(), match.end(), match.group(0), target))
    return sorted(items, key=lambda i: i.start)


def _antecedent(noun: str, position: int, mentions: list[Mention]) -> Place | None:
    """The most recent place mentioned before `position` that `noun` can point back at."""
    for mention in reversed([m for m in mentions if m.end <= position]):
        place = mention.place
        if noun == "area" and place.feature_type != "country":
            return place
        if noun in place.reference_nouns or noun == place.feature_type or mention.text.lower().endswith(noun):
            return place
    return None


def _actor_hits(body: str, actors: Actors) -> list[_ActorHit]:
    hits = []
    pattern, by_alias = _alias_pattern(actors)
    for match in pattern.finditer(body):
        actor_id, alias = by_alias[match.group(0).casefold()]
        if alias[0].isupper() and not match.group(0)[0].isupper():
            continue
        hits.append(_ActorHit(match.start(), match.end(), actor_id))
    return hits  # the alternation tries longer aliases first ("Red Army units" before "Red Army")


@functools.lru_cache(maxsize=8)
def _alias_pattern(actors: Actors) -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """One pattern for every alias of every actor, longest first; built once per actors file."""
    by_alias: dict[str, tuple[str, str]] = {}
    for actor in actors:
        for alias in actor.aliases:
            by_alias.setdefault(alias.casefold(), (actor.id, alias))
    alternatives = "|".join(re.escape(a) for a in sorted(by_alias, key=lambda a: (-len(a), a)))
    return re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w])", re.IGNORECASE), by_alias


class _SentenceReader:
    """Reads one sentence with the article's context: places, actors, earlier speakers."""

    def __init__(self, article: Article, sentence: Sentence, items, hits, speakers, gazetteer: Gazetteer):
        self.article = article
        self.gazetteer = gazetteer
        self.article_hits = hits
        self.sentence = sentence
        self.body = article.body
        self.items = [i for i in items if sentence.start <= i.start and i.end <= sentence.end]
        self.hits = [h for h in hits if sentence.start <= h.start and h.end <= sentence.end]
        self.earlier_speakers = speakers
        self.text = sentence.text
        self._speaker_cache: list[tuple[int, str]] | None = None

    # -- claims with a control cue in this sentence ---------------------------------------
    def claims(self) -> list[Claim]:
        if not self.items or self._is_history():  # every control cue governs a place in its sentence
            return []
        claims, used = [], []
        for kind, pattern in _CUES:
            for match in pattern.finditer(self.text):
                start, end = self.sentence.start + match.start(), self.sentence.start + match.end()
                if any(s < end and start < e for s, e in used):
                    continue
                if _NOT_CONTROL.match(self.body, start) or self._is_intent(start):
                    continue
                if kind == "shown" and not _VISUAL.search(self.text):
                    continue
                claim = self._claims_for_cue(kind, start, end)
                if claim:
                    used.append((start, end))
                    claims.extend(claim)
        return claims

    def _claims_for_cue(self, kind: str, start: int, end: int) -> list[Claim]:
        places = self._governed_places(start, end, agent=(kind == "agent"))
        if not places:
            return []
        claimant, stance = self._claimant()
        controller = self._controller(kind, start, end, claimant)
        if _DENIAL.search(self.text) and claimant in self._actor_ids():
            controller, stance = claimant, "denial"
        if controller is None:
            return []
        if stance is None:
            if kind == "presence":
                stance = "presence" if claimant == controller else "report"
            else:
                stance = "claim" if claimant == controller else "report"
        if claimant is None:
            claimant, stance = self.article.source, "report"
        return [self._claim(item, controller, claimant, stance) for item in places]

    def _governed_places(self, start: int, end: int, agent: bool) -> list[_Item]:
        """Places the cue governs: those after it (a list joined by 'and' or commas), else the nearest before."""
        chosen: list[_Item] = []
        if not agent:
            edge = end
            for item in (i for i in self.items if i.start >= end):
                if not _joins(self.body[edge:item.start], first=not chosen):
                    break
                chosen.append(item)
                edge = item.end
        if not chosen:
            edge = start
            for item in reversed([i for i in self.items if i.end <= start]):
                if _joins_backward(self.body[item.end:edge]):
                    chosen.append(item)
                break
        # "the Panjshir districts of Khinj and Anabah": the districts, not the province around them.
        specific = [i for i in chosen if not any(self.gazetteer.is_ancestor(i.place.id, o.place.id) for o in chosen)]
        unique, seen = [], set()
        for item in specific:
            if item.place.id not in seen:
                seen.add(item.place.id)
                unique.append(item)
        return unique

    def _controller(self, kind: str, start: int, end: int, claimant: str | None) -> str | None:
        actor_ids = self._actor_ids()
        if kind == "agent":
            after = [h for h in self.hits if h.start >= end and h.start - end <= 25]
            return after[0].actor_id if after else None
        if kind == "shown":
            after = [h for h in self.hits if h.start >= end and len(self.body[end:h.start].split()) <= 3]
            if after:
                return after[0].actor_id
        if kind == "subject" and _PASSIVE_BEFORE.search(self.body[self.sentence.start:start]):
            by = re.match(r"\s*by\s+(?:the\s+)?", self.body[end:])
            agent = [h for h in self.hits if by and h.start == end + by.end()]
            if agent:
                return agent[0].actor_id
            return claimant if claimant in actor_ids else None
        before = [h for h in self.hits if h.end <= start]
        if before:
            return before[-1].actor_id
        if _PRONOUN.search(self.body[self.sentence.start:start]):
            return self._last_speaker(start)
        return None

    def _claimant(self) -> tuple[str | None, str | None]:
        """Who the sentence attributes the statement to, and the stance that implies (if any)."""
        corroborated = _CORROBORATION.search(self.text)
        if corroborated:
            return self._named_after(corroborated.end()), "corroboration"
        attributed = _ATTRIBUTION.search(self.text)
        if attributed:
            return self._named_after(attributed.end()), None
        if _VISUAL.match(self.text.lstrip("(“\"' ")) or re.search(r"\b(?:a|an|the)\s+(?:photo|photograph|image|picture|video)\b[^.]*\bshow", self.text, re.I):
            return _VISUAL_CLAIMANT, "report"
        speakers = self.speakers()
        if speakers:
            return speakers[0][1], None
        if self.sentence.quoted:
            return self._quote_speaker(), None
        return None, None

    def _named_after(self, offset: int) -> str:
        """The claimant named at `offset` in the sentence: an actor id, or the name as written."""
        position = self.sentence.start + offset
        for hit in self.hits:
            if 0 <= hit.start - position <= 4:
                return hit.actor_id
        rest = self.text[offset:]
        name = re.match(r"(?:the\s+)?((?:[A-Z][\w&'-]*\s+){0,4}[A-Z][\w&'-]*)", rest)
        if name:
            return name.group(1)
        word = re.match(r"(?:the\s+|a\s+|an\s+)?([\w-]+)", rest, re.I)
        return word.group(1) if word else rest[:20].strip()

    def speakers(self) -> list[tuple[int, str]]:
        """Attributed speakers in this sentence ("X said", ", says X"), by position."""
        if self._speaker_cache is not None:
            return self._speaker_cache
        found = []
        for match in _SPEECH.finditer(self.text):
            if _is_noun_use(self.text, match.start(), match.end()):
                continue
            verb_start = self.sentence.start + match.start()
            verb_end = self.sentence.start + match.end()
            inverted = re.search(r"[,\"”]\s*$", self.text[:match.start()])
            after = [h for h in self.hits if h.start >= verb_end and len(self.body[verb_end:h.start].split()) <= 4]
            before = [h for h in self.hits if h.end <= verb_start]
            if inverted and after:
                found.append((verb_start, after[0].actor_id))
            elif before:
                found.append((verb_start, before[-1].actor_id))
            elif re.search(r"\b(?:it|he|she|they|the\s+group)\s+$", self.text[:match.start()], re.I):
                speaker = self._last_speaker(verb_start)
                if speaker:
                    found.append((verb_start, speaker))
        if not found:
            tail = re.search(r",\s*(?:[\w’'-]+\s+){0,4}[\w’'-]+$", self.text.rstrip(" .”\""))
            if tail:
                tail_start = self.sentence.start + tail.start()
                found.extend((h.start, h.actor_id) for h in self.hits if h.start >= tail_start)
        self._speaker_cache = found
        return found

    def _quote_speaker(self) -> str | None:
        """The speaker of the quotation this sentence sits in, from the words around it."""
        line_end = self.body.find("\n", self.sentence.quote_end)
        after = self.body[self.sentence.quote_end:line_end if line_end >= 0 else None]
        head = re.match(r"\s*[,.]?\s*(?:[\w’'-]+\s+){0,6}?(?:said|says|added|tweeted|wrote|told)\b[^.]*", after)
        window = (self.sentence.quote_end, self.sentence.quote_end + (head.end() if head else 0))
        line_start = self.body.rfind("\n", 0, self.sentence.quote_start) + 1
        before = self.body[line_start:self.sentence.quote_start]
        return self._speaker_in(after[:head.end()] if head else "", window) or self._speaker_in(
            before if re.search(r"\b(?:said|says|added|tweeted|wrote|told)\b[^.]*:?\s*$", before) else "",
            (line_start, self.sentence.quote_start))

    def _speaker_in(self, words: str, window: tuple[int, int]) -> str | None:
        if not words:
            return None
        for hit in self.article_hits:
            if window[0] <= hit.start < window[1]:
                return hit.actor_id
        if _PRONOUN.search(words):
            return self._last_speaker(window[0] if window[0] < self.sentence.start else self.sentence.start)
        return None

    def _last_speaker(self, position: int) -> str | None:
        earlier = [actor for at, actor in self.earlier_speakers if at < position]
        return earlier[-1] if earlier else None

    def _actor_ids(self) -> set[str]:
        return {h.actor_id for h in self.article_hits}

    # -- sentences that dispute earlier claims ------------------------------------------
    def disputes(self, recent: list[list[Claim]]) -> list[Claim]:
        """'... the rebels' claims, which were disputed by the army': denials of earlier claims."""
        denial = _DENIAL.search(self.text)
        if not denial or not _CLAIM_REFERENCE.search(self.text) or self._is_history():
            return []
        denial_end = self.sentence.start + denial.end()
        by = re.match(r"\s*by\s+(?:the\s+)?", self.body[denial_end:])
        if by:
            denier = next((h.actor_id for h in self.hits if h.start == denial_end + by.end()), None)
        else:
            before = [h for h in self.hits if h.end <= self.sentence.start + denial.start()]
            denier = before[-1].actor_id if before else None
        if denier is None:
            return []
        for earlier in reversed(recent):
            disputed = [c for c in earlier if c.controller != denier and c.stance in ("claim", "report", "corroboration")]
            if disputed:
                places = list(dict.fromkeys((c.place, c.place_text) for c in disputed))
                return [self._claim(_Item(0, 0, text, place), denier, denier, "denial") for place, text in places]
        return []

    # -- shared ----------------------------------------------------------------------------
    def _claim(self, item: _Item, controller: str, claimant: str, stance: str) -> Claim:
        hedges = tuple(dict.fromkeys(
            m.group(0) for m in _HEDGES.finditer(self.text) if not _is_noun_use(self.text, m.start(), m.end())
        ))
        return Claim(
            article_id=self.article.id, place=item.place, place_text=item.text, controller=controller,
            claimant=claimant, stance=stance, hedges=hedges, evidence=self.text,
            evidence_start=self.sentence.start, evidence_end=self.sentence.end,
            date=_date_referred(self.text, self.article.date),
        )

    def _is_history(self) -> bool:
        if _HISTORY.search(self.text):
            return True
        dated = _explicit_date(self.text, self.article.date) if self.article.date else None
        if dated and (self.article.date - dated).days > _STALE_DAYS:
            return True
        year = self.article.date.year if self.article.date else None
        return any(year and int(m.group(1)) < year for m in _YEAR.finditer(self.text))

    def _is_intent(self, start: int) -> bool:
        before = self.body[max(self.sentence.start, start - 40):start]
        return bool(_INTENT_BEFORE.search(before))


def _identity(claim: Claim) -> tuple:
    return (claim.place.id, claim.controller, claim.claimant, claim.stance, claim.evidence)


def _is_noun_use(text: str, start: int, end: int) -> bool:
    """'the army's claims', 'those claims', 'reports of': a noun, not someone speaking."""
    before = text[:start]
    return bool(re.search(r"(?:['’]s|\b(?:the|a|an|those|these|this|that|their|its|his|her|our))\s+$", before, re.I)
                or re.match(r"\s+of\b", text[end:]))


def _joins(gap: str, first: bool) -> bool:
    """Whether a place after `gap` still belongs to the cue's object."""
    if re.search(r"[;:!?()]|\.\s", gap) or len(gap) > 80:
        return False
    if "," in gap:
        return bool(re.fullmatch(r"\s*,\s*(?:and\s+|or\s+)?(?:the\s+)?", gap)) and not first
    return not re.search(r"\b(?:which|who|where|while|but|after|before|when|according|although)\b", gap, re.I)


def _joins_backward(gap: str) -> bool:
    """Whether the place before `gap` is the subject the cue speaks of."""
    if re.search(r"[;:!?]|\.\s", gap) or len(gap) > 60:
        return False
    if re.search(r"\b(?:but|and|while|after|before|which|who|when|although)\b", gap, re.I):
        return False
    if "," in gap:
        return bool(re.match(r"\s*,\s*(?:has|have|had|was|were|is|are|been)\b", gap, re.I))
    return True


def _date_referred(text: str, published: dt.date | None) -> dt.date | None:
    """The date a sentence refers to: a date or weekday named in it, read against publication."""
    if published is None:
        return None
    explicit = _explicit_date(text, published)
    if explicit:
        return explicit
    match = _WEEKDAY.search(text)
    if not match:
        return published
    back = (published.weekday() - _WEEKDAYS.index(match.group(1).lower())) % 7
    return published - dt.timedelta(days=back)


def _explicit_date(text: str, published: dt.date) -> dt.date | None:
    """'on August 24, 2021', '2 September': the year defaults to the one that is not in the future."""
    match = _EXPLICIT_DATE.search(text)
    if not match:
        return None
    month_name, day, year = (match.group(1), match.group(2), match.group(3)) if match.group(1) else (
        match.group(5), match.group(4), match.group(6))
    month = _MONTHS.index(month_name[:3].lower()) + 1
    try:
        date = dt.date(int(year) if year else published.year, month, int(day))
        if not year and date > published:
            date = date.replace(year=published.year - 1)
    except ValueError:
        return None
    return date
