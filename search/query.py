"""Reading what a visitor typed: words, synonyms and typo corrections, for every engine.

A parsed query is an AND of groups; a group is an OR of alternatives; an alternative is a list
of folded words that must all match (a multi-word synonym such as "lieu accueil enfant parent").
`typed[i]` keeps the words of group i as they were typed, to name those that match nothing;
`spans[i]` the same words, to tell what was typed from what synonyms added. Words are lowercase
with their accents (engines that fold compare `stem(fold(word))`).
"""

import difflib
import functools
from dataclasses import dataclass, field

from django.db.models.functions import Length

from .models import SearchTerm, Synonym
from .text import STOP_WORDS, fold, stem, typed_words, words


@dataclass
class ParsedQuery:
    groups: list[list[list[str]]] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)
    suggestion: str = ""
    typed: list[str] = field(default_factory=list)
    spans: list[list[str]] = field(default_factory=list)
    typo_fixes: set[tuple[int, tuple[str, ...]]] = field(default_factory=set)

    def __bool__(self):
        return bool(self.groups)

    def only(self, indexes):
        """The query made of the groups at `indexes` alone."""
        return ParsedQuery(
            groups=[self.groups[i] for i in indexes],
            corrections=self.corrections,
            suggestion=self.suggestion,
            typed=[self.typed[i] for i in indexes],
            spans=[self.spans[i] for i in indexes],
            typo_fixes={
                (indexes.index(i), alternative)
                for i, alternative in self.typo_fixes
                if i in indexes
            },
        )

    def was_typed(self, index, alternative):
        """Whether `alternative` of group `index` is what was typed (not a synonym's)."""
        return _stems(alternative) == _stems(self.spans[index])

    def is_typo_fix(self, index, alternative):
        """Whether `alternative` of group `index` is a correction of a word typed."""
        return (index, tuple(alternative)) in self.typo_fixes

    def stems(self):
        """Every stem the query may match, for highlighting."""
        return {stem(fold(word)) for group in self.groups for alt in group for word in alt}


def _synonym_sets():
    """[(variants that trigger it, variants it looks for)] of every synonym, stop words out.

    One small query each time (an edit applies at once); the sets themselves are worked out
    once per distinct list of synonyms."""
    return _expanded_synonyms(tuple(Synonym.objects.values_list("terms", flat=True)))


@functools.lru_cache(maxsize=4)
def _expanded_synonyms(all_terms):
    def meaningful(variants):
        kept = [[w for w in variant if fold(w) not in STOP_WORDS] for variant in variants]
        return [variant for variant in kept if variant]

    sets = []
    for terms in all_terms:
        triggers, found = Synonym(terms=terms).expansion()
        sets.append((meaningful(triggers), meaningful(found)))
    by_trigger = {}
    for triggers, found in sets:
        for trigger in triggers:
            by_trigger.setdefault(_stems(trigger), []).extend(found)
    # One step further: "zonzon => prison" also finds what "prison" finds.
    return [
        (
            triggers,
            found + [more for variant in found for more in by_trigger.get(_stems(variant), [])],
        )
        for triggers, found in sets
    ]


def _stems(variant):
    return tuple(_stem(word) for word in variant)


@functools.lru_cache(maxsize=20_000)
def _stem(word):
    return stem(fold(word))


def _close_words(word):
    """Vocabulary words one or two typos away from `word` (none when the word is known)."""
    if len(word) < 4 or word.isdigit() or SearchTerm.objects.filter(word=word).exists():
        return []
    candidates = (
        SearchTerm.objects.filter(word__startswith=word[0])
        .alias(length=Length("word"))
        .filter(length__gte=len(word) - 2, length__lte=len(word) + 2)
        .values_list("word", flat=True)
    )
    return difflib.get_close_matches(word, list(candidates), n=2, cutoff=0.8)


def parse(text, fuzzy=True):
    """The groups of `text`, with synonyms expanded and unknown words corrected."""
    kept = [(word, as_typed) for word, as_typed in typed_words(text) if word not in STOP_WORDS]
    return _parse_words([word for word, _ in kept][:12], fuzzy, [typed for _, typed in kept])


def parse_prefix(text):
    """What is being typed in the search box, for suggestions: the groups of `text`, synonyms
    expanded ("laep"), no typo correction, the last word possibly unfinished.

    Stop words are left out like in a search, a trailing one too ("café des", "maison de"):
    the words before it already match every title it could continue. A stop word typed alone
    ("la") is kept, as the start of a longer word ("langage").
    """
    typed = words(text)
    kept = [word for word in typed[:-1] if word not in STOP_WORDS]
    if typed and (typed[-1] not in STOP_WORDS or not kept):
        kept.append(typed[-1])
    return _parse_words(kept[-12:], fuzzy=False)


def _parse_words(query_words, fuzzy, as_typed=None):
    synonym_sets = _synonym_sets() if query_words else []
    as_typed = as_typed or query_words
    parsed = ParsedQuery()
    position = 0
    while position < len(query_words):
        matched = _match_synonym(query_words, position, synonym_sets)
        if matched:
            length, variants = matched
            span = as_typed[position : position + length]
            parsed.groups.append(_unique([span, *variants]))  # the words as typed first
            parsed.typed.append(" ".join(as_typed[position : position + length]))
            parsed.spans.append(as_typed[position : position + length])
            position += length
            continue
        word = query_words[position]
        group = [[as_typed[position]]]
        if fuzzy:
            close = _close_words(word)
            group += [[candidate] for candidate in close]
            parsed.typo_fixes.update((len(parsed.groups), (candidate,)) for candidate in close)
            if close:
                parsed.corrections[word] = close[0]
        parsed.groups.append(group)
        parsed.typed.append(as_typed[position])
        parsed.spans.append([as_typed[position]])
        position += 1
    if parsed.corrections:
        parsed.suggestion = " ".join(parsed.corrections.get(word, word) for word in query_words)
    return parsed


def _match_synonym(query_words, position, synonym_sets):
    """(number of query words consumed, every variant looked for) for the longest synonym
    triggered here; the variants of every synonym triggered by those same words, together."""
    length, found = 0, []
    for triggers, variants in synonym_sets:
        for variant in triggers:
            span = query_words[position : position + len(variant)]
            if _stems(span) != _stems(variant) or len(variant) < length:
                continue
            if len(variant) > length:
                length, found = len(variant), []
            found += variants
    return (length, found) if length else None


def _unique(alternatives):
    """`alternatives` without those with the same stems as an earlier one."""
    unique = {}
    for alternative in alternatives:
        unique.setdefault(_stems(alternative), alternative)
    return list(unique.values())
