"""A map of results drawn on the server as inline SVG, from data the site holds: the communes
of the area as dots with the names of the larger ones, the search radius as a circle, the
results as markers numbered as in the list. Nothing is loaded from elsewhere.

With `settings.MAP_TILE_URL` set, the page also carries the same markers and circle in
degrees (`interactive`) for `directory/js/results-map.js`, which draws them with Leaflet (an
npm package served by the site) over the tiles of that server; the SVG stays for visitors
without JavaScript. `tile_source()` is the origin the Content-Security-Policy then allows.
"""

import math
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe

from territories.models import Commune

WIDTH = 600
MARGIN = 24
KM_PER_DEGREE = 111.2
# Without a place, the results' extent, never narrower than this (one commune's results).
MIN_SPAN_KM = 6
MAX_DOTS = 400
LABELLED_COMMUNES = 6
# Markers closer than this (SVG units) are spread around their common point.
MARKER_SPACING = 38
# The communes of a box change only with an import of the reference data: kept for an hour.
COMMUNES_CACHE_SECONDS = 3600


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    number: int
    title: str
    url: str
    latitude: float
    longitude: float


def tile_source():
    """The scheme and host of `MAP_TILE_URL` for the CSP's img-src ("https://*.tile.example.fr"
    for a "{s}." subdomain template), or "" when no tile server is set."""
    parts = urlsplit(settings.MAP_TILE_URL)
    if not parts.scheme or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"


def interactive(markers, circle_centre, radius, area):
    """What results-map.js needs to draw the map with Leaflet, or None without a tile server."""
    if not tile_source():
        return None
    south, west, north, east = area
    return {
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "bounds": [[south, west], [north, east]],
        "circle": ({"centre": circle_centre, "metres": radius * 1000} if circle_centre else None),
        "markers": [
            {
                "lat": marker.latitude,
                "lon": marker.longitude,
                "number": marker.number,
                "title": marker.title,
                "url": marker.url,
            }
            for marker in markers
        ],
    }


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    name: str


class Projection:
    """Equirectangular projection of a (south, west, north, east) box onto a WIDTH-wide SVG."""

    def __init__(self, south, west, north, east):
        self.min_lat, self.max_lat, self.min_lon = south, north, west
        self.kx = math.cos(math.radians((south + north) / 2))
        span = max((east - west) * self.kx, north - south, 0.01)
        self.scale = (WIDTH - 2 * MARGIN) / span
        self.height = round((north - south) * self.scale + 2 * MARGIN)

    def __call__(self, lat, lon):
        x = MARGIN + (lon - self.min_lon) * self.kx * self.scale
        y = MARGIN + (self.max_lat - lat) * self.scale
        return round(x, 1), round(y, 1)

    def km(self, distance):
        return round(distance / KM_PER_DEGREE * self.scale, 1)


def _box_around(lat, lon, half_km):
    half_lat = half_km / KM_PER_DEGREE
    half_lon = half_km / (KM_PER_DEGREE * math.cos(math.radians(lat)))
    return lat - half_lat, lon - half_lon, lat + half_lat, lon + half_lon


def search_area(points, origin=None, radius=None):
    """(south, west, north, east): the radius around the searched place, else the points'
    extent with a margin, at least MIN_SPAN_KM wide."""
    if origin is not None and origin.latitude is not None and radius:
        return _box_around(origin.latitude, origin.longitude, radius * 1.1)
    lats = [lat for lat, _lon in points]
    lons = [lon for _lat, lon in points]
    centre_lat, centre_lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    half_km = max(
        (max(lats) - min(lats)) * KM_PER_DEGREE / 2,
        (max(lons) - min(lons)) * KM_PER_DEGREE * math.cos(math.radians(centre_lat)) / 2,
        MIN_SPAN_KM / 2,
    )
    return _box_around(centre_lat, centre_lon, half_km * 1.15)


def communes_in(south, west, north, east):
    """The communes inside the box, largest first (at most MAX_DOTS), from the cache when the
    same box was drawn in the last hour."""
    key = "maps:communes:" + ",".join(f"{value:.4f}" for value in (south, west, north, east))
    communes = cache.get(key)
    if communes is None:
        communes = list(
            Commune.objects.filter(
                latitude__gte=south, latitude__lte=north, longitude__gte=west, longitude__lte=east
            )
            .order_by("-population", "nom")
            .values_list("nom", "latitude", "longitude")[:MAX_DOTS]
        )
        cache.set(key, communes, COMMUNES_CACHE_SECONDS)
    return communes


def dots_svg(positions):
    """The communes' grey dots as one piece of SVG (numbers only: nothing to escape); drawn
    in a template loop, 400 dots took longer than the rest of the map."""
    return mark_safe("".join(f'<circle cx="{x}" cy="{y}" r="2.5"/>' for x, y in positions))


def _spread(positions):
    """Markers on the same spot (one commune's results) placed on a small ring around it."""
    groups = []
    for index, (x, y) in enumerate(positions):
        for group in groups:
            gx, gy = positions[group[0]]
            if math.hypot(x - gx, y - gy) < MARKER_SPACING:
                group.append(index)
                break
        else:
            groups.append([index])
    spread = list(positions)
    for group in groups:
        if len(group) < 2:
            continue
        cx, cy = positions[group[0]]
        ring = MARKER_SPACING * len(group) / (2 * math.pi)
        ring = max(ring, MARKER_SPACING / 1.5)
        for rank, index in enumerate(group):
            angle = 2 * math.pi * rank / len(group) - math.pi / 2
            spread[index] = (
                round(cx + ring * math.cos(angle), 1),
                round(cy + ring * math.sin(angle), 1),
            )
    return spread


def results_map(records, origin=None, radius=None, start=1):
    """Everything the template needs to draw the map, or None when nothing can be placed.

    `start` is the list number of the first record (the page's first result), so that the
    markers carry the numbers of the list.
    """
    numbered = [
        (number, record)
        for number, record in enumerate(records, start=start)
        if record.latitude is not None
    ]
    if not numbered:
        return None
    points = [(record.latitude, record.longitude) for _number, record in numbered]
    south, west, north, east = search_area(points, origin, radius)
    project = Projection(south, west, north, east)
    communes = communes_in(south, west, north, east)
    positions = _spread([project(lat, lon) for lat, lon in points])
    markers = [
        Marker(x, y, number, record.title, record.url, record.latitude, record.longitude)
        for (x, y), (number, record) in zip(positions, numbered, strict=True)
    ]
    circle = centre = None
    if origin is not None and origin.latitude is not None and radius:
        x, y = project(origin.latitude, origin.longitude)
        circle = {"x": x, "y": y, "r": project.km(radius)}
        centre = [origin.latitude, origin.longitude]
    return {
        "width": WIDTH,
        "height": project.height,
        "dots": dots_svg(project(lat, lon) for _name, lat, lon in communes),
        "labels": [
            Label(*project(lat, lon), name) for name, lat, lon in communes[:LABELLED_COMMUNES]
        ],
        "circle": circle,
        "markers": markers,
        "origin": origin,
        "radius": radius,
        "interactive": interactive(markers, centre, radius, (south, west, north, east)),
    }
