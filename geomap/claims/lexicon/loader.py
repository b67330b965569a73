"""Reading a lexicon file into its tables, with every problem reported as file:line."""
from __future__ import annotations

from pathlib import Path

from ...errors import Problem
from ...yamlio import LineDict, did_you_mean
from ..tokens import words_of
from .grammar import read_endings, read_words
from .notation import Notation, compile_phrase
from .tables import FRAMES, MONTH, WEEK, FramePattern, Lexicon, Phrases


SECTIONS = ("fillers", "grammar", "frames", "denials", "attribution", "parties", "places", "cancel", "dates", "hedges",
            "look_alikes")


# Lexicon fields that are a plain list of words or phrases: field -> (section, key)
_PRECISION = {"week": WEEK, "month": MONTH}  # relative_precision's keys
_WORD_LISTS = {
    "determiners": ("grammar", "determiners"),
    "clause_breaks": ("grammar", "clause_breaks"),
    "relative_pronouns": ("grammar", "relative_pronouns"),
    "aside_openers": ("grammar", "aside_openers"),
    "participle_links": ("grammar", "participle_links"),
    "impersonal": ("grammar", "impersonal"),
    "supporting": ("parties", "supporting"),
    "not_speaker_after": ("parties", "not_speaker_after"),
    "force_nouns": ("parties", "force_nouns"),
    "held_nouns": ("parties", "held_nouns"),
    "belonging": ("parties", "belonging"),
    "same_side_prefixes": ("parties", "same_side_prefixes"),
    "other_side_prefixes": ("parties", "other_side_prefixes"),
    "same_side_suffixes": ("parties", "same_side_suffixes"),
    "other_side_suffixes": ("parties", "other_side_suffixes"),
    "rival_words": ("parties", "rival_words"),
    "self_references": ("parties", "self_references"),
    "claim_nouns": ("denials", "claim_nouns"),
    "persistence": ("denials", "persistence"),
    "impersonal_passive": ("attribution", "impersonal_passive"),
    "before_speaker": ("attribution", "before_speaker"),
    "corroboration": ("attribution", "corroboration"),
    "speaker_nouns": ("attribution", "speaker_nouns"),
    "part_nouns": ("places", "part_nouns"),
    "approximators": ("places", "approximators"),
    "surrounding_nouns": ("places", "surrounding_nouns"),
    "holdout_nouns": ("places", "holdout_nouns"),
    "coordination": ("places", "coordination"),
    "locators": ("places", "locators"),
    "descriptors": ("places", "descriptors"),
    "reference_nouns": ("places", "reference_nouns"),
    "negation": ("cancel", "negation"),
    "intent": ("cancel", "intent"),
    "epistemic": ("cancel", "epistemic"),
    "realised_before_to": ("cancel", "realised_before_to"),
    "condition": ("cancel", "condition"),
    "condition_hedges": ("cancel", "condition_hedges"),
    "history": ("cancel", "history"),
    "hypothetical": ("cancel", "hypothetical"),
    "ability": ("cancel", "ability"),
    "ongoing": ("cancel", "ongoing"),
    "speech_also_nouns": ("attribution", "also_nouns"),
    "speaker_pronouns": ("pronouns", "speaker"),
    "third_pronouns": ("pronouns", "third"),
}

# fields that are verbs, each found in all its forms: field -> (section, key)
_VERB_LISTS = {
    "denial_verbs": ("denials", "verbs"),
    "speech_verbs": ("attribution", "verbs"),
    "speech_inverted": ("attribution", "inverted"),
    "object_speaker": ("attribution", "object_speaker"),
    "causatives": ("cancel", "causatives"),
}


class LexiconReader:
    """Turns the YAML sections into tables, collecting problems with their lines."""

    def __init__(self, path: Path, problems: list[Problem]):
        self.path = path
        self.problems = problems
        self.notation = Notation()
    def problem(self, where: LineDict, key: str, message: str) -> None:
        self.problems.append(Problem(str(self.path), where.line_of(key) if isinstance(where, LineDict) else None, message))
    def section(self, document: LineDict, key: str) -> LineDict:
        value = document.get(key)
        if not isinstance(value, LineDict):
            self.problem(document, key, f"{key!r} must be a mapping")
            return LineDict()
        return value
    def words(self, where: LineDict, key: str) -> list[str]:
        value = where.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(where, key, f"{key!r} must be a list of words or phrases")
            return []
        return value
    def phrases(self, where: LineDict, key: str) -> Phrases:
        return Phrases(alternative for text in self.words(where, key) for alternative in self.notation.written(text))
    def build(self, document: LineDict) -> Lexicon:
        grammar = self.section(document, "grammar")
        self.notation = Notation(tuple(words_of(w)[0] for w in self.words(grammar, "be")) or ("be",))
        denials, attribution = self.section(document, "denials"), self.section(document, "attribution")
        parties, places = self.section(document, "parties"), self.section(document, "places")
        cancel, look_alikes = self.section(document, "cancel"), self.section(document, "look_alikes")
        pronouns = parties.get("pronouns") if isinstance(parties.get("pronouns"), LineDict) else LineDict()
        patterns = self.patterns(document)
        by_word: dict[str, list[FramePattern]] = {}
        for pattern in patterns:
            first = pattern.core[0]
            for option in first.options:
                by_word.setdefault(option[0], []).append(pattern)
        speech = self.words(attribution, "verbs")
        visual = attribution.get("visual_nouns", {})
        if not isinstance(visual, dict) or not all(isinstance(v, list) for v in visual.values()):
            self.problem(attribution, "visual_nouns", "'visual_nouns' must map a claimant name to a list of nouns")
            visual = {}
        dates = self.section(document, "dates")
        relative = dates.get("relative", {})
        if not isinstance(relative, dict) or not all(isinstance(v, int) for v in relative.values()):
            self.problem(dates, "relative", "'relative' must map phrases to a number of days")
            relative = {}
        precision = dates.get("relative_precision", {})
        if not isinstance(precision, dict) or not set(precision) <= set(_PRECISION) or not all(
                isinstance(v, list) and all(p in relative for p in v) for v in precision.values()):
            self.problem(dates, "relative_precision",
                         "'relative_precision' must map week and month to lists of phrases from 'relative'")
            precision = {}
        months = dates.get("months", [])
        if not isinstance(months, list) or len(months) != 12 or not all(
                isinstance(m, list) and m and all(isinstance(n, str) for n in m) for m in months):
            self.problem(dates, "months", "'months' must list twelve lists of names, January first")
            months = [[str(n)] for n in range(1, 13)]
        sizes = {name: self.sizes(places, name) for name in ("sizes", "feature_sizes")}
        same = places.get("same_reference", [])
        if not isinstance(same, list) or not all(isinstance(g, list) for g in same):
            self.problem(places, "same_reference", "'same_reference' must be a list of lists of nouns")
            same = []
        sections = {"grammar": grammar, "denials": denials, "attribution": attribution, "parties": parties,
                    "places": places, "cancel": cancel, "pronouns": pronouns}
        return Lexicon(
            path=str(self.path),
            **{field: self.phrases(sections[section], key) for field, (section, key) in _WORD_LISTS.items()},
            **{field: Phrases(a for verb in self.words(sections[section], key) for a in self.notation.written("~" + verb))
               for field, (section, key) in _VERB_LISTS.items()},
            fillers=Phrases(a for text in self.words(document, "fillers") for a in self.notation.written(text)),
            be=Phrases((form,) for form in self.notation.be),
            words=read_words(grammar, self.problem),
            endings=read_endings(grammar, self.problem),
            patterns=tuple(patterns),
            patterns_by_word={word: tuple(found) for word, found in by_word.items()},
            false_phrases=Phrases(a for text in self.words(denials, "falsity") for a in self.notation.phrase_words(text)),
            speech_lemma={form[0]: verb for verb in speech for form in self.notation.written("~" + verb)},
            visual_nouns=Phrases(words_of(noun) for nouns in visual.values() for noun in nouns),
            visual_claimant={" ".join(words_of(noun)): name for name, nouns in visual.items() for noun in nouns},
            visual_verbs=Phrases(a for text in self.words(attribution, "visual_verbs") for a in self.notation.phrase_words(text)),
            generic_heads=tuple(w.lower() for w in self.words(parties, "generic_heads")),
            head_adjectives=self.mapping(parties, "head_adjectives"),
            same_reference=tuple(frozenset(" ".join(words_of(n)) for n in group) for group in same),
            sizes=sizes["sizes"],
            numbers=self.sizes(places, "numbers"),
            feature_sizes=sizes["feature_sizes"],
            months=tuple(tuple(names) for names in months),
            weekdays=tuple(self.words(dates, "weekdays")),
            before_month=tuple(self.words(dates, "before_month")),
            relative_dates={" ".join(words_of(k)): v for k, v in relative.items()},
            relative_date_phrases=Phrases(words_of(k) for k in relative),
            relative_precision={" ".join(words_of(k)): _PRECISION[level] for level, phrases in precision.items()
                                for k in phrases},
            hedges=Phrases(a for text in self.words(document, "hedges") for a in self.notation.written(text)),
            look_alikes={kind: Phrases(a for text in self.words(look_alikes, kind) for a in self.notation.written(text))
                         for kind in look_alikes},
        )
    def mapping(self, where: LineDict, key: str) -> dict[str, tuple[tuple[str, ...], ...]]:
        """A section mapping a word to a list of words, as token sequences."""
        value = where.get(key, {})
        if not isinstance(value, dict) or not all(isinstance(v, list) for v in value.values()):
            self.problem(where, key, f"{key!r} must map each word to a list of words")
            return {}
        return {k.lower(): tuple(words_of(w) for w in v) for k, v in value.items()}
    def sizes(self, places: LineDict, key: str) -> dict:
        value = places.get(key, {})
        if not isinstance(value, dict) or not all(isinstance(v, int) for v in value.values()):
            self.problem(places, key, f"{key!r} must map nouns to whole numbers")
            return {}
        return dict(value)
    def patterns(self, document: LineDict) -> list[FramePattern]:
        found: list[FramePattern] = []
        entries = document.get("frames", [])
        if not isinstance(entries, list):
            self.problem(document, "frames", "'frames' must be a list of entries")
            return found
        for entry in entries:
            if not isinstance(entry, LineDict):
                self.problem(document, "frames", "each frame entry must be a mapping")
                continue
            for key in entry:
                if key not in ("frame", "phrases", "verbs", "nouns"):
                    self.problem(entry, key, f"unknown field {key!r}{did_you_mean(key, ('frame', 'phrases', 'verbs', 'nouns'))}")
            frame = entry.get("frame")
            if frame not in FRAMES:
                self.problem(entry, "frame", f"frame {frame!r} is not one of {', '.join(FRAMES)}")
                continue
            lists = {"VERB": self.words(entry, "verbs"), "NOUN": self.words(entry, "nouns")}
            lists["PARTICIPLE"] = lists["GERUND"] = lists["VERB"]
            for text in self.words(entry, "phrases"):
                try:
                    found.extend(compile_phrase(self.notation, frame, text, lists))
                except ValueError as exc:
                    self.problem(entry, "phrases", f"phrase {text!r}: {exc}")
        return found
