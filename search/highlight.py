"""Highlighted snippets for the database engine, computed from the stored text."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import fold, stem

TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def highlight(text, stems, window=28):
    """A passage of `text` around its first matching word, matches wrapped in <mark>."""
    tokens = list(TOKEN_RE.finditer(text))
    matches = [i for i, token in enumerate(tokens) if stem(fold(token.group())) in stems]
    if not tokens:
        return mark_safe("")
    first = matches[0] if matches else 0
    start_index = max(0, first - window // 3)
    end_index = min(len(tokens), start_index + window)
    start = tokens[start_index].start()
    end = tokens[end_index - 1].end()
    matched = set(matches)
    parts = ["… " if start_index else ""]
    cursor = start
    for i in range(start_index, end_index):
        token = tokens[i]
        parts.append(escape(text[cursor : token.start()]))
        word = escape(token.group())
        parts.append(f"<mark>{word}</mark>" if i in matched else word)
        cursor = token.end()
    parts.append(" …" if end_index < len(tokens) else escape(text[cursor:end]))
    return mark_safe("".join(parts))
