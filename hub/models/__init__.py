from .departements import Departement
from .news import NewsIndexPage, NewsPage
from .pages import DepartementPage, HomePage

__all__ = ["Departement", "DepartementPage", "HomePage", "NewsIndexPage", "NewsPage"]
