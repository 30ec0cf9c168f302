"""A map of results drawn on the server as inline SVG, from data the site holds: the communes
of the area as a dot outline, the results as numbered markers. Nothing is loaded from elsewhere."""

import functools
import math
from dataclasses import dataclass

from territories.models import Commune

WIDTH = 1000
MARGIN = 20
NATIONAL_MIN_POPULATION = 10_000


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    number: int
    title: str
    url: str


@functools.lru_cache(maxsize=128)
def background_points(departement_code):
    """(lat, lon) of the communes of a département, or of the larger metropolitan ones."""
    communes = Commune.objects.filter(latitude__isnull=False)
    if departement_code:
        communes = communes.filter(departement_code=departement_code)
    else:
        communes = communes.filter(
            population__gte=NATIONAL_MIN_POPULATION, latitude__gt=41, longitude__gt=-5.5
        )
    return tuple(communes.values_list("latitude", "longitude"))


class Projection:
    """Equirectangular projection of a bounding box onto a WIDTH-wide SVG."""

    def __init__(self, points):
        lats = [lat for lat, _lon in points]
        lons = [lon for _lat, lon in points]
        self.min_lat, self.max_lat = min(lats), max(lats)
        self.min_lon, self.max_lon = min(lons), max(lons)
        self.kx = math.cos(math.radians((self.min_lat + self.max_lat) / 2))
        span = max((self.max_lon - self.min_lon) * self.kx, self.max_lat - self.min_lat, 0.01)
        self.scale = (WIDTH - 2 * MARGIN) / span
        self.height = round((self.max_lat - self.min_lat) * self.scale + 2 * MARGIN)

    def __call__(self, lat, lon):
        x = MARGIN + (lon - self.min_lon) * self.kx * self.scale
        y = MARGIN + (self.max_lat - lat) * self.scale
        return round(x, 1), round(y, 1)


def results_map(records, departement_code):
    """Everything the template needs to draw the map, or None when nothing can be placed."""
    background = background_points(departement_code)
    located = [record for record in records if record.latitude is not None]
    points = list(background) + [(record.latitude, record.longitude) for record in located]
    if not located or len(points) < 2:
        return None
    project = Projection(points)
    markers = []
    for number, record in enumerate(records, start=1):
        if record.latitude is None:
            continue
        x, y = project(record.latitude, record.longitude)
        markers.append(Marker(x, y, number, record.title, record.url))
    return {
        "width": WIDTH,
        "height": project.height,
        "dots": [project(lat, lon) for lat, lon in background],
        "markers": markers,
    }
