"""Commune names for autocomplete, read once from the official reference data."""

from functools import lru_cache

from search.text import fold
from territories.reference import load


@lru_cache(maxsize=1)
def _communes():
    rows = [row for row in load("communes") if row["type"] == "commune-actuelle"]
    rows.sort(key=lambda row: -row.get("population", 0))
    return [(" ".join(fold(row["nom"]).replace("-", " ").split()), row) for row in rows]


def communes_starting_with(prefix, limit=5):
    """The most populated communes whose name starts with `prefix` (accents and dashes ignored)."""
    wanted = " ".join(fold(prefix).replace("-", " ").replace("'", " ").split())
    found = []
    for folded, row in _communes():
        if folded.startswith(wanted) or folded.replace("'", " ").startswith(wanted):
            found.append(
                {
                    "label": f"{row['nom']} ({row['departement']})",
                    "value": row["nom"],
                    "kind": "commune",
                }
            )
            if len(found) >= limit:
                break
    return found
