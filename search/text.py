"""French text analysis shared by every engine: accent folding, elision, stop words, light stemming.

The database engines index and query the output of these functions, so that "parentalite" and
"parentalité", "écrans" and "ecran" meet. Elasticsearch/OpenSearch use the built-in `french`
analyzer instead (see `search.backends.elastic`).
"""

import re
import unicodedata

from django.utils import html as django_html

# Rich text as the editor writes it: text, entities and plain tags (no comments, no script or
# style, no "<" or ">" inside attribute values). For such HTML, removing the tags gives exactly
# what Django's `strip_tags` (an HTMLParser) gives, some thirty times faster.
_SIMPLE_TAG = (
    r"</?(?:a|b|blockquote|br|code|div|em|embed|h[1-6]|hr|i|li|ol|p|s|span|strong|sub|sup|u|ul)"
    r"""(?:[ \t\n\r\f]++[a-zA-Z_:][-a-zA-Z0-9_:.]*+="[^"<>]*+")*+[ \t\n\r\f]*+/?>"""
)
_SIMPLE_HTML_RE = re.compile(
    rf"(?:[^<&]++|&(?:[a-zA-Z][a-zA-Z0-9]*+|#[0-9]++|#[xX][0-9a-fA-F]++);|{_SIMPLE_TAG})*+"
)
_SIMPLE_TAG_RE = re.compile(_SIMPLE_TAG)
WORD_RE = re.compile(r"[0-9a-z]+")
ELISION_RE = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|lorsqu|puisqu|jusqu)['’]", re.IGNORECASE)

_STOP_WORDS_TEXT = """
a au aux avec ce ces dans de des du elle en et eux il je la le les leur lui ma mais me meme mes
moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un
une vos votre vous c d j l m n s t y est sont ete etre
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

# (suffix, replacement), longest first: the first suffix that leaves a stem of at least three
# letters is replaced. Plurals and feminines only, plus "-ité" and "-ement", so that stems stay
# readable and unrelated words do not meet.
SUFFIXES = (
    ("issements", "iss"),
    ("issement", "iss"),
    ("ements", ""),
    ("ement", ""),
    ("euses", "eu"),
    ("euse", "eu"),
    ("eaux", "eau"),
    ("ites", ""),
    ("ite", ""),
    ("ales", "al"),
    ("ale", "al"),
    ("aux", "al"),
    ("ives", "if"),
    ("ive", "if"),
    ("es", ""),
    ("e", ""),
    ("s", ""),
    ("x", ""),
)


def fold(text):
    """Lowercase `text` and remove its diacritics: "Médiation" -> "mediation"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).replace(
        "œ", "oe"
    )


def words(text):
    """The folded words of `text`, elisions removed, stop words kept."""
    return WORD_RE.findall(fold(ELISION_RE.sub(" ", text)))


def typed_words(text):
    """[(folded word, the word as typed, lowercase)] of `text`, as `words` reads it."""
    pairs = []
    composed = unicodedata.normalize("NFC", ELISION_RE.sub(" ", text).lower())
    for token in re.findall(r"[^\W_]+", composed):
        pairs += [(word, token) for word in WORD_RE.findall(fold(token))]
    folded = words(text)
    if [word for word, _ in pairs] != folded:  # marks with no composed form: show them folded
        return [(word, word) for word in folded]
    return pairs


def spelled(text):
    """The words of `text` as `words` reads them, but spelled as written: lowercase, accents
    kept. Engines whose analyzers do not fold accents (osmem-server's `french`) need them."""
    return [as_typed for _, as_typed in typed_words(text)]


def stem(word):
    """A light French stem of a folded word (plural and common derivational suffixes)."""
    if word.isdigit() or len(word) <= 3:
        return word
    for suffix, replacement in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + replacement
    return word


def terms(text):
    """The stems of the meaningful words of `text`, in order."""
    return [stem(word) for word in words(text) if word not in STOP_WORDS]


def strip_tags(html):
    """The text of `html`, tags removed: Django's `strip_tags`, with a fast path for the
    editor's rich text."""
    value = str(html)
    if "<" not in value:
        return value
    if _SIMPLE_HTML_RE.fullmatch(value):
        return _SIMPLE_TAG_RE.sub("", value)
    return django_html.strip_tags(value)


def plain_text(html):
    """Text of a rich-text value, tags removed and whitespace collapsed."""
    return " ".join(strip_tags(str(html or "")).split())
