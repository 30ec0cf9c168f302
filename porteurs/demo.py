"""Demo content of the porteurs' space."""

from hub.demo import populator

from .freshness_demo import populate_freshness


@populator
def populate(section, rng):
    populate_freshness(section, rng)
