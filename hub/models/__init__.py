from .news import NewsIndexPage, NewsPage
from .pages import DepartementPage, HomePage

__all__ = ["DepartementPage", "HomePage", "NewsIndexPage", "NewsPage"]
