"""Test-only searchable content: news items about the subjects parents look for."""

from search import indexing
from search.api import engines
from tests.builders import add_news

ARTICLES = {
    "parentalite": (
        "nord",
        "Soutien à la parentalité : les ateliers du samedi",
        "Des ateliers pour échanger sur la parentalité et le quotidien avec les enfants.",
    ),
    "ecrans": (
        "nord",
        "Écrans et adolescents : une soirée d'échanges",
        "Une soirée pour les parents : accompagner ses adolescents face aux écrans.",
    ),
    "mediation": (
        "gironde",
        "Médiation familiale à Bordeaux",
        "La médiation familiale aide les parents séparés à renouer le dialogue.",
    ),
    "laep": (
        "nord",
        "Un nouveau lieu d'accueil enfants-parents ouvre à Roubaix",
        "Un espace de jeu et de parole pour les tout-petits et leurs parents, sans inscription.",
    ),
    "sport": (
        "gironde",
        "Forum des associations sportives",
        "Inscriptions aux clubs de football, de judo et de natation pour la rentrée.",
    ),
}


def add_articles(network):
    """Publish the articles; returns {key: page}."""
    pages = {}
    for key, (section, title, intro) in ARTICLES.items():
        pages[key] = add_news(network[section], title, intro=intro)
    return pages


def reindex_everything():
    """Rebuild the database index and, when it is another one, the configured engine's."""
    indexing.rebuild(engines.database)
    if engines.primary() is not engines.database:
        indexing.rebuild(engines.primary())
