"""Demo content of the porteurs' space (see `hub.demo`)."""

from hub.demo import populator

from .call_demo import populate_calls


@populator
def populate(section, rng):
    populate_calls(section, rng)
