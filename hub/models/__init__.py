from .news import NewsIndexPage, NewsPage
from .outgoing_email import OutgoingEmail
from .pages import DepartementPage, HomePage

__all__ = ["DepartementPage", "HomePage", "NewsIndexPage", "NewsPage", "OutgoingEmail"]
