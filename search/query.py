"""Reading what a visitor typed: words, synonyms and typo corrections, for every engine.

A parsed query is an AND of groups; a group is an OR of alternatives; an alternative is a list
of folded words that must all match (a multi-word synonym such as "lieu accueil enfant parent").
"""

import difflib
from dataclasses import dataclass, field

from django.db.models.functions import Length

from .models import SearchTerm, Synonym
from .text import STOP_WORDS, stem, words


@dataclass
class ParsedQuery:
    groups: list[list[list[str]]] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)
    suggestion: str = ""

    def __bool__(self):
        return bool(self.groups)

    def stems(self):
        """Every stem the query may match, for highlighting."""
        return {stem(word) for group in self.groups for alt in group for word in alt}


def _synonym_sets():
    sets = []
    for synonym in Synonym.objects.all():
        variants = [[w for w in variant if w not in STOP_WORDS] for variant in synonym.variants()]
        sets.append([variant for variant in variants if variant])
    return sets


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
    return _parse_words([word for word in words(text) if word not in STOP_WORDS][:12], fuzzy)


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


def _parse_words(query_words, fuzzy):
    synonym_sets = _synonym_sets() if query_words else []
    parsed = ParsedQuery()
    position = 0
    while position < len(query_words):
        matched = _match_synonym(query_words, position, synonym_sets)
        if matched:
            length, variants = matched
            parsed.groups.append(variants)
            position += length
            continue
        word = query_words[position]
        group = [[word]]
        if fuzzy:
            close = _close_words(word)
            group += [[candidate] for candidate in close]
            if close:
                parsed.corrections[word] = close[0]
        parsed.groups.append(group)
        position += 1
    if parsed.corrections:
        parsed.suggestion = " ".join(parsed.corrections.get(word, word) for word in query_words)
    return parsed


def _match_synonym(query_words, position, synonym_sets):
    """(number of query words consumed, every variant) for the longest synonym found here."""
    best = None
    for variants in synonym_sets:
        for variant in variants:
            span = query_words[position : position + len(variant)]
            if [stem(w) for w in span] == [stem(w) for w in variant] and (
                best is None or len(variant) > best[0]
            ):
                best = (len(variant), variants)
    return best
